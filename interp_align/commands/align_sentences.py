"""``interp-align align-sentences``: align files of one sentence per line, one pair or a corpus.

``SRC TGT`` aligns one document pair.  ``--corpus DIR`` (repeatable) aligns
every folder below ``DIR`` that holds ``src`` and ``tgt`` files, and
``--manifest FILE`` every ``src<TAB>tgt<TAB>out`` row; documents of one
language pair are aligned together so that what is learned (rarity weights,
translation tables, evidence weights) is shared.  A folder's languages come
from its ``meta.json`` (``src_lang``/``tgt_lang``) or ``--src-lang``/``--tgt-lang``.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from ..errors import InputError
from ..io import read_text, write_text
from ._common import ReadOptions, add_read_options, read_options, write_output

NAME = "align-sentences"
HELP = "align two files of sentences (one per line) and print Vecalign beads or JSONL"
FORMATS = ("beads", "jsonl")


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("src", metavar="SRC", nargs="?", help="source sentences, one per line (e.g. the Spanish original)")
    parser.add_argument("tgt", metavar="TGT", nargs="?", help="target sentences, one per line (e.g. the English interpretation)")
    parser.add_argument("--corpus", action="append", metavar="DIR",
                        help="align every folder below DIR with src and tgt files, together (repeatable); needs -O")
    parser.add_argument("--manifest", metavar="FILE",
                        help="align the documents listed as src<TAB>tgt<TAB>out lines, together")
    parser.add_argument("-O", "--output-dir", metavar="DIR",
                        help="with --corpus: write DIR/<folder>/test for each folder (the layout eval-align reads)")
    parser.add_argument("--format", choices=FORMATS, default="beads",
                        help="beads: [0]:[0] lines (default); jsonl: one object per bead with texts and confidence")
    parser.add_argument("--src-lang", metavar="L", help="source language (en/es switches on the built-in lexicon)")
    parser.add_argument("--tgt-lang", metavar="L", help="target language")
    parser.add_argument("--max-side", type=int, default=4, metavar="N",
                        help="most sentences on one side of a bead (default 4; five in all)")
    parser.add_argument("--no-second-pass", action="store_true",
                        help="skip the second pass with a lexicon learned from the document pair")
    parser.add_argument("-o", "--output", metavar="OUT", help="write here instead of stdout")
    add_read_options(parser, detect=False)


def _read_lines(path: str, options: ReadOptions | None = None) -> list[str]:
    """One sentence per line, decoded like every transcript (``--encoding``, ``--decode-errors``)."""
    options = options or ReadOptions()
    return read_text(path, encoding=options.encoding, errors=options.errors).text.splitlines()


def _corpus_jobs(args: argparse.Namespace) -> list[tuple[Path, Path, Path, str | None, str | None]]:
    """``(src, tgt, out, src_lang, tgt_lang)`` for every document of ``--corpus``/``--manifest``."""
    jobs = []
    for root in args.corpus or []:
        base = Path(root)
        if not base.is_dir():
            raise InputError("not a directory", path=root)
        if not args.output_dir:
            raise InputError("--corpus needs -O/--output-dir", path=root)
        for src in sorted(base.rglob("src")):
            folder = src.parent
            if not (src.is_file() and (folder / "tgt").is_file()):
                continue
            meta = {}
            if (folder / "meta.json").is_file():
                try:
                    meta = json.loads((folder / "meta.json").read_text(encoding="utf-8"))
                except (OSError, ValueError) as exc:
                    raise InputError(f"unreadable meta.json: {exc}", path=str(folder / "meta.json")) from None
            out = Path(args.output_dir) / folder.relative_to(base) / "test"
            jobs.append((src, folder / "tgt", out, meta.get("src_lang", args.src_lang), meta.get("tgt_lang", args.tgt_lang)))
    if args.manifest:
        for number, line in enumerate(_read_lines(args.manifest, read_options(args)), start=1):
            if not line.strip() or line.startswith("#"):
                continue
            parts = line.split("\t")
            if len(parts) < 3:
                raise InputError(f"line {number}: expected src<TAB>tgt<TAB>out", path=args.manifest)
            jobs.append((Path(parts[0]), Path(parts[1]), Path(parts[2]), args.src_lang, args.tgt_lang))
    return jobs


def _run_corpus(args: argparse.Namespace) -> int:
    from ..align.evaluate import format_beads
    from ..align.sentences import align_corpus

    jobs = _corpus_jobs(args)
    groups: dict[tuple[str | None, str | None], list[int]] = {}
    for k, job in enumerate(jobs):
        groups.setdefault((job[3], job[4]), []).append(k)
    for (src_lang, tgt_lang), members in groups.items():
        options = read_options(args)
        texts = [(_read_lines(str(jobs[k][0]), options), _read_lines(str(jobs[k][1]), options)) for k in members]
        aligned = align_corpus(
            texts, src_lang=src_lang, tgt_lang=tgt_lang, max_side=args.max_side, second_pass=not args.no_second_pass
        )
        for k, beads in zip(members, aligned, strict=True):
            out = jobs[k][2]
            out.parent.mkdir(parents=True, exist_ok=True)
            write_text(out, format_beads(beads))
    sys.stderr.write(f"aligned {len(jobs)} document pair(s) in {len(groups)} language pair group(s)\n")
    return 0


def run(args: argparse.Namespace) -> int:
    from ..align.evaluate import format_beads
    from ..align.sentences import align_sentences

    if args.corpus or args.manifest:
        if args.src or args.tgt:
            raise InputError("give SRC TGT or --corpus/--manifest, not both")
        return _run_corpus(args)
    if not (args.src and args.tgt):
        raise InputError("give SRC and TGT files, or --corpus DIR / --manifest FILE")
    options = read_options(args)
    src = _read_lines(args.src, options)
    tgt = _read_lines(args.tgt, options)
    beads = align_sentences(
        src,
        tgt,
        src_lang=args.src_lang,
        tgt_lang=args.tgt_lang,
        max_side=args.max_side,
        second_pass=not args.no_second_pass,
    )
    if args.format == "beads":
        out = format_beads(beads)
    else:
        out = "".join(
            json.dumps(
                {
                    "src": list(b.src),
                    "tgt": list(b.tgt),
                    "kind": b.kind,
                    "confidence": b.confidence,
                    "src_text": " ".join(src[i] for i in b.src),
                    "tgt_text": " ".join(tgt[j] for j in b.tgt),
                },
                ensure_ascii=False,
            )
            + "\n"
            for b in beads
        )
    write_output(args.output, out)
    return 0

"""``interp-align align-sentences SRC TGT``: align two files of one sentence per line."""

from __future__ import annotations

import argparse
import json

from ..io import read_text
from ._common import ReadOptions, add_read_options, read_options, write_output

NAME = "align-sentences"
HELP = "align two files of sentences (one per line) and print Vecalign beads or JSONL"
FORMATS = ("beads", "jsonl")


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("src", metavar="SRC", help="source sentences, one per line (e.g. the Spanish original)")
    parser.add_argument("tgt", metavar="TGT", help="target sentences, one per line (e.g. the English interpretation)")
    parser.add_argument("--format", choices=FORMATS, default="beads",
                        help="beads: [0]:[0] lines (default); jsonl: one object per bead with texts and confidence")
    parser.add_argument("--src-lang", metavar="L", help="source language (en/es switches on the built-in lexicon)")
    parser.add_argument("--tgt-lang", metavar="L", help="target language")
    parser.add_argument("--max-side", type=int, default=3, metavar="N",
                        help="most sentences on one side of a bead (default 3)")
    parser.add_argument("--no-second-pass", action="store_true",
                        help="skip the second pass with a lexicon learned from the document pair")
    parser.add_argument("-o", "--output", metavar="OUT", help="write here instead of stdout")
    add_read_options(parser, detect=False)


def _read_lines(path: str, options: ReadOptions) -> list[str]:
    """One sentence per line, decoded like every transcript (``--encoding``, ``--decode-errors``)."""
    return read_text(path, encoding=options.encoding, errors=options.errors).text.splitlines()


def run(args: argparse.Namespace) -> int:
    from ..align.evaluate import format_beads
    from ..align.sentences import align_sentences

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

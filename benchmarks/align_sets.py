"""Every alignment gold set in one run: ours beside NLTK Gale–Church and the Bertalign reference files.

Sets: EPTIC dev (real simultaneous interpreting, en→x and x→en, with
Bertalign+LaBSE output beside the gold), Text+Berg (de–fr), ParIce (en–is)
read from ``../shared/benchmarks`` (never copied into the project; an absent
set is skipped), and the project's own EN–ES gold under ``corpora/``.  Ours
runs in corpus mode (documents of one language pair aligned together) and,
for comparison, one document at a time.  Prints strict/lax F1, null beads
predicted against gold, and exact recall per gold bead type (``--errors``
adds, per system, how many of its beads of each type are exactly right: where
the strict errors are on the precision side).  ``--params``
overrides defaults of :class:`~interp_align.align.AlignParams` (the
ablations of docs/alignment.md), e.g. ``--params max_total=5,trailing_omission=None``;
``--quick`` prints our corpus mode only.

    .venv/bin/python benchmarks/align_sets.py [--root DIR] [--params K=V,...] [--quick] [--errors]
"""

from __future__ import annotations

import argparse
import ast
import json
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from align_gold import gale_church

from interp_align.align import AlignParams, align_corpus, read_beads, recall_by_kind, score_many
from interp_align.models import Bead

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_SHARED = ROOT.parent / "shared" / "benchmarks"
TYPES = ("1-1", "2-1", "1-2", "2-2", "1-0", "0-1", "3-1", "1-3", "3-2", "2-3", "4-1", "1-4")

Doc = tuple[Path, list[str], list[str], list[Bead], dict[str, str]]


def load(folders: Sequence[Path]) -> list[Doc]:
    docs = []
    for f in folders:
        meta = json.loads((f / "meta.json").read_text(encoding="utf-8")) if (f / "meta.json").is_file() else {}
        src = (f / "src").read_text(encoding="utf-8").splitlines()
        tgt = (f / "tgt").read_text(encoding="utf-8").splitlines()
        docs.append((f, src, tgt, read_beads(f / "gold"), meta))
    return docs


def parse_params(text: str) -> AlignParams:
    """``AlignParams`` from ``key=value,key=value`` (values are Python literals)."""
    fields = {}
    for item in filter(None, (part.strip() for part in text.split(","))):
        key, _, value = item.partition("=")
        fields[key.strip()] = ast.literal_eval(value.strip())
    return AlignParams(**fields)


def ours(docs: Sequence[Doc], corpus: bool, params: AlignParams | None = None) -> list[list[Bead]]:
    """Our aligner; documents grouped by language pair and aligned together when ``corpus``."""
    out: list[list[Bead] | None] = [None] * len(docs)
    groups: dict[tuple[str | None, str | None], list[int]] = {}
    for k, (_, _, _, _, meta) in enumerate(docs):
        groups.setdefault((meta.get("src_lang"), meta.get("tgt_lang")), []).append(k)
    for (sl, tl), members in groups.items():
        chunks = [members] if corpus else [[k] for k in members]
        for chunk in chunks:
            aligned = align_corpus(
                [(docs[k][1], docs[k][2]) for k in chunk], src_lang=sl, tgt_lang=tl, params=params
            )
            for k, beads in zip(chunk, aligned, strict=True):
                out[k] = beads
    return [b or [] for b in out]


def gc(docs: Sequence[Doc]) -> list[list[Bead]]:
    out = []
    for _, src, tgt, _, _ in docs:
        try:
            out.append(gale_church(src, tgt))
        except Exception:  # NLTK fails on some inputs: counted as an empty alignment
            out.append([])
    return out


def report(
    name: str, docs: Sequence[Doc], systems: dict[str, Callable[[], list[list[Bead]]]], errors: bool = False
) -> None:
    gold = [d[3] for d in docs]
    nulls = sum(1 for g in gold for b in g if not b.src or not b.tgt)
    print(f"== {name}: {len(docs)} documents, {sum(len(g) for g in gold)} gold beads, {nulls} null")
    print(f"  {'aligner':22}{'strict F1':>10}{'lax F1':>8}{'nulls':>7}{'cpu s':>7}  " + " ".join(f"{t:>5}" for t in TYPES))
    for label, run in systems.items():
        start = time.process_time()
        test = run()
        cpu = time.process_time() - start
        pairs = list(zip(gold, test, strict=True))
        sc = score_many(pairs)
        kinds = recall_by_kind(pairs)
        predicted = sum(1 for t in test for b in t if not b.src or not b.tgt)
        cells = " ".join(f"{kinds[t][0] / kinds[t][1]:5.2f}" if t in kinds else f"{'-':>5}" for t in TYPES)
        print(f"  {label:22}{sc.f1_strict:10.3f}{sc.f1_lax:8.3f}{predicted:7d}{cpu:7.1f}  {cells}")
        if errors:  # the same count with gold and test swapped: right / predicted, per predicted type
            right = recall_by_kind([(t, g) for g, t in pairs])
            print("    right/predicted: " + ", ".join(f"{t} {r}/{n}" for t, (r, n) in right.items()))
    counts = recall_by_kind([(g, []) for g in gold])
    print("  gold beads per type:  " + " ".join(f"{counts[t][1]:>5}" if t in counts else f"{'-':>5}" for t in TYPES))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--root", type=Path, default=DEFAULT_SHARED, help="folder holding eptic-dev/, textberg/, parice/")
    parser.add_argument("--params", default="", help="AlignParams overrides, key=value,...")
    parser.add_argument("--quick", action="store_true", help="our corpus mode only")
    parser.add_argument("--errors", action="store_true", help="also print right/predicted beads per predicted type")
    args = parser.parse_args()
    params = parse_params(args.params)
    sets: list[tuple[str, list[Path]]] = []
    for name in ("eptic-dev/en-to-x", "eptic-dev/x-to-en", "textberg", "parice"):
        base = args.root / name
        folders = sorted(p.parent for p in base.rglob("gold") if (p.parent / "src").is_file()) if base.is_dir() else []
        if not folders:
            print(f"== {name}: not found under {args.root}, skipped")
            continue
        sets.append((name, folders))
    sets.append(("project EN-ES gold", sorted(p.parent for p in (ROOT / "corpora").rglob("gold") if p.is_file() and (p.parent / "src").is_file())))
    for name, folders in sets:
        docs = load(folders)
        systems: dict[str, Callable[[], list[list[Bead]]]] = {
            "interp_align (corpus)": lambda d=docs: ours(d, True, params),
        }
        if not args.quick:
            systems["interp_align (per doc)"] = lambda d=docs: ours(d, False, params)
            systems["nltk gale-church"] = lambda d=docs: gc(d)
        if not args.quick and all((f / "bertalign").is_file() for f in folders):
            systems["bertalign+LaBSE (file)"] = lambda fs=folders: [read_beads(f / "bertalign") for f in fs]
        report(name, docs, systems, args.errors)


if __name__ == "__main__":
    main()

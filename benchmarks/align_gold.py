"""Our sentence aligner against NLTK's Gale–Church on gold folders, side by side.

By default every ``corpora/*/gold/*/`` folder of the project (EN–ES
interpretation); ``--root`` points it at any tree of ``{src,tgt,gold,meta.json}``
folders (``benchmarks/align_public.py`` does so for Text+Berg and ParIce).
Prints micro-averaged strict/lax F1 and CPU time of both aligners, the
per-document strict F1 and the bead-type breakdown of the gold.

    .venv/bin/python benchmarks/align_gold.py [--root DIR ...] [--no-second-pass]
"""

from __future__ import annotations

import argparse
import json
import time
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

from nltk.translate.gale_church import align_blocks

from interp_align.align import align_sentences, read_beads, score, score_many
from interp_align.models import Bead

ROOT = Path(__file__).resolve().parent.parent


def gale_church(src: Sequence[str], tgt: Sequence[str]) -> list[Bead]:
    """NLTK's Gale–Church on character lengths, its links grouped into beads.

    ``align_blocks`` returns sentence *links* (i, j); linked sentences form
    connected components, which are the beads; unlinked sentences become
    omissions/additions.  Lengths are floored at 1 because the NLTK code
    divides by them.
    """
    links = align_blocks([max(1, len(s)) for s in src], [max(1, len(t)) for t in tgt])
    parent: dict[tuple[str, int], tuple[str, int]] = {}

    def find(x: tuple[str, int]) -> tuple[str, int]:
        while parent.setdefault(x, x) != x:
            x = parent[x]
        return x

    for i, j in links:
        parent[find(("s", i))] = find(("t", j))
    groups: dict[tuple[str, int], tuple[list[int], list[int]]] = {}
    for node in list(parent):
        s_side, t_side = groups.setdefault(find(node), ([], []))
        (s_side if node[0] == "s" else t_side).append(node[1])
    beads = [Bead(src=tuple(sorted(s)), tgt=tuple(sorted(t))) for s, t in groups.values()]
    linked_s = {i for i, _ in links}
    linked_t = {j for _, j in links}
    beads += [Bead(src=(i,), tgt=()) for i in range(len(src)) if i not in linked_s]
    beads += [Bead(src=(), tgt=(j,)) for j in range(len(tgt)) if j not in linked_t]
    return beads


def gold_folders(roots: Sequence[Path]) -> list[Path]:
    folders: list[Path] = []
    for root in roots:
        folders += sorted(p.parent for p in root.rglob("gold") if p.is_file() and (p.parent / "src").is_file())
    return folders


def run(folders: Sequence[Path], *, second_pass: bool = True, label: str = "") -> None:
    ours_pairs, gc_pairs = [], []
    ours_time = gc_time = 0.0
    gc_failures = 0
    kinds: Counter[str] = Counter()
    rows = []
    for folder in folders:
        meta = json.loads((folder / "meta.json").read_text(encoding="utf-8")) if (folder / "meta.json").is_file() else {}
        src = (folder / "src").read_text(encoding="utf-8").splitlines()
        tgt = (folder / "tgt").read_text(encoding="utf-8").splitlines()
        gold = read_beads(folder / "gold")
        kinds.update(b.kind for b in gold)
        start = time.process_time()
        ours = align_sentences(
            src, tgt, src_lang=meta.get("src_lang"), tgt_lang=meta.get("tgt_lang"), second_pass=second_pass
        )
        ours_time += time.process_time() - start
        start = time.process_time()
        try:
            gc = gale_church(src, tgt)
        except Exception:  # NLTK's implementation fails on some inputs; count it as an empty alignment
            gc, gc_failures = [], gc_failures + 1
        gc_time += time.process_time() - start
        ours_pairs.append((gold, ours))
        gc_pairs.append((gold, gc))
        rows.append((folder, score(gold, ours).f1_strict, score(gold, gc).f1_strict))
    print(f"== {label or 'gold'}: {len(folders)} documents, {sum(kinds.values())} gold beads")
    for folder, ours_f1, gc_f1 in rows:
        print(f"  {folder.relative_to(folder.parents[2])!s:55} ours {ours_f1:.3f}  gale-church {gc_f1:.3f}")
    total = sum(kinds.values()) or 1
    print("  gold bead types: " + ", ".join(f"{k} {v} ({v / total:.0%})" for k, v in kinds.most_common()))
    ours_score, gc_score = score_many(ours_pairs), score_many(gc_pairs)
    print(f"  {'aligner':14}{'strict F1':>10}{'lax F1':>8}{'P strict':>9}{'R strict':>9}{'cpu s':>8}")
    print(
        f"  {'interp_align':14}{ours_score.f1_strict:10.3f}{ours_score.f1_lax:8.3f}"
        f"{ours_score.precision_strict:9.3f}{ours_score.recall_strict:9.3f}{ours_time:8.2f}"
    )
    print(
        f"  {'gale-church':14}{gc_score.f1_strict:10.3f}{gc_score.f1_lax:8.3f}"
        f"{gc_score.precision_strict:9.3f}{gc_score.recall_strict:9.3f}{gc_time:8.2f}"
        + (f"  ({gc_failures} document(s) failed)" if gc_failures else "")
    )
    print(f"  difference (strict F1): {ours_score.f1_strict - gc_score.f1_strict:+.3f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--root", type=Path, action="append", help="tree of gold folders (default: corpora/)")
    parser.add_argument("--no-second-pass", action="store_true")
    args = parser.parse_args()
    roots = args.root or [ROOT / "corpora"]
    folders = gold_folders(roots)
    if not folders:
        print("no gold folders found under " + ", ".join(map(str, roots)))
        return
    run(folders, second_pass=not args.no_second_pass, label=", ".join(str(r) for r in roots))


if __name__ == "__main__":
    main()

"""k-fold cross-validation of the aligner's shape parameters on EPTIC dev, by event.

Every tuned number of :class:`~interp_align.align.AlignParams` — the costs of
an omission, of an addition, of dropping the last source sentence, of each
merged sentence, and the largest bead (5 or 6 sentences in all) — is chosen
here and nowhere else.  (EM-estimated shape priors, ``shape_em``, were a grid
dimension too and never won a fold; ``--em`` puts them back.)  Each grid
point aligns all of EPTIC dev once, in corpus mode (documents of one language
pair together, as ``benchmarks/align_sets.py`` does; what corpus mode learns
needs no gold).  Documents are then split into ``--folds`` folds by *event*
(the English originals of en→fr and en→it share an event and so a fold); for
each fold the grid point with the best mean strict F1 of the two directions
on the other folds is scored on it — among the points that keep the project's
own EN–ES gold (``corpora/``, dev data: the earlier defaults were chosen on
it) at or above ``--project-floor``.  Text+Berg and ParIce are not read.
Prints, per fold, the chosen point and its held-out F1 per direction; the
mean ± standard deviation over folds; the pooled held-out F1, nulls and 2-2
recall; how flat the objective is in each parameter; and the point chosen on
all of EPTIC dev (the library default).

``--grid KEY=V1,V2,...`` replaces (or adds) one dimension of the grid, e.g.
``--grid dictionary=None,0.5,0.9`` (values are Python literals); ``--only
KEY=V1,...`` restricts the choice to some values of a dimension without
invalidating ``--cache``.

    .venv/bin/python benchmarks/align_cv.py [--root DIR] [--folds 5] [--jobs 2] [--em] [--cache FILE] [--grid K=V,...]
"""

from __future__ import annotations

import argparse
import ast
import itertools
import json
import pickle
import statistics
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from interp_align.align import AlignParams, align_corpus, read_beads, recall_by_kind, score_many
from interp_align.models import Bead

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_EPTIC = ROOT.parent / "shared" / "benchmarks" / "eptic-dev"
DIRECTIONS = ("en-to-x", "x-to-en")
PROJECT = "project"

#: The grid: every combination is aligned once.  ``None`` = the last sentence costs as any omission.
GRID = {
    "omission": (2.25, 2.5, 2.75, 3.0),
    "addition": (3.0, 4.5, 6.0),
    "merge": (1.9, 2.2, 2.5),
    "trailing_omission": (None, 1.0, 1.5, 2.0),
    "max_total": (5, 6),
}


@dataclass(frozen=True)
class Doc:
    direction: str
    event: str
    src_lang: str
    tgt_lang: str
    src: list[str]
    tgt: list[str]
    gold: list[Bead]


def load(root: Path) -> list[Doc]:
    """EPTIC dev documents of both directions, then the project's EN–ES gold folders."""
    folders = [(d, sorted(p.parent for p in (root / d).rglob("gold"))) for d in DIRECTIONS]
    folders.append((PROJECT, sorted(p.parent for p in (ROOT / "corpora").rglob("gold") if p.is_file())))
    docs = []
    for direction, found in folders:
        for folder in found:
            meta = json.loads((folder / "meta.json").read_text(encoding="utf-8"))
            docs.append(
                Doc(
                    direction,
                    str(meta.get("event_id", -1)),
                    meta["src_lang"],
                    meta["tgt_lang"],
                    (folder / "src").read_text(encoding="utf-8").splitlines(),
                    (folder / "tgt").read_text(encoding="utf-8").splitlines(),
                    read_beads(folder / "gold"),
                )
            )
    return docs


Point = tuple[tuple[str, object], ...]


def points() -> list[Point]:
    keys = list(GRID)
    return [tuple(zip(keys, values, strict=True)) for values in itertools.product(*(GRID[k] for k in keys))]


def align_all(docs: Sequence[Doc], point: Point) -> list[list[Bead]]:
    """Every document aligned with ``point``'s parameters, documents of one language pair together."""
    params = AlignParams(**dict(point))  # type: ignore[arg-type]
    out: list[list[Bead]] = [[] for _ in docs]
    groups: dict[tuple[str, str], list[int]] = {}
    for k, doc in enumerate(docs):
        groups.setdefault((doc.src_lang, doc.tgt_lang), []).append(k)
    for (sl, tl), members in sorted(groups.items()):
        aligned = align_corpus([(docs[k].src, docs[k].tgt) for k in members], src_lang=sl, tgt_lang=tl, params=params)
        for k, beads in zip(members, aligned, strict=True):
            out[k] = beads
    return out


def folds_by_event(docs: Sequence[Doc], k: int) -> list[int]:
    """Fold of each EPTIC document: events in order, dealt round-robin within each direction (−1: project)."""
    fold_of: dict[tuple[str, str], int] = {}
    for direction in DIRECTIONS:
        events = sorted({d.event for d in docs if d.direction == direction}, key=int)
        for n, event in enumerate(events):
            fold_of[(direction, event)] = n % k
    return [fold_of.get((d.direction, d.event), -1) for d in docs]


def f1(docs: Sequence[Doc], test: Sequence[list[Bead]], keep: Sequence[int]) -> float:
    return score_many([(docs[i].gold, test[i]) for i in keep]).f1_strict


def objective(docs: Sequence[Doc], test: Sequence[list[Bead]], keep: Sequence[int]) -> float:
    """Mean strict F1 of the two directions over the documents ``keep``."""
    return statistics.mean(f1(docs, test, [i for i in keep if docs[i].direction == d]) for d in DIRECTIONS)


def label(point: Point) -> str:
    return " ".join(f"{k}={v}" for k, v in point)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--root", type=Path, default=DEFAULT_EPTIC, help="the eptic-dev folder")
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--em", action="store_true", help="add shape_em ∈ {0, 3} to the grid")
    parser.add_argument("--project-floor", type=float, default=0.945, help="lowest project-gold strict F1 allowed")
    parser.add_argument("--cache", type=Path, help="pickle of the grid's alignments: written once, then reused")
    parser.add_argument("--grid", action="append", default=[], help="KEY=V1,V2,... replaces one grid dimension")
    parser.add_argument(
        "--only", action="append", default=[], help="KEY=V1,V2,... chooses only among these values (the cache stays valid)"
    )
    args = parser.parse_args()
    if args.em:
        GRID["shape_em"] = (0, 3)
    for spec in args.grid:
        key, _, values = spec.partition("=")
        parsed = ast.literal_eval(f"({values.rstrip(',')},)")
        GRID[key.strip()] = tuple(parsed)
    docs = load(args.root)
    if not any(d.direction in DIRECTIONS for d in docs):
        print(f"EPTIC dev not found under {args.root}, skipped")
        return
    grid = points()
    print(f"{len(docs)} documents, {len(grid)} grid points, {args.folds} folds by event")
    if args.cache and args.cache.is_file():
        runs = pickle.loads(args.cache.read_bytes())
    else:
        with ProcessPoolExecutor(max_workers=args.jobs) as pool:
            runs = list(pool.map(align_all, [docs] * len(grid), grid, chunksize=4))
        if args.cache:
            args.cache.write_bytes(pickle.dumps(runs))
    fold = folds_by_event(docs, args.folds)
    project = [i for i, d in enumerate(docs) if d.direction == PROJECT]
    allowed = [g for g in range(len(grid)) if f1(docs, runs[g], project) >= args.project_floor - 1e-9]
    for spec in args.only:
        key, _, values = spec.partition("=")
        keep = ast.literal_eval(f"({values.rstrip(',')},)")
        allowed = [g for g in allowed if dict(grid[g])[key.strip()] in keep]
    print(f"{len(allowed)} of {len(grid)} grid points keep the project gold at ≥ {args.project_floor}")
    held: list[list[Bead]] = [[] for _ in docs]
    per_fold: dict[str, list[float]] = {d: [] for d in DIRECTIONS}
    chosen: list[Point] = []
    for f in range(args.folds):
        train = [i for i in range(len(docs)) if fold[i] not in (f, -1)]
        test_docs = [i for i in range(len(docs)) if fold[i] == f]
        best = max(allowed, key=lambda g: objective(docs, runs[g], train))
        chosen.append(grid[best])
        for i in test_docs:
            held[i] = runs[best][i]
        scores = {d: f1(docs, runs[best], [i for i in test_docs if docs[i].direction == d]) for d in DIRECTIONS}
        for d in DIRECTIONS:
            per_fold[d].append(scores[d])
        print(f"fold {f}: {label(grid[best])}  held-out " + "  ".join(f"{d} {scores[d]:.3f}" for d in DIRECTIONS))
    print("held-out strict F1 over folds (mean ± sd):")
    for d in DIRECTIONS:
        keep = [i for i in range(len(docs)) if docs[i].direction == d]
        pairs = [(docs[i].gold, held[i]) for i in keep]
        nulls = sum(1 for i in keep for b in held[i] if not b.src or not b.tgt)
        gold_nulls = sum(1 for i in keep for b in docs[i].gold if not b.src or not b.tgt)
        r22 = recall_by_kind(pairs).get("2-2", (0, 0))
        print(
            f"  {d}: {statistics.mean(per_fold[d]):.3f} ± {statistics.stdev(per_fold[d]):.3f}"
            f"   pooled {score_many(pairs).f1_strict:.3f}, nulls {nulls} (gold {gold_nulls}), 2-2 recall {r22[0]}/{r22[1]}"
        )
    everything = [i for i in range(len(docs)) if fold[i] >= 0]
    print("flatness: in-sample objective on all of EPTIC dev, best over the other parameters, per value:")
    for key in GRID:
        cells = []
        for value in GRID[key]:
            found = [objective(docs, runs[g], everything) for g in allowed if dict(grid[g])[key] == value]
            cells.append(f"{value}: {max(found):.3f}" if found else f"{value}: below floor")
        print(f"  {key:18} " + "  ".join(cells))
    final = max(allowed, key=lambda g: objective(docs, runs[g], everything))
    scores = {d: f1(docs, runs[final], [i for i in range(len(docs)) if docs[i].direction == d]) for d in (*DIRECTIONS, PROJECT)}
    print(f"chosen on all of EPTIC dev: {label(grid[final])}  " + "  ".join(f"{d} {v:.3f}" for d, v in scores.items()))


if __name__ == "__main__":
    main()

"""``interp-align eval-align --gold G --test T``: strict and lax P/R/F1 as Vecalign scores them."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from ..errors import InputError

NAME = "eval-align"
HELP = "score test sentence alignments against gold (Vecalign format), strict and lax P/R/F1"


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--gold", action="append", required=True, metavar="GOLD",
                        help="gold beads file, or a directory of gold folders (repeatable)")
    parser.add_argument("--test", action="append", required=True, metavar="TEST",
                        help="test beads file, or a directory laid out like the gold one (repeatable, same order)")
    parser.add_argument("--format", choices=("text", "json"), default="text")


def _expand(gold: str, test: str) -> list[tuple[Path, Path]]:
    """Pair files; directories pair every ``**/gold`` file with the test file at the same relative place.

    In a gold directory the files are named ``gold`` (the corpus layout); the
    test tree may hold them as ``gold`` or ``test`` files in the same folders.
    """
    g, t = Path(gold), Path(test)
    if not g.exists():
        raise InputError("no such file or directory", path=gold)
    if not g.is_dir():
        if t.is_dir():
            raise InputError("a gold file needs a test file, not a directory", path=test)
        return [(g, t)]
    if not t.is_dir():
        raise InputError("a gold directory needs a test directory", path=test)
    pairs = []
    for gold_file in sorted(g.rglob("gold")):
        if not gold_file.is_file():
            continue
        rel = gold_file.parent.relative_to(g)
        for name in ("test", "gold"):
            candidate = t / rel / name
            if candidate.is_file():
                pairs.append((gold_file, candidate))
                break
        else:
            raise InputError(f"no test alignment for {gold_file}", path=str(t / rel))
    if not pairs:
        raise InputError("no gold files found (expected files named 'gold')", path=gold)
    return pairs


def run(args: argparse.Namespace) -> int:
    from ..align.evaluate import read_beads, recall_by_kind, score_many

    if len(args.gold) != len(args.test):
        raise InputError(f"{len(args.gold)} --gold but {len(args.test)} --test: give them in pairs")
    sets = [(g, [(read_beads(a), read_beads(b)) for a, b in _expand(g, t)]) for g, t in zip(args.gold, args.test, strict=True)]
    everything = [pair for _, pairs in sets for pair in pairs]
    result = score_many(everything)
    per_set = {name: score_many(pairs) for name, pairs in sets}
    kinds = recall_by_kind(everything)
    if args.format == "json":
        payload = result.model_dump()
        payload["sets"] = {name: s.model_dump() for name, s in per_set.items()}
        payload["recall_by_kind"] = {k: {"found": f, "gold": n} for k, (f, n) in kinds.items()}
        sys.stdout.write(json.dumps(payload, indent=2) + "\n")
        return 0
    sys.stdout.write(result.format() + "\n")
    if len(per_set) > 1:
        sys.stdout.write("\nper set (strict F1, lax F1):\n")
        for name, s in per_set.items():
            sys.stdout.write(f"  {name}: {s.f1_strict:.3f} {s.f1_lax:.3f} ({s.documents} document(s))\n")
    sys.stdout.write("\nrecall by gold bead type (exact):\n")
    for kind, (found, total) in kinds.items():
        sys.stdout.write(f"  {kind:>5} {found:5d}/{total:<5d} {found / total:.2f}\n")
    return 0

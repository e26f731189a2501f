"""Turn pairing on every English–Spanish event in corpora/ that has gold turn pairs.

Prints, per event, the dialects the parser recognised, the gold pairs, how many
``align`` recovered (the share of gold ``(en_turn, es_turn)`` pairs found among the
alignment's turn pairs), the pairs it proposed that the gold does not have, and the
time taken.  The events are project-written, so the figures are regression checks,
not evidence of quality on real records.

Usage: python benchmarks/turn_pairs.py
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

import interp_align as ia

CORPORA = Path(__file__).resolve().parents[1] / "corpora"


def gold_pairs(event: Path) -> set[tuple[int, int]]:
    lines = (event / "gold" / "turns.tsv").read_text(encoding="utf-8").splitlines()[1:]
    return {(int(a), int(b)) for a, b in (line.split("\t") for line in lines if line.strip())}


def main() -> int:
    events = sorted(p for p in CORPORA.iterdir() if (p / "gold" / "turns.tsv").is_file())
    print(f"{'event':36} {'dialects':32} {'gold':>5} {'found':>6} {'extra':>6} {'recall':>7} {'s':>6}")
    total_gold = total_found = 0
    for event in events:
        english = ia.read(event / "en.txt", detect_language=False)
        spanish = ia.read(event / "es.txt", detect_language=False)
        started = time.perf_counter()
        alignment = ia.align(english, spanish)
        elapsed = time.perf_counter() - started
        found = {(p.english_turn, p.spanish_turn) for p in alignment.pairs
                 if p.english_turn is not None and p.spanish_turn is not None}
        gold = gold_pairs(event)
        hits = len(gold & found)
        total_gold += len(gold)
        total_found += hits
        dialects = f"{english.dialect.name if english.dialect else '?'} / {spanish.dialect.name if spanish.dialect else '?'}"
        print(f"{event.name:36} {dialects:32} {len(gold):5} {hits:6} {len(found - gold):6} "
              f"{hits / len(gold):7.3f} {elapsed:6.2f}")
    if total_gold:
        print(f"{'ALL':36} {'':32} {total_gold:5} {total_found:6} {'':6} {total_found / total_gold:7.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

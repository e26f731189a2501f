"""Accuracy and speed of language identification on short press-transcript segments.

Runs stock langdetect (all 55 profiles, seeded) beside the project's
configurations on ``corpora/langid-short-segments/segments.tsv`` in one process,
so the figures are comparable::

    python benchmarks/langid_bench.py [--segments PATH] [--errors]
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from interp_align.langid import get_identifier

DEFAULT_SEGMENTS = (
    Path(__file__).resolve().parent.parent / "corpora" / "langid-short-segments" / "segments.tsv"
)
CONFIGURATIONS = ("langdetect-stock", "langdetect", "lexical")


def read_segments(path: Path) -> list[tuple[str, str]]:
    """``(lang, text)`` rows of a ``lang<TAB>text`` file with a header line."""
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines()[1:]:
        if line.strip():
            lang, text = line.split("\t", 1)
            rows.append((lang, text))
    return rows


def evaluate(
    name: str, rows: list[tuple[str, str]]
) -> tuple[float, float, list[tuple[str, str, str]]]:
    """Accuracy, segments per second (after a warm-up call) and the errors ``(gold, got, text)``."""
    identifier = get_identifier(name)
    identifier.detect("warm up the profiles")
    began = time.perf_counter()
    answers = [identifier.detect(text) for _, text in rows]
    elapsed = time.perf_counter() - began
    errors = [
        (gold, tag.code if tag else "-", text)
        for (gold, text), tag in zip(rows, answers, strict=True)
        if tag is None or tag.code != gold
    ]
    return 1 - len(errors) / len(rows), len(rows) / elapsed, errors


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--segments", type=Path, default=DEFAULT_SEGMENTS)
    parser.add_argument("--errors", action="store_true", help="list the misclassified segments")
    parser.add_argument(
        "--with-py3langid", action="store_true", help="also run py3langid if installed"
    )
    args = parser.parse_args(argv)
    rows = read_segments(args.segments)
    names = [*CONFIGURATIONS, "py3langid"] if args.with_py3langid else list(CONFIGURATIONS)
    print(f"{len(rows)} segments from {args.segments}")
    print(f"{'configuration':<18} {'accuracy':>9} {'errors':>7} {'segments/s':>11}")
    for name in names:
        accuracy, speed, errors = evaluate(name, rows)
        print(f"{name:<18} {accuracy:>9.3f} {len(errors):>7} {speed:>11.0f}")
        if args.errors:
            for gold, got, text in errors:
                print(f"    gold={gold} got={got}  {text}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

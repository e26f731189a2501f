"""Accuracy and speed of language identification on short press-transcript segments.

Runs stock langdetect (all 55 profiles, seeded) beside the project's
configurations on ``corpora/langid-short-segments/segments.tsv`` in one process,
so the figures are comparable::

    python benchmarks/langid_bench.py [--segments PATH] [--errors] [--repeat N]

Speed is CPU time (``time.process_time``: the machine is shared), the median of
``--repeat`` passes, each with a new identifier (so its memory of texts starts empty;
module-level tables such as word weights stay warm, as in a long parse).  Stock
langdetect runs last: its 55 profiles (a few hundred thousand objects the garbage
collector walks) would slow whatever ran after them.

Measured (0.2.0, 2-core machine, load 2.4-3.0, three runs alternating with main's
35da891 (0.1.0) in one session, medians of 9 passes): the default ``langdetect``
0.992 at 66-77k segments/s (main's default 7.0-11.4k; the same languages, other
confidences), ``langdetect-full`` (0.1.0's tags) 0.992 at 13.4-13.8k, ``lexical``
0.977 at 146-182k (main 133-142k), stock langdetect 0.671 at 0.16-0.18k.  Earlier, at
load ~3 with less contention, the bounded rule measured 106-123k and the full one
22.8-25.3k: the ratios hold, the absolute figures do not.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

from interp_align.langid import available_identifiers, get_identifier

DEFAULT_SEGMENTS = (
    Path(__file__).resolve().parent.parent / "corpora" / "langid-short-segments" / "segments.tsv"
)
CONFIGURATIONS = ("langdetect", "langdetect-full", "lexical", "langdetect-stock")


def read_segments(path: Path) -> list[tuple[str, str]]:
    """``(lang, text)`` rows of a ``lang<TAB>text`` file with a header line."""
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines()[1:]:
        if line.strip():
            lang, text = line.split("\t", 1)
            rows.append((lang, text))
    return rows


def evaluate(
    name: str, rows: list[tuple[str, str]], repeat: int = 5
) -> tuple[float, float, list[tuple[str, str, str]]]:
    """Accuracy, segments per CPU second (median of ``repeat`` passes, each by a new identifier
    after a warm-up call) and the errors ``(gold, got, text)``."""
    times = []
    for _ in range(repeat):
        identifier = get_identifier(name)
        identifier.detect("warm up the profiles")
        began = time.process_time()
        answers = [identifier.detect(text) for _, text in rows]
        times.append(time.process_time() - began)
    elapsed = max(statistics.median(times), 1e-9)
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
    parser.add_argument("--repeat", type=int, default=5, help="timed passes (median reported)")
    args = parser.parse_args(argv)
    rows = read_segments(args.segments)
    names = [*CONFIGURATIONS, "py3langid"] if args.with_py3langid else list(CONFIGURATIONS)
    print(f"{len(rows)} segments from {args.segments}")
    print(f"{'configuration':<18} {'accuracy':>9} {'errors':>7} {'segments/s':>11}")
    for name in names:
        if name not in available_identifiers():  # an older tree, run for comparison
            print(f"{name:<18} not in this tree")
            continue
        accuracy, speed, errors = evaluate(name, rows, 1 if name == "langdetect-stock" else args.repeat)
        print(f"{name:<18} {accuracy:>9.3f} {len(errors):>7} {speed:>11.0f}")
        if args.errors:
            for gold, got, text in errors:
                print(f"    gold={gold} got={got}  {text}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Parser throughput (MB/s) and peak memory on the seed transcript replicated 1x, 10x, 100x.

Three settings: full parse with language identification, ``detect_language=False``
(sentences, no identification), and ``detect_language=False, sentences=False``
(turns only).  Peak memory is measured with tracemalloc in a separate run, since
tracing slows Python down.

Usage: python benchmarks/parse_throughput.py [--max-copies N]

Measured (issue 11, second parse round; CPU, under load from other jobs on both cores), seed
x100 (2 MB): detect (tags not read) 16.5 MB/s, no-detect 23.6, turns-only 40; peak 10 MB
(about 5 bytes per input byte).
"""

from __future__ import annotations

import argparse
import time
import tracemalloc
from pathlib import Path
from typing import Any

from interp_align.parse import parse

SEED = Path(__file__).resolve().parents[1] / "corpora" / "us-mexico-security-dialogue-2023" / "en.txt"
SETTINGS: dict[str, dict[str, Any]] = {
    "detect": {"detect_language": True},
    "no-detect": {"detect_language": False},
    "turns-only": {"detect_language": False, "sentences": False},
}


def _time(text: str, options: dict[str, Any]) -> tuple[float, float]:
    """Wall-clock and CPU seconds (CPU time is steadier on a shared machine)."""
    started, cpu = time.perf_counter(), time.process_time()
    parse(text, **options)
    return time.perf_counter() - started, time.process_time() - cpu


def _peak(text: str, options: dict[str, Any]) -> int:
    tracemalloc.start()
    parse(text, **options)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return peak


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--max-copies", type=int, default=100)
    args = parser.parse_args()
    seed = SEED.read_text(encoding="utf-8")
    parse(seed, detect_language=True)  # warm up imports and the identifier
    print(f"{'copies':>6} {'MB':>7} {'setting':>11} {'wall s':>8} {'cpu s':>8} {'MB/s cpu':>9} {'peak MB':>8}")
    for copies in (c for c in (1, 10, 100) if c <= args.max_copies):
        text = seed * copies
        megabytes = len(text.encode("utf-8")) / 1e6
        for name, options in SETTINGS.items():
            wall, cpu = _time(text, options)
            peak = _peak(text, options) / 1e6
            rate = megabytes / cpu if cpu > 0 else float("inf")
            print(f"{copies:>6} {megabytes:>7.2f} {name:>11} {wall:>8.2f} {cpu:>8.2f} {rate:>9.2f} {peak:>8.1f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

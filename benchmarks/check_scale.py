"""How ``check`` scales with the number of turns and findings: it must be linear.

Generates records of N labelled turns — empty ones (one IA502 finding each,
the case that took 8 minutes at 20,000 turns while every finding scanned every
turn) and busy ones (a gap, doubled words, a dash and a near-miss name in each
turn) — and times ``check`` on each size.  Linear means the time per turn
stays flat as N grows::

    .venv/bin/python benchmarks/check_scale.py [--sizes 2000,5000,10000,20000]

Measured (2-core machine, shared with a fuzz run): empty 2,000 / 20,000 turns 0.38 / 3.1 s
(0.19 / 0.15 ms per turn); busy 2,000 / 20,000 turns 1.7 / 21 s (0.87 / 1.06 ms per turn).
Before the fix, ``interp-align check`` on 20,000 empty turns of one speaker took 46 s of CPU
and on 20,000 distinct speakers did not finish in 25 minutes; after it, 2.4 s for the first.
Parsing 10,000 distinct speakers still takes 45 s (the parser's speaker linking compares every
pair of labels; reported, not this benchmark's subject).
"""

from __future__ import annotations

import argparse
import time

from interp_align.parse import parse
from interp_align.quality import check


def empty_turns(n: int) -> str:
    return "Remarks\n\n" + "".join("MR. SPEAKER:\n\n" for _ in range(n))


def busy_turns(n: int) -> str:
    return "Remarks\n\n" + "".join(
        f"MR. SPEAKER{i % 50}:  We we met the (inaudible) delegation -- the the Roderiguez team on day {i}.\n\n"
        for i in range(n))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="2000,5000,10000,20000")
    args = parser.parse_args()
    print(f"{'record':<8} {'turns':>7} {'findings':>9} {'check s':>8} {'ms/turn':>8}")
    for name, make in (("empty", empty_turns), ("busy", busy_turns)):
        for n in (int(s) for s in args.sizes.split(",")):
            transcript = parse(make(n), detect_language=False)
            started = time.perf_counter()
            report = check(transcript)
            seconds = time.perf_counter() - started
            print(f"{name:<8} {n:>7} {len(report.findings):>9} {seconds:>8.2f} {1000 * seconds / n:>8.3f}")


if __name__ == "__main__":
    main()

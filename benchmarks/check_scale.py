"""How ``check`` scales with the number of turns and findings: it must be linear.

Generates records of N labelled turns — empty ones (one IA502 finding each,
the case that took 8 minutes at 20,000 turns while every finding scanned every
turn) and busy ones (a gap, doubled words, a dash and a near-miss name in each
turn) — and times ``check`` on each size.  Linear means the time per turn
stays flat as N grows::

    .venv/bin/python benchmarks/check_scale.py [--sizes 2000,5000,10000,20000]

Measured (CPU seconds; 2-core machine under load from another benchmark): empty 2,000 / 20,000
turns 0.13 / 1.03 s (0.064 / 0.051 ms per turn); busy 2,000 / 20,000 turns 0.66 / 4.31 s
(0.33 / 0.22 ms per turn; before the issue 11 check work, in the same session, 0.73 / 4.78 s).
Earlier wall-clock figures, shared with a fuzz run: empty 0.38 / 3.1 s, busy 1.7 / 21 s.
Before the fix, ``interp-align check`` on 20,000 empty turns of one speaker took 46 s of CPU
and on 20,000 distinct speakers did not finish in 25 minutes; after it, 2.4 s for the first.
Parsing 10,000 distinct speakers took 45 s then (the speaker linking compared every pair of
labels); it finds its candidates from an index now and takes about 1 s.
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
    print(f"{'record':<8} {'turns':>7} {'findings':>9} {'wall s':>8} {'CPU s':>8} {'CPU ms/turn':>12}")
    for name, make in (("empty", empty_turns), ("busy", busy_turns)):
        for n in (int(s) for s in args.sizes.split(",")):
            transcript = parse(make(n), detect_language=False)
            started, clock = time.perf_counter(), time.process_time()
            report = check(transcript)
            seconds, cpu = time.perf_counter() - started, time.process_time() - clock
            print(f"{name:<8} {n:>7} {len(report.findings):>9} {seconds:>8.2f} {cpu:>8.2f} {1000 * cpu / n:>12.3f}")


if __name__ == "__main__":
    main()

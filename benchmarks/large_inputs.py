"""Peak memory and time of the command line on very large records: memory must stay bounded.

Builds an English and a Spanish record of about ``--mb`` megabytes each by repeating the shipped
seed pair (``corpora/us-mexico-security-dialogue-2023``), then runs, each in its own process,
``interp-align parse --format json``, ``interp-align align --format jsonl`` and
``interp-align check --original`` with output written to files (``parse``'s standard output redirected to one), and prints each command's wall
time, CPU time and peak resident memory (from ``os.wait4``, the child's own figure)::

    .venv/bin/python benchmarks/large_inputs.py --mb 5,50,200 [--commands parse,align,check]

Issue 12 asked that 200 MB + 200 MB completes on a 24 GiB machine (``align`` on 50 + 50 MB died
with ``MemoryError`` past 14 GB, ``parse`` of 200 MB peaked at 10.6 GB).  Measured at 200 MB per
record (2-core machine, shared with other jobs): ``parse --format json`` 46 CPU s, 2.20 GiB peak;
``align`` 1,657 CPU s, 6.40 GiB; ``check --original`` 2,070 CPU s, 10.54 GiB; all exit 0.  At 10 MB:
2.1 s / 0.18 GiB, 72 s / 0.48 GiB, 95 s / 0.71 GiB (so 20x the input costs 17-22x the time).
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "corpora" / "us-mexico-security-dialogue-2023"
CLI = [sys.executable, "-m", "interp_align"]


def repeated(path: Path, megabytes: float, out: Path) -> int:
    """Write ``path`` repeated to about ``megabytes`` MB into ``out``; return its size in bytes."""
    text = path.read_text(encoding="utf-8").rstrip("\n") + "\n\n"
    copies = max(1, round(megabytes * 1_000_000 / len(text.encode("utf-8"))))
    with out.open("w", encoding="utf-8") as sink:
        for _ in range(copies):
            sink.write(text)
    return out.stat().st_size


def run(args: list[str], stdout: Path) -> tuple[int, float, float, float]:
    """Run one command, its output into ``stdout``; return exit code, wall s, CPU s, peak RSS GiB."""
    start = time.perf_counter()
    with stdout.open("wb") as sink:
        child = subprocess.Popen(args, stdout=sink, stderr=subprocess.PIPE)
        _, status, usage = os.wait4(child.pid, 0)
    wall = time.perf_counter() - start
    if child.stderr is not None:
        err = child.stderr.read().decode(errors="replace").strip()
        child.stderr.close()
        if err:
            print("   stderr:", err.splitlines()[-1][:200])
    cpu = usage.ru_utime + usage.ru_stime
    return os.waitstatus_to_exitcode(status), wall, cpu, usage.ru_maxrss / 2**20


def commands(en: Path, es: Path, out: Path) -> dict[str, list[str]]:
    return {
        "parse": [*CLI, "parse", str(en), "--format", "json"],
        "align": [*CLI, "align", str(en), str(es), "--format", "jsonl", "-o", str(out / "pairs.jsonl")],
        "check": [*CLI, "check", str(en), "--original", str(es), "--format", "json",
                  "--fail-on", "never", "-o", str(out / "check.json")],
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--mb", default="5,50", help="comma-separated sizes per record, in MB")
    ap.add_argument("--commands", default="parse,align,check")
    opts = ap.parse_args()
    wanted = opts.commands.split(",")
    print(f"{'MB per record':>13} {'command':>8} {'exit':>4} {'wall s':>8} {'cpu s':>8} {'peak GiB':>9} {'B/B':>6}")
    for mb in (float(x) for x in opts.mb.split(",")):
        with tempfile.TemporaryDirectory() as tmp:
            folder = Path(tmp)
            size = repeated(SEED / "en.txt", mb, folder / "en.txt")
            size += repeated(SEED / "es.txt", mb, folder / "es.txt")
            for name, args in commands(folder / "en.txt", folder / "es.txt", folder).items():
                if name not in wanted:
                    continue
                code, wall, cpu, peak = run(args, folder / f"{name}.out")
                per_byte = peak * 2**30 / (size / 2 if name == "parse" else size)
                print(f"{mb:>13g} {name:>8} {code:>4} {wall:>8.1f} {cpu:>8.1f} {peak:>9.2f} {per_byte:>6.1f}",
                      flush=True)


if __name__ == "__main__":
    main()

"""Batch throughput (documents per second) over generated transcript pairs.

Writes N generated English/Spanish event pairs (``tests/batch_corpus.py``) plus
one broken file into a temporary folder, then runs the batch four ways into
separate output folders: 1 local worker, 2 local worker processes, a local
Dask cluster (2 worker processes, 1 thread each, loopback only; warmed up on 4
other pairs first, so its figure is steady-state throughput), and a resume
run over the first output (nothing to redo except the broken file). A
"document" is one job: a pair (two transcripts parsed, aligned, checked) or
the broken file. The three fresh runs must write byte-identical folders.

Usage: python benchmarks/batch_bench.py [--pairs 1000] [--no-dask]
"""

from __future__ import annotations

import argparse
import hashlib
import sys
import tempfile
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path

from interp_align.batch import BatchSummary, run_batch

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))
from batch_corpus import write_broken, write_pairs  # type: ignore[import-not-found, unused-ignore]


def _quiet(done: int, total: int, message: str) -> None:
    """No per-document lines: the benchmark prints one line per run."""


def _timed(run: Callable[[], BatchSummary]) -> tuple[float, BatchSummary]:
    started = time.perf_counter()
    summary = run()
    return time.perf_counter() - started, summary


def _tree(folder: Path) -> dict[str, str]:
    """Every output file by relative path, with a hash of its bytes."""
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pairs", type=int, default=1000, help="generated pairs (default 1000)")
    parser.add_argument("--no-dask", action="store_true", help="skip the Dask run")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="batch-bench-") as tmp:
        root = Path(tmp)
        source = root / "in"
        write_pairs(source, args.pairs)
        write_broken(source)
        results: list[tuple[str, float, BatchSummary]] = []
        for label, workers in (("1 worker", 1), ("2 workers", 2)):
            seconds, summary = _timed(partial(run_batch, source, root / label.replace(" ", "-"), workers=workers,
                                              progress=_quiet))
            results.append((label, seconds, summary))
        if not args.no_dask:
            from distributed import LocalCluster

            with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None,
                              host="127.0.0.1") as cluster:
                # warm-up: each worker imports the library and loads the language profiles once, as the
                # local runs' processes (forked from this already warm process) need not
                warm = root / "warm"
                write_pairs(warm, 4, start=args.pairs)
                run_batch(warm, root / "warm-out", scheduler=cluster.scheduler_address, progress=_quiet)
                seconds, summary = _timed(lambda: run_batch(source, root / "dask-2x1", scheduler=cluster.scheduler_address,
                                                             progress=_quiet))
            results.append(("dask 2x1", seconds, summary))
        trees = {label: _tree(root / label.replace(" ", "-")) for label, _, _ in results}
        seconds, summary = _timed(lambda: run_batch(source, root / "1-worker", progress=_quiet))
        results.append(("resume", seconds, summary))

        print(f"{'run':<10} {'docs':>6} {'processed':>9} {'skipped':>7} {'failed':>6} {'seconds':>8} {'docs/s':>8}")
        for label, seconds, summary in results:
            print(f"{label:<10} {summary.total:>6} {summary.processed:>9} {summary.skipped:>7} {summary.failed:>6} "
                  f"{seconds:>8.2f} {summary.total / seconds:>8.1f}")
        reference = trees["1 worker"]
        for label, tree in trees.items():
            if label != "1 worker":
                differ = sorted(k for k in reference.keys() | tree.keys() if reference.get(k) != tree.get(k))
                print(f"{label} outputs byte-identical to 1 worker: {not differ} ({len(tree)} files)"
                      + (f"; {len(differ)} differ, e.g. {', '.join(differ[:3])}" if differ else ""))
    return 0


if __name__ == "__main__":
    sys.exit(main())

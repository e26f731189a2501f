"""``interp-align batch IN_DIR -o OUT_DIR``: parse, align and check a whole corpus, resumably."""

from __future__ import annotations

import argparse
import sys

from ._common import add_read_options, read_options

NAME = "batch"
HELP = "parse, align and check every transcript in a folder (resumable; progress on stderr)"


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("in_dir", metavar="IN_DIR", help="folder of *.txt transcripts (searched recursively)")
    parser.add_argument("-o", "--output", metavar="OUT_DIR", required=True,
                        help="folder for outputs (created if its parent exists; locked while the batch runs)")
    parser.add_argument("--pairs", metavar="MANIFEST.csv",
                        help="CSV with columns english,spanish (paths relative to IN_DIR); default: "
                             "NAME.en.txt pairs with NAME.es.txt, en.txt with es.txt")
    parser.add_argument("--workers", type=int, default=1, help="local worker processes (default 1)")
    parser.add_argument("--scheduler", metavar="ADDRESS",
                        help="run on a Dask distributed cluster at ADDRESS (needs the 'dask' extra)")
    parser.add_argument("--swap-if-needed", action="store_true",
                        help="a pair whose English file reads as Spanish and Spanish file as English is swapped "
                             "(else that document fails with the reason)")
    add_read_options(parser, detect=False)


def run(args: argparse.Namespace) -> int:
    from ..batch import run_batch

    summary = run_batch(args.in_dir, args.output, manifest=args.pairs, workers=args.workers,
                        scheduler=args.scheduler, options=read_options(args), swap=args.swap_if_needed)
    print(f"{summary.total} documents: {summary.processed} processed, {summary.skipped} unchanged "
          f"(skipped), {summary.failed} failed; summary in {args.output}/summary.csv", file=sys.stderr)
    return 1 if summary.failed else 0

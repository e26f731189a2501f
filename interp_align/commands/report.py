"""``interp-align report EN_FILE [ES_FILE] -o report.html``: a self-contained HTML report."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

NAME = "report"
HELP = "write a self-contained HTML report (side by side when a Spanish record is given)"


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("english", metavar="EN_FILE", help="English record (or any single transcript)")
    parser.add_argument("spanish", metavar="ES_FILE", nargs="?", help="Spanish record of the same event")
    parser.add_argument("-o", "--output", metavar="OUT", required=True, help="HTML file to write")


def run(args: argparse.Namespace) -> int:
    from ..align.turns import align
    from ..parse import read
    from ..quality import check
    from ..report import render_report

    english = read(args.english)
    spanish = read(args.spanish) if args.spanish else None
    alignment = align(english, spanish) if spanish is not None else None
    report = check(english, original=spanish, alignment=alignment)
    original_report = check(spanish) if spanish is not None else None
    page = render_report(english, spanish, alignment, report, original_report)
    Path(args.output).write_text(page, encoding="utf-8")
    print(f"wrote {args.output} ({len(page.encode('utf-8')):,} bytes)", file=sys.stderr)
    return 0

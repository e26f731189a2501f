"""``interp-align report EN_FILE [ES_FILE] -o report.html``: a self-contained HTML report.

The records are read, ordered and checked exactly as ``interp-align check
EN_FILE --original ES_FILE`` reads, orders and checks them (same options, same
configuration), so the page's counts are the counts ``check`` prints.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..errors import ConfigError
from ._common import add_read_options, load, read_options, write_output

NAME = "report"
HELP = "write a self-contained HTML report (side by side when a Spanish record is given)"


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("english", metavar="EN_FILE", help="English record (or any single transcript)")
    parser.add_argument("spanish", metavar="ES_FILE", nargs="?", help="Spanish record of the same event")
    parser.add_argument("-o", "--output", metavar="OUT", required=True, help="HTML file to write")
    parser.add_argument("--config", metavar="PYPROJECT", help="read [tool.interp-align.check] from this file")
    parser.add_argument("--swap-if-needed", action="store_true",
                        help="when EN_FILE reads as Spanish and ES_FILE as English, swap them (else: exit 2)")
    add_read_options(parser)


def run(args: argparse.Namespace) -> int:
    from ..align.turns import align
    from ..pairing import order_pair
    from ..quality import check, load_config
    from ..report import render_report

    pyproject = Path(args.config) if args.config else None
    if pyproject is not None and not pyproject.is_file():
        raise ConfigError(f"{pyproject}: no such file")
    config = load_config(pyproject)
    options = read_options(args)
    english = load(args.english, options)
    spanish = load(args.spanish, options, language="es") if args.spanish else None
    alignment = None
    if spanish is not None:
        english, spanish, swapped = order_pair(english, spanish, swap=args.swap_if_needed)
        if swapped:  # the Spanish record is declared Spanish, as check --original declares it
            english, spanish = load(args.spanish, options), load(args.english, options, language="es")
            print(f"interp-align report: swapped the records: {english.path} is the English record", file=sys.stderr)
        alignment = align(english, spanish)
    report = check(english, original=spanish, alignment=alignment, config=config)
    original_report = check(spanish, config=config) if spanish is not None else None
    page = render_report(english, spanish, alignment, report, original_report)
    write_output(args.output, page)
    print(f"wrote {args.output} ({len(page.encode('utf-8')):,} bytes)", file=sys.stderr)
    return 0

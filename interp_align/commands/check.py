"""``interp-align check FILE...``: lint transcripts and gate CI on the findings.

Exit codes: 0 when no finding reaches ``--fail-on``, 1 when one does, 2 for
usage or input errors (raised as ``InterpAlignError`` and printed by the CLI).
With several FILEs, one that cannot be read is reported on stderr and the
others are still checked and printed; the exit code is then 2.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from .._gc import fewer_collections
from ..errors import ConfigError, InputError
from ..models import Severity, Transcript
from ._common import ReadOptions, add_read_options, load, read_options, write_output

if TYPE_CHECKING:
    from ..quality import QualityConfig, QualityReport

NAME = "check"
HELP = "check transcripts for gaps, garbled text, names, interpreter flags, structure and fidelity"

_FAIL_ON = {"error": Severity.ERROR, "warning": Severity.WARNING, "info": Severity.INFO, "never": None}


def _codes(value: str) -> tuple[str, ...]:
    return tuple(v.strip() for v in value.split(",") if v.strip())


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("files", metavar="FILE", nargs="*", help="transcript(s) to check")
    parser.add_argument("--original", metavar="ES_FILE",
                        help="the Spanish record of the same event (or the English one, for a Spanish FILE): "
                             "enables the fidelity rules (one FILE only)")
    parser.add_argument("--reference", metavar="REF",
                        help="a reference translation transcript, paired turn by turn: chrF/BLEU per turn and corpus")
    parser.add_argument("--format", choices=("text", "json", "github", "sarif"), default="text",
                        help="text (table grouped by turn, default), json, github (workflow commands), sarif (2.1.0)")
    parser.add_argument("--fail-on", choices=tuple(_FAIL_ON), default=None,
                        help="exit 1 when a finding is at or above this severity (default from config, else error)")
    parser.add_argument("--select", type=_codes, default=None, metavar="RULES",
                        help="comma-separated rule ids, id prefixes, names or families to run (IA1,IA301,names)")
    parser.add_argument("--ignore", type=_codes, default=None, metavar="RULES", help="rules to skip, same syntax")
    parser.add_argument("--config", metavar="PYPROJECT", help="read [tool.interp-align.check] from this file")
    parser.add_argument("-o", "--output", metavar="OUT", help="write the report here instead of stdout")
    parser.add_argument("--list-rules", action="store_true", help="print the rule table and exit")
    add_read_options(parser)
    parser.add_argument("--fix", action="store_true",
                        help="write a fixed copy of each FILE (NAME.fixed.EXT) with the certain repairs: page chrome and "
                             "spam moved to NAME.fixed.removed.txt, interpreter notes in the record's usual form, mojibake "
                             "repaired; print the diff. The input is never written")
    parser.add_argument("--fix-output", metavar="OUT", help="with --fix and one FILE: write the fixed copy here")


def _list_rules() -> str:
    from ..quality import all_rules

    return "".join(f"{r.code}  {r.name:<22} {r.severity.value:<8} {r.family:<10} {r.summary}\n" for r in all_rules())


def run(args: argparse.Namespace) -> int:
    from ..quality import load_config
    from ..quality.formats import format_reports

    if args.list_rules:
        sys.stdout.write(_list_rules())
        return 0
    if not args.files:
        raise InputError("no FILE given (see interp-align check --help)")
    if args.original and len(args.files) != 1:
        raise InputError("--original applies to exactly one FILE")
    if args.reference and len(args.files) != 1:
        raise InputError("--reference applies to exactly one FILE")
    if args.fix_output and not (args.fix and len(args.files) == 1):
        raise InputError("--fix-output needs --fix and exactly one FILE")
    if args.fix and (args.original or args.reference):
        raise InputError("--fix repairs one record: it takes no --original or --reference")
    pyproject = Path(args.config) if args.config else None
    if pyproject is not None and not pyproject.is_file():
        raise ConfigError(f"{pyproject}: no such file")
    config = load_config(pyproject, overrides={"select": args.select, "ignore": args.ignore, "fail_on": args.fail_on})
    options = read_options(args)
    if args.fix:
        from .check_fix import run_fix

        return run_fix(args.files, args.fix_output, config=config, options=options,
                       fail_on=_FAIL_ON[config.fail_on])
    with fewer_collections():  # parsing builds the records the collector would walk again and again
        reports, unreadable = _check_files(args, config, options)
    write_output(args.output, format_reports(reports, args.format))
    if unreadable:
        return 2
    threshold = _FAIL_ON[config.fail_on]
    return 1 if any(r.fails(threshold) for r in reports) else 0


def _check_files(args: argparse.Namespace, config: QualityConfig, options: ReadOptions) -> tuple[list[QualityReport], int]:
    """The report of every readable FILE, and how many could not be read (each said on stderr)."""
    from ..quality import check

    reference = load(args.reference, options) if args.reference else None
    reports, unreadable = [], 0
    original: Transcript | None = None
    for name in args.files:
        try:
            transcript = load(name, options)
            if args.original:
                if original is None:  # the other record of the event: English for a Spanish FILE, else Spanish
                    spanish = transcript.language is not None and transcript.language.code.startswith("es")
                    original = load(args.original, options, language="en" if spanish else "es")
                _check_languages(transcript, original)
            reports.append(check(transcript, original=original, reference=reference, config=config))
        except InputError as exc:  # one bad file must not hide the findings of the others
            unreadable += 1
            print(f"interp-align check: error: {exc}", file=sys.stderr)
    return reports, unreadable


def _check_languages(transcript: Transcript, original: Transcript) -> None:
    """Refuse a FILE and an ``--original`` in one language: fidelity needs the event's other record."""
    from ..pairing import refuse_same_language

    refuse_same_language(transcript, original, names=("FILE", "--original"))

"""The ``interp-align`` command line: a thin dispatcher over ``interp_align.commands``.

Each subcommand lives in its own module under ``interp_align/commands/`` and
exposes ``NAME``, ``HELP``, ``configure(parser)`` and ``run(args) -> int``.
Exit codes (documented in docs/cli.md): 0 success / nothing to report,
1 findings at or above ``--fail-on`` (``check``), 2 usage or input error,
3 internal error (a bug: one line, the traceback with ``INTERP_ALIGN_TRACEBACK=1``).
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
import traceback
from collections.abc import Sequence
from types import ModuleType

from ._version import __version__
from .errors import InterpAlignError

EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_USAGE = 2
EXIT_INTERNAL = 3

#: Subcommand modules, in the order ``--help`` lists them.
COMMAND_MODULES = (
    "parse",
    "schema",
    "align",
    "align_sentences",
    "eval_align",
    "check",
    "report",
    "batch",
)


class _Parser(argparse.ArgumentParser):
    """argparse exits 2 on usage errors already; keep its one-line message."""


def _load_commands() -> list[ModuleType]:
    modules = []
    for name in COMMAND_MODULES:
        try:
            modules.append(importlib.import_module(f"interp_align.commands.{name}"))
        except ModuleNotFoundError as exc:  # a command not built yet stays out of --help
            if exc.name != f"interp_align.commands.{name}":
                raise
    return modules


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="interp-align", description="Parse, align and check interpreted transcripts.")
    parser.add_argument("--version", action="version", version=f"interp-align {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    sub.required = True
    for module in _load_commands():
        command = sub.add_parser(module.NAME, help=module.HELP, description=module.HELP)
        module.configure(command)
        command.set_defaults(_run=module.run)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return int(args._run(args))
    except InterpAlignError as exc:
        print(f"interp-align {args.command}: error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        print("interp-align: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return EXIT_OK
    except OSError as exc:  # a file or folder the command could not use: an input error, not a bug
        where = f"{exc.filename}: " if exc.filename else ""
        print(f"interp-align {args.command}: error: {where}{exc.strerror or exc}", file=sys.stderr)
        return EXIT_USAGE
    except Exception as exc:  # a bug: exit 3 so CI never reads it as findings (1)
        if os.environ.get("INTERP_ALIGN_TRACEBACK"):
            traceback.print_exc()
        first = (str(exc).splitlines() or [""])[0]
        print(f"interp-align {args.command}: internal error: {type(exc).__name__}: {first} "
              "(a bug: please report it; INTERP_ALIGN_TRACEBACK=1 prints the traceback)", file=sys.stderr)
        return EXIT_INTERNAL


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())

"""What several commands share: the reading options every transcript-reading command takes, and writing outputs.

Every command that reads transcripts takes ``--encoding`` and
``--decode-errors`` and reads through :func:`load`, so a file reads the same
whichever command opens it; every output goes through :func:`write_output`
(atomic, and a missing folder is one clear line, exit 2).
"""

from __future__ import annotations

import argparse
import sys

from ..inputs import ReadOptions, load
from ..io import ERRORS, check_encoding, write_text

__all__ = ["ReadOptions", "add_read_options", "load", "read_options", "write_output"]


def add_read_options(parser: argparse.ArgumentParser, *, detect: bool = True) -> None:
    """``--encoding``, ``--decode-errors`` (and ``--no-detect`` unless the command has its own)."""
    parser.add_argument("--encoding", metavar="NAME", default=None,
                        help="decode inputs with this codec (utf-8, cp1252, latin-1, utf-16-le ...) instead of "
                             "detecting: BOM, UTF-8, then CP-1252 for clearly Western text (diagnostic P020)")
    parser.add_argument("--decode-errors", choices=ERRORS, default="strict",
                        help="strict (default): undecodable bytes are an error naming the byte offset; replace: "
                             "read anyway (stray CP-1252 letters kept, other bytes U+FFFD) and record diagnostic P004")
    if detect:
        parser.add_argument("--no-detect", action="store_true", help="skip language identification (faster)")


def read_options(args: argparse.Namespace) -> ReadOptions:
    encoding = check_encoding(args.encoding) if getattr(args, "encoding", None) else None
    return ReadOptions(encoding=encoding, errors=getattr(args, "decode_errors", "strict"),
                       detect_language=not getattr(args, "no_detect", False))


def write_output(path: str | None, text: str) -> None:
    """Write to ``path`` atomically (see ``io.write_text``), or to stdout when there is none."""
    if path:
        write_text(path, text)
    else:
        sys.stdout.write(text)

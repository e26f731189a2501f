"""Reading transcript files: bytes → text, with no silent guessing.

Supported: UTF-8 with or without a BOM, UTF-16 LE/BE *with* a BOM.  Anything
else that does not decode raises ``DecodeError`` naming the path and byte
offset — unless the caller asks for ``errors="replace"``, in which case the
bad bytes become U+FFFD and a diagnostic records where the first one was.
NUL bytes in data without a UTF-16 BOM mean the file is binary, not text.
"""

from __future__ import annotations

import codecs
import os
import re
from dataclasses import dataclass, field
from typing import Literal

from .errors import DecodeError, InputError
from .models import Diagnostic, Severity

__all__ = [
    "DEFAULT_MAX_BYTES",
    "DecodedText",
    "decode_bytes",
    "find_mojibake",
    "read_text",
]

#: Files larger than this are refused (a transcript is never this large; a mistake often is).
DEFAULT_MAX_BYTES = 256 * 1024 * 1024

Errors = Literal["strict", "replace"]

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


@dataclass(frozen=True)
class DecodedText:
    """Decoded text, the encoding that produced it, and anything noticed on the way."""

    text: str
    encoding: str
    diagnostics: tuple[Diagnostic, ...] = field(default=())


def _sniff(data: bytes) -> str | None:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return encoding
    return None


def decode_bytes(data: bytes, path: str | None = None, *, errors: Errors = "strict") -> DecodedText:
    """Decode transcript bytes: BOM-declared UTF-8/UTF-16, else strict UTF-8.

    Raises ``InputError`` for binary data and ``DecodeError`` (with the byte
    offset) for bytes that are not UTF-8, unless ``errors="replace"``.
    """
    encoding = _sniff(data)
    if encoding is None and b"\x00" in data:
        nul = data.index(b"\x00")
        raise InputError(
            f"looks binary (NUL byte at byte {nul}); expected UTF-8, or UTF-16 with a BOM",
            path=path,
        )
    encoding = encoding or "utf-8"
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as exc:
        # utf-8-sig reports offsets after the BOM; report offsets into the file.
        offset = exc.start + (len(codecs.BOM_UTF8) if encoding == "utf-8-sig" else 0)
        if errors != "replace":
            raise DecodeError(
                f"not valid {encoding} ({exc.reason})", path=path, byte_offset=offset
            ) from None
        text = data.decode(encoding, errors="replace")
        diagnostic = Diagnostic(
            code="P004",
            severity=Severity.WARNING,
            message=f"undecodable bytes replaced with U+FFFD; first at byte {offset} ({exc.reason})",
        )
        return DecodedText(text=text, encoding=encoding, diagnostics=(diagnostic,))
    if encoding == "utf-16" and "\x00" in text:
        raise InputError("looks binary (NUL characters in UTF-16 text)", path=path)
    return DecodedText(text=text, encoding=encoding)


def read_text(
    path: str | os.PathLike[str], *, max_bytes: int = DEFAULT_MAX_BYTES, errors: Errors = "strict"
) -> DecodedText:
    """Read and decode a transcript file; errors name the path."""
    name = os.fspath(path)
    try:
        size = os.stat(name).st_size
    except FileNotFoundError:
        raise InputError("no such file", path=name) from None
    except OSError as exc:
        raise InputError(f"cannot read ({exc.strerror})", path=name) from None
    if os.path.isdir(name):
        raise InputError("is a directory, not a transcript file", path=name)
    if size > max_bytes:
        raise InputError(f"file is {size} bytes, over the {max_bytes}-byte limit", path=name)
    try:
        with open(name, "rb") as handle:
            data = handle.read(max_bytes + 1)
    except OSError as exc:
        raise InputError(f"cannot read ({exc.strerror})", path=name) from None
    if len(data) > max_bytes:
        raise InputError(f"file is over the {max_bytes}-byte limit", path=name)
    return decode_bytes(data, name, errors=errors)


# Typical UTF-8-read-as-cp1252/latin-1 sequences: "Ã©", "Ã­", "â€™", "Â ".
_MOJIBAKE = re.compile(
    "[ÃÂ][\u0080-\u00bf\u2018-\u203a\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u02c6\u02dc]|â€[\u0080-\u00bf\u2018-\u203a™]"
)


def find_mojibake(text: str, *, limit: int = 1) -> tuple[Diagnostic, ...]:
    """Diagnostics for text that was decoded with the wrong encoding somewhere upstream.

    Uses ftfy's badness check when available and a pattern for the usual
    UTF-8-as-Latin-1 sequences to locate the first occurrence; never raises.
    """
    match = _MOJIBAKE.search(text)
    bad = match is not None
    if not bad:
        from .badness import is_bad  # ftfy's check, run only where a match can start

        bad = is_bad(text[:20_000])  # ftfy's regex is slow (~1 MB/s): a sample; ours scans all
    if not bad:
        return ()
    start = match.start() if match else None
    line = column = None
    if start is not None:
        line = text.count("\n", 0, start) + 1
        column = start - (text.rfind("\n", 0, start) + 1) + 1
    where = f" (e.g. {text[start : start + 2]!r} at line {line})" if start is not None else ""
    diagnostic = Diagnostic(
        code="P003",
        severity=Severity.WARNING,
        message=f"text looks like mojibake (UTF-8 decoded as Latin-1/cp1252 upstream){where}; fix the source, e.g. with ftfy",
        start=start,
        end=start + 2 if start is not None else None,
        line=line,
        column=column,
    )
    return (diagnostic,)[:limit]

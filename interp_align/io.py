"""Reading transcript files and writing outputs: bytes → text by a documented order, no silent guessing.

Detection order (``encoding=None``, the default; docs/cli.md#encodings):

1. a byte-order mark: UTF-8 (``utf-8-sig``), UTF-16 LE or BE (``utf-16``);
2. NUL bytes without a BOM: the file is binary, refused;
3. strict UTF-8;
4. CP-1252 (Windows Western, a superset of Latin-1's letters) when the text
   is clearly Western-European: every non-ASCII character a Latin letter or
   common typographic mark and no UTF-8-read-as-CP-1252 sequence.  Recorded
   as diagnostic P020, so the fallback is never silent;
5. otherwise ``DecodeError`` naming the path and byte offset, with the
   options that would read it.

A named ``encoding`` (any Python codec) skips the detection.  With
``errors="replace"`` undecodable bytes are kept readable where that is
certain to help — in UTF-8 text a stray byte that is a CP-1252 letter or
Spanish/English mark (a Latin-1 ``Í`` or ``¿`` inside a UTF-8 file, the usual
mix) becomes that character, so accented speaker labels survive — and become
U+FFFD otherwise; diagnostic P004 says how many bytes and where the first was.
"""

from __future__ import annotations

import codecs
import contextlib
import os
import re
import tempfile
import threading
from dataclasses import dataclass, field
from typing import Literal

from .errors import DecodeError, InputError
from .models import Diagnostic, Severity

__all__ = [
    "DECODE_DIAGNOSTICS",
    "DEFAULT_MAX_BYTES",
    "ERRORS",
    "DecodedText",
    "check_encoding",
    "decode_bytes",
    "find_mojibake",
    "read_text",
    "write_text",
]

#: Files larger than this are refused (a transcript is never this large; a mistake often is).
DEFAULT_MAX_BYTES = 256 * 1024 * 1024

Errors = Literal["strict", "replace"]
#: The choices of ``--decode-errors``.
ERRORS: tuple[Errors, ...] = ("strict", "replace")

#: Diagnostics this module records while decoding (the parser's are in ``parse.DIAGNOSTIC_CODES``).
DECODE_DIAGNOSTICS: dict[str, str] = {
    "P004": "undecodable bytes were replaced (read with errors='replace')",
    "P020": "not UTF-8: decoded as CP-1252 (Windows Western), the detection fallback",
}

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_WIDE = ("utf-16", "utf_16", "utf-32", "utf_32", "utf16", "utf32")

#: Non-ASCII characters a CP-1252 English or Spanish text is made of: Latin letters, NBSP, typography.
_WESTERN = re.compile("[^\x00-\x7f\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u00ff\u00a0¡¿«»°ºª·´¨§¶©®™€£¥¢½¼¾•–—‘’‚“”„…‹›ŒœŠšŽžŸƒ]")
#: CP-1252 letters and Spanish/English typography by byte: what a stray byte inside UTF-8 text most likely was.
_CP1252_WESTERN = {
    b: ch for b in range(0x80, 0x100)
    if (ch := bytes([b]).decode("cp1252", errors="ignore")) and _WESTERN.fullmatch(ch) is None
}


@dataclass(frozen=True)
class DecodedText:
    """Decoded text, the encoding that produced it, and anything noticed on the way."""

    text: str
    encoding: str
    diagnostics: tuple[Diagnostic, ...] = field(default=())


def check_encoding(name: str) -> str:
    """The codec's canonical name; ``InputError`` for a name Python does not know."""
    try:
        return codecs.lookup(name).name
    except LookupError:
        raise InputError(f"unknown encoding {name!r} (use a Python codec name: utf-8, cp1252, latin-1, utf-16-le ...)") from None


def _sniff(data: bytes) -> str | None:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return encoding
    return None


_replaced = threading.local()


def _recover(exc: UnicodeError) -> tuple[str, int]:
    """Error handler ``interp-align-replace``: CP-1252 characters for stray bytes in UTF-8, else U+FFFD."""
    if not isinstance(exc, UnicodeDecodeError):
        raise exc
    bad = exc.object[exc.start : exc.end]
    letters = getattr(_replaced, "letters", False)
    text = "".join((_CP1252_WESTERN.get(b, "\ufffd") if letters else "\ufffd") for b in bad)
    log = getattr(_replaced, "log", None)
    if log is not None:
        log.append((exc.start, exc.end - exc.start, text.count("\ufffd")))
    return text, exc.end


codecs.register_error("interp-align-replace", _recover)


def _replace_decode(data: bytes, encoding: str) -> tuple[str, list[tuple[int, int, int]]]:
    """Decode with :func:`_recover`; also where bytes were replaced (start, length, U+FFFD count)."""
    _replaced.log, _replaced.letters = [], encoding.replace("_", "-").startswith("utf-8")
    try:
        return data.decode(encoding, errors="interp-align-replace"), _replaced.log
    finally:
        del _replaced.log, _replaced.letters


def _western(text: str) -> bool:
    """Whether CP-1252-decoded text reads as English or Spanish: no odd characters, no mojibake."""
    return _WESTERN.search(text) is None and _MOJIBAKE.search(text) is None


def _decode_named(data: bytes, encoding: str, path: str | None, errors: Errors, bom_shift: int) -> DecodedText:
    try:
        return DecodedText(text=data.decode(encoding), encoding=encoding)
    except UnicodeDecodeError as exc:
        offset = exc.start + bom_shift  # utf-8-sig reports offsets after the BOM; report offsets into the file
        if errors != "replace":
            hint = "name the encoding with --encoding, or read it anyway with --decode-errors replace"
            raise DecodeError(f"not valid {encoding} ({exc.reason})", path=path, byte_offset=offset, hint=hint) from None
    text, log = _replace_decode(data, encoding)
    total = sum(n for _, n, _ in log)
    lost = sum(q for *_, q in log)
    kept = f"; {total - lost} read as CP-1252 characters, {lost} as U+FFFD" if lost != total else " with U+FFFD"
    diagnostic = Diagnostic(
        code="P004",
        severity=Severity.WARNING,
        message=f"{total} undecodable byte(s) in {encoding} replaced{kept}; first at byte {log[0][0] + bom_shift}",
    )
    return DecodedText(text=text, encoding=encoding, diagnostics=(diagnostic,))


def decode_bytes(
    data: bytes, path: str | None = None, *, errors: Errors = "strict", encoding: str | None = None
) -> DecodedText:
    """Decode transcript bytes by the detection order above, or with the named ``encoding``.

    Raises ``InputError`` for binary data and ``DecodeError`` (with the byte
    offset) for bytes no step reads, unless ``errors="replace"``.
    """
    if encoding is not None:
        name = check_encoding(encoding)
        if not name.startswith(_WIDE) and b"\x00" in data:
            raise InputError(f"looks binary (NUL byte at byte {data.index(0)}) for {name}", path=path)
        shift = len(codecs.BOM_UTF8) if name == "utf-8" and data.startswith(codecs.BOM_UTF8) else 0
        decoded = _decode_named(data[shift:], name, path, errors, shift)
        return _no_nul(decoded, path)
    sniffed = _sniff(data)
    if sniffed is None and b"\x00" in data:
        nul = data.index(b"\x00")
        raise InputError(
            f"looks binary (NUL byte at byte {nul}); expected UTF-8, or UTF-16 with a BOM (else name it with --encoding)",
            path=path,
        )
    if sniffed is not None:
        shift = len(codecs.BOM_UTF8) if sniffed == "utf-8-sig" else 0
        return _no_nul(_decode_named(data, sniffed, path, errors, shift), path)
    try:
        return DecodedText(text=data.decode("utf-8"), encoding="utf-8")
    except UnicodeDecodeError as exc:
        first = exc.start
    try:
        legacy = data.decode("cp1252")
    except UnicodeDecodeError:
        legacy = None
    if legacy is not None and _western(legacy):
        diagnostic = Diagnostic(
            code="P020",
            severity=Severity.WARNING,
            message=f"not UTF-8 (first non-UTF-8 byte at byte {first}): decoded as cp1252 (Windows Western), in which "
            "it reads as Latin letters; convert the file to UTF-8, or name its encoding with --encoding",
        )
        return DecodedText(text=legacy, encoding="cp1252", diagnostics=(diagnostic,))
    return _decode_named(data, "utf-8", path, errors, 0)


def _no_nul(decoded: DecodedText, path: str | None) -> DecodedText:
    if "\x00" in decoded.text:
        raise InputError(f"looks binary (NUL characters in {decoded.encoding} text)", path=path)
    return decoded


def read_text(
    path: str | os.PathLike[str],
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    errors: Errors = "strict",
    encoding: str | None = None,
) -> DecodedText:
    """Read and decode a transcript file (see :func:`decode_bytes`); errors name the path."""
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
            # read(n) allocates n bytes first: ask for the file's size, not the limit (256 MiB)
            data = handle.read(min(size, max_bytes) + 1)
            if len(data) > size:  # the file grew since stat(): read on to the limit
                data += handle.read(max_bytes + 1 - len(data))
    except OSError as exc:
        raise InputError(f"cannot read ({exc.strerror})", path=name) from None
    if len(data) > max_bytes:
        raise InputError(f"file is over the {max_bytes}-byte limit", path=name)
    return decode_bytes(data, name, errors=errors, encoding=encoding)


def write_text(path: str | os.PathLike[str], text: str) -> None:
    """Write ``text`` as UTF-8, atomically: a temporary file in the same folder, then a rename.

    A reader never sees half a file, and a failed write leaves the old file in
    place.  The folder must exist: a typo in an output path is an
    ``InputError`` (one line, exit 2), not a folder created by surprise.
    """
    name = os.fspath(path)
    folder = os.path.dirname(name) or "."
    if not os.path.isdir(folder):
        raise InputError(f"cannot write: folder {folder!r} does not exist", path=name)
    if os.path.isdir(name):
        raise InputError("cannot write: is a directory", path=name)
    try:
        fd, tmp = tempfile.mkstemp(dir=folder, prefix=f".{os.path.basename(name)}.", suffix=".tmp")
    except OSError as exc:
        raise InputError(f"cannot write ({exc.strerror})", path=name) from None
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
            handle.write(text)
        os.replace(tmp, name)
    except BaseException as exc:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        if isinstance(exc, OSError):
            raise InputError(f"cannot write ({exc.strerror})", path=name) from None
        raise


# Typical UTF-8-read-as-cp1252/latin-1 sequences: "Ã©", "Ã­", "â€™", "Â ".
_MOJIBAKE = re.compile(
    "[ÃÂ][\u0080-\u00bf\u2018-\u203a\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u02c6\u02dc]|â€[\u0080-\u00bf\u2018-\u203a™]"
)


#: The characters a ``_MOJIBAKE`` match starts with.
_MOJIBAKE_LEADS = "ÃÂâ"


def _mojibake_match(text: str) -> re.Match[str] | None:
    """``_MOJIBAKE.search(text)``, from the first character a match can start with: ``str.find``
    skips clean text many times faster than the regex scan (a tenth of a parse)."""
    found = [at for at in map(text.find, _MOJIBAKE_LEADS) if at >= 0]
    return _MOJIBAKE.search(text, min(found)) if found else None


def find_mojibake(text: str, *, limit: int = 1) -> tuple[Diagnostic, ...]:
    """Diagnostics for text that was decoded with the wrong encoding somewhere upstream.

    Uses ftfy's badness check when available and a pattern for the usual
    UTF-8-as-Latin-1 sequences to locate the first occurrence; never raises.
    """
    match = _mojibake_match(text)
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

"""Reading a transcript file with a caller's decoding options: decode (``io``), then parse.

Every command, the batch runner and library callers that need ``encoding=``
read through :func:`load`, so a file reads the same whichever of them opens it.
"""

from __future__ import annotations

import os
from dataclasses import dataclass

from .io import Errors, read_text
from .models import Transcript

__all__ = ["ReadOptions", "load"]


@dataclass(frozen=True)
class ReadOptions:
    """How to decode and parse files: ``encoding=None`` detects (io's documented order)."""

    encoding: str | None = None
    errors: Errors = "strict"
    detect_language: bool = True

    def signature(self) -> str:
        """The settings that change what is read, for fingerprints and report headers."""
        return f"encoding:{self.encoding or 'auto'}|decode-errors:{self.errors}|detect:{int(self.detect_language)}"


def load(path: str | os.PathLike[str], options: ReadOptions | None = None, *, language: str | None = None) -> Transcript:
    """Decode (``io.read_text``) and parse one transcript file; decode diagnostics are kept."""
    from .parse import parse

    options = options or ReadOptions()
    decoded = read_text(path, encoding=options.encoding, errors=options.errors)
    return parse(decoded.text, path=os.fspath(path), encoding=decoded.encoding, diagnostics=decoded.diagnostics,
                 detect_language=options.detect_language, language=language)

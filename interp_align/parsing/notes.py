"""Bracketed notes in the record: interpreter notes, language notes and stage directions.

Three shapes are found on the matching view, and only known vocabulary
(``lang.markers``) counts, so "(UNESCO)" stays prose:

* closed brackets on one logical line — ``(As interpreted.)``, ``[inaudible 00:01:42]``;
* an unclosed note at the end of a line — ``(No translation provided.`` — kept as a
  note, with a diagnostic;
* an unbracketed interpreter note opening a line — ``Interpretación: Gracias``.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from .._spans import constructor
from ..lang import markers
from ..models import Marker
from ..normalize import fold
from .document import _alternatives, line_matches

__all__ = ["Note", "find_notes"]

_UNCLOSED = re.compile(r"\(([^()\[\]\n]{3,80}?)[ \t\r]*$", re.MULTILINE)
#: A label's note left open before the colon: "TOMÁS BERG (Interpretación del inglés al español: …".
_OPEN_BEFORE_COLON = re.compile(r"\(([^()\[\]\n:]{3,80}?)[ \t]*(?=:(?![^(\n]*\)))")
_UNBRACKETED = re.compile(
    r"^[ \t]*((?:Interpretaci[oó]n|Traducci[oó]n|INTERPRETACI[OÓ]N|TRADUCCI[OÓ]N)[^:\n()]{0,60}):",
    re.MULTILINE,
)


#: ``markers.CANDIDATE``'s alternatives (parentheses, square brackets), each scanned on its own:
#: ``re`` finds a pattern's opening literal quickly, but not an alternation's, and the scans
#: were six times faster apart.  Neither kind of note can hold the other's brackets, so the
#: two scans' matches are exactly the alternation's (the notes are sorted by position below).
_CLOSED = tuple(re.compile(part) for part in _alternatives(markers.CANDIDATE.pattern))
assert len(_CLOSED) == 2 and all(p.groups == 1 for p in _CLOSED)


@dataclass(frozen=True, slots=True)
class Note:
    """A marker found in the record, what it means, and whether its bracket was left open."""

    marker: Marker
    spec: markers.MarkerSpec
    unclosed: bool = False


@functools.lru_cache(maxsize=8192)
def _classify(inner: str) -> markers.MarkerSpec | None:
    """Classify bracket contents; cached because records repeat the same few notes thousands of times."""
    return markers.classify(fold(inner))


_MARKER = constructor(
    Marker, "start", "end", "kind", "text", "canonical", "timestamp", "source_language", "target_language"
)


def _note(text: str, start: int, end: int, spec: markers.MarkerSpec, unclosed: bool = False) -> Note:
    marker = _MARKER(text, start, end, spec.kind, spec.canonical, spec.timestamp, spec.source_language, spec.target_language)
    return Note(marker, spec, unclosed)


def _closing(view: str, position: int, max_lines: int = 3) -> int | None:
    """End of the ")" that closes a note within the next ``max_lines`` lines, if no "(" comes first."""
    stop = position
    for _ in range(max_lines):
        nl = view.find("\n", stop + 1)
        stop = len(view) if nl < 0 else nl
    chunk = view[position:stop]
    close, opening = chunk.find(")"), chunk.find("(")
    if close < 0 or (0 <= opening < close) or "\n\n" in chunk[:close]:
        return None
    return position + close + 1


def find_notes(text: str, view: str, *, unbracketed: bool = False) -> list[Note]:
    """Every known note in ``view``, sorted by position; ``unbracketed`` also reads "Interpretación:"."""
    found: list[Note] = []
    for closed in _CLOSED:
        for match in closed.finditer(view):
            spec = _classify(match.group(1))
            if spec is not None:
                found.append(_note(text, match.start(), match.end(), spec))
    for match in _UNCLOSED.finditer(view):
        spec = _classify(match.group(1))
        if spec is None:
            continue
        close = _closing(view, match.end())
        if close is not None:  # a note wrapped over lines: "(PROYECCIÓN DE VIDEO\n… 2019)"
            found.append(_note(text, match.start(), close, spec))
        else:
            found.append(_note(text, match.start(), match.end(1), spec, unclosed=True))
    for match in _OPEN_BEFORE_COLON.finditer(view):
        spec = _classify(match.group(1))
        if spec is not None and spec.role is not None:
            found.append(_note(text, match.start(), match.end(1), spec, unclosed=True))
    if unbracketed:
        for _, match in line_matches(_UNBRACKETED, view):
            spec = _classify(match.group(1))
            if spec is not None and spec.interpretation:
                found.append(_note(text, match.start(1), match.end(), spec))
    found.sort(key=lambda n: n.marker.start)
    return found

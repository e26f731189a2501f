"""gob.mx speaker blocks: ``---`` lines, and what each block's first line is.

In the Mexican presidency's records a block opens with its speaker's label line
(``NAME, OFFICE``, ``OFFICE, NAME``), with ``???`` when the speaker is unknown,
with an interpreter note for an unnamed interpreted speaker, or with a stage note
— ``(PIEZA MUSICAL …)``, ``(PROYECCIÓN DE VIDEO`` — that makes the whole block
non-speech: its lines (song lyrics, a video's narration) are nobody's turn and
cannot hold labels.  A stage note may run over a few lines before its ``)``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import ClassVar

from ..lang import labels, markers
from ..models import MarkerKind
from ..normalize import fold
from .document import Document, line_matches_holding
from .notes import Note

__all__ = ["SEPARATOR", "BlockLine", "SpeakerBlock", "find_blocks"]

SEPARATOR = re.compile(r"^[ \t]*-{3,}[ \t\r]*$", re.MULTILINE)
#: A stage note may close this many lines after it opens.
_NOTE_LINES = 4


@dataclass(frozen=True, slots=True)
class BlockLine:
    """A block's first line (or multi-line note), trimmed, and what it is.

    ``kind`` is a ``labels.LabelLine`` kind (``label``, ``unknown``, ``date``,
    ``end``, ``prose``, ``rejected``) or ``note`` (an interpreter or language note:
    an unnamed speaker), ``stage`` (a non-speech note: song, video, ceremony) or
    ``continuation`` (a pause, applause or audio note after which the previous
    speaker goes on).
    """

    HEAD_KINDS: ClassVar[frozenset[str]] = frozenset({"label", "unknown", "note", "continuation"})

    kind: str
    start: int
    end: int
    label_end: int
    reason: str | None = None


@dataclass(frozen=True, slots=True)
class SpeakerBlock:
    """The text between a ``---`` line and the next one (or the end)."""

    separator: tuple[int, int]
    start: int
    end: int
    first: BlockLine | None

    @property
    def speech(self) -> bool:
        """False for a song, video or ceremony block: no turn, no labels inside."""
        return self.first is None or self.first.kind != "stage"


def find_blocks(doc: Document, notes: Sequence[Note]) -> list[SpeakerBlock]:
    """Every ``---`` block after the front matter, with its first line read."""
    separators = [doc.trim(start, m.end()) for start, m in line_matches_holding(SEPARATOR, doc.view, "---", doc.body_start)]
    blocks = []
    for index, (sep_start, sep_end) in enumerate(separators):
        end = separators[index + 1][0] if index + 1 < len(separators) else len(doc.view)
        first = doc.first_nonblank_line(sep_end, end)
        line = _first_line(doc, first, end) if first is not None else None
        blocks.append(SpeakerBlock((sep_start, sep_end), sep_end, end, line))
    return blocks


def _first_line(doc: Document, span: tuple[int, int], block_end: int) -> BlockLine:
    start, end = span
    view = doc.view
    if view[start] in "([":
        return _note_line(doc, start, end, block_end)
    read = labels.read_label_line(view, start, end)
    return BlockLine(read.kind, start, end, read.label_end, read.reason)


def _note_line(doc: Document, start: int, end: int, block_end: int) -> BlockLine:
    """A first line that opens with a bracket: an interpreter/language note or a stage note."""
    view = doc.view
    closer = ")" if view[start] == "(" else "]"
    close = view.find(closer, start, end)
    stop = end
    if close < 0:  # the note runs on: "(PROYECCIÓN DE VIDEO\n… SECCIÓN “MUJERES EN LA HISTORIA”)"
        for line_number, (_, e) in enumerate(doc.lines(end, block_end)):
            if line_number >= _NOTE_LINES:
                break
            found = view.find(closer, end, e)
            if found >= 0:
                close, stop = found, e
                break
    inner = view[start + 1 : close if close >= 0 else end]
    spec = markers.classify(fold(inner))
    if spec is not None and spec.role is not None:
        return BlockLine("note", start, end, start)
    reason = f"stage note {fold(inner)[:60]!r}" if inner.strip() else "empty note"
    after = close + 1 if close >= 0 else stop
    if spec is not None and _pause_like(spec) and _WORDLIKE.search(view, after, block_end):
        return BlockLine("continuation", start, stop, start, reason)  # "(PAUSA)" then the speaker goes on
    return BlockLine("stage", start, stop, start, reason)


_WORDLIKE = re.compile(r"[^\W_]")
#: Stage directions after which the same speaker goes on (a song or a video is not one of them).
_PAUSES = frozenset({"pausa", "pause", "silencio", "silence"})


def _pause_like(spec: markers.MarkerSpec) -> bool:
    if spec.kind is MarkerKind.OTHER:
        return spec.canonical in _PAUSES
    return spec.kind in (
        MarkerKind.APPLAUSE,
        MarkerKind.LAUGHTER,
        MarkerKind.INAUDIBLE,
        MarkerKind.UNINTELLIGIBLE,
        MarkerKind.CROSSTALK,
        MarkerKind.OFF_MIC,
        MarkerKind.TRANSMISSION_FAILURE,
    )

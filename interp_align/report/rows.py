"""The report's content before any HTML: its rows, and the one row that shows each finding.

Kept apart from rendering so the page's claims can be tested as data: every
finding of both checks has exactly one home row (findings outside the turns —
boilerplate, spam, a header — get rows of their own), omissions and additions
are named by the direction of interpretation exactly as ``check`` names them,
and placing is linear in rows plus findings (sorted offsets and bisection, no
scan per finding).
"""

from __future__ import annotations

import bisect
import re
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from ..models import Alignment, Bead, Block, Transcript, Turn
from ..quality.models import Finding, Location
from ..quality.rules.fidelity import unmatched_rule

__all__ = ["Note", "Row", "Rows", "build_rows"]


@dataclass(frozen=True)
class Note:
    """One finding of one of the two checks, as the page shows it."""

    record: str  # "en": the English record's check (with --original); "es": the Spanish record's own check
    number: int  # its position in that report's findings
    finding: Finding

    @property
    def key(self) -> str:
        return f"{self.record}-{self.number}"


@dataclass
class Row:
    """One table row: a bead, a sentence, a turn without sentences, or a stretch outside the turns."""

    index: int
    kind: str  # bead shape ("1-1", "1-0" ...), "sentence", "turn" or "outside"
    section: int
    speaker: str
    en_turn: Turn | None = None
    es_turn: Turn | None = None
    en: tuple[int, ...] = ()  # sentence indices within en_turn
    es: tuple[int, ...] = ()
    bead: Bead | None = None
    original_language: str | None = None
    unmatched: str | None = None  # "omission" or "addition", as check's IA601/IA602 call it
    block: Block | None = None  # for rows outside the turns
    block_side: str = "en"
    notes: list[Note] = field(default_factory=list)


@dataclass
class Rows:
    """All rows in page order, the notes by home row, and the IA603 spans to highlight per side."""

    rows: list[Row]
    sections: list[tuple[int, int]]  # (first row, end row) of each section
    numbers: dict[str, list[tuple[int, int]]]
    notes: list[Note]


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "speaker"


def _unmatched(bead: Bead, original_language: str | None) -> str | None:
    if (bead.src and bead.tgt) or not (bead.src or bead.tgt):
        return None
    side = "es" if bead.src else "en"
    return "omission" if unmatched_rule(original_language, side) == "IA601" else "addition"


def _aligned_rows(alignment: Alignment) -> tuple[list[Row], list[tuple[int, int]]]:
    rows: list[Row] = []
    sections = []
    for index, pair in enumerate(alignment.pairs):
        en = alignment.english.turns[pair.english_turn] if pair.english_turn is not None else None
        es = alignment.spanish.turns[pair.spanish_turn] if pair.spanish_turn is not None else None
        speaker = _slug(en.speaker_id if en is not None else es.speaker_id if es is not None else "")
        first = len(rows)
        for bead in pair.beads:
            rows.append(Row(len(rows), bead.kind, index, speaker, en, es, bead.tgt, bead.src, bead,
                            pair.original_language, _unmatched(bead, pair.original_language)))
        if not pair.beads:
            rows.append(Row(len(rows), "turn", index, speaker, en, es, original_language=pair.original_language))
        sections.append((first, len(rows)))
    return rows, sections


def _single_rows(transcript: Transcript) -> tuple[list[Row], list[tuple[int, int]]]:
    rows: list[Row] = []
    sections = []
    for turn in transcript.turns:
        first = len(rows)
        for sentence in turn.sentences:
            rows.append(Row(len(rows), "sentence", turn.index, _slug(turn.speaker_id), turn, en=(sentence.index,)))
        if not turn.sentences:
            rows.append(Row(len(rows), "turn", turn.index, _slug(turn.speaker_id), turn))
        sections.append((first, len(rows)))
    return rows, sections


class _Index:
    """Offset → row for one record: its sentence spans, and each turn's rows by first offset."""

    def __init__(self, rows: list[Row], side: str) -> None:
        spans: list[tuple[int, int, int]] = []
        by_turn: dict[int, list[tuple[int, int]]] = defaultdict(list)
        for row in rows:
            turn = row.en_turn if side == "en" else row.es_turn
            if turn is None or row.kind == "outside":
                continue
            indices = row.en if side == "en" else row.es
            starts = [turn.sentences[k].start for k in indices if k < len(turn.sentences)]
            for k in indices:
                if k < len(turn.sentences):
                    s = turn.sentences[k]
                    spans.append((s.start, s.end, row.index))
            by_turn[turn.index].append((min(starts) if starts else turn.start, row.index))
        spans.sort()
        self.starts = [s for s, _, _ in spans]
        self.spans = spans
        self.by_turn = {k: sorted(v) for k, v in by_turn.items()}

    def row(self, location: Location) -> int | None:
        i = bisect.bisect_right(self.starts, location.start) - 1
        if i >= 0:
            start, end, row = self.spans[i]
            if start <= location.start < max(end, start + 1):
                return row
        if location.turn is None or location.turn not in self.by_turn:
            return None
        candidates = self.by_turn[location.turn]  # in the turn, outside its sentences: the nearest row before
        j = bisect.bisect_right(candidates, (location.start, float("inf"))) - 1
        return candidates[max(j, 0)][1]


def _side_of(location: Location, primary: bool, checked: str, transcripts: dict[str, Transcript | None],
             rule: str) -> str:
    """Which record a location points into: the checked one for the primary location, else by path."""
    if primary or transcripts["es"] is None:
        return checked
    other = "es" if checked == "en" else "en"
    own_path, other_path = transcripts[checked].path, transcripts[other].path  # type: ignore[union-attr]
    if own_path != other_path and location.path is not None:
        return other if location.path == other_path else checked
    return other if rule.startswith("IA6") else checked  # same or no paths: fidelity findings point across


def build_rows(
    english: Transcript, spanish: Transcript | None, alignment: Alignment | None, report: Any, original_report: Any,
) -> Rows:
    """Rows for the page and each finding placed in one of them (see the module docstring)."""
    aligned = spanish is not None and alignment is not None
    rows, sections = _aligned_rows(alignment) if aligned and alignment is not None else _single_rows(english)
    indexes = {"en": _Index(rows, "en"), "es": _Index(rows, "es")}
    transcripts: dict[str, Transcript | None] = {"en": english, "es": spanish if aligned else None}
    outside: dict[tuple[str, int], Row] = {}
    blocks = {side: [b.start for b in t.blocks] if t is not None else [] for side, t in transcripts.items()}
    notes: list[Note] = []
    numbers: dict[str, list[tuple[int, int]]] = {"en": [], "es": []}
    homes: list[tuple[Note, Row | tuple[str, int]]] = []
    for record, rep in (("en", report), ("es", original_report if aligned else None)):
        if rep is None:
            continue
        for number, finding in enumerate(rep.findings):
            note = Note(record, number, finding)
            notes.append(note)
            placed: list[tuple[str, Location, int | None]] = []
            for k, location in enumerate((finding.location, *finding.related)):
                side = _side_of(location, k == 0, record, transcripts, finding.rule)
                placed.append((side, location, indexes[side].row(location)))
                if finding.rule == "IA603":
                    numbers[side].append((location.start, location.end))
            home = next((r for _, _, r in placed if r is not None and rows[r].unmatched), None)
            if home is None:
                home = next((r for _, _, r in placed if r is not None), None)
            if home is not None:
                homes.append((note, rows[home]))
            else:
                side, location, _ = placed[0]
                transcript = transcripts[side]
                block = _block_at(transcript, blocks[side], location.start) if transcript is not None else None
                key = (side, block.start if block is not None else 0)
                homes.append((note, key))
                outside.setdefault(key, Row(0, "outside", -1, ""))
    first_outside = len(rows)
    for (side, start), row in sorted(outside.items(), key=lambda kv: (kv[0][0] != "en", kv[0][1])):
        transcript = transcripts[side]
        row.index, row.block_side = len(rows), side
        row.block = _block_at(transcript, blocks[side], start) if transcript is not None else None
        rows.append(row)
    if len(rows) > first_outside:
        sections.append((first_outside, len(rows)))
    for note, where in homes:
        target = where if isinstance(where, Row) else outside[where]
        target.notes.append(note)
    return Rows(rows=rows, sections=sections, numbers=numbers, notes=notes)


def _block_at(transcript: Transcript, starts: list[int], offset: int) -> Block | None:
    """The block containing ``offset`` (bisection over the tiling's starts), or None for an empty record."""
    if not transcript.blocks:
        return None
    i = bisect.bisect_right(starts, offset) - 1
    return transcript.blocks[max(i, 0)]

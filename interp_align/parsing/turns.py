"""Turn models from heads and regions: markers, passages, languages and sentences.

Language tags come from an identifier (``langid``) when detection is on, else
from interpreter notes, else from the record's language; sentences are split on
the document's view, so a soft wrap inside a paragraph never ends a sentence and
every sentence still slices the original text.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

from ..models import (
    Block,
    BlockKind,
    Interpretation,
    LanguageSource,
    LanguageTag,
    Marker,
    MarkerKind,
    Sentence,
    Span,
    Turn,
)
from ..segment import split_sentences
from .document import Document
from .heads import Head
from .notes import Note
from .passages import read_passages, summarise

__all__ = ["CODE_SWITCH_MIN_CONFIDENCE", "Identifier", "PreparedTurn", "build_turns", "guess_language", "prepare_turns", "record_language"]

#: A sentence is a code switch only when the identifier is at least this sure.
CODE_SWITCH_MIN_CONFIDENCE = 0.8

_WORDLIKE = re.compile(r"[^\W_]")
_LEADING_GAP = re.compile(r"[\s:.;,\-]*")
_EN_WORDS = frozenset(["the", "and", "of", "to", "is", "that", "we", "in", "it", "for", "you", "this", "are", "with"])
_ES_WORDS = frozenset(["el", "la", "de", "que", "y", "los", "las", "en", "por", "para", "es", "una", "con", "del", "se"])


class Identifier(Protocol):
    def detect(self, text: str) -> LanguageTag | None: ...


@dataclass
class PreparedTurn:
    """A head with its region and notes, before languages and sentences are known."""

    head: Head
    end: int
    body_start: int
    body_end: int
    notes: list[Note]
    content_start: int
    detected: LanguageTag | None = None


def guess_language(view: str) -> LanguageTag:
    """Record language from function-word counts in a sample: cheap, used before and without detection."""
    words = re.findall(r"[a-záéíóúñ]+", view[:200_000].lower())
    en = sum(w in _EN_WORDS for w in words)
    es = sum(w in _ES_WORDS for w in words)
    code = "es" if es > en else "en"
    total = en + es
    confidence = round(max(en, es) / total, 3) if total else 0.5
    return LanguageTag(code=code, confidence=confidence, source=LanguageSource.DEFAULT)


def prepare_turns(doc: Document, heads: Sequence[Head], region_ends: Sequence[int], notes: Sequence[Note], ident: Identifier | None) -> list[PreparedTurn]:
    """Regions, bodies, the notes of each turn and where its words start (after opening notes)."""
    starts = [n.marker.start for n in notes]
    prepared = []
    for head, region_end in zip(heads, region_ends, strict=True):
        body_start, body_end = doc.trim(head.head_end, region_end)
        if body_start == body_end:
            body_start = body_end = head.head_end
        end = body_end if body_end > body_start else doc.trim(head.start, head.head_end)[1]
        lo, hi = bisect.bisect_left(starts, head.start), bisect.bisect_left(starts, end)
        turn_notes = [n for n in notes[lo:hi] if n.marker.end <= end]
        content = _content_start(doc.view, head, body_start, body_end, turn_notes)
        detected = ident.detect(doc.text[content:body_end]) if ident is not None and content < body_end else None
        prepared.append(PreparedTurn(head, max(end, head.start), body_start, body_end, turn_notes, content, detected))
    return prepared


def _content_start(view: str, head: Head, body_start: int, body_end: int, notes: Sequence[Note]) -> int:
    """Where the words start: after interpreter and language notes opening the body, not after "(Inaudible)"."""
    pos = head.label_end
    start = body_start
    for note in notes:
        marker = note.marker
        if marker.start < pos:
            continue
        gap = _LEADING_GAP.match(view, pos, marker.start)
        if gap is None or gap.end() != marker.start:
            break
        if marker.kind not in (MarkerKind.INTERPRETER_NOTE, MarkerKind.LANGUAGE_NOTE):
            break
        pos = marker.end
        after = _LEADING_GAP.match(view, max(marker.end, start), body_end)
        start = after.end() if after else max(marker.end, start)
    return min(max(start, body_start), body_end)


def record_language(prepared: Sequence[PreparedTurn], declared: str | None, fallback: LanguageTag) -> LanguageTag:
    """The record's language: declared, else the majority of detected turn languages, else ``fallback``."""
    if declared is not None:
        return LanguageTag(code=declared, confidence=1.0, source=LanguageSource.DEFAULT)
    votes = Counter(p.detected.code for p in prepared if p.detected is not None)
    if not votes:
        return fallback
    code, count = sorted(votes.items(), key=lambda kv: (-kv[1], kv[0]))[0]
    return LanguageTag(code=code, confidence=round(count / sum(votes.values()), 4), source=LanguageSource.DETECTED)


def build_turns(
    doc: Document,
    prepared: Sequence[PreparedTurn],
    speaker_ids: Sequence[str],
    record: LanguageTag,
    ident: Identifier | None,
    *,
    sentences: bool,
    pair_default: bool = True,
) -> tuple[list[Turn], list[Block]]:
    """The turns and their TURN blocks."""
    turns: list[Turn] = []
    blocks: list[Block] = []
    text = doc.text
    for index, (item, speaker_id) in enumerate(zip(prepared, speaker_ids, strict=True)):
        head = item.head
        passages = read_passages(doc.view, item.notes, item.body_start, item.body_end, record.code, pair_default=pair_default)
        interpretation = summarise(doc.view, item.notes, passages, item.body_start, item.body_end)
        language = _turn_language(item, interpretation, record)
        turn_sentences = (
            _sentences(doc, item.content_start, item.body_end, item.notes, language, ident) if sentences else ()
        )
        turns.append(
            Turn(
                index=index,
                start=head.start,
                end=item.end,
                speaker_id=speaker_id,
                label=Span(start=head.start, end=head.label_end),
                label_text=text[head.start : head.label_end],
                body_start=item.body_start,
                body_end=item.body_end,
                text=text[head.start : item.end],
                body=text[item.body_start : item.body_end],
                interpretation=interpretation,
                passages=tuple(passages),
                markers=tuple(n.marker for n in item.notes),
                sentences=turn_sentences,
                language=language,
                declared_language=interpretation.target_language if interpretation.interpreted else None,
            )
        )
        blocks.append(Block(start=head.start, end=item.end, kind=BlockKind.TURN, text=text[head.start : item.end], turn_index=index))
    return turns, blocks


def _turn_language(item: PreparedTurn, interpretation: Interpretation, record: LanguageTag) -> LanguageTag:
    if item.detected is not None:
        return item.detected
    if interpretation.interpreted and interpretation.target_language is not None:
        return LanguageTag(code=interpretation.target_language, confidence=1.0, source=LanguageSource.MARKER)
    return LanguageTag(code=record.code, confidence=record.confidence, source=LanguageSource.DEFAULT)


def _sentences(
    doc: Document,
    start: int,
    end: int,
    notes: Sequence[Note],
    turn_language: LanguageTag,
    ident: Identifier | None,
) -> tuple[Sentence, ...]:
    if start >= end:
        return ()
    text = doc.text
    markers: list[Marker] = [n.marker for n in notes if n.marker.start >= start and n.marker.end <= end]
    protected = [(m.start, m.end) for m in markers]
    code = turn_language.code if turn_language.code in ("en", "es") else "en"
    out: list[Sentence] = []
    for s, e in split_sentences(text, start, end, language=code, protected=protected, view=doc.view):
        inside = [(ps, pe) for ps, pe in protected if ps >= s and pe <= e]
        masked = _unmarked(text, s, e, inside) if inside else text[s:e]
        if _WORDLIKE.search(masked) is None:
            continue  # only a marker or punctuation: not a sentence
        sentence_text = text[s:e]
        tag = ident.detect(sentence_text) if ident is not None else None
        switch = bool(
            tag is not None
            and tag.code != turn_language.code
            and tag.confidence >= CODE_SWITCH_MIN_CONFIDENCE
            and len(masked.split()) >= 2
        )
        out.append(Sentence(start=s, end=e, index=len(out), text=sentence_text, language=tag, code_switch=switch))
    return tuple(out)


def _unmarked(text: str, start: int, end: int, spans: Sequence[tuple[int, int]]) -> str:
    """``text[start:end]`` with the given (sorted) spans blanked out."""
    pieces, pos = [], start
    for lo, hi in spans:
        lo, hi = max(lo, start), min(hi, end)
        if lo >= hi:
            continue
        pieces.append(text[pos:lo] if lo > pos else "")
        pieces.append(" ")
        pos = max(pos, hi)
    pieces.append(text[pos:end])
    return "".join(pieces)

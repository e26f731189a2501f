"""Turn models from heads and regions: markers, passages, languages and sentences.

Language tags come from an identifier (``langid``) when detection is on, else
from interpreter notes, else from the record's language; sentences are split on
the document's view, so a soft wrap inside a paragraph never ends a sentence and
every sentence still slices the original text.
"""

from __future__ import annotations

import bisect
import re
from array import array
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Protocol

import numpy as np

from .._spans import constructor
from ..models import (
    BlockKind,
    BlockShape,
    Interpretation,
    LanguageSource,
    LanguageTag,
    MarkerKind,
    SentenceTuple,
    Span,
    Turn,
    language_tag,
    offsets_array,
)
from ..segment import sentence_offsets
from .document import Document
from .frame import BlockRow
from .heads import Head
from .notes import Note
from .passages import read_passages, summarise

__all__ = ["CODE_SWITCH_MIN_CONFIDENCE", "Identifier", "PreparedTurn", "build_turns", "function_word_counts", "guess_from_counts", "guess_language", "prepare_turns", "record_language"]

#: A sentence is a code switch only when the identifier is at least this sure.
CODE_SWITCH_MIN_CONFIDENCE = 0.8

_WORDLIKE = re.compile(r"[^\W_]")
_LEADING_GAP = re.compile(r"[\s:.;,\-]*")
_EN_WORDS = frozenset(["the", "and", "of", "to", "is", "that", "we", "in", "it", "for", "you", "this", "are", "with"])
_ES_WORDS = frozenset(["el", "la", "de", "que", "y", "los", "las", "en", "por", "para", "es", "una", "con", "del", "se"])


class Identifier(Protocol):
    def detect(self, text: str) -> LanguageTag | None: ...


@dataclass(slots=True)
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
    return guess_from_counts(*function_word_counts(view[:GUESS_SAMPLE]))


def guess_from_counts(en: int, es: int) -> LanguageTag:
    """The guess from English and Spanish function-word counts (see ``function_word_counts``)."""
    code = "es" if es > en else "en"
    total = en + es
    confidence = round(max(en, es) / total, 3) if total else 0.5
    return language_tag(code, confidence, LanguageSource.DEFAULT)


#: ``guess_language`` reads this many characters: enough to be sure, bounded on long records.
GUESS_SAMPLE = 200_000
#: The word characters of the guess: a word is a maximal run of these in the lower-cased text.
_GUESS_LETTERS = "abcdefghijklmnopqrstuvwxyzáéíóúñ"
#: ``bytes.translate`` table marking the word characters' Latin-1 bytes 1, the others 0.
_LETTER_MARKS = bytes(int(chr(code) in _GUESS_LETTERS) for code in range(256))
#: Function words are at most this long (checked below), so longer runs are never looked up.
_GUESS_MAX = 4


def _word_code(word: bytes) -> int:
    """A word of at most ``_GUESS_MAX`` Latin-1 bytes packed into one integer, its length on top."""
    return int.from_bytes(word, "little") | (len(word) << 40)


assert max(len(w) for w in _EN_WORDS | _ES_WORDS) <= _GUESS_MAX and not _EN_WORDS & _ES_WORDS
_EN_CODES = np.array(sorted(_word_code(w.encode("latin-1")) for w in _EN_WORDS), dtype=np.int64)
_ES_CODES = np.array(sorted(_word_code(w.encode("latin-1")) for w in _ES_WORDS), dtype=np.int64)


def function_word_counts(sample: str) -> tuple[int, int]:
    """How many English and Spanish function words ``sample`` holds, as maximal runs of
    ``_GUESS_LETTERS`` in its lower-cased form.

    Vectorised (numpy over Latin-1 bytes) because a regex ``findall`` of every word cost a
    third of a parse.  Every letter of the word class is Latin-1, so a character outside
    Latin-1 (replaced by ``?``) is a word boundary, as it is for the word regex.  The sample
    is read in chunks cut at spaces (never inside a word): ``str.lower`` takes twelve bytes a
    character while it works, and the arrays about twenty.
    """
    en = es = 0
    position = 0
    while position < len(sample):
        cut = sample.find(" ", position + _GUESS_CHUNK)
        stop = len(sample) if cut < 0 else cut
        chunk_en, chunk_es = _chunk_counts(_lower_latin1(sample[position:stop]))
        en, es = en + chunk_en, es + chunk_es
        position = stop
    return en, es


#: Characters per chunk of ``function_word_counts``.
_GUESS_CHUNK = 1 << 13

#: ``bytes.translate`` table lower-casing Latin-1: every Latin-1 character's lower case is one
#: Latin-1 character (checked below), so it is ``str.lower`` for a Latin-1 text.
_LATIN1_LOWER = bytes(ord(chr(code).lower()) for code in range(256))
assert all(len(chr(code).lower()) == 1 for code in range(256))


def _lower_latin1(chunk: str) -> bytes:
    """``chunk.lower().encode("latin-1", "replace")``; a Latin-1 chunk (the usual view) is
    lower-cased as bytes, several times faster than ``str.lower``."""
    try:
        return chunk.encode("latin-1").translate(_LATIN1_LOWER)
    except UnicodeEncodeError:
        return chunk.lower().encode("latin-1", "replace")


#: The first ``n`` bytes of a little-endian word, for ``n`` up to ``_GUESS_MAX``.
_LOW_BYTES = np.array([(1 << (8 * n)) - 1 for n in range(_GUESS_MAX + 1)], dtype=np.int64)
#: Every function word's code, sorted, and 0 (English) or 1 (Spanish) beside it.
_CODES = np.concatenate([_EN_CODES, _ES_CODES])
_CODE_ORDER = np.argsort(_CODES)
_CODE_SIDES = np.greater_equal(_CODE_ORDER, _EN_CODES.size).astype(np.int64)
_CODES = _CODES[_CODE_ORDER]


def _perfect_modulus(codes: np.ndarray) -> int:
    """The least modulus under which the codes are all distinct: a collision-free hash."""
    return next(m for m in range(codes.size, 1 << 16) if np.unique(codes % m).size == codes.size)


#: A word's code modulo ``_MODULUS`` is its slot: the function word's code is stored in its slot
#: (-1 in the others: no code is negative), with its side, so one look-up tells a function word.
_MODULUS = _perfect_modulus(_CODES)
_SLOT_CODES = np.full(_MODULUS, -1, dtype=np.int64)
_SLOT_CODES[_CODES % _MODULUS] = _CODES
_SLOT_SIDES = np.zeros(_MODULUS, dtype=np.int64)
_SLOT_SIDES[_CODES % _MODULUS] = _CODE_SIDES


def _chunk_counts(data: bytes) -> tuple[int, int]:
    """The English and Spanish function words of one chunk of lower-cased Latin-1 bytes.

    A chunk is a few kilobytes, so each pass costs about its call: the letters are marked
    by ``bytes.translate`` (in C, three times faster than a numpy look-up), word edges come
    from one comparison of the marks with themselves shifted (starts and ends alternate),
    each short word's bytes from one read of a four-byte window at its start, and both
    languages from one look-up in a collision-free hash table (``_MODULUS``: a remainder and
    a comparison, where a binary search was five steps)."""
    letters = np.frombuffer(b"\0" + data.translate(_LETTER_MARKS) + b"\0", dtype=np.bool_)
    edges = (letters[1:] != letters[:-1]).nonzero()[0]
    starts, lengths = edges[0::2], edges[1::2] - edges[0::2]
    short = lengths <= _GUESS_MAX
    starts, lengths = starts[short], lengths[short]
    if not starts.size:
        return 0, 0
    windows = np.ndarray((len(data),), dtype="<u4", buffer=data + bytes(_GUESS_MAX), strides=(1,))
    codes = (windows[starts] & _LOW_BYTES[lengths]) | (lengths << 40)
    slots = codes % _MODULUS
    sides = _SLOT_SIDES[slots[_SLOT_CODES[slots] == codes]]
    spanish = int(np.count_nonzero(sides))
    return sides.size - spanish, spanish


def prepare_turns(doc: Document, heads: Sequence[Head], region_ends: Sequence[int], notes: Sequence[Note], ident: Identifier | None) -> list[PreparedTurn]:
    """Regions, bodies, the notes of each turn and where its words start (after opening notes)."""
    starts = [n.marker.start for n in notes]
    detect = _turn_detector(doc, ident)
    prepared = []
    for head, region_end in zip(heads, region_ends, strict=True):
        body_start, body_end = doc.trim(head.head_end, region_end)
        if body_start == body_end:
            body_start = body_end = head.head_end
        end = body_end if body_end > body_start else doc.trim(head.start, head.head_end)[1]
        lo, hi = bisect.bisect_left(starts, head.start), bisect.bisect_left(starts, end)
        turn_notes = [n for n in notes[lo:hi] if n.marker.end <= end]
        content = _content_start(doc.view, head, body_start, body_end, turn_notes)
        detected = detect(content, body_end) if detect is not None and content < body_end else None
        prepared.append(PreparedTurn(head, max(end, head.start), body_start, body_end, turn_notes, content, detected))
    return prepared


def _turn_detector(doc: Document, ident: Identifier | None) -> Callable[[int, int], LanguageTag | None] | None:
    """The tag of ``doc.text[start:end]``: from the identifier's ``detect_view`` where it has one,
    given the document's view of the span, which differs from the text's ``match_view`` only
    where one whitespace character stands for another (``base_view``, joined soft wraps):
    the turn is not viewed a second time."""
    if ident is None:
        return None
    text, view = doc.text, doc.view
    detect_view = getattr(ident, "detect_view", None)
    if detect_view is None:
        return lambda start, end: ident.detect(text[start:end])
    return lambda start, end: detect_view(text[start:end], view[start:end])


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


def record_language(
    prepared: Sequence[PreparedTurn], declared: str | None, fallback: LanguageTag | Callable[[], LanguageTag]
) -> LanguageTag:
    """The record's language: declared, else the majority of detected turn languages, else ``fallback``
    (a tag, or a function that makes it: the guess is only computed when it is needed)."""
    if declared is not None:
        return language_tag(declared, 1.0, LanguageSource.DEFAULT)
    votes = Counter(p.detected.code for p in prepared if p.detected is not None)
    if not votes:
        return fallback if isinstance(fallback, LanguageTag) else fallback()
    code, count = sorted(votes.items(), key=lambda kv: (-kv[1], kv[0]))[0]
    return language_tag(code, round(count / sum(votes.values()), 4), LanguageSource.DETECTED)


_TURN = constructor(
    Turn,
    "index", "start", "end", "speaker_id", "label", "label_text", "body_start", "body_end", "text", "body",
    "interpretation", "passages", "markers", "sentences", "language", "declared_language",
)  # fmt: skip
_SPAN = constructor(Span, "start", "end")


def build_turns(
    doc: Document,
    prepared: Sequence[PreparedTurn],
    speaker_ids: Sequence[str],
    record: LanguageTag,
    ident: Identifier | None,
    *,
    sentences: bool,
    pair_default: bool = True,
) -> tuple[list[Turn], list[BlockRow]]:
    """The turns and their TURN blocks (built without validation: every value is valid by construction)."""
    turns: list[Turn] = []
    blocks: list[BlockRow] = []
    text, view = doc.text, doc.view
    for index, (item, speaker_id) in enumerate(zip(prepared, speaker_ids, strict=True)):
        head = item.head
        passages = read_passages(view, item.notes, item.body_start, item.body_end, record.code, pair_default=pair_default)
        interpretation = summarise(view, item.notes, passages, item.body_start, item.body_end)
        language = _turn_language(item, interpretation, record)
        turn_sentences = (
            _sentences(doc, item.content_start, item.body_end, item.notes, language, ident)
            if sentences
            else SentenceTuple.EMPTY
        )
        turns.append(
            _TURN(
                text,
                index,
                head.start,
                item.end,
                speaker_id,
                _SPAN(head.start, head.label_end),
                text[head.start : head.label_end],
                item.body_start,
                item.body_end,
                interpretation,
                tuple(passages),
                tuple([n.marker for n in item.notes]) if item.notes else (),
                turn_sentences,
                language,
                interpretation.target_language if interpretation.interpreted else None,
            )
        )
        blocks.append((head.start, item.end, BlockKind.TURN, None, index, BlockShape.TURN))
    return turns, blocks


def _turn_language(item: PreparedTurn, interpretation: Interpretation, record: LanguageTag) -> LanguageTag:
    if item.detected is not None:
        return item.detected
    if interpretation.interpreted and interpretation.target_language is not None:
        return language_tag(interpretation.target_language, 1.0, LanguageSource.MARKER)
    return language_tag(record.code, record.confidence, LanguageSource.DEFAULT)


def _sentences(
    doc: Document,
    start: int,
    end: int,
    notes: Sequence[Note],
    turn_language: LanguageTag,
    ident: Identifier | None,
) -> SentenceTuple:
    """The sentences of ``[start, end)``, as columns (see ``SentenceTuple``); their language
    tags are deferred to the first read (``_sentence_tags``)."""
    if start >= end:
        return SentenceTuple.EMPTY
    text = doc.text
    protected = [(m.start, m.end) for m in (n.marker for n in notes) if m.start >= start and m.end <= end] if notes else []
    code = turn_language.code if turn_language.code in ("en", "es") else "en"
    spans = offsets_array(len(text))
    if protected:
        pieces = sentence_offsets(text, start, end, language=code, protected=protected, view=doc.view)
        _marked_sentences(text, pieces, protected, spans)
    else:  # most turns: a piece is a sentence when it has a word character
        spans.fromlist(sentence_offsets(text, start, end, language=code, view=doc.view, words=True))
    if not spans:
        return SentenceTuple.EMPTY
    if ident is None:
        return SentenceTuple.from_columns(text, spans)
    return SentenceTuple.deferred(text, spans, _sentence_tags, ident, turn_language.code, tuple(protected))


def _marked_sentences(text: str, pieces: Sequence[int], protected: Sequence[tuple[int, int]], spans: array[int]) -> None:
    """Append to ``spans`` the pieces (flat offsets) that have a word character outside the notes they hold."""
    search = _WORDLIKE.search
    for s, e in zip(pieces[0::2], pieces[1::2], strict=True):
        inside = [(ps, pe) for ps, pe in protected if ps >= s and pe <= e]
        if inside:
            if search(_unmarked(text, s, e, inside)) is None:
                continue  # only a marker or punctuation: not a sentence
        elif search(text, s, e) is None:
            continue
        spans.extend((s, e))


def _sentence_tags(
    text: str, spans: Sequence[int], ident: Identifier, turn_code: str, protected: Sequence[tuple[int, int]]
) -> tuple[tuple[LanguageTag | None, ...], bytes]:
    """Each sentence's tag, and whether it is a code switch: another language than the turn's,
    told with confidence, in at least two words outside the notes."""
    tags: list[LanguageTag | None] = []
    switches = bytearray()
    for i in range(0, len(spans), 2):
        s, e = spans[i], spans[i + 1]
        sentence = text[s:e]
        tag = ident.detect(sentence)
        switch = False
        if tag is not None and tag.code != turn_code and tag.confidence >= CODE_SWITCH_MIN_CONFIDENCE:
            inside = [(ps, pe) for ps, pe in protected if ps >= s and pe <= e]
            switch = len((_unmarked(text, s, e, inside) if inside else sentence).split()) >= 2
        tags.append(tag)
        switches.append(switch)
    return tuple(tags), bytes(switches)


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

"""Turn alignment: pair the turns of an English record with those of a Spanish record.

Turns are the hard anchors of the whole alignment: sentence beads never cross
a turn boundary.  Pairs are found by a small monotonic dynamic programme over
the two turn sequences whose score combines *who* speaks (names accent- and
case-insensitive, office titles across languages, anonymous roles such as
QUESTION/PREGUNTA), *how* the turn reached each record (an English turn
"(Via interpreter)" should meet a Spanish turn that is not interpreted, and the
reverse), and *how long* it is.  A turn split in one record and whole in the
other is a 1-2 or 2-1 move when the two pieces share a speaker.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from .._version import __version__
from ..lang.roles import GENERIC_ROLE_PHRASES, ROLE_PHRASES
from ..models import Alignment, Bead, MarkerKind, Speaker, Transcript, Turn, TurnPair
from ..normalize import fold

__all__ = ["align", "pair_turns", "turn_sentence_texts"]

#: Sentence aligner signature: ``(src, tgt, src_lang, tgt_lang) -> beads``.
SentenceAligner = Callable[[Sequence[str], Sequence[str], str, str], list[Bead]]

# Scores of the turn DP.  A skipped turn costs less than a bad match, so an
# unrelated pair is never forced; a split (one turn vs two) must beat 1-1 + skip.
_SKIP = -0.6
_MIN_MATCH = 0.15
_EXPECTED_ES_EN_RATIO = 1.15  # Spanish records run longer than English ones
_STOP = {"de", "del", "la", "las", "los", "el", "y", "e", "of", "the", "and", "mr", "ms", "dr", "mrs"}


@dataclass(frozen=True)
class _TurnInfo:
    """What the turn DP needs to know of one turn, computed once."""

    index: int
    name_tokens: frozenset[str]
    roles: frozenset[str]
    generic: str | None
    interpreted_from: str | None
    placeholder: bool
    length: int
    speaker_id: str


def _phrases_in(label: str, table: dict[str, tuple[str, ...]]) -> set[str]:
    found = set()
    for role, phrases in table.items():
        for phrase in phrases:
            if re.search(rf"(?<![a-z]){re.escape(phrase)}(?![a-z])", label):
                found.add(role)
                break
    return found


def _name_tokens(speaker: Speaker) -> frozenset[str]:
    name = fold(speaker.name or "")
    tokens = re.findall(r"[a-z][a-z'\-]+", name)
    parts: set[str] = set()
    for token in tokens:
        parts.update(p for p in token.split("-") if len(p) >= 3 and p not in _STOP)
    return frozenset(parts)


def _turn_info(transcript: Transcript, turn: Turn) -> _TurnInfo:
    speaker = transcript.speaker(turn.speaker_id)
    label = fold(turn.label_text).replace(",", " ")
    generic_roles = _phrases_in(fold(speaker.role or speaker.name or label), GENERIC_ROLE_PHRASES)
    interpretation = turn.interpretation
    interpreted_from = interpretation.source_language if interpretation.interpreted else None
    if interpretation.interpreted and interpreted_from is None:
        interpreted_from = "?"
    return _TurnInfo(
        index=turn.index,
        name_tokens=frozenset() if speaker.generic else _name_tokens(speaker),
        roles=frozenset(_phrases_in(label, ROLE_PHRASES)),
        generic=sorted(generic_roles)[0] if speaker.generic and generic_roles else None,
        interpreted_from=interpreted_from,
        placeholder=interpretation.placeholder,
        length=sum(len(s.text) for s in turn.sentences),
        speaker_id=turn.speaker_id,
    )


def _match_score(en: _TurnInfo, es: _TurnInfo) -> float:
    """How likely two turns render the same stretch of speech, roughly in [-1, 1.5]."""
    who = 0.0
    if en.name_tokens and es.name_tokens:
        who = 1.0 if en.name_tokens & es.name_tokens else -0.6
    elif en.generic or es.generic:
        who = 0.7 if en.generic == es.generic else -0.4
    if en.roles & es.roles:
        who += 0.3 if who > 0 else 0.5
    # Which record holds the original: the English turn interpreted from Spanish
    # meets an uninterpreted Spanish turn, and vice versa.
    how = 0.0
    if bool(en.interpreted_from) != bool(es.interpreted_from):
        how = 0.2
    elif en.interpreted_from and es.interpreted_from:
        how = -0.2
    size = 0.0
    if not (en.placeholder or es.placeholder) and en.length and es.length:
        log_ratio = math.log(es.length / en.length / _EXPECTED_ES_EN_RATIO)
        size = 0.3 - min(abs(log_ratio), 2.0) * 0.4
    return who + how + size


def pair_turns(english: Transcript, spanish: Transcript) -> list[tuple[tuple[int, ...], tuple[int, ...], float]]:
    """Monotonic turn pairing: ``[(english_turns, spanish_turns, score), ...]``.

    Each English and each Spanish turn appears in exactly one entry; an entry
    with an empty side is a turn found in one record only.  Cost is
    O(len(english) × len(spanish)), which is fine for turns (hundreds, not
    hundreds of thousands).
    """
    en = [_turn_info(english, t) for t in english.turns]
    es = [_turn_info(spanish, t) for t in spanish.turns]
    n, m = len(en), len(es)
    neg = -math.inf
    best = [[neg] * (m + 1) for _ in range(n + 1)]
    back: list[list[tuple[int, int, float] | None]] = [[None] * (m + 1) for _ in range(n + 1)]
    best[0][0] = 0.0
    for i in range(n + 1):
        for j in range(m + 1):
            here = best[i][j]
            if here == neg:
                continue
            moves: list[tuple[int, int, float]] = []
            if i < n:
                moves.append((1, 0, _SKIP))
            if j < m:
                moves.append((0, 1, _SKIP))
            if i < n and j < m:
                moves.append((1, 1, _match_score(en[i], es[j])))
                if j + 1 < m and es[j].speaker_id == es[j + 1].speaker_id:
                    merged = _TurnInfo(**{**es[j].__dict__, "length": es[j].length + es[j + 1].length})
                    moves.append((1, 2, _match_score(en[i], merged) + 0.1))
                if i + 1 < n and en[i].speaker_id == en[i + 1].speaker_id:
                    merged = _TurnInfo(**{**en[i].__dict__, "length": en[i].length + en[i + 1].length})
                    moves.append((2, 1, _match_score(merged, es[j]) + 0.1))
            for di, dj, gain in moves:
                if di and dj and gain < _MIN_MATCH:
                    continue
                total = here + gain
                if total > best[i + di][j + dj]:
                    best[i + di][j + dj] = total
                    back[i + di][j + dj] = (di, dj, gain)
    pairs: list[tuple[tuple[int, ...], tuple[int, ...], float]] = []
    i, j = n, m
    while i or j:
        step = back[i][j]
        assert step is not None  # every cell on the path was reached
        di, dj, gain = step
        pairs.append(
            (tuple(en[k].index for k in range(i - di, i)), tuple(es[k].index for k in range(j - dj, j)), gain)
        )
        i, j = i - di, j - dj
    pairs.reverse()
    return pairs


def turn_sentence_texts(turn: Turn) -> list[str]:
    """Sentence texts of a turn with interpreter notes blanked out, for scoring.

    "(Via interpreter) Good morning." is scored as "Good morning."; the
    offsets of the sentence itself are untouched.
    """
    notes = [m for m in turn.markers if m.kind in (MarkerKind.INTERPRETER_NOTE, MarkerKind.LANGUAGE_NOTE)]
    texts = []
    for sentence in turn.sentences:
        text = sentence.text
        for marker in notes:
            if sentence.start <= marker.start and marker.end <= sentence.end:
                a, b = marker.start - sentence.start, marker.end - sentence.start
                text = text[:a] + " " * (b - a) + text[b:]
        texts.append(" ".join(text.split()))
    return texts


def _default_sentence_aligner(src: Sequence[str], tgt: Sequence[str], src_lang: str, tgt_lang: str) -> list[Bead]:
    from .sentences import align_sentences

    return align_sentences(src, tgt, src_lang=src_lang, tgt_lang=tgt_lang)


def _split_beads(beads: list[Bead], boundary: int, on_tgt: bool) -> tuple[list[Bead], list[Bead]]:
    """Share beads of a 1-2/2-1 pair between the two pieces at a sentence boundary."""
    first: list[Bead] = []
    second: list[Bead] = []
    for bead in beads:
        side = bead.tgt if on_tgt else bead.src
        if side:
            goes_first = side[0] < boundary
        else:  # an empty side follows the previous bead
            goes_first = not second
        (first if goes_first else second).append(bead)
    shifted = []
    for bead in second:
        if on_tgt:
            shifted.append(bead.model_copy(update={"tgt": tuple(k - boundary for k in bead.tgt if k >= boundary)}))
        else:
            shifted.append(bead.model_copy(update={"src": tuple(k - boundary for k in bead.src if k >= boundary)}))
    first = [
        b.model_copy(update={"tgt": tuple(k for k in b.tgt if k < boundary)})
        if on_tgt
        else b.model_copy(update={"src": tuple(k for k in b.src if k < boundary)})
        for b in first
    ]
    return first, shifted


def _original_language(english: Turn, spanish: Turn) -> str | None:
    if english.interpretation.interpreted and not spanish.interpretation.interpreted:
        return english.interpretation.source_language or "es"
    if spanish.interpretation.interpreted and not english.interpretation.interpreted:
        return spanish.interpretation.source_language or "en"
    return None


def align(
    english: Transcript,
    spanish: Transcript,
    *,
    sentence_aligner: SentenceAligner | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> Alignment:
    """Align an English record with the Spanish record of the same event.

    Turns are paired first; inside each pair the sentences are aligned with
    :func:`interp_align.align_sentences` (Spanish as source, English as
    target), so every bead stays inside one turn pair.  ``progress`` is called
    with ``(done, total)`` turn pairs, for long documents.
    """
    aligner = sentence_aligner or _default_sentence_aligner
    raw_pairs = pair_turns(english, spanish)
    pairs: list[TurnPair] = []
    for done, (en_idx, es_idx, score) in enumerate(raw_pairs, start=1):
        if progress is not None:
            progress(done, len(raw_pairs))
        if not en_idx or not es_idx:
            pairs.extend(TurnPair(english_turn=i, spanish_turn=None) for i in en_idx)
            pairs.extend(TurnPair(english_turn=None, spanish_turn=j) for j in es_idx)
            continue
        en_turns = [english.turns[i] for i in en_idx]
        es_turns = [spanish.turns[j] for j in es_idx]
        en_texts = [t for turn in en_turns for t in turn_sentence_texts(turn)]
        es_texts = [t for turn in es_turns for t in turn_sentence_texts(turn)]
        placeholder = any(t.interpretation.placeholder for t in (*en_turns, *es_turns))
        beads = [] if placeholder or not en_texts or not es_texts else aligner(es_texts, en_texts, "es", "en")
        turn_confidence = 1.0 / (1.0 + math.exp(-4.0 * (score - 0.4)))
        bead_confidence = sum(b.confidence for b in beads) / len(beads) if beads else turn_confidence
        confidence = round(min(1.0, max(0.0, 0.5 * turn_confidence + 0.5 * bead_confidence)), 4)
        original = _original_language(en_turns[0], es_turns[0])
        if len(en_turns) == 2:
            cut = len(turn_sentence_texts(en_turns[0]))
            parts = _split_beads(beads, cut, on_tgt=True)
            for turn, part in zip(en_turns, parts, strict=True):
                pairs.append(TurnPair(english_turn=turn.index, spanish_turn=es_idx[0], original_language=original,
                                      confidence=confidence, beads=tuple(part)))
        elif len(es_turns) == 2:
            cut = len(turn_sentence_texts(es_turns[0]))
            parts = _split_beads(beads, cut, on_tgt=False)
            for turn, part in zip(es_turns, parts, strict=True):
                pairs.append(TurnPair(english_turn=en_idx[0], spanish_turn=turn.index, original_language=original,
                                      confidence=confidence, beads=tuple(part)))
        else:
            pairs.append(TurnPair(english_turn=en_idx[0], spanish_turn=es_idx[0], original_language=original,
                                  confidence=confidence, beads=tuple(beads)))
    signature = f"turns:dp|sentences:{'custom' if sentence_aligner else 'interp'}|version:{__version__}"
    return Alignment(english=english, spanish=spanish, pairs=tuple(pairs), signature=signature)

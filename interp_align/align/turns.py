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
from dataclasses import dataclass, replace

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
    words: int
    speaker_id: str
    anchors: frozenset[str]


def _phrases_in(label: str, table: dict[str, tuple[str, ...]]) -> set[str]:
    """The roles of ``table`` one of whose phrases ``label`` holds as whole words."""
    return {role for role, pattern in _role_patterns(table) if pattern.search(label)}


#: One compiled pattern per role of each phrase table, made on first use (turns are many, roles few).
_ROLE_PATTERNS: dict[int, tuple[dict[str, tuple[str, ...]], list[tuple[str, re.Pattern[str]]]]] = {}


def _role_patterns(table: dict[str, tuple[str, ...]]) -> list[tuple[str, re.Pattern[str]]]:
    """Each role with the alternation of its phrases: it finds a phrase where any phrase alone would."""
    found = _ROLE_PATTERNS.get(id(table))
    if found is None or found[0] is not table:
        patterns = [(role, re.compile(rf"(?<![a-z])(?:{'|'.join(map(re.escape, phrases))})(?![a-z])"))
                    for role, phrases in table.items() if phrases]
        found = _ROLE_PATTERNS[id(table)] = (table, patterns)
    return found[1]


def _name_tokens(speaker: Speaker) -> frozenset[str]:
    name = fold(speaker.name or "")
    tokens = re.findall(r"[a-z][a-z'\-]+", name)
    parts: set[str] = set()
    for token in tokens:
        parts.update(p for p in token.split("-") if len(p) >= 3 and p not in _STOP)
    return frozenset(parts)


_CAPITALISED = re.compile(r"(?<![.!?¿¡\n] )(?<!^)\b([A-ZÁÉÍÓÚÑ][a-záéíóúñ]{3,})")
_FIGURE = re.compile(r"\d[\d.,]*")


def _anchors(turn: Turn) -> frozenset[str]:
    """Words that survive interpretation: figures and mid-sentence capitalised names (folded)."""
    body = " ".join(turn.sentences.texts())
    figures = {re.sub(r"[.,]", "", m.group()) for m in _FIGURE.finditer(body)}
    names = {fold(m.group(1)) for m in _CAPITALISED.finditer(body)}
    return frozenset({f"#{f}" for f in figures if f.strip("0")} | {n for n in names if n not in _STOP})


def _turn_info(transcript: Transcript, turn: Turn) -> _TurnInfo:
    speaker = transcript.speaker(turn.speaker_id)
    texts = turn.sentences.texts()
    label = fold(turn.label_text).replace(",", " ")
    generic_roles = _phrases_in(fold(speaker.role or speaker.name or label), GENERIC_ROLE_PHRASES)
    interpretation = turn.interpretation
    interpreted_from = interpretation.source_language if interpretation.interpreted else None
    if interpretation.interpreted and interpreted_from is None:
        interpreted_from = "?"
    if interpretation.placeholder and interpretation.source_language not in (None, transcript.language.code if transcript.language else None):
        interpreted_from = interpretation.source_language  # "(Mensaje en inglés)": the original is elsewhere
    return _TurnInfo(
        index=turn.index,
        name_tokens=frozenset() if speaker.generic else _name_tokens(speaker),
        roles=frozenset(_phrases_in(label, ROLE_PHRASES)),
        generic=sorted(generic_roles)[0] if speaker.generic and generic_roles else None,
        interpreted_from=interpreted_from,
        placeholder=interpretation.placeholder,
        length=sum(map(len, texts)),
        words=sum(len(t.split()) for t in texts),
        speaker_id=turn.speaker_id,
        anchors=_anchors(turn),
    )


def _joined(first: _TurnInfo, second: _TurnInfo) -> _TurnInfo:
    """One speaker's two turns read as one (a turn split in one record, whole in the other)."""
    return replace(first, length=first.length + second.length, words=first.words + second.words,
                   anchors=first.anchors | second.anchors)


def _match_score(en: _TurnInfo, es: _TurnInfo) -> float:
    """How likely two turns render the same stretch of speech, roughly in [-1, 1.9]."""
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
        size = 0.3 - min(abs(log_ratio), 4.0) * 0.4  # "Am I on?" is not a 600-word speech
    what = 0.0
    if en.anchors and es.anchors:
        shared = len(en.anchors & es.anchors) / min(len(en.anchors), len(es.anchors))
        what = 0.4 * shared if shared else (-0.1 if min(len(en.anchors), len(es.anchors)) >= 3 else 0.0)
    return who + how + size + what


#: A turn of at most this many words between two turns of one speaker may be an interjection
#: the other record does not transcribe ("Q — … / THE PRESIDENT: No, no — / Q — … ?").
_INTERJECTION_WORDS = 20
#: Above this many cells the turn DP keeps to a band around the diagonal.
_FULL_DP_CELLS = 250_000

Step = tuple[int, int, float]


def _moves(en: Sequence[_TurnInfo], es: Sequence[_TurnInfo], i: int, j: int) -> list[Step]:
    """The moves from cell (i, j): skips, 1-1, a split turn (1-2/2-1), an interrupted one (3-1/1-3)."""
    n, m = len(en), len(es)
    moves: list[Step] = []
    if i < n:
        moves.append((1, 0, _SKIP))
    if j < m:
        moves.append((0, 1, _SKIP))
    if i >= n or j >= m:
        return moves
    moves.append((1, 1, _match_score(en[i], es[j])))
    if j + 1 < m and es[j].speaker_id == es[j + 1].speaker_id:
        moves.append((1, 2, _match_score(en[i], _joined(es[j], es[j + 1])) + 0.1))
    if i + 1 < n and en[i].speaker_id == en[i + 1].speaker_id:
        moves.append((2, 1, _match_score(_joined(en[i], en[i + 1]), es[j]) + 0.1))
    if i + 1 < n and _absorbed(en[i], es[j]):  # "(Inaudible) question. And I'll fold the Haiti question in"
        moves.append((2, 1, _match_score(en[i + 1], es[j])))
    if j + 1 < m and _absorbed(es[j], en[i]):
        moves.append((1, 2, _match_score(en[i], es[j + 1])))
    for size in _interrupted(en, i):
        moves.append((size, 1, _match_score(_pieces(en, i, size), es[j]) + 0.05))
    for size in _interrupted(es, j):
        moves.append((1, size, _match_score(en[i], _pieces(es, j, size)) + 0.05))
    return [mv for mv in moves if not (mv[0] and mv[1]) or mv[2] >= _MIN_MATCH]


#: At most this many interjections inside one speaker's answer that the other record runs together.
_MAX_INTERJECTIONS = 3


def _absorbed(short: _TurnInfo, other: _TurnInfo) -> bool:
    """A short turn the other record runs into the next speaker's turn: it shares a figure or a
    name with that turn (the record misattributes it), so it is paired rather than dropped."""
    if short.generic == "moderator":
        return False  # a moderator's announcement names the next speaker by design
    return short.words <= _INTERJECTION_WORDS and bool(short.anchors & other.anchors)


def _interrupted(turns: Sequence[_TurnInfo], i: int) -> list[int]:
    """Sizes (3, 5, 7) of runs from ``i`` where one speaker's pieces alternate with short interjections
    by others ("THE PRESIDENT … / Q  I asked about the border. / THE PRESIDENT  I'm only joking. / …").
    The last piece must say something (three words or more): a closing "Thank you." is its own turn."""
    sizes = []
    speaker = turns[i].speaker_id
    for count in range(1, _MAX_INTERJECTIONS + 1):
        last = i + 2 * count
        if last >= len(turns):
            break
        middle = turns[last - 1]
        if middle.speaker_id == speaker or middle.words > _INTERJECTION_WORDS or turns[last].speaker_id != speaker:
            break
        if turns[last].words >= 3:
            sizes.append(2 * count + 1)
    return sizes


def _pieces(turns: Sequence[_TurnInfo], i: int, size: int) -> _TurnInfo:
    """The speaker's pieces of an interrupted run, read as one turn."""
    whole = turns[i]
    for k in range(i + 2, i + size, 2):
        whole = _joined(whole, turns[k])
    return whole


def pair_turns(english: Transcript, spanish: Transcript) -> list[tuple[tuple[int, ...], tuple[int, ...], float]]:
    """Monotonic turn pairing: ``[(english_turns, spanish_turns, score), ...]``.

    Each English and each Spanish turn appears in exactly one entry; an entry
    with an empty side is a turn found in one record only.  A question
    interrupted by a short interjection in one record and whole in the other
    is one entry with the question's two pieces, followed by the interjection on
    its own.  Cost is O(len(english) × len(spanish)) cells up to a few million,
    then a band around the diagonal keeps it linear.
    """
    en = [_turn_info(english, t) for t in english.turns]
    es = [_turn_info(spanish, t) for t in spanish.turns]
    steps = _search(en, es)
    pairs: list[tuple[tuple[int, ...], tuple[int, ...], float]] = []
    i = j = 0
    for di, dj, gain in steps:
        en_side = tuple(en[k].index for k in range(i, i + di))
        es_side = tuple(es[k].index for k in range(j, j + dj))
        if di >= 3:
            pairs.append((en_side[::2], es_side, gain))
            pairs += [((k,), (), 0.0) for k in en_side[1::2]]
        elif dj >= 3:
            pairs.append((en_side, es_side[::2], gain))
            pairs += [((), (k,), 0.0) for k in es_side[1::2]]
        else:
            pairs.append((en_side, es_side, gain))
        i, j = i + di, j + dj
    return pairs


def _search(en: Sequence[_TurnInfo], es: Sequence[_TurnInfo]) -> list[Step]:
    """The best monotonic path of moves from (0, 0) to (n, m), in order."""
    n, m = len(en), len(es)
    half = m if (n + 1) * (m + 1) <= _FULL_DP_CELLS else max(100, _FULL_DP_CELLS // (2 * (n + 1)))

    def band(i: int) -> tuple[int, int]:
        centre = round(i * m / n) if n else 0
        return max(0, centre - half), min(m, centre + half)

    best: list[dict[int, float]] = [{} for _ in range(n + 1)]
    back: list[dict[int, Step]] = [{} for _ in range(n + 1)]
    best[0][0] = 0.0
    for i in range(n + 1):
        lo, hi = band(i)
        row = best[i]
        for j in range(lo, hi + 1):
            here = row.get(j)
            if here is None:
                continue
            for di, dj, gain in _moves(en, es, i, j):
                ti, tj = i + di, j + dj
                total = here + gain
                if total > best[ti].get(tj, -math.inf):
                    best[ti][tj] = total
                    back[ti][tj] = (di, dj, gain)
    if m not in best[n]:  # the band missed the corner: walk the rest as one-sided turns
        i_end = max(i for i in range(n + 1) if best[i])
        j_end = max(best[i_end])
        tail = [(1, 0, _SKIP)] * (n - i_end) + [(0, 1, _SKIP)] * (m - j_end)
        return _trace(back, i_end, j_end) + tail
    return _trace(back, n, m)


def _trace(back: list[dict[int, Step]], i: int, j: int) -> list[Step]:
    steps = []
    while i or j:
        step = back[i][j]
        steps.append(step)
        i, j = i - step[0], j - step[1]
    steps.reverse()
    return steps


def turn_sentence_texts(turn: Turn) -> list[str]:
    """Sentence texts of a turn with interpreter notes blanked out, for scoring.

    "(Via interpreter) Good morning." is scored as "Good morning."; the
    offsets of the sentence itself are untouched.
    """
    notes = [m for m in turn.markers if m.kind in (MarkerKind.INTERPRETER_NOTE, MarkerKind.LANGUAGE_NOTE)]
    texts = []
    for text, (start, end) in zip(turn.sentences.texts(), turn.sentences.offsets(), strict=True):
        for marker in notes:
            if start <= marker.start and marker.end <= end:
                a, b = marker.start - start, marker.end - start
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


def _share_beads(beads: list[Bead], pieces: Sequence[Turn], *, on_tgt: bool) -> list[list[Bead]]:
    """The beads of a turn pair shared among the pieces of a split or interrupted turn, each piece
    getting the beads that start in it, with its own within-turn sentence indices."""
    parts: list[list[Bead]] = []
    rest = beads
    for piece in pieces[:-1]:
        first, rest = _split_beads(rest, len(turn_sentence_texts(piece)), on_tgt)
        parts.append(first)
    parts.append(rest)
    return parts


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
        pieces = en_turns if len(en_turns) > 1 else es_turns
        on_english = len(en_turns) > 1
        for turn, part in zip(pieces, _share_beads(beads, pieces, on_tgt=on_english), strict=True):
            pairs.append(
                TurnPair(
                    english_turn=turn.index if on_english else en_idx[0],
                    spanish_turn=es_idx[0] if on_english else turn.index,
                    original_language=original,
                    confidence=confidence,
                    beads=tuple(part),
                )
            )
    signature = f"turns:dp|sentences:{'custom' if sentence_aligner else 'interp'}|version:{__version__}"
    return Alignment(english=english, spanish=spanish, pairs=tuple(_in_order(pairs)), signature=signature)


def _in_order(pairs: list[TurnPair]) -> list[TurnPair]:
    """Pairs in record order: an interjection left out of an interrupted question goes between its pieces."""
    keys: list[tuple[float, float]] = []
    seen_en = seen_es = -1.0
    for pair in pairs:
        en = float(pair.english_turn) if pair.english_turn is not None else seen_en + 1e-3
        es = float(pair.spanish_turn) if pair.spanish_turn is not None else seen_es + 1e-3
        keys.append((en, es))
        seen_en, seen_es = max(seen_en, en), max(seen_es, es)
    order = sorted(range(len(pairs)), key=lambda k: keys[k])
    return [pairs[k] for k in order]

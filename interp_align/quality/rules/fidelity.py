"""Fidelity against the Spanish original, read off the alignment's beads.

Bead convention (models.TurnPair): ``src`` indexes the Spanish turn's
sentences, ``tgt`` the English turn's.  With ``original_language == "es"`` an
empty ``tgt`` is an interpreter omission and an empty ``src`` an addition.
Every finding is located in the checked record and names the other record's
place in ``related``, so both locations are reported.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from ...models import Alignment, Bead, Severity, Transcript, TurnPair
from ...normalize import fold
from ...numbers import Quantity, extract_quantities, same_quantity
from ..context import CheckContext, build_roster
from ..coverage import content_words, coverage
from ..lexicon import ANNOUNCER_ROLES, COURTESY_CUES, COURTESY_OPENERS, DEMONYM_ENDINGS, GLOSS_CUES
from ..models import Finding, Location
from ..spelling import name_tokens, transliteration_key
from .base import RuleInfo
from .names import edit_distance, nearest_name

__all__ = ["RULES", "run", "unmatched_rule"]

RULES = (
    RuleInfo("IA601", "omission", "fidelity", Severity.WARNING, "An original sentence the interpretation leaves out.", "original"),
    RuleInfo("IA602", "addition", "fidelity", Severity.INFO, "An interpreted sentence with nothing behind it in the original.", "original"),
    RuleInfo("IA603", "number-mismatch", "fidelity", Severity.ERROR, "Figures that disagree between original and interpretation after normalisation.", "original"),
    RuleInfo("IA604", "name-mismatch", "fidelity", Severity.WARNING, "A person named in the original replaced by another in the interpretation.", "original"),
    RuleInfo("IA605", "length-ratio", "fidelity", Severity.INFO, "A 1-1 link whose lengths differ far beyond interpreting compression.", "original"),
    RuleInfo("IA606", "turn-missing", "fidelity", Severity.WARNING, "A turn of the original with no counterpart in the interpretation.", "original"),
    RuleInfo("IA607", "name-variant", "fidelity", Severity.WARNING, "A name spelled in a way that matches no name of the other record, but nearly matches one.", "original"),
    RuleInfo("IA608", "partial-rendering", "fidelity", Severity.WARNING, "A turn of the original whose words are mostly not rendered.", "original"),
)

_WORD = re.compile(r"[^\W\d_][\w'’-]*")


class _Sides:
    """Resolve bead indices to spans on both records, whichever one is being checked."""

    def __init__(self, ctx: CheckContext, alignment: Alignment) -> None:
        self.ctx = ctx
        self.english, self.spanish = alignment.english, alignment.spanish
        self.checked_is_english = ctx.transcript.text == alignment.english.text
        self._columns: dict[tuple[bool, int], tuple[list[tuple[int, int]], list[str]]] = {}
        self._figures: dict[tuple[bool, int, int, str], list[Quantity]] = {}

    def columns(self, transcript: Transcript, turn: int) -> tuple[list[tuple[int, int]], list[str]]:
        """The offsets and texts of a turn's sentences, read once per turn from the columns (a
        sentence model per bead would be made many times over, and would read its language tag)."""
        key = (transcript is self.english, turn)
        found = self._columns.get(key)
        if found is None:
            sentences = transcript.turns[turn].sentences
            found = self._columns[key] = (sentences.offsets(), sentences.texts())
        return found

    def figures(self, transcript: Transcript, spans: list[tuple[int, int]], language: str) -> list[Quantity]:
        """The figures of ``spans`` placed in the record, each span read once per run: a bead's
        figures are read again for each of the links around it (a new list is returned)."""
        found: list[Quantity] = []
        english = transcript is self.english
        for a, b in spans:
            key = (english, a, b, language)
            got = self._figures.get(key)
            if got is None:
                got = self._figures[key] = [q.model_copy(update={"start": q.start + a, "end": q.end + a})
                                            for q in extract_quantities(transcript.text[a:b], language)]
            found += got
        return found

    def spans(self, transcript: Transcript, turn: int, indices: tuple[int, ...]) -> list[tuple[int, int]]:
        offsets = self.columns(transcript, turn)[0]
        return [offsets[i] for i in indices if i < len(offsets)]

    def loc(self, transcript: Transcript, start: int, end: int) -> Location:
        return self.ctx.location(start, end, transcript if transcript is not self.ctx.transcript else None)


def _checked(sides: _Sides) -> tuple[Transcript, Transcript]:
    return (sides.english, sides.spanish) if sides.checked_is_english else (sides.spanish, sides.english)


@dataclass(frozen=True)
class _Gap:
    """A sentence of one record with no counterpart in the other.

    ``side`` is the record it is in (``"es"`` or ``"en"``), ``index`` its sentence index in the
    turn; ``merged`` when it was found inside a link of several sentences (by word coverage,
    not by the aligner), ``strong`` when the evidence is enough for a warning, ``lead`` a reason
    the real pairs taught us to doubt it (said in the message, and the finding stays info).
    """

    side: str
    index: int
    merged: bool = False
    strong: bool = False
    gloss: bool = False
    #: Why the evidence points to a rendering after all (a missed link, a restatement, …): then only info.
    lead: str = ""


def run(ctx: CheckContext) -> Iterator[Finding]:
    alignment = ctx.alignment
    if alignment is None:
        return
    sides = _Sides(ctx, alignment)
    persons = _persons(alignment)
    previous_en: int | None = None
    for pair in alignment.pairs:
        if pair.english_turn is None and pair.spanish_turn is not None:
            yield from _turn_missing(ctx, sides, pair, previous_en)
            continue
        previous_en = pair.english_turn
        if pair.english_turn is None or pair.spanish_turn is None:
            continue
        gaps: list[_Gap] = []
        for k, bead in enumerate(pair.beads):
            es = sides.spans(sides.spanish, pair.spanish_turn, bead.src)
            en = sides.spans(sides.english, pair.english_turn, bead.tgt)
            if es and not en:
                gaps += [_lone_gap(sides, pair, k, "es", i) for i in bead.src]
            elif en and not es:
                gaps += [_lone_gap(sides, pair, k, "en", j) for j in bead.tgt]
            elif en and es:
                found = _gaps_in_link(sides, pair, k) or _unrelated_link(sides, pair, k)
                gaps += found
                kept_es = tuple(i for i in bead.src if not any(g.side == "es" and g.index == i for g in found))
                kept_en = tuple(j for j in bead.tgt if not any(g.side == "en" and g.index == j for g in found))
                if kept_es and kept_en:  # a side left empty is a gap: its figures are the gap's, not a mismatch
                    yield from _numbers(ctx, sides, sides.spans(sides.english, pair.english_turn, kept_en),
                                        sides.spans(sides.spanish, pair.spanish_turn, kept_es), _neighbours(sides, pair, k))
                yield from _names(ctx, sides, en, es, persons)
                if len(en) == 1 and len(es) == 1:
                    yield from _ratio(ctx, sides, en[0], es[0])
        yield from _report_gaps(ctx, sides, pair, gaps)
    yield from _name_variants(ctx, sides)


#: A sentence whose content words are this poorly covered by its link's other side was not rendered (or has no source).
_LOW_COVERAGE = 0.2
#: The other sentences of the link must be this well covered, or the link is simply a loose rendering.
_KEPT_COVERAGE = 0.4
#: A lone sentence (a 1-0 or 0-1 bead) this well covered by the neighbouring links was rendered there.
_NEIGHBOUR_COVERAGE = 0.6


def _texts(sides: _Sides, pair: TurnPair, side: str, indices: Iterable[int]) -> list[str]:
    transcript, turn = (sides.spanish, pair.spanish_turn) if side == "es" else (sides.english, pair.english_turn)
    assert turn is not None
    texts = sides.columns(transcript, turn)[1]
    return [texts[i] for i in indices if i < len(texts)]


def _is_gloss(text: str, language: str) -> bool:
    """A sentence that opens like an explanation the interpreter adds ("That is, …", "Es decir, …")."""
    head = fold(text)
    return any(head.startswith(cue) for cue in GLOSS_CUES.get(language, ()))


def _gaps_in_link(sides: _Sides, pair: TurnPair, k: int) -> list[_Gap]:
    """Sentences a link of several sentences hides: one nothing on the other side accounts for.

    The aligner may fold a sentence the interpreter left out into its neighbour's link (a 2-1
    bead), or a gloss the interpreter added (a 1-2 bead).  Each sentence of the larger side is
    measured by how much of it the other side's text covers (``quality.coverage``); one left
    nearly uncovered while its companions are covered is a gap.  It is strong evidence when it
    has three content words or more and none is covered, when it is a gloss, or when it has a
    figure that appears nowhere near in the other record.
    """
    bead = pair.beads[k]
    found: list[_Gap] = []
    for side, own, other, other_lang in (("es", bead.src, bead.tgt, "en"), ("en", bead.tgt, bead.src, "es")):
        if len(own) < 2:
            continue
        language = side
        theirs = _texts(sides, pair, "en" if side == "es" else "es", other)
        scores = [(i, text, coverage(text, language, theirs, other_lang))
                  for i, text in zip(own, _texts(sides, pair, side, own), strict=False)]
        for i, text, cov in scores:
            words = content_words(text, language)
            gloss = _is_gloss(text, language)
            if cov is None or cov > (_LOW_COVERAGE if not gloss else 0.6) or (len(words) < 2 and cov > 0):
                continue
            companions = [c for j, _, c in scores if j != i and c is not None]
            if not companions or max(companions) < _KEPT_COVERAGE:
                continue
            figure = _figure_missing(sides, pair, k, side, text)
            strong = gloss or figure or (cov == 0 and len(words) >= 3)
            lead = "" if gloss or figure else _doubt_in_link(sides, pair, k, side, i, text, words)
            found.append(_Gap(side, i, merged=True, strong=strong and not lead, gloss=gloss, lead=lead))
    return found


#: The slice of a link's single other-side sentence facing a suspect is "left over" when the suspect's
#: companions cover at most this share of it.
_LEFT_OVER_COVERAGE = 0.34


def _doubt_in_link(sides: _Sides, pair: TurnPair, k: int, side: str, index: int, text: str, words: list[str]) -> str:
    """Why a sentence coverage cannot place inside a link is probably rendered after all, or ``""``.

    Besides a rendering in the neighbouring links (the aligner linked it one link off: "Es lo que
    estamos desarrollando …" beside "… what we're developing in terms of more resilient supply
    chain."), a restatement and a courtesy (see :func:`_doubt`), the *left-over* shape, judged
    false on real pairs ("There's -- we have painted this line that is very clear." first of four
    English sentences for one Spanish sentence that opens with that image): when the other side
    is one sentence, the part of it that faces the suspect (by position in the link) is covered
    by none of the suspect's companions -- so the suspect renders it, in words the lexicon lacks.
    """
    other = "en" if side == "es" else "es"
    # two links each way: a link one off shifts its neighbour's rendering a further link away
    near = [t for j in _nearest_links(pair, k, reach=_NEAR) for t in _texts(sides, pair, other, _side_of(pair.beads[j], other))]
    cov = coverage(text, side, near, other) if near else None
    if cov is not None and cov >= _NEIGHBOUR_COVERAGE:
        return "the neighbouring links of the other record cover most of its words"
    if _restated(sides, pair, side, index):
        return "it restates its neighbour"
    if _is_courtesy(text, side, words):
        return "a courtesy formula"
    if _left_over(sides, pair, k, side, index):
        return "the part of the other record's sentence facing it is rendered by nothing else in the link"
    return ""


def _left_over(sides: _Sides, pair: TurnPair, k: int, side: str, index: int) -> bool:
    bead = pair.beads[k]
    own = _side_of(bead, side)
    other = "en" if side == "es" else "es"
    theirs = _texts(sides, pair, other, _side_of(bead, other))
    if len(theirs) != 1:
        return False
    words = content_words(theirs[0], other)
    texts = _texts(sides, pair, side, own)
    at = own.index(index)
    total = max(1, sum(map(len, texts)))
    before = sum(map(len, texts[:at]))
    # the other sentence's words in proportion to the suspect's share of its side's characters
    facing = words[len(words) * before // total: -(-len(words) * (before + len(texts[at])) // total)]
    if len(facing) < 2:
        return False
    companions = [t for j, t in zip(own, texts, strict=False) if j != index]
    cov = coverage(" ".join(facing), other, companions, side)
    return cov is not None and cov <= _LEFT_OVER_COVERAGE


def _unrelated_link(sides: _Sides, pair: TurnPair, k: int) -> list[_Gap]:
    """A 1-1 link whose two sentences share nothing: the aligner paired a sentence left out with one
    that has no source ("Y sobre la revisión de 2026, …" with "Correction: 544 tariff lines.")."""
    bead = pair.beads[k]
    if len(bead.src) != 1 or len(bead.tgt) != 1:
        return []
    es_text, en_text = _texts(sides, pair, "es", bead.src)[0], _texts(sides, pair, "en", bead.tgt)[0]
    if len(content_words(es_text, "es")) < 3 or len(content_words(en_text, "en")) < 3:
        return []
    if coverage(es_text, "es", [en_text], "en") or coverage(en_text, "en", [es_text], "es"):
        return []
    gaps = [_lone_gap(sides, pair, k, "es", bead.src[0]), _lone_gap(sides, pair, k, "en", bead.tgt[0])]
    if _sure_link(sides, bead, en_text, es_text):
        why = "probably a sound link: the aligner is sure of it, the lengths are alike and so are the figures"
        gaps = [_Gap(g.side, g.index, merged=g.merged, strong=False, gloss=g.gloss, lead=why) for g in gaps]
    return gaps


#: A link the aligner scores at least this high, of like lengths and the same figures, stands even
#: when the lexicon finds no shared word ("¿qué hemos logrado …?" / "what have we been able to accomplish …?").
_SURE_LINK = 0.95


def _sure_link(sides: _Sides, bead: Bead, en_text: str, es_text: str) -> bool:
    t = sides.ctx.thresholds
    return (bead.confidence >= _SURE_LINK and t.length_ratio_low <= len(en_text) / max(1, len(es_text)) <= t.length_ratio_high
            and _figures(en_text, "en") == _figures(es_text, "es"))


def _figure_missing(sides: _Sides, pair: TurnPair, k: int, side: str, text: str) -> bool:
    """True when ``text`` has a significant figure that the other record's link and its neighbours lack."""
    own = [q for q in extract_quantities(text, side) if _significant(q)]
    if not own:
        return False
    bead_indices = range(max(0, k - _NEAR), min(len(pair.beads), k + _NEAR + 1))
    other = "en" if side == "es" else "es"
    texts = [t for j in bead_indices
             for t in _texts(sides, pair, other, pair.beads[j].tgt if other == "en" else pair.beads[j].src)]
    theirs = [q for t in texts for q in extract_quantities(t, other)]
    return any(not any(same_quantity(q, o, strict_kind=False) for o in theirs) for q in own)


def _lone_gap(sides: _Sides, pair: TurnPair, k: int, side: str, index: int) -> _Gap:
    """A sentence the aligner left alone (a 1-0 or 0-1 bead), with how sure that is.

    When the nearest links' other side covers most of it, the aligner probably cut a
    rendering that sits there: only a lead.  The nearest links are found past any other
    lone sentences, because a rendering split into many sentences leaves a run of them.
    On real pairs, four more shapes turned out to be renderings or trifles, not defects
    (:func:`_doubt`): they are leads too, and the message says why.
    """
    text = _texts(sides, pair, side, (index,))[0]
    other = "en" if side == "es" else "es"
    near = [t for j in _nearest_links(pair, k) for t in _texts(sides, pair, other, _side_of(pair.beads[j], other))]
    cov = coverage(text, side, near, other) if near else 0.0
    gloss = _is_gloss(text, side)
    words = content_words(text, side)
    rendered_nearby = cov is not None and cov >= _NEIGHBOUR_COVERAGE and not gloss
    figure = _figure_missing(sides, pair, k, side, text)
    strong = not rendered_nearby and (gloss or figure or (len(words) >= 4 and (cov or 0.0) <= 0.15))
    lead = "" if rendered_nearby or gloss else _doubt(sides, pair, k, side, index, words, figure)
    return _Gap(side, index, merged=rendered_nearby, strong=strong and not lead, gloss=gloss, lead=lead)


def _side_of(bead: Bead, side: str) -> tuple[int, ...]:
    return bead.src if side == "es" else bead.tgt


def _lone_on(bead: Bead, side: str) -> bool:
    """True for a bead with sentences on ``side`` only (a 1-0 bead for ``"es"``, a 0-1 bead for ``"en"``)."""
    other = "en" if side == "es" else "es"
    return bool(_side_of(bead, side)) and not _side_of(bead, other)


def _nearest_links(pair: TurnPair, k: int, reach: int = 1) -> list[int]:
    """The ``reach`` beads nearest to bead ``k`` on each side that link sentences of both records."""
    found = []
    for step in (-1, 1):
        j, left = k + step, reach
        while 0 <= j < len(pair.beads) and left:
            if pair.beads[j].src and pair.beads[j].tgt:
                found.append(j)
                left -= 1
            j += step
    return found


#: A link that renders one sentence by this many sentences or more may run past the aligner's bead size.
_OVERFLOW_SENTENCES = 3
#: Beside a one-to-two link, a lone sentence this well covered by the link's single other sentence overflows it.
_OVERFLOW_COVERAGE = 0.3
#: A sentence with fewer content words than this is too slight for a warning when it stands alone.
_SLIGHT_WORDS = 3
#: A courtesy formula of at most this many content words is left out or added by routine, not by mistake.
_COURTESY_WORDS = 6
#: A lone sentence whose words its own neighbours already say this much restates them.
_RESTATED_COVERAGE = 0.5


def _doubt(sides: _Sides, pair: TurnPair, k: int, side: str, index: int, words: list[str], figure: bool) -> str:
    """Why a lone sentence is probably not a defect, or ``""`` when nothing says so.

    Each reason is a shape judged false on real English–Spanish pairs:

    - a *missed link*: a 1-0 bead beside a 0-1 bead of a like length and the same figures is
      one 1-1 link the aligner split in two (an omission and an addition on one idea);
    - an *overflow*: the run of lone sentences borders a link that renders one sentence by
      three or more; the interpreter split a long sentence into more pieces than a bead holds;
    - a *restatement*: its own neighbours already say most of its words ("screaming all over
      the place, even to Heaven.  They're going to be yelling at Heaven.");
    - a *courtesy* ("Un saludo fraterno, presidente …", "Thank you.") or a sentence too slight
      to be sure of (under three content words, no figure: "Esto es algo excepcional." folded
      into ", which is outstanding").
    """
    text = _texts(sides, pair, side, (index,))[0]
    if _missed_link(sides, pair, k, side):
        return "probably a missed link: the sentence next to it in the other record, itself unlinked, is of a like length"
    if _overflows(sides, pair, k, side, text):
        return "probably the rest of the neighbouring link, which renders one sentence by several"
    if _restated(sides, pair, side, index):
        return "it restates its neighbour"
    if not figure and _is_courtesy(text, side, words):
        return "a courtesy formula"
    if not figure and len(words) < _SLIGHT_WORDS:
        return "too slight to be sure it was not folded into a neighbour"
    return ""


def _missed_link(sides: _Sides, pair: TurnPair, k: int, side: str) -> bool:
    """True when a bead next to ``k`` is a lone sentence of the *other* record that could be this one's rendering."""
    other = "en" if side == "es" else "es"
    mine = _texts(sides, pair, side, _side_of(pair.beads[k], side))
    t = sides.ctx.thresholds
    for j in (k - 1, k + 1):
        if not (0 <= j < len(pair.beads) and _lone_on(pair.beads[j], other)):
            continue
        theirs = _texts(sides, pair, other, _side_of(pair.beads[j], other))
        en, es = (theirs, mine) if other == "en" else (mine, theirs)
        len_en, len_es = sum(map(len, en)), sum(map(len, es))
        if not len_es or not t.length_ratio_low <= len_en / len_es <= t.length_ratio_high:
            continue
        if _figures(" ".join(en), "en") == _figures(" ".join(es), "es"):
            return True
    return False


def _figures(text: str, language: str) -> frozenset[float]:
    return frozenset(q.value for q in extract_quantities(text, language) if _significant(q))


def _overflows(sides: _Sides, pair: TurnPair, k: int, side: str, text: str) -> bool:
    """True when the run of lone ``side`` sentences holding bead ``k`` borders a one-to-many link: one of
    three sentences or more, or of two whose single other sentence shares some of this one's words
    ("We cannot wall ourself off from shared problems." after a 1-2 link ending "… los problemas comunes")."""
    other = "en" if side == "es" else "es"
    for step in (-1, 1):
        j = k + step
        while 0 <= j < len(pair.beads) and _lone_on(pair.beads[j], side):
            j += step
        if not 0 <= j < len(pair.beads):
            continue
        bead = pair.beads[j]
        size = len(_side_of(bead, side))
        if len(_side_of(bead, other)) != 1 or size < _OVERFLOW_SENTENCES - 1:
            continue
        if size >= _OVERFLOW_SENTENCES:
            return True
        cov = coverage(text, side, _texts(sides, pair, other, _side_of(bead, other)), other)
        if cov is not None and cov >= _OVERFLOW_COVERAGE:
            return True
    return False


def _restated(sides: _Sides, pair: TurnPair, side: str, index: int) -> bool:
    """True when the sentences just before and after ``index`` in its own turn hold most of its words."""
    transcript, turn = (sides.spanish, pair.spanish_turn) if side == "es" else (sides.english, pair.english_turn)
    assert turn is not None
    sentences = transcript.turns[turn].sentences
    text = sentences[index].text
    neighbours = [sentences[i].text for i in (index - 1, index + 1) if 0 <= i < len(sentences)]
    if len(content_words(text, side)) < 2 or not neighbours:
        return False
    cov = coverage(text, side, neighbours, side)
    return cov is not None and cov >= _RESTATED_COVERAGE


def _is_courtesy(text: str, language: str, words: list[str]) -> bool:
    """A greeting, a thank-you or a farewell and little else (``COURTESY_CUES``), after an opening
    filler ("And hi, Prime Minister …", "Okay, thank you, …": ``COURTESY_OPENERS``)."""
    head = fold(text).lstrip(" ¡¿\"'“‘-")
    openers = COURTESY_OPENERS.get(language, ())
    while True:
        opener = next((o for o in openers if re.match(rf"{re.escape(o)}\b[\s,]*", head)), None)
        if opener is None:
            break
        head = head[len(opener):].lstrip(" ,")
    return len(words) <= _COURTESY_WORDS and any(re.match(rf"{re.escape(cue)}(?![^\W\d_])", head)
                                                 for cue in COURTESY_CUES.get(language, ()))


#: A turn is only partly rendered when this share of its original's words has no rendering, in three sentences or more.
_PARTIAL_SHARE = 0.5
_PARTIAL_SENTENCES = 3


def _report_gaps(ctx: CheckContext, sides: _Sides, pair: TurnPair, gaps: list[_Gap]) -> Iterator[Finding]:
    """Omissions and additions of one turn pair; a turn mostly left out is one partial-rendering finding."""
    original = pair.original_language
    omitted = [g for g in gaps if original is not None and g.side == original]
    partial = _partial(sides, pair, omitted)
    if partial:
        yield from _partial_finding(ctx, sides, pair, partial)
    shown = {(g.side, g.index) for g in partial}
    for gap in gaps:
        if (gap.side, gap.index) in shown:
            continue
        transcript, turn = (sides.spanish, pair.spanish_turn) if gap.side == "es" else (sides.english, pair.english_turn)
        assert turn is not None
        sentence = transcript.turns[turn].sentences[gap.index]
        yield from _unmatched(ctx, sides, pair, [(sentence.start, sentence.end)], original_side=gap.side,
                              before=gap.index, merged=gap.merged, strong=gap.strong, gloss=gap.gloss, lead=gap.lead)


def _partial(sides: _Sides, pair: TurnPair, omitted: list[_Gap]) -> list[_Gap]:
    """The omitted sentences, when together they are most of the original turn."""
    if len(omitted) < _PARTIAL_SENTENCES:
        return []
    side = omitted[0].side
    transcript, turn = (sides.spanish, pair.spanish_turn) if side == "es" else (sides.english, pair.english_turn)
    assert turn is not None
    sentences = transcript.turns[turn].sentences
    total = sum(len(content_words(s.text, side)) for s in sentences)
    missing = sum(len(content_words(sentences[g.index].text, side)) for g in omitted)
    return sorted(omitted, key=lambda g: g.index) if total and missing / total >= _PARTIAL_SHARE else []


def _partial_finding(ctx: CheckContext, sides: _Sides, pair: TurnPair, omitted: list[_Gap]) -> Iterator[Finding]:
    side = omitted[0].side
    own_tr, own_turn = (sides.spanish, pair.spanish_turn) if side == "es" else (sides.english, pair.english_turn)
    other_tr, other_turn = (sides.english, pair.english_turn) if side == "es" else (sides.spanish, pair.spanish_turn)
    assert own_turn is not None and other_turn is not None
    sentences = own_tr.turns[own_turn].sentences
    spans = [(sentences[g.index].start, sentences[g.index].end) for g in omitted]
    share = sum(len(content_words(sentences[g.index].text, side)) for g in omitted) / max(
        1, sum(len(content_words(s.text, side)) for s in sentences))
    names = ("Spanish", "English") if side == "es" else ("English", "Spanish")
    target = other_tr.turns[other_turn]
    if own_tr.text == ctx.transcript.text:
        start, end = spans[0][0], spans[-1][1]
        related = [ctx.location(target.label.start, target.label.end, other_tr)]
    else:
        start, end = target.label.start, target.label.end
        related = [ctx.location(a, b, own_tr) for a, b in spans]
    interpreted_record_is_checked = other_tr.text == ctx.transcript.text
    finding = ctx.finding(
        "IA608", start, end,
        f"partial rendering: {len(omitted)} of the {len(sentences)} sentences of {names[0]} turn {own_turn} "
        f"({share:.0%} of its words) have no counterpart in {names[1]} turn {other_turn}, "
        f"from {' '.join(sentences[omitted[0].index].text.split())[:60]!r}",
        related=related, severity=None if interpreted_record_is_checked else Severity.INFO,
    )
    if finding:
        yield finding


def _unmatched(
    ctx: CheckContext, sides: _Sides, pair: TurnPair, spans: list[tuple[int, int]], *, original_side: str, before: int,
    merged: bool = False, strong: bool = False, gloss: bool = False, lead: str = "",
) -> Iterator[Finding]:
    """Sentences of one record with nothing in the other: an omission or an addition.

    A sentence of the *original* with no rendering is an omission (IA601); a
    rendered sentence with no original is an addition (IA602).  Problems of
    the other record's interpreter, or of an unknown direction, are info; so
    is a gap found inside a merged link without strong evidence, and one with a
    ``lead`` (a reason to doubt it, said in the message).  An addition
    is a warning only with strong evidence (a gloss, or words nothing covers).
    """
    spanish_only = original_side == "es"
    own_record = sides.spanish if spanish_only else sides.english
    if not any(_has_words(own_record, a, b) for a, b in spans):
        return  # "(A video is played.)": a stage note, not a sentence anyone rendered or left out
    code = unmatched_rule(pair.original_language, original_side)
    own_tr, other_tr = (sides.spanish, sides.english) if spanish_only else (sides.english, sides.spanish)
    own_turn, other_turn = (pair.spanish_turn, pair.english_turn) if spanish_only else (pair.english_turn, pair.spanish_turn)
    assert own_turn is not None and other_turn is not None
    interpreted_record_is_checked = (pair.original_language == "es") == sides.checked_is_english
    sure = pair.original_language is not None and interpreted_record_is_checked
    if code == "IA601":
        severity = None if sure and (strong or not merged) and not lead else Severity.INFO
    else:
        severity = Severity.WARNING if sure and strong else Severity.INFO
    anchor = _anchor(other_tr, other_turn, _count_before(pair, before, spanish_only))
    own = [ctx.location(a, b, own_tr) for a, b in spans]
    if own_tr.text == ctx.transcript.text:
        start, end, related = spans[0][0], spans[-1][1], [ctx.location(*anchor, other_tr)]
    else:
        (start, end), related = anchor, own
    text = " ".join(" ".join(own_tr.text[a:b] for a, b in spans).split())
    what = "omission" if code == "IA601" else ("addition (a gloss)" if gloss else "addition")
    names = ("Spanish", "English") if spanish_only else ("English", "Spanish")
    message = (f"{what}: {names[0]} turn {own_turn} sentence {text[:100]!r} has no counterpart in "
               f"{names[1]} turn {other_turn}"
               + (" (its link's other side covers almost none of its words)" if merged else "")
               + (f" -- {lead}" if lead else ""))
    finding = ctx.finding(code, start, end, message, related=related, severity=severity)
    if finding:
        yield finding


def _place(sides: _Sides, spans_en: list[tuple[int, int]], spans_es: list[tuple[int, int]]) -> tuple[Location, list[Location]]:
    """The checked-side location and the other side's locations of one bead."""
    if sides.checked_is_english:
        here = sides.loc(sides.english, spans_en[0][0], spans_en[-1][1])
        there = [sides.loc(sides.spanish, a, b) for a, b in spans_es]
    else:
        here = sides.loc(sides.spanish, spans_es[0][0], spans_es[-1][1])
        there = [sides.loc(sides.english, a, b) for a, b in spans_en]
    return here, there


def _anchor(transcript: Transcript, turn: int, before: int) -> tuple[int, int]:
    """Where a missing sentence would stand: the sentence before it, or the turn label."""
    t = transcript.turns[turn]
    if 0 < before <= len(t.sentences):
        s = t.sentences[before - 1]
        return s.start, s.end
    return t.label.start, t.label.end


_NOTE = re.compile(r"\([^()]*\)|\[[^\[\]]*\]")


def _has_words(transcript: Transcript, start: int, end: int) -> bool:
    """True when ``[start, end)`` has a word outside bracketed notes."""
    return bool(_WORD.search(_NOTE.sub(" ", transcript.text[start:end])))


def unmatched_rule(original_language: str | None, side: str) -> str:
    """The rule of a sentence on ``side`` ("en"/"es") with nothing on the other side of its link.

    A sentence of the original left unrendered is an omission (IA601); a
    rendered sentence with no original is an addition (IA602).  With no known
    direction the Spanish record is taken as the original.  The HTML report
    labels its rows with this function, so the page and ``check`` agree.
    """
    return "IA601" if original_language == side or (original_language is None and side == "es") else "IA602"


def _count_before(pair: TurnPair, index: int, spanish_only: bool) -> int:
    """How many sentences of the other side come before own-side sentence ``index``."""
    count = 0
    for bead in pair.beads:
        own, other = (bead.src, bead.tgt) if spanish_only else (bead.tgt, bead.src)
        if own and own[0] >= index:
            break
        if other:
            count = max(count, max(other) + 1)
    return count


def _significant(q: Quantity) -> bool:
    """Digits or big values: spelled small counts ("two governments", "un día") drop out freely."""
    if re.match(r"0\d", q.text):
        return False  # "distrito de riego 005": a code, not an amount
    return any(c.isdecimal() for c in q.text) or q.value > 10


#: How many links away a figure may be rendered: interpreters move figures across sentence boundaries.
_NEAR = 2


def _neighbours(sides: _Sides, pair: TurnPair, k: int) -> tuple[list[Quantity], list[Quantity]]:
    """Figures of the beads near bead ``k``: a figure may sit a link or two away when the
    interpreter splits or joins sentences ("… a first volume.  It will be 430 million …")."""
    assert pair.english_turn is not None and pair.spanish_turn is not None
    en: list[Quantity] = []
    es: list[Quantity] = []
    for j in (*range(k - _NEAR, k), *range(k + 1, k + _NEAR + 1)):
        if 0 <= j < len(pair.beads):
            bead = pair.beads[j]
            en += sides.figures(sides.english, sides.spans(sides.english, pair.english_turn, bead.tgt), "en")
            es += sides.figures(sides.spanish, sides.spans(sides.spanish, pair.spanish_turn, bead.src), "es")
    return en, es


def _numbers(
    ctx: CheckContext, sides: _Sides, en: list[tuple[int, int]], es: list[tuple[int, int]],
    near: tuple[list[Quantity], list[Quantity]],
) -> Iterator[Finding]:
    """Figures of a link that match nothing on the other side, even a link or two away.

    Both sides left with figures of the same kind and unit that disagree is an error (the
    interpreter changed a figure); a figure on one side only, or disagreeing figures of
    different kinds (a year against a count), is a warning.
    """
    qen = sides.figures(sides.english, en, "en")
    qes = sides.figures(sides.spanish, es, "es")
    left_en = [q for q in qen if _significant(q) and not any(same_quantity(q, o, strict_kind=False) for o in qes)]
    left_es = [q for q in qes if _significant(q) and not any(same_quantity(q, o, strict_kind=False) for o in qen)]
    # a figure unmatched here may be rendered a link or two away
    left_en = [q for q in left_en if not any(same_quantity(q, o, strict_kind=False) for o in near[1])]
    left_es = [q for q in left_es if not any(same_quantity(q, o, strict_kind=False) for o in near[0])]
    if not left_en and not left_es:
        return
    checked, _ = _checked(sides)
    english_checked = checked is sides.english
    mine, theirs = (left_en, left_es) if english_checked else (left_es, left_en)
    other_tr = sides.spanish if english_checked else sides.english
    here_name, there_name = ("English", "Spanish") if english_checked else ("Spanish", "English")
    if mine and theirs:
        for q in mine:
            others = ", ".join(f"{o.text!r} ({_show(o)})" for o in theirs)
            certain = any(_comparable(q, o) for o in theirs)
            finding = ctx.finding(
                "IA603", q.start, q.end,
                f"number mismatch: {here_name} {q.text!r} ({_show(q)}) but {there_name} {others}",
                related=[ctx.location(o.start, o.end, other_tr) for o in theirs],
                severity=None if certain else Severity.WARNING,
            )
            if finding:
                yield finding
        return
    here, _ = _place(sides, en, es)
    for q in mine or theirs:
        if mine:
            start, end, related = q.start, q.end, []
            message = f"number mismatch: {here_name} {q.text!r} ({_show(q)}) has no figure in the {there_name} link"
        else:
            start, end, related = here.start, here.end, [ctx.location(q.start, q.end, other_tr)]
            message = f"number mismatch: {there_name} {q.text!r} ({_show(q)}) is missing from this {here_name} sentence"
        finding = ctx.finding("IA603", start, end, message, related=related, severity=Severity.WARNING)
        if finding:
            yield finding


def _comparable(a: Quantity, b: Quantity) -> bool:
    """Two figures that state the same sort of thing: same kind and the same unit ("$3.12" against a
    bare "12" is not certain enough for an error: the other figure may be its cents)."""
    return a.kind == b.kind and a.unit == b.unit


def _show(q: Quantity) -> str:
    value = f"{q.value:,.6g}" if q.value < 1e6 else f"{q.value:.4g}"
    return f"{value} {q.unit}" if q.unit else value


def _persons(alignment: Alignment) -> dict[str, tuple[str, str]]:
    """Folded name token → (person key, display name), one person per speaker across both records.

    A Spanish speaker whose label holds an English speaker's surname is the
    same person ("LUISA MARÍA ALCALDE LUJÁN" = "ALCALDE"), so "Luján" and
    "Alcalde" name one person; tokens shared by two people ("Alejandro") are dropped.
    """
    owners: dict[str, set[str]] = {}
    display: dict[str, str] = {}
    english = [(sp.id, {fold(w) for w in _WORD.findall(sp.name or " ".join(sp.labels))}) for sp in alignment.english.speakers if not sp.generic]
    for sp in alignment.english.speakers:
        display[f"en:{sp.id}"] = sp.name or sp.id
    for sid, tokens in english:
        for tok in tokens:
            owners.setdefault(tok, set()).add(f"en:{sid}")
    for sp in alignment.spanish.speakers:
        if sp.generic:
            continue
        tokens = {fold(w) for w in _WORD.findall(" ".join((sp.name or "", *sp.labels)))}
        same = [f"en:{sid}" for sid, en_tokens in english if en_tokens and en_tokens <= tokens]
        key = same[0] if len(same) == 1 else f"es:{sp.id}"
        display.setdefault(key, sp.name or sp.id)
        for tok in tokens:
            owners.setdefault(tok, set()).add(key)
    roster = build_roster(alignment.english) | build_roster(alignment.spanish)
    return {tok: (next(iter(keys)), display[next(iter(keys))]) for tok, keys in owners.items()
            if len(keys) == 1 and tok in roster}


def _names(
    ctx: CheckContext, sides: _Sides, en: list[tuple[int, int]], es: list[tuple[int, int]],
    persons: dict[str, tuple[str, str]],
) -> Iterator[Finding]:
    def mentioned(transcript: Transcript, spans: list[tuple[int, int]]) -> dict[str, str]:
        words = {fold(w) for a, b in spans for w in _WORD.findall(transcript.text[a:b]) if w[0].isupper()}
        return dict(persons[w] for w in words if w in persons)

    in_en, in_es = mentioned(sides.english, en), mentioned(sides.spanish, es)
    only_es = sorted(in_es[k] for k in in_es.keys() - in_en.keys())
    only_en = sorted(in_en[k] for k in in_en.keys() - in_es.keys())
    if only_es and only_en:
        here, there = _place(sides, en, es)
        # in a link of several sentences the two names may stand in different sentences: a greeting to
        # one leader beside a question to another ("And hi, Prime Minister …" / "señor presidente …")
        single = len(en) == 1 and len(es) == 1
        finding = ctx.finding(
            "IA604", here.start, here.end,
            f"name mismatch: the Spanish names {', '.join(only_es)} but the English names {', '.join(only_en)}"
            + ("" if single else f" -- in a link of {len(es)} Spanish and {len(en)} English sentences, "
               "so the names may belong to different sentences"),
            related=there, severity=None if single else Severity.INFO,
        )
        if finding:
            yield finding


def _ratio(ctx: CheckContext, sides: _Sides, en: tuple[int, int], es: tuple[int, int]) -> Iterator[Finding]:
    t = ctx.thresholds
    len_en, len_es = en[1] - en[0], es[1] - es[0]
    if max(len_en, len_es) < t.length_ratio_min_chars or min(len_en, len_es) == 0:
        return
    ratio = len_en / len_es
    if t.length_ratio_low <= ratio <= t.length_ratio_high:
        return
    here, there = _place(sides, [en], [es])
    finding = ctx.finding(
        "IA605", here.start, here.end,
        f"length ratio: English/Spanish = {ratio:.2f} ({len_en} vs {len_es} characters); "
        f"interpreting usually gives about 0.85, outside [{t.length_ratio_low}, {t.length_ratio_high}] is suspect",
        related=there, score=round(ratio, 3),
    )
    if finding:
        yield finding


def _turn_missing(ctx: CheckContext, sides: _Sides, pair: TurnPair, previous_en: int | None) -> Iterator[Finding]:
    assert pair.spanish_turn is not None
    es_turn = sides.spanish.turns[pair.spanish_turn]
    if not es_turn.body.strip():
        return
    if sides.checked_is_english:
        if previous_en is not None:
            t = sides.english.turns[previous_en]
            start, end = t.label.start, t.label.end
        else:
            start, end = 0, 0
        related = [ctx.location(es_turn.start, es_turn.end, sides.spanish)]
    else:
        start, end, related = es_turn.label.start, es_turn.label.end, []
    routine = _routine_turn(sides.spanish, pair.spanish_turn)
    finding = ctx.finding(
        "IA606", start, end,
        f"turn missing: Spanish turn {pair.spanish_turn} ({es_turn.label_text!r}) has no English counterpart"
        + (" after this turn" if sides.checked_is_english and previous_en is not None else "")
        + (f" -- {routine}, which the other record routinely leaves out" if routine else ""),
        related=related, severity=Severity.INFO if routine else None,
    )
    if finding:
        yield finding


#: A turn of one sentence with at most this many content words is a procedural line ("We thank the media.").
_PROCEDURAL_WORDS = 6


def _routine_turn(transcript: Transcript, index: int) -> str:
    """Why a turn with no counterpart is routine, or ``""``: a moderator's or announcer's turn, or a one-line
    procedural turn.  On real pairs the White House record leaves out every introduction, hand-over and
    closing of the gob.mx moderator, and one-line dismissals of the press."""
    turn = transcript.turns[index]
    speaker = next((sp for sp in transcript.speakers if sp.id == turn.speaker_id), None)
    if speaker is not None and speaker.generic and _is_announcer(speaker.role or speaker.id):
        return "an announcer's turn"
    language = turn.language.code.split("-")[0] if turn.language else "es"
    if len(turn.sentences) <= 1 and len(content_words(turn.body, language)) <= _PROCEDURAL_WORDS:
        return "a one-line procedural turn"
    return ""


def _is_announcer(role: str) -> bool:
    """A role label that names a moderator or announcer ("MODERADORA", "MODERADORA 2", "master of ceremonies")."""
    key = re.sub(r"[\s-]+\d+$", "", fold(role).replace("-", " ").strip())
    return key in ANNOUNCER_ROLES


def _demonym_pair(a: str, b: str) -> bool:
    """True when one folded word is the other's demonym ("venezuelans"/"venezuela", "cubanos"/"cuba"):
    a people against its country, not a misspelling.  Endings are language data (``DEMONYM_ENDINGS``)."""
    for word, place in ((a, b), (b, a)):
        stems = {place, place[:-1]} if place[-1:] in "aeiou" else {place}
        if any(word == stem + end for stem in stems for ends in DEMONYM_ENDINGS.values() for end in ends):
            return True
    return False


#: How alike two spellings must be (1 - edits / length) to be one name misspelled.
_NAME_SIMILARITY = 0.8


_NAME_WORD = re.compile(r"(?<![\w'’-])[^\W\d_][^\W\d_'’]*(?:-[^\W\d_]+)*")


def _name_vocabulary(transcript: Transcript) -> dict[str, tuple[int, int]]:
    """Folded capitalised word → its first place, over the turn bodies and the speakers' names."""
    vocab: dict[str, tuple[int, int]] = {}
    for turn in transcript.turns:
        # from the turn's start (the look-behind still sees the character before it), up to its
        # end: the matches of the text up to turn.end that start in the turn, in linear time
        for m in _NAME_WORD.finditer(transcript.text, turn.start, turn.end):
            if m.group()[0].isupper():
                vocab.setdefault(fold(m.group()), (m.start(), m.end()))
    for speaker in transcript.speakers:
        for word in _WORD.findall(" ".join((speaker.name or "", *speaker.labels))):
            vocab.setdefault(fold(word), (0, 0))
    return vocab


def _nearest_of(key: str, words: list[str]) -> tuple[str, float]:
    """The first of ``words`` (the other record's names with ``key``'s initial) most like ``key``,
    within two letters of its length, and how alike they are (``("", 0.0)``: none)."""
    best, score = "", 0.0
    for word in words:
        if abs(len(word) - len(key)) > 2:
            continue
        similarity = 1.0 - edit_distance(key, word) / max(len(word), len(key))
        if similarity > score:
            best, score = word, similarity
    return best, score


def _name_variants(ctx: CheckContext, sides: _Sides) -> Iterator[Finding]:
    """Names of the checked record that match no name of the other record but nearly match one.

    Accents and transliteration are the same name ("Lazaro Cardenas", "Zelenskyy"/"Zelenski");
    one or two letters off ("Cárdenaz", "Blinkin") is a misspelling in one of the two records.
    Near misses of the checked record's own speakers are left to IA301.
    """
    checked, other = _checked(sides)
    language = "en" if checked is sides.english else "es"
    other_language = "es" if language == "en" else "en"
    theirs = _name_vocabulary(other)
    keys = {transliteration_key(word) for word in theirs}
    roster = build_roster(checked)
    own = tuple(roster)
    by_initial: dict[str, list[str]] = {}  # the other record's names of four letters or more, in order
    for word in theirs:
        if len(word) >= 4:
            by_initial.setdefault(word[:1], []).append(word)
    nearest: dict[str, tuple[str, float]] = {}  # a name recurs all record long: its nearest once
    for turn in checked.turns:
        for token in name_tokens(checked.text, language, [(turn.body_start, turn.body_end)]):
            if token.key in theirs or token.key in roster or transliteration_key(token.text) in keys:
                continue
            if own and nearest_name(token.key, own)[1] >= _NAME_SIMILARITY:
                continue  # a near miss of this record's own speaker: IA301 reports it
            found = nearest.get(token.key)
            if found is None:
                found = nearest[token.key] = _nearest_of(token.key, by_initial.get(token.key[:1], []))
            best, score = found
            if score < _NAME_SIMILARITY or _demonym_pair(token.key, best):
                continue
            start, end = theirs[best]
            spelled = other.text[start:end] if end > start else best
            related = [ctx.location(start, end, other)] if end > start else []
            finding = ctx.finding(
                "IA607", token.start, token.end,
                f"name variant: {token.text!r} matches no name of the {'Spanish' if other_language == 'es' else 'English'} "
                f"record, which spells {spelled!r} (similarity {score:.2f}): one of the two is misspelled",
                related=related, score=round(score, 3),
            )
            if finding:
                yield finding

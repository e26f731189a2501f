"""Fidelity against the Spanish original, read off the alignment's beads.

Bead convention (models.TurnPair): ``src`` indexes the Spanish turn's
sentences, ``tgt`` the English turn's.  With ``original_language == "es"`` an
empty ``tgt`` is an interpreter omission and an empty ``src`` an addition.
Every finding is located in the checked record and names the other record's
place in ``related``, so both locations are reported.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ...models import Alignment, Severity, Transcript, TurnPair
from ...normalize import fold
from ...numbers import Quantity, extract_quantities, same_quantity
from ..context import CheckContext, build_roster
from ..models import Finding, Location
from .base import RuleInfo

__all__ = ["RULES", "run", "unmatched_rule"]

RULES = (
    RuleInfo("IA601", "omission", "fidelity", Severity.WARNING, "An original sentence the interpretation leaves out.", "original"),
    RuleInfo("IA602", "addition", "fidelity", Severity.INFO, "An interpreted sentence with nothing behind it in the original.", "original"),
    RuleInfo("IA603", "number-mismatch", "fidelity", Severity.ERROR, "Figures that disagree between original and interpretation after normalisation.", "original"),
    RuleInfo("IA604", "name-mismatch", "fidelity", Severity.WARNING, "A person named in the original replaced by another in the interpretation.", "original"),
    RuleInfo("IA605", "length-ratio", "fidelity", Severity.WARNING, "A 1-1 link whose lengths differ far beyond interpreting compression.", "original"),
    RuleInfo("IA606", "turn-missing", "fidelity", Severity.WARNING, "A turn of the original with no counterpart in the interpretation.", "original"),
)

_WORD = re.compile(r"[^\W\d_][\w'’-]*")


class _Sides:
    """Resolve bead indices to spans on both records, whichever one is being checked."""

    def __init__(self, ctx: CheckContext, alignment: Alignment) -> None:
        self.ctx = ctx
        self.english, self.spanish = alignment.english, alignment.spanish
        self.checked_is_english = ctx.transcript.text == alignment.english.text

    def spans(self, transcript: Transcript, turn: int, indices: tuple[int, ...]) -> list[tuple[int, int]]:
        sentences = transcript.turns[turn].sentences
        return [(sentences[i].start, sentences[i].end) for i in indices if i < len(sentences)]

    def loc(self, transcript: Transcript, start: int, end: int) -> Location:
        return self.ctx.location(start, end, transcript if transcript is not self.ctx.transcript else None)


def _checked(sides: _Sides) -> tuple[Transcript, Transcript]:
    return (sides.english, sides.spanish) if sides.checked_is_english else (sides.spanish, sides.english)


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
        for k, bead in enumerate(pair.beads):
            es = sides.spans(sides.spanish, pair.spanish_turn, bead.src)
            en = sides.spans(sides.english, pair.english_turn, bead.tgt)
            if es and not en:
                yield from _unmatched(ctx, sides, pair, es, original_side="es", before=bead.src[0])
            elif en and not es:
                yield from _unmatched(ctx, sides, pair, en, original_side="en", before=bead.tgt[0])
            elif en and es:
                if len(es) > 1 and pair.original_language == "es":
                    for index in _dropped_in_merge(sides, pair, bead.src, bead.tgt):
                        yield from _unmatched(ctx, sides, pair, sides.spans(sides.spanish, pair.spanish_turn, (index,)),
                                              original_side="es", before=index, merged=True)
                yield from _numbers(ctx, sides, en, es, _neighbours(sides, pair, k))
                yield from _names(ctx, sides, en, es, persons)
                if len(en) == 1 and len(es) == 1:
                    yield from _ratio(ctx, sides, en[0], es[0])


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


#: A merged link whose English is shorter than this share of its Spanish is searched for a dropped sentence.
_MERGE_RATIO = 0.6
#: The same for links merging three Spanish sentences or more, where a dropped one hides more easily.
_MERGE_RATIO_3 = 0.8
#: How sure the re-alignment inside a merged link must be of the sentences it keeps.
_MERGE_CONFIDENCE = 0.4


def _dropped_in_merge(sides: _Sides, pair: TurnPair, src: tuple[int, ...], tgt: tuple[int, ...]) -> list[int]:
    """Spanish sentences of an n-1 link that the interpretation probably left out.

    The sentence aligner may fold an omitted sentence into its neighbour's
    link (a 2-1 bead).  When the English is far shorter than the Spanish, the
    link is re-aligned one sentence a side; a sentence left alone there, while
    the sentences kept are linked confidently, is a probable omission.
    """
    from ...align.sentences import align_sentences

    assert pair.english_turn is not None and pair.spanish_turn is not None
    es_sents = [sides.spanish.turns[pair.spanish_turn].sentences[i].text for i in src]
    en_sents = [sides.english.turns[pair.english_turn].sentences[j].text for j in tgt]
    ratio = sum(map(len, en_sents)) / max(1, sum(map(len, es_sents)))
    if ratio >= (_MERGE_RATIO_3 if len(src) >= 3 else _MERGE_RATIO):
        return []
    sub = align_sentences(es_sents, en_sents, src_lang="es", tgt_lang="en", max_side=max(1, len(src) - 1))
    kept = [b for b in sub if b.src and b.tgt]
    if not kept or min(b.confidence for b in kept) < _MERGE_CONFIDENCE:
        return []
    english = " ".join(en_sents)
    figures = extract_quantities(english, "en")
    dropped = []
    for b in sub:
        if not b.is_omission:
            continue
        sentence = es_sents[b.src[0]]
        own = [q for q in extract_quantities(sentence, "es") if _significant(q)]
        if own and all(any(same_quantity(q, o, strict_kind=False) for o in figures) for q in own):
            continue  # its figures are all in the English: it was rendered, merged
        dropped.append(src[b.src[0]])
    return dropped


def _unmatched(
    ctx: CheckContext, sides: _Sides, pair: TurnPair, spans: list[tuple[int, int]], *, original_side: str, before: int,
    merged: bool = False,
) -> Iterator[Finding]:
    """Sentences of one record with nothing in the other: an omission or an addition.

    A sentence of the *original* with no rendering is an omission (IA601); a
    rendered sentence with no original is an addition (IA602).  Problems of
    the other record's interpreter, or of an unknown direction, are info.
    """
    spanish_only = original_side == "es"
    code = unmatched_rule(pair.original_language, original_side)
    own_tr, other_tr = (sides.spanish, sides.english) if spanish_only else (sides.english, sides.spanish)
    own_turn, other_turn = (pair.spanish_turn, pair.english_turn) if spanish_only else (pair.english_turn, pair.spanish_turn)
    assert own_turn is not None and other_turn is not None
    interpreted_record_is_checked = (pair.original_language == "es") == sides.checked_is_english
    # an omission inferred inside a merged link is a lead, not a certainty: info
    sure = pair.original_language is not None and interpreted_record_is_checked and not merged
    severity = None if sure else Severity.INFO
    anchor = _anchor(other_tr, other_turn, _count_before(pair, before, spanish_only))
    own = [ctx.location(a, b, own_tr) for a, b in spans]
    if own_tr.text == ctx.transcript.text:
        start, end, related = spans[0][0], spans[-1][1], [ctx.location(*anchor, other_tr)]
    else:
        (start, end), related = anchor, own
    text = " ".join(" ".join(own_tr.text[a:b] for a, b in spans).split())
    what = "omission" if code == "IA601" else "addition"
    names = ("Spanish", "English") if spanish_only else ("English", "Spanish")
    message = (f"{what}: {names[0]} turn {own_turn} sentence {text[:100]!r} has no counterpart in "
               f"{names[1]} turn {other_turn}"
               + (" (found inside a merged link whose English is much shorter)" if merged else ""))
    finding = ctx.finding(code, start, end, message, related=related, severity=severity)
    if finding:
        yield finding


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


def _quantities(transcript: Transcript, spans: list[tuple[int, int]], language: str) -> list[Quantity]:
    found: list[Quantity] = []
    for a, b in spans:
        for q in extract_quantities(transcript.text[a:b], language):
            found.append(q.model_copy(update={"start": q.start + a, "end": q.end + a}))
    return found


def _significant(q: Quantity) -> bool:
    """Digits or big values: spelled small counts ("two governments", "un día") drop out freely."""
    if re.match(r"0\d", q.text):
        return False  # "distrito de riego 005": a code, not an amount
    return any(c.isdigit() for c in q.text) or q.value > 10


def _neighbours(sides: _Sides, pair: TurnPair, k: int) -> tuple[list[Quantity], list[Quantity]]:
    """Figures of the beads next to bead ``k``: a figure may sit one link away when beads split a sentence pair."""
    assert pair.english_turn is not None and pair.spanish_turn is not None
    en: list[Quantity] = []
    es: list[Quantity] = []
    for j in (k - 1, k + 1):
        if 0 <= j < len(pair.beads):
            bead = pair.beads[j]
            en += _quantities(sides.english, sides.spans(sides.english, pair.english_turn, bead.tgt), "en")
            es += _quantities(sides.spanish, sides.spans(sides.spanish, pair.spanish_turn, bead.src), "es")
    return en, es


def _numbers(
    ctx: CheckContext, sides: _Sides, en: list[tuple[int, int]], es: list[tuple[int, int]],
    near: tuple[list[Quantity], list[Quantity]],
) -> Iterator[Finding]:
    qen = _quantities(sides.english, en, "en")
    qes = _quantities(sides.spanish, es, "es")
    left_en = [q for q in qen if _significant(q) and not any(same_quantity(q, o, strict_kind=False) for o in qes)]
    left_es = [q for q in qes if _significant(q) and not any(same_quantity(q, o, strict_kind=False) for o in qen)]
    if not (left_en and left_es):
        # a figure that is only on one side here may be rendered one link away
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
            finding = ctx.finding(
                "IA603", q.start, q.end,
                f"number mismatch: {here_name} {q.text!r} ({_show(q)}) but {there_name} {others}",
                related=[ctx.location(o.start, o.end, other_tr) for o in theirs],
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
        finding = ctx.finding(
            "IA604", here.start, here.end,
            f"name mismatch: the Spanish names {', '.join(only_es)} but the English names {', '.join(only_en)}",
            related=there,
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
    finding = ctx.finding(
        "IA606", start, end,
        f"turn missing: Spanish turn {pair.spanish_turn} ({es_turn.label_text!r}) has no English counterpart"
        + (" after this turn" if sides.checked_is_english and previous_en is not None else ""),
        related=related,
    )
    if finding:
        yield finding

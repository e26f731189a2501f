"""Language sanity for a record pair: never align, export or check an English and a Spanish record swapped.

``align es.txt en.txt`` used to tag the English text ``es`` in TMX and the
Spanish ``en``.  Both records' languages are known after parsing (each turn is
identified), so a pair whose languages contradict the argument order is
refused with one clear line, or swapped when the caller allows it.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from .errors import InputError
from .models import LanguageSource, Transcript

__all__ = ["RecordLanguage", "order_pair", "record_language", "refuse_same_language"]

_NAMES = {"en": "English", "es": "Spanish"}


@dataclass(frozen=True)
class RecordLanguage:
    """The language a record reads as, the share of the evidence behind it, and where it came from."""

    code: str
    share: float
    source: str  # "detected turns" or the record tag's source


def record_language(transcript: Transcript) -> RecordLanguage | None:
    """What the record's text reads as: the majority of its detected turn languages, else its own tag.

    Turn tags are used first because a record language may have been declared
    by the caller (``language="es"``) while each turn is still identified.
    ``None`` when nothing says (an empty record).
    """
    votes = Counter(
        t.language.code.split("-")[0]
        for t in transcript.turns
        if t.language is not None and t.language.source is LanguageSource.DETECTED
    )
    if votes:
        code, count = sorted(votes.items(), key=lambda kv: (-kv[1], kv[0]))[0]
        return RecordLanguage(code, round(count / sum(votes.values()), 3), "detected turns")
    tag = transcript.language
    if tag is None or not transcript.turns:
        return None
    return RecordLanguage(tag.code.split("-")[0], tag.confidence, tag.source.value)


def _describe(transcript: Transcript, found: RecordLanguage) -> str:
    name = _NAMES.get(found.code, found.code)
    return f"{transcript.path or 'the record'} reads as {name} ({found.share:.0%} of {found.source})"


def order_pair(
    english: Transcript,
    spanish: Transcript,
    *,
    swap: bool = False,
    names: tuple[str, str] = ("EN_FILE", "ES_FILE"),
    remedy: str = "give the English record first, or pass --swap-if-needed",
) -> tuple[Transcript, Transcript, bool]:
    """``(english, spanish, swapped)``: the pair in the right order, or ``InputError`` saying why not.

    Swapped records (the English one reads as Spanish and the Spanish one as
    English) are put right when ``swap`` is true and refused otherwise; two
    records in one language are always refused, since nothing can be aligned
    as an interpretation.  A record with no evidence (no turns) passes.
    """
    en, es = record_language(english), record_language(spanish)
    en_wrong = en is not None and en.code == "es"
    es_wrong = es is not None and es.code == "en"
    if en_wrong and es_wrong:
        assert en is not None and es is not None
        if swap:
            return spanish, english, True
        raise InputError(
            f"the records look swapped: {names[0]} {_describe(english, en)} and {names[1]} {_describe(spanish, es)}; "
            f"{remedy}"
        )
    if en_wrong or es_wrong:
        wrong, found, which, want = (english, en, names[0], "English") if en_wrong else (spanish, es, names[1], "Spanish")
        assert found is not None
        raise InputError(
            f"{which} {_describe(wrong, found)}, not {want}: give the English record as {names[0]} and the "
            f"Spanish record of the same event as {names[1]}"
        )
    return english, spanish, False


def refuse_same_language(first: Transcript, second: Transcript, *, names: tuple[str, str]) -> None:
    """``InputError`` when both records read as one language (``check es.txt --original es.txt``).

    Either record may be the original (``check`` checks an English or a Spanish
    rendering), so only two records in the same language are refused.
    """
    a, b = record_language(first), record_language(second)
    if a is not None and b is not None and a.code == b.code and a.code in _NAMES:
        raise InputError(
            f"{names[0]} {_describe(first, a)} and {names[1]} {_describe(second, b)}: both in one language; "
            f"{names[1]} must be the other record of the same event"
        )

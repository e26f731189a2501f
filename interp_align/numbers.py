"""Number and quantity normalisation for English and Spanish, with offsets.

Interpreters restate figures in the other language's conventions: "78,000"
becomes "78 mil", "$855 billion" becomes "855 mil millones de dólares".  To
compare figures across an alignment we reduce each mention to a value, a unit
and a kind, and keep ``start``/``end`` into the original text so a finding can
point at it.  Scale words are language-specific on purpose: English "billion"
is 1e9, Spanish "billón" is 1e12, and "mil millones" is the Spanish 1e9.
"""

from __future__ import annotations

import functools
import math
import re
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from .normalize import match_view, strip_accents

__all__ = ["Quantity", "extract_quantities", "parse_numeral", "same_quantity"]

QuantityKind = Literal["cardinal", "year", "day"]


class Quantity(BaseModel):
    """A figure in running text: ``text`` is ``source[start:end]``; ``value`` is scaled.

    ``unit`` is a canonical unit (``"USD"``, ``"percent"``, ``"ton"`` ...) or
    ``None`` for a bare count; ``kind`` is ``"year"`` for a bare four-digit
    year such as "2022" and ``"day"`` for a day of the month ("December 5th",
    "5 de diciembre"): dates, not amounts.
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    start: int = Field(ge=0)
    end: int = Field(ge=0)
    text: str
    value: float
    unit: str | None = None
    kind: QuantityKind = "cardinal"


# --- language data -----------------------------------------------------------------------

_EN_UNITS = {
    "zero": 0, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90,
}  # fmt: skip
_ES_UNITS = {
    "cero": 0, "dos": 2, "tres": 3, "cuatro": 4, "cinco": 5, "seis": 6, "siete": 7,
    "ocho": 8, "nueve": 9, "diez": 10, "once": 11, "doce": 12, "trece": 13, "catorce": 14,
    "quince": 15, "dieciseis": 16, "diecisiete": 17, "dieciocho": 18, "diecinueve": 19,
    "veinte": 20, "veintiuno": 21, "veintiun": 21, "veintiuna": 21, "veintidos": 22,
    "veintitres": 23, "veinticuatro": 24, "veinticinco": 25, "veintiseis": 26,
    "veintisiete": 27, "veintiocho": 28, "veintinueve": 29, "treinta": 30, "cuarenta": 40,
    "cincuenta": 50, "sesenta": 60, "setenta": 70, "ochenta": 80, "noventa": 90,
    "cien": 100, "ciento": 100, "doscientos": 200, "doscientas": 200, "trescientos": 300,
    "trescientas": 300, "cuatrocientos": 400, "cuatrocientas": 400, "quinientos": 500,
    "quinientas": 500, "seiscientos": 600, "seiscientas": 600, "setecientos": 700,
    "setecientas": 700, "ochocientos": 800, "ochocientas": 800, "novecientos": 900,
    "novecientas": 900,
}  # fmt: skip
#: "one"/"un"/"una"/"a" are far more often pronouns or articles than figures:
#: they count only directly before a scale or unit word ("a million", "un mes").
_WEAK_ONE = {"en": {"one", "a", "an"}, "es": {"un", "uno", "una"}}
#: Articles count as one only before a scale word ("a million"), never before a unit ("a day").
_ARTICLES = {"a", "an"}

#: Words that multiply: below 1e6 they scale the running group, above they close it.
_SCALES = {
    "en": {"hundred": 100.0, "thousand": 1e3, "million": 1e6, "millions": 1e6,
           "billion": 1e9, "billions": 1e9, "trillion": 1e12, "trillions": 1e12},
    "es": {"mil": 1e3, "millon": 1e6, "millones": 1e6, "millardo": 1e9, "millardos": 1e9,
           "billon": 1e12, "billones": 1e12},
}  # fmt: skip
_CONNECTORS = {"en": {"and"}, "es": {"y"}}

_UNIT_WORDS = {
    "en": {
        "percent": "percent", "per cent": "percent", "percentage points": "percentage point",
        "dollars": "USD", "dollar": "USD", "pesos": "MXN", "peso": "MXN", "euros": "EUR",
        "tons": "ton", "ton": "ton", "tonnes": "ton", "tonne": "ton", "kilometers": "km",
        "kilometres": "km", "kilometer": "km", "miles": "mile", "mile": "mile",
        "kilograms": "kg", "kilos": "kg", "kilogram": "kg", "minutes": "minute",
        "minute": "minute", "hours": "hour", "hour": "hour", "days": "day", "day": "day",
        "weeks": "week", "week": "week", "months": "month", "month": "month",
        "years": "year-duration", "year": "year-duration",
    },
    "es": {
        "por ciento": "percent", "porciento": "percent", "puntos porcentuales": "percentage point",
        "dolares": "USD", "dolar": "USD", "pesos": "MXN", "peso": "MXN", "euros": "EUR",
        "toneladas": "ton", "tonelada": "ton", "kilometros": "km", "kilometro": "km",
        "millas": "mile", "milla": "mile", "kilogramos": "kg", "kilos": "kg", "kilogramo": "kg",
        "minutos": "minute", "minuto": "minute", "horas": "hour", "hora": "hour",
        "dias": "day", "dia": "day", "semanas": "week", "semana": "week", "meses": "month",
        "mes": "month", "anos": "year-duration", "ano": "year-duration",
    },
}  # fmt: skip
_OF = {"en": "of", "es": "de"}
_CURRENCIES = frozenset({"USD", "MXN", "EUR"})
_CURRENCY_PREFIX = re.compile(r"(?:US\$|USD\s?|MXN\s?|\$)\s?$")

_MONTHS = {
    "en": "january|february|march|april|may|june|july|august|september|october|november|december",
    "es": "enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|setiembre|octubre|noviembre|diciembre",
}
_DAY_AFTER = {lang: re.compile(rf"\s+(?:de\s+)?(?:{m})\b", re.IGNORECASE) for lang, m in _MONTHS.items()}
_DAY_BEFORE = {lang: re.compile(rf"\b(?:{m})\s+(?:the\s+)?$", re.IGNORECASE) for lang, m in _MONTHS.items()}
_ORDINAL = re.compile(r"\d{1,2}(?:st|nd|rd|th)\b")
_WORD_RE = re.compile(r"[^\W\d_]+|\d+(?:[.,]\d+)*", re.UNICODE)
_YEAR_RE = re.compile(r"^(1[89]\d\d|20\d\d)$")


def _lang(language: str) -> str:
    base = language.split("-")[0].lower()
    return "es" if base == "es" else "en"


def parse_numeral(token: str, language: str) -> float | None:
    """Read a digit string in the given language's conventions, or ``None``.

    English uses "," for thousands and "." for decimals.  Spanish records use
    both conventions (Mexico writes "78,000" and "7.4"; Spain "78.000" and
    "7,4"), so in Spanish a single separator followed by exactly three digits
    is read as thousands and otherwise as a decimal point.
    """
    if not re.fullmatch(r"\d+(?:[.,]\d+)*", token):
        return None
    seps = [c for c in token if c in ".,"]
    if not seps:
        return float(token)
    groups = re.split(r"[.,]", token)
    if len(set(seps)) == 2:  # "1,234.5" or "1.234,5": the last separator is decimal
        decimal = seps[-1]
        whole, _, frac = token.rpartition(decimal)
        return float(re.sub(r"[.,]", "", whole) + "." + frac)
    sep = seps[0]
    all_thousands = all(len(g) == 3 for g in groups[1:]) and 1 <= len(groups[0]) <= 3
    if len(seps) > 1:
        return float("".join(groups)) if all_thousands else None
    if _lang(language) == "en":
        return float("".join(groups)) if sep == "," and all_thousands else (
            float(token) if sep == "." else None
        )
    if all_thousands:
        return float("".join(groups))
    return float(groups[0] + "." + groups[1])


def _key(word: str) -> str:
    return strip_accents(word).casefold()


class _Token:
    __slots__ = ("end", "key", "start", "text")

    def __init__(self, match: re.Match[str]) -> None:
        self.start, self.end, self.text = match.start(), match.end(), match.group()
        self.key = _key(self.text)


def _number_word(tok: _Token, lang: str) -> float | None:
    if lang == "en":
        if "-" in tok.key:
            return None
        return float(_EN_UNITS[tok.key]) if tok.key in _EN_UNITS else None
    return float(_ES_UNITS[tok.key]) if tok.key in _ES_UNITS else None


def _gap(view: str, a: _Token, b: _Token) -> str:
    return view[a.end : b.start]


def _joinable_gap(gap: str) -> bool:
    # a wrapped line ("three hundred and\nfifty") or a blanked aside is still inside the figure
    return gap in {" ", "-"} or (gap.strip() == "" and gap.count("\n") <= 1 and len(gap) <= 24)


def _place(value: float) -> float:
    """The place value of the last non-zero digit of a whole number (200 → 100, 20 → 10)."""
    place = 1.0
    while value and value % (place * 10) == 0:
        place *= 10
    return place


def _match_unit(view: str, pos: int, lang: str, after_scale: bool) -> tuple[str, int] | None:
    rest = strip_accents(view[pos : pos + 40]).casefold()
    lead = len(rest) - len(rest.lstrip(" "))
    if rest[lead : lead + 1] == "%":
        return "percent", pos + lead + 1
    body = rest[lead:]
    if after_scale and body.startswith(_OF[lang] + " "):
        # "855 mil millones de dólares", "3 million of dollars" is rare but harmless
        skip = len(_OF[lang]) + 1
        found = _match_unit_word(body[skip:], lang)
        if found and found[0] in _CURRENCIES:
            return found[0], pos + lead + skip + found[1]
    found = _match_unit_word(body, lang)
    if found and lead <= 1:
        return found[0], pos + lead + found[1]
    return None


def _match_unit_word(body: str, lang: str) -> tuple[str, int] | None:
    for phrase in sorted(_UNIT_WORDS[lang], key=len, reverse=True):
        if body.startswith(phrase) and not body[len(phrase) : len(phrase) + 1].isalpha():
            return _UNIT_WORDS[lang][phrase], len(phrase)
    return None


def _accumulate(values: list[tuple[str, float]]) -> float:
    """Combine numbers and scale words: "855 mil millones" → 8.55e11, "4 mil 400" → 4400."""
    high = thousands = current = 0.0
    for kind, value in values:
        if kind == "num":
            current += value
        elif value == 100:
            current = (current or 1) * 100
        elif value < 1e6:
            thousands += (current or 1) * value
            current = 0.0
        else:
            high += ((thousands + current) or 1) * value
            thousands = current = 0.0
    return high + thousands + current


def extract_quantities(text: str, language: str) -> list[Quantity]:
    """All figures in ``text`` with offsets, values, units and kinds, in text order.

    Covers digits in either language's separator conventions, spelled-out
    numbers to the thousands ("three weeks", "tres mil quinientos"), scale
    words ("$855 billion", "855 mil millones de dólares", "4 mil 400"),
    percentages ("17 percent" = "17 por ciento" = "17%"), currencies and
    common measure units; a bare "2022" is a year, not an amount.

    The figures of a sentence-sized text are remembered: the fidelity rules ask for the
    same sentence's figures from several links (quantities are frozen; the list is new).
    """
    if len(text) <= _REMEMBERED_TEXT:
        return list(_remembered_quantities(text, language))
    return _extract_quantities(text, language)


#: Texts up to this length have their figures remembered (sentences, not whole records).
_REMEMBERED_TEXT = 2000


@functools.lru_cache(maxsize=1 << 14)
def _remembered_quantities(text: str, language: str) -> tuple[Quantity, ...]:
    return tuple(_extract_quantities(text, language))


def _extract_quantities(text: str, language: str) -> list[Quantity]:
    lang = _lang(language)
    view = _blank_asides(match_view(text), lang)
    tokens = [_Token(m) for m in _WORD_RE.finditer(view)]
    scales = _SCALES[lang]
    found: list[Quantity] = []
    i = 0
    while i < len(tokens):
        tok = tokens[i]
        first = _start_value(tokens, i, view, lang)
        if first is None:
            i += 1
            continue
        parts: list[tuple[str, float]] = [("num" if tok.key not in scales else "scale", first)]
        digits_only = tok.text[0].isdecimal()
        last_word_value = None if digits_only else first
        j = i + 1
        while j < len(tokens):
            nxt = tokens[j]
            gap = _gap(view, tokens[j - 1], nxt)
            if not _joinable_gap(gap):
                break
            if nxt.key in scales:
                parts.append(("scale", scales[nxt.key]))
                last_word_value = None
                j += 1
                continue
            prev_is_tens = last_word_value is not None and last_word_value % 10 == 0 and last_word_value < 100
            if nxt.key in _CONNECTORS[lang] and j + 1 < len(tokens):
                after = _number_word(tokens[j + 1], lang)
                if after is None and prev_is_tens and tokens[j + 1].key in _WEAK_ONE[lang]:
                    after = 1.0  # "treinta y un mil", "treinta y uno"
                prev_is_scale = parts[-1][0] == "scale"
                if after is not None and (prev_is_tens or prev_is_scale) and _joinable_gap(
                    _gap(view, nxt, tokens[j + 1])
                ):
                    parts.append(("num", after))
                    last_word_value = after
                    j += 2
                    continue
                break
            word = _number_word(nxt, lang)
            if word is None and prev_is_tens and gap == "-" and nxt.key in _WEAK_ONE[lang]:
                word = 1.0  # "thirty-one": "one" is a figure after a tens word
            if parts[-1][0] == "scale":
                value = word if word is not None else parse_numeral(nxt.text, lang)
                if value is None or value >= parts[-1][1]:
                    break
                parts.append(("num", value))
                last_word_value = word
                j += 1
                continue
            if word is not None and last_word_value and word < _place(last_word_value):
                parts.append(("num", word))
                last_word_value = word
                j += 1
                continue
            break
        end = tokens[j - 1].end
        has_scale = any(kind == "scale" for kind, _ in parts)
        value = _accumulate(parts)
        start = tok.start
        unit: str | None = None
        prefix = _CURRENCY_PREFIX.search(view[max(0, start - 5) : start])
        if prefix:
            unit = "MXN" if "MXN" in prefix.group() else "USD"
            start -= len(prefix.group())
        suffix = _match_unit(view, end, lang, has_scale)
        if suffix and (unit is None or suffix[0] in _CURRENCIES):
            # "$100 pesos" is pesos: a currency word outranks the "$" sign
            unit, end = suffix
        if unit in _CURRENCIES and not has_scale:
            cents = _CENTS[lang].match(view, end)
            if cents is not None:  # "tres dólares con 12 centavos" is $3.12
                hundredths = _cents_value(cents.group(1), lang)
                if hundredths is not None and hundredths < 100:
                    value, end = value + hundredths / 100, cents.end()
        kind: QuantityKind = "cardinal"
        if (
            unit is None
            and not has_scale
            and len(parts) == 1
            and digits_only
            and _YEAR_RE.match(tok.text)
        ):
            kind = "year"
        if (
            kind == "cardinal" and unit is None and not has_scale and digits_only and value <= 31
            and (_DAY_AFTER[lang].match(view, end) or _DAY_BEFORE[lang].search(view[max(0, start - 20) : start]))
        ):
            kind = "day"
            ordinal = _ORDINAL.match(view, tok.start)
            end = ordinal.end() if ordinal and ordinal.end() > end else end
        if tok.key in _WEAK_ONE[lang] and not has_scale and (suffix is None or tok.key in _ARTICLES):
            i += 1
            continue
        found.append(Quantity(start=start, end=end, text=text[start:end], value=value, unit=unit, kind=kind))
        while j < len(tokens) and tokens[j].start < end:  # the unit words are consumed too
            j += 1
        i = j
    return found


#: "… con 12 centavos", "… and 12 cents" after a currency amount.
_CENTS = {
    "en": re.compile(r"\s+and\s+([^\W_]+(?:-[^\W_]+)?)\s+cents?\b", re.IGNORECASE),
    "es": re.compile(r"\s+(?:con|y)\s+([^\W_]+)\s+centavos?\b", re.IGNORECASE),
}


def _cents_value(word: str, lang: str) -> float | None:
    if word.isdecimal():
        return float(word)
    parts = [_number_word(_Token(m), lang) for m in _WORD_RE.finditer(word)]
    return float(sum(p for p in parts if p is not None)) if parts and all(p is not None for p in parts) else None


#: A short aside between dashes inside a spelled-out figure: "three hundred and — I think — fifty-seven
#: thousand".  The aside is blanked in the matching view (same length), so the figure reads whole.
_ASIDE = re.compile(r"(?<=[^\W\d_])(\s+)(-[^\S\n]*(?:[^\W\d_]+[^\S\n]*){1,4}-)(?=\s*[^\W\d_])")


def _blank_asides(view: str, lang: str) -> str:
    if "-" not in view:
        return view
    numberish = set(_SCALES[lang]) | _CONNECTORS[lang] | set(_EN_UNITS if lang == "en" else _ES_UNITS)

    def blank(match: re.Match[str]) -> str:
        before = view[: match.start()].rsplit(None, 1)[-1:]
        after = view[match.end() :].split(None, 1)[:1]
        words = [_key(w.strip(",.;:")) for w in before + after]
        if len(words) == 2 and all(w in numberish or w.split("-")[0] in numberish for w in words):
            return match.group(1) + " " * len(match.group(2))
        return match.group()

    return _ASIDE.sub(blank, view)


def _start_value(tokens: list[_Token], i: int, view: str, lang: str) -> float | None:
    """The value a quantity may start with at token ``i``, or ``None``."""
    tok = tokens[i]
    if not tok.text[0].isdecimal():
        # "¹", "②", "₂" pass str.isdigit but are no figure (and ``float`` cannot read them)
        return _word_value(tok, lang) if not tok.text[0].isdigit() else None
    before = view[tok.start - 1] if tok.start else " "
    after = view[tok.end] if tok.end < len(view) else " "
    if _glued_digit(before) or _glued_digit(after):
        return None  # "3²", "CO₂ 5₂", "2¹": a power, an index or a footnote mark, not a plain figure
    if after.isalpha() and _ORDINAL.match(view, tok.start) and _DAY_BEFORE[lang].search(view[max(0, tok.start - 20) : tok.start]):
        return parse_numeral(tok.text, lang)  # "December 5th" is a day
    if before.isalpha() or after.isalpha() or (before == "-" and tok.start >= 2 and view[tok.start - 2].isalpha()):
        return None  # "G20", "1st", "COVID-19": identifiers, not figures
    return parse_numeral(tok.text, lang)


def _glued_digit(char: str) -> bool:
    """A superscript, subscript or circled digit: ``isdigit`` but not a decimal digit."""
    return char.isdigit() and not char.isdecimal()


def _word_value(tok: _Token, lang: str) -> float | None:
    """The value of a number word ("three", "tres", "mil", "a" before a scale), or ``None``."""
    if tok.key in _WEAK_ONE[lang]:
        return 1.0
    word = _number_word(tok, lang)
    if word is not None:
        return word
    if lang == "es" and tok.key == "mil":
        return 1e3  # "mil personas": a bare "mil" is a figure on its own
    return None


def same_quantity(a: Quantity, b: Quantity, *, rel_tol: float = 0.005, strict_kind: bool = True) -> bool:
    """True when two mentions state the same figure: equal value, compatible unit and kind.

    A bare count matches a unit-bearing one ("$3 billion" vs "3 mil millones"):
    interpreters often drop the currency word, and the number is what matters.
    ``strict_kind=False`` lets a year match the same spelled-out number
    ("dos mil veintidós" = "2022").
    """
    if strict_kind and a.kind != b.kind:
        return False
    if a.unit and b.unit and a.unit != b.unit:
        return False
    return math.isclose(a.value, b.value, rel_tol=rel_tol)

"""Sentence features for alignment: lengths and sets of shared "anchor" keys.

An interpreted sentence shares few words with its original, but the ones it
shares are telling: figures (``78,000`` / ``78 mil``), names, dates, acronyms,
cognates (``presidente`` / ``president``) and, when we have one, dictionary
translations.  Each sentence becomes a set of integer keys; two sentences are
similar when their key sets intersect.  Everything here is language
independent except the small number-word and month tables, which only add
keys and never remove any, so a German–French pair loses nothing by them.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache

from ..normalize import strip_accents

__all__ = [
    "Features",
    "KeyVocabulary",
    "build_features",
    "identity",
    "number_keys",
    "sentence_keys",
    "tokenize",
    "word_tokens",
]

#: Scale words after a figure, folded; Spanish ``billón`` is 10**12, English ``billion`` 10**9.
MULTIPLIERS: Mapping[str, int] = {
    "thousand": 10**3,
    "thousands": 10**3,
    "mil": 10**3,
    "million": 10**6,
    "millions": 10**6,
    "millon": 10**6,
    "millones": 10**6,
    "billion": 10**9,
    "billions": 10**9,
    "billon": 10**12,
    "billones": 10**12,
    "trillion": 10**12,
    "trillions": 10**12,
}

#: Spelled-out numbers (English and Spanish) mapped to their value; "one"/"uno" are left
#: out because they double as pronouns and articles.
NUMBER_WORDS: Mapping[str, int] = {
    **dict(
        zip(
            [
                "two",
                "three",
                "four",
                "five",
                "six",
                "seven",
                "eight",
                "nine",
                "ten",
                "eleven",
                "twelve",
                "thirteen",
                "fourteen",
                "fifteen",
                "sixteen",
                "seventeen",
                "eighteen",
                "nineteen",
                "twenty",
            ],
            range(2, 21),
            strict=True,
        )
    ),
    **dict(
        zip(
            [
                "dos",
                "tres",
                "cuatro",
                "cinco",
                "seis",
                "siete",
                "ocho",
                "nueve",
                "diez",
                "once",
                "doce",
                "trece",
                "catorce",
                "quince",
                "dieciseis",
                "diecisiete",
                "dieciocho",
                "diecinueve",
                "veinte",
            ],
            range(2, 21),
            strict=True,
        )
    ),
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "hundred": 100,
    "treinta": 30,
    "cuarenta": 40,
    "cincuenta": 50,
    "cien": 100,
    "ciento": 100,
    "cientos": 100,
}

#: Month names (English, Spanish), folded, to month number.
MONTHS: Mapping[str, int] = {
    **{
        m: i
        for i, m in enumerate(
            [
                "january",
                "february",
                "march",
                "april",
                "_may",  # "may" is mostly the verb
                "june",
                "july",
                "august",
                "september",
                "october",
                "november",
                "december",
            ],
            start=1,
        )
    },
    **{
        m: i
        for i, m in enumerate(
            [
                "enero",
                "febrero",
                "marzo",
                "abril",
                "mayo",
                "junio",
                "julio",
                "agosto",
                "septiembre",
                "octubre",
                "noviembre",
                "diciembre",
            ],
            start=1,
        )
    },
    "setiembre": 9,
}

_TOKEN = re.compile(r"\d+(?:[.,\u00a0\u202f]\d+)*|[^\W\d_]+", re.UNICODE)
_NON_DIGIT = re.compile(r"\D")
COGNATE_PREFIX = 5


def _is_figure(token: str) -> bool:
    """A token read as a number: it starts with a decimal digit (``\\d``, what ``_TOKEN`` matches).

    ``str.isdigit`` is also true of superscript and circled digits (``¹``, ``②``,
    ``₂``), which ``float`` cannot read and which ``_TOKEN`` files with the letters.
    """
    return token[0].isdecimal()


def _ascii_digits(token: str) -> str:
    """The decimal digits of a figure as ASCII (``٣``, ``３`` and ``3`` are one key)."""
    return "".join(str(int(c)) for c in _NON_DIGIT.sub("", token))


def tokenize(text: str) -> list[str]:
    """Raw tokens: figures (with their separators) and letter runs, in order."""
    return _TOKEN.findall(text)


@lru_cache(maxsize=1 << 18)
def _fold(token: str) -> str:
    """Accent- and case-folded token; cached because the same words recur all document long."""
    return strip_accents(token).casefold() if not token.isascii() else token.lower()


def word_tokens(text: str) -> list[str]:
    """Folded letter tokens of three or more characters (what a learned lexicon pairs up)."""
    return [_fold(t) for t in _TOKEN.findall(text) if not _is_figure(t) and len(t) >= 3]


def _figure_value(token: str) -> float:
    """Read ``78,000`` / ``78.000`` as 78000 and ``7.4`` / ``7,4`` as 7.4.

    A last group of exactly three digits is a thousands group in both
    conventions; anything else after the last separator is a decimal part.
    """
    groups = re.split(r"[.,\u00a0\u202f]", token)
    if len(groups) == 1:
        return float(groups[0])
    if len(groups[-1]) == 3:
        return float("".join(groups))
    return float("".join(groups[:-1]) + "." + groups[-1])


def _value_key(value: float) -> str:
    text = f"{value:.6f}".rstrip("0").rstrip(".")
    return text


def number_keys(tokens: Sequence[str]) -> list[str]:
    """Language-independent keys for the figures in a token list.

    Each figure yields its digits without separators or trailing zeros
    (``78,000``, ``78 mil`` and ``78.000`` all give ``d78``) and, with a scale
    word, its value (``855 mil millones`` and ``855 billion`` both give
    ``v855000000000``).
    """
    keys: list[str] = []
    folded = [_fold(t) for t in tokens]
    for k, token in enumerate(tokens):
        word = folded[k]
        if _is_figure(token):
            digits = _ascii_digits(token).rstrip("0") or "0"
            keys.append("d" + digits)
            value = _figure_value(token)
            nxt = folded[k + 1] if k + 1 < len(folded) else ""
            if nxt in MULTIPLIERS:
                scale = MULTIPLIERS[nxt]
                if nxt == "mil" and k + 2 < len(folded) and folded[k + 2] in ("millones", "millon"):
                    scale = 10**9
                value *= scale
                after = tokens[k + 2] if k + 2 < len(tokens) else ""
                if scale == 10**3 and after.isdecimal() and len(after) <= 3:
                    # "4 mil 400" is 4,400: spoken thousands followed by the rest
                    value += int(after)
                    keys.append("d" + (str(int(value)).rstrip("0") or "0"))
            keys.append("v" + _value_key(value))
        elif word in NUMBER_WORDS:
            value = NUMBER_WORDS[word]
            keys.append("d" + (str(value).rstrip("0") or "0"))
            keys.append("v" + str(value))
        elif word in MONTHS:
            keys.append(f"m{MONTHS[word]}")
    return keys


@dataclass(frozen=True)
class Features:
    """What the aligner knows of one sentence (or one block of sentences).

    ``chars`` is the length in characters, ``size`` the number of content
    tokens (the most keys that could possibly match) and ``keys`` the integer
    ids of its anchor keys.
    """

    chars: int
    size: int
    keys: frozenset[int]


class KeyVocabulary:
    """Interns key strings as small integers so key sets stay cheap at 100k sentences."""

    def __init__(self) -> None:
        self._ids: dict[str, int] = {}

    def ids(self, keys: Iterable[str]) -> frozenset[int]:
        table = self._ids
        out = set()
        for key in keys:
            ident = table.get(key)
            if ident is None:
                ident = table[key] = len(table)
            out.add(ident)
        return frozenset(out)

    def id(self, key: str) -> int:
        return self._ids[key]

    def __len__(self) -> int:
        return len(self._ids)


#: Maps one folded word of a side into a shared key space (a lexicon's pivot language).
Translate = Callable[[str], Iterable[str]]


def identity(word: str) -> tuple[str, ...]:
    """The translation of a word on the pivot side: itself."""
    return (word,)


def sentence_keys(
    text: str, *, translate: Translate | None = None, learned: Translate | None = None
) -> tuple[list[str], int]:
    """Anchor keys of one sentence and its content size (tokens of 3+ chars and figures).

    ``translate`` maps this side's folded words into the pivot language of
    the bilingual lexicon (:func:`identity` on the pivot side); ``learned``
    does the same for a lexicon learned from the document pair itself.
    """
    tokens = tokenize(text)
    keys = number_keys(tokens)
    size = 0
    for position, token in enumerate(tokens):
        if _is_figure(token):
            size += 1
            continue
        word = _fold(token)
        if len(word) < 3:
            continue
        size += 1
        if len(word) >= 4:
            keys.append("c" + word[:COGNATE_PREFIX])
        if token[0].isupper() and (position > 0 or token.isupper()):
            keys.append("N" + word)
        if translate is not None:
            keys.extend("x" + w for w in translate(word))
        if learned is not None:
            keys.extend("l" + w for w in learned(word))
    return keys, size


#: Key prefixes that are never dropped as too frequent: figures, values, months.
_ANCHOR_PREFIXES = ("d", "v", "m")


def _document_frequency(raw: Sequence[Sequence[str]]) -> dict[str, int]:
    df: dict[str, int] = {}
    for keys in raw:
        for key in set(keys):
            df[key] = df.get(key, 0) + 1
    return df


def build_features(
    src: Sequence[str],
    tgt: Sequence[str],
    *,
    src_translate: Translate | None = None,
    tgt_translate: Translate | None = None,
    src_learned: Translate | None = None,
    tgt_learned: Translate | None = None,
    full_weight_below: float = 0.05,
    drop_above: float = 0.5,
) -> tuple[list[Features], list[Features], list[float]]:
    """Features of both sides, and a weight per key id (an IDF within the document pair).

    A key found in many sentences of a side (``the``/``de`` via the lexicon,
    a cognate prefix of a frequent word) says little about which sentences
    match: its weight falls with the log of its sentence frequency ``f`` on
    the side where it is commonest, is 1 below ``full_weight_below``, and the
    key is dropped above ``drop_above``.  Figures and months always weigh 1.
    This is the language-independent stop list.
    """
    raw_src = [sentence_keys(t, translate=src_translate, learned=src_learned) for t in src]
    raw_tgt = [sentence_keys(t, translate=tgt_translate, learned=tgt_learned) for t in tgt]
    df_src = _document_frequency([k for k, _ in raw_src])
    df_tgt = _document_frequency([k for k, _ in raw_tgt])
    n, m = max(1, len(src)), max(1, len(tgt))
    # in a short document even a word seen once is "frequent": the rarest possible counts in full
    floor = -math.log(max(full_weight_below, 1.0 / max(n, m)))
    vocabulary = KeyVocabulary()
    weights: list[float] = []

    def weight(key: str) -> float:
        if key.startswith(_ANCHOR_PREFIXES):
            return 1.0
        f = max(df_src.get(key, 0) / n, df_tgt.get(key, 0) / m)
        if f > drop_above:
            return 0.0
        return min(1.0, -math.log(f) / floor)

    def make(texts: Sequence[str], raw: list[tuple[list[str], int]]) -> list[Features]:
        out = []
        for text, (keys, size) in zip(texts, raw, strict=True):
            kept = []
            for key in keys:
                w = weight(key)
                if w > 0.0:
                    kept.append(key)
            ids = vocabulary.ids(kept)
            while len(weights) < len(vocabulary):
                weights.append(0.0)
            for key in kept:
                weights[vocabulary.id(key)] = weight(key)
            out.append(Features(len(text.strip()), size, ids))
        return out

    return make(src, raw_src), make(tgt, raw_tgt), weights

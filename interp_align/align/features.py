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

import numpy as np

from ..normalize import strip_accents
from .stems import stemmer_for

__all__ = [
    "KeyVocabulary",
    "Side",
    "Translate",
    "identity",
    "number_keys",
    "side_tokens",
    "tokenize",
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


class KeyVocabulary:
    """Interns key strings as small integers, shared by both sides and all documents of a corpus."""

    def __init__(self) -> None:
        self._ids: dict[str, int] = {}

    def id(self, key: str) -> int:
        ident = self._ids.get(key)
        if ident is None:
            ident = self._ids[key] = len(self._ids)
        return ident

    def __len__(self) -> int:
        return len(self._ids)


#: Maps one folded word of a side into a shared key space (a lexicon's pivot language).
Translate = Callable[[str], Iterable[str]]


def identity(word: str) -> tuple[str, ...]:
    """The translation of a word on the pivot side: itself."""
    return (word,)


#: Strength of a match on the first :data:`COGNATE_PREFIX` letters alone (``presidente``/``president``).
COGNATE_STRENGTH = 0.8
#: Weight of one figure, month or spelled-out number of a sentence (a word weighs at most 1).
FIGURE_WEIGHT = 1.0
#: Shortest folded word that counts as a content token.
MIN_WORD = 3


@dataclass
class Side:
    """The token occurrences of one side of a corpus (all its sentences), as flat arrays.

    Occurrence ``k`` is in sentence ``sent[k]``; ``word[k]`` is the id of its
    folded form (``-1`` for a figure), ``stem[k]`` of its stem (what the
    translation tables pair up).  Each occurrence has anchor keys
    ``key_occ[e] → key[e]`` with ``key_strength[e]``: the folded form itself,
    its cognate prefix, its lexicon translations, its figure values.
    ``weight`` (set once the corpus is known) is its rarity.
    """

    chars: np.ndarray
    sent: np.ndarray
    word: np.ndarray
    stem: np.ndarray
    key_occ: np.ndarray
    key: np.ndarray
    key_strength: np.ndarray
    weight: np.ndarray

    def __len__(self) -> int:
        return len(self.chars)


@dataclass
class _Vocab:
    ids: dict[str, int]

    def id(self, word: str) -> int:
        ident = self.ids.get(word)
        if ident is None:
            ident = self.ids[word] = len(self.ids)
        return ident


def side_tokens(
    texts: Sequence[str],
    lang: str | None,
    keys: KeyVocabulary,
    words: dict[str, int],
    stems: dict[str, int],
    translate: Translate | None = None,
) -> Side:
    """Token occurrences and anchor keys of one side's sentences.

    ``keys`` is shared by both sides (a key means the same thing on both);
    ``words`` and ``stems`` are this side's vocabularies, shared by every
    document of the side in a corpus.  Work is done once per distinct token
    (cached), so long inputs cost a dictionary look-up per occurrence; what a
    token is as text (:class:`_Surface`) is remembered by the process, since
    records are aligned one turn pair at a time and every pair would redo it.
    """
    stem_of = stemmer_for(lang)
    surfaces = _surfaces(stem_of, translate)
    word_vocab, stem_vocab = _Vocab(words), _Vocab(stems)
    cache: dict[str, _Entry] = {}
    chars = np.fromiter((len(t.strip()) for t in texts), dtype=np.int64, count=len(texts))
    sent: list[int] = []
    word: list[int] = []
    stem: list[int] = []
    key_occ: list[int] = []
    key: list[int] = []
    strength: list[float] = []
    findall = _TOKEN.findall
    for index, text in enumerate(texts):
        tokens = findall(text)
        numeric = False
        for token in tokens:
            entry = cache.get(token)
            if entry is None:
                surface = surfaces.get(token)
                if surface is None:
                    surface = surfaces[token] = _surface(token, stem_of, translate)
                entry = cache[token] = _ids(surface, keys, word_vocab, stem_vocab)
            numeric = numeric or entry[4]
            if entry[0] < 0:
                continue
            occ = len(sent)
            sent.append(index)
            word.append(entry[0])
            stem.append(entry[1])
            key_occ.extend([occ] * len(entry[2]))
            key.extend(entry[2])
            strength.extend(entry[3])
        if numeric:
            for value in dict.fromkeys(number_keys(tokens)):
                occ = len(sent)
                sent.append(index)
                word.append(-1)
                stem.append(-1)
                key_occ.append(occ)
                key.append(keys.id(value))
                strength.append(1.0)
    return Side(
        chars,
        np.asarray(sent, dtype=np.int64),
        np.asarray(word, dtype=np.int64),
        np.asarray(stem, dtype=np.int64),
        np.asarray(key_occ, dtype=np.int64),
        np.asarray(key, dtype=np.int64),
        np.asarray(strength, dtype=np.float64),
        np.zeros(len(sent)),
    )


_NUMERIC_WORDS = frozenset(NUMBER_WORDS) | frozenset(MONTHS)
#: What a token contributes: its word id, stem id (``-1``: not a content word), anchor keys and
#: their strengths, and whether it makes its sentence's figures worth reading (a figure, a
#: number word or a month).
_Entry = tuple[int, int, tuple[int, ...], tuple[float, ...], bool]


@dataclass(frozen=True)
class _Surface:
    """What one token is as text, whatever the corpus: its folded form (``None``: not a content
    word) and stem, the anchor-key strings in the order they are interned, where each key's
    entry comes from (``order``: a key met twice keeps the place and strength of its first
    mention from the end) with its strength, and whether it is a figure or a number word."""

    folded: str | None
    stem: str
    key_strings: tuple[str, ...]
    order: tuple[int, ...]
    strengths: tuple[float, ...]
    numeric: bool


#: Surfaces per (stemmer, translator), for every corpus a process aligns; cleared when large.
_SURFACES: list[tuple[Callable[[str], str], Translate | None, dict[str, _Surface]]] = []
_MAX_SURFACES = 1 << 18


def _surfaces(stem_of: Callable[[str], str], translate: Translate | None) -> dict[str, _Surface]:
    """The process's surface table for one stemmer and translator (bound methods compare equal
    when they are of the same lexicon object, so a lexicon's translator finds its table)."""
    for known_stem, known_translate, table in _SURFACES:
        if known_stem is stem_of and known_translate == translate:
            if len(table) > _MAX_SURFACES:
                table.clear()
            return table
    if len(_SURFACES) >= 16:
        _SURFACES.clear()
    table = {}
    _SURFACES.append((stem_of, translate, table))
    return table


def _surface(token: str, stem_of: Callable[[str], str], translate: Translate | None) -> _Surface:
    """A token's :class:`_Surface` (what :func:`_ids` turns into one corpus's ids)."""
    if _is_figure(token):
        return _Surface(None, "", (), (), (), True)
    folded = _fold(token)
    numeric = folded in _NUMERIC_WORDS
    if len(folded) < MIN_WORD:
        return _Surface(None, "", (), (), (), numeric)
    found = [("w" + folded, 1.0)]
    if len(folded) > COGNATE_PREFIX:
        found.append(("c" + folded[:COGNATE_PREFIX], COGNATE_STRENGTH))
    if translate is not None:
        found.extend(("x" + w, 1.0) for w in translate(folded))
    # ``dict(reversed(found))``: keys in the order of their last mention read backwards, each
    # with the strength of its first mention
    last = {k: i for i, (k, _) in enumerate(found)}
    order = tuple(i for i in range(len(found) - 1, -1, -1) if last[found[i][0]] == i)
    first = {k: g for k, g in reversed(found)}
    return _Surface(folded, stem_of(folded), tuple(k for k, _ in found), order,
                    tuple(first[found[i][0]] for i in order), numeric)


def _ids(surface: _Surface, keys: KeyVocabulary, words: _Vocab, stems: _Vocab) -> _Entry:
    """``(word id, stem id, key ids, strengths, numeric)`` of a token in one corpus's vocabularies.

    Keys are interned in their order (word, cognate prefix, translations), then the word and
    the stem, as the tokens of a corpus are first met.
    """
    if surface.folded is None:
        return -1, -1, (), (), surface.numeric
    table = keys._ids  # ``keys.id`` inlined: this runs once per distinct token of every turn pair
    ids = []
    for k in surface.key_strings:
        ident = table.get(k)
        if ident is None:
            ident = table[k] = len(table)
        ids.append(ident)
    return (words.id(surface.folded), stems.id(surface.stem), tuple([ids[i] for i in surface.order]),
            surface.strengths, surface.numeric)


def set_weights(sides: Sequence[Side]) -> None:
    """Rarity weights over every document of one side of a corpus (an IDF in [0, 1]).

    A word found in a share ``f`` of the side's sentences weighs
    ``log(1/f) / log(N)``: 1 for a word seen in one sentence, 0 for one in
    every sentence — the language-independent stop list.  Counting over the
    whole corpus, not one document, keeps a speech's topic words (said in
    every other sentence of that speech) from looking like function words.
    Figures weigh :data:`FIGURE_WEIGHT`.
    """
    total = sum(len(s) for s in sides)
    if not total:
        return
    vocab = 1 + max((int(s.word.max()) if len(s.word) else -1) for s in sides)
    df = np.zeros(max(1, vocab))
    offset = 0
    for s in sides:
        real = s.word >= 0
        code = np.unique((s.sent[real] + offset) * max(1, vocab) + s.word[real])
        np.add.at(df, code % max(1, vocab), 1.0)
        offset += len(s)
    scale = math.log(max(2, total))
    for s in sides:
        w = np.full(len(s.word), FIGURE_WEIGHT)
        real = s.word >= 0
        w[real] = np.clip(np.log(total / np.maximum(df[s.word[real]], 1.0)) / scale, 0.0, 1.0)
        s.weight = w

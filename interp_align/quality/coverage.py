"""How much of one sentence the other record's text accounts for, word by word.

The fidelity rules read the aligner's beads, but a bead may hide a sentence
the interpreter left out (folded into a 2-1 link) or a gloss they added
(a 1-2 link).  This module answers a narrower question for one sentence and
the text it is linked with: which share of its content words has a
counterpart there — the same word or figure, a cognate (same first five
letters once accents are folded: "cooperación"/"cooperation"), or a
translation in the built-in English–Spanish lexicon.  Function words do not
count: "the", "de" say nothing about whether a sentence was rendered.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from ..align.lexicon import load_lexicon
from ..normalize import fold
from ..numbers import extract_quantities
from .lexicon import FUNCTION_WORDS

__all__ = ["content_words", "coverage"]

_TOKEN = re.compile(r"[^\W\d_]+")
#: Letters a cognate shares with its counterpart ("seguridad"/"security" do not; "programa"/"program" do).
COGNATE_PREFIX = 5
#: Short frequent words that carry no content in either language, beyond the function words.
_EMPTY = frozenset(
    {"very", "much", "muy", "mucho", "muchas", "muchos", "also", "tambien", "just", "solo", "well", "bien", "pues", "all",
     "todo", "toda", "todos", "todas", "them", "him", "her", "one", "ones", "here", "there", "aqui", "ahi", "alli",
     "now", "ahora", "then", "luego", "been", "being", "esta", "estan", "estamos", "hay", "son", "eso", "esto"}
)


def content_words(text: str, language: str) -> list[str]:
    """Folded words of three letters or more that are not function words, and every figure by value.

    A figure is one key whatever its spelling ("4 mil", "4,000", "four thousand" are ``#4000``),
    and its words are not counted again.  A sentence's words are remembered: the fidelity
    rules weigh the same sentence against several links (the list returned is new).
    """
    if len(text) <= _REMEMBERED_TEXT:
        return list(_remembered_words(text, language))
    return _content_words(text, language)


#: Texts up to this length have their content words remembered (sentences, not whole records).
_REMEMBERED_TEXT = 2000


@lru_cache(maxsize=1 << 14)
def _remembered_words(text: str, language: str) -> tuple[str, ...]:
    return tuple(_content_words(text, language))


def _content_words(text: str, language: str) -> list[str]:
    stop = FUNCTION_WORDS.get(language, frozenset()) | _EMPTY
    figures = extract_quantities(text, language)
    words = [f"#{q.value:g}" for q in figures]
    for m in _TOKEN.finditer(text):
        if any(q.start <= m.start() < q.end for q in figures):
            continue
        key = fold(m.group())
        if len(key) >= 3 and key not in stop:
            words.append(key)
    return words


@lru_cache(maxsize=1)
def _tables() -> tuple[dict[str, frozenset[str]], dict[str, frozenset[str]]]:
    """Spanish → English and English → Spanish word sets from the built-in lexicon (empty without it)."""
    lexicon = load_lexicon()
    if lexicon is None:
        return {}, {}
    es_en = {es: frozenset(en) for es, en in lexicon.es_to_en.items()}
    en_es: dict[str, set[str]] = {}
    for es, ens in es_en.items():
        for en in ens:
            en_es.setdefault(en, set()).add(es)
    return es_en, {en: frozenset(es) for en, es in en_es.items()}


def _matched(word: str, others: frozenset[str], prefixes: frozenset[str], table: dict[str, frozenset[str]]) -> bool:
    if word in others:
        return True
    if len(word) >= COGNATE_PREFIX and word[:COGNATE_PREFIX] in prefixes:
        return True
    return bool(table.get(word, frozenset()) & others)


def coverage(text: str, language: str, other: Iterable[str], other_language: str) -> float | None:
    """Share of ``text``'s content words with a counterpart in ``other``; ``None`` when it has none.

    ``other`` is the text (or texts) of the other record the sentence is linked with.
    """
    words = content_words(text, language)
    if not words:
        return None
    theirs = frozenset(w for t in other for w in content_words(t, other_language))
    prefixes = frozenset(w[:COGNATE_PREFIX] for w in theirs if len(w) >= COGNATE_PREFIX)
    es_en, en_es = _tables()
    table = es_en if language == "es" else en_es
    return sum(_matched(w, theirs, prefixes, table) for w in words) / len(words)

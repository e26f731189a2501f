"""Word frequencies (Zipf scale) from wordfreq's bundled tables, looked up in O(1).

``wordfreq.zipf_frequency`` re-tokenises its argument on every call, which
dominated check time on long records; the rules pass single lower-cased words,
so one dictionary per language (loaded once, about a tenth of a second) gives the
same numbers.
"""

from __future__ import annotations

import math
from functools import cache, lru_cache

import wordfreq

from ..normalize import fold

__all__ = ["folded", "zipf"]


@cache
def _table(language: str) -> dict[str, float]:
    """Word → its rounded Zipf value, made from wordfreq's frequency buckets a bucket at a time.

    ``wordfreq.get_frequency_dict`` gives every word its bucket's frequency in a Python loop (a
    later bucket wins); here each bucket's Zipf value is computed once, from that same frequency,
    and its words are added in one call, which halves the first check's table cost."""
    table: dict[str, float] = {}
    for index, bucket in enumerate(wordfreq.get_frequency_list(language)):
        frequency = wordfreq.cB_to_freq(-index)
        table.update(dict.fromkeys(bucket, round(math.log10(frequency) + 9, 2) if frequency > 0 else 0.0))
    return table


@lru_cache(maxsize=1 << 17)
def zipf(word: str, language: str) -> float:
    """Zipf frequency of ``word`` (0 when unknown), as ``wordfreq.zipf_frequency`` rounds it."""
    return _table(language).get(word.lower(), 0.0)


@lru_cache(maxsize=1 << 17)
def folded(word: str) -> str:
    """``normalize.fold`` of one word, cached: the name and language rules fold every token."""
    return fold(word)

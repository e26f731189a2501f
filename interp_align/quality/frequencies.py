"""Word frequencies (Zipf scale) from wordfreq's bundled tables, looked up in O(1).

``wordfreq.zipf_frequency`` re-tokenises its argument on every call, which
dominated check time on long records; the rules pass single lower-cased words,
so one dictionary per language (loaded once, about a tenth of a second) gives the
same numbers.
"""

from __future__ import annotations

import gzip
import importlib.util
import math
from functools import cache, lru_cache
from pathlib import Path
from typing import Any

from ..normalize import fold

__all__ = ["folded", "zipf"]


def _centibels(index: int) -> float:
    """The frequency of bucket ``index`` of a wordfreq list: ``index`` centibels below 1."""
    return 10 ** (-index / 100)


def _buckets(language: str) -> list[list[str]]:
    """wordfreq's "best" word list for ``language``, most frequent bucket first.

    Read straight from the package's ``large_*`` data file when it has one (the "best" list is
    the large one where there is a large one): importing ``wordfreq`` compiles langcodes'
    tables, a fifth of a second of every process's first check, for nothing the rules use.
    Anything unexpected — another layout, no msgpack — goes through ``wordfreq`` itself."""
    spec = importlib.util.find_spec("wordfreq")
    folders = list(spec.submodule_search_locations or []) if spec is not None else []
    for folder in folders:
        path = Path(folder) / "data" / f"large_{language}.msgpack.gz"
        if not path.is_file():
            continue
        try:
            import msgpack

            with gzip.open(path, "rb") as stream:
                data: Any = msgpack.load(stream, raw=False)
        except (ImportError, OSError, ValueError):
            break
        header = data[0] if isinstance(data, list) and data else None
        if isinstance(header, dict) and header.get("format") == "cB" and header.get("version") == 1:
            return list(data[1:])
        break
    import wordfreq

    return list(wordfreq.get_frequency_list(language))


@cache
def _table(language: str) -> dict[str, float]:
    """Word → its rounded Zipf value, made from wordfreq's frequency buckets a bucket at a time.

    ``wordfreq.get_frequency_dict`` gives every word its bucket's frequency in a Python loop (a
    later bucket wins); here each bucket's Zipf value is computed once, from that same frequency,
    and its words are added in one call, which halves the first check's table cost."""
    table: dict[str, float] = {}
    for index, bucket in enumerate(_buckets(language)):
        frequency = _centibels(index)
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

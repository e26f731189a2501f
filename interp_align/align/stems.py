"""Word stems for the aligner: Snowball stemmers where the language has one, a prefix otherwise.

Translation tables learned from a few hundred interpreted sentences are sparse:
``parlementaires``, ``parlementaire`` and ``parlement`` are three rare words
but one stem.  Stemming pools their counts.  The Snowball stemmers
(``snowballstemmer``, a dependency: pure Python, the Snowball project's own
package, no data to download) cover most European languages; for any other
language the first :data:`FALLBACK_PREFIX` letters of a word stand in for its
stem, which is what a truncating stemmer does and is language general.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from functools import lru_cache

__all__ = ["FALLBACK_PREFIX", "SNOWBALL_LANGUAGES", "stemmer_for"]

#: ISO 639-1 code → Snowball algorithm name (the languages ``snowballstemmer`` 3 ships).
SNOWBALL_LANGUAGES: Mapping[str, str] = {
    "ar": "arabic",
    "ca": "catalan",
    "cs": "czech",
    "da": "danish",
    "de": "german",
    "el": "greek",
    "en": "english",
    "es": "spanish",
    "et": "estonian",
    "eu": "basque",
    "fi": "finnish",
    "fr": "french",
    "ga": "irish",
    "hu": "hungarian",
    "hy": "armenian",
    "id": "indonesian",
    "it": "italian",
    "lt": "lithuanian",
    "nl": "dutch",
    "no": "norwegian",
    "pl": "polish",
    "pt": "portuguese",
    "ro": "romanian",
    "ru": "russian",
    "sr": "serbian",
    "sv": "swedish",
    "tr": "turkish",
}

#: Letters kept of a word in a language without a stemmer.
FALLBACK_PREFIX = 6

Stemmer = Callable[[str], str]


def _truncate(word: str) -> str:
    return word[:FALLBACK_PREFIX]


@lru_cache(maxsize=64)
def stemmer_for(lang: str | None) -> Stemmer:
    """A cached ``word → stem`` function for ``lang`` (folded, lower-case words in, stems out)."""
    code = (lang or "").split("-")[0].split("_")[0].lower()
    name = SNOWBALL_LANGUAGES.get(code)
    if name is None:
        return _truncate
    try:
        import snowballstemmer
    except ImportError:  # installed without its dependencies: stems degrade to prefixes
        return _truncate
    algorithm = snowballstemmer.stemmer(name)
    return lru_cache(maxsize=1 << 17)(algorithm.stemWord)

"""Names as two records spell them: which spellings are the same name, which are near misses.

Records of one event in two languages spell names on their own terms: English
drops accents ("Lazaro Cardenas"), transliterates differently ("Zelenskyy" /
"Zelenski"), translates an institution's name ("Binational" / "Binacional").
Those are the same name.  A doubled letter is not folded away: "Ornellas" for
"Ornelas" is a common misspelling, not a transliteration.  A spelling that is
none of these yet one or two letters from a name of the other record
("Cárdenaz" for Cárdenas, "Blinkin" for Blinken) is a misspelling in one of
them.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from ..normalize import fold
from .frequencies import zipf

__all__ = ["NameToken", "name_tokens", "transliteration_key"]

_CAPITALISED = re.compile(r"(?<![\w'’-])[^\W\d_][^\W\d_'’]*(?:-[^\W\d_]+)*")
#: Rewrites that map transliteration variants onto one key (applied in order to a folded name).
_TRANSLITERATION: tuple[tuple[str, str], ...] = (
    (r"yy", "y"), (r"ij", "i"), (r"y\b", "i"), (r"ph", "f"), (r"ck", "k"), (r"kh", "j"), (r"sch", "sh"),
    (r"sz", "sh"), (r"cz", "ch"), (r"w", "v"), (r"ou", "u"), (r"ks", "x"),
    # English -tion is Spanish -ción in names of institutions ("Binational Forum" / "Foro Binacional")
    (r"tio(?=n)", "cio"),
    # a final vowel is how Spanish turns a name into an adjective ("Interoceanic" / "Interoceánico")
    (r"(?<=\w\w\w)[aeiou]+\b", ""),
)
#: A capitalised word this frequent in its language is a word ("Secretary", "Mexican"), not a name.
_WORD_ZIPF = 3.0


def transliteration_key(name: str) -> str:
    """One key for the spellings of a name across languages: accents, case, transliteration folded."""
    key = fold(name)
    for pattern, replacement in _TRANSLITERATION:
        key = re.sub(pattern, replacement, key)
    return key


@dataclass(frozen=True)
class NameToken:
    """A capitalised word read as a name: where it stands and its folded key."""

    start: int
    end: int
    text: str
    key: str


def name_tokens(text: str, language: str, spans: Iterable[tuple[int, int]]) -> list[NameToken]:
    """Capitalised words inside ``spans`` of ``text`` that are names, not words of ``language``.

    The first word of a sentence is a name only when it is rare as a word; a word in capitals
    (an acronym, a label) is left out.
    """
    found = []
    for a, b in spans:
        for m in _CAPITALISED.finditer(text, a, b):
            word = m.group()
            if len(word) < 4 or not word[0].isupper() or word.isupper():
                continue
            if zipf(word.lower(), language) >= _WORD_ZIPF:
                continue
            found.append(NameToken(m.start(), m.end(), word, fold(word)))
    return found

"""Text normalisation for *matching* — never for storage.

Two families of helpers:

* ``match_view`` maps a string to one of the **same length**, character by
  character (no-break spaces → space, curly quotes → straight, en/em dashes →
  ``-``, CR → LF-compatible space handling is left to callers).  Regexes run on
  the view and their offsets are valid in the original text, which is how the
  parser stays lossless.
* ``fold`` removes case and accents for comparing names (``"RODRÍGUEZ"`` ==
  ``"Rodriguez"``); its output length may differ, so never use its offsets.
"""

from __future__ import annotations

import functools
import re
import unicodedata

__all__ = ["DASHES", "MATCH_PAIRS", "fold", "is_space", "match_view", "strip_accents"]

#: Characters that transcripts use as dashes (hyphen-minus excluded).
DASHES = "\u2010\u2011\u2012\u2013\u2014\u2015\u2212"

_ONE_TO_ONE = {
    "\u00a0": " ",  # no-break space: the State Department puts "\u00a0 " between sentences
    "\u2007": " ",
    "\u202f": " ",
    "\u2009": " ",
    "\u200a": " ",
    "\u2002": " ",
    "\u2003": " ",
    "\u3000": " ",
    "\ufeff": " ",  # a BOM kept in the text reads as blank for matching
    # invisible format characters scraped into labels ("GONZÁLEZ\u200b", "\u2060MANUEL")
    **{c: " " for c in "\u200b\u200c\u200d\u200e\u200f\u2060\u2061\u2062\u2063\u202a\u202b\u202c\u202d\u202e"},
    "\u00ad": "-",  # soft hyphen
    "\u2028": "\n",  # line and paragraph separators are line breaks
    "\u2029": "\n",
    "\u2018": "'",
    "\u2019": "'",
    "\u201a": "'",
    "\u201b": "'",
    "\u2032": "'",
    "\u00b4": "'",
    "\u201c": '"',
    "\u201d": '"',
    "\u201e": '"',
    "\u00ab": '"',
    "\u00bb": '"',
    "\u2026": ".",  # ellipsis: one char stays one char
    **{d: "-" for d in DASHES},
}
_PAIRS = tuple(_ONE_TO_ONE.items())
#: ``(character, replacement)`` pairs of ``match_view``, for callers that need to know them.
MATCH_PAIRS: tuple[tuple[str, str], ...] = _PAIRS


def match_view(text: str) -> str:
    """Return a same-length copy of ``text`` with look-alike characters unified.

    Because ``len(match_view(t)) == len(t)``, a match at ``[i, j)`` in the view
    is the span ``[i, j)`` of the original.  A ``str.replace`` per character
    present is an order of magnitude faster than ``str.translate`` with a dict
    on multi-megabyte transcripts (most of the table is absent from any text).  A text
    with none of them (most sentences) is returned as it is after one scan for all of
    them, not one per look-alike.
    """
    if text.isascii() or _LOOKALIKE.search(text) is None:
        return text
    for char, replacement in _PAIRS:
        if char in text:
            text = text.replace(char, replacement)
    return text


assert not any(char.isascii() for char, _ in _PAIRS)  # so an ASCII text has none
_LOOKALIKE = re.compile("[" + "".join(re.escape(char) for char, _ in _PAIRS) + "]")


def is_space(char: str) -> bool:
    """True for any Unicode whitespace, including no-break spaces, a stray BOM and invisible marks."""
    return char.isspace() or char in _INVISIBLE


_INVISIBLE = frozenset("\ufeff\u200b\u200c\u200d\u200e\u200f\u2060")


def strip_accents(text: str) -> str:
    """Remove combining accents (``"Bárcena"`` → ``"Barcena"``); keeps ``ñ`` → ``n``."""
    if text.isascii():
        return text  # ASCII is its own decomposition
    decomposed = unicodedata.normalize("NFKD", text)
    latin = _LATIN_MARKS.sub("", decomposed)
    if latin.isascii():
        return latin  # Latin letters' accents were all the combining marks (ASCII has none)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


#: The combining marks of the Combining Diacritical Marks block (U+0300-U+036F) — the accents of
#: decomposed Latin letters; removed by one substitution before a text is read a character at a
#: time.  (U+034F, the grapheme joiner, is in the block but has no combining class: kept.)
_LATIN_MARKS = re.compile("[" + "".join(chr(c) for c in range(0x300, 0x370) if unicodedata.combining(chr(c))) + "]")


def fold(text: str) -> str:
    """Case- and accent-insensitive key for names and labels, with whitespace collapsed.

    Short texts (words, labels: the rules fold the same few thousand tokens again and
    again) are remembered.
    """
    if len(text) <= _FOLD_CACHED:
        return _fold_short(text)
    return _fold(text)


def _fold(text: str) -> str:
    return " ".join(strip_accents(match_view(text)).casefold().split())


_FOLD_CACHED = 64
_fold_short = functools.lru_cache(maxsize=1 << 17)(_fold)

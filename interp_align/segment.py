"""Rule-based sentence splitting that returns offsets into the original text.

Spans, not strings: the splitter runs on ``normalize.match_view`` (same
length as the source), so every ``(start, end)`` it returns slices the
untouched transcript and nothing is lost or rewritten.  Rules are few and
language data (abbreviations, sentence starters) lives in
``lang/abbreviations.py``.  One regex pass finds the terminals that may end a
sentence; each is examined once with a bounded look back and look ahead (regex
matches, not character loops), so the whole pass is linear in the length of the
range.
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Sequence

from interp_align.lang.abbreviations import Abbreviations, abbreviations_for
from interp_align.normalize import match_view

__all__ = ["SPACE_CHARS", "sentence_offsets", "split_sentences"]

#: Every character ``normalize.is_space`` calls a space: ``str.isspace``'s (fixed by Unicode)
#: and the invisible marks; a sentence is trimmed of these (checked by the test suite).
SPACE_CHARS = (
    "\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005"
    "\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000"
    "\ufeff\u200b\u200c\u200d\u200e\u200f\u2060"
)

# A run of terminals and the closing quotes/brackets that belong to the sentence
# it ends.  The view has already turned curly quotes into straight ones and the
# ellipsis into ".".
#: Only a run that reaches whitespace or the end of the range may end a sentence ("U.S.-Mexico"
#: and "7.4" do not); in a token such as "etc.)." it is the last run, ".".  In the view every
#: space (no-break, invisible) is one that ``str.isspace`` and ``\s`` agree on.
_CANDIDATE = re.compile(r"[.!?]+[\"')\]]*(?=\s|\Z)")
#: The next token on the same line after a terminal (empty at a line break or the range's end).
_FOLLOWING = re.compile(r"[^\S\n]*(\S*)")
#: ``_CANDIDATE`` with the ``_FOLLOWING`` token read in a look-ahead: one match a terminal.  Its
#: ``[.!?]+`` is written ``[.!?][.!?]*``: ``re`` skips to a pattern's first character set quickly
#: only when the pattern opens with a plain set, not a repeat (the scan is a third faster).
_CANDIDATE_FOLLOWING = re.compile(r"[.!?]" + _CANDIDATE.pattern.replace("[.!?]+", "[.!?]*", 1) + r"(?=" + _FOLLOWING.pattern + ")")
#: A previous word is looked for in a window of this many characters before a walk back.
_WORD_WINDOW = 64
_OPENERS = "\"'(¿¡["
_CLOSERS = "\"')]"
# "U.S", "a.m", "EE.UU": letters in short dotted groups (the final period is not part of the word).
_DOTTED = re.compile(r"(?:[^\W\d_]{1,4}\.)+[^\W\d_]{1,4}")


def split_sentences(
    text: str,
    start: int = 0,
    end: int | None = None,
    *,
    language: str = "en",
    protected: Sequence[tuple[int, int]] = (),
    view: str | None = None,
) -> list[tuple[int, int]]:
    """Sentence spans ``(start, end)`` over ``text[start:end]``, as absolute offsets into ``text``.

    Spans are trimmed of surrounding whitespace and, with the whitespace
    between them, reproduce the range exactly.  A line break always ends a
    sentence; a terminal inside a ``protected`` span (a marker such as
    "(Via interpreter.)") never does.  ``view`` is the caller's matching view of
    the whole text (same length); the parser passes one in which the soft wraps of
    a hard-wrapped record are spaces, so a wrap inside a paragraph ends nothing.
    """
    flat = sentence_offsets(text, start, end, language=language, protected=protected, view=view)
    return list(zip(flat[0::2], flat[1::2], strict=True))


def sentence_offsets(
    text: str,
    start: int = 0,
    end: int | None = None,
    *,
    language: str = "en",
    protected: Sequence[tuple[int, int]] = (),
    view: str | None = None,
    words: bool = False,
) -> list[int]:
    """``split_sentences``'s spans as one flat list ``[start0, end0, start1, end1, ...]``: what the
    parser stores (an ``array`` of offsets), without a tuple a sentence in between.  With
    ``words``, only the spans that hold a word character (a letter or digit)."""
    stop = len(text) if end is None else min(end, len(text))
    begin = max(0, start)
    if begin >= stop:
        return []
    if view is None:  # the range's own view, offsets relative to ``begin``
        local = match_view(text[begin:stop])
        lo, hi, shift = 0, stop - begin, begin
    else:
        # The caller's view, read in place: ``finditer``'s ``pos``/``endpos`` and the floors of
        # the look-backs keep every match and word within the range, as a slice of it would,
        # without copying the range (splitting every turn of a long transcript costs the length
        # of the turns, not the transcript times the turns).
        local, lo, hi, shift = view, begin, stop, 0
    guard = _Protected([(a - shift, b - shift) for a, b in protected]) if protected else None
    cuts = [lo, hi, *_line_breaks(local, lo, hi, guard), *_terminal_cuts(local, lo, hi, guard, abbreviations_for(language))]
    cuts.sort()
    return _trimmed(text, shift, cuts, words)


def _trimmed(text: str, shift: int, cuts: list[int], words: bool = False) -> list[int]:
    """The pieces between consecutive cuts (plus ``shift``), without surrounding whitespace, flat;
    blank pieces dropped, and with ``words`` the pieces without a word character too.

    A piece is trimmed by stepping over its edges' spaces rather than by stripping a copy of
    it: a piece after a terminal starts after one space and ends at the next terminal, so
    the steps are one or two character look-ups where a copy was the whole sentence."""
    spans: list[int] = []
    append = spans.append
    spaces = _SPACES
    wordlike = _WORDLIKE.search
    previous = cuts[0] + shift
    for cut in itertools.islice(cuts, 1, None):
        right = cut + shift
        first = previous
        while first < right and text[first] in spaces:
            first += 1
        previous = right
        if first == right:
            continue  # an empty or blank piece (equal cuts)
        if words and not text[first].isalnum() and wordlike(text, first, right) is None:
            continue
        while text[right - 1] in spaces:  # stops at ``first``, which is not a space
            right -= 1
        append(first)
        append(right)
    return spans


#: ``SPACE_CHARS`` as a set, for the character look-ups of ``_trimmed``.
_SPACES = frozenset(SPACE_CHARS)
#: A word character: ``\w`` without the underscore (``str.isalnum``'s characters).
_WORDLIKE = re.compile(r"[^\W_]")


class _Protected:
    """Membership test for offsets inside protected spans, by bisection over sorted starts."""

    def __init__(self, spans: Sequence[tuple[int, int]]) -> None:
        merged: list[tuple[int, int]] = []
        for lo, hi in sorted(s for s in spans if s[1] > s[0]):
            if merged and lo <= merged[-1][1]:
                merged[-1] = (merged[-1][0], max(merged[-1][1], hi))
            else:
                merged.append((lo, hi))
        self._starts = [lo for lo, _ in merged]
        self._spans = merged

    def covers(self, offset: int) -> bool:
        index = bisect.bisect_right(self._starts, offset) - 1
        return index >= 0 and offset < self._spans[index][1]


def _line_breaks(view: str, lo: int, hi: int, guard: _Protected | None) -> list[int]:
    """Every newline in ``[lo, hi)`` outside a marker is a cut: transcripts put one
    sentence-ending break per paragraph."""
    cuts = []
    position = view.find("\n", lo, hi)
    while position != -1:
        if guard is None or not guard.covers(position):
            cuts.append(position)
        position = view.find("\n", position + 1, hi)
    return cuts


def _terminal_cuts(view: str, lo: int, hi: int, guard: _Protected | None, abbreviations: Abbreviations) -> list[int]:
    """Cuts after the terminals in ``[lo, hi)`` that end a sentence.

    ``_CANDIDATE`` finds only terminals followed by whitespace or the end of the range (the
    others never end one: "U.S.-Mexico", "7.4"); each is then judged by the next and the
    previous word, read with bounded regex matches rather than character loops.  The next
    token decides most terminals, in the loop ("!" and "?" before a capital end a sentence,
    anything before a lower-case word does not); only a single period before a capital, digit
    or opener asks about the word before it (``_period_cut``).
    """
    cuts: list[int] = []
    append = cuts.append
    for match in _CANDIDATE_FOLLOWING.finditer(view, lo, hi):
        following = match.group(1)  # empty at a line's or the range's end: a cut, no questions
        if following:
            head = following[0]
            if head.islower() or not (head.isupper() or head.isdigit() or head in _OPENERS):
                continue  # sentences start with a capital, a digit or an opener
            terminal = match.group()
            if terminal.rstrip(_CLOSERS) == "." and not _period_cut(view, lo, match.start(), following, abbreviations):
                continue
        if guard is not None and guard.covers(match.start()):
            continue
        append(match.end())
    return cuts


def _previous_word(view: str, lo: int, period: int) -> str:
    """The token ending at ``period`` (not before ``lo``) with any opening quotes or brackets removed."""
    window = max(lo, period - _WORD_WINDOW)
    before = view[window:period]
    if not before or before[-1].isspace():
        return ""
    word = before.rsplit(None, 1)[-1]  # the last token: split from the right, in C
    if len(word) == len(before) and window > lo:  # a token longer than the window: walk back (rare)
        first = window
        while first > lo and not view[first - 1].isspace():
            first -= 1
        word = view[first:period]
    return word.lstrip(_OPENERS)


def _period_cut(view: str, lo: int, period: int, following: str, abbreviations: Abbreviations) -> bool:
    """Whether a single period at ``period`` (closers after it allowed), before a capital, digit
    or opener, ends a sentence."""
    word = _previous_word(view, lo, period)
    if word.isdigit() and len(word) <= 2 and _starts_line(view, lo, period - len(word)):
        return False  # a list number: "1. Security"
    return _period_ends(word, following, abbreviations)


def _starts_line(view: str, lo: int, position: int) -> bool:
    """Whether only spaces stand between the start of the line (or of the range at ``lo``) and ``position``."""
    return not view[view.rfind("\n", lo, position) + 1 or lo : position].strip(" \t")


def _period_ends(word: str, following: str, abbreviations: Abbreviations) -> bool:
    """Whether a single period after ``word`` ends the sentence, given the next token."""
    key = word.casefold()
    if key in abbreviations.titles:
        return False
    if key in abbreviations.numerals:
        return not following[0].isdigit() and following[0] != "#"
    if key in abbreviations.ambiguous or ("." in word and _DOTTED.fullmatch(word)):
        return _starter(following, abbreviations)  # "etc. We", "the U.S. The" end; "U.S. Government" does not
    if len(word) == 1 and word.isupper():
        return following[0].isdigit() or _starter(following, abbreviations)  # initials: "Antony J. Blinken"
    return True


def _starter(following: str, abbreviations: Abbreviations) -> bool:
    """Whether the next token is a word that starts sentences ("The", "We"); read only for the
    few words after which it decides (most periods end a sentence whatever follows)."""
    return following.strip(_OPENERS + _CLOSERS + ".,;:!?").casefold() in abbreviations.starters

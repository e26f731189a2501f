"""The sentence splitter as it was before issue 11 (character loops), kept as the reference
the fast splitter is tested against (tests/test_fast_paths.py).

Rule-based sentence splitting that returns offsets into the original text.

Spans, not strings: the splitter runs on ``normalize.match_view`` (same
length as the source), so every ``(start, end)`` it returns slices the
untouched transcript and nothing is lost or rewritten.  Rules are few and
language data (abbreviations, sentence starters) lives in
``lang/abbreviations.py``.  Each period is examined once with a bounded look
back and look ahead, so the whole pass is linear in the length of the range.
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Sequence

from interp_align.lang.abbreviations import Abbreviations, abbreviations_for
from interp_align.normalize import is_space, match_view

__all__ = ["split_sentences"]

# A run of terminals and the closing quotes/brackets that belong to the sentence
# it ends.  The view has already turned curly quotes into straight ones and the
# ellipsis into ".".
_TERMINAL = re.compile(r"[.!?]+[\"')\]]*")
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
    stop = len(text) if end is None else min(end, len(text))
    begin = max(0, start)
    if begin >= stop:
        return []
    # Work on the range alone (offsets relative to ``begin``) so that splitting every turn of a
    # long transcript costs the length of the turns, not the transcript times the turns.
    view = match_view(text[begin:stop]) if view is None else view[begin:stop]
    size = stop - begin
    guard = _Protected([(lo - begin, hi - begin) for lo, hi in protected])
    abbreviations = abbreviations_for(language)
    local = [0, size]
    local.extend(_line_breaks(view, 0, size, guard))
    local.extend(_terminal_cuts(view, 0, size, guard, abbreviations))
    cuts = sorted(begin + cut for cut in local)
    spans: list[tuple[int, int]] = []
    for left, right in itertools.pairwise(cuts):
        trimmed = _trim(text, left, right)
        if trimmed is not None:
            spans.append(trimmed)
    return spans


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


def _line_breaks(view: str, begin: int, stop: int, guard: _Protected) -> list[int]:
    """Every newline outside a marker is a cut: transcripts put one sentence-ending break per paragraph."""
    cuts = []
    position = view.find("\n", begin, stop)
    while position != -1:
        if not guard.covers(position):
            cuts.append(position)
        position = view.find("\n", position + 1, stop)
    return cuts


def _terminal_cuts(
    view: str, begin: int, stop: int, guard: _Protected, abbreviations: Abbreviations
) -> list[int]:
    cuts = []
    for match in _TERMINAL.finditer(view, begin, stop):
        after = match.end()
        if guard.covers(match.start()):
            continue
        if after < stop and not is_space(view[after]):
            continue  # "U.S.-Mexico", "7.4", "EE.UU": no space, no end
        following = _next_word(view, after, stop)
        if _ends_sentence(view, begin, match.start(), match.group(), following, abbreviations):
            cuts.append(after)
    return cuts


def _next_word(view: str, position: int, stop: int) -> str:
    """The next whitespace-delimited token (empty at the end of the range)."""
    while position < stop and is_space(view[position]):
        if view[position] == "\n":
            return ""
        position += 1
    finish = position
    while finish < stop and not is_space(view[finish]):
        finish += 1
    return view[position:finish]


def _previous_word(view: str, begin: int, period: int) -> str:
    """The token ending at ``period`` with any opening quotes or brackets removed."""
    first = period
    while first > begin and not is_space(view[first - 1]):
        first -= 1
    return view[first:period].lstrip(_OPENERS)


def _ends_sentence(
    view: str, begin: int, period: int, terminal: str, following: str, abbreviations: Abbreviations
) -> bool:
    if not following:
        return True  # end of range or of line: the cut is harmless either way
    head = following[0]
    if head.islower():
        return False  # sentences start with a capital, a digit or an opener
    if not (head.isupper() or head.isdigit() or head in _OPENERS):
        return False
    marks = terminal.rstrip(_CLOSERS)
    if marks != ".":
        return True  # "!", "?", "?!", and ellipses ("...", "\u2026") before a capital
    word = _previous_word(view, begin, period)
    if word.isdigit() and len(word) <= 2 and _starts_line(view, begin, period - len(word)):
        return False  # a list number: "1. Security"
    return _period_ends(word, following, abbreviations)


def _starts_line(view: str, begin: int, position: int) -> bool:
    """Whether only spaces stand between the start of the line (or range) and ``position``."""
    while position > begin and view[position - 1] in " \t":
        position -= 1
    return position == begin or view[position - 1] == "\n"


def _period_ends(word: str, following: str, abbreviations: Abbreviations) -> bool:
    """Whether a single period after ``word`` ends the sentence, given the next token."""
    key = word.casefold()
    starter = following.strip(_OPENERS + _CLOSERS + ".,;:!?").casefold() in abbreviations.starters
    if key in abbreviations.titles:
        return False
    if key in abbreviations.numerals:
        return not following[0].isdigit() and following[0] != "#"
    if key in abbreviations.ambiguous or _DOTTED.fullmatch(word):
        return starter  # "etc. We", "the U.S. The" end; "U.S. Government", "a.m. Washington" do not
    if len(word) == 1 and word.isupper():
        return following[0].isdigit() or starter  # initials: "Antony J. Blinken"
    return True


def _trim(text: str, left: int, right: int) -> tuple[int, int] | None:
    """``[left, right)`` without surrounding whitespace, or None if nothing else is there."""
    while left < right and is_space(text[left]):
        left += 1
    while right > left and is_space(text[right - 1]):
        right -= 1
    return (left, right) if left < right else None

"""The text as the parser sees it: a same-length matching view, front matter, soft wraps.

Every later step matches regexes on ``Document.view`` and reads offsets off it;
because the view has the length of the text, an offset in the view is an offset
into the original and nothing is ever rewritten.  Three things are unified in the
view beyond ``normalize.match_view``:

* a lone CR (old Mac line ends) is a line break;
* in a hard-wrapped record (a Markdown export), a line break *inside* a paragraph
  is a space, so labels, markers and sentences see one logical line;
* nothing else: the front matter and every other character stay where they are.
"""

from __future__ import annotations

import functools
import itertools
import re
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from ..normalize import MATCH_PAIRS, match_view

__all__ = [
    "Document",
    "FrontMatter",
    "FrontMatterField",
    "base_view",
    "compact",
    "find_front_matter",
    "is_blank",
    "join_soft_wraps",
    "line_starts",
    "looks_wrapped",
]

_LONE_CR = re.compile(r"\r(?!\n)")
#: A line of the body is ``[^\n]*\n``: a CR before the LF is part of the line, never matched two ways
#: (``.*\r?\n`` backtracked exponentially on CRLF text with no closing ``---``).
_FRONT_MATTER = re.compile(r"[ \t]*---[ \t]*\r?\n(?P<body>(?:[^\n]*\n)*?)[ \t]*---[ \t]*(?:\r?\n|$)")
_YAML_KEY = re.compile(r"^(?P<key>[A-Za-z_][\w-]*)[ \t]*:(?:[ \t]+|$)", re.MULTILINE)
#: A paragraph-internal line break: content before it, a non-blank line after it.
_INNER_BREAK = re.compile(r"(?<=\S)[ \t]*\r?\n(?=[ \t]*\S)")


def base_view(text: str) -> str:
    """``match_view`` plus lone CRs as line breaks (same length as ``text``), compact when it can be."""
    view = match_view(text)
    return compact(_LONE_CR.sub("\n", view) if "\r" in view else view)


def compact(view: str) -> str:
    """``view`` stored one byte a character when all its characters are Latin-1.

    A record's curly quotes and dashes make its text two bytes a character; the view has
    them as straight quotes and hyphens, but ``str.replace`` keeps the wider storage.  The
    view lives through the whole parse, so storing it compactly halves it.
    """
    if _one_byte(view):
        return view
    try:
        return view.encode("latin-1").decode("latin-1")
    except UnicodeEncodeError:
        return view


def _one_byte(text: str) -> bool:
    """Whether CPython stores ``text`` one byte a character (its size is about its length;
    a guess for strings of a few characters, which callers tolerate)."""
    return sys.getsizeof(text) < len(text) + 100


#: A character that is not blank in the base view: not whitespace, not turned into a space.
_VISIBLE = re.compile("[^\\s" + "".join(re.escape(c) for c, r in MATCH_PAIRS if r.isspace()) + "]")


def is_blank(text: str) -> bool:
    """``not base_view(text).strip()``, without making the view."""
    return _VISIBLE.search(text) is None


@dataclass(frozen=True)
class FrontMatterField:
    """One top-level front-matter field: its key, the span of its raw value, and the decoded value."""

    key: str
    start: int
    end: int
    value: str | None


@dataclass(frozen=True)
class FrontMatter:
    """A YAML front-matter block at the start of a Markdown export (``---`` … ``---``)."""

    start: int
    end: int
    fields: tuple[FrontMatterField, ...]
    error: str | None = None


def find_front_matter(view: str) -> FrontMatter | None:
    """The YAML block opening the record, if it has one with at least one ``key: value`` field.

    Offsets come from the text; values are decoded with a real YAML parser,
    because exports write titles with escapes (``\\_`` for a no-break space) and
    folded lines that only a YAML reader resolves.
    """
    match = _FRONT_MATTER.match(view)
    if match is None:
        return None
    body_start = match.start("body")
    body = match.group("body")
    keys = list(_YAML_KEY.finditer(body))
    if not keys:
        return None
    values, error = _decode(body)
    fields = []
    for index, key in enumerate(keys):
        stop = keys[index + 1].start() if index + 1 < len(keys) else len(body)
        raw_end = len(body[:stop].rstrip())
        value = values.get(key.group("key"))
        fields.append(
            FrontMatterField(
                key=key.group("key"),
                start=body_start + key.end(),
                end=body_start + max(raw_end, key.end()),
                value=None if value is None else str(value),
            )
        )
    return FrontMatter(match.start(), match.end(), tuple(fields), error)


def _decode(body: str) -> tuple[dict[str, object], str | None]:
    import yaml  # PyYAML: imported only for records that have front matter

    try:
        # libyaml's loader (when PyYAML was built with it) reads the same values several times
        # faster; a block it refuses is read again by the pure-Python one, whose error is named.
        loaded = yaml.load(body, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except yaml.YAMLError:
        try:
            loaded = yaml.safe_load(body)
        except yaml.YAMLError as exc:
            return {}, f"front matter is not valid YAML ({type(exc).__name__})"
    return (loaded, None) if isinstance(loaded, dict) else ({}, "front matter is not a mapping")


def join_soft_wraps(text: str, view: str, start: int, keep: Iterable[int] = ()) -> tuple[str, int]:
    """The view with paragraph-internal line breaks after ``start`` turned into spaces.

    A break is kept when the line ends in a Markdown hard break (two spaces or a
    backslash) and the next line starts with a capital, or when the next line
    starts at an offset in ``keep`` (a speaker label: a turn always starts a line).
    A hard break before a lower-case word is a wrap in mid-sentence and is joined.
    Returns the new view and how many breaks were joined.
    """
    kept = set(keep)
    spaces: list[int] = []
    joined = 0
    for match in _NEXT_LINE.finditer(view, start):
        newline, next_start = match.start(), match.end()
        last = view[newline - 1] if newline else "\n"
        if last in " \t\r":  # trailing spaces or a CR: where does the line's content end?
            begin = _content_end(view, newline)
            last = view[begin - 1] if begin else "\n"
            if begin < start:
                continue
        else:
            begin = newline
        if last.isspace() or newline + 1 in kept or next_start in kept:
            continue  # not an ``_INNER_BREAK`` (a blank line before), or a turn starts after it
        if (begin < newline or last == "\\") and _hard_break(text, begin, newline) and not view[next_start].islower():
            continue
        if view[newline - 1] == "\r":
            spaces.append(newline - 1)
        spaces.append(newline)
        joined += 1
    joined_view, mended = _mend_broken_paragraphs(_spaced(view, spaces), start, kept)
    return joined_view, joined + mended


#: A line break before a non-blank line: the candidates for ``_INNER_BREAK``, found by a literal
#: scan (the break pattern's look-behind made ``re`` try it at every character).  ``end()`` is
#: where the next line's content starts.
_NEXT_LINE = re.compile(r"\n[ \t]*(?=\S)")


def _content_end(view: str, newline: int) -> int:
    """Where ``_INNER_BREAK``'s match for the break at ``newline`` would start: before its
    ``[ \t]*\r?``."""
    begin = newline - 1 if newline > 0 and view[newline - 1] == "\r" else newline
    while begin > 0 and view[begin - 1] in " \t":
        begin -= 1
    return begin


def _spaced(view: str, positions: list[int]) -> str:
    """``view`` with a space at each of the (sorted, distinct) ``positions``.

    A one-byte view is edited as Latin-1 bytes; a wider one is rebuilt from slices.  (A
    ``list(view)`` to mutate cost eight bytes per character, more than the rest of the parse.)
    """
    if not positions:
        return view
    if _one_byte(view):
        try:
            data = bytearray(view, "latin-1")
        except UnicodeEncodeError:  # a short wide string can pass for a one-byte one
            pass
        else:
            for position in positions:
                data[position] = 32
            return data.decode("latin-1")
    pieces = []
    last = 0
    for position in positions:
        pieces.append(view[last:position])
        last = position + 1
    pieces.append(view[last:])
    return " ".join(pieces)


#: A blank line in the middle of a sentence, as some exports have ("the reform of the\n\nWorld Bank").
_PARAGRAPH_BREAK = re.compile(r"(?<=\S)[ \t]*\r?\n(?:[ \t]*\r?\n)+(?=[ \t]*\S)")
_LAST_WORD = re.compile(r"([^\W\d_]+)[^\S\n]*$")
def _words(block: str) -> frozenset[str]:
    return frozenset(block.split())


#: Words that never end a sentence: a paragraph break right after one cuts the sentence.
_CONTINUING = _words(
    """
    the of a an and to in on with for from by that as at our their his her its is are was were be
    or but not this these those which who whose than into over under about between
    """
)


def _mend_broken_paragraphs(view: str, start: int, keep: set[int]) -> tuple[str, int]:
    """Join a paragraph break that cuts a sentence: the next paragraph goes on in lower case, or the
    break follows a word that cannot end a sentence ("of the"), and it does not open a turn."""
    spaces: list[int] = []
    mended = 0
    for match in _breaks(_PARAGRAPH_BREAK, _BLANK_LINE, view, start):
        next_start = _skip_blank(view, match.end())
        if match.end() in keep or next_start in keep:
            continue
        if view[match.start() - 1] in '.!?:;"\')]':
            continue  # the paragraph ends a sentence: most do, so its last word is not read
        if not view[next_start].islower() and not _cut_after(view, start, match.start()):
            continue
        spaces.extend(i for i in range(match.start(), match.end()) if view[i] in "\r\n")
        mended += 1
    return _spaced(view, spaces), mended


def _cut_after(view: str, start: int, end: int) -> bool:
    """Whether the paragraph ending at ``end`` ends in a word that cannot end a sentence ("of the")."""
    last = _LAST_WORD.search(view[max(start, end - 40) : end])
    return last is not None and last.group(1).casefold() in _CONTINUING


_NEWLINE = re.compile("\n")
#: A line break followed by a blank line: where every ``_PARAGRAPH_BREAK`` has its first break.
_BLANK_LINE = re.compile(r"\n[ \t]*\r?\n")


def _breaks(pattern: re.Pattern[str], first: re.Pattern[str], view: str, start: int) -> Iterator[re.Match[str]]:
    """``pattern.finditer(view, start)`` for a break pattern (``(?<=\\S)[ \\t]*\\r?\\n…``) whose
    first line break ``first`` finds.

    ``re`` tries a pattern that opens with a look-behind at every character; a match's start
    is fixed by its first break (after the last non-space before it, its ``[ \\t]*\\r?``), so
    ``pattern`` is matched there only, at the breaks ``first`` finds with a fast literal scan."""
    position = start
    while (found := first.search(view, position)) is not None:
        newline = found.start()
        begin = newline - 1 if newline > 0 and view[newline - 1] == "\r" else newline
        while begin > 0 and view[begin - 1] in " \t":
            begin -= 1
        match = pattern.match(view, begin) if begin >= start else None
        if match is not None:
            yield match
            position = match.end()
        else:
            position = newline + 1


def _skip_blank(view: str, position: int) -> int:
    while position < len(view) and view[position] in " \t":
        position += 1
    return position


def _hard_break(text: str, line_end: int, newline: int) -> bool:
    """Markdown's hard line break: two or more spaces, or a backslash, before the break."""
    tail = text[line_end:newline].rstrip("\r")
    return tail.count(" ") >= 2 or text[line_end - 1 : line_end] == "\\"


_WRAPPED_LINE = re.compile(r"^[^\n]{50,79}\S\r?\n(?=[ \t]*\S)", re.MULTILINE)
_NONBLANK_LINE = re.compile(r"^[ \t]*\S", re.MULTILINE)


def looks_wrapped(view: str, start: int = 0) -> bool:
    """Whether the text after ``start`` is hard-wrapped: most lines run 50–80 characters and
    continue on the next line (a wrapped export without front matter)."""
    wrapped = sum(1 for _ in line_matches(_WRAPPED_LINE, view, start))
    if wrapped < 10:
        return False
    lines = sum(1 for _ in line_matches(_NONBLANK_LINE, view, start))
    return wrapped >= 0.4 * lines


def line_starts(view: str, pattern: re.Pattern[str]) -> set[int]:
    """Offsets where ``pattern`` (a MULTILINE, line-start regex) matches: candidate turn starts."""
    return {start for start, _ in line_matches(pattern, view)}


@functools.lru_cache(maxsize=256)
def _line_forms(pattern: re.Pattern[str]) -> tuple[re.Pattern[str], re.Pattern[str]] | None:
    """``pattern`` (``^BODY``, MULTILINE) as ``BODY`` and ``\\nBODY``; ``None`` for another shape."""
    source = pattern.pattern
    if not (pattern.flags & re.MULTILINE and source.startswith("^")):
        return None
    body = source[1:]
    try:
        if re.compile(f"(?:{body})").groups != pattern.groups or _top_level_branch(body):
            return None
        return re.compile(body, pattern.flags), re.compile(f"\n(?:{body})", pattern.flags)
    except re.error:
        return None


def _top_level_branch(body: str) -> bool:
    """Whether ``^`` would bind to one alternative only (``^A|B``): not a line pattern."""
    return len(_alternatives(body)) > 1


def _alternatives(source: str) -> list[str]:
    """The top-level alternatives of a regex source (``A|B(C|D)`` → ``A``, ``B(C|D)``)."""
    parts, last = [], 0
    depth, escaped, in_class = 0, False, False
    for index, char in enumerate(source):
        if escaped:
            escaped = False
        elif char == "\\":
            escaped = True
        elif in_class:
            in_class = char != "]"
        elif char == "[":
            in_class = True
        elif char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
        elif char == "|" and depth == 0:
            parts.append(source[last:index])
            last = index + 1
    parts.append(source[last:])
    return parts


@functools.lru_cache(maxsize=256)
def _parts(pattern: re.Pattern[str]) -> tuple[re.Pattern[str], ...]:
    try:
        return tuple(re.compile(part, pattern.flags) for part in _alternatives(pattern.pattern))
    except re.error:
        return (pattern,)


def count_matches(pattern: re.Pattern[str], view: str, cap: int, needle: str | None = None) -> int:
    """``min(cap, number of matches of pattern.finditer(view))``, found faster.

    Line patterns go through ``line_matches`` (``line_matches_holding`` when every match holds
    ``needle`` on its line); for ``cap == 1`` (is there a match at all?) each top-level
    alternative is searched on its own, so a ``^`` alternative does not make ``re`` try
    every character for the others.
    """
    if cap == 1:
        return int(any(next(line_matches(part, view), None) is not None for part in _parts(pattern)))
    matches = line_matches(pattern, view) if needle is None else line_matches_holding(pattern, view, needle)
    return len(list(itertools.islice(matches, cap)))


def line_matches(pattern: re.Pattern[str], view: str, pos: int = 0) -> Iterator[tuple[int, re.Match[str]]]:
    """``(line start, match)`` for each match of ``pattern.finditer(view, pos)``, found faster.

    A MULTILINE pattern that opens with ``^`` is tried by ``re`` at every character (a
    line start is a condition, not something to search for); the same pattern behind a
    literal newline is searched for quickly.  The matches are exactly those of ``finditer``:
    a line start where the last match ended (after a newline, or at ``pos``) is tried first.
    Other patterns are run as they are.
    """
    forms = _line_forms(pattern)
    if forms is None:
        for plain in pattern.finditer(view, pos):
            yield plain.start(), plain
        return
    at_line, after_newline = forms
    size = len(view)
    while pos <= size:
        if pos == 0 or view[pos - 1] == "\n":
            match = at_line.match(view, pos)
            if match is not None:
                yield pos, match
                pos = match.end() if match.end() > pos else pos + 1
                continue
        found = after_newline.search(view, pos)
        if found is None:
            return
        yield found.start() + 1, found
        pos = found.end()


def line_matches_holding(pattern: re.Pattern[str], view: str, needle: str, pos: int = 0) -> Iterator[tuple[int, re.Match[str]]]:
    """``line_matches(pattern, view, pos)``, trying only the lines that hold ``needle``.

    For a line pattern each of whose matches holds ``needle`` and stays on its line (the
    caller's claim): ``str.find`` skips the other lines many times faster than ``re`` tries
    each line start.  The matches' groups and ends are ``line_matches``'s; ``start()`` is the
    line start (``line_matches`` may give one before the newline)."""
    forms = _line_forms(pattern)
    if forms is None:
        yield from line_matches(pattern, view, pos)
        return
    at_line = forms[0]
    found = view.find(needle, pos)
    while found >= 0:
        start = view.rfind("\n", 0, found) + 1
        match = at_line.match(view, start) if start >= pos else None
        if match is not None:
            yield start, match
        newline = view.find("\n", found)
        found = view.find(needle, newline + 1) if newline >= 0 else -1


_NONSPACE = re.compile(r"\S")


@dataclass(frozen=True)
class Document:  # frozen, but ``cached_property`` needs a __dict__: no slots
    """The original text, its matching view, and the layout facts every step needs."""

    text: str
    view: str
    front_matter: FrontMatter | None = None
    joined_wraps: int = 0
    body_start: int = field(default=0)

    @functools.cached_property
    def line_starts(self) -> list[int]:
        """Sorted offsets where lines start (for line/column of diagnostics, by bisection)."""
        return [0, *(m.end() for m in re.finditer("\n", self.text))]

    def lines(self, start: int = 0, end: int | None = None) -> Iterator[tuple[int, int]]:
        """``(line_start, line_end)`` of each line in ``[start, end)`` of the view, without the break."""
        view = self.view
        stop_at = len(view) if end is None else end
        pos = start
        while pos < stop_at:
            nl = view.find("\n", pos, stop_at)
            stop = stop_at if nl == -1 else nl
            line_end = stop - 1 if stop > pos and view[stop - 1] == "\r" else stop
            yield pos, line_end
            pos = stop + 1

    def trim(self, start: int, end: int) -> tuple[int, int]:
        """``[start, end)`` without surrounding whitespace (an empty span at ``start`` if blank).

        Most spans (lines, separators) have no such whitespace: two character tests answer
        without copying the span.  Otherwise the edges are found by a search and a short walk
        back, not by stripping copies of the span (a turn's body: the whole turn, three times)."""
        view = self.view
        if 0 <= start < end <= len(view):
            if not view[start].isspace() and not view[end - 1].isspace():
                return start, end
            found = _NONSPACE.search(view, start, end)
            if found is None:
                return start, start
            while view[end - 1].isspace():  # stops at ``found``, which is not a space
                end -= 1
            return found.start(), end
        chunk = view[start:end]
        left = len(chunk) - len(chunk.lstrip())
        if left == len(chunk):
            return start, start
        return start + left, start + len(chunk.rstrip())

    def nonblank_lines(self, start: int = 0, end: int | None = None) -> Iterator[tuple[int, int]]:
        """Trimmed spans of the lines in ``[start, end)`` that are not blank."""
        for a, b in self.lines(start, end):
            s, e = self.trim(a, b)
            if s < e:
                yield s, e

    def first_nonblank_line(self, start: int = 0, end: int | None = None) -> tuple[int, int] | None:
        """``next(self.nonblank_lines(start, end), None)``, found by one search for the first
        non-space character rather than by trimming every blank line before it."""
        view = self.view
        stop_at = len(view) if end is None else end
        found = _NONSPACE.search(view, start, stop_at)
        if found is None:
            return None
        first = found.start()  # only spaces between its line's start (or ``start``) and it
        newline = view.find("\n", first, stop_at)
        stop = stop_at if newline == -1 else newline
        return first, first + len(view[first:stop].rstrip())

    def line_start(self, position: int) -> int:
        """Where the line holding ``position`` starts (``line_of(position)[0]``, without reading on
        to the line's end)."""
        return self.view.rfind("\n", 0, position) + 1

    def line_of(self, position: int) -> tuple[int, int]:
        """The line (start, end without the break) holding ``position``."""
        start = self.view.rfind("\n", 0, position) + 1
        nl = self.view.find("\n", position)
        end = len(self.view) if nl == -1 else nl
        if end > start and self.view[end - 1] == "\r":
            end -= 1
        return start, end

"""Everything around the turns: front matter, header lines, separators, non-speech blocks, footer.

The frame decides where each turn's region ends and turns every other
character into a block with a reason — header, boilerplate, separator or
unattributed — so the transcript's blocks tile the text and nothing is lost.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from .._spans import constructor
from ..lang import boilerplate
from ..models import BlockKind, BlockShape, Diagnostic, HeaderField, HeaderFieldKind, Severity
from ..normalize import fold
from .blocks import SpeakerBlock
from .diagnostics import diagnostic
from .dialects import DialectRules
from .document import Document, FrontMatter
from .heads import Head

__all__ = ["BlockRow", "Frame", "build_frame"]

#: A block as ``BlockTuple.from_rows`` takes it: start, end, kind, reason, turn index (-1 for
#: none), which fields it was given.
BlockRow = tuple[int, int, BlockKind, "str | None", int, BlockShape]

#: Front-matter keys and the header field kind they fill.
_FRONT_MATTER_KINDS: dict[str, HeaderFieldKind] = {
    "title": HeaderFieldKind.TITLE,
    "date": HeaderFieldKind.DATE,
    "source_url": HeaderFieldKind.URL,
    "url": HeaderFieldKind.URL,
    "link": HeaderFieldKind.URL,
    "permalink": HeaderFieldKind.URL,
}

_BYLINE_WORDS = frozenset(
    ["secretary", "minister", "president", "spokesperson", "ambassador", "advisor", "adviser", "official", "secretario", "secretaria", "presidente", "presidenta", "canciller", "ministro", "ministra", "vocero"]
)


@dataclass
class Frame:
    """The non-turn blocks, the header fields, and where each turn's region ends."""

    blocks: list[BlockRow] = field(default_factory=list)
    header: list[HeaderField] = field(default_factory=list)
    region_ends: list[int] = field(default_factory=list)
    diagnostics: list[Diagnostic] = field(default_factory=list)

    header_title: str | None = None

    @property
    def title(self) -> str | None:
        field_ = next((f for f in self.header if f.kind is HeaderFieldKind.TITLE), None)
        if field_ is None:
            return self.header_title
        return field_.value if field_.value is not None else field_.text


def build_frame(
    doc: Document,
    rules: DialectRules,
    heads: Sequence[Head],
    blocks: Sequence[SpeakerBlock],
) -> Frame:
    """The frame of a record whose turns start at ``heads`` (sorted, at least one)."""
    frame = Frame()
    if doc.front_matter is not None:
        _front_matter(doc, doc.front_matter, frame)
    separators = [b.separator for b in blocks]
    stops = sorted({h.start for h in heads} | {s for s, _ in separators} | {len(doc.text)})
    first_stop = stops[0]
    _header_lines(doc, rules, doc.body_start, first_stop, frame)
    tail = _tail(doc, rules, heads, separators)
    text_end = tail if tail is not None else len(doc.text)
    if tail is not None:
        frame.blocks += _boilerplate_lines(doc, tail, len(doc.text))
    for s, e in separators:
        if s < text_end:
            frame.blocks.append(_block(doc, s, e, BlockKind.SEPARATOR, "block separator"))
    _headless_blocks(doc, heads, blocks, text_end, frame)
    for head in heads:
        end = stops[bisect.bisect_right(stops, head.start)]
        frame.region_ends.append(max(min(end, text_end), head.head_end))
    return frame


def header_frame(doc: Document, rules: DialectRules, *, lines: bool = True) -> Frame:
    """The frame of a record with no turns: front matter and (with ``lines``) header lines, the
    rest unattributed."""
    frame = Frame()
    if doc.front_matter is not None:
        _front_matter(doc, doc.front_matter, frame)
    if lines:
        _header_lines(doc, rules, doc.body_start, len(doc.text), frame, reason="no speaker labels")
    elif doc.front_matter is None:
        first = doc.first_nonblank_line(doc.body_start)
        if first is not None:  # the title, for display; the line stays in the unattributed block
            frame.header_title = doc.text[first[0] : first[1]]
    return frame


_FRONT_FIELD = constructor(HeaderField, "start", "end", "kind", "text", "key", "value")
_HEADER_LINE = constructor(HeaderField, "start", "end", "kind", "text", "value")
_DATE_FIELD = constructor(HeaderField, "start", "end", "kind", "text")


def _block(doc: Document, start: int, end: int, kind: BlockKind, reason: str | None) -> BlockRow:
    """A block with a reason, as a row of ``BlockTuple`` (blocks are stored as columns)."""
    del doc
    return (start, end, kind, reason, -1, BlockShape.REASONED)


def _front_matter(doc: Document, front: FrontMatter, frame: Frame) -> None:
    frame.blocks.append(_block(doc, front.start, front.end, BlockKind.HEADER, "front matter"))
    for item in front.fields:
        kind = _FRONT_MATTER_KINDS.get(item.key.lower(), HeaderFieldKind.OTHER)
        frame.header.append(_FRONT_FIELD(doc.text, item.start, item.end, kind, item.key, item.value))
    if front.error is not None:
        frame.diagnostics.append(
            diagnostic("P011", Severity.INFO, front.error, front.start, doc.text, doc.line_starts)
        )


# -- the lines before the first turn ---------------------------------------------------------


def _header_lines(
    doc: Document, rules: DialectRules, start: int, end: int, frame: Frame, reason: str = "text before the first speaker label"
) -> None:
    """Header fields, chrome and unattributed runs before the first turn, by the dialect's header rule."""
    dateline = rules.header == "dateline"
    has_title = any(f.kind is HeaderFieldKind.TITLE for f in frame.header)
    run: tuple[int, int] | None = None
    for s, e in doc.nonblank_lines(start, end):
        line = doc.view[s:e]
        first = not has_title and not any(f.start >= start for f in frame.header)
        kind = _header_kind(line, first=first, dateline=dateline) if run is None else None
        chrome = boilerplate.chrome_reason(line) if kind is not HeaderFieldKind.TIME else None
        if chrome is not None:
            _flush(doc, run, frame, reason)
            run = None
            frame.blocks.append(_block(doc, s, e, BlockKind.BOILERPLATE, chrome))
            continue
        if kind is not None:
            display = doc.text[s:e].strip(" *_\u00a0")
            value = display if display != doc.text[s:e] else None  # "*Bletchley Park": emphasis is not the place
            frame.header.append(_HEADER_LINE(doc.text, s, e, kind, value))
            frame.blocks.append(_block(doc, s, e, BlockKind.HEADER, kind.value))
            continue
        run = (run[0] if run else s, e)
    _flush(doc, run, frame, reason)


def _flush(doc: Document, run: tuple[int, int] | None, frame: Frame, reason: str = "text before the first speaker label") -> None:
    if run is not None:
        frame.blocks.append(_block(doc, run[0], run[1], BlockKind.UNATTRIBUTED, reason))


def _header_kind(line: str, *, first: bool, dateline: bool) -> HeaderFieldKind | None:
    """A header line's kind: the title first (unless the front matter gave one), then organisation,
    date, byline and place lines; with ``dateline`` (White House) short venue lines are places and
    the time line ("4:02 P.M. EDT") is the time."""
    stripped = line.strip(" *_")
    if boilerplate.TIME_LINE.fullmatch(stripped):
        return HeaderFieldKind.TIME
    if first:
        return HeaderFieldKind.TITLE
    key = fold(stripped).strip(" .")
    if key in boilerplate.ORGANISATION_LINES:
        return HeaderFieldKind.ORGANISATION
    if boilerplate.DATE_LINE.fullmatch(key) or (len(key) < 60 and boilerplate.DATE_LINE.search(key)):
        return HeaderFieldKind.DATE
    words = key.split()
    if len(words) >= 8 and key.endswith((".", "?", "!")):
        return None  # a sentence: prose, not a header line
    if len(words) >= 2 and not any(c.islower() for c in stripped):
        return HeaderFieldKind.OTHER  # a heading in capitals ("REMARKS BY PRESIDENT TRUMP AND …")
    if len(words) > 12:
        return None
    if _BYLINE_WORDS.intersection(w.strip(",.") for w in words):
        return HeaderFieldKind.OTHER  # a byline ("Antony J. Blinken, Secretary of State")
    if dateline and len(words) <= 10 and not key.endswith(("?", "!", ":")):
        return HeaderFieldKind.PLACE  # a venue: "Oval Office", "Hanoi, Vietnam", "Via Teleconference"
    if "," in key and len(words) <= 8 and not key.endswith((".", "?", "!")):
        return HeaderFieldKind.PLACE
    return HeaderFieldKind.OTHER


# -- the footer ------------------------------------------------------------------------------


def _tail(doc: Document, rules: DialectRules, heads: Sequence[Head], separators: Sequence[tuple[int, int]]) -> int | None:
    """Start of trailing boilerplate: chrome, end marks, a closing time line — never a turn's first line."""
    last_head = heads[-1]
    scan_from = _after_first_line(doc, last_head.head_end)
    if separators and separators[-1][1] > last_head.start:
        scan_from = separators[-1][1]
    spans = list(doc.nonblank_lines(scan_from, len(doc.text)))
    found = None
    for index in range(len(spans) - 1, -1, -1):
        s, e = spans[index]
        line = doc.view[s:e]
        reason = boilerplate.chrome_reason(line)
        if reason == "closing time line" and not rules.closing_time:
            reason = None
        if reason is not None and line[:1].islower() and not _ends_sentence(doc, spans, index, scan_from):
            reason = None  # "he limited his\ncomments.": a wrapped sentence, not a "Comments" link
        if reason is not None:
            found = s
        elif not boilerplate.is_short_trailer(line) or line.rstrip().endswith((".", "?", "!", ":", ";")):
            break
    if found is None and rules.closing_time and spans:
        inline = _INLINE_CLOSING_TIME.search(doc.view, spans[-1][0], spans[-1][1])
        if inline is not None and inline.start() > last_head.head_end:
            found = inline.start(1)  # "… on all fronts.  12:16 P.M. AST": the time closes the record
    return found


_INLINE_CLOSING_TIME = re.compile(r"[ \t]{2,}((?:END[ \t]+)?\d{1,2}:\d{2}[ \t]*[AP]\.M\.(?:[ \t]+[A-Z]{2,5})?)[ \t]*$")


def _ends_sentence(doc: Document, spans: Sequence[tuple[int, int]], index: int, scan_from: int) -> bool:
    """Whether the line before ``spans[index]`` ends a sentence (so the line may stand alone)."""
    if index > 0:
        previous = doc.view[spans[index - 1][0] : spans[index - 1][1]]
    else:
        previous = doc.view[doc.line_of(max(scan_from - 1, 0))[0] : max(scan_from - 1, 0)]
    return previous.rstrip().endswith((".", "!", "?", ":", ";", '"', ")")) or not previous.strip()


def _after_first_line(doc: Document, start: int) -> int:
    """Offset after the first non-blank line at or after ``start``: a turn's first line is never chrome."""
    first = doc.first_nonblank_line(start, len(doc.text))
    return min(doc.line_of(first[0])[1] + 1, len(doc.text)) if first is not None else len(doc.text)


def _boilerplate_lines(doc: Document, start: int, end: int) -> list[BlockRow]:
    return [
        _block(doc, s, e, BlockKind.BOILERPLATE, boilerplate.chrome_reason(doc.view[s:e]) or "short line after page chrome (link or button text)")
        for s, e in doc.nonblank_lines(start, end)
    ]


# -- blocks no head claims -------------------------------------------------------------------


def _headless_blocks(doc: Document, heads: Sequence[Head], blocks: Sequence[SpeakerBlock], text_end: int, frame: Frame) -> None:
    """The text of a ``---`` block before its first head: a song, a date heading, prose with no label."""
    head_starts = [h.start for h in heads]
    for block in blocks:
        i = bisect.bisect_left(head_starts, block.start)
        gap_end = min(block.end, text_end, head_starts[i] if i < len(head_starts) else block.end)
        if gap_end <= block.start or block.first is None or block.first.start >= gap_end:
            continue
        first = block.first
        if first.kind == "stage":
            frame.blocks.append(_block(doc, *doc.trim(first.start, gap_end), BlockKind.UNATTRIBUTED, f"non-speech block: {first.reason}"))
            frame.diagnostics.append(diagnostic("P009", Severity.INFO, f"non-speech block ({first.reason}) kept as unattributed text", first.start, doc.text, doc.line_starts))
            continue
        if first.kind == "date":
            frame.header.append(_DATE_FIELD(doc.text, first.start, first.end, HeaderFieldKind.DATE))
            frame.blocks.append(_block(doc, first.start, first.end, BlockKind.HEADER, "date"))
            rest = doc.trim(first.end, gap_end)
        elif first.kind == "end":
            frame.blocks += _boilerplate_lines(doc, first.start, gap_end)
            continue
        else:
            rest = doc.trim(first.start, gap_end)
        if rest[0] < rest[1]:
            frame.blocks.append(_block(doc, *rest, BlockKind.UNATTRIBUTED, "no speaker label after the separator"))
            if first.kind != "rejected":  # a rejected label was already reported by the head finder
                frame.diagnostics.append(diagnostic("P007", Severity.WARNING, "a '---' block opens with text and no speaker label; its words are attributed to nobody", rest[0], doc.text, doc.line_starts))

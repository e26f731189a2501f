"""Where turns start: small head finders, registered by name and chosen by the dialect.

A *head* is a turn's label span and where its body begins.  Each finder reads
one label grammar:

* ``colon`` — ``SECRETARY BLINKEN:``, ``PRIMER MINISTRO DE CANADÁ, MARK CARNEY
  (interpretación al español):Muchas gracias``;
* ``question`` — the White House's ``Q`` questions, with or without a colon;
* ``block`` — the first line of a gob.mx ``---`` block (``NAME, OFFICE``, ``???``,
  or an interpreter note standing for an unnamed speaker);
* ``label-line`` — a label line with an interpreter note and no colon inside a
  gob.mx block (``NAME, OFFICE (Interpretación del inglés al español)``);
* ``speech`` — a record with no labels at all under a heading that names the
  speaker (the presidency's English translations): one turn.

Label-like lines that are not accepted are reported as warnings, never dropped
silently.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from ..lang import labels, markers
from ..models import Diagnostic, Severity
from ..normalize import fold
from .blocks import BlockLine, SpeakerBlock
from .diagnostics import diagnostic
from .document import Document, line_matches, line_matches_holding
from .notes import Note

__all__ = ["FINDERS", "FINDER_PATTERNS", "Head", "HeadContext", "find_heads", "register_finder"]


@dataclass(frozen=True, slots=True)
class Head:
    """Where a turn starts: its label span and where the body begins.

    ``speaker`` names the speaker when the label is not in the text (a speech
    under a heading); the label span is then empty.
    """

    start: int
    label_end: int
    head_end: int
    finder: str
    speaker: str | None = None


@dataclass
class HeadContext:
    """What finders read: the document, its notes, its gob.mx blocks, the title; where they report."""

    doc: Document
    notes: Sequence[Note]
    blocks: Sequence[SpeakerBlock]
    title: str | None
    quiet_blocks: bool = True  # a block opened by a stage note holds no labels (gob.mx)
    diagnostics: list[Diagnostic] = field(default_factory=list)

    def warn(self, code: str, message: str, start: int) -> None:
        self.diagnostics.append(
            diagnostic(code, Severity.WARNING, message, start, self.doc.text, self.doc.line_starts)
        )

    def note(self, code: str, message: str, start: int) -> None:
        self.diagnostics.append(diagnostic(code, Severity.INFO, message, start, self.doc.text, self.doc.line_starts))

    def __post_init__(self) -> None:
        quiet = [(b.start, b.end) for b in self.blocks if not b.speech] if self.quiet_blocks else []
        self._quiet_starts = [s for s, _ in quiet]
        self._quiet = quiet

    def in_nonspeech_block(self, position: int) -> bool:
        """Whether ``position`` lies in a song, video or ceremony block (bisection: finders call it per match)."""
        index = bisect.bisect_right(self._quiet_starts, position) - 1
        return index >= 0 and position < self._quiet[index][1]


Finder = Callable[[HeadContext, Sequence[Head]], list[Head]]
FINDERS: dict[str, Finder] = {}


def register_finder(name: str) -> Callable[[Finder], Finder]:
    """Register a head finder under ``name`` (dialects list finders by name)."""

    def decorate(finder: Finder) -> Finder:
        FINDERS[name] = finder
        return finder

    return decorate


def find_heads(ctx: HeadContext, names: Sequence[str], *, speech: bool = False) -> list[Head]:
    """Heads of every finder in ``names`` (a later finder never claims a line an earlier one took);
    with ``speech``, a record with no heads at all under a heading is one speech turn."""
    heads: list[Head] = []
    line_start = ctx.doc.line_start
    for name in names:
        found = FINDERS[name](ctx, heads)  # finders read the earlier heads, never change them
        if found and heads:
            taken = {line_start(h.start) for h in heads if h.label_end > h.start}
            found = [h for h in found if line_start(h.start) not in taken]
        heads.extend(found)
    if not heads and speech:
        heads = _speech(ctx)
    heads.sort(key=lambda h: h.start)
    return heads


# -- colon labels ----------------------------------------------------------------------------


@register_finder("colon")
def _colon(ctx: HeadContext, earlier: Sequence[Head]) -> list[Head]:
    view = ctx.doc.view
    heads = []
    for _, match in line_matches_holding(labels.COLON_LABEL, view, ":", ctx.doc.body_start):
        label = match.group("label")
        start, label_end = match.span("label")
        if ctx.in_nonspeech_block(start):
            continue  # a song line "VOLVER, VOLVER. INTERPRETA: ..." is not a speaker
        note = match.group("marker") or match.group("open") or match.group("inner_colon")
        if note is None and _is_note_word(label):
            continue  # "INTERPRETACIÓN:" opening a line is an interpreter note, read by notes.py
        bracketed = match.group("open") or match.group("inner_colon")
        if bracketed is not None and not _known_note(bracketed.strip("():")):
            continue  # "NAME (some words: ..." with a bracket that is not a note: prose
        reason = labels.label_rejection(label)
        if reason is not None:
            if _label_like(label) and not ctx.in_nonspeech_block(start):
                ctx.warn("P008", f"label-like text {label.strip()!r} is not taken as a speaker label: {reason}", start)
            continue
        label_end = start + len(label.rstrip(" ,"))
        heads.append(Head(start, label_end, match.end(), "colon"))
    return heads


def _is_note_word(label: str) -> bool:
    spec = markers.classify(fold(label))
    return spec is not None and spec.role is not None


def _known_note(inner: str) -> bool:
    spec = markers.classify(fold(inner))
    return spec is not None and spec.role is not None


def _label_like(label: str) -> bool:
    """All-caps words of at least two letters, not a known acronym: what a reader takes for a label."""
    words = label.split()
    return len(words) >= 2 and sum(c.isalpha() for c in label) >= 4 and label.upper() == label


# -- White House questions -------------------------------------------------------------------

_QUESTION = re.compile(r"^[ \t]*(?P<label>Q)\.?(?:[ \t]*(?=[-\u2013\u2014])|[ \t]+|[ \t]*$)", re.MULTILINE)


@register_finder("question")
def _question(ctx: HeadContext, earlier: Sequence[Head]) -> list[Head]:
    view = ctx.doc.view
    heads = []
    for _, match in line_matches(_QUESTION, view, ctx.doc.body_start):
        following = view[match.end() : match.end() + 1]
        if following and following.islower():
            continue  # "Q and A": prose ("Q — in this bill?" resumes an interrupted question: the dash is kept)
        start = match.start("label")
        heads.append(Head(start, start + 1, match.end(), "question"))
    return heads


#: Line-start patterns of the finders that read a single line, for the soft-wrap step: a line
#: that may open a turn is never joined to the line before it.
FINDER_PATTERNS: dict[str, re.Pattern[str]] = {"colon": labels.COLON_LABEL, "question": _QUESTION}


# -- gob.mx blocks ---------------------------------------------------------------------------


@register_finder("block")
def _block(ctx: HeadContext, earlier: Sequence[Head]) -> list[Head]:
    heads: list[Head] = []
    for block in ctx.blocks:
        first = block.first
        if first is None or first.kind not in BlockLine.HEAD_KINDS:
            if first is not None and first.kind == "rejected":
                ctx.warn("P008", f"block label {ctx.doc.text[first.start:first.end]!r} is not taken as a speaker label: {first.reason}", first.start)
            continue
        if first.kind == "note":
            heads.append(Head(first.start, first.start, first.start, "block"))  # an unnamed, interpreted speaker
        elif first.kind == "continuation":
            previous = next((h for h in reversed(heads) if h.label_end > h.start or h.speaker), None)
            if previous is None:
                continue
            speaker = previous.speaker or ctx.doc.text[previous.start : previous.label_end]
            heads.append(Head(first.start, first.start, first.start, "continuation", speaker=speaker))
            ctx.note("P013", f"the block after {first.reason} goes on in the previous speaker's voice ({speaker!r})", first.start)
        else:
            heads.append(Head(first.start, first.label_end, first.end, "block"))
    return heads


@register_finder("label-line")
def _label_line(ctx: HeadContext, earlier: Sequence[Head]) -> list[Head]:
    """Inside a speech block, a label line carrying an interpreter or language note opens a turn.

    Only a line on which a note starts can qualify, so the lines are found from the notes
    (a bisection each) rather than by reading every line of every block as a label."""
    doc, view = ctx.doc, ctx.doc.view
    speech = [b for b in ctx.blocks if b.speech and b.first is not None]
    block_starts = [b.start for b in speech]
    note_starts = [n.marker.start for n in ctx.notes]
    heads = []
    seen: set[int] = set()
    for note in ctx.notes:
        position = note.marker.start
        index = bisect.bisect_right(block_starts, position) - 1
        if index < 0:
            continue
        block = speech[index]
        assert block.first is not None
        if not block.first.end <= position < block.end:
            continue
        s, e = _line_in(doc, view, position, block.first.end, block.end)
        if s in seen or not s <= position < e:
            continue
        seen.add(s)
        line = labels.read_label_line(view, s, e)
        if line.kind != "label" or line.label_end >= e:
            continue
        first = None
        for candidate in ctx.notes[bisect.bisect_left(note_starts, s) :]:
            if candidate.marker.start >= e:
                break
            if candidate.marker.end >= line.label_end:
                first = candidate
                break
        if first is not None and first.spec.role in (markers.INTERPRETATION, markers.SPOKEN):
            heads.append(Head(s, line.label_end, e, "label-line"))
    return heads


def _line_in(doc: Document, view: str, position: int, start: int, end: int) -> tuple[int, int]:
    """The trimmed line holding ``position`` as ``Document.nonblank_lines(start, end)`` cuts it."""
    line_start = max(start, view.rfind("\n", 0, position) + 1)
    newline = view.find("\n", position, end)
    stop = end if newline < 0 else newline
    line_end = stop - 1 if stop > line_start and view[stop - 1] == "\r" else stop
    return doc.trim(line_start, line_end)


# -- a speech under a heading ----------------------------------------------------------------

_SPEECH_TITLE = re.compile(
    r"(?:speech|message|remarks|address|statement|words)(?: delivered| given| read)? by (?P<name>.+)"
    r"|(?:mensaje|discurso|palabras|intervencion)(?: del| de la| de) (?:presidente |presidenta |licenciado |lic\. )?(?P<nombre>.+)",
    re.IGNORECASE,
)


def _speech(ctx: HeadContext) -> list[Head]:
    """The whole record as one speech turn when a gob.mx record has no labels at all."""
    body = next((b for b in ctx.blocks if b.first is not None and b.first.kind in ("date", "prose")), None)
    if body is None or body.first is None:
        return []
    start = body.first.start
    if body.first.kind == "date":
        following = ctx.doc.first_nonblank_line(body.first.end, body.end)
        if following is None:
            return []
        start = following[0]
    name = None
    if ctx.title:
        match = _SPEECH_TITLE.search(ctx.title)
        if match:
            name = _leading_name(match.group("name") or match.group("nombre") or "")
    return [Head(start, start, start, "speech", speaker=name or "")]


_NAME_JOINERS = frozenset({"de", "del", "la", "las", "los", "y"})


def _leading_name(text: str) -> str | None:
    """The run of capitalised words opening ``text`` ("Andrés Manuel López Obrador. Petición …" → the name)."""
    words: list[str] = []
    for word in text.split():
        clean = word.strip(".,;:")
        if clean[:1].isupper() or (words and clean in _NAME_JOINERS):
            words.append(clean)
        else:
            break
        if clean != word:
            break  # punctuation ends the name
    while words and words[-1] in _NAME_JOINERS:
        words.pop()
    return " ".join(words) if len(words) >= 2 else None

"""The lossless transcript parser: text → ``Transcript`` whose blocks tile the input exactly.

The steps live in ``interp_align.parsing``, one concern each; this module runs
them in order and nothing else:

1. ``document`` — the matching view (same length as the text), front matter;
2. ``dialects`` — which publisher's conventions the record follows (data);
3. ``document.join_soft_wraps`` — in a hard-wrapped record, paragraph-internal
   line breaks read as spaces;
4. ``notes`` and ``blocks`` — bracketed notes; gob.mx ``---`` blocks;
5. ``heads`` — where turns start, by the dialect's head finders;
6. ``frame`` — header, footer, separators and non-speech blocks around the turns;
7. ``turns`` — Turn models with passages, languages and sentences.

Nothing is dropped: text that is not a turn becomes a header, boilerplate,
separator, unattributed or whitespace block, each with a reason.  Problems the
parser can live with (no labels, mojibake, empty input) become diagnostics,
never exceptions.
"""

from __future__ import annotations

import contextlib
import functools
import gc
import importlib
import operator
import os
import re
from collections.abc import Iterator, Sequence
from typing import Any

from .io import DEFAULT_MAX_BYTES, Errors, find_mojibake, read_text
from .models import (
    BlockKind,
    BlockShape,
    BlockTuple,
    Diagnostic,
    Dialect,
    LanguageTag,
    Severity,
    Transcript,
)
from .parsing.blocks import find_blocks
from .parsing.diagnostics import DIAGNOSTIC_CODES, diagnostic
from .parsing.dialects import DEFAULT, DialectRules, detect_dialect
from .parsing.document import (
    Document,
    base_view,
    compact,
    find_front_matter,
    is_blank,
    join_soft_wraps,
    line_starts,
    looks_wrapped,
)
from .parsing.frame import BlockRow, build_frame, header_frame
from .parsing.heads import HeadContext, find_heads
from .parsing.notes import find_notes
from .parsing.turns import (
    CODE_SWITCH_MIN_CONFIDENCE,
    GUESS_SAMPLE,
    Identifier,
    build_turns,
    function_word_counts,
    guess_from_counts,
    guess_language,
    prepare_turns,
    record_language,
)
from .speakers import build_speakers

__all__ = ["CODE_SWITCH_MIN_CONFIDENCE", "DIAGNOSTIC_CODES", "parse", "read"]


def parse(
    text: str,
    *,
    path: str | None = None,
    language: str | None = None,
    detect_language: bool = True,
    identifier: Any = None,
    encoding: str | None = None,
    diagnostics: Sequence[Diagnostic] = (),
    sentences: bool = True,
    dialect: str | None = None,
) -> Transcript:
    """Parse a transcript into turns, speakers, markers, sentences and a lossless block tiling.

    ``language`` declares the record language (else detected, or guessed from
    function words when ``detect_language`` is false).  ``identifier`` is any
    object with ``detect(text) -> LanguageTag | None``; by default
    ``langid.get_identifier()``.  ``sentences=False`` leaves ``Turn.sentences``
    empty (turn-level work such as batch statistics runs several times faster).
    ``dialect`` names a registered dialect to use instead of detecting one.
    Never raises on text: problems become ``Transcript.diagnostics``.
    """
    with _gc_paused():
        return _parse(text, path, language, detect_language, identifier, encoding, diagnostics, sentences, dialect)


@contextlib.contextmanager
def _gc_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector: parsing allocates hundreds of thousands of acyclic
    models, and collections triggered by the allocation count alone doubled the parse time."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _parse(
    text: str,
    path: str | None,
    language: str | None,
    detect_language: bool,
    identifier: Any,
    encoding: str | None,
    diagnostics: Sequence[Diagnostic],
    sentences: bool,
    dialect_name: str | None,
) -> Transcript:
    diags: list[Diagnostic] = list(diagnostics)
    empty = _empty(text, path, encoding, diags)
    if empty is not None:
        return empty
    diags.extend(find_mojibake(text))
    doc, rules, dialect, body_words = _read_document(text, language, dialect_name)
    notes = find_notes(text, doc.view, unbracketed=rules.blocks)
    for note in notes:
        if note.unclosed:
            diags.append(diagnostic("P010", Severity.WARNING, f"note {note.marker.text!r} is not closed; read as a note", note.marker.start, text, doc.line_starts))
    blocks = find_blocks(doc, notes)
    title = next((f.value for f in doc.front_matter.fields if f.key == "title"), None) if doc.front_matter else None
    ctx = HeadContext(doc, notes, blocks, title or _first_line(doc), quiet_blocks=rules.blocks)
    heads = find_heads(ctx, rules.heads, speech=rules.speech_without_labels)
    diags.extend(ctx.diagnostics)
    if not heads:
        return _unlabelled(doc, rules, dialect, path, encoding, diags)

    frame = build_frame(doc, rules, heads, blocks)
    diags.extend(frame.diagnostics)
    diags.extend(
        diagnostic("P012", Severity.INFO, "'???' stands for the speaker's label: the speaker is not named", h.start, text, doc.line_starts)
        for h in heads
        if h.finder == "block" and text[h.start : h.label_end].strip() == "???"
    )
    label_texts = [h.speaker if h.speaker is not None else text[h.start : h.label_end] for h in heads]
    label_texts = ["" if t.strip() == "???" else t for t in label_texts]
    speakers, speaker_ids = build_speakers(label_texts)

    ident = _identifier(detect_language, identifier, diags)
    prepared = prepare_turns(doc, heads, frame.region_ends, notes, ident)
    record = record_language(prepared, language, lambda: _guess_record(doc, body_words))
    turns, turn_blocks = build_turns(
        doc, prepared, speaker_ids, record, ident, sentences=sentences, pair_default=rules.pair_default
    )
    return Transcript(
        text=text,
        path=path,
        encoding=encoding,
        dialect=dialect,
        language=record,
        title=frame.title,
        header=tuple(sorted(frame.header, key=lambda f: f.start)),
        speakers=speakers,
        turns=tuple(turns),
        blocks=_tile(doc, frame.blocks + turn_blocks),
        diagnostics=tuple(diags),
    )


def _empty(text: str, path: str | None, encoding: str | None, diags: list[Diagnostic]) -> Transcript | None:
    """The transcript of an empty or whitespace-only input, else ``None``."""
    if not text:
        diags.append(diagnostic("P002", Severity.WARNING, "empty input: no turns"))
        return Transcript(text=text, path=path, encoding=encoding, diagnostics=tuple(diags))
    if is_blank(text):
        diags.append(diagnostic("P005", Severity.WARNING, "input is only whitespace: no turns"))
        blocks = BlockTuple.from_rows(text, [(0, len(text), BlockKind.WHITESPACE, None, -1, BlockShape.PLAIN)])
        return Transcript(text=text, path=path, encoding=encoding, blocks=blocks, diagnostics=tuple(diags))
    return None


def _read_document(
    text: str, language: str | None, dialect_name: str | None
) -> tuple[Document, DialectRules, Dialect, tuple[int, int] | None]:
    """The document with its dialect; soft wraps joined where the dialect and the layout say so.

    Also returns the function-word counts of the body's guess (``None`` when the language was
    declared), which ``_guess_record`` reuses rather than counting the words again."""
    from .parsing.dialects import rules_for
    from .parsing.heads import FINDER_PATTERNS

    view = base_view(text)
    front = find_front_matter(view)
    body_start = front.end if front is not None else 0
    body_view = view if front is None else compact(" " * body_start + view[body_start:])
    body_words: tuple[int, int] | None = None
    if language is None:
        body_words = function_word_counts(body_view[:GUESS_SAMPLE])
        guessed = guess_from_counts(*body_words).code
    else:
        guessed = language
    facts = frozenset({"front_matter"} if front is not None else ())
    if dialect_name is not None:
        rules = rules_for(dialect_name)
        dialect = Dialect(name=rules.name, evidence=("chosen by the caller",))
    else:
        rules, dialect = detect_dialect(body_view.replace("\r", " "), guessed, facts)
    del body_view  # a copy of the text: freed before the soft wraps make another
    joined = 0
    if rules.wraps and (front is not None or looks_wrapped(view, body_start)):
        keep: set[int] = set()
        for name in rules.heads:
            pattern = FINDER_PATTERNS.get(name)
            if pattern is not None:
                keep |= line_starts(view, pattern)
        view, joined = join_soft_wraps(text, view, body_start, keep)
    dialect = dialect.model_copy(update={"front_matter": front is not None, "soft_wraps": joined > 0})
    if joined:
        dialect = dialect.model_copy(update={"evidence": (*dialect.evidence, f"{joined} soft wraps joined")})
    return Document(text, view, front, joined, body_start), rules, dialect, body_words


def _guess_record(doc: Document, body_words: tuple[int, int] | None) -> LanguageTag:
    """``guess_language(doc.view)``, from the body's counts plus the front matter's.

    The joined view differs from the body view only in line breaks (now spaces) and the
    front matter (blanked in the body view), and a word never spans the front matter's
    closing line break, so the counts add up exactly."""
    if body_words is None:
        return guess_language(doc.view)
    en, es = body_words
    if doc.body_start:
        front_en, front_es = function_word_counts(doc.view[: min(doc.body_start, GUESS_SAMPLE)])
        en, es = en + front_en, es + front_es
    return guess_from_counts(en, es)


def _first_line(doc: Document) -> str | None:
    first = doc.first_nonblank_line(doc.body_start)
    return doc.text[first[0] : first[1]] if first is not None else None


def _unlabelled(doc: Document, rules: DialectRules, dialect: Dialect, path: str | None, encoding: str | None, diags: list[Diagnostic]) -> Transcript:
    """No speaker labels: header lines are still header (a record may be only its header), the
    rest is unattributed."""
    diags.append(
        diagnostic(
            "P001",
            Severity.WARNING,
            "no speaker labels found (e.g. 'SECRETARY BLINKEN:' or a gob.mx block); the text is not attributed to anyone",
        )
    )
    if rules is DEFAULT:  # no publisher's conventions: nothing says which lines are a header
        start, end = doc.body_start, len(doc.text)
        content: list[BlockRow] = [(start, end, BlockKind.UNATTRIBUTED, "no speaker labels", -1, BlockShape.REASONED)]
        frame = header_frame(doc, rules, lines=False)
        frame.blocks += content if doc.view[start:end].strip() else []
    else:
        frame = header_frame(doc, rules)
    diags.extend(frame.diagnostics)
    return Transcript(
        text=doc.text,
        path=path,
        encoding=encoding,
        dialect=dialect,
        title=frame.title,
        header=tuple(sorted(frame.header, key=lambda f: f.start)),
        blocks=_tile(doc, frame.blocks),
        diagnostics=tuple(diags),
    )


def _identifier(detect: bool, identifier: object | None, diags: list[Diagnostic]) -> Identifier | None:
    """The identifier to use; a diagnostic when detection was wanted but is unavailable."""
    if not detect:
        return None
    if identifier is not None:
        return identifier  # type: ignore[return-value]
    try:
        langid = importlib.import_module("interp_align.langid")
    except ImportError:
        diags.append(
            diagnostic(
                "P006",
                Severity.INFO,
                "language identification unavailable (interp_align.langid missing); turn languages are defaults",
            )
        )
        return None
    return _default_identifier(langid)


@functools.cache
def _default_identifier(langid: Any) -> Identifier:
    """The default identifier, built once: what it remembers about one record's sentences
    ("Thank you.", "Gracias.") serves the next record's too."""
    return langid.get_identifier()


_START_END = operator.itemgetter(0, 1)


def _tile(doc: Document, content: list[BlockRow]) -> BlockTuple:
    """Sort the content blocks and fill every gap, so the blocks tile the text exactly."""
    text = doc.text
    tiles: list[BlockRow] = []
    pos = 0
    for block in sorted(content, key=_START_END):
        start, end = block[0], block[1]
        if start < pos or end <= start:
            continue  # defensive: an empty or overlapping block never breaks the tiling
        if start > pos:
            tiles.append(_gap(doc, pos, start))
        tiles.append(block)
        pos = end
    if pos < len(text):
        tiles.append(_gap(doc, pos, len(text)))
    return BlockTuple.from_rows(text, tiles)


def _gap(doc: Document, start: int, end: int) -> BlockRow:
    """A gap between content blocks: whitespace, unless a character of it (searched for in
    place, the gap is not sliced) is not ``str.isspace``'s."""
    if _NONSPACE.search(doc.view, start, end) is not None:
        return (start, end, BlockKind.UNATTRIBUTED, "unclassified text", -1, BlockShape.REASONED)
    return (start, end, BlockKind.WHITESPACE, None, -1, BlockShape.PLAIN)


_NONSPACE = re.compile(r"\S")


def read(
    path: str | os.PathLike[str],
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    errors: Errors = "strict",
    encoding: str | None = None,
    **kw: Any,
) -> Transcript:
    """Read, decode (see ``io.read_text``: BOM, UTF-8, then CP-1252 for clearly Western text, or the
    ``encoding`` given) and parse a transcript file; keeps the encoding and decode diagnostics."""
    decoded = read_text(path, max_bytes=max_bytes, errors=errors, encoding=encoding)
    return parse(
        decoded.text,
        path=os.fspath(path),
        encoding=decoded.encoding,
        diagnostics=decoded.diagnostics,
        **kw,
    )

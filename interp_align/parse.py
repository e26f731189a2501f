"""The lossless transcript parser: text → ``Transcript`` whose blocks tile the input exactly.

Two record shapes are read with one pass of regexes over ``match_view(text)``
(same length as the text, so every match offset is an offset into the source):

* colon labels at line start — ``SECRETARY BLINKEN:``, ``PREGUNTA:``,
  ``PRIMER MINISTRO DE CANADÁ, MARK CARNEY (interpretación al español):``;
* gob.mx blocks — ``---`` lines, each block opening with a label line of its own.

Nothing is dropped: text that is not a turn becomes a header, boilerplate,
separator, unattributed or whitespace block, each with a reason.  Problems the
parser can live with (no labels, mojibake, empty input) become diagnostics,
never exceptions.
"""

from __future__ import annotations

import bisect
import contextlib
import functools
import gc
import importlib
import os
import re
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any, Protocol

from .io import DEFAULT_MAX_BYTES, Errors, find_mojibake, read_text
from .lang import boilerplate, labels, markers
from .models import (
    Block,
    BlockKind,
    Diagnostic,
    HeaderField,
    HeaderFieldKind,
    Interpretation,
    LanguageSource,
    LanguageTag,
    Marker,
    MarkerKind,
    Sentence,
    Severity,
    Span,
    Transcript,
    Turn,
)
from .normalize import fold, match_view
from .segment import split_sentences
from .speakers import build_speakers

__all__ = ["CODE_SWITCH_MIN_CONFIDENCE", "DIAGNOSTIC_CODES", "parse", "read"]

#: Stable diagnostic codes and what they mean.
DIAGNOSTIC_CODES: dict[str, str] = {
    "P001": "no speaker labels found: the whole text is one unattributed block",
    "P002": "empty input: no turns",
    "P003": "text looks like mojibake (decoded with the wrong encoding upstream)",
    "P004": "undecodable bytes were replaced (read with errors='replace')",
    "P005": "input is only whitespace",
    "P006": "language identification unavailable: languages are defaults or declared by markers",
    "P007": "text after a separator has no speaker label",
}

#: A sentence is a code switch only when the identifier is at least this sure.
CODE_SWITCH_MIN_CONFIDENCE = 0.8

_PAIR = {"en": "es", "es": "en"}
_SEPARATOR = re.compile(r"^[ \t]*-{3,}[ \t\r]*$", re.MULTILINE)
_MARKER_ONLY_LINE = re.compile(r"[ \t]*\([^()\n]{1,80}\)[ \t]*[.:]?[ \t\r]*")
_LEADING_GAP = re.compile(r"[\s:.;,\-]*")
_WORDLIKE = re.compile(r"[^\W_]")


class _Identifier(Protocol):
    def detect(self, text: str) -> LanguageTag | None: ...


@dataclass(frozen=True)
class _Head:
    """Where a turn starts: its label span and where the label (and colon) ends."""

    start: int
    label_end: int
    head_end: int


def _diag(
    code: str, severity: Severity, message: str, start: int | None = None, text: str = ""
) -> Diagnostic:
    line = column = None
    if start is not None:
        line = text.count("\n", 0, start) + 1
        column = start - (text.rfind("\n", 0, start) + 1) + 1
    return Diagnostic(
        code=code, severity=severity, message=message, start=start, line=line, column=column
    )


def _lines(view: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """``(line_start, line_end)`` of each line in ``[start, end)``, without the line break."""
    pos = start
    while pos < end:
        nl = view.find("\n", pos, end)
        stop = end if nl == -1 else nl
        line_end = stop - 1 if stop > pos and view[stop - 1] == "\r" else stop
        yield pos, line_end
        pos = stop + 1


def _trim(view: str, start: int, end: int) -> tuple[int, int]:
    """``[start, end)`` without surrounding whitespace (empty span at ``start`` if blank)."""
    chunk = view[start:end]
    left = len(chunk) - len(chunk.lstrip())
    if left == len(chunk):
        return start, start
    return start + left, start + len(chunk.rstrip())


# -- markers ---------------------------------------------------------------------------------


@functools.lru_cache(maxsize=8192)
def _classify_inner(inner: str) -> markers.MarkerSpec | None:
    """Classify bracket contents; cached because records repeat the same few notes thousands of times."""
    return markers.classify(fold(inner))


def _find_markers(view: str) -> list[tuple[Marker, markers.MarkerSpec]]:
    found = []
    for match in markers.CANDIDATE.finditer(view):
        inner = match.group(1) if match.group(1) is not None else match.group(2)
        spec = _classify_inner(inner)
        if spec is None:
            continue
        found.append(
            (
                Marker(
                    start=match.start(),
                    end=match.end(),
                    kind=spec.kind,
                    text="",  # filled by the caller from the original text
                    canonical=spec.canonical,
                    timestamp=spec.timestamp,
                    source_language=spec.source_language,
                    target_language=spec.target_language,
                ),
                spec,
            )
        )
    return found


# -- labels ----------------------------------------------------------------------------------


def _colon_heads(view: str) -> list[_Head]:
    heads = []
    for match in labels.COLON_LABEL.finditer(view):
        label = match.group("label")
        if labels.is_label(label):
            start, label_end = match.span("label")
            label_end = start + len(label.rstrip(" ,"))
            heads.append(_Head(start, label_end, match.end()))
    return heads


def _block_heads(
    view: str,
    separators: Sequence[tuple[int, int]],
    colon_starts: set[int],
    specs: dict[int, markers.MarkerSpec],
) -> tuple[list[_Head], list[int]]:
    """Label lines that open gob.mx blocks; also the separators followed by no label."""
    heads: list[_Head] = []
    orphans: list[int] = []
    for index, (_, sep_end) in enumerate(separators):
        limit = separators[index + 1][0] if index + 1 < len(separators) else len(view)
        line = next(
            ((s, e) for s, e in _lines(view, sep_end + 1, limit) if view[s:e].strip()), None
        )
        if line is None:
            continue
        line_start, line_end = line
        first = (
            line_start + len(view[line_start:line_end]) - len(view[line_start:line_end].lstrip())
        )
        if first in colon_starts:
            continue
        match = labels.BLOCK_LABEL_LINE.fullmatch(view, line_start, line_end)
        if match and labels.is_label(match.group("label"), max_words=labels.MAX_BLOCK_LABEL_WORDS):
            start = match.start("label")
            heads.append(_Head(start, start + len(match.group("label").rstrip(" ,")), line_end))
            continue
        if _MARKER_ONLY_LINE.fullmatch(view, line_start, line_end):
            spec = specs.get(first)
            if spec is not None and spec.interpretation:
                heads.append(
                    _Head(first, first, first)
                )  # no name: an interpreted block, speaker unknown
                continue
        orphans.append(first)
    return heads, orphans


# -- header and boilerplate ------------------------------------------------------------------


_BYLINE_WORDS = frozenset(
    {
        "secretary",
        "minister",
        "president",
        "spokesperson",
        "ambassador",
        "advisor",
        "adviser",
        "official",
    }
    | {
        "secretario",
        "secretaria",
        "presidente",
        "presidenta",
        "canciller",
        "ministro",
        "ministra",
        "vocero",
    }
)


def _header_kind(line: str, first: bool) -> HeaderFieldKind | None:
    if first:
        return HeaderFieldKind.TITLE
    key = fold(line).strip(" .")
    if key in boilerplate.ORGANISATION_LINES:
        return HeaderFieldKind.ORGANISATION
    if boilerplate.DATE_LINE.fullmatch(key) or (
        len(key) < 60 and boilerplate.DATE_LINE.search(key)
    ):
        return HeaderFieldKind.DATE
    words = key.split()
    if len(words) > 12:
        return None
    if _BYLINE_WORDS.intersection(w.strip(",.") for w in words):
        return HeaderFieldKind.OTHER  # a byline ("Antony J. Blinken, Secretary of State")
    if "," in key and len(words) <= 8 and not key.endswith((".", "?", "!")):
        return HeaderFieldKind.PLACE
    return HeaderFieldKind.OTHER


def _classify_lines(
    text: str,
    view: str,
    start: int,
    end: int,
    *,
    header: bool,
    fields: list[HeaderField],
    reason: str,
) -> list[Block]:
    """Blocks for a stretch with no turns: header lines, chrome lines, and unattributed runs."""
    blocks: list[Block] = []
    run: tuple[int, int] | None = None

    def flush() -> None:
        nonlocal run
        if run is not None:
            blocks.append(
                Block(
                    start=run[0],
                    end=run[1],
                    kind=BlockKind.UNATTRIBUTED,
                    text=text[run[0] : run[1]],
                    reason=reason,
                )
            )
            run = None

    first = not fields
    for line_start, line_end in _lines(view, start, end):
        s, e = _trim(view, line_start, line_end)
        if s == e:
            continue
        chrome = boilerplate.chrome_reason(view[s:e])
        if chrome is not None:
            flush()
            blocks.append(
                Block(start=s, end=e, kind=BlockKind.BOILERPLATE, text=text[s:e], reason=chrome)
            )
            continue
        kind = _header_kind(view[s:e], first) if header and run is None else None
        if kind is not None:
            first = False
            fields.append(HeaderField(start=s, end=e, kind=kind, text=text[s:e]))
            blocks.append(
                Block(start=s, end=e, kind=BlockKind.HEADER, text=text[s:e], reason=kind.value)
            )
            continue
        run = (run[0] if run else s, e)
    flush()
    return blocks


def _tail_start(view: str, start: int, end: int) -> int | None:
    """Start of trailing page chrome in ``[start, end)``: a chrome line followed only by chrome or short lines."""
    spans = [(s, e) for s, e in (_trim(view, a, b) for a, b in _lines(view, start, end)) if s < e]
    found = None
    for s, e in reversed(spans):
        line = view[s:e]
        if boilerplate.chrome_reason(line) is not None:
            found = s
        elif not boilerplate.is_short_trailer(line) or line.rstrip().endswith(
            (".", "?", "!", ":", ";")
        ):
            break
    return found


def _boilerplate_blocks(text: str, view: str, start: int, end: int) -> list[Block]:
    blocks = []
    for a, b in _lines(view, start, end):
        s, e = _trim(view, a, b)
        if s < e:
            reason = (
                boilerplate.chrome_reason(view[s:e])
                or "short line after page chrome (link or button text)"
            )
            blocks.append(
                Block(start=s, end=e, kind=BlockKind.BOILERPLATE, text=text[s:e], reason=reason)
            )
    return blocks


# -- languages -------------------------------------------------------------------------------

_EN_WORDS = frozenset(
    ["the", "and", "of", "to", "is", "that", "we", "in", "it", "for", "you", "this", "are", "with"]
)
_ES_WORDS = frozenset(
    [
        "el",
        "la",
        "de",
        "que",
        "y",
        "los",
        "las",
        "en",
        "por",
        "para",
        "es",
        "una",
        "con",
        "del",
        "se",
    ]
)


def _guess_language(view: str) -> LanguageTag:
    """Record language from function-word counts in a sample: cheap, used when detection is off."""
    words = re.findall(r"[a-záéíóúñ]+", view[:200_000].lower())
    en = sum(w in _EN_WORDS for w in words)
    es = sum(w in _ES_WORDS for w in words)
    code = "es" if es > en else "en"
    total = en + es
    confidence = round(max(en, es) / total, 3) if total else 0.5
    return LanguageTag(code=code, confidence=confidence, source=LanguageSource.DEFAULT)


def _get_identifier(detect: bool, identifier: object | None) -> tuple[_Identifier | None, bool]:
    """The identifier to use and whether one was wanted but is unavailable."""
    if not detect:
        return None, False
    if identifier is not None:
        return identifier, False  # type: ignore[return-value]
    try:
        langid = importlib.import_module("interp_align.langid")
    except ImportError:
        return None, True
    return langid.get_identifier(), False


# -- the parser ------------------------------------------------------------------------------


@dataclass
class _RawTurn:
    head: _Head
    region_end: int
    body_start: int = 0
    body_end: int = 0


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
) -> Transcript:
    """Parse a transcript into turns, speakers, markers, sentences and a lossless block tiling.

    ``language`` declares the record language (else detected, or guessed from
    function words when ``detect_language`` is false).  ``identifier`` is any
    object with ``detect(text) -> LanguageTag | None``; by default
    ``langid.get_identifier()``.  ``sentences=False`` leaves ``Turn.sentences``
    empty (turn-level work such as batch statistics runs several times faster).
    Never raises on text: problems become ``Transcript.diagnostics``.
    """
    with _gc_paused():
        return _parse(
            text,
            path=path,
            language=language,
            detect_language=detect_language,
            identifier=identifier,
            encoding=encoding,
            diagnostics=diagnostics,
            sentences=sentences,
        )


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
    *,
    path: str | None = None,
    language: str | None = None,
    detect_language: bool = True,
    identifier: Any = None,
    encoding: str | None = None,
    diagnostics: Sequence[Diagnostic] = (),
    sentences: bool = True,
) -> Transcript:
    """The parser proper; see ``parse``."""
    diags: list[Diagnostic] = list(diagnostics)
    view = match_view(text)
    if not text:
        diags.append(_diag("P002", Severity.WARNING, "empty input: no turns"))
        return Transcript(text=text, path=path, encoding=encoding, diagnostics=tuple(diags))
    if not view.strip():
        diags.append(_diag("P005", Severity.WARNING, "input is only whitespace: no turns"))
        block = Block(start=0, end=len(text), kind=BlockKind.WHITESPACE, text=text)
        return Transcript(
            text=text, path=path, encoding=encoding, blocks=(block,), diagnostics=tuple(diags)
        )
    diags.extend(find_mojibake(text))

    found = _find_markers(view)
    all_markers = [m.model_copy(update={"text": text[m.start : m.end]}) for m, _ in found]
    specs = {m.start: spec for (m, spec) in found}
    marker_starts = [m.start for m in all_markers]

    separators = [(m.start(), m.end()) for m in _SEPARATOR.finditer(view)]
    heads = _colon_heads(view)
    orphans: list[int] = []
    if separators:
        block_heads, orphans = _block_heads(view, separators, {h.start for h in heads}, specs)
        heads = sorted(heads + block_heads, key=lambda h: h.start)

    if not heads:
        diags.append(
            _diag(
                "P001",
                Severity.WARNING,
                "no speaker labels found (e.g. 'SECRETARY BLINKEN:' or a gob.mx block); the whole text is one unattributed block",
            )
        )
        block = Block(
            start=0,
            end=len(text),
            kind=BlockKind.UNATTRIBUTED,
            text=text,
            reason="no speaker labels",
        )
        return Transcript(
            text=text,
            path=path,
            encoding=encoding,
            title=_first_line(text, view),
            blocks=(block,),
            diagnostics=tuple(diags),
        )

    for orphan in orphans:
        diags.append(
            _diag(
                "P007",
                Severity.INFO,
                "text after a '---' separator has no speaker label",
                orphan,
                text,
            )
        )

    # regions: a turn runs to the next head or separator
    stops = sorted([h.start for h in heads] + [s for s, _ in separators] + [len(text)])
    raws = []
    for head in heads:
        region_end = stops[bisect.bisect_right(stops, head.start)]
        raws.append(_RawTurn(head, max(region_end, head.head_end)))

    content: list[Block] = []
    fields: list[HeaderField] = []
    first_stop = min(heads[0].start, separators[0][0] if separators else len(text))
    content += _classify_lines(
        text,
        view,
        0,
        first_stop,
        header=True,
        fields=fields,
        reason="text before the first speaker label",
    )

    # trailing chrome: cut it from the last region (turn or not)
    last_raw = raws[-1]
    if last_raw.region_end == len(text):
        tail_scan = _after_first_line(view, last_raw.head.head_end)
    else:
        tail_scan = separators[-1][1]
    tail = _tail_start(view, tail_scan, len(text))
    if tail is not None:
        if last_raw.region_end == len(text):
            last_raw.region_end = tail
        content += _boilerplate_blocks(text, view, tail, len(text))
    text_end = tail if tail is not None else len(text)

    for sep_start, sep_end in separators:
        s, e = _trim(view, sep_start, sep_end)
        content.append(
            Block(
                start=s, end=e, kind=BlockKind.SEPARATOR, text=text[s:e], reason="block separator"
            )
        )
    # text after a separator that no head claims
    head_starts = [h.start for h in heads]
    for index, (_, sep_end) in enumerate(separators):
        nxt = separators[index + 1][0] if index + 1 < len(separators) else text_end
        i = bisect.bisect_left(head_starts, sep_end)
        gap_end = min(nxt, head_starts[i]) if i < len(head_starts) else nxt
        gap_end = min(gap_end, text_end)
        if gap_end <= sep_end:
            continue
        content += _classify_lines(
            text,
            view,
            sep_end,
            gap_end,
            header=False,
            fields=fields,
            reason="no speaker label after the separator",
        )

    for raw in raws:
        raw.body_start, raw.body_end = _trim(view, raw.head.head_end, raw.region_end)
        if raw.body_start == raw.body_end:
            raw.body_start = raw.body_end = raw.head.head_end

    label_texts = [text[r.head.start : r.head.label_end] for r in raws]
    speakers, speaker_ids = build_speakers(label_texts)

    ident, unavailable = _get_identifier(detect_language, identifier)
    if unavailable:
        diags.append(
            _diag(
                "P006",
                Severity.INFO,
                "language identification unavailable (interp_align.langid missing); turn languages are defaults",
            )
        )

    # leading markers, content start, detected body language
    prepared = []
    for raw in raws:
        end = (
            raw.body_end
            if raw.body_end > raw.body_start
            else _trim(view, raw.head.start, raw.head.head_end)[1]
        )
        lo = bisect.bisect_left(marker_starts, raw.head.start)
        hi = bisect.bisect_left(marker_starts, end)
        turn_markers = tuple(m for m in all_markers[lo:hi] if m.end <= end)
        leading, content_start = _leading(view, raw, turn_markers)
        detected = (
            ident.detect(text[content_start : raw.body_end])
            if ident is not None and content_start < raw.body_end
            else None
        )
        prepared.append((raw, end, turn_markers, leading, content_start, detected))

    if language is not None:
        record = LanguageTag(code=language, confidence=1.0, source=LanguageSource.DEFAULT)
    else:
        votes = Counter(d.code for *_, d in prepared if d is not None)
        if votes:
            code, count = sorted(votes.items(), key=lambda kv: (-kv[1], kv[0]))[0]
            record = LanguageTag(
                code=code,
                confidence=round(count / sum(votes.values()), 4),
                source=LanguageSource.DETECTED,
            )
        else:
            record = _guess_language(view)

    split = split_sentences
    turns = []
    for index, (
        (raw, end, turn_markers, leading, content_start, detected),
        speaker_id,
    ) in enumerate(zip(prepared, speaker_ids, strict=True)):
        interpretation = _interpretation(leading, specs, record.code, text, turn_markers, raw)
        declared = interpretation.target_language if interpretation.interpreted else None
        if detected is not None:
            turn_language: LanguageTag | None = detected
        elif declared is not None:
            turn_language = LanguageTag(code=declared, confidence=1.0, source=LanguageSource.MARKER)
        else:
            turn_language = LanguageTag(
                code=record.code, confidence=record.confidence, source=LanguageSource.DEFAULT
            )
        turn_sentences = (
            _sentences(split, text, content_start, raw.body_end, turn_markers, turn_language, ident)
            if sentences
            else ()
        )
        turns.append(
            Turn(
                index=index,
                start=raw.head.start,
                end=end,
                speaker_id=speaker_id,
                label=Span(start=raw.head.start, end=raw.head.label_end),
                label_text=text[raw.head.start : raw.head.label_end],
                body_start=raw.body_start,
                body_end=raw.body_end,
                text=text[raw.head.start : end],
                body=text[raw.body_start : raw.body_end],
                interpretation=interpretation,
                markers=turn_markers,
                sentences=turn_sentences,
                language=turn_language,
                declared_language=declared,
            )
        )
        content.append(
            Block(
                start=raw.head.start,
                end=end,
                kind=BlockKind.TURN,
                text=text[raw.head.start : end],
                turn_index=index,
            )
        )

    title = next((f.text for f in fields if f.kind is HeaderFieldKind.TITLE), None)
    return Transcript(
        text=text,
        path=path,
        encoding=encoding,
        language=record,
        title=title,
        header=tuple(fields),
        speakers=speakers,
        turns=tuple(turns),
        blocks=_tile(text, view, content),
        diagnostics=tuple(diags),
    )


def _first_line(text: str, view: str) -> str | None:
    for s, e in _lines(view, 0, len(view)):
        a, b = _trim(view, s, e)
        if a < b:
            return text[a:b]
    return None


def _after_first_line(view: str, start: int) -> int:
    """Offset after the first non-blank line at or after ``start``: a turn's first line is never chrome."""
    for s, e in _lines(view, start, len(view)):
        if view[s:e].strip():
            return min(e + 1, len(view))
    return len(view)


def _leading(view: str, raw: _RawTurn, turn_markers: Sequence[Marker]) -> tuple[list[Marker], int]:
    """Markers right after the label (before any words), and where the words start."""
    pos = raw.head.label_end
    leading = []
    for marker in turn_markers:
        if marker.start < pos:
            continue
        gap = _LEADING_GAP.match(view, pos, marker.start)
        if gap is None or gap.end() != marker.start:
            break
        leading.append(marker)
        pos = marker.end
    start = raw.body_start
    for (
        marker
    ) in leading:  # words start after the interpreter/language notes, not after "(Inaudible)"
        if marker.kind not in (MarkerKind.INTERPRETER_NOTE, MarkerKind.LANGUAGE_NOTE):
            break
        gap = _LEADING_GAP.match(view, max(marker.end, start), raw.body_end)
        start = gap.end() if gap else max(marker.end, start)
    return leading, min(max(start, raw.body_start), raw.body_end)


def _interpretation(
    leading: Sequence[Marker],
    specs: dict[int, markers.MarkerSpec],
    record: str,
    text: str,
    turn_markers: Sequence[Marker],
    raw: _RawTurn,
) -> Interpretation:
    declaring = next((m for m in leading if specs[m.start].interpretation), None)
    if declaring is None:
        return Interpretation()
    other_language = any(m.kind is MarkerKind.LANGUAGE_NOTE for m in leading)
    target = declaring.target_language or record
    source = declaring.source_language or (None if other_language else _PAIR.get(target))
    if source is not None and source == target:
        return Interpretation(marker=declaring, source_language=source, target_language=target)
    placeholder = not _has_words(
        text, raw.body_start, raw.body_end, [(m.start, m.end) for m in turn_markers]
    )
    return Interpretation(
        interpreted=True,
        marker=declaring,
        source_language=source,
        target_language=target,
        placeholder=placeholder,
    )


def _unmarked(text: str, start: int, end: int, spans: Sequence[tuple[int, int]]) -> str:
    """``text[start:end]`` with the given (sorted) spans blanked out."""
    pieces, pos = [], start
    for lo, hi in spans:
        lo, hi = max(lo, start), min(hi, end)
        if lo >= hi:
            continue
        pieces.append(text[pos:lo] if lo > pos else "")
        pieces.append(" ")
        pos = max(pos, hi)
    pieces.append(text[pos:end])
    return "".join(pieces)


def _has_words(text: str, start: int, end: int, spans: Sequence[tuple[int, int]]) -> bool:
    """Whether ``text[start:end]`` has a letter or digit outside the spans (markers)."""
    return _WORDLIKE.search(_unmarked(text, start, end, spans)) is not None


def _sentences(
    split: Callable[..., list[tuple[int, int]]],
    text: str,
    start: int,
    end: int,
    turn_markers: Sequence[Marker],
    turn_language: LanguageTag | None,
    ident: _Identifier | None,
) -> tuple[Sentence, ...]:
    if start >= end:
        return ()
    chunk = text[start:end]
    protected = [
        (m.start - start, m.end - start) for m in turn_markers if m.start >= start and m.end <= end
    ]
    code = turn_language.code if turn_language is not None else "en"
    out: list[Sentence] = []
    for s, e in split(
        chunk, 0, len(chunk), language=code if code in ("en", "es") else "en", protected=protected
    ):
        sentence_text = chunk[s:e]
        inside = [(ps, pe) for ps, pe in protected if ps >= s and pe <= e]
        masked = _unmarked(chunk, s, e, inside) if inside else sentence_text
        if _WORDLIKE.search(masked) is None:
            continue  # only a marker or punctuation: not a sentence
        tag = ident.detect(sentence_text) if ident is not None else None
        switch = bool(
            tag is not None
            and turn_language is not None
            and tag.code != turn_language.code
            and tag.confidence >= CODE_SWITCH_MIN_CONFIDENCE
            and len(masked.split()) >= 2
        )
        out.append(
            Sentence(
                start=start + s,
                end=start + e,
                index=len(out),
                text=sentence_text,
                language=tag,
                code_switch=switch,
            )
        )
    return tuple(out)


def _tile(text: str, view: str, content: list[Block]) -> tuple[Block, ...]:
    """Sort the content blocks and fill every gap, so the blocks tile ``text`` exactly."""
    tiles: list[Block] = []
    pos = 0
    for block in sorted(content, key=lambda b: (b.start, b.end)):
        if block.start < pos or block.end <= block.start:
            continue  # defensive: an empty or overlapping block never breaks the tiling
        if block.start > pos:
            tiles.append(_gap(text, view, pos, block.start))
        tiles.append(block)
        pos = block.end
    if pos < len(text):
        tiles.append(_gap(text, view, pos, len(text)))
    return tuple(tiles)


def _gap(text: str, view: str, start: int, end: int) -> Block:
    if view[start:end].strip():
        return Block(
            start=start,
            end=end,
            kind=BlockKind.UNATTRIBUTED,
            text=text[start:end],
            reason="unclassified text",
        )
    return Block(start=start, end=end, kind=BlockKind.WHITESPACE, text=text[start:end])


def read(
    path: str | os.PathLike[str],
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    errors: Errors = "strict",
    **kw: Any,
) -> Transcript:
    """Read, decode (see ``io.read_text``) and parse a transcript file; keeps the encoding and decode diagnostics."""
    decoded = read_text(path, max_bytes=max_bytes, errors=errors)
    return parse(
        decoded.text,
        path=os.fspath(path),
        encoding=decoded.encoding,
        diagnostics=decoded.diagnostics,
        **kw,
    )

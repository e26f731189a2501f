"""Exports of an :class:`~interp_align.models.Alignment` in the formats other tools read.

* **TMX 1.4b** for translation-memory and corpus tools (speaker, turns, bead
  kind and confidence as ``<prop>``); read back with :func:`read_tmx`, which
  parses with defusedxml so entity-expansion attacks are refused.
* **JSONL** (one bead per line, with texts and offsets) for scripts.
* **TSV** for spreadsheets, **Moses** parallel files for MT toolkits.
* ``format_alignment`` — the readable aligned view the CLI prints by default.

All of them are built from :func:`aligned_segments`, which resolves bead
indices to texts and source offsets once.
"""

from __future__ import annotations

import json
import textwrap
from collections.abc import Iterable
from datetime import datetime, timezone
from xml.sax.saxutils import escape, quoteattr

from pydantic import BaseModel, ConfigDict

from ._version import __version__
from .errors import ParseError
from .models import Alignment, Transcript, Turn

__all__ = [
    "AlignedSegment",
    "TranslationUnit",
    "aligned_segments",
    "format_alignment",
    "read_tmx",
    "to_jsonl",
    "to_moses",
    "to_tmx",
    "to_tsv",
]


class AlignedSegment(BaseModel):
    """One bead resolved to text: what the Spanish record says beside what the English says."""

    model_config = ConfigDict(frozen=True)

    pair_index: int
    english_turn: int | None
    spanish_turn: int | None
    speaker: str
    original_language: str | None
    kind: str
    confidence: float
    spanish_sentences: tuple[int, ...]
    english_sentences: tuple[int, ...]
    spanish: str
    english: str
    spanish_spans: tuple[tuple[int, int], ...]
    english_spans: tuple[tuple[int, int], ...]


def _speaker_name(transcript: Transcript, turn: Turn) -> str:
    speaker = transcript.speaker(turn.speaker_id)
    return speaker.name or speaker.role or turn.label_text


def aligned_segments(alignment: Alignment) -> list[AlignedSegment]:
    """Every bead of every turn pair, resolved to texts and ``(start, end)`` offsets."""
    segments = []
    for pair_index, pair in enumerate(alignment.pairs):
        en_turn = alignment.english.turns[pair.english_turn] if pair.english_turn is not None else None
        es_turn = alignment.spanish.turns[pair.spanish_turn] if pair.spanish_turn is not None else None
        if en_turn is not None:
            speaker = _speaker_name(alignment.english, en_turn)
        elif es_turn is not None:
            speaker = _speaker_name(alignment.spanish, es_turn)
        else:  # pragma: no cover - a pair always has one side
            speaker = ""
        for bead in pair.beads:
            es_sents = [es_turn.sentences[k] for k in bead.src] if es_turn else []
            en_sents = [en_turn.sentences[k] for k in bead.tgt] if en_turn else []
            segments.append(
                AlignedSegment(
                    pair_index=pair_index,
                    english_turn=pair.english_turn,
                    spanish_turn=pair.spanish_turn,
                    speaker=speaker,
                    original_language=pair.original_language,
                    kind=bead.kind,
                    confidence=bead.confidence,
                    spanish_sentences=bead.src,
                    english_sentences=bead.tgt,
                    spanish=" ".join(" ".join(s.text.split()) for s in es_sents),
                    english=" ".join(" ".join(s.text.split()) for s in en_sents),
                    spanish_spans=tuple((s.start, s.end) for s in es_sents),
                    english_spans=tuple((s.start, s.end) for s in en_sents),
                )
            )
    return segments


# --- TMX 1.4b -----------------------------------------------------------------

_XML_ALLOWED = {0x9, 0xA, 0xD}


def _xml_text(text: str) -> str:
    """Escape for XML 1.0 element content; characters XML cannot carry become ``<ph>`` codes.

    Control characters (U+0000–U+001F except tab/newline/CR, U+FFFE/U+FFFF) are
    not allowed in XML 1.0 at all, not even as references, so they are written
    as ``<ph type="x-char" x="N"/>`` and restored by :func:`read_tmx` — nothing
    is lost.
    """
    out = []
    for char in text:
        code = ord(char)
        if (code < 0x20 and code not in _XML_ALLOWED) or code in (0xFFFE, 0xFFFF) or 0xD800 <= code <= 0xDFFF:
            out.append(f'<ph type="x-char" x="{code}"/>')
        elif char == "\r":  # a literal CR would be normalised to LF by every XML parser
            out.append("&#13;")
        else:
            out.append(escape(char, {'"': "&quot;"}))
    return "".join(out)


def to_tmx(alignment: Alignment, *, include_empty: bool = False, created: datetime | None = None) -> str:
    """A TMX 1.4b document with one ``<tu>`` per bead (omissions/additions only if ``include_empty``).

    ``created`` fixes the ``creationdate`` for reproducible output; by default
    it is the Unix epoch so the same alignment always gives the same bytes.
    """
    when = (created or datetime(1970, 1, 1, tzinfo=timezone.utc)).strftime("%Y%m%dT%H%M%SZ")
    lines = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<tmx version="1.4">',
        f'  <header creationtool="interp_align" creationtoolversion={quoteattr(__version__)} '
        f'segtype="block" o-tmf="interp_align-jsonl" adminlang="en" srclang="es" '
        f'datatype="plaintext" creationdate="{when}">',
        f'    <prop type="x-signature">{_xml_text(alignment.signature)}</prop>',
        "  </header>",
        "  <body>",
    ]
    for seg in aligned_segments(alignment):
        if not include_empty and (not seg.spanish or not seg.english):
            continue
        props = {
            "x-speaker": seg.speaker,
            "x-english-turn": "" if seg.english_turn is None else str(seg.english_turn),
            "x-spanish-turn": "" if seg.spanish_turn is None else str(seg.spanish_turn),
            "x-bead": seg.kind,
            "x-confidence": f"{seg.confidence:.4f}",
            "x-original-language": seg.original_language or "",
        }
        lines.append("    <tu>")
        lines.extend(f"      <prop type={quoteattr(k)}>{_xml_text(v)}</prop>" for k, v in props.items())
        for lang, text in (("es", seg.spanish), ("en", seg.english)):
            lines.append(f'      <tuv xml:lang="{lang}"><seg>{_xml_text(text)}</seg></tuv>')
        lines.append("    </tu>")
    lines += ["  </body>", "</tmx>", ""]
    return "\n".join(lines)


class TranslationUnit(BaseModel):
    """A ``<tu>`` read back from TMX: segment text per language and its properties."""

    model_config = ConfigDict(frozen=True)

    segments: dict[str, str]
    props: dict[str, str]


def _seg_text(element: object) -> str:
    """Text of a ``<seg>``, restoring ``<ph type="x-char">`` codes written by :func:`to_tmx`."""
    parts = [element.text or ""]  # type: ignore[attr-defined]
    for child in element:  # type: ignore[attr-defined]
        if child.tag == "ph" and child.get("type") == "x-char":
            parts.append(chr(int(child.get("x"))))
        else:
            parts.append("".join(child.itertext()))
        parts.append(child.tail or "")
    return "".join(parts)


def read_tmx(text: str | bytes) -> list[TranslationUnit]:
    """Read the translation units of a TMX document, refusing DTDs and entity tricks."""
    from defusedxml import DefusedXmlException
    from defusedxml.ElementTree import ParseError as XmlParseError
    from defusedxml.ElementTree import fromstring

    try:
        root = fromstring(text, forbid_dtd=True)
    except (DefusedXmlException, XmlParseError) as exc:
        raise ParseError(f"not a safe, well-formed TMX document: {exc}") from exc
    if root.tag != "tmx" or root.find("header") is None:
        raise ParseError("not a TMX document: no <tmx> root with a <header>")
    units = []
    lang_key = "{http://www.w3.org/XML/1998/namespace}lang"
    for tu in root.iter("tu"):
        props = {p.get("type", ""): "".join(p.itertext()) for p in tu.findall("prop")}
        segments = {}
        for tuv in tu.findall("tuv"):
            seg = tuv.find("seg")
            segments[tuv.get(lang_key, "")] = _seg_text(seg) if seg is not None else ""
        units.append(TranslationUnit(segments=segments, props=props))
    return units


# --- line formats -------------------------------------------------------------


def to_jsonl(alignment: Alignment) -> str:
    """One JSON object per bead (omissions and additions included), UTF-8, newline-terminated."""
    return "".join(seg.model_dump_json() + "\n" for seg in aligned_segments(alignment))


def _tsv_cell(text: str) -> str:
    return text.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r")


def to_tsv(alignment: Alignment) -> str:
    """Tab-separated rows with a header; tabs/newlines inside cells are backslash-escaped."""
    header = ["pair", "speaker", "english_turn", "spanish_turn", "bead", "confidence", "spanish", "english"]
    rows = ["\t".join(header)]
    for seg in aligned_segments(alignment):
        cells = [
            str(seg.pair_index),
            seg.speaker,
            "" if seg.english_turn is None else str(seg.english_turn),
            "" if seg.spanish_turn is None else str(seg.spanish_turn),
            seg.kind,
            f"{seg.confidence:.4f}",
            seg.spanish,
            seg.english,
        ]
        rows.append("\t".join(_tsv_cell(c) for c in cells))
    return "\n".join(rows) + "\n"


def to_moses(alignment: Alignment) -> tuple[str, str]:
    """Moses-style parallel files ``(spanish, english)``: line *k* of each is one bead.

    Omissions and additions are left out, as MT training data wants only pairs.
    """
    es_lines, en_lines = [], []
    for seg in aligned_segments(alignment):
        if seg.spanish and seg.english:
            es_lines.append(seg.spanish.replace("\n", " "))
            en_lines.append(seg.english.replace("\n", " "))
    return "\n".join(es_lines) + ("\n" if es_lines else ""), "\n".join(en_lines) + ("\n" if en_lines else "")


# --- readable view --------------------------------------------------------------


def _wrap(prefix: str, text: str, width: int) -> Iterable[str]:
    lines = textwrap.wrap(text, width=max(20, width - len(prefix))) or [""]
    yield prefix + lines[0]
    for line in lines[1:]:
        yield " " * len(prefix) + line


def format_alignment(alignment: Alignment, *, width: int = 100) -> str:
    """The aligned view for people: each turn pair, then its beads, Spanish above English."""
    out: list[str] = [f"Alignment  ({alignment.signature})"]
    segments = aligned_segments(alignment)
    by_pair: dict[int, list[AlignedSegment]] = {}
    for seg in segments:
        by_pair.setdefault(seg.pair_index, []).append(seg)
    for index, pair in enumerate(alignment.pairs):
        en = alignment.english.turns[pair.english_turn] if pair.english_turn is not None else None
        es = alignment.spanish.turns[pair.spanish_turn] if pair.spanish_turn is not None else None
        en_label = f"EN#{en.index} {en.label_text}" if en else "EN —"
        es_label = f"ES#{es.index} {es.label_text}" if es else "ES —"
        direction = {"es": "es→en", "en": "en→es"}.get(pair.original_language or "", "")
        out.append("")
        out.append(f"== {en_label}  ⇄  {es_label}  {direction}  confidence {pair.confidence:.2f}")
        if en is not None and es is not None and not pair.beads:
            out.append("   (no sentences to align: placeholder or empty turn)")
        for seg in by_pair.get(index, []):
            note = ""
            if not seg.english:
                note = "  OMITTED in English" if pair.original_language == "es" else "  only in Spanish"
            elif not seg.spanish:
                note = "  ADDED in English" if pair.original_language == "es" else "  only in English"
            out.append(f"  [{seg.kind} {seg.confidence:.2f}]{note}")
            if seg.spanish:
                out.extend(_wrap("    es │ ", seg.spanish, width))
            if seg.english:
                out.extend(_wrap("    en │ ", seg.english, width))
    return "\n".join(out) + "\n"


def dumps_json(alignment: Alignment) -> str:
    """The whole alignment as JSON (both transcripts included, so it stands alone)."""
    return json.dumps(json.loads(alignment.model_dump_json()), ensure_ascii=False, indent=2) + "\n"

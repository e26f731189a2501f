"""A self-contained HTML report: English and Spanish side by side, findings where they occur.

One file, no network: the stylesheet and script are inlined from ``assets/``.
Rows are sentence beads; shading shows confidence; omissions and additions
are marked; numbers that disagree between the two sides are highlighted on
both. A single transcript (no Spanish record) gives the same page with one
column: turns, sentences, markers and findings.

Everything user-derived goes through :func:`html.escape`; the only markup
inserted into texts is ``<mark>`` around spans computed here.
"""

from __future__ import annotations

import html
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from importlib import resources
from typing import Any

from .._version import __version__
from ..models import Alignment, MarkerKind, Transcript, Turn

__all__ = ["render_report"]

_GAP_KINDS = {
    MarkerKind.INAUDIBLE,
    MarkerKind.UNINTELLIGIBLE,
    MarkerKind.CROSSTALK,
    MarkerKind.OFF_MIC,
    MarkerKind.TRANSMISSION_FAILURE,
}
_LOW_CONFIDENCE = 0.5


@dataclass(frozen=True)
class _Note:
    """A finding reduced to what the page shows."""

    rule: str
    name: str
    severity: str
    message: str
    start: int | None
    end: int | None
    side: str  # "en" or "es": which transcript its offsets point into
    key: tuple[str, int] = ("", 0)  # the finding it comes from: one finding is shown in one row
    related: bool = False  # a related location (e.g. the Spanish sentence an omission leaves out)


def _asset(name: str) -> str:
    return resources.files("interp_align.report").joinpath("assets", name).read_text(encoding="utf-8")


def _notes(report: Any, side: str, other_path: str | None = None) -> list[_Note]:
    """Findings of a :class:`~interp_align.quality.QualityReport` as page notes.

    A finding's ``location`` points into the checked record (``side``) unless
    its path is the other record's; ``related`` locations (the Spanish side of
    a fidelity finding) become notes on the other side too.
    """
    if report is None:
        return []
    other = "es" if side == "en" else "en"
    notes = []
    for number, finding in enumerate(report.findings):
        locations = [finding.location, *finding.related]
        for k, location in enumerate(locations):
            on_other = other_path is not None and location.path == other_path
            notes.append(
                _Note(
                    rule=finding.rule,
                    name=finding.name,
                    severity=finding.severity.value,
                    message=finding.message,
                    start=location.start,
                    end=location.end,
                    side=other if on_other else side,
                    key=(side, number),
                    related=k > 0,
                )
            )
    return notes


def _numbers(text: str, language: str) -> list[tuple[int, int, float]]:
    from ..numbers import extract_quantities

    try:
        return [(q.start, q.end, float(q.value)) for q in extract_quantities(text, language)]
    except Exception:  # a display aid must never break the report
        return []


def _marked(text: str, spans: Iterable[tuple[int, int, str, str]]) -> str:
    """Escape ``text`` and wrap the given ``(start, end, css_class, title)`` spans in ``<mark>``."""
    out, pos = [], 0
    for start, end, css, title in sorted(spans):
        if start < pos or end <= start:
            continue
        out.append(html.escape(text[pos:start]))
        out.append(f'<mark class="{css}" title="{html.escape(title)}">{html.escape(text[start:end])}</mark>')
        pos = end
    out.append(html.escape(text[pos:]))
    return "".join(out)


def _sentence_html(
    transcript: Transcript, turn: Turn, indices: Sequence[int], mismatched: set[float], language: str
) -> str:
    parts = []
    for k in indices:
        sentence = turn.sentences[k]
        spans: list[tuple[int, int, str, str]] = []
        for marker in turn.markers:
            if sentence.start <= marker.start and marker.end <= sentence.end:
                css = "marker gap" if marker.kind in _GAP_KINDS else "marker"
                spans.append((marker.start - sentence.start, marker.end - sentence.start, css, marker.kind.value))
        for start, end, value in _numbers(sentence.text, language):
            if value in mismatched:
                spans.append((start, end, "num-mismatch", "number not found on the other side"))
        parts.append(_marked(sentence.text, spans))
    return " ".join(parts)


def _findings_html(notes: Sequence[_Note]) -> str:
    if not notes:
        return ""
    items = "".join(
        f'<li class="{html.escape(n.severity)}"><code>{html.escape(n.rule)}</code> '
        f"{html.escape(n.severity)}: {html.escape(n.message)}</li>"
        for n in notes
    )
    return f'<ul class="findings" aria-label="findings">{items}</ul>'


def _notes_in(notes: Sequence[_Note], side: str, spans: Iterable[tuple[int, int]]) -> list[_Note]:
    ranges = list(spans)
    return [
        n for n in notes
        if n.side == side and n.start is not None
        and any(a <= n.start < b or (n.start == a == b) for a, b in ranges)
    ]


def _row_notes(notes: Sequence[_Note], en: Turn | None, es: Turn | None, bead: Any) -> list[_Note]:
    """Notes whose location falls in a row: a bead's sentences, or a whole turn when it has no beads."""
    if bead is None:
        return (_notes_in(notes, "en", [(en.start, en.end)]) if en is not None else []) + (
            _notes_in(notes, "es", [(es.start, es.end)]) if es is not None else [])
    en_spans = [(en.sentences[k].start, en.sentences[k].end) for k in bead.tgt] if en is not None else []
    es_spans = [(es.sentences[k].start, es.sentences[k].end) for k in bead.src] if es is not None else []
    return _notes_in(notes, "en", en_spans) + _notes_in(notes, "es", es_spans)


def _homes(rows: Sequence[Sequence[_Note]]) -> dict[tuple[str, int], int]:
    """The one row that shows each finding: where its related location is, else where it is.

    An omission finding points at the English text around the gap and at the
    Spanish sentence left out; the reader wants it next to that sentence, once.
    """
    homes: dict[tuple[str, int], int] = {}
    for want_related in (True, False):
        for index, row in enumerate(rows):
            for note in row:
                if note.related == want_related:
                    homes.setdefault(note.key, index)
    return homes


def _placed(row: Sequence[_Note], index: int, homes: dict[tuple[str, int], int]) -> list[_Note]:
    seen: set[tuple[str, int]] = set()
    out = []
    for note in row:
        if homes.get(note.key) == index and note.key not in seen:
            seen.add(note.key)
            out.append(note)
    return out


def _chart(values: Sequence[tuple[str, float]], caption: str) -> str:
    """A small inline SVG bar chart (values in [0, 1]) with a text alternative."""
    if not values:
        return ""
    width, bar_h, gap = 400, 14, 4
    height = len(values) * (bar_h + gap)
    bars = []
    for i, (label, value) in enumerate(values):
        y = i * (bar_h + gap)
        w = max(1.0, value * (width - 180))
        bars.append(
            f'<text x="0" y="{y + bar_h - 3}" font-size="11">{html.escape(label[:20])}</text>'
            f'<rect x="130" y="{y}" width="{w:.1f}" height="{bar_h}" fill="#0b5cad"/>'
            f'<text x="{134 + w:.1f}" y="{y + bar_h - 3}" font-size="11">{value:.2f}</text>'
        )
    desc = "; ".join(f"{label}: {value:.2f}" for label, value in values)
    return (
        f'<figure class="chart"><svg role="img" aria-label="{html.escape(caption)}: {html.escape(desc)}" '
        f'width="{width}" height="{height}" viewBox="0 0 {width} {height}">{"".join(bars)}</svg>'
        f"<figcaption>{html.escape(caption)}</figcaption></figure>"
    )


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "speaker"


def _speaker_label(transcript: Transcript, turn: Turn) -> str:
    speaker = transcript.speaker(turn.speaker_id)
    return speaker.name or speaker.role or turn.label_text


def _page(title: str, header: str, controls: str, body: str) -> str:
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f'<meta name="generator" content="interp_align {html.escape(__version__)}">'
        f"<title>{html.escape(title)}</title><style>{_asset('report.css')}</style></head>"
        f'<body><a class="skip" href="#content">Skip to the transcript</a>{header}{controls}'
        f'<main id="content">{body}</main><script>{_asset("report.js")}</script></body></html>\n'
    )


def _controls(rules: Iterable[str], speakers: Iterable[tuple[str, str]]) -> str:
    rule_opts = "".join(f'<option value="{html.escape(r)}">{html.escape(r)}</option>' for r in sorted(set(rules)))
    speaker_opts = "".join(
        f'<option value="{html.escape(sid)}">{html.escape(name)}</option>' for sid, name in dict(speakers).items()
    )
    return (
        '<form class="controls" role="search" aria-label="Filter rows" onsubmit="return false">'
        f'<label for="filter-rule">Rule<select id="filter-rule"><option value="">all rules</option>{rule_opts}</select></label>'
        f'<label for="filter-speaker">Speaker<select id="filter-speaker"><option value="">all speakers</option>{speaker_opts}</select></label>'
        '<label for="filter-problems">Problems only<input type="checkbox" id="filter-problems"></label>'
        '<button type="button" id="filter-reset">Reset</button>'
        '<span class="count" id="visible-count" aria-live="polite"></span>'
        '<span class="count keys">Keys: j/k rows · n/p problems · / filters</span>'
        "</form>"
    )


def _summary(items: Sequence[tuple[str, object]]) -> str:
    return '<ul class="summary">' + "".join(f"<li>{html.escape(k)} <b>{v}</b></li>" for k, v in items) + "</ul>"


def render_report(
    english: Transcript,
    spanish: Transcript | None = None,
    alignment: Alignment | None = None,
    report: Any = None,
    original_report: Any = None,
) -> str:
    """The report page as one HTML string.

    ``report`` is the :class:`~interp_align.quality.QualityReport` of the
    English record (its findings are placed where they occur);
    ``original_report`` the same for the Spanish record, when given.
    """
    other_path = spanish.path if spanish is not None else None
    notes = _notes(report, "en", other_path) + _notes(original_report, "es", english.path)
    title = english.title or (english.path or "Transcript")
    speakers_en = [(_slug(s.id), s.name or s.role or s.id) for s in english.speakers]
    severity_counts = Counter(n.severity for n in notes)
    if spanish is not None and alignment is not None:
        body, rows, pair_conf, stats = _aligned_body(english, spanish, alignment, notes)
        chart = _chart(pair_conf, "Alignment confidence per turn pair")
        items: list[tuple[str, object]] = [
            ("turns (en/es)", f"{len(english.turns)}/{len(spanish.turns)}"),
            ("interpreted turns", sum(t.interpretation.interpreted for t in english.turns)),
            ("paired turns", stats["paired"]),
            ("aligned rows", rows),
            ("omissions", stats["omissions"]),
            ("additions", stats["additions"]),
            ("number mismatches", stats["mismatches"]),
        ]
    else:
        body, rows, per_speaker = _single_body(english, notes)
        chart = _chart(per_speaker, "Findings per speaker (share of all findings)")
        items = [
            ("turns", len(english.turns)),
            ("interpreted turns", sum(t.interpretation.interpreted for t in english.turns)),
            ("sentences", rows),
        ]
    items += [(f"{sev} findings", severity_counts.get(sev, 0)) for sev in ("error", "warning", "info")]
    speakers = ", ".join(html.escape(name) for _, name in speakers_en)
    header = (
        f'<header class="top"><h1>{html.escape(title)}</h1>'
        f'<p class="meta">{html.escape(" · ".join(h.text for h in english.header[1:3]))}</p>'
        f'<p class="speakers">Speakers: {speakers}</p>{_summary(items)}{chart}</header>'
    )
    return _page(title, header, _controls((n.rule for n in notes), speakers_en), body)


def _aligned_body(
    english: Transcript, spanish: Transcript, alignment: Alignment, notes: Sequence[_Note]
) -> tuple[str, int, list[tuple[str, float]], Counter[str]]:
    stats: Counter[str] = Counter()
    sections, rows, pair_conf = [], 0, []
    raw = []
    for pair in alignment.pairs:
        en_turn = english.turns[pair.english_turn] if pair.english_turn is not None else None
        es_turn = spanish.turns[pair.spanish_turn] if pair.spanish_turn is not None else None
        raw += [_row_notes(notes, en_turn, es_turn, bead) for bead in pair.beads] or [
            _row_notes(notes, en_turn, es_turn, None)]
    homes = _homes(raw)
    for index, pair in enumerate(alignment.pairs):
        en = english.turns[pair.english_turn] if pair.english_turn is not None else None
        es = spanish.turns[pair.spanish_turn] if pair.spanish_turn is not None else None
        anchor = en or es
        assert anchor is not None
        who = _speaker_label(english if en else spanish, anchor)
        sid = _slug(anchor.speaker_id) if en else _slug(who)
        if en is not None and es is not None:
            stats["paired"] += 1
            pair_conf.append((f"{index + 1}. {who}", pair.confidence))
        direction = {"es": "Spanish original, interpreted into English",
                     "en": "English original, interpreted into Spanish"}.get(pair.original_language or "", "")
        head = (
            f'<h2 id="pair-{index}">{html.escape(who)} <span class="dir">'
            f"EN #{'' if en is None else en.index} · ES #{'' if es is None else es.index}"
            f"{' · ' + html.escape(direction) if direction else ''} · confidence {pair.confidence:.2f}</span></h2>"
        )
        trs = []
        for bead in pair.beads:
            es_sents = [es.sentences[k] for k in bead.src] if es else []
            en_sents = [en.sentences[k] for k in bead.tgt] if en else []
            es_vals = {v for s in es_sents for _, _, v in _numbers(s.text, "es")}
            en_vals = {v for s in en_sents for _, _, v in _numbers(s.text, "en")}
            mismatched = (es_vals ^ en_vals) if es_sents and en_sents else set()
            stats["mismatches"] += len(mismatched)
            row_notes = _placed(raw[rows], rows, homes)
            css = ["bead"]
            if bead.is_omission:
                css.append("omission")
                stats["omissions"] += 1
            if bead.is_addition:
                css.append("addition")
                stats["additions"] += 1
            if bead.confidence < _LOW_CONFIDENCE:
                css.append("lowconf")
            problem = bool(bead.is_omission or bead.is_addition or mismatched or row_notes
                           or bead.confidence < _LOW_CONFIDENCE)
            es_html = _sentence_html(spanish, es, bead.src, mismatched, "es") if es else ""
            en_html = _sentence_html(english, en, bead.tgt, mismatched, "en") if en else ""
            if bead.is_omission:  # said in words, not only by colour
                en_html = '<span class="gap-note">omitted in the interpretation</span>' + en_html
            if bead.is_addition:
                es_html = '<span class="gap-note">not in the original</span>' + es_html
            rules = " ".join(sorted({n.rule for n in row_notes}))
            trs.append(
                f'<tr class="{" ".join(css)}" tabindex="0" data-row data-speaker="{html.escape(sid)}" '
                f'data-rules="{html.escape(rules)}" data-problem="{int(problem)}" data-kind="{bead.kind}">'
                f'<td class="k">{bead.kind} <span class="conf" title="confidence {bead.confidence:.2f}">'
                f'<span style="width:{bead.confidence * 100:.0f}%"></span></span> {bead.confidence:.2f}</td>'
                f'<td class="es" lang="es">{es_html}</td><td class="en" lang="en">{en_html}'
                f"{_findings_html(row_notes)}</td></tr>"
            )
            rows += 1
        if not pair.beads:
            turn_notes = _placed(raw[rows], rows, homes)
            es_txt = html.escape(" ".join(es.body.split())) if es else ""
            en_txt = html.escape(" ".join(en.body.split())) if en else ""
            kind = "only in one record" if en is None or es is None else "not aligned (placeholder or empty)"
            rules = " ".join(sorted({n.rule for n in turn_notes}))
            trs.append(
                f'<tr class="bead" tabindex="0" data-row data-speaker="{html.escape(sid)}" '
                f'data-rules="{html.escape(rules)}" data-problem="{int(bool(turn_notes))}" data-kind="turn">'
                f'<td class="k">{kind}</td><td class="es" lang="es">{es_txt}</td>'
                f'<td class="en" lang="en">{en_txt}{_findings_html(turn_notes)}</td></tr>'
            )
            rows += 1
        table = (
            '<table class="beads"><thead><tr><th scope="col" class="k">Bead</th>'
            '<th scope="col">Spanish record</th><th scope="col">English record</th></tr></thead>'
            f"<tbody>{''.join(trs)}</tbody></table>"
        )
        turns = f'data-en-turn="{"" if en is None else en.index}" data-es-turn="{"" if es is None else es.index}"'
        sections.append(f'<section class="pair" aria-labelledby="pair-{index}" {turns}>{head}{table}</section>')
    return "".join(sections), rows, pair_conf, stats


def _single_body(english: Transcript, notes: Sequence[_Note]) -> tuple[str, int, list[tuple[str, float]]]:
    sections, rows = [], 0
    per_speaker: Counter[str] = Counter()
    by_turn: dict[int, list[_Note]] = defaultdict(list)
    for note in notes:
        for turn in english.turns:
            if note.start is not None and turn.start <= note.start < max(turn.end, turn.start + 1):
                by_turn[turn.index].append(note)
                per_speaker[_speaker_label(english, turn)] += 1
    for turn in english.turns:
        who = _speaker_label(english, turn)
        sid = _slug(turn.speaker_id)
        flag = ""
        if turn.interpretation.interpreted:
            flag = f" · interpreted {turn.interpretation.source_language or '?'}→{turn.interpretation.target_language or '?'}"
        head = f'<h2 id="turn-{turn.index}">{html.escape(who)} <span class="dir">turn {turn.index}{html.escape(flag)}</span></h2>'
        trs = []
        for sentence in turn.sentences:
            sentence_notes = _notes_in(notes, "en", [(sentence.start, sentence.end)])
            rules = " ".join(sorted({n.rule for n in sentence_notes}))
            tag = sentence.language or english.language  # a Spanish record alone is Spanish throughout
            lang = tag.code if tag is not None else "en"
            trs.append(
                f'<tr class="bead" tabindex="0" data-row data-speaker="{html.escape(sid)}" '
                f'data-rules="{html.escape(rules)}" data-problem="{int(bool(sentence_notes))}">'
                f'<td class="k">{sentence.index}{" · " + lang if sentence.code_switch else ""}</td>'
                f'<td class="en" lang="{html.escape(lang)}">{_sentence_html(english, turn, [sentence.index], set(), lang)}'
                f"{_findings_html(sentence_notes)}</td></tr>"
            )
            rows += 1
        table = (
            '<table class="beads"><thead><tr><th scope="col" class="k">Sentence</th>'
            f"<th scope=\"col\">Text</th></tr></thead><tbody>{''.join(trs)}</tbody></table>"
        )
        sections.append(f'<section class="pair" aria-labelledby="turn-{turn.index}">{head}{table}</section>')
    total = sum(per_speaker.values()) or 1
    return "".join(sections), rows, [(k, v / total) for k, v in sorted(per_speaker.items())]

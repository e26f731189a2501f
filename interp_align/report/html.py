"""A self-contained HTML report: English and Spanish side by side, every finding where it occurs.

One file, no network: the stylesheet and script are inlined from ``assets/``.
The page says what ``check`` says and nothing else: its counts are the two
checks' counts (each finding once, however many places it names), omissions
and additions are labelled by the direction of interpretation as IA601/IA602
label them, numbers are highlighted only where IA603 reports a mismatch, and a
findings section lists every finding with a link to its row — including those
outside the turns (boilerplate, spam, a marker before the first sentence).
Rows come from :mod:`.rows`; this module only renders them.

Everything user-derived goes through :func:`html.escape`; the only markup
inserted into texts is ``<mark>`` around spans computed here.
"""

from __future__ import annotations

import html
from collections import Counter
from collections.abc import Iterable, Sequence
from importlib import resources
from typing import Any

from .._version import __version__
from ..models import Alignment, HeaderFieldKind, MarkerKind, Severity, Transcript, Turn
from .rows import Note, Row, Rows, build_rows

__all__ = ["LOW_CONFIDENCE", "render_report"]

_GAP_KINDS = {
    MarkerKind.INAUDIBLE,
    MarkerKind.UNINTELLIGIBLE,
    MarkerKind.CROSSTALK,
    MarkerKind.OFF_MIC,
    MarkerKind.TRANSMISSION_FAILURE,
}
#: Beads below this confidence are flagged on the page (bold red figure, "problems only").
LOW_CONFIDENCE = 0.5
_SEVERITIES = ("error", "warning", "info")
_RECORD = {"en": "English record", "es": "Spanish record"}


def _asset(name: str) -> str:
    return resources.files("interp_align.report").joinpath("assets", name).read_text(encoding="utf-8")


def _esc(value: object) -> str:
    return html.escape(str(value))


def _marked(text: str, spans: Iterable[tuple[int, int, str, str]]) -> str:
    """Escape ``text`` and wrap the given ``(start, end, css_class, title)`` spans in ``<mark>``."""
    out, pos = [], 0
    for start, end, css, title in sorted(spans):
        start, end = max(start, 0), min(end, len(text))
        if start < pos or end <= start:
            continue
        out.append(html.escape(text[pos:start]))
        out.append(f'<mark class="{css}" title="{html.escape(title)}">{html.escape(text[start:end])}</mark>')
        pos = end
    out.append(html.escape(text[pos:]))
    return "".join(out)


def _sentences_html(turn: Turn, indices: Sequence[int], numbers: Sequence[tuple[int, int]]) -> str:
    """The sentences' text with their markers tinted and IA603's figures highlighted."""
    parts = []
    for k in indices:
        if k >= len(turn.sentences):
            continue
        sentence = turn.sentences[k]
        spans: list[tuple[int, int, str, str]] = []
        for marker in turn.markers:
            if sentence.start <= marker.start and marker.end <= sentence.end:
                css = "marker gap" if marker.kind in _GAP_KINDS else "marker"
                spans.append((marker.start - sentence.start, marker.end - sentence.start, css, marker.kind.value))
        for start, end in numbers:
            if start < sentence.end and end > sentence.start:
                spans.append((start - sentence.start, end - sentence.start, "num-mismatch",
                              "IA603: this figure does not match the other record"))
        parts.append(_marked(sentence.text, spans))
    return " ".join(parts)


def _notes_outside_sentences(turn: Turn) -> str:
    """Interpreter and stage notes of a turn that stand outside its sentences ("(Via interpreter)")."""
    inside = [(s.start, s.end) for s in turn.sentences]
    loose = [m for m in turn.markers if not any(a <= m.start and m.end <= b for a, b in inside)]
    return "".join(f'<mark class="marker note" title="{_esc(m.kind.value)}">{_esc(m.text)}</mark> ' for m in loose)


def _finding_items(notes: Sequence[Note]) -> str:
    if not notes:
        return ""
    items = "".join(
        f'<li class="{_esc(n.finding.severity.value)}"><a href="#f-{n.key}"><code>{_esc(n.finding.rule)}</code></a> '
        f"{_esc(n.finding.severity.value)}: {_esc(n.finding.message)}</li>"
        for n in notes
    )
    return f'<ul class="findings" aria-label="findings">{items}</ul>'


def _row_attrs(row: Row, problem: bool) -> str:
    rules = " ".join(sorted({n.finding.rule for n in row.notes}))
    worst = max((n.finding.severity.rank for n in row.notes), default=-1)
    return (f'id="row-{row.index}" tabindex="0" data-row data-speaker="{_esc(row.speaker)}" data-rules="{_esc(rules)}" '
            f'data-severity="{worst}" data-problem="{int(problem)}" data-kind="{_esc(row.kind)}"')


def _bead_row(row: Row, numbers: dict[str, list[tuple[int, int]]], first: set[tuple[str, int]]) -> str:
    bead = row.bead
    confidence = bead.confidence if bead is not None else None
    cells = {}
    for side, turn, indices in (("es", row.es_turn, row.es), ("en", row.en_turn, row.en)):
        text = ""
        if turn is not None:
            if (side, turn.index) not in first:
                first.add((side, turn.index))
                text = _notes_outside_sentences(turn)
            text += _sentences_html(turn, indices, numbers[side]) if bead is not None else _esc(" ".join(turn.body.split()))
        cells[side] = text
    css = ["bead"]
    said = ""
    if row.unmatched is not None:
        css.append(row.unmatched)
        said = "es" if row.es else "en"
        empty = "en" if said == "es" else "es"
        if row.unmatched == "omission":  # said in words, not only by colour
            cells[empty] = '<span class="gap-note">omitted in the interpretation</span>' + cells[empty]
        else:
            cells[said] = '<span class="gap-note">not in the original (added in the interpretation)</span>' + cells[said]
    low = confidence is not None and confidence < LOW_CONFIDENCE
    if low:
        css.append("lowconf")
    has_numbers = any(n.finding.rule == "IA603" for n in row.notes)
    problem = bool(row.unmatched or row.notes or low or has_numbers)
    if bead is not None and confidence is not None:
        kind = (f'{bead.kind} <span class="conf" title="confidence {confidence:.2f}">'
                f'<span style="width:{confidence * 100:.0f}%"></span></span> {confidence:.2f}')
    else:
        kind = "only in one record" if row.en_turn is None or row.es_turn is None else "not aligned (placeholder or empty)"
    td = {side: f' class="{side}{" said" if said == side else ""}" lang="{side}"' for side in ("es", "en")}
    return (f'<tr class="{" ".join(css)}" {_row_attrs(row, problem)}><td class="k">{kind}</td>'
            f'<td{td["es"]}>{cells["es"]}</td><td{td["en"]}>{cells["en"]}{_finding_items(row.notes)}</td></tr>')


def _sentence_row(transcript: Transcript, row: Row, numbers: dict[str, list[tuple[int, int]]],
                  first: set[tuple[str, int]]) -> str:
    turn = row.en_turn
    assert turn is not None
    prefix = ""
    if ("en", turn.index) not in first:
        first.add(("en", turn.index))
        prefix = _notes_outside_sentences(turn)
    if row.kind == "sentence":
        sentence = turn.sentences[row.en[0]]
        tag = sentence.language or transcript.language  # a Spanish record alone is Spanish throughout
        lang = tag.code if tag is not None else "en"
        label = f'{sentence.index}{" · " + lang if sentence.code_switch else ""}'
        text = _sentences_html(turn, row.en, numbers["en"])
    else:
        tag = turn.language or transcript.language
        lang = tag.code if tag is not None else "en"
        label, text = "no sentences", _esc(" ".join(turn.body.split()))
    return (f'<tr class="bead" {_row_attrs(row, bool(row.notes))}><td class="k">{label}</td>'
            f'<td class="en" lang="{_esc(lang)}">{prefix}{text}{_finding_items(row.notes)}</td></tr>')


def _outside_row(english: Transcript, spanish: Transcript | None, row: Row, aligned: bool) -> str:
    transcript = spanish if row.block_side == "es" and spanish is not None else english
    block = row.block
    what = f"{_RECORD[row.block_side]}: {block.kind.value}" if block is not None else f"{_RECORD[row.block_side]}: empty"
    reason = f" ({block.reason})" if block is not None and block.reason else ""
    text = _esc(" ".join(block.text.split())) if block is not None else "(the record has no text)"
    lang = transcript.language.code if transcript.language is not None else row.block_side
    cells = (f'<td class="es" lang="es">{text if row.block_side == "es" else ""}</td>'
             f'<td class="en" lang="{_esc(lang if row.block_side == "en" else "en")}">'
             f'{text if row.block_side == "en" else ""}{_finding_items(row.notes)}</td>') if aligned else (
             f'<td class="en" lang="{_esc(lang)}">{text}{_finding_items(row.notes)}</td>')
    return (f'<tr class="bead outside" {_row_attrs(row, True)}><td class="k">{_esc(what)}{_esc(reason)}</td>'
            f"{cells}</tr>")


def _speaker_labels(transcript: Transcript | None) -> dict[str, str]:
    """Speaker id → the name the page shows, built once (a lookup per turn would scan every speaker)."""
    if transcript is None:
        return {}
    return {s.id: s.name or s.role or "" for s in transcript.speakers}


def _speaker_label(labels: dict[str, str], turn: Turn) -> str:
    return labels.get(turn.speaker_id) or turn.label_text


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


def _counts(report: Any, record: str, what: str) -> str:
    """A record's findings by severity, exactly as its check reports them, with data attributes for tests."""
    if report is None:
        return ""
    boxes = "".join(
        f'<li>{sev} <b data-count="{record}-{sev}">{report.count(Severity(sev))}</b></li>' for sev in _SEVERITIES)
    total = f'<li>findings <b data-count="{record}-total">{len(report.findings)}</b></li>'
    return f'<p class="counts-title">{_esc(what)}</p><ul class="summary">{total}{boxes}</ul>'


def _summary(items: Sequence[tuple[str, str, object]]) -> str:
    return '<ul class="summary">' + "".join(
        f'<li>{_esc(label)} <b data-count="{_esc(key)}">{_esc(value)}</b></li>' for key, label, value in items) + "</ul>"


def _event_line(english: Transcript, spanish: Transcript | None) -> str:
    """Date and place from the records' headers (the English one first), then the other header lines."""
    seen: list[str] = []
    for transcript in (english, spanish):
        if transcript is None:
            continue
        for kind in (HeaderFieldKind.DATE, HeaderFieldKind.PLACE):
            for field in transcript.header:
                if field.kind is kind and field.text not in seen:
                    seen.append(field.text)
    return " · ".join(seen)


def _sources(english: Transcript, spanish: Transcript | None) -> str:
    parts = []
    for record, transcript in (("en", english), ("es", spanish)):
        if transcript is not None:
            parts.append(f"{_RECORD[record] if spanish is not None else 'Record'}: <code>{_esc(transcript.path or '(no file)')}</code>"
                         f" ({_esc(transcript.encoding or 'text')}, {len(transcript.turns)} turns)")
    return " · ".join(parts)


def _settings(report: Any, original_report: Any, alignment: Alignment | None) -> str:
    rows = [("interp_align", __version__)]
    if report is not None:
        rows.append(("check (English record)" if original_report is not None else "check", report.signature))
    if original_report is not None:
        rows.append(("check (Spanish record)", original_report.signature))
    if alignment is not None:
        rows.append(("alignment", alignment.signature))
    body = "".join(f"<dt>{_esc(k)}</dt><dd><code>{_esc(v)}</code></dd>" for k, v in rows)
    return f'<details class="settings"><summary>Version and settings</summary><dl>{body}</dl></details>'


def _legend(aligned: bool) -> str:
    beads = (
        "<li><b>1-1</b>: one Spanish sentence rendered as one English sentence; <b>2-1</b>, <b>1-2</b>: "
        "sentences merged or split by the interpreter; <b>1-0</b>, <b>0-1</b>: a sentence on one side only "
        "— an <em>omission</em> when it is the original's (shaded, \"omitted in the interpretation\"), an "
        "<em>addition</em> when it is the interpretation's (\"not in the original\"), as <code>check</code> "
        "reports them (IA601, IA602).</li>"
        f"<li>The bar and figure beside each bead are the aligner's confidence (0–1); below {LOW_CONFIDENCE} the "
        "figure is bold red and the row counts as a problem.</li>"
    ) if aligned else ""
    return (
        '<details class="legend" open><summary>How to read this page</summary><ul>'
        f"{beads}"
        '<li><mark class="marker" title="example">(notes)</mark> interpreter and stage notes; '
        '<mark class="marker gap" title="example">(inaudible)</mark> gaps in the record; '
        '<mark class="num-mismatch" title="example">12</mark> a figure that does not match the other record '
        "(IA603).</li>"
        "<li>Every finding is listed under its row with its rule and severity written out, and again in "
        '<a href="#findings">Findings</a> with a link to its row. Findings outside the turns (page chrome, spam, '
        'an empty record) have rows of their own at the end.</li></ul></details>'
    )


def _controls(notes: Sequence[Note], speakers: Sequence[tuple[str, str]]) -> str:
    by_rule = Counter(n.finding.rule for n in notes)
    names = {n.finding.rule: n.finding.name for n in notes}
    rule_opts = "".join(f'<option value="{_esc(r)}">{_esc(r)} {_esc(names[r])} ({by_rule[r]})</option>'
                        for r in sorted(by_rule))
    speaker_opts = "".join(f'<option value="{_esc(sid)}">{_esc(name)}</option>' for sid, name in dict(speakers).items())
    severity_opts = "".join(f'<option value="{Severity(s).rank}">{s}{" or worse" if s != "error" else ""}</option>'
                            for s in _SEVERITIES)
    return (
        '<form class="controls" role="search" aria-label="Filter rows" onsubmit="return false">'
        f'<label for="filter-rule">Rule<select id="filter-rule"><option value="">all rules</option>{rule_opts}</select></label>'
        f'<label for="filter-severity">Severity<select id="filter-severity"><option value="">any</option>{severity_opts}</select></label>'
        f'<label for="filter-speaker">Speaker<select id="filter-speaker"><option value="">all speakers</option>{speaker_opts}</select></label>'
        '<label for="filter-text">Search<input type="search" id="filter-text" placeholder="words in the text"></label>'
        '<label for="filter-problems">Problems only<input type="checkbox" id="filter-problems"></label>'
        '<button type="button" id="filter-reset">Reset</button>'
        '<span class="count" id="visible-count" aria-live="polite"></span>'
        '<span class="count keys">Keys: j/k rows · n/p problems · / filters</span>'
        "</form>"
    )


def _findings_section(content: Rows, homes: dict[str, int], aligned: bool) -> str:
    items = []
    for note in content.notes:
        f = note.finding
        row = homes[note.key]
        where = f"line {f.location.line}:{f.location.column}"
        record = f"{_RECORD[note.record]} · " if aligned else ""
        items.append(
            f'<li id="f-{note.key}" class="{_esc(f.severity.value)}" data-finding data-rule="{_esc(f.rule)}" '
            f'data-severity="{f.severity.rank}" data-target="row-{row}">'
            f'<a href="#row-{row}"><code>{_esc(f.rule)}</code> {_esc(f.name)}</a> {_esc(f.severity.value)} · '
            f"{_esc(record)}{_esc(where)}: {_esc(f.message)}</li>"
        )
    body = f'<ol class="finding-list">{"".join(items)}</ol>' if items else "<p>No findings.</p>"
    return (f'<section id="findings" class="findings-all" aria-labelledby="findings-title">'
            f'<h2 id="findings-title">Findings ({len(content.notes)})</h2>{body}</section>')


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


def render_report(
    english: Transcript,
    spanish: Transcript | None = None,
    alignment: Alignment | None = None,
    report: Any = None,
    original_report: Any = None,
) -> str:
    """The report page as one HTML string.

    ``report`` is the :class:`~interp_align.quality.QualityReport` of the
    English record (checked with ``original=spanish``: ``check EN --original ES``);
    ``original_report`` the Spanish record's own check.  The settings shown on
    the page are the reports' and the alignment's signatures.
    """
    aligned = spanish is not None and alignment is not None
    content = build_rows(english, spanish, alignment, report, original_report)
    homes = {note.key: row.index for row in content.rows for note in row.notes}
    title = english.title or (english.path or "Transcript")
    numbers = content.numbers
    first: set[tuple[str, int]] = set()
    speakers: dict[str, str] = {}
    en_labels, es_labels = _speaker_labels(english), _speaker_labels(spanish)
    sections = []
    if aligned and alignment is not None and spanish is not None:
        pair_conf = []
        for index, pair in enumerate(alignment.pairs):
            en = english.turns[pair.english_turn] if pair.english_turn is not None else None
            es = spanish.turns[pair.spanish_turn] if pair.spanish_turn is not None else None
            anchor = en or es
            assert anchor is not None
            who = _speaker_label(en_labels if en else es_labels, anchor)
            start, end = content.sections[index]
            speakers.setdefault(content.rows[start].speaker, who)
            if en is not None and es is not None:
                pair_conf.append((f"{index}. {who}", pair.confidence))
            direction = {"es": "Spanish original, interpreted into English",
                         "en": "English original, interpreted into Spanish"}.get(pair.original_language or "", "")
            head = (f'<h2 id="pair-{index}">{_esc(who)} <span class="dir">'
                    f"EN #{'' if en is None else en.index} · ES #{'' if es is None else es.index}"
                    f"{' · ' + _esc(direction) if direction else ''} · confidence {pair.confidence:.2f}</span></h2>")
            trs = "".join(_bead_row(row, numbers, first) for row in content.rows[start:end])
            table = ('<table class="beads"><thead><tr><th scope="col" class="k">Bead</th>'
                     '<th scope="col">Spanish record</th><th scope="col">English record</th></tr></thead>'
                     f"<tbody>{trs}</tbody></table>")
            turns = f'data-en-turn="{"" if en is None else en.index}" data-es-turn="{"" if es is None else es.index}"'
            sections.append(f'<section class="pair" aria-labelledby="pair-{index}" {turns}>{head}{table}</section>')
        chart = _chart(pair_conf, "Alignment confidence per turn pair")
        findings = [n.finding for n in content.notes if n.record == "en"]
        items: list[tuple[str, str, object]] = [
            ("turns", "turns (en/es)", f"{len(english.turns)}/{len(spanish.turns)}"),
            ("interpreted", "interpreted turns", sum(t.interpretation.interpreted for t in english.turns)),
            ("paired", "paired turns", sum(p.english_turn is not None and p.spanish_turn is not None
                                           for p in alignment.pairs)),
            ("rows", "aligned rows", sum(r.kind != "outside" for r in content.rows)),
            ("omissions", "omissions (IA601)", sum(f.rule == "IA601" for f in findings)),
            ("additions", "additions (IA602)", sum(f.rule == "IA602" for f in findings)),
            ("mismatches", "number mismatches (IA603)", sum(f.rule == "IA603" for f in findings)),
        ]
        counts = (_counts(report, "en", "English record — as check EN_FILE --original ES_FILE reports it")
                  + _counts(original_report, "es", "Spanish record — as check ES_FILE reports it"))
        n_sections = len(alignment.pairs)
    else:
        per_speaker: Counter[str] = Counter()
        for turn in english.turns:
            who = _speaker_label(en_labels, turn)
            start, end = content.sections[turn.index]
            speakers.setdefault(content.rows[start].speaker, who)
            per_speaker[who] += sum(len(r.notes) for r in content.rows[start:end])
            flag = ""
            if turn.interpretation.interpreted:
                flag = f" · interpreted {turn.interpretation.source_language or '?'}→{turn.interpretation.target_language or '?'}"
            head = f'<h2 id="turn-{turn.index}">{_esc(who)} <span class="dir">turn {turn.index}{_esc(flag)}</span></h2>'
            trs = "".join(_sentence_row(english, row, numbers, first) for row in content.rows[start:end])
            table = ('<table class="beads"><thead><tr><th scope="col" class="k">Sentence</th>'
                     f'<th scope="col">Text</th></tr></thead><tbody>{trs}</tbody></table>')
            sections.append(f'<section class="pair" aria-labelledby="turn-{turn.index}">{head}{table}</section>')
        total = sum(per_speaker.values()) or 1
        chart = _chart([(k, v / total) for k, v in sorted(per_speaker.items()) if v],
                       "Findings per speaker (share of all findings)")
        items = [
            ("turns", "turns", len(english.turns)),
            ("interpreted", "interpreted turns", sum(t.interpretation.interpreted for t in english.turns)),
            ("rows", "sentences", sum(r.kind == "sentence" for r in content.rows)),
        ]
        counts = _counts(report, "en", "as check FILE reports it")
        n_sections = len(english.turns)
    if len(content.sections) > n_sections:
        start, end = content.sections[-1]
        trs = "".join(_outside_row(english, spanish, row, aligned) for row in content.rows[start:end])
        columns = ('<th scope="col">Spanish record</th><th scope="col">English record</th>' if aligned
                   else '<th scope="col">Text</th>')
        sections.append(
            '<section class="pair outside" aria-labelledby="outside-title" data-en-turn="" data-es-turn="">'
            '<h2 id="outside-title">Outside the turns <span class="dir">header, boilerplate, unattributed text'
            '</span></h2><table class="beads"><thead><tr><th scope="col" class="k">Where</th>'
            f"{columns}</tr></thead><tbody>{trs}</tbody></table></section>")
    speaker_names = ", ".join(_esc(s.name or s.role or s.id) for s in english.speakers)
    header = (
        f'<header class="top"><h1>{_esc(title)}</h1>'
        f'<p class="meta">{_esc(_event_line(english, spanish))}</p>'
        f'<p class="sources">{_sources(english, spanish)}</p>'
        f'<p class="speakers">Speakers: {speaker_names}</p>{_summary(items)}{counts}{chart}'
        f"{_legend(aligned)}{_settings(report, original_report, alignment)}</header>"
    )
    body = "".join(sections) + _findings_section(content, homes, aligned)
    return _page(title, header, _controls(content.notes, list(speakers.items())), body)

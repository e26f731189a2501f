"""One turn-numbering convention everywhere people read turn numbers: ``Turn.index``, counting from 0.

parse (text and JSON), align (text, JSON, TMX, TSV), check (text headings,
JSON locations, messages) and the HTML report all show the same number for the
same turn; lines and columns count from 1, as editors do (docs/format.md).
"""

from __future__ import annotations

import json
import re

import pytest
from batch_corpus import event_texts

import interp_align as ia
from interp_align.commands.parse import format_summary
from interp_align.quality import check
from interp_align.quality.formats import format_json, format_text
from interp_align.report import render_report

_EXTRA = "Además, firmamos un acuerdo de cooperación técnica con las universidades de ambos países. "


@pytest.fixture(scope="module")
def event() -> tuple[ia.Transcript, ia.Transcript, ia.Alignment, ia.QualityReport]:
    english, spanish = event_texts(3)
    spanish = spanish.replace("Vamos a capacitar", _EXTRA + "Vamos a capacitar")  # an omission in the last turn
    en, es = ia.parse(english, path="en.txt"), ia.parse(spanish, path="es.txt")
    alignment = ia.align(en, es)
    return en, es, alignment, check(en, original=es, alignment=alignment)


def test_finding_message_json_and_text_heading_give_one_number(
        event: tuple[ia.Transcript, ia.Transcript, ia.Alignment, ia.QualityReport]) -> None:
    en, _es, _alignment, report = event
    (omission,) = [f for f in report.findings if f.rule == "IA601"]
    turn = omission.location.turn
    assert turn == 2 == len(en.turns) - 1  # the third and last turn: index 2
    assert f"English turn {turn}" in omission.message and f"Spanish turn {turn}" in omission.message
    (payload,) = json.loads(format_json([report]))["reports"]
    (found,) = [f for f in payload["findings"] if f["rule"] == "IA601"]
    assert found["location"]["turn"] == turn
    text = format_text([report])
    heading = text.index(f"  turn {turn}  {en.turns[turn].label_text}")
    assert heading < text.index("IA601") and f"  turn {turn + 1}  " not in text


def test_parse_align_exports_and_report_use_the_same_numbers(
        event: tuple[ia.Transcript, ia.Transcript, ia.Alignment, ia.QualityReport]) -> None:
    en, es, alignment, report = event
    summary = format_summary(en).splitlines()
    assert [int(line.split()[0]) for line in summary[2 : 2 + len(en.turns)]] == [t.index for t in en.turns] == [0, 1, 2]
    assert json.loads(en.model_dump_json())["turns"][0]["index"] == 0
    view = ia.format_alignment(alignment)
    pairs = [(p.english_turn, p.spanish_turn) for p in alignment.pairs]
    assert re.findall(r"== EN#(\d+) .*?ES#(\d+)", view) == [(str(a), str(b)) for a, b in pairs]
    tmx_turns = {u.props["x-english-turn"] for u in ia.read_tmx(ia.to_tmx(alignment))}
    assert tmx_turns == {str(a) for a, _ in pairs}
    tsv_turns = {line.split("\t")[2] for line in ia.to_tsv(alignment).splitlines()[1:]}
    assert tsv_turns == {str(a) for a, _ in pairs}
    page = render_report(en, es, alignment, report, check(es))
    assert re.findall(r"EN #(\d+) · ES #(\d+)", page) == [(str(a), str(b)) for a, b in pairs]
    single = render_report(en, report=check(en))
    assert re.findall(r'<span class="dir">turn (\d+)', single) == ["0", "1", "2"]


def test_marker_missing_names_the_turn_by_its_index() -> None:
    text = ("MINISTER ORTIZ:  (Via interpreter) Good morning.\n\nMR. HALVERSON:  Welcome.\n\n"
            "MINISTER ORTIZ:  We agree on the plan.\n")
    report = check(ia.parse(text, detect_language=False))
    (finding,) = [f for f in report.findings if f.rule == "IA402"]
    assert finding.location.turn == 2 and "interpreted in turn 0 " in finding.message

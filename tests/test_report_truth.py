"""The report tells what ``check`` tells (issue 12): counts, direction-aware labels, every finding reachable.

Pinned here without a browser, on project-written events: header counts equal
the two checks' counts, omissions in English-original turns are labelled as
omissions (as IA601 calls them), numbers are highlighted only at IA603's
locations, and every finding is listed once with a link to the one row that
shows it — boilerplate and spam outside the turns included.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from batch_corpus import event_texts
from test_report import Tree, _rows

import interp_align as ia
from interp_align.quality import QualityReport, check
from interp_align.report import render_report


def _page(english: str, spanish: str) -> tuple[str, QualityReport, QualityReport, ia.Alignment]:
    en, es = ia.parse(english, path="en.txt"), ia.parse(spanish, path="es.txt", language="es")
    alignment = ia.align(en, es)
    report, own = check(en, original=es, alignment=alignment), check(es)
    return render_report(en, es, alignment, report, own), report, own, alignment


@pytest.fixture(scope="module")
def english_original() -> tuple[str, QualityReport, QualityReport, ia.Alignment]:
    """Walker speaks English; the Spanish record's interpreter leaves one of his sentences out."""
    english, spanish = event_texts(4)
    spanish = re.sub(r" Nuestros equipos se reunieron \d+ veces este año\.", "", spanish)
    english += "\nRelated Articles\nSlot gacor maxwin bonus today\n"  # page chrome and spam after the last turn
    return _page(english, spanish)


def _counts(page: str) -> dict[str, str]:
    return dict(re.findall(r'data-count="([a-z-]+)">([^<]*)<', page))


def test_header_counts_equal_checks_counts(english_original: tuple[str, QualityReport, QualityReport, ia.Alignment]) -> None:
    page, report, own, _ = english_original
    counts = _counts(page)
    for record, rep in (("en", report), ("es", own)):
        assert counts[f"{record}-total"] == str(len(rep.findings))
        for severity in ("error", "warning", "info"):
            assert counts[f"{record}-{severity}"] == str(rep.count(ia.Severity(severity)))
    assert counts["omissions"] == str(sum(f.rule == "IA601" for f in report.findings))
    assert counts["mismatches"] == str(sum(f.rule == "IA603" for f in report.findings))


def test_english_original_omission_is_labelled_an_omission(
        english_original: tuple[str, QualityReport, QualityReport, ia.Alignment]) -> None:
    page, report, _, alignment = english_original
    (omission,) = [f for f in report.findings if f.rule == "IA601"]
    assert "Our teams met" in omission.location.excerpt  # check: the English sentence left out is an omission
    pair = next(p for p in alignment.pairs if p.original_language == "en")
    assert any(b.tgt and not b.src for b in pair.beads)
    rows = [r for r in _rows(Tree(page)) if r.attrs["data-kind"] == "0-1"]
    assert len(rows) == 1 and "omission" in rows[0].classes() and "addition" not in rows[0].classes()
    text = rows[0].all_text()
    assert "omitted in the interpretation" in text and "not in the original" not in text
    assert "IA601" in rows[0].attrs["data-rules"].split()


def test_every_finding_listed_once_and_linked_to_its_row(
        english_original: tuple[str, QualityReport, QualityReport, ia.Alignment]) -> None:
    page, report, own, _ = english_original
    tree = Tree(page)
    items = [e for e in tree.root.walk() if "data-finding" in e.attrs]
    assert len(items) == len(report.findings) + len(own.findings)
    rows = {r.attrs["id"]: r for r in _rows(tree)}
    for item in items:
        row = rows[item.attrs["data-target"]]  # the link goes to a row that exists
        backlinks = [a for a in row.walk() if a.tag == "a" and a.attrs.get("href") == f"#{item.attrs['id']}"]
        assert len(backlinks) == 1, item.all_text()  # and that row shows the finding, once
        assert item.attrs["data-rule"] in row.attrs["data-rules"].split()
    shown = [a.attrs["href"] for r in rows.values() for a in r.walk() if a.tag == "a"]
    assert sorted(shown) == sorted(f"#{i.attrs['id']}" for i in items)


def test_findings_outside_the_turns_have_rows(english_original: tuple[str, QualityReport, QualityReport, ia.Alignment]) -> None:
    page, report, _, _ = english_original
    outside_rules = {f.rule for f in report.findings if f.location.turn is None}
    assert {"IA503", "IA504"} <= outside_rules
    outside = [r for r in _rows(Tree(page)) if r.attrs["data-kind"] == "outside"]
    carried = {rule for r in outside for rule in r.attrs["data-rules"].split()}
    assert {"IA503", "IA504"} <= carried
    assert any("Slot gacor maxwin" in r.all_text() for r in outside)
    options = re.findall(r'<option value="(IA\d+)">([^<]*)</option>', page)
    assert ("IA504", f"IA504 spam ({sum(f.rule == 'IA504' for f in report.findings)})") in options


def test_numbers_highlighted_only_where_check_reports_a_mismatch() -> None:
    english, spanish = event_texts(1)  # no planted error
    spanish = spanish.replace("Estamos de acuerdo.", "Los dos países estamos de acuerdo.")
    page, report, _, _ = _page(english, spanish)
    assert not [f for f in report.findings if f.rule == "IA603"]
    assert "num-mismatch" not in "".join(re.findall(r"<tr .*?</tr>", page))  # nothing marked in the rows
    english, spanish = event_texts(3)  # every third event interprets one figure wrongly
    page, report, _, _ = _page(english, spanish)
    wrong = [f for f in report.findings if f.rule == "IA603"]
    assert wrong
    marked = re.findall(r'<mark class="num-mismatch" title="IA603[^"]*">([^<]*)</mark>', page)
    expected = {f.location.excerpt for f in wrong} | {r.excerpt for f in wrong for r in f.related}
    assert marked and set(marked) <= expected


def test_interpreter_notes_are_visible(english_original: tuple[str, QualityReport, QualityReport, ia.Alignment]) -> None:
    page = english_original[0]
    assert page.count('<mark class="marker note" title="interpreter_note">(Via interpreter)</mark>') == 2
    assert '(Interpretación del inglés al español)</mark>' in page


def test_event_date_sources_version_and_settings_are_shown(
        english_original: tuple[str, QualityReport, QualityReport, ia.Alignment]) -> None:
    page, report, _own, alignment = english_original
    header = page[page.index('<header class="top">') : page.index("</header>")]
    assert "Ciudad de México, 6 de marzo de 2024" in header
    assert "<code>en.txt</code>" in header and "<code>es.txt</code>" in header
    assert f"<code>{ia.__version__}</code>" in header and report.signature.split("|")[0] in header
    assert alignment.signature.split("|")[0] in header and "How to read this page" in header


def test_seed_report_counts_equal_check_original(seed_report_page: Path, seed_check_json: dict[str, Any]) -> None:
    """The issue's example: the seed's page counts what check --original counts, each finding once and listed."""
    page = seed_report_page.read_text(encoding="utf-8")
    counts = _counts(page)
    for side, report in seed_check_json.items():
        findings = report["findings"]
        assert counts[f"{side}-total"] == str(len(findings))
        for severity in ("error", "warning", "info"):
            assert counts[f"{side}-{severity}"] == str(sum(f["severity"] == severity for f in findings))
    listed = re.findall(r'<li id="f-(en|es)-\d+" class="[a-z]+" data-finding data-rule="(IA\d+)"', page)
    expected = sorted((side, f["rule"]) for side, report in seed_check_json.items() for f in report["findings"])
    assert sorted(listed) == expected
    assert counts["mismatches"] == "0" and "num-mismatch\" title=\"IA603" not in page  # check reports none

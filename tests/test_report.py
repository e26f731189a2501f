"""The HTML report without a browser: structure, accessibility, contrast, self-containment, escaping, CLI."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from importlib import resources
from pathlib import Path
from typing import ClassVar

import pytest
from batch_corpus import event_texts

import interp_align as ia
from interp_align.cli import main
from interp_align.quality import check
from interp_align.report import render_report

_EXTRA = "Además, firmamos un acuerdo de cooperación técnica con las universidades de ambos países. "


class Element:
    def __init__(self, tag: str, attrs: dict[str, str], parent: Element | None) -> None:
        self.tag, self.attrs, self.parent = tag, attrs, parent
        self.children: list[Element] = []
        self.text: list[str] = []

    def all_text(self) -> str:
        return "".join(self.text) + "".join(c.all_text() for c in self.children)

    def walk(self) -> list[Element]:
        return [self, *(e for c in self.children for e in c.walk())]

    def classes(self) -> set[str]:
        return set(self.attrs.get("class", "").split())


class Tree(HTMLParser):
    """A tiny DOM: enough to ask structural questions of the page."""

    VOID: ClassVar[set[str]] = {"meta", "input", "br", "img", "link", "hr"}

    def __init__(self, page: str) -> None:
        super().__init__()
        self.root = Element("#document", {}, None)
        self.current = self.root
        self.feed(page)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        element = Element(tag, {k: v or "" for k, v in attrs}, self.current)
        self.current.children.append(element)
        if tag not in self.VOID:
            self.current = element

    def handle_endtag(self, tag: str) -> None:
        node: Element | None = self.current
        while node is not None and node.tag != tag:
            node = node.parent
        if node is not None and node.parent is not None:
            self.current = node.parent

    def handle_data(self, data: str) -> None:
        self.current.text.append(data)

    def find(self, tag: str) -> list[Element]:
        return [e for e in self.root.walk() if e.tag == tag]


def _pair(extra: str = _EXTRA) -> tuple[ia.Transcript, ia.Transcript, ia.Alignment, str]:
    english, spanish = event_texts(3)  # event 3 interprets one figure wrongly
    spanish = spanish.replace("El comercio creció", extra + "El comercio creció")
    en, es = ia.parse(english, path="en.txt"), ia.parse(spanish, path="es.txt")
    alignment = ia.align(en, es)
    page = render_report(en, es, alignment, check(en, original=es, alignment=alignment), check(es))
    return en, es, alignment, page


@pytest.fixture(scope="module")
def paired() -> tuple[ia.Transcript, ia.Transcript, ia.Alignment, str]:
    return _pair()


def _rows(tree: Tree, *, outside: bool = True) -> list[Element]:
    """The page's rows; ``outside=False`` leaves out the rows of findings outside the turns."""
    return [e for e in tree.root.walk() if "data-row" in e.attrs and (outside or e.attrs["data-kind"] != "outside")]


def test_rows_follow_the_alignment(paired: tuple[ia.Transcript, ia.Transcript, ia.Alignment, str]) -> None:
    _, _, alignment, page = paired
    tree = Tree(page)
    kinds = [row.attrs["data-kind"] for row in _rows(tree, outside=False)]
    assert kinds == [bead.kind for pair in alignment.pairs for bead in pair.beads]
    assert "1-0" in kinds, "the extra Spanish sentence is an omission in the interpretation"
    sections = [s for s in tree.find("section") if "pair" in s.classes()]
    assert [(s.attrs["data-en-turn"], s.attrs["data-es-turn"]) for s in sections if "outside" not in s.classes()] == [
        (str(p.english_turn), str(p.spanish_turn)) for p in alignment.pairs]


def test_language_and_labels(paired: tuple[ia.Transcript, ia.Transcript, ia.Alignment, str]) -> None:
    tree = Tree(paired[3])
    assert tree.find("html")[0].attrs.get("lang") == "en"
    cells = [e for e in tree.root.walk() if e.tag == "td" and e.classes() & {"es", "en"}]
    assert cells and all(c.attrs.get("lang") == ("es" if "es" in c.classes() else "en") for c in cells)
    labelled = {label.attrs.get("for") for label in tree.find("label")}
    controls = tree.find("select") + tree.find("input")
    assert controls and all(c.attrs.get("id") in labelled for c in controls)
    assert all(b.all_text().strip() for b in tree.find("button"))
    headers = tree.find("th")
    assert headers and all(th.attrs.get("scope") in {"col", "row"} for th in headers)
    assert all(s.attrs.get("aria-labelledby") for s in tree.find("section"))
    assert tree.find("main") and tree.find("header")
    svg = tree.find("svg")
    assert svg and all(s.attrs.get("role") == "img" and s.attrs.get("aria-label") for s in svg)


def test_no_information_by_colour_alone(paired: tuple[ia.Transcript, ia.Transcript, ia.Alignment, str]) -> None:
    tree = Tree(paired[3])
    for row in _rows(tree):
        text = row.all_text()
        if "omission" in row.classes():
            assert "omitted in the interpretation" in text
        if "addition" in row.classes():
            assert "not in the original" in text
    marks = [m for m in tree.find("mark") if "num-mismatch" in m.classes()]
    assert marks, "the wrong figure of event 3 is highlighted"
    assert all(m.attrs.get("title") for m in marks)
    css = _asset("report.css")
    rule = re.search(r"mark\.num-mismatch \{([^}]*)\}", css)
    assert rule and ("border-bottom" in rule.group(1) or "text-decoration" in rule.group(1))
    items = [li for ul in tree.find("ul") if "findings" in ul.classes() for li in ul.children]
    assert items, "the wrong figure is a finding shown in its row"
    for item in items:
        assert item.attrs["class"] in item.all_text()  # severity is written, not only a border colour


def _asset(name: str) -> str:
    return resources.files("interp_align.report").joinpath("assets", name).read_text(encoding="utf-8")


def _luminance(colour: str) -> float:
    channels = [int(colour[i:i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(fg: str, bg: str) -> float:
    """WCAG 2 contrast ratio of two ``#rrggbb`` colours."""
    high, low = sorted((_luminance(fg), _luminance(bg)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def test_contrast_formula() -> None:
    assert contrast("#000000", "#ffffff") == pytest.approx(21.0)
    assert contrast("#777777", "#ffffff") == pytest.approx(4.48, abs=0.01)


@pytest.mark.parametrize(("fg", "bg"), [
    ("fg", "bg"), ("fg", "panel"), ("muted", "bg"), ("muted", "panel"), ("accent", "bg"), ("accent", "panel"),
    ("omit", "omit-bg"), ("add", "add-bg"), ("bad", "bad-bg"), ("bad", "bg"), ("fg", "warn-bg"),
    ("fg", "info-bg"), ("fg", "omit-bg"), ("fg", "add-bg"),
])
def test_text_colours_reach_wcag_aa(fg: str, bg: str) -> None:
    palette = dict(re.findall(r"--([a-z-]+):\s*(#[0-9a-fA-F]{6})", _asset("report.css")))
    assert contrast(palette[fg], palette[bg]) >= 4.5, (fg, bg)


def test_self_contained_and_escaped() -> None:
    page = _pair(extra="Dijo <script>alert(1)</script> & más. ")[3]
    assert "<script>alert(1)" not in page and "&lt;script&gt;alert(1)" in page
    tree = Tree(page)
    assert not tree.find("link") and not tree.find("img")
    assert all("src" not in s.attrs for s in tree.find("script"))
    assert not re.search(r"(src|href)=\"(https?:)?//", page)
    assert "@import" not in page and "url(" not in _asset("report.css")


def test_single_transcript_report(paired: tuple[ia.Transcript, ia.Transcript, ia.Alignment, str]) -> None:
    en = paired[0]
    tree = Tree(render_report(en, report=check(en)))
    rows = [r for r in _rows(tree) if r.attrs["data-kind"] == "sentence"]
    assert len(rows) == sum(len(t.sentences) for t in en.turns)
    headings = [h.all_text() for h in tree.find("h2")]
    assert sum("interpreted" in h for h in headings) == sum(t.interpretation.interpreted for t in en.turns)


def test_cli_writes_the_page(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    english, spanish = event_texts(4)
    (tmp_path / "en.txt").write_text(english, encoding="utf-8")
    (tmp_path / "es.txt").write_text(spanish, encoding="utf-8")
    out = tmp_path / "report.html"
    assert main(["report", str(tmp_path / "en.txt"), str(tmp_path / "es.txt"), "-o", str(out)]) == 0
    assert "wrote" in capsys.readouterr().err
    assert len(_rows(Tree(out.read_text(encoding="utf-8")))) >= 9
    assert main(["report", str(tmp_path / "missing.txt"), "-o", str(out)]) == 2
    assert "missing.txt" in capsys.readouterr().err


def test_each_finding_shown_once_next_to_what_it_is_about(
        paired: tuple[ia.Transcript, ia.Transcript, ia.Alignment, str]) -> None:
    en, es, alignment, page = paired
    report = check(en, original=es, alignment=alignment)
    omissions = [f for f in report.findings if f.name == "omission"]
    assert omissions, "the extra Spanish sentence is reported as an omission"
    rows = _rows(Tree(page))
    shown = [li.all_text() for row in rows for ul in row.walk() if ul.tag == "ul" for li in ul.children]
    assert len(shown) == len(set(shown)), "a finding is repeated"
    omission_rows = [row for row in rows if
                     any(f.rule in row.attrs["data-rules"].split() for f in omissions)]
    assert [row.attrs["data-kind"] for row in omission_rows] == ["1-0"] * len(omissions)


def test_spanish_record_alone_is_marked_spanish() -> None:
    es = ia.parse(event_texts(5)[1], path="es.txt")
    tree = Tree(render_report(es, report=check(es)))
    cells = [e for e in tree.root.walk() if e.tag == "td" and "en" in e.classes()]
    assert cells and all(c.attrs["lang"] == "es" for c in cells)
    assert tree.find("html")[0].attrs["lang"] == "en"  # the page's own words (labels, counts) are English

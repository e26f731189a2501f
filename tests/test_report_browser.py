"""The HTML report in a real browser: headless Debian Chromium driven by Playwright.

The page is rendered for the seed event (English record + Spanish record) and
checked as a reader would see it: it runs without console errors, shows one
row per bead (or per unaligned turn), highlights the numbers that disagree,
pairs every interpreted English turn, filters rows and answers to the keys.
Screenshots (desktop and phone width) go to ``artifacts/`` for people to look at.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from conftest import ARTIFACTS, CHROMIUM, CHROMIUM_FLAGS

import interp_align as ia
from interp_align.numbers import extract_quantities

LAUNCH_ARGS = list(CHROMIUM_FLAGS)

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="needs Debian's chromium at /usr/bin/chromium"),
]


@pytest.fixture(scope="module")
def page_file(seed_report_page: Path) -> Path:
    return seed_report_page


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    sync_api = pytest.importorskip("playwright.sync_api", reason="needs the playwright package (dev extra)")
    with sync_api.sync_playwright() as driver:
        chromium = driver.chromium.launch(executable_path=str(CHROMIUM), args=LAUNCH_ARGS)
        yield chromium
        chromium.close()


class Opened:
    """A page plus every console error and uncaught exception it produced."""

    def __init__(self, browser: Any, url: str, width: int, height: int = 900) -> None:
        self.page = browser.new_page(viewport={"width": width, "height": height})
        self.errors: list[str] = []
        self.page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.goto(url)
        self.page.wait_for_selector("body[data-ready='1']", timeout=10_000)

    def visible_rows(self) -> int:
        return int(self.page.eval_on_selector_all("[data-row]", "rs => rs.filter(r => r.offsetParent !== null).length"))


def _expected_rows(alignment: ia.Alignment) -> int:
    return sum(len(pair.beads) or 1 for pair in alignment.pairs)


def _mismatched_rows(alignment: ia.Alignment) -> list[int]:
    """Row numbers (document order) whose two sides carry different numbers."""
    rows, k = [], 0
    for pair in alignment.pairs:
        if not pair.beads:
            k += 1
            continue
        for bead in pair.beads:
            if pair.english_turn is not None and pair.spanish_turn is not None and bead.src and bead.tgt:
                es_turn = alignment.spanish.turns[pair.spanish_turn]
                en_turn = alignment.english.turns[pair.english_turn]
                es = {float(q.value) for i in bead.src for q in extract_quantities(es_turn.sentences[i].text, "es")}
                en = {float(q.value) for i in bead.tgt for q in extract_quantities(en_turn.sentences[i].text, "en")}
                if es != en:
                    rows.append(k)
            k += 1
    return rows


def test_page_renders_every_row_and_mismatch(browser: Any, page_file: Path, seed_alignment: ia.Alignment,
                                             seed_en: ia.Transcript) -> None:
    opened = Opened(browser, page_file.as_uri(), 1280)
    page = opened.page
    assert page.locator("[data-row]").count() == _expected_rows(seed_alignment)
    assert opened.visible_rows() == _expected_rows(seed_alignment)
    marked = page.eval_on_selector_all(
        "[data-row]", "rs => rs.map((r, i) => r.querySelector('mark.num-mismatch') ? i : -1).filter(i => i >= 0)")
    expected = _mismatched_rows(seed_alignment)
    assert expected, "the seed has number mismatches; the test must see some"
    assert marked == expected
    # every interpreted English turn sits in a section paired with a Spanish turn
    paired = page.eval_on_selector_all(
        "section.pair", "ss => ss.filter(s => s.dataset.esTurn !== '').map(s => s.dataset.enTurn)")
    interpreted = [str(t.index) for t in seed_en.turns if t.interpretation.interpreted]
    assert interpreted and set(interpreted) <= set(paired)
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "report-desktop-1280.png"))
    page.locator("mark.num-mismatch").first.scroll_into_view_if_needed()
    page.screenshot(path=str(ARTIFACTS / "report-desktop-1280-mismatch.png"))
    assert opened.errors == []
    page.close()


def test_phone_layout(browser: Any, page_file: Path) -> None:
    opened = Opened(browser, page_file.as_uri(), 390, 844)
    page = opened.page
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 390, f"the page scrolls sideways on a phone ({width}px)"
    # cells stack: the Spanish and English sides of a row sit one above the other
    boxes = page.eval_on_selector("[data-row]", "r => [r.querySelector('td.es').getBoundingClientRect().top,"
                                                  " r.querySelector('td.en').getBoundingClientRect().top]")
    assert boxes[1] > boxes[0]
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "report-phone-390.png"))
    page.locator("mark.num-mismatch").first.scroll_into_view_if_needed()
    page.screenshot(path=str(ARTIFACTS / "report-phone-390-mismatch.png"))
    assert opened.errors == []
    page.close()


def test_rule_filter_hides_and_shows_rows(browser: Any, page_file: Path, seed_alignment: ia.Alignment) -> None:
    opened = Opened(browser, page_file.as_uri(), 1280)
    page = opened.page
    total = _expected_rows(seed_alignment)
    rules = [r for r in page.eval_on_selector_all("#filter-rule option", "os => os.map(o => o.value)") if r]
    assert rules, "the seed report has findings, so the rule filter has choices"
    carrying = page.eval_on_selector_all(
        "[data-row]", "rs => rs.map(r => r.dataset.rules.split(' '))")
    rule = max(rules, key=lambda r: sum(r in rs for rs in carrying))
    expected = sum(rule in rs for rs in carrying)
    assert 0 < expected < total
    page.select_option("#filter-rule", rule)
    assert opened.visible_rows() == expected
    assert page.evaluate("location.hash") == f"#rule={rule}"
    assert page.text_content("#visible-count") == f"{expected} of {total} rows shown"
    page.click("#filter-reset")
    assert opened.visible_rows() == total
    assert page.evaluate("location.hash") == ""
    # problems only never shows more rows than there are, and the filter state travels in the URL
    page.check("#filter-problems")
    problems = page.locator("[data-row][data-problem='1']").count()
    assert opened.visible_rows() == problems < total
    assert opened.errors == []
    page.close()
    shared = Opened(browser, f"{page_file.as_uri()}#rule={rule}", 1280)
    assert shared.page.input_value("#filter-rule") == rule
    assert shared.visible_rows() == expected
    assert shared.errors == []
    shared.page.close()


def test_keyboard_moves_focus(browser: Any, page_file: Path) -> None:
    opened = Opened(browser, page_file.as_uri(), 1280)
    page = opened.page
    index = "() => Array.from(document.querySelectorAll('[data-row]')).indexOf(document.activeElement)"
    assert page.evaluate(index) == -1
    page.keyboard.press("j")
    assert page.evaluate(index) == 0
    page.keyboard.press("j")
    page.keyboard.press("j")
    assert page.evaluate(index) == 2
    page.keyboard.press("k")
    assert page.evaluate(index) == 1
    page.keyboard.press("n")
    focused_problem = page.evaluate("document.activeElement.dataset.problem")
    assert focused_problem == "1"
    before = page.evaluate(index)
    for _ in range(25):  # far down the page the focused row stays clear of the sticky filter bar
        page.keyboard.press("j")
    for _ in range(15):  # then back up: rows scroll in from the top, where the bar is
        page.keyboard.press("k")
    row_top, bar_bottom = page.evaluate("[document.activeElement.getBoundingClientRect().top,"
                                        " document.querySelector('.controls').getBoundingClientRect().bottom]")
    assert page.evaluate(index) == before + 10 and row_top >= bar_bottom - 1
    page.keyboard.press("/")
    assert page.evaluate("document.activeElement.id") == "filter-rule"
    assert opened.errors == []
    page.close()

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


def test_page_renders_every_row_and_mismatch(browser: Any, page_file: Path, seed_alignment: ia.Alignment,
                                             seed_en: ia.Transcript, seed_check_json: dict[str, Any]) -> None:
    opened = Opened(browser, page_file.as_uri(), 1280)
    page = opened.page
    assert page.locator("[data-row]:not([data-kind='outside'])").count() == _expected_rows(seed_alignment)
    assert page.locator("[data-row][data-kind='outside']").count() > 0  # the boilerplate and the spam
    assert opened.visible_rows() == page.locator("[data-row]").count()
    # numbers are marked exactly in the rows that carry check's number-mismatch findings (none in the seed)
    marked = page.eval_on_selector_all(
        "[data-row]", "rs => rs.map((r, i) => r.querySelector('mark.num-mismatch') ? i : -1).filter(i => i >= 0)")
    carrying = page.eval_on_selector_all(
        "[data-row]", "rs => rs.map((r, i) => r.dataset.rules.split(' ').includes('IA603') ? i : -1).filter(i => i >= 0)")
    assert marked == carrying
    assert bool(carrying) == any(f["rule"] == "IA603" for f in seed_check_json["en"]["findings"])
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
    total = page.locator("[data-row]").count()
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
    assert page.text_content("#visible-count").startswith(f"{expected} of {total} rows shown")
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


def test_severity_search_and_finding_links(browser: Any, page_file: Path, seed_check_json: dict[str, Any]) -> None:
    errors = sum(f["severity"] == "error" for r in seed_check_json.values() for f in r["findings"])
    opened = Opened(browser, f"{page_file.as_uri()}#severity=2", 1280)
    page = opened.page
    assert page.input_value("#filter-severity") == "2"
    items = page.eval_on_selector_all("[data-finding]", "is => is.filter(i => !i.hidden).map(i => i.dataset.rule)")
    assert len(items) == errors and set(items) == {"IA504"}  # the seed's only error: spam after the last turn
    severities = page.eval_on_selector_all("[data-row]", "rs => rs.filter(r => !r.hidden).map(r => r.dataset.severity)")
    assert severities and set(severities) == {"2"}
    page.click("#filter-reset")
    page.fill("#filter-text", "frontera")  # accent- and case-insensitive search over the rows' text
    shown = page.eval_on_selector_all("[data-row]", "rs => rs.filter(r => !r.hidden).map(r => r.textContent)")
    assert shown and all("frontera" in t.lower() for t in shown)
    assert page.evaluate("location.hash") == "#q=frontera"
    page.click("#filter-reset")
    link = page.locator("[data-finding][data-rule='IA504'] a").first
    target = link.get_attribute("href")
    link.click()
    assert page.evaluate("location.hash") == target
    assert page.locator(target).is_visible()
    assert "IA504" in (page.locator(target).get_attribute("data-rules") or "")
    assert opened.errors == []
    page.close()

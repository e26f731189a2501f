"""The HTML report in Chromium's own headless mode (no Playwright needed).

``chromium --headless --dump-dom`` prints the DOM after the page's script ran,
so the filters given in the URL hash show as ``hidden`` rows; console messages
(including uncaught errors) go to stderr as ``:CONSOLE:`` lines. This keeps a
real-browser check in the suite even where the Playwright package is missing.
"""

from __future__ import annotations

import re
import struct
import subprocess
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from conftest import ARTIFACTS, CHROMIUM, CHROMIUM_FLAGS

import interp_align as ia

FLAGS = ["--headless", *CHROMIUM_FLAGS, "--enable-logging=stderr", "--v=0"]
_ROW = re.compile(r"<tr\b[^>]*\bdata-row\b[^>]*>")

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="needs Debian's chromium at /usr/bin/chromium"),
]


@pytest.fixture(scope="module")
def page_file(seed_report_page: Path) -> Path:
    return seed_report_page


def _chromium(*args: str, profile: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(CHROMIUM), *FLAGS, f"--user-data-dir={profile}", *args], capture_output=True,
                          text=True, timeout=120, check=False)


def _dump(url: str, profile: Path) -> tuple[str, list[str]]:
    """The DOM after scripts ran, and the console lines."""
    done = _chromium("--dump-dom", url, profile=profile)
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout, [line for line in done.stderr.splitlines() if ":CONSOLE" in line]


def _rows(dom: str) -> list[str]:
    return _ROW.findall(dom)


def _hidden(row: str) -> bool:
    return re.search(r"\shidden(=\"\")?[\s>]", row) is not None


def test_dom_after_script(page_file: Path, seed_alignment: ia.Alignment, tmp_path: Path) -> None:
    dom, console = _dump(page_file.as_uri(), tmp_path)
    assert console == []
    assert re.search(r'<body[^>]*data-ready="1"', dom)
    rows = _rows(dom)
    aligned = [r for r in rows if 'data-kind="outside"' not in r]
    assert len(aligned) == sum(len(pair.beads) or 1 for pair in seed_alignment.pairs)
    assert not any(_hidden(r) for r in rows)
    items = re.findall(r"<li\b[^>]*\bdata-finding\b[^>]*>", dom)
    assert f"{len(rows)} of {len(rows)} rows shown · {len(items)} of {len(items)} findings" in dom


def test_counts_equal_check_json_and_every_rule_is_reachable(page_file: Path, seed_check_json: dict[str, Any],
                                                             tmp_path: Path) -> None:
    """The seed's report: header counts are check --original's, and #rule=X shows every finding of X."""
    dom, console = _dump(page_file.as_uri(), tmp_path)
    assert console == []
    counts = dict(re.findall(r'data-count="([a-z-]+)">([^<]*)<', dom))
    for side, report in seed_check_json.items():
        findings = report["findings"]
        assert counts[f"{side}-total"] == str(len(findings))
        for severity in ("error", "warning", "info"):
            assert counts[f"{side}-{severity}"] == str(sum(f["severity"] == severity for f in findings))
    by_rule = Counter(f["rule"] for report in seed_check_json.values() for f in report["findings"])
    assert "IA504" in by_rule and "IA503" in by_rule  # the spam and chrome outside the turns
    for rule, expected in sorted(by_rule.items()):
        dom, console = _dump(f"{page_file.as_uri()}#rule={rule}", tmp_path)
        shown_items = [i for i in re.findall(r"<li\b[^>]*\bdata-finding\b[^>]*>", dom) if not _hidden(i)]
        assert console == [] and len(shown_items) == expected, rule
        shown_rows = [r for r in _rows(dom) if not _hidden(r)]
        targets = {re.search(r'data-target="([^"]+)"', i)[1] for i in shown_items}  # type: ignore[index]
        assert shown_rows and targets <= {re.search(r'id="([^"]+)"', r)[1] for r in shown_rows}, rule  # type: ignore[index]


def test_filters_from_the_url_hash(page_file: Path, tmp_path: Path) -> None:
    source = _rows(page_file.read_text(encoding="utf-8"))
    carrying = Counter(rule for row in source for rule in re.search(r'data-rules="([^"]*)"', row)[1].split())  # type: ignore[index]
    rule, expected = carrying.most_common(1)[0]
    dom, console = _dump(f"{page_file.as_uri()}#rule={rule}", tmp_path)
    rows = _rows(dom)
    shown = [r for r in rows if not _hidden(r)]
    assert console == [] and 0 < len(shown) == expected < len(rows)
    assert all(rule in re.search(r'data-rules="([^"]*)"', r)[1].split() for r in shown)  # type: ignore[index]
    assert f"{expected} of {len(rows)} rows shown" in dom
    dom, _ = _dump(f"{page_file.as_uri()}#problems=1", tmp_path)
    shown = [r for r in _rows(dom) if not _hidden(r)]
    assert shown and all('data-problem="1"' in r for r in shown)
    assert len(shown) == sum('data-problem="1"' in r for r in source)


def _png_size(path: Path) -> tuple[int, int]:
    header = path.read_bytes()[:24]
    assert header[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", header[16:24])
    return int(width), int(height)


@pytest.mark.parametrize(("width", "height"), [(1280, 900), (390, 844)])
def test_screenshots(page_file: Path, tmp_path: Path, width: int, height: int) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    shot = ARTIFACTS / f"report-chromium-{width}.png"
    shot.unlink(missing_ok=True)
    done = _chromium(f"--screenshot={shot}", f"--window-size={width},{height}", "--hide-scrollbars",
                     page_file.as_uri(), profile=tmp_path)
    assert done.returncode == 0, done.stderr[-2000:]
    assert _png_size(shot) == (width, height)

"""The seed transcript: every known defect is reported, and nothing else at warning or above."""

from __future__ import annotations

from pathlib import Path

import pytest

from interp_align.models import Severity
from interp_align.parse import read
from interp_align.quality import QualityReport, check

SEED = Path(__file__).resolve().parent.parent / "corpora" / "us-mexico-security-dialogue-2023" / "en.txt"

#: The seed's defects (issue 4 "done when"), as (rule, excerpt substring, minimum severity).
MUST_REPORT = [
    ("IA101", "(inaudible)", Severity.WARNING),
    ("IA301", "Roderíguez", Severity.WARNING),
    ("IA401", "(Via interpreter.)", Severity.WARNING),
    ("IA503", "Related Articles", Severity.WARNING),
    ("IA503", "Leave a Reply", Severity.WARNING),
    ("IA503", "Your email address will not be published", Severity.WARNING),
    ("IA503", "Back to top button", Severity.WARNING),
    ("IA504", "gates of olympus", Severity.ERROR),
    ("IA501", "Finally, Presidential Advisor on National Security Dr. Elizabeth Sherwood-Randall.", Severity.WARNING),
    ("IA404", "Muchas gracias", Severity.INFO),
    ("IA207", "It’s wonderful to me with", Severity.WARNING),
    ("IA207", "continue to allowing", Severity.WARNING),
]

#: Other seed sentences that are flagged at warning or above, and why that is right:
#: "to continue to supporting the migration issue" is the same to + -ing garble as "continue to allowing".
ALSO_EXPECTED = [("IA207", "continue to supporting")]


@pytest.fixture(scope="module")
def report() -> QualityReport:
    return check(read(SEED))


@pytest.mark.parametrize(("rule", "excerpt", "severity"), MUST_REPORT)
def test_seed_defect_reported(report: QualityReport, rule: str, excerpt: str, severity: Severity) -> None:
    found = [f for f in report.findings if f.rule == rule and excerpt in f.location.excerpt]
    assert found, f"{rule} {excerpt!r} not reported"
    assert found[0].severity.rank >= severity.rank


def test_no_warning_on_clean_seed_sentences(report: QualityReport) -> None:
    expected = [(r, e) for r, e, _ in MUST_REPORT] + ALSO_EXPECTED
    unexpected = [
        (f.rule, f.location.excerpt)
        for f in report.findings
        if f.severity.rank >= Severity.WARNING.rank and not any(f.rule == r and e in f.location.excerpt for r, e in expected)
    ]
    assert unexpected == []


def test_seed_gap_density(report: QualityReport) -> None:
    rodriguez = next(s for s in report.speakers if s.key == "rodriguez")
    assert rodriguez.gaps == 1 and rodriguez.gaps_per_1000_words > 0
    assert report.document.gaps == 1

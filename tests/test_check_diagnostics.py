"""Parse diagnostics reach ``check`` as findings with stable rule ids (IA0NN for P0NN), generically."""

from __future__ import annotations

import pytest

from interp_align.io import DECODE_DIAGNOSTICS
from interp_align.models import Diagnostic, Severity
from interp_align.parse import DIAGNOSTIC_CODES, parse
from interp_align.quality import all_rules, check
from interp_align.quality.rules.diagnostics import rule_for


def test_every_listed_warning_diagnostic_has_a_rule() -> None:
    codes = {r.code for r in all_rules()}
    for code in {**DIAGNOSTIC_CODES, **DECODE_DIAGNOSTICS}:
        if code in ("P006", "P009", "P011", "P012", "P013"):  # information only: never findings
            assert f"IA0{code[2:]}" not in codes
        else:
            assert f"IA0{code[2:]}" in codes, code


@pytest.mark.parametrize(("code", "severity", "rule"), [
    ("P001", Severity.WARNING, "IA001"), ("P004", Severity.WARNING, "IA004"), ("P099", Severity.WARNING, "IA000"),
    ("P003", Severity.ERROR, "IA003"), ("X1", Severity.WARNING, "IA000"),
])
def test_diagnostic_becomes_a_finding_of_its_rule(code: str, severity: Severity, rule: str) -> None:
    transcript = parse("MR. HALVERSON:  Good morning.\n", detect_language=False)
    extra = Diagnostic(code=code, severity=severity, message="noticed", start=0, end=3, line=1, column=1)
    report = check(transcript.model_copy(update={"diagnostics": (extra,)}))
    (finding,) = [f for f in report.findings if f.rule.startswith("IA0")]
    assert finding.rule == rule == rule_for(extra).code
    assert finding.message == f"{code}: noticed" and (finding.location.start, finding.location.end) == (0, 3)


def test_info_diagnostics_are_not_findings() -> None:
    transcript = parse("MR. HALVERSON:  Good morning.\n", detect_language=False)
    extra = Diagnostic(code="P009", severity=Severity.INFO, message="a song, kept as unattributed text")
    report = check(transcript.model_copy(update={"diagnostics": (extra,)}))
    assert not [f for f in report.findings if f.rule.startswith("IA0")]


def test_parse_rules_can_be_ignored_like_any_rule() -> None:
    from interp_align.quality import QualityConfig

    report = check(parse("", detect_language=False), config=QualityConfig(ignore=("parse",)))
    assert report.findings == ()


@pytest.mark.parametrize("text", [
    "Remarks\r\rMR. HALVERSON:  Good morning.\r\rMINISTER ORTIZ:  (Via interpreter) Thank you.\r",
    "MR. HALVERSON:  Good morning.\rMINISTER ORTIZ:  (Via interpreter) Thank you.\r",
])
def test_cr_only_line_endings_give_turns_or_a_finding(text: str) -> None:
    """Old Mac line ends: check reports the real turns or a parse finding, never one silent run-on turn."""
    transcript = parse(text, detect_language=False)
    report = check(transcript)
    assert len(transcript.turns) == 2 or any(f.rule.startswith("IA0") for f in report.findings)

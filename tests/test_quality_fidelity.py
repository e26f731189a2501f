"""Fidelity beside the original (issue 10): gaps inside merged links, glosses, figures across sentence
boundaries, name variants across records, partial renderings, and a Spanish rendering checked too.

The records are the project-written Rio Bravo pair (``corpora/rio-bravo-water-2026``) and the check
corpus's planted copies of it, plus small records written here.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from interp_align.models import Severity
from interp_align.parse import parse, read
from interp_align.quality import QualityReport, check
from interp_align.quality.coverage import content_words, coverage
from interp_align.quality.spelling import transliteration_key

ROOT = Path(__file__).resolve().parent.parent
RIO = ROOT / "corpora" / "rio-bravo-water-2026"
CORPUS = ROOT / "corpora" / "check-corpus"


def _check(english: Path, spanish: Path) -> QualityReport:
    return check(read(english, detect_language=False, language="en"),
                 original=read(spanish, detect_language=False, language="es"))


def _above_info(report: QualityReport) -> list[tuple[str, str]]:
    return [(f.rule, f.message) for f in report.findings if f.severity is not Severity.INFO]


def _found(report: QualityReport, rule: str, excerpt: str) -> list[Severity]:
    return [f.severity for f in report.findings
            if f.rule == rule and (excerpt in f.location.excerpt or any(excerpt in r.excerpt for r in f.related))]


@pytest.fixture(scope="module")
def planted() -> QualityReport:
    return _check(CORPUS / "v07-rio-fidelity.en.txt", RIO / "es.txt")


def test_clean_pair_has_nothing_above_info() -> None:
    assert _above_info(_check(RIO / "en.txt", RIO / "es.txt")) == []


def test_faithful_paraphrase_has_nothing_above_info() -> None:
    """Spelled-out and rescaled figures, a sentence rendered as two, accents dropped: all faithful."""
    assert _above_info(_check(CORPUS / "v09-rio-paraphrase.en.txt", RIO / "es.txt")) == []


@pytest.mark.parametrize(
    ("rule", "excerpt", "severity"),
    [
        ("IA603", "375,000", Severity.ERROR),
        ("IA603", "13 percent", Severity.ERROR),
        ("IA603", "three hundred and forty million", Severity.ERROR),
        ("IA602", "That is, the Mexican currency.", Severity.WARNING),
        ("IA601", "Eso ya está previsto en el artículo 7.", Severity.WARNING),
        ("IA607", "Cárdenaz", Severity.WARNING),
        ("IA607", "Benavidez", Severity.WARNING),
    ],
)
def test_planted_fidelity_defect(planted: QualityReport, rule: str, excerpt: str, severity: Severity) -> None:
    assert severity in _found(planted, rule, excerpt), [(f.rule, f.severity.value, f.message) for f in planted.findings]


def test_partial_rendering_is_one_finding() -> None:
    report = _check(CORPUS / "v08-rio-partial.en.txt", RIO / "es.txt")
    partial = [f for f in report.findings if f.rule == "IA608"]
    assert len(partial) == 1 and partial[0].severity is Severity.WARNING
    assert "5 of the 8 sentences" in partial[0].message
    # the sentences it covers are not reported again one by one
    assert not [f for f in report.findings if f.rule == "IA601" and "Cárdenas decía" in " ".join(r.excerpt for r in f.related)]


def test_spanish_rendering_checked_against_english_original() -> None:
    report = check(read(CORPUS / "v11-rio-fidelity.es.txt", detect_language=False, language="es"),
                   original=read(RIO / "en.txt", detect_language=False, language="en"))
    assert Severity.ERROR in _found(report, "IA603", "840 millones")
    assert _found(report, "IA601", "joint monitoring center") == [Severity.WARNING]
    assert _found(report, "IA607", "Harlou") == [Severity.WARNING]
    assert _found(report, "IA602", "Es decir, al inicio del verano.") == [Severity.WARNING]


SPANISH = ("SECRETARIA GÓMEZ: Buenos días. Detuvimos a 500 personas en marzo. Además, desmantelamos 150 células "
           "delictivas en la frontera norte del país. Pero es indispensable detener el tráfico de armas.\n")


def test_omission_folded_into_a_merged_link() -> None:
    """The aligner links the left-out sentence with its neighbour (a 2-1 bead); its figure gives it away."""
    english = ("SECRETARY GÓMEZ:  (Via interpreter) Good morning.  We detained 500 people in March.  But it is "
               "imperative to stop the trafficking of firearms that end up in the hands of criminal groups.\n")
    report = check(parse(english, language="en", detect_language=False), original=parse(SPANISH, language="es", detect_language=False))
    assert Severity.WARNING in _found(report, "IA601", "desmantelamos 150")
    assert not [f for f in report.findings if f.rule == "IA603"]  # the gap's figure is not also a mismatch


def test_figure_moved_to_the_next_sentence_is_no_mismatch() -> None:
    english = ("SECRETARY GÓMEZ:  (Via interpreter) Good morning.  We detained many people in March.  There were 500 "
               "of them.  We also dismantled 150 criminal cells in the northern border region.  But it is "
               "imperative to stop arms trafficking.\n")
    report = check(parse(english, language="en", detect_language=False), original=parse(SPANISH, language="es", detect_language=False))
    assert not [f for f in report.findings if f.rule == "IA603"], report.findings


@pytest.mark.parametrize(("a", "b"), [("Zelenskyy", "Zelenski"), ("Interoceanic", "Interoceánico"), ("Lazaro", "Lázaro"),
                                      ("Binational", "Binacional")])
def test_transliteration_variants_are_one_key(a: str, b: str) -> None:
    assert transliteration_key(a) == transliteration_key(b)


@pytest.mark.parametrize(("a", "b"), [("Cárdenaz", "Cárdenas"), ("Blinkin", "Blinken"), ("Harlou", "Harlow"),
                                      ("Ornellas", "Ornelas")])
def test_misspellings_are_not_one_key(a: str, b: str) -> None:
    assert transliteration_key(a) != transliteration_key(b)


def test_coverage_counts_translations_cognates_and_figures() -> None:
    english = ["Mexico will contribute 9,600 million pesos in three stages."]
    # "aportar" is not in the lexicon; México (cognate), 9,600 million (figure), pesos, tres, etapas are covered
    assert coverage("México va a aportar 9 mil 600 millones de pesos en tres etapas.", "es", english, "en") == 0.8
    assert coverage("Muchas gracias, secretario Mayorkas.", "es", ["I believe that it's your turn."], "en") == 0.0
    assert content_words("four thousand people", "en") == ["#4000", "people"]
    assert coverage("Gracias.", "es", ["Thank you."], "en") is not None


def test_cli_checks_a_spanish_rendering_against_the_english_original(capsys: pytest.CaptureFixture[str]) -> None:
    from interp_align.cli import main

    code = main(["check", str(CORPUS / "v11-rio-fidelity.es.txt"), "--original", str(RIO / "en.txt"), "--no-detect",
                 "--select", "IA6", "--format", "json"])
    out = capsys.readouterr().out
    assert code == 1  # the wrong figure is an error
    assert "840 millones" in out and "IA607" in out

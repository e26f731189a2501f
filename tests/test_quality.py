"""Quality rules: one test per rule family on fixtures written for them, plus the seed."""

from __future__ import annotations

from pathlib import Path

import pytest

from interp_align.models import Alignment, Bead, Severity, TurnPair
from interp_align.parse import parse, read
from interp_align.quality import QualityConfig, QualityReport, all_rules, check, rule_info
from interp_align.quality.rules.flags import foreign_runs
from interp_align.quality.rules.names import edit_distance

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures" / "quality"
SEED = ROOT / "corpora" / "us-mexico-security-dialogue-2023" / "en.txt"


def _hits(report: QualityReport) -> set[tuple[str, str]]:
    return {(f.rule, f.location.excerpt) for f in report.findings}


def _has(report: QualityReport, rule: str, excerpt: str) -> bool:
    return any(f.rule == rule and excerpt in f.location.excerpt for f in report.findings)


@pytest.fixture(scope="module")
def defects() -> QualityReport:
    return check(read(FIXTURES / "defects_en.txt"))


@pytest.mark.parametrize(
    ("rule", "excerpt"),
    [
        ("IA101", "(inaudible)"),
        ("IA103", "[crosstalk]"),
        ("IA203", "vxqzrt"),
        ("IA204", "and trust and trust"),
        ("IA204", "The the"),
        ("IA205", "Our ministry will –"),
        ("IA206", "delegation of – the full delegation"),
        ("IA207", "continue to building"),
        ("IA207", "It is great to me with"),
        ("IA301", "Navaro"),
        ("IA401", "(Via interpreter.)"),
        ("IA402", "SECRETARY NAVARRO"),
        ("IA403", "Pues bien, les agradezco"),
        ("IA404", "Muchas gracias"),
        ("IA501", "Next, Ambassador Laura Holt."),
        ("IA502", "SECRETARY HOLT"),
        ("IA503", "Leave a Reply"),
        ("IA504", "sweet bonanza slot gacor"),
    ],
)
def test_each_defect_is_reported(defects: QualityReport, rule: str, excerpt: str) -> None:
    assert _has(defects, rule, excerpt), sorted(_hits(defects))


def test_findings_are_located_exactly(defects: QualityReport) -> None:
    text = (FIXTURES / "defects_en.txt").read_text(encoding="utf-8")
    lines = text.split("\n")
    for f in defects.findings:
        loc = f.location
        assert " ".join(text[loc.start : loc.end].split())[:157] == loc.excerpt[:157]
        assert lines[loc.line - 1][loc.column - 1 :].startswith(text[loc.start : loc.end].split("\n")[0])


def test_every_signal_says_which_fired(defects: QualityReport) -> None:
    for f in defects.findings:
        assert f.message.split(":")[0] in {
            "inaudible passage marked '(inaudible)'", "crosstalk marked '[crosstalk]'", "mojibake", "character noise",
            "non-word", "repetition", "broken-off sentence", "self-repair at a dash", "ungrammatical rendering",
            "name misspelled", "name accents", "marker spelling", "marker missing", "untranslated passage",
            "code-switch", "speaker change", "empty turn", "boilerplate left in the record (page chrome",
            "spam left in the record (spam link text)",
        }, f.message


def test_garble_scores_carry_reasons(defects: QualityReport) -> None:
    scored = [s for s in defects.sentences if s.score >= 0.5]
    assert scored
    assert all(s.reasons and 0 < s.score <= 1 for s in defects.sentences)
    assert defects.document.garbled_sentences == len(scored)


def test_metrics_counts_and_rates(defects: QualityReport) -> None:
    doc = defects.document
    assert doc.findings == len(defects.findings)
    assert doc.errors + doc.warnings + doc.infos == doc.findings
    assert doc.gaps == 2
    assert doc.gaps_per_1000_words == pytest.approx(round(2000 / doc.words, 3))
    per_turn = sum(t.findings for t in defects.turns)
    outside = sum(1 for f in defects.findings if f.location.turn is None)
    assert per_turn + outside == doc.findings
    navarro = next(s for s in defects.speakers if s.key.startswith("navarro"))
    assert navarro.turns == 2 and navarro.gaps == 2


def test_signature_names_settings() -> None:
    sig = QualityConfig(ignore=("IA203",), thresholds={"name_similarity": 0.9}).signature()  # type: ignore[arg-type]
    assert "IA203" not in sig.split("|")[0] and "name_similarity:0.9" in sig and "version:" in sig


def test_select_ignore_and_severity_override() -> None:
    transcript = read(FIXTURES / "defects_en.txt")
    only_gaps = check(transcript, config=QualityConfig(select=("IA1",)))
    assert {f.rule for f in only_gaps.findings} == {"IA101", "IA103"}
    no_names = check(transcript, config=QualityConfig(ignore=("names", "IA504")))
    assert not {f.rule for f in no_names.findings} & {"IA301", "IA302", "IA504"}
    louder = check(transcript, config=QualityConfig(select=("inaudible",), severity={"IA101": Severity.ERROR}))
    assert [f.severity for f in louder.findings] == [Severity.ERROR]


def test_rule_registry_is_stable() -> None:
    codes = [r.code for r in all_rules()]
    assert codes == sorted(codes) and len(codes) == len(set(codes))
    assert rule_info("inaudible").code == "IA101" and rule_info("ia301").name == "name-misspelled"
    with pytest.raises(KeyError):
        rule_info("IA999")


@pytest.mark.parametrize(("a", "b", "d"), [("roderiguez", "rodriguez", 1), ("kitten", "sitting", 3), ("", "abc", 3)])
def test_edit_distance(a: str, b: str, d: int) -> None:
    assert edit_distance(a, b) == d == edit_distance(b, a)


def test_foreign_runs_skip_names_and_shared_words() -> None:
    words = ["Thank", "you", ",", "Rosa", "Icela", ",", "muchas", "gracias", "a", "todos"]
    spans = [(0, 0, w) for w in words if w.isalpha()]
    runs = foreign_runs(spans, "en", margin=1.5, min_zipf=3.0)
    found = [" ".join(w for _, _, w in spans[a : b + 1]) for a, b, _, _ in runs]
    assert found == ["muchas gracias a todos"]


def test_accent_only_name_is_info() -> None:
    text = "SECRETARY RODRÍGUEZ:  Hello.\n\nSECRETARY BLINKEN:  Thank you, Secretary Rodriguez.\n"
    report = check(parse(text, language="en"), config=QualityConfig(select=("names",)))
    assert [(f.rule, f.severity, f.suggestion) for f in report.findings] == [("IA302", Severity.INFO, "Rodríguez")]


def test_mojibake_and_noise() -> None:
    text = "SECRETARY SMITH:  The delegation of MÃ©xico arrived.  We said \x07\x07\x07 hello ��� there.\n"
    report = check(parse(text, language="en"), config=QualityConfig(select=("IA201", "IA202")))
    rules = [f.rule for f in report.findings]
    assert rules.count("IA201") >= 1 and "IA202" in rules
    moj = next(f for f in report.findings if f.rule == "IA201")
    assert moj.suggestion and "é" in moj.suggestion


# -- fidelity ---------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def fidelity_pair() -> tuple[Alignment, QualityReport]:
    en = read(FIXTURES / "fidelity_en.txt", language="en")
    es = read(FIXTURES / "fidelity_es.txt", language="es")
    assert [len(t.sentences) for t in en.turns] == [2, 4] and [len(t.sentences) for t in es.turns] == [2, 5]
    # hand-built: Spanish 3 ("900 laboratorios") dropped by the interpreter
    beads = (Bead(src=(0,), tgt=(0,)), Bead(src=(1,), tgt=(1,)), Bead(src=(2,), tgt=(2,)),
             Bead(src=(3,), tgt=()), Bead(src=(4,), tgt=(3,)))
    alignment = Alignment(english=en, spanish=es, pairs=(
        TurnPair(english_turn=0, spanish_turn=0, original_language="en",
                 beads=(Bead(src=(0,), tgt=(0,)), Bead(src=(1,), tgt=(1,)))),
        TurnPair(english_turn=1, spanish_turn=1, original_language="es", beads=beads),
    ))
    return alignment, check(en, alignment=alignment)


def test_number_mismatch_located_in_both_records(fidelity_pair: tuple[Alignment, QualityReport]) -> None:
    _, report = fidelity_pair
    (mismatch,) = [f for f in report.findings if f.rule == "IA603"]
    assert mismatch.severity is Severity.ERROR and mismatch.location.excerpt == "4.7 tons"
    assert mismatch.location.path and mismatch.location.path.endswith("fidelity_en.txt")
    (spanish,) = mismatch.related
    assert spanish.excerpt == "7.4 toneladas" and spanish.path and spanish.path.endswith("fidelity_es.txt")
    assert "78,000" not in mismatch.message  # 78,000 = 78 mil


def test_omission_located_in_both_records(fidelity_pair: tuple[Alignment, QualityReport]) -> None:
    _, report = fidelity_pair
    (omission,) = [f for f in report.findings if f.rule == "IA601"]
    assert omission.severity is Severity.WARNING
    assert omission.location.excerpt == "We seized 4.7 tons of fentanyl."  # where it would have been
    assert omission.related[0].excerpt == "Además, cerramos 900 laboratorios clandestinos."


def test_fidelity_end_to_end_with_aligner() -> None:
    en = read(FIXTURES / "fidelity_en.txt")
    es = read(FIXTURES / "fidelity_es.txt")
    report = check(en, original=es)
    assert _has(report, "IA603", "4.7 tons")
    assert "alignment:[" in report.signature


def test_length_ratio_and_name_mismatch() -> None:
    en = parse("SECRETARY LOPEZ:  (Via interpreter) Thanks to Garland.  Yes.\n", language="en")
    es = parse("SECRETARIO LÓPEZ: Gracias a Mayorkas. Agradecemos profundamente el extraordinario "
               "trabajo de todas las instituciones de ambos países durante estos años.\n", language="es")
    en = en.model_copy(update={"speakers": (*en.speakers, *parse("FISCAL GARLAND: Hola.\n\nSECRETARIO MAYORKAS: Hola.\n", language="es").speakers)})
    pair = TurnPair(english_turn=0, spanish_turn=0, original_language="es",
                    beads=(Bead(src=(0,), tgt=(0,)), Bead(src=(1,), tgt=(1,))))
    report = check(en, alignment=Alignment(english=en, spanish=es, pairs=(pair,)), config=QualityConfig(select=("fidelity",)))
    rules = {f.rule for f in report.findings}
    assert {"IA604", "IA605"} <= rules


def test_quoted_turn_needs_no_marker() -> None:
    """Regression (gob.mx 2025-09-18): Carney quotes Juárez in Spanish himself, unmarked and rightly so."""
    text = ("PRIMER MINISTRO CARNEY: (Interpretación del inglés al español) Gracias.\n\n"
            "PRESIDENTA SHEINBAUM: Gracias.\n\n"
            "PRIMER MINISTRO CARNEY: “Entre los individuos, como entre las naciones, el respeto al derecho ajeno es la paz”.\n\n"
            "PRIMER MINISTRO CARNEY: Y seguimos trabajando.\n")
    report = check(parse(text, language="es"), config=QualityConfig(select=("IA402",)))
    assert [f.location.line for f in report.findings] == [7]

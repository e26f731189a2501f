"""The shapes real English–Spanish pairs showed the fidelity rules (``benchmarks/check_pairs.py``).

Every record here is written for the test; the shapes are those judged on six real events.  Where a
shape depends on how the aligner links sentences, the alignment is built by hand (bead by bead, with
its confidence), so the test pins the rule's reading of the beads and not the aligner.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

from interp_align.models import Alignment, Bead, Severity, Transcript, TurnPair
from interp_align.parse import parse
from interp_align.quality import Finding, check

ROOT = Path(__file__).resolve().parent.parent


def _en(body: str, label: str = "SECRETARY NAVARRO") -> Transcript:
    return parse(f"{label}:  (As interpreted.)  {body}\n", language="en", detect_language=False)


def _es(body: str, label: str = "SECRETARIO NAVARRO") -> Transcript:
    return parse(f"{label}: {body}\n", language="es", detect_language=False)


def _linked(english: Transcript, spanish: Transcript, beads: list[tuple[tuple[int, ...], tuple[int, ...], float]]) -> list[Finding]:
    """Check ``english`` against ``spanish`` with turn 0 linked to turn 0 by these beads (src = Spanish)."""
    assert len(english.turns) == len(spanish.turns) == 1
    pair = TurnPair(english_turn=0, spanish_turn=0, original_language="es", confidence=1.0,
                    beads=tuple(Bead(src=s, tgt=t, confidence=c) for s, t, c in beads))
    return list(check(english, alignment=Alignment(english=english, spanish=spanish, pairs=(pair,))).findings)


def _severities(findings: list[Finding], rule: str, excerpt: str) -> list[Severity]:
    return [f.severity for f in findings if f.rule == rule and excerpt in f.location.excerpt + f.message]


def _sentences(transcript: Transcript) -> int:
    return len(transcript.turns[0].sentences)


# -- IA601 / IA602: leads ---------------------------------------------------------------------------

SURE_ES = "Hablamos del agua del río. ¿Cuánto ganamos nosotros con semejante brío? Seguiremos trabajando juntos."
SURE_EN = "We spoke about the river water. Now, what did we take home from such a push? We will keep working together."


@pytest.mark.parametrize(("confidence", "severity"), [(1.0, Severity.INFO), (0.6, Severity.WARNING)])
def test_a_one_to_one_link_the_aligner_is_sure_of_stands_though_no_word_is_shared(confidence: float, severity: Severity) -> None:
    english, spanish = _en(SURE_EN), _es(SURE_ES)
    assert _sentences(english) == _sentences(spanish) == 3
    found = _linked(english, spanish, [((0,), (0,), 1.0), ((1,), (1,), confidence), ((2,), (2,), 1.0)])
    assert _severities(found, "IA601", "semejante brío") == [severity]
    if severity is Severity.INFO:
        assert any("sound link" in f.message for f in found if f.rule == "IA601")


def test_an_omission_beside_an_addition_of_like_length_is_a_missed_link() -> None:
    english, spanish = _en(SURE_EN), _es(SURE_ES)
    found = _linked(english, spanish, [((0,), (0,), 1.0), ((1,), (), 0.9), ((), (1,), 0.9), ((2,), (2,), 1.0)])
    assert _severities(found, "IA601", "semejante brío") == [Severity.INFO]
    assert _severities(found, "IA602", "such a push") == [Severity.INFO]
    assert all("missed link" in f.message for f in found if f.rule in ("IA601", "IA602"))


def test_lone_sentences_beside_a_one_to_many_link_are_its_overflow() -> None:
    spanish = _es("Antes nadie atendía a los jóvenes, les pusieron una etiqueta, ni estudian ni trabajan, y nunca se ocuparon "
                  "de ellos, por eso muchos se fueron del país. Hoy reciben becas.")
    english = _en("Before, nobody looked after young people. They were labelled. They did not study. They did not work. "
                  "Nobody ever cared for our youth. So many of them had to leave the country. Today they get grants.")
    assert _sentences(spanish) == 2 and _sentences(english) == 7
    found = _linked(english, spanish, [((0,), (0, 1, 2, 3), 0.9), ((), (4,), 1.0), ((), (5,), 1.0), ((1,), (6,), 1.0)])
    assert _severities(found, "IA602", "cared for our youth") == [Severity.INFO]
    assert _severities(found, "IA602", "leave the country") == [Severity.INFO]
    # the first is covered by the link before it; the second, beyond it, is that link's overflow
    assert [f for f in found if f.rule == "IA602" and "leave the country" in f.message
            and "rest of the neighbouring link" in f.message]


def test_a_sentence_that_restates_its_neighbour_is_no_addition() -> None:
    spanish = _es("Los críticos van a gritar hasta el cielo, pero el plan sigue. Empezamos mañana.")
    english = _en("The critics are going to be shouting all the way to the sky. They are going to be shouting at the sky. "
                  "But the plan goes on. We start tomorrow.")
    assert _sentences(english) == 4
    found = _linked(english, spanish, [((0,), (0, 1, 2), 0.7), ((1,), (3,), 1.0)])
    assert [f.severity for f in found if f.rule == "IA602"] in ([], [Severity.INFO])
    assert not [f for f in found if f.rule == "IA602" and f.severity is not Severity.INFO]


@pytest.mark.parametrize(
    ("spanish_tail", "severity"),
    [
        ("Un abrazo fraterno, presidenta Ruiz.", Severity.INFO),  # a courtesy
        ("Esto es algo notable.", Severity.INFO),  # too slight to be sure
        ("Vamos a construir tres plantas potabilizadoras en la frontera norte.", Severity.WARNING),  # content lost
    ],
)
def test_a_lone_omission_warns_only_when_it_carries_content(spanish_tail: str, severity: Severity) -> None:
    spanish = _es(f"Hablamos del agua del río. Seguiremos trabajando juntos. {spanish_tail}")
    english = _en("We spoke about the river water. We will keep working together.")
    found = _linked(english, spanish, [((0,), (0,), 1.0), ((1,), (1,), 1.0), ((2,), (), 1.0)])
    assert _severities(found, "IA601", spanish_tail[:12]) == [severity]


def test_a_gloss_is_never_a_lead() -> None:
    spanish = _es("Pagamos en pesos a los productores del norte del país, con apoyo federal. Seguimos.")
    english = _en("We pay northern producers in pesos. That is, the Mexican currency. With federal support. We go on.")
    # the gloss stands alone beside a one-to-two link: the overflow shape, yet still a warning
    found = _linked(english, spanish, [((0,), (0,), 0.9), ((), (1,), 0.9), ((1,), (2, 3), 0.9)])
    assert _severities(found, "IA602", "That is, the Mexican currency.") == [Severity.WARNING]


# -- IA606 turn-missing ----------------------------------------------------------------------------

def _turns(spanish_extra: str) -> list[Finding]:
    english = parse("SECRETARY HOLT:  Welcome.\n\nSECRETARY NAVARRO:  (Via interpreter) Thank you.\n",
                    language="en", detect_language=False)
    spanish = parse("SECRETARIO HOLT: (Interpretación del inglés al español) Bienvenidos.\n\n"
                    f"{spanish_extra}\n\nSECRETARIO NAVARRO: Gracias.\n", language="es", detect_language=False)
    return list(check(english, original=spanish).findings)


@pytest.mark.parametrize(
    ("turn", "severity"),
    [
        ("MODERADORA: Hace uso de la palabra el secretario Navarro, titular de la dependencia, a quien damos la bienvenida.",
         Severity.INFO),
        ("SECRETARIA GÓMEZ: Agradecemos a los medios.", Severity.INFO),
        ("SECRETARIA GÓMEZ: Quiero añadir unas palabras sobre la cooperación en materia de seguridad fronteriza.",
         Severity.WARNING),
    ],
)
def test_a_missing_announcer_or_procedural_turn_is_routine(turn: str, severity: Severity) -> None:
    assert [f.severity for f in _turns(turn) if f.rule == "IA606"] == [severity]


# -- IA604 / IA607 / IA403 -------------------------------------------------------------------------

def test_names_in_a_link_of_several_sentences_are_only_info() -> None:
    english = parse("PRESIDENT HOLT:  Hello.\n\nPRIME MINISTER PIKE:  Hi.\n\nQ  Hi, Prime Minister Pike.  "
                    "For you, sir: is the border plan working?\n", language="en", detect_language=False)
    spanish = parse("PRESIDENTE HOLT: (Interpretación del inglés al español) Hola.\n\nPRIMER MINISTRO PIKE: "
                    "(Interpretación del inglés al español) Hola.\n\nPREGUNTA: (Interpretación del inglés al español) "
                    "Señor presidente Holt, ¿funciona el plan fronterizo?\n", language="es", detect_language=False)
    pairs = tuple(TurnPair(english_turn=i, spanish_turn=i, original_language="en", confidence=1.0,
                           beads=(Bead(src=(0,), tgt=tuple(range(len(english.turns[i].sentences)))),))
                  for i in range(3))
    findings = check(english, alignment=Alignment(english=english, spanish=spanish, pairs=pairs)).findings
    assert [f.severity for f in findings if f.rule == "IA604"] == [Severity.INFO]


@pytest.mark.parametrize(("word", "reported"), [("Venezuelans", False), ("Venezuella", True)])
def test_a_demonym_beside_its_country_is_no_name_variant(word: str, reported: bool) -> None:
    english = _en(f"Most arrivals come from four countries. {word} were trying to enter.")
    spanish = _es("La mayoría viene de cuatro países: Venezuela, Cuba, Haití y Nicaragua.")
    found = [f for f in check(english, original=spanish).findings if f.rule == "IA607"]
    assert bool(found) is reported


def test_a_reporter_greeting_the_host_in_spanish_is_on_purpose() -> None:
    record = ("PRESIDENT HOLT:  Go ahead.\n\nQ  Thank you.  Y señor Presidente, usted sabe que le agradecemos mucho la "
              "bienvenida esta semana.  My question is for President Holt: what about the border?  And how many "
              "new officers will the plan send there this year?\n")
    transcript = parse(record, language="en", detect_language=False)
    assert [f.severity for f in check(transcript).findings if f.rule == "IA403"] == [Severity.INFO]
    holt = parse("SECRETARY HOLT:  Thank you.  Estamos muy agradecidos por la hospitalidad del pueblo de México.\n",
                 language="en", detect_language=False)
    assert [f.severity for f in check(holt).findings if f.rule == "IA403"] == [Severity.WARNING]


# -- the benchmark ---------------------------------------------------------------------------------

def _benchmark() -> ModuleType:
    """The benchmark script as a module (it is not part of the package)."""

    spec = importlib.util.spec_from_file_location("check_pairs", ROOT / "benchmarks" / "check_pairs.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("check_pairs", module)  # dataclasses look their module up while the class is made
    spec.loader.exec_module(module)
    return module


def test_check_pairs_skips_cleanly_without_pairs(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.delenv("INTERP_ALIGN_PAIRS", raising=False)
    assert _benchmark().main([]) == 0
    assert "skipped" in capsys.readouterr().out


def test_check_pairs_scores_judged_findings(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A written pair with one planted figure change: the benchmark finds it, keys it and scores the verdict."""
    (tmp_path / "en").mkdir()
    (tmp_path / "es").mkdir()
    (tmp_path / "gold").mkdir()
    (tmp_path / "en" / "event.md").write_text("SECRETARY GÓMEZ:  (Via interpreter) We seized 4.7 tons of fentanyl.\n",
                                              encoding="utf-8")
    (tmp_path / "es" / "event.txt").write_text("SECRETARIA GÓMEZ: Aseguramos 7.4 toneladas de fentanilo.\n", encoding="utf-8")
    (tmp_path / "gold" / "pair1.tsv").write_text("# en: en/event.md  es: es/event.txt\n", encoding="utf-8")
    bench = _benchmark()
    found = [f for f in bench.current_findings(bench.pairs(tmp_path)) if f.rule == "IA603"]
    assert found and all(f.event == "pair1" for f in found)
    judgements = tmp_path / "judged.tsv"
    judgements.write_text("event\tfile\toffset\tother_offset\trule\tseverity\tverdict\treason\n"
                          + "".join(f"pair1\t{f.file}\t{f.offset}\t{f.other}\t{f.rule}\t{f.severity}\ttrue\tfigure changed\n"
                                    for f in found), encoding="utf-8")
    assert bench.main(["--pairs", str(tmp_path), "--judgements", str(judgements), "--baseline", str(tmp_path / "none")]) == 0
    out = capsys.readouterr().out
    assert "IA603" in out and "1.00" in out

"""Language identification: the listed short examples, determinism, the registry, and the benchmark claim."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from interp_align.errors import ConfigError
from interp_align.langid import (
    LangdetectIdentifier,
    LanguageIdentifier,
    available_identifiers,
    get_identifier,
    lexical_evidence,
    mask_names,
    register_identifier,
)
from interp_align.models import LanguageSource, LanguageTag

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "tests" / "fixtures" / "langid" / "examples.tsv"
SEGMENTS = ROOT / "corpora" / "langid-short-segments" / "segments.tsv"


def read_tsv(path: Path) -> list[tuple[str, str]]:
    lines = path.read_text(encoding="utf-8").splitlines()[1:]
    return [(lang, text) for lang, text in (line.split("\t", 1) for line in lines if line)]


def accuracy(identifier: LanguageIdentifier, rows: list[tuple[str, str]]) -> float:
    right = 0
    for gold, text in rows:
        tag = identifier.detect(text)
        right += tag is not None and tag.code == gold
    return right / len(rows)


@pytest.mark.parametrize("backend", ["langdetect", "langdetect-full", "lexical"])
@pytest.mark.parametrize(("gold", "text"), read_tsv(EXAMPLES))
def test_listed_examples(backend: str, gold: str, text: str) -> None:
    tag = get_identifier(backend).detect(text)
    if gold == "-":
        assert tag is None  # no letters: no language
    else:
        assert tag is not None and tag.code == gold
        assert tag.source is LanguageSource.DETECTED and 0.5 <= tag.confidence <= 1.0


def test_project_configuration_beats_stock_langdetect_on_short_segments() -> None:
    rows = read_tsv(SEGMENTS)
    assert len(rows) >= 300
    stock = accuracy(get_identifier("langdetect-stock"), rows)
    ours = accuracy(get_identifier("langdetect"), rows)
    lexical = accuracy(get_identifier("lexical"), rows)
    assert ours > stock + 0.2
    assert lexical > stock
    assert ours >= 0.95


def test_restricted_detector_answers_only_the_chosen_languages() -> None:
    raw = LangdetectIdentifier(prior=False)
    for text in ["Creo que no.", "Vamos a continuar.", "Ambos países.", "Empecemos.", "Muy bien."]:
        tag = raw.detect(text)
        assert tag is not None and tag.code in {"en", "es"}


def test_stock_detector_can_answer_other_languages() -> None:
    answers = {
        tag.code
        for text in ["Vamos a continuar.", "Creo que no.", "Estamos agradecidos."]
        if (tag := get_identifier("langdetect-stock").detect(text))
    }
    assert answers - {"en", "es"}, "stock langdetect is the unrestricted baseline"


def test_long_texts_follow_their_words() -> None:
    english = "We discussed security, migration and trade with our Mexican colleagues this morning."
    spanish = "Hablamos de seguridad, migración y comercio con nuestros colegas de Estados Unidos."
    identifier = get_identifier()
    assert (identifier.detect(english) or _none()).code == "en"
    assert (identifier.detect(spanish) or _none()).code == "es"


def _none() -> LanguageTag:
    raise AssertionError("expected a language tag")


def test_same_answers_in_a_fresh_process() -> None:
    texts = [text for _, text in read_tsv(SEGMENTS)[::7]]
    identifier = get_identifier()
    here = [
        None if (t := identifier.detect(text)) is None else [t.code, t.confidence] for text in texts
    ]
    script = (
        "import json, sys\n"
        "from interp_align.langid import get_identifier\n"
        "identifier = get_identifier()\n"
        "texts = json.load(sys.stdin)\n"
        "out = [None if (t := identifier.detect(x)) is None else [t.code, t.confidence] for x in texts]\n"
        "print(json.dumps(out))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script],
        input=json.dumps(texts),
        capture_output=True,
        text=True,
        check=True,
        env={"PYTHONHASHSEED": "12345", "PATH": ""},
        cwd=ROOT,
    )
    assert json.loads(result.stdout) == here


def test_mask_names_keeps_length_and_blanks_only_names() -> None:
    text = "Secretary Bárcena and Mr. Ramírez met Gracias."
    masked = mask_names(text)
    assert len(masked) == len(text)
    assert "Bárcena" not in masked and "Ramírez" not in masked
    assert masked.startswith("Secretary") and "Mr." in masked and "Gracias" in masked


def test_lexical_evidence_signs() -> None:
    assert lexical_evidence("Muchas gracias por todo.")[0] > 0
    assert lexical_evidence("Thank you for everything.")[0] < 0
    assert lexical_evidence("¿Ya?")[0] > 0
    assert lexical_evidence("1234") == (0.0, 0)


def test_registry() -> None:
    assert {"langdetect", "langdetect-full", "lexical", "langdetect-stock", "py3langid"} <= set(
        available_identifiers()
    )
    with pytest.raises(ConfigError, match="unknown language identifier"):
        get_identifier("nope")

    class Always:
        name = "always-es"

        def detect(self, text: str) -> LanguageTag | None:
            return LanguageTag(code="es", confidence=1.0, source=LanguageSource.DETECTED)

    register_identifier("always-es", lambda languages, seed: Always())
    tag = get_identifier("always-es").detect("Thank you.")
    assert tag is not None and tag.code == "es"


@pytest.mark.parametrize(
    ("name", "languages"),
    [
        ("langdetect", ["en"]),
        ("lexical", ["en", "fr"]),
        ("langdetect", ["en", "xx"]),
        ("lexical", ["es", "es-MX"]),
    ],
)
def test_bad_language_choices(name: str, languages: list[str]) -> None:
    with pytest.raises(ConfigError):
        get_identifier(name, languages)


def test_region_tags_use_the_base_profile() -> None:
    tag = get_identifier("langdetect", ["en-US", "es-MX"]).detect("Muchas gracias.")
    assert tag is not None and tag.code == "es"


def test_py3langid_is_optional() -> None:
    try:
        identifier = get_identifier("py3langid")
    except ConfigError as error:
        assert "py3langid" in str(error)
        return
    tag = identifier.detect("Muchas gracias a todos ustedes por venir hoy.")
    assert tag is not None and tag.code == "es"

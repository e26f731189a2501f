"""Golden checks on the seed transcript (corpora/us-mexico-security-dialogue-2023/en.txt)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from interp_align.models import BlockKind, MarkerKind, Transcript
from interp_align.parse import parse, read

SEED = Path(__file__).resolve().parents[1] / "corpora" / "us-mexico-security-dialogue-2023" / "en.txt"


@pytest.fixture(scope="module")
def seed() -> Transcript:
    return read(SEED, detect_language=False)


def test_ten_labelled_turns_eight_speakers(seed: Transcript) -> None:
    assert len(seed.turns) == 10
    assert len(seed.speakers) == 8
    assert len(seed.turns_of("rodriguez")) == 3
    assert seed.speaker("rodriguez").name == "Rodríguez"
    assert seed.speaker("rodriguez").role == "Security Secretary"


def test_six_interpreted_turns_declared_es_to_en(seed: Transcript) -> None:
    interpreted = [t for t in seed.turns if t.interpretation.interpreted]
    assert len(interpreted) == 6
    marker_texts = sorted(t.interpretation.marker.text for t in interpreted if t.interpretation.marker)
    assert marker_texts == ["(Via interpreter)"] * 5 + ["(Via interpreter.)"]
    assert {(t.interpretation.source_language, t.interpretation.target_language) for t in interpreted} == {("es", "en")}
    assert all(t.declared_language == "en" for t in interpreted)
    others = [t for t in seed.turns if not t.interpretation.interpreted]
    assert len(others) == 4
    assert {t.speaker_id for t in others} == {"blinken", "garland", "mayorkas", "sherwood-randall"}


def test_one_inaudible_marker_in_rodriguez_second_turn(seed: Transcript) -> None:
    inaudible = [(t, m) for t in seed.turns for m in t.markers if m.kind is MarkerKind.INAUDIBLE]
    assert len(inaudible) == 1
    turn, marker = inaudible[0]
    assert turn is seed.turns_of("rodriguez")[1]
    assert seed.text[marker.start : marker.end] == "(inaudible)" == marker.text


def test_title_is_first_line(seed: Transcript) -> None:
    assert seed.title == seed.text.splitlines()[0]


def test_five_boilerplate_lines_and_speech_kept(seed: Transcript) -> None:
    boiler = [b.text for b in seed.boilerplate]
    assert boiler == [
        "Related Articles",
        "Leave a Reply",
        "Your email address will not be published. Required fields are marked *",
        "Back to top button",
        "gates of olympus",
    ]
    assert all(b.reason for b in seed.boilerplate)
    blinken = seed.turns_of("blinken")[0]
    assert blinken.body.endswith("Secretary Rodriguez.")
    alcalde = seed.turns_of("alcalde")[0]
    assert alcalde.body.endswith("Dr. Elizabeth Sherwood-Randall.")
    assert "Related Articles" not in seed.turns[-1].text


def test_blocks_tile_and_turn_spans(seed: Transcript) -> None:
    assert seed.blocks[0].start == 0 and seed.blocks[-1].end == len(seed.text)
    for left, right in zip(seed.blocks, seed.blocks[1:], strict=False):
        assert left.end == right.start
    for block in seed.blocks:
        assert block.text == seed.text[block.start : block.end]
    for turn in seed.turns:
        assert seed.text[turn.start : turn.end] == turn.text
        assert seed.text[turn.label.start : turn.label.end] == turn.label_text
        assert seed.text[turn.body_start : turn.body_end] == turn.body
        assert turn.end == turn.body_end and not turn.text[-1].isspace()
        for sentence in turn.sentences:
            assert seed.text[sentence.start : sentence.end] == sentence.text
    turn_blocks = [b for b in seed.blocks if b.kind is BlockKind.TURN]
    assert [b.turn_index for b in turn_blocks] == list(range(10))


def test_json_round_trip(seed: Transcript) -> None:
    assert Transcript.model_validate_json(seed.model_dump_json()) == seed


def test_deterministic(seed: Transcript) -> None:
    again = parse(SEED.read_text(encoding="utf-8"), path=str(SEED), encoding="utf-8", detect_language=False)
    assert again == seed


def test_code_switch_muchas_gracias() -> None:
    pytest.importorskip("interp_align.langid")
    transcript = read(SEED)
    blinken = transcript.turns_of("blinken")[0]
    assert blinken.language is not None and blinken.language.code == "en"
    sentence = next(s for s in blinken.sentences if s.text == "Muchas gracias, colleagues.")
    assert sentence.language is not None and sentence.language.code == "es"
    assert sentence.code_switch
    assert sum(s.code_switch for s in blinken.sentences) <= 2
    assert transcript.language is not None and transcript.language.code == "en"


def test_cli_json_validates_against_schema(capsys: pytest.CaptureFixture[str]) -> None:
    jsonschema = pytest.importorskip("jsonschema")
    from interp_align.cli import main

    assert main(["parse", str(SEED), "--format", "json", "--no-detect"]) == 0
    document = json.loads(capsys.readouterr().out)
    assert main(["schema"]) == 0
    schema = json.loads(capsys.readouterr().out)
    jsonschema.validate(document, schema)
    assert len(document["turns"]) == 10

"""The compact parsed models behave as the plain models did (issue 11).

A parsed span keeps no copy of its text (it slices the transcript's), models are built
without validation, and a turn's sentences are columns; none of that may show: attributes,
JSON, dumps, the schema, equality, hashing, ``repr``, ``dict()``, copies and pickling all
read as before.  These tests pin the two pydantic behaviours the design relies on.
"""

from __future__ import annotations

import copy
import pickle

import pytest

import interp_align as ia
from interp_align._spans import SOURCE
from interp_align.models import (
    Block,
    BlockKind,
    BlockTuple,
    LanguageSource,
    Sentence,
    SentenceTuple,
    Turn,
    language_tag,
)

ROOT_SEED = __import__("pathlib").Path(__file__).resolve().parents[1] / "corpora" / "us-mexico-security-dialogue-2023"
TEXT = (
    "Remarks\n\nSECRETARY SMITH:  (Via interpreter) Thank you.  We met today.\n\n"
    "MINISTER ORTEGA:  Gracias, señor.  Buenos días.\n"
)


@pytest.fixture(scope="module")
def transcript() -> ia.Transcript:
    return ia.parse(TEXT)


def test_parsed_spans_keep_no_copy_of_their_text(transcript: ia.Transcript) -> None:
    turn = transcript.turns[0]
    assert turn.__dict__["text"] is None and turn.__dict__["body"] is None
    assert turn.__dict__[SOURCE] is transcript.text
    assert turn.text == TEXT[turn.start : turn.end] and turn.body == TEXT[turn.body_start : turn.body_end]
    for block in transcript.blocks:
        assert block.__dict__["text"] is None and block.text == TEXT[block.start : block.end]
    marker = turn.markers[0]
    assert marker.__dict__["text"] is None and marker.text == "(Via interpreter)"


def test_json_and_dumps_carry_the_texts(transcript: ia.Transcript) -> None:
    data = transcript.model_dump()
    assert data["turns"][0]["text"] == transcript.turns[0].text
    assert data["turns"][0]["sentences"][0]["text"] == "Thank you."
    assert isinstance(data["turns"][0]["sentences"], tuple)
    assert SOURCE not in data["turns"][0] and SOURCE not in transcript.model_dump_json()
    assert list(data["turns"][0]) == list(Turn.model_fields)  # key order is field order


def test_round_trip_equality_and_hash(transcript: ia.Transcript) -> None:
    again = ia.Transcript.model_validate_json(transcript.model_dump_json())
    assert again == transcript and transcript == again
    assert again.turns[0].__dict__["text"] is not None  # validated: stored as given
    assert hash(again.turns[0]) == hash(transcript.turns[0])
    assert hash(again.turns[0].sentences) == hash(transcript.turns[0].sentences)
    assert {again.turns[1], transcript.turns[1]} == {transcript.turns[1]}
    assert ia.parse(TEXT) == transcript


def test_a_user_built_span_equals_the_parsed_one(transcript: ia.Transcript) -> None:
    block = transcript.blocks[0]
    built = Block(start=block.start, end=block.end, kind=block.kind, text=block.text, reason=block.reason)
    assert built == block and hash(built) == hash(block)
    assert Block(start=0, end=1, kind=BlockKind.HEADER, text="x") != block


def test_repr_dict_copy_and_pickle_read_the_texts(transcript: ia.Transcript) -> None:
    turn = transcript.turns[1]
    assert "text='MINISTER ORTEGA:" in repr(turn) and "None" not in repr(turn.markers)
    assert dict(turn)["body"] == turn.body and SOURCE not in dict(turn)
    assert copy.copy(turn) == turn and copy.deepcopy(turn) == turn
    assert turn.model_copy(update={"speaker_id": "x"}).text == turn.text
    assert pickle.loads(pickle.dumps(transcript)) == transcript
    assert pickle.loads(pickle.dumps(turn.sentences)) == turn.sentences


def test_fields_set_is_what_validation_records(transcript: ia.Transcript) -> None:
    again = ia.Transcript.model_validate_json(transcript.model_dump_json(exclude_unset=True))
    assert again.model_dump(exclude_unset=True) == transcript.model_dump(exclude_unset=True)
    assert transcript.turns[0].model_fields_set == set(Turn.model_fields)
    assert transcript.blocks[1].model_fields_set == {"start", "end", "kind", "text"}  # whitespace: no reason


def test_sentences_behave_as_a_tuple(transcript: ia.Transcript) -> None:
    sentences = transcript.turns[0].sentences
    plain = tuple(sentences)
    assert isinstance(sentences, SentenceTuple) and sentences == plain and plain == tuple(sentences)
    assert len(sentences) == 2 and sentences[-1] == plain[-1] and sentences[0:1] == plain[0:1]
    assert [s.index for s in sentences] == [0, 1] and sentences[1].text == "We met today."
    assert sentences + () == plain and () + sentences == plain  # noqa: RUF005 (the operator is under test)
    assert plain[0] in sentences and sentences.index(plain[1]) == 1
    assert repr(sentences) == repr(plain)
    with pytest.raises(IndexError):
        sentences[2]
    assert ia.parse(TEXT, sentences=False).turns[0].sentences == ()
    assert SentenceTuple(plain) == sentences and hash(SentenceTuple(plain)) == hash(sentences)


def test_blocks_are_columns_that_read_as_blocks(transcript: ia.Transcript) -> None:
    blocks = transcript.blocks
    assert isinstance(blocks, BlockTuple) and blocks == tuple(blocks)
    assert "".join(b.text for b in blocks) == TEXT
    assert [b.turn_index for b in blocks if b.kind is BlockKind.TURN] == [0, 1]
    assert transcript.boilerplate == tuple(b for b in blocks if b.kind is BlockKind.BOILERPLATE)
    assert pickle.loads(pickle.dumps(blocks)) == blocks and blocks[-1] == tuple(blocks)[-1]
    assert ia.Transcript.model_validate_json(transcript.model_dump_json()).blocks == blocks


def test_sentence_tags_are_shared(transcript: ia.Transcript) -> None:
    english = [s.language for t in transcript.turns for s in t.sentences if s.language and s.language.code == "en"]
    assert english and language_tag("en", 1.0, LanguageSource.MARKER) is language_tag("en", 1.0, LanguageSource.MARKER)


def test_validation_still_checks_user_input() -> None:
    with pytest.raises(ValueError):
        Sentence(start=5, end=1, index=0, text="x")
    turn = Turn.model_validate_json(ia.parse(TEXT).turns[0].model_dump_json())
    assert isinstance(turn.sentences, SentenceTuple) and turn.sentences[0].text == "Thank you."


def test_schema_documents_the_same_fields() -> None:
    schema = ia.Transcript.model_json_schema()
    turn = schema["$defs"]["Turn"]
    assert turn["properties"]["sentences"] == {
        "default": [], "items": {"$ref": "#/$defs/Sentence"}, "title": "Sentences", "type": "array",
    }
    assert {"text", "body"} <= set(turn["required"])
    assert "text" in schema["$defs"]["Sentence"]["required"]


def test_sentence_tags_are_found_when_first_read() -> None:
    calls: list[str] = []

    class Counting:
        name = "counting"

        def detect(self, text: str) -> ia.LanguageTag | None:
            calls.append(text)
            return language_tag("es" if "Gracias" in text else "en", 0.9, LanguageSource.DETECTED)

    parsed = ia.parse(TEXT, identifier=Counting())
    turn_calls = len(calls)  # turn languages are found while parsing (they decide the record's)
    assert turn_calls == len(parsed.turns)
    second = parsed.turns[1].sentences
    assert second[0].language is not None and second[0].language.code == "es"
    assert len(calls) == turn_calls + len(second)  # one turn's sentences, once
    assert [s.language.code for s in second if s.language] == ["es", "en"]
    assert pickle.loads(pickle.dumps(parsed)) == parsed == ia.Transcript.model_validate_json(parsed.model_dump_json())


def test_sentence_texts_are_read_without_tags() -> None:
    calls: list[str] = []

    class Counting:
        name = "counting"

        def detect(self, text: str) -> ia.LanguageTag | None:
            calls.append(text)
            return language_tag("en", 0.9, LanguageSource.DETECTED)

    parsed = ia.parse(TEXT, identifier=Counting())
    before = len(calls)
    texts = [t.sentences.texts() for t in parsed.turns]  # what the aligner reads: no sentence model, no tag
    assert len(calls) == before
    assert texts == [[s.text for s in t.sentences] for t in parsed.turns] and len(calls) > before
    assert texts[1] == ["Gracias, señor.", "Buenos días."]
    assert SentenceTuple(tuple(parsed.turns[0].sentences)).texts() == texts[0]


def test_parse_json_is_streamed_byte_for_byte() -> None:
    import io

    from interp_align.commands.parse import write_json

    # A text longer than the slices the record's text is escaped in, with escapes, wide and astral
    # characters on every side of a slice's edge.
    long_text = "MR. A:  " + "\u201cHola\u201d \t\\ \x01 \U0001f600 \u00e9 \"x\".\n" * 9000
    for text in (TEXT, "", "   \n", "no labels here.", (ROOT_SEED / "en.txt").read_text(encoding="utf-8"), long_text):
        transcript = ia.parse(text)
        out = io.StringIO()
        write_json(transcript, out)
        assert out.getvalue() == transcript.model_dump_json(indent=2) + "\n"

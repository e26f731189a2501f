"""Turn pairing on the shapes real English–Spanish event pairs showed (invented reproducers in
tests/fixtures/pairs): an aside before a speech, an answer broken by interjections, a closing thanks."""

from __future__ import annotations

from pathlib import Path

import pytest

import interp_align as ia

PAIRS = Path(__file__).parent / "fixtures" / "pairs"


def _pairs(name: str) -> set[tuple[int, int]]:
    english = ia.read(PAIRS / f"{name}-en.md", detect_language=False)
    spanish = ia.read(PAIRS / f"{name}-es.txt", detect_language=False)
    alignment = ia.align(english, spanish)
    return {(p.english_turn, p.spanish_turn) for p in alignment.pairs
            if p.english_turn is not None and p.spanish_turn is not None}


def test_a_long_speech_after_an_aside_pairs_with_its_rendering() -> None:
    # en: Ortega, Smith "Am I on?", Ruiz "Yeah, it's working.", Smith's speech; es: Ortega, Smith's speech, Ruiz
    found = _pairs("aside")
    assert (0, 0) in found and (3, 1) in found
    assert (2, 2) not in found  # "Yeah, it's working." is not "Agradecemos a los medios."


def test_an_answer_broken_by_interjections_pairs_every_piece_with_the_one_block() -> None:
    found = _pairs("interjections")
    assert {(0, 0), (1, 1), (2, 2), (3, 3), (5, 3), (7, 3)} <= found
    assert not any(en in (4, 6) for en, _ in found)  # the reporter's interjections are not in the Spanish record


def test_a_closing_thanks_is_not_glued_to_the_speech() -> None:
    assert _pairs("closing-thanks") == {(1, 0)}


@pytest.mark.parametrize("name", ["aside", "interjections", "closing-thanks"])
def test_pairs_come_in_record_order(name: str) -> None:
    english = ia.read(PAIRS / f"{name}-en.md", detect_language=False)
    spanish = ia.read(PAIRS / f"{name}-es.txt", detect_language=False)
    pairs = ia.align(english, spanish).pairs
    en = [p.english_turn for p in pairs if p.english_turn is not None]
    es = [p.spanish_turn for p in pairs if p.spanish_turn is not None]
    assert en == sorted(en) and es == sorted(es)
    assert sorted(set(en)) == list(range(len(english.turns)))
    assert sorted(set(es)) == list(range(len(spanish.turns)))

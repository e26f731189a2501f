"""Turn alignment against the gold turn pairs of every shipped event, and its edge cases."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import event_dirs

import interp_align as ia
from interp_align.align.turns import pair_turns, turn_sentence_texts


def _gold_pairs(event: Path) -> set[tuple[int, int]]:
    lines = (event / "gold" / "turns.tsv").read_text(encoding="utf-8").splitlines()
    assert lines[0].split("\t") == ["en_turn", "es_turn"]
    return {(int(a), int(b)) for a, b in (line.split("\t") for line in lines[1:] if line.strip())}


@pytest.mark.parametrize("event", event_dirs(), ids=lambda p: p.name)
def test_turn_pairs_match_gold(event: Path) -> None:
    english = ia.read(event / "en.txt", detect_language=False)
    spanish = ia.read(event / "es.txt", detect_language=False)
    found = {
        (en, es)
        for en_side, es_side, _ in pair_turns(english, spanish)
        for en in en_side
        for es in es_side
    }
    assert found == _gold_pairs(event)


def test_every_interpreted_english_turn_is_paired_on_the_seed(seed_alignment: ia.Alignment) -> None:
    interpreted = {t.index for t in seed_alignment.english.turns if t.interpretation.interpreted}
    assert len(interpreted) == 6
    paired = {p.english_turn for p in seed_alignment.pairs if p.spanish_turn is not None}
    assert interpreted <= paired
    for pair in seed_alignment.pairs:
        if pair.english_turn in interpreted:
            assert pair.original_language == "es"
            assert pair.beads, "an interpreted turn with a Spanish original must have sentence beads"


def test_beads_cover_every_sentence_of_each_pair_once(seed_alignment: ia.Alignment) -> None:
    for pair in seed_alignment.pairs:
        if not pair.beads:
            continue
        assert pair.english_turn is not None and pair.spanish_turn is not None
        en_turn = seed_alignment.english.turns[pair.english_turn]
        es_turn = seed_alignment.spanish.turns[pair.spanish_turn]
        src = [i for b in pair.beads for i in b.src]
        tgt = [i for b in pair.beads for i in b.tgt]
        assert src == list(range(len(es_turn.sentences)))
        assert tgt == list(range(len(en_turn.sentences)))
        assert all(0.0 <= b.confidence <= 1.0 for b in pair.beads)


def test_placeholder_turns_pair_without_beads(seed_alignment: ia.Alignment) -> None:
    placeholders = [t.index for t in seed_alignment.spanish.turns if t.interpretation.placeholder]
    assert placeholders, "the seed's Spanish record has '(Mensaje en inglés)' turns"
    for pair in seed_alignment.pairs:
        if pair.spanish_turn in placeholders:
            assert pair.english_turn is not None and pair.beads == ()


def test_missing_turn_on_one_side_is_reported_unpaired() -> None:
    english = ia.parse(
        "Title\n\nSECRETARY SMITH:  Thank you all.  We are glad to be here.\n\n"
        "FOREIGN SECRETARY LÓPEZ:  (Via interpreter) Welcome to Mexico.  We have much to do.\n\n"
        "QUESTION:  What about the border?\n",
        detect_language=False,
    )
    spanish = ia.parse(
        "Versión estenográfica\n\n"
        "SECRETARIO DE RELACIONES EXTERIORES, JUAN LÓPEZ: Bienvenidos a México. Tenemos mucho trabajo.\n\n"
        "PREGUNTA: ¿Y la frontera?\n",
        detect_language=False,
    )
    alignment = ia.align(english, spanish)
    sides = [(p.english_turn, p.spanish_turn) for p in alignment.pairs]
    assert (0, None) in sides  # Smith's English words are absent from the Spanish record
    assert (1, 0) in sides and (2, 1) in sides


def test_turn_split_in_one_record_is_paired_with_both_pieces() -> None:
    english = ia.parse(
        "Title\n\nFOREIGN SECRETARY LÓPEZ:  (Via interpreter) We seized 900 laboratories.  "
        "And 78,000 arrests were made.  Thank you.\n",
        detect_language=False,
    )
    spanish = ia.parse(
        "Título\n\nSECRETARIO DE RELACIONES EXTERIORES, JUAN LÓPEZ: Aseguramos 900 laboratorios.\n\n"
        "(Aplausos)\n\n"
        "SECRETARIO DE RELACIONES EXTERIORES, JUAN LÓPEZ: Y se hicieron 78 mil detenciones. Gracias.\n",
        detect_language=False,
    )
    alignment = ia.align(english, spanish)
    paired = [(p.english_turn, p.spanish_turn) for p in alignment.pairs]
    assert paired == [(0, 0), (0, 1)]
    first, second = alignment.pairs
    assert [i for b in first.beads for i in b.src] == list(range(len(spanish.turns[0].sentences)))
    assert [i for b in second.beads for i in b.src] == list(range(len(spanish.turns[1].sentences)))


def test_interpreter_note_is_blanked_for_scoring(seed_en: ia.Transcript) -> None:
    first = turn_sentence_texts(seed_en.turns[0])[0]
    assert "interpreter" not in first.lower()
    assert first.startswith("I wish to salute")

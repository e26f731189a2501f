"""Data checks for the project-written press-conference corpus (joint-press-conference-2024).

The gold is only useful if it agrees with the two transcripts and is shaped like real
interpreting (compression, omissions, merges), so every property is computed from the files.
The Spanish record uses the gob.mx block form, so its turns are counted from ``---`` blocks.
"""

from __future__ import annotations

import ast
import json
import re
from collections import Counter
from pathlib import Path

import pytest

EVENT = Path(__file__).resolve().parent.parent / "corpora" / "joint-press-conference-2024"
GOLD = EVENT / "gold" / "es-en"

# English turn: an all-caps label at line start, a colon, then whitespace.
EN_LABEL = re.compile(r"^[A-ZÁÉÍÓÚÑÜ][A-ZÁÉÍÓÚÑÜ .,'-]*:(?=\s)", re.MULTILINE)
# Spanish turn: the label line right after a "---" separator line.
ES_LABEL = re.compile(r"^---\n([^\n]+)\n", re.MULTILINE)
YEAR = re.compile(r"\b(?:19|20)\d\d\b")
EN_PERCENT = re.compile(r"\b(\d+(?:\.\d+)?) percent\b")
EN_THOUSANDS = re.compile(r"\b(\d{1,3}),000\b")

# Which Spanish labels may stand for which English speaker (the same person or role).
SAME_SPEAKER = {
    "MODERATOR": ("MODERADOR",),
    "SECRETARY MÉNDEZ": ("LAURA MÉNDEZ OCHOA",),
    "SECRETARY HARLAN": ("DAVID HARLAN",),
    "QUESTION": ("PREGUNTA", "INTERLOCUTORA"),
}

Bead = tuple[list[int], list[int]]


def _read(path: Path) -> str:
    return path.read_text(encoding="utf-8")


def _lines(path: Path) -> list[str]:
    return _read(path).rstrip("\n").split("\n")


def _beads() -> list[Bead]:
    beads: list[Bead] = []
    for line in _lines(GOLD / "gold"):
        left, right = line.split(":")
        beads.append((list(ast.literal_eval(left)), list(ast.literal_eval(right))))
    return beads


def _en_turns(text: str) -> list[tuple[int, str]]:
    return [(m.start(), m.group()[:-1]) for m in EN_LABEL.finditer(text)]


def _es_turns(text: str) -> list[tuple[int, str]]:
    return [(m.start(), m.group(1)) for m in ES_LABEL.finditer(text)]


def _positions(sentences: list[str], text: str) -> list[int]:
    """Offsets of each sentence, searched in order, so order in the file is checked too."""
    found: list[int] = []
    pos = 0
    for sentence in sentences:
        at = text.find(sentence, pos)
        assert at >= 0, f"not found in order: {sentence!r}"
        found.append(at)
        pos = at + len(sentence)
    return found


def _turn_of(offset: int, turns: list[tuple[int, str]]) -> int:
    return sum(1 for start, _ in turns if start <= offset) - 1


def _pairs() -> list[tuple[int, int]]:
    rows = _lines(EVENT / "gold" / "turns.tsv")
    assert rows[0] == "en_turn\tes_turn"
    return [(int(a), int(b)) for a, b in (row.split("\t") for row in rows[1:])]


@pytest.fixture(scope="module")
def es_text() -> str:
    return _read(EVENT / "es.txt")


@pytest.fixture(scope="module")
def en_text() -> str:
    return _read(EVENT / "en.txt")


@pytest.fixture(scope="module")
def src() -> list[str]:
    return _lines(GOLD / "src")


@pytest.fixture(scope="module")
def tgt() -> list[str]:
    return _lines(GOLD / "tgt")


def test_sentences_are_whole_substrings_in_order(
    src: list[str], tgt: list[str], es_text: str, en_text: str
) -> None:
    for sentences, text in ((src, es_text), (tgt, en_text)):
        for sentence, at in zip(sentences, _positions(sentences, text), strict=True):
            assert sentence == sentence.strip() and sentence
            before, after = text[at - 1 : at], text[at + len(sentence) : at + len(sentence) + 1]
            assert before in (" ", "\n"), f"starts mid-sentence: {sentence!r}"
            assert after in ("", " ", "\n", "\u00a0"), f"cut mid-sentence: {sentence!r}"
            assert sentence[-1] in ".?!…)", f"no final punctuation: {sentence!r}"


def test_beads_cover_each_index_once_and_are_monotonic(src: list[str], tgt: list[str]) -> None:
    beads = _beads()
    assert [i for s, _ in beads for i in s] == list(range(len(src)))
    assert [j for _, t in beads for j in t] == list(range(len(tgt)))
    assert all(s or t for s, t in beads)


def test_interpreting_shape(src: list[str], tgt: list[str]) -> None:
    beads = _beads()
    kinds = Counter(f"{len(s)}-{len(t)}" for s, t in beads)
    ratio = sum(map(len, tgt)) / sum(map(len, src))
    print(f"src={len(src)} tgt={len(tgt)} beads={len(beads)} ratio={ratio:.4f} {dict(kinds)}")
    assert len(src) >= 95
    assert 0.85 <= ratio <= 0.90
    assert kinds["1-1"] / len(beads) <= 0.65
    assert 0.05 <= kinds["1-0"] / len(src) <= 0.08
    assert kinds["0-1"] >= 2
    assert kinds["2-1"] >= 5 and kinds["1-2"] >= 2
    assert kinds["3-1"] + kinds["2-2"] + kinds["1-3"] >= 3


def test_turn_pairs_in_range_monotonic_and_same_speaker(es_text: str, en_text: str) -> None:
    en_turns, es_turns = _en_turns(en_text), _es_turns(es_text)
    pairs = _pairs()
    assert pairs and all(0 <= en < len(en_turns) and 0 <= es < len(es_turns) for en, es in pairs)
    assert pairs == sorted(pairs) and len({es for _, es in pairs}) == len(pairs)
    for en, es in pairs:
        english, spanish = en_turns[en][1], es_turns[es][1]
        assert spanish.startswith(SAME_SPEAKER[english]), (en, english, es, spanish)
    # Every English turn has a Spanish counterpart; the Spanish record has extra (unheard) turns.
    assert [en for en, _ in pairs] == list(range(len(en_turns)))
    assert len(es_turns) > len(en_turns)


def test_meta_turns_hold_exactly_the_gold_sentences(
    src: list[str], tgt: list[str], es_text: str, en_text: str
) -> None:
    meta = json.loads(_read(GOLD / "meta.json"))
    assert (meta["src_lang"], meta["tgt_lang"]) == ("es", "en")
    meta_pairs = [(en, es) for en, es in meta["turns"]]
    assert set(meta_pairs) <= set(_pairs())
    en_turns, es_turns = _en_turns(en_text), _es_turns(es_text)
    src_turns = {_turn_of(at, es_turns) for at in _positions(src, es_text)}
    tgt_turns = {_turn_of(at, en_turns) for at in _positions(tgt, en_text)}
    assert src_turns == {es for _, es in meta_pairs}
    assert tgt_turns == {en for en, _ in meta_pairs}
    # The gold covers the Spanish-original turns: those marked "(Via interpreter)" in English.
    interpreted = {
        i for i, (start, _) in enumerate(en_turns) if "(Via interpreter)" in en_text[start:][:40]
    }
    assert tgt_turns == interpreted


def test_no_bead_crosses_a_turn(src: list[str], tgt: list[str], es_text: str, en_text: str) -> None:
    es_turns, en_turns = _es_turns(es_text), _en_turns(en_text)
    src_turn = [_turn_of(at, es_turns) for at in _positions(src, es_text)]
    tgt_turn = [_turn_of(at, en_turns) for at in _positions(tgt, en_text)]
    pair_of = dict(_pairs())
    for s, t in _beads():
        sides = {pair_of[tgt_turn[j]] for j in t} | {src_turn[i] for i in s}
        assert len(sides) == 1, (s, t)


def test_record_styles(es_text: str, en_text: str) -> None:
    header = es_text.split("\n---\n", 1)[0].split("\n")
    assert len(header) == 3 and header[0].startswith("Versión estenográfica. ")
    es_labels = [label for _, label in _es_turns(es_text)]
    assert es_labels[1] == "LAURA MÉNDEZ OCHOA, SECRETARIA DE ECONOMÍA"
    assert "LAURA MÉNDEZ OCHOA" in es_labels[2:]
    assert {"MODERADOR", "PREGUNTA", "INTERLOCUTORA"} <= set(es_labels)
    harlan = [label for label in es_labels if label.startswith("DAVID HARLAN")]
    assert harlan[0] == (
        "DAVID HARLAN, SECRETARIO DE COMERCIO DE ESTADOS UNIDOS "
        "(INTERPRETACIÓN DEL INGLÉS AL ESPAÑOL)"
    )
    assert all(label.endswith("(INTERPRETACIÓN DEL INGLÉS AL ESPAÑOL)") for label in harlan)
    for touch in ("(Aplausos)", "(Falla de audio)", "(Pregunta en inglés)."):
        assert touch in es_text
    assert es_text.rstrip().endswith("—000—")
    assert "SECRETARY MÉNDEZ:\u00a0 (Via interpreter) " in en_text
    assert "QUESTION:\u00a0 (Via interpreter) " in en_text
    assert "SECRETARY HARLAN:\u00a0 " in en_text and "MODERATOR:" in en_text
    for touch in ("(inaudible)", "(crosstalk)", " – excuse me, "):
        assert en_text.count(touch) == 1, touch
    assert ".\u00a0 " in en_text and "\n\n" in en_text


def test_figures_in_english_beads_come_from_the_spanish(src: list[str], tgt: list[str]) -> None:
    checked = 0
    for s, t in _beads():
        if not s:
            continue  # an addition (e.g. the interpreter's correction) has no Spanish side
        english = " ".join(tgt[j] for j in t)
        spanish = " ".join(src[i] for i in s)
        for year in YEAR.findall(english):
            assert year in spanish, f"{year} missing from {spanish!r}"
            checked += 1
        for number in EN_PERCENT.findall(english):
            assert f"{number} por ciento" in spanish, f"{number} % missing from {spanish!r}"
            checked += 1
        for thousands in EN_THOUSANDS.findall(english):
            assert f"{thousands} mil" in spanish, f"{thousands},000 missing from {spanish!r}"
            checked += 1
    assert checked >= 20

"""Data checks for the project-written long-speech corpus (binational-forum-speech-2024).

The gold is only useful if it is consistent with the transcripts and shaped like real
interpreting (compression, omissions, merges), so these checks compute those properties from
the files rather than trusting the README.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path

import corpus_files
import pytest

EVENT = Path(__file__).resolve().parent.parent / "corpora" / "binational-forum-speech-2024"
GOLD = EVENT / "gold" / "es-en"

# A speaker label: an all-caps name (commas allowed, as in the Mexican "OFFICE, NAME" form)
# at the start of a line, followed by a colon and whitespace.
LABEL = re.compile(r"^[A-ZÁÉÍÓÚÑÜ][A-ZÁÉÍÓÚÑÜ .,'-]*:(?=\s)", re.MULTILINE)
YEAR = re.compile(r"\b(?:19|20)\d\d\b")

Bead = corpus_files.RawBead


_read = corpus_files.read
_lines = corpus_files.lines


def _beads() -> list[Bead]:
    return corpus_files.beads(GOLD / "gold")


def _label_starts(text: str) -> list[int]:
    return [m.start() for m in LABEL.finditer(text)]


_positions = corpus_files.positions


def _turn_of(offset: int, starts: list[int]) -> int:
    return sum(1 for s in starts if s <= offset) - 1


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
            after = text[at + len(sentence) : at + len(sentence) + 1]
            assert after in ("", " ", "\n", "\u00a0"), f"cut mid-sentence: {sentence!r}"
            assert sentence[-1] in ".?!)", f"no final punctuation: {sentence!r}"


def test_beads_cover_each_index_once_and_are_monotonic(src: list[str], tgt: list[str]) -> None:
    beads = _beads()
    flat_src = [i for s, _ in beads for i in s]
    flat_tgt = [j for _, t in beads for j in t]
    assert flat_src == list(range(len(src)))
    assert flat_tgt == list(range(len(tgt)))
    assert all(s or t for s, t in beads)


def test_interpreting_shape(src: list[str], tgt: list[str]) -> None:
    beads = _beads()
    kinds = Counter(f"{len(s)}-{len(t)}" for s, t in beads)
    ratio = sum(map(len, tgt)) / sum(map(len, src))
    print(f"src={len(src)} tgt={len(tgt)} beads={len(beads)} ratio={ratio:.4f} {dict(kinds)}")
    assert 0.85 <= ratio <= 0.90
    assert kinds["1-1"] / len(beads) <= 0.65
    assert 0.05 <= kinds["1-0"] / len(src) <= 0.08
    assert kinds["0-1"] >= 2
    assert kinds["2-1"] >= 5 and kinds["1-2"] >= 2
    assert kinds["3-1"] + kinds["2-2"] + kinds["3-2"] + kinds["1-3"] >= 3


def test_governor_speech_is_long(src: list[str], es_text: str) -> None:
    starts = _label_starts(es_text)
    turns = Counter(_turn_of(at, starts) for at in _positions(src, es_text))
    assert turns[1] >= 110
    assert es_text[starts[1] :].startswith("GOBERNADORA")


def test_turn_indices_in_range_and_meta_consistent(
    src: list[str], tgt: list[str], es_text: str, en_text: str
) -> None:
    n_es, n_en = len(_label_starts(es_text)), len(_label_starts(en_text))
    rows = _lines(EVENT / "gold" / "turns.tsv")
    assert rows[0] == "en_turn\tes_turn"
    pairs = [tuple(int(x) for x in row.split("\t")) for row in rows[1:]]
    assert pairs and all(0 <= en < n_en and 0 <= es < n_es for en, es in pairs)
    meta = json.loads(_read(GOLD / "meta.json"))
    assert (meta["src_lang"], meta["tgt_lang"]) == ("es", "en")
    meta_pairs = [tuple(p) for p in meta["turns"]]
    assert set(meta_pairs) <= set(pairs)
    # Every gold sentence lies in one of the listed turns, on its own side.
    es_starts, en_starts = _label_starts(es_text), _label_starts(en_text)
    src_turns = {_turn_of(at, es_starts) for at in _positions(src, es_text)}
    tgt_turns = {_turn_of(at, en_starts) for at in _positions(tgt, en_text)}
    assert src_turns == {es for _, es in meta_pairs}
    assert tgt_turns == {en for en, _ in meta_pairs}


def test_interpreted_turns_are_marked(es_text: str, en_text: str) -> None:
    en_labels = LABEL.findall(en_text)
    assert "GOVERNOR ESQUIVEL:" in en_labels and "MAYOR COLLINS:" in en_labels
    assert "GOVERNOR ESQUIVEL:\u00a0 (As interpreted) " in en_text
    assert ": (Interpretación del inglés al español) " in es_text
    assert "(inaudible)" in en_text and " – " in en_text
    assert es_text.rstrip().endswith("—000—")


def test_years_in_english_beads_come_from_the_spanish(src: list[str], tgt: list[str]) -> None:
    checked = 0
    for s, t in _beads():
        english = " ".join(tgt[j] for j in t)
        spanish = " ".join(src[i] for i in s)
        for year in YEAR.findall(english):
            assert year in spanish, f"{year} missing from {spanish!r}"
            checked += 1
    assert checked >= 5

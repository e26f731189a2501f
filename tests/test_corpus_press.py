"""Data checks for the project-written press-conference corpus (joint-press-conference-2024).

The gold is only useful if it agrees with the two transcripts and is shaped like real
interpreting (compression, omissions, merges), so every property is computed from the files.
The Spanish record uses the gob.mx block form, so its turns are counted from ``---`` blocks.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path

import corpus_files
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

Bead = corpus_files.RawBead


_read = corpus_files.read
_lines = corpus_files.lines


def _beads(name: str = "es-en") -> list[Bead]:
    return corpus_files.beads(EVENT / "gold" / name / "gold")


def _en_turns(text: str) -> list[tuple[int, str]]:
    return [(m.start(), m.group()[:-1]) for m in EN_LABEL.finditer(text)]


def _es_turns(text: str) -> list[tuple[int, str]]:
    return [(m.start(), m.group(1)) for m in ES_LABEL.finditer(text)]


_positions = corpus_files.positions


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


@pytest.mark.parametrize("name", ["es-en", "en-es"])
def test_sentences_are_whole_substrings_in_order(name: str, es_text: str, en_text: str) -> None:
    texts = {"es": es_text, "en": en_text}
    meta = json.loads(_read(EVENT / "gold" / name / "meta.json"))
    for part, lang in (("src", meta["src_lang"]), ("tgt", meta["tgt_lang"])):
        sentences, text = _lines(EVENT / "gold" / name / part), texts[lang]
        for sentence, at in zip(sentences, _positions(sentences, text), strict=True):
            assert sentence == sentence.strip() and sentence
            before, after = text[at - 1 : at], text[at + len(sentence) : at + len(sentence) + 1]
            assert before in (" ", "\n"), f"starts mid-sentence: {sentence!r}"
            assert after in ("", " ", "\n", "\u00a0"), f"cut mid-sentence: {sentence!r}"
            assert sentence[-1] in ".?!…)", f"no final punctuation: {sentence!r}"


@pytest.mark.parametrize("name", ["es-en", "en-es"])
def test_beads_cover_each_index_once_and_are_monotonic(name: str) -> None:
    beads = _beads(name)
    n_src = len(_lines(EVENT / "gold" / name / "src"))
    n_tgt = len(_lines(EVENT / "gold" / name / "tgt"))
    assert [i for s, _ in beads for i in s] == list(range(n_src))
    assert [j for _, t in beads for j in t] == list(range(n_tgt))
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


def test_english_to_spanish_shape() -> None:
    """Harlan's interpreter: Spanish about as long as the English, still merging and dropping."""
    src, tgt = _lines(EVENT / "gold" / "en-es" / "src"), _lines(EVENT / "gold" / "en-es" / "tgt")
    beads = _beads("en-es")
    kinds = Counter(f"{len(s)}-{len(t)}" for s, t in beads)
    ratio = sum(map(len, tgt)) / sum(map(len, src))
    print(f"en-es src={len(src)} tgt={len(tgt)} beads={len(beads)} ratio={ratio:.4f} {dict(kinds)}")
    assert 0.95 <= ratio <= 1.15
    assert kinds["1-1"] / len(beads) <= 0.65
    assert kinds["1-0"] >= 2 and kinds["2-1"] >= 3 and kinds["1-2"] >= 3


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


def _turns_of_sentences(name: str, es_text: str, en_text: str) -> tuple[list[int], list[int]]:
    """English turn index of every src and tgt sentence (Spanish turns mapped via turns.tsv)."""
    meta = json.loads(_read(EVENT / "gold" / name / "meta.json"))
    es_to_en = {es: en for en, es in _pairs()}
    found = []
    for part, lang in (("src", meta["src_lang"]), ("tgt", meta["tgt_lang"])):
        sentences = _lines(EVENT / "gold" / name / part)
        if lang == "en":
            turns = _en_turns(en_text)
            found.append([_turn_of(at, turns) for at in _positions(sentences, en_text)])
        else:
            turns = _es_turns(es_text)
            at_es = [_turn_of(at, turns) for at in _positions(sentences, es_text)]
            found.append([es_to_en[i] for i in at_es])
    return found[0], found[1]


@pytest.mark.parametrize(
    ("name", "langs", "marker"),
    [
        ("es-en", ("es", "en"), "(Via interpreter)"),
        ("en-es", ("en", "es"), "(INTERPRETACIÓN DEL INGLÉS AL ESPAÑOL)"),
    ],
)
def test_meta_turns_are_exactly_the_interpreted_turns(
    name: str, langs: tuple[str, str], marker: str, es_text: str, en_text: str
) -> None:
    meta = json.loads(_read(EVENT / "gold" / name / "meta.json"))
    assert (meta["src_lang"], meta["tgt_lang"]) == langs
    meta_pairs = [(en, es) for en, es in meta["turns"]]
    assert set(meta_pairs) <= set(_pairs())
    src_turns, tgt_turns = _turns_of_sentences(name, es_text, en_text)
    assert set(src_turns) == set(tgt_turns) == {en for en, _ in meta_pairs}
    # The interpreted side's record marks these turns, and only these, as interpreted.
    if langs[1] == "en":
        heads = [en_text[start : start + 60] for start, _ in _en_turns(en_text)]
        marked = {i for i, head in enumerate(heads) if marker in head}
        assert marked == {en for en, _ in meta_pairs}
    else:
        marked_es = {i for i, (_, label) in enumerate(_es_turns(es_text)) if marker in label}
        assert marked_es == {es for _, es in meta_pairs}


@pytest.mark.parametrize("name", ["es-en", "en-es"])
def test_no_bead_crosses_a_turn(name: str, es_text: str, en_text: str) -> None:
    src_turn, tgt_turn = _turns_of_sentences(name, es_text, en_text)
    for s, t in _beads(name):
        assert len({src_turn[i] for i in s} | {tgt_turn[j] for j in t}) == 1, (s, t)


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


def test_figures_in_english_beads_come_from_the_spanish() -> None:
    checked = 0
    for name in ("es-en", "en-es"):
        meta = json.loads(_read(EVENT / "gold" / name / "meta.json"))
        sides = {
            meta["src_lang"]: _lines(EVENT / "gold" / name / "src"),
            meta["tgt_lang"]: _lines(EVENT / "gold" / name / "tgt"),
        }
        for s, t in _beads(name):
            if not (s and t):
                continue  # an addition (e.g. the interpreter's correction) or an omission
            by_lang = {meta["src_lang"]: s, meta["tgt_lang"]: t}
            english = " ".join(sides["en"][j] for j in by_lang["en"])
            spanish = " ".join(sides["es"][i] for i in by_lang["es"])
            for year in YEAR.findall(english):
                assert year in spanish, f"{year} missing from {spanish!r}"
                checked += 1
            for number in EN_PERCENT.findall(english):
                assert f"{number} por ciento" in spanish, f"{number} % missing from {spanish!r}"
                checked += 1
            for thousands in EN_THOUSANDS.findall(english):
                assert f"{thousands} mil" in spanish, f"{thousands},000 missing: {spanish!r}"
                checked += 1
    assert checked >= 20

"""Data checks for the seed event's gold alignment (corpora/us-mexico-security-dialogue-2023).

The gold is what the aligner is scored against, so every figure here is computed
from the files: lines must be exact substrings of the transcripts, beads must
partition the sentence indices in order, and the interpreting statistics (length
ratio, 1-1 share, omission share) must stay in the ranges the corpus promises.
A second, stronger check re-segments each gold turn with the corpus sentence rule
and requires exactly the gold lines, so no sentence can be forgotten or invented.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path

import pytest

from interp_align.numbers import extract_quantities

EVENT = Path(__file__).resolve().parents[1] / "corpora" / "us-mexico-security-dialogue-2023"
FOLDERS = ("es-en", "en-es")

Bead = tuple[list[int], list[int]]

#: A speaker label at line start: capitals (with accents, commas, hyphens, dots) then a colon.
LABEL = re.compile(r"^[A-ZÁÉÍÓÚÜÑ][A-ZÁÉÍÓÚÜÑ ,.\-]*:(?=[ \u00a0])", re.MULTILINE)
#: Interpreter notes that open a turn; they are metadata, not speech.
OPENING_NOTE = re.compile(
    r"^[ \u00a0]*\((?:Via interpreter\.?|Interpretación del inglés al español)\)[ \u00a0]*"
)
#: A paragraph that is only a stage direction, e.g. "(Aplausos)".
STAGE_LINE = re.compile(r"^\([^()]*\)\.?$")
#: Tokens after which a period does not end a sentence.
ABBREVIATIONS = frozenset(
    {"U.S.", "Dr.", "Dra.", "Mr.", "Mrs.", "Ms.", "Sr.", "Sra.", "EE.", "UU.", "a.m.", "p.m."}
)
BOUNDARY = re.compile(r"[.?!…][ \u00a0]+")
BEAD = re.compile(r"^\[([\d, ]*)\]:\[([\d, ]*)\]$")


def _text(name: str) -> str:
    return (EVENT / name).read_text(encoding="utf-8")


def _lines(folder: str, name: str) -> list[str]:
    return (EVENT / "gold" / folder / name).read_text(encoding="utf-8").splitlines()


def _meta(folder: str) -> dict[str, object]:
    meta: dict[str, object] = json.loads(
        (EVENT / "gold" / folder / "meta.json").read_text(encoding="utf-8")
    )
    return meta


def _ints(group: str) -> list[int]:
    return [int(x) for x in group.split(",") if x.strip()]


def _beads(folder: str) -> list[Bead]:
    beads = []
    for line in _lines(folder, "gold"):
        match = BEAD.match(line.strip())
        assert match, f"malformed bead {line!r}"
        beads.append((_ints(match.group(1)), _ints(match.group(2))))
    return beads


def _kind(bead: Bead) -> str:
    return f"{len(bead[0])}-{len(bead[1])}"


def _turn_bodies(text: str) -> list[str]:
    """Text of each labelled turn, label removed, in order of appearance."""
    starts = list(LABEL.finditer(text))
    bodies = []
    for i, m in enumerate(starts):
        end = starts[i + 1].start() if i + 1 < len(starts) else len(text)
        bodies.append(text[m.end() : end])
    return bodies


def _split_sentences(paragraph: str) -> list[str]:
    """The corpus rule: split after . ? ! … plus whitespace, except after abbreviations."""
    out, start = [], 0
    for m in BOUNDARY.finditer(paragraph):
        token = paragraph[start : m.start() + 1].rsplit(maxsplit=1)[-1]
        if token in ABBREVIATIONS:
            continue
        out.append(paragraph[start : m.start() + 1])
        start = m.end()
    out.append(paragraph[start:].rstrip(" \u00a0"))
    return [s for s in out if s]


def _speech_sentences(body: str) -> list[str]:
    """Sentences of one turn: paragraph ends end sentences; notes and stage lines are not speech."""
    sentences = []
    for paragraph in re.split(r"\n\s*\n", OPENING_NOTE.sub("", body.strip())):
        paragraph = paragraph.strip()
        if paragraph and not STAGE_LINE.match(paragraph) and paragraph != "—000—":
            sentences.extend(_split_sentences(paragraph))
    return sentences


def _english_text() -> str:
    """en.txt without the web-page boilerplate that the scrape left at the end."""
    text = _text("en.txt")
    return text[: text.index("\nRelated Articles")]


def _char_ratio(folder: str) -> float:
    """Characters of the tgt lines over characters of the src lines."""
    return sum(map(len, _lines(folder, "tgt"))) / sum(map(len, _lines(folder, "src")))


# --- the transcripts --------------------------------------------------------------------------


def test_both_records_have_the_same_ten_turns() -> None:
    assert len(_turn_bodies(_english_text())) == 10
    assert len(_turn_bodies(_text("es.txt"))) == 10


def test_spanish_record_has_the_stenographic_conventions() -> None:
    es = _text("es.txt")
    assert es.startswith("Versión estenográfica.")
    assert "Ciudad de México, 5 de octubre de 2023" in es.splitlines()[:4]
    assert es.rstrip().endswith("—000—")
    assert "\n(Aplausos)\n" in es
    assert es.count("(inaudible)") == 1
    assert es.count("(Interpretación del inglés al español)") == 2
    assert es.count("(Mensaje en inglés)") == 2


def test_inaudible_spot_differs_between_records() -> None:
    """Real records lose different words: the Spanish gap is not where the English one is."""
    es_turn = next(i for i, b in enumerate(_turn_bodies(_text("es.txt"))) if "(inaudible)" in b)
    en_turn = next(i for i, b in enumerate(_turn_bodies(_english_text())) if "(inaudible)" in b)
    assert es_turn != en_turn


# --- turns.tsv --------------------------------------------------------------------------------


def test_turns_tsv_indices_are_in_range_and_monotonic() -> None:
    rows = (EVENT / "gold" / "turns.tsv").read_text(encoding="utf-8").splitlines()
    assert rows[0] == "en_turn\tes_turn"
    pairs = [tuple(int(x) for x in row.split("\t")) for row in rows[1:]]
    n_en, n_es = len(_turn_bodies(_english_text())), len(_turn_bodies(_text("es.txt")))
    assert all(0 <= en < n_en and 0 <= es < n_es for en, es in pairs)
    assert pairs == sorted(pairs) and len({p[0] for p in pairs}) == len(pairs) == len(
        {p[1] for p in pairs}
    )
    for folder in FOLDERS:
        turns = _meta(folder)["turns"]
        assert isinstance(turns, list)
        assert all(tuple(t) in pairs for t in turns)


# --- gold folders -----------------------------------------------------------------------------


@pytest.mark.parametrize("folder", FOLDERS)
def test_lines_are_exact_substrings_of_their_transcripts(folder: str) -> None:
    meta = _meta(folder)
    files = {"es": _text("es.txt"), "en": _english_text()}
    for side, lang in (("src", meta["src_lang"]), ("tgt", meta["tgt_lang"])):
        text = files[str(lang)]
        missing = [line for line in _lines(folder, side) if line not in text]
        assert not missing, f"{folder}/{side}: {missing[:3]}"


@pytest.mark.parametrize("folder", FOLDERS)
def test_lines_are_the_sentences_of_the_listed_turns(folder: str) -> None:
    """Re-segmenting the listed turns with the corpus rule yields exactly the gold lines."""
    meta = _meta(folder)
    bodies = {"es": _turn_bodies(_text("es.txt")), "en": _turn_bodies(_english_text())}
    turns = meta["turns"]
    assert isinstance(turns, list)
    for side, lang in (("src", str(meta["src_lang"])), ("tgt", str(meta["tgt_lang"]))):
        expected = [
            s
            for en, es in turns
            for s in _speech_sentences(bodies[lang][en if lang == "en" else es])
        ]
        assert _lines(folder, side) == expected


@pytest.mark.parametrize("folder", FOLDERS)
def test_beads_cover_every_index_once_in_order(folder: str) -> None:
    beads = _beads(folder)
    src = [i for s, _ in beads for i in s]
    tgt = [j for _, t in beads for j in t]
    assert src == list(range(len(_lines(folder, "src"))))
    assert tgt == list(range(len(_lines(folder, "tgt"))))
    assert all(s or t for s, t in beads)
    assert all(max(len(s), len(t)) <= 3 for s, t in beads)


@pytest.mark.parametrize("folder", FOLDERS)
def test_at_most_65_percent_of_beads_are_one_to_one(folder: str) -> None:
    kinds = Counter(_kind(b) for b in _beads(folder))
    assert kinds["1-1"] / sum(kinds.values()) <= 0.65


def test_interpreted_english_is_10_to_15_percent_shorter() -> None:
    assert 0.85 <= _char_ratio("es-en") <= 0.90


def test_interpreter_omits_5_to_8_percent_of_spanish_sentences() -> None:
    kinds = Counter(_kind(b) for b in _beads("es-en"))
    assert 0.05 <= kinds["1-0"] / len(_lines("es-en", "src")) <= 0.08


def test_es_en_has_the_full_range_of_interpreting_beads() -> None:
    kinds = Counter(_kind(b) for b in _beads("es-en"))
    for kind in ("1-0", "0-1", "2-1", "1-2", "3-1", "2-2"):
        assert kinds[kind] >= 1, kind
    assert len(_lines("es-en", "src")) >= 120


@pytest.mark.parametrize("folder", FOLDERS)
def test_figures_written_in_digits_agree_within_each_bead(folder: str) -> None:
    """Content correspondence: "78,000" on one side is "78 mil" on the other, bead by bead."""
    meta = _meta(folder)
    src, tgt = _lines(folder, "src"), _lines(folder, "tgt")

    def values(lines: list[str], idx: list[int], lang: str) -> list[float]:
        found = (q for i in idx for q in extract_quantities(lines[i], lang))
        return sorted(q.value for q in found if any(c.isdigit() for c in q.text))

    for s, t in _beads(folder):
        if s and t:
            assert values(src, s, str(meta["src_lang"])) == values(tgt, t, str(meta["tgt_lang"])), (
                s,
                t,
            )


def test_statistics_report() -> None:
    """Prints the figures the corpus README quotes (run with -s); the histogram must add up."""
    for folder in FOLDERS:
        beads = _beads(folder)
        kinds = Counter(_kind(b) for b in beads)
        n_src, n_tgt = len(_lines(folder, "src")), len(_lines(folder, "tgt"))
        assert sum(int(k.split("-")[0]) * n for k, n in kinds.items()) == n_src
        assert sum(int(k.split("-")[1]) * n for k, n in kinds.items()) == n_tgt
        print(
            f"{folder}: src {n_src} tgt {n_tgt} beads {len(beads)} "
            f"{dict(sorted(kinds.items()))} tgt/src chars {_char_ratio(folder):.3f} "
            f"1-1 {kinds['1-1'] / len(beads):.3f} omitted src {kinds['1-0'] / n_src:.3f}"
        )

"""Format and coverage checks for the packaged English–Spanish lexicon.

The aligner reads ``interp_align/data/lexicon_en_es.tsv`` line by line; a stray
tab, an upper-case letter or a duplicate silently weakens its word links, so the
file's shape is pinned here together with a few domain entries it must keep.
"""

from __future__ import annotations

import unicodedata
from collections import Counter
from pathlib import Path

import pytest

LEXICON = Path(__file__).resolve().parent.parent / "interp_align" / "data" / "lexicon_en_es.tsv"
HEADER = "# english\tspanish — written by the interp_align project"
SPANISH_LETTERS = set("abcdefghijklmnopqrstuvwxyzáéíóúüñ .'-")
ENGLISH_LETTERS = set("abcdefghijklmnopqrstuvwxyz .'-")


@pytest.fixture(scope="module")
def lines() -> list[str]:
    raw = LEXICON.read_bytes()
    return raw.decode("utf-8").split("\n")


@pytest.fixture(scope="module")
def pairs(lines: list[str]) -> list[tuple[str, str]]:
    out = []
    for line in lines[1:]:
        if line:
            english, spanish = line.split("\t")
            out.append((english, spanish))
    return out


def test_header_is_first_line(lines: list[str]) -> None:
    assert lines[0] == HEADER


def test_file_ends_with_one_newline(lines: list[str]) -> None:
    assert lines[-1] == ""
    assert lines[-2] != ""


def test_every_line_has_two_nonempty_tab_separated_fields(lines: list[str]) -> None:
    bad = [
        n
        for n, line in enumerate(lines[1:-1], 2)
        if line.count("\t") != 1 or "" in line.split("\t")
    ]
    assert bad == []


def test_fields_are_lower_case_trimmed_nfc(pairs: list[tuple[str, str]]) -> None:
    for english, spanish in pairs:
        for field in (english, spanish):
            assert field == field.lower()
            assert field == " ".join(field.split())
            assert field == unicodedata.normalize("NFC", field)


def test_only_expected_letters(pairs: list[tuple[str, str]]) -> None:
    odd_en = {e for e, _ in pairs if not set(e) <= ENGLISH_LETTERS}
    odd_es = {s for _, s in pairs if not set(s) <= SPANISH_LETTERS}
    assert odd_en == set()
    assert odd_es == set()


def test_no_duplicate_pairs(pairs: list[tuple[str, str]]) -> None:
    duplicates = [pair for pair, n in Counter(pairs).items() if n > 1]
    assert duplicates == []


def test_at_least_four_thousand_entries(pairs: list[tuple[str, str]]) -> None:
    assert len(pairs) >= 4000


@pytest.mark.parametrize(
    ("english", "spanish"),
    [
        ("country", "país"),
        ("countries", "países"),
        ("important", "importantes"),
        ("working", "trabajando"),
        ("worked", "trabajó"),
        ("our", "nuestras"),
        ("attorney general", "fiscal general"),
        ("foreign minister", "canciller"),
        ("border", "frontera"),
        ("firearms", "armas de fuego"),
        ("firearms", "armas"),
        ("fentanyl", "fentanilo"),
        ("cartel", "cártel"),
        ("seizure", "aseguramiento"),
        ("extradition", "extradición"),
        ("sovereignty", "soberanía"),
        ("supply chain", "cadena de suministro"),
        ("tariff", "arancel"),
        ("asylum", "asilo"),
        ("shelter", "albergue"),
        ("semiconductors", "semiconductores"),
        ("thank you", "gracias"),
        ("good morning", "buenos días"),
        ("welcome", "bienvenidos"),
        ("million", "millones"),
        ("billion", "mil millones"),
        ("percent", "por ciento"),
        ("united states", "estados unidos"),
        ("mexican", "mexicanas"),
        ("wednesday", "miércoles"),
        ("said", "dijo"),
        ("has", "tiene"),
    ],
)
def test_domain_entries_present(pairs: list[tuple[str, str]], english: str, spanish: str) -> None:
    assert (english, spanish) in set(pairs)


def test_accents_where_spanish_requires_them(pairs: list[tuple[str, str]]) -> None:
    """Unaccented spellings of these words are errors, not variants."""
    spanish = {s for _, s in pairs}
    for wrong, right in [
        ("pais", "país"),
        ("cooperacion", "cooperación"),
        ("politica", "política"),
        ("nacion", "nación"),
        ("mexico", "méxico"),
        ("tambien", "también"),
        ("economia", "economía"),
    ]:
        assert right in spanish
        assert wrong not in spanish


def test_aligner_loader_reads_it() -> None:
    lexicon_module = pytest.importorskip("interp_align.align.lexicon")
    lexicon = lexicon_module.load_lexicon(str(LEXICON))
    assert lexicon is not None
    assert "frontera" in lexicon.es_to_en
    assert "border" in lexicon.translate_es("frontera")

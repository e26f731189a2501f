"""Golden tables and invariants for the rule-based sentence splitter."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from interp_align.normalize import is_space
from interp_align.segment import split_sentences

NBSP = "\u00a0"


def sentences(
    text: str, language: str = "en", protected: tuple[tuple[int, int], ...] = ()
) -> list[str]:
    return [text[a:b] for a, b in split_sentences(text, language=language, protected=protected)]


def markers(text: str) -> tuple[tuple[int, int], ...]:
    return tuple((m.start(), m.end()) for m in re.finditer(r"\([^()]*\)|\[[^\[\]]*\]", text))


ENGLISH = [
    ("Thank you. It is good to be here.", ["Thank you.", "It is good to be here."]),
    ("Thank you, Mr. Secretary. Welcome.", ["Thank you, Mr. Secretary.", "Welcome."]),
    (
        "Mrs. Biden and Ms. Tai arrived. Dr. Smith spoke.",
        ["Mrs. Biden and Ms. Tai arrived.", "Dr. Smith spoke."],
    ),
    (
        "U.S. officials met. The U.S. Government agreed.",
        ["U.S. officials met.", "The U.S. Government agreed."],
    ),
    ("We rely on the U.S. We always have.", ["We rely on the U.S.", "We always have."]),
    (
        "The U.S.-Mexico High-Level Security Dialogue began.",
        ["The U.S.-Mexico High-Level Security Dialogue began."],
    ),
    ("Secretary Antony J. Blinken spoke today.", ["Secretary Antony J. Blinken spoke today."]),
    ("We start at 9 a.m. Washington time.", ["We start at 9 a.m. Washington time."]),
    ("We start at 9 a.m. The press is invited.", ["We start at 9 a.m.", "The press is invited."]),
    ("It closed at 5 p.m. and reopened.", ["It closed at 5 p.m. and reopened."]),
    ("See item No. 5 on the list.", ["See item No. 5 on the list."]),
    ("No. We do not agree.", ["No.", "We do not agree."]),
    (
        "Growth was 7.4 percent. Trade hit $855 billion.",
        ["Growth was 7.4 percent.", "Trade hit $855 billion."],
    ),
    ("We gave $25.9 million. Thank you.", ["We gave $25.9 million.", "Thank you."]),
    ("Guns, drugs, etc. are trafficked.", ["Guns, drugs, etc. are trafficked."]),
    ("Guns, drugs, etc. We must stop them.", ["Guns, drugs, etc.", "We must stop them."]),
    ("Really? Yes! Good.", ["Really?", "Yes!", "Good."]),
    ('He said, "We agree." Then he left.', ['He said, "We agree."', "Then he left."]),
    (
        "He said, \u201cWe agree.\u201d Then he left.",
        ["He said, \u201cWe agree.\u201d", "Then he left."],
    ),
    ("(That is the plan.) Next we vote.", ["(That is the plan.)", "Next we vote."]),
    ("We waited\u2026 Then it started.", ["We waited\u2026", "Then it started."]),
    ("We waited... and then it started.", ["We waited... and then it started."]),
    (f"Thank you.{NBSP} Next.{NBSP}{NBSP}Last one.", ["Thank you.", "Next.", "Last one."]),
    ("First line without a stop\nSecond line.", ["First line without a stop", "Second line."]),
    ("One.\n\nTwo.\n", ["One.", "Two."]),
    (
        "Three points.\n1. Security first.\n 2. Migration.",
        ["Three points.", "1. Security first.", "2. Migration."],
    ),
    ("In 2023. 78,000 people died.", ["In 2023.", "78,000 people died."]),
    ("St. Louis and Gen. Smith agreed.", ["St. Louis and Gen. Smith agreed."]),
    (
        "Our goal is 78,000 jobs. 12 agencies help.",
        ["Our goal is 78,000 jobs.", "12 agencies help."],
    ),
]

SPANISH = [
    ("Gracias. Es un honor estar aquí.", ["Gracias.", "Es un honor estar aquí."]),
    ("El Sr. López y la Sra. Pérez llegaron.", ["El Sr. López y la Sra. Pérez llegaron."]),
    (
        "La Dra. Ruiz y el Lic. Ebrard hablaron. Gracias.",
        ["La Dra. Ruiz y el Lic. Ebrard hablaron.", "Gracias."],
    ),
    ("Los EE. UU. y México acordaron.", ["Los EE. UU. y México acordaron."]),
    ("Viajamos a EE.UU. para la reunión.", ["Viajamos a EE.UU. para la reunión."]),
    ("Trabajamos con EE. UU. Gracias.", ["Trabajamos con EE. UU.", "Gracias."]),
    ("Es el artículo núm. 5 del acuerdo.", ["Es el artículo núm. 5 del acuerdo."]),
    ("No. No estamos de acuerdo.", ["No.", "No estamos de acuerdo."]),
    (
        "¿Qué opina usted? ¡Muchas gracias! Bien.",
        ["¿Qué opina usted?", "¡Muchas gracias!", "Bien."],
    ),
    (
        "Le pregunto, ¿cuándo llega? y luego seguimos.",
        ["Le pregunto, ¿cuándo llega? y luego seguimos."],
    ),
    (
        "Creció 7.4 por ciento. Son 855 mil millones.",
        ["Creció 7.4 por ciento.", "Son 855 mil millones."],
    ),
    ("A las 10 a.m. empezamos.", ["A las 10 a.m. empezamos."]),
    ("Gracias a Uds. Ahora seguimos.", ["Gracias a Uds.", "Ahora seguimos."]),
    ("Como dijo Ud. en su carta, sí.", ["Como dijo Ud. en su carta, sí."]),
    ("Armas, drogas, etc. son el problema.", ["Armas, drogas, etc. son el problema."]),
    ("«Estamos listos.» Así lo dijo.", ["«Estamos listos.»", "Así lo dijo."]),
]


@pytest.mark.parametrize(("text", "expected"), ENGLISH)
def test_english_golden(text: str, expected: list[str]) -> None:
    assert sentences(text, "en") == expected


@pytest.mark.parametrize(("text", "expected"), SPANISH)
def test_spanish_golden(text: str, expected: list[str]) -> None:
    assert sentences(text, "es") == expected


def test_marker_period_is_not_an_end() -> None:
    text = "(Via interpreter.) Thank you. We heard (inaudible.) and more."
    assert sentences(text, "en", markers(text)) == [
        "(Via interpreter.) Thank you.",
        "We heard (inaudible.) and more.",
    ]


def test_without_protection_the_marker_period_splits() -> None:
    text = "(Via interpreter.) Thank you."
    assert sentences(text, "en") == ["(Via interpreter.)", "Thank you."]


def test_newline_inside_protected_marker_is_kept() -> None:
    text = "We said [crosstalk\n00:01] and went on."
    assert sentences(text, "en", markers(text)) == [text]


def test_offsets_are_absolute_within_a_range() -> None:
    text = "HEADER\nSECRETARY:  Thank you.  Welcome.  \nNEXT"
    start = text.index("Thank")
    end = text.index("\nNEXT")
    spans = split_sentences(text, start, end)
    assert [text[a:b] for a, b in spans] == ["Thank you.", "Welcome."]
    assert spans[0][0] == start


def test_region_variant_and_unknown_language() -> None:
    assert sentences("El Sr. Pérez habló.", "es-MX") == ["El Sr. Pérez habló."]
    assert sentences("El Sr. Pérez y Mr. Smith hablaron.", "und") == [
        "El Sr. Pérez y Mr. Smith hablaron."
    ]


def test_empty_and_blank_ranges() -> None:
    assert split_sentences("") == []
    assert split_sentences(f"  {NBSP}\n\t ") == []
    assert split_sentences("abc", 2, 1) == []


def test_long_runs_of_abbreviations() -> None:
    text = "a." * 50_000 + " " + "U.S. " * 20_000 + "Mr. Smith spoke. " * 20_000
    spans = split_sentences(text)
    assert spans[0][0] == 0 and spans[-1][1] == len(text) - 1
    assert len(spans) == 20_000  # the acronym run does not end before "Mr."


_ALPHABET = st.sampled_from(
    [*"aZé. !?¿¡\"'()\n\u00a0\u2026\u201c\u201d", "U.S.", "Mr.", "EE. UU.", "7.4", " No. 5", "etc."]
)


@settings(max_examples=300, deadline=None)
@given(
    pieces=st.lists(_ALPHABET, max_size=60),
    language=st.sampled_from(["en", "es"]),
    bounds=st.tuples(st.integers(0, 80), st.integers(0, 80)),
    protect=st.lists(st.tuples(st.integers(0, 80), st.integers(0, 10)), max_size=3),
)
def test_spans_partition_the_range(
    pieces: list[str], language: str, bounds: tuple[int, int], protect: list[tuple[int, int]]
) -> None:
    text = "".join(pieces)
    start, end = min(bounds), max(bounds)
    protected = [(a, a + n) for a, n in protect]
    spans = split_sentences(text, start, end, language=language, protected=protected)
    stop = min(end, len(text))
    previous = start
    for a, b in spans:
        assert previous <= a < b <= stop
        assert not is_space(text[a]) and not is_space(text[b - 1])
        assert all(is_space(c) for c in text[previous:a])
        previous = b
    assert all(is_space(c) for c in text[previous:stop])


def test_paragraph_by_paragraph_equals_whole_text() -> None:
    text = (
        "SECRETARY BLINKEN:\u00a0 Thank you, Mr. Secretary.\u00a0 The U.S. Government agrees.\n\n"
        "FOREIGN SECRETARY BÁRCENA:\u00a0 (Via interpreter.)\u00a0 Gracias.\u00a0 It is 9 a.m. Washington time.\n"
    )
    protected = markers(text)
    whole = split_sentences(text, protected=protected)
    pieces = []
    for match in re.finditer(r"[^\n]+", text):
        pieces += split_sentences(text, match.start(), match.end(), protected=protected)
    assert pieces == whole
    assert [text[a:b] for a, b in whole][
        2
    ] == "FOREIGN SECRETARY BÁRCENA:\u00a0 (Via interpreter.)\u00a0 Gracias."


def test_a_terminal_before_a_character_the_view_reads_as_a_space_still_cuts() -> None:
    """The view turns U+2061 and U+202A into spaces, the splitter does not trim them: the cut
    after a terminal at a line's end keeps them out of the sentence (a reverted fast path
    skipped those terminals)."""
    assert split_sentences("?!?!\u2061") == [(0, 4), (4, 5)]
    assert split_sentences("Yes.\u202a\nNo.") == [(0, 4), (4, 5), (6, 9)]

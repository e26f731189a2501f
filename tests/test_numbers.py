"""Golden tables for number normalisation in English and Spanish."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from interp_align.numbers import Quantity, extract_quantities, parse_numeral, same_quantity

# text, language, expected (text, value, unit, kind) for every quantity found
GOLDEN = [
    ("78,000", "en", [("78,000", 78000, None, "cardinal")]),
    ("78 mil", "es", [("78 mil", 78000, None, "cardinal")]),
    ("78.000", "es", [("78.000", 78000, None, "cardinal")]),
    ("78,000", "es", [("78,000", 78000, None, "cardinal")]),
    ("$855 billion in 2022.", "en", [("$855 billion", 855e9, "USD", "cardinal"), ("2022", 2022, None, "year")]),
    ("855 mil millones de dólares", "es", [("855 mil millones de dólares", 855e9, "USD", "cardinal")]),
    ("un millón", "es", [("un millón", 1e6, None, "cardinal")]),
    ("un billón", "es", [("un billón", 1e12, None, "cardinal")]),
    ("one billion", "en", [("one billion", 1e9, None, "cardinal")]),
    ("7.4 tons", "en", [("7.4 tons", 7.4, "ton", "cardinal")]),
    ("7.4 toneladas", "es", [("7.4 toneladas", 7.4, "ton", "cardinal")]),
    ("7,4 toneladas", "es", [("7,4 toneladas", 7.4, "ton", "cardinal")]),
    ("17 percent", "en", [("17 percent", 17, "percent", "cardinal")]),
    ("17 por ciento", "es", [("17 por ciento", 17, "percent", "cardinal")]),
    ("17%", "en", [("17%", 17, "percent", "cardinal")]),
    ("17 %", "es", [("17 %", 17, "percent", "cardinal")]),
    ("three weeks ago", "en", [("three weeks", 3, "week", "cardinal")]),
    ("hace tres semanas", "es", [("tres semanas", 3, "week", "cardinal")]),
    ("the last nine months", "en", [("nine months", 9, "month", "cardinal")]),
    ("4 mil 400 armas", "es", [("4 mil 400", 4400, None, "cardinal")]),
    ("twenty-five", "en", [("twenty-five", 25, None, "cardinal")]),
    ("treinta y cinco", "es", [("treinta y cinco", 35, None, "cardinal")]),
    ("tres mil quinientos", "es", [("tres mil quinientos", 3500, None, "cardinal")]),
    ("two thousand three hundred", "en", [("two thousand three hundred", 2300, None, "cardinal")]),
    ("one hundred and five", "en", [("one hundred and five", 105, None, "cardinal")]),
    ("ciento veinte", "es", [("ciento veinte", 120, None, "cardinal")]),
    ("mil personas", "es", [("mil", 1000, None, "cardinal")]),
    ("3 mil millones de pesos", "es", [("3 mil millones de pesos", 3e9, "MXN", "cardinal")]),
    ("$25.9 million as well as 3,000 jobs", "en", [("$25.9 million", 25.9e6, "USD", "cardinal"), ("3,000", 3000, None, "cardinal")]),
    ("1,234.5", "en", [("1,234.5", 1234.5, None, "cardinal")]),
    ("1.234,5", "es", [("1.234,5", 1234.5, None, "cardinal")]),
    ("el 80 por ciento y 24 por ciento", "es", [("80 por ciento", 80, "percent", "cardinal"), ("24 por ciento", 24, "percent", "cardinal")]),
    ("a million people", "en", [("a million", 1e6, None, "cardinal")]),
    ("the 100-plus-country coalition", "en", [("100", 100, None, "cardinal")]),
    ("on December 5th we launch", "en", [("5th", 5, None, "day")]),
    ("el próximo 5 de diciembre", "es", [("5", 5, None, "day")]),
    ("May 3, 2021", "en", [("3", 3, None, "day"), ("2021", 2021, None, "year")]),
    # not figures: pronouns, articles, identifiers, ordinals
    ("one of the defining challenges", "en", []),
    ("on a daily basis, once a day", "en", []),
    ("COVID-19, the G20 and the 1st", "en", []),
    ("una reunión con uno de ellos", "es", []),
]


@pytest.mark.parametrize(("text", "language", "expected"), GOLDEN)
def test_golden(text: str, language: str, expected: list[tuple[str, float, str | None, str]]) -> None:
    found = extract_quantities(text, language)
    assert [(q.text, q.value, q.unit, q.kind) for q in found] == [
        (t, pytest.approx(v), u, k) for t, v, u, k in expected
    ]
    for q in found:
        assert text[q.start : q.end] == q.text


@pytest.mark.parametrize(
    ("english", "spanish"),
    [
        ("78,000", "78 mil"),
        ("$855 billion", "855 mil millones de dólares"),
        ("7.4 tons", "7,4 toneladas"),
        ("17 percent", "17%"),
        ("three weeks", "tres semanas"),
        ("over 4,400 firearms", "más de 4 mil 400 armas"),
        ("$3 billion", "3 mil millones"),
    ],
)
def test_cross_language_equal(english: str, spanish: str) -> None:
    (en,) = extract_quantities(english, "en")
    (es,) = extract_quantities(spanish, "es")
    assert same_quantity(en, es)


@pytest.mark.parametrize(
    ("english", "spanish"),
    [
        ("one billion", "un billón"),  # 1e9 vs 1e12
        ("one billion", "un millón"),
        ("7.4 tons", "4.7 toneladas"),
        ("17 percent", "17 toneladas"),
        ("2022", "2,022"),  # a year is not an amount
    ],
)
def test_cross_language_different(english: str, spanish: str) -> None:
    (en,) = extract_quantities(english, "en")
    (es,) = extract_quantities(spanish, "es")
    assert not same_quantity(en, es)


@pytest.mark.parametrize(
    ("token", "language", "value"),
    [("1.500", "es", 1500.0), ("1.500", "en", 1.5), ("1,5", "es", 1.5), ("1,5", "en", None), ("1,000,000", "en", 1e6), ("12.34.5", "es", None)],
)
def test_parse_numeral(token: str, language: str, value: float | None) -> None:
    assert parse_numeral(token, language) == value


@given(st.integers(min_value=0, max_value=10**9), st.sampled_from(["en", "es"]))
def test_thousands_grouping_roundtrip(n: int, language: str) -> None:
    text = f"about {n:,} people"
    quantities = extract_quantities(text, language)
    assert len(quantities) == 1
    assert quantities[0].value == n


@given(st.text(max_size=60), st.sampled_from(["en", "es"]))
def test_offsets_always_slice(text: str, language: str) -> None:
    for q in extract_quantities(text, language):
        assert isinstance(q, Quantity)
        assert text[q.start : q.end] == q.text
        assert 0 <= q.start <= q.end <= len(text)


@pytest.mark.parametrize("text", ["CO₂ emissions", "footnote¹ and 2¹", "② items and ③", "3² cases", "5₂ tons", "¹²³"])
@pytest.mark.parametrize("language", ["en", "es"])
def test_superscript_and_circled_digits_are_no_figures(text: str, language: str) -> None:
    """Regression (the ``str.isdigit`` crash fixed in the aligner): ``¹ ② ₂`` pass ``isdigit`` but are no
    figure ``float`` can read; extraction neither crashes nor reads them, nor a digit glued to one."""
    assert extract_quantities(text, language) == []


@pytest.mark.parametrize(
    ("text", "language", "value"),
    [
        ("three hundred and fifty-seven thousand", "en", 357_000),
        ("trescientos cincuenta y siete mil", "es", 357_000),
        ("Thirty-one billion dollars", "en", 31e9),
        ("treinta y un mil millones", "es", 31e9),
        ("twenty-one", "en", 21),
    ],
)
def test_spelled_out_numbers(text: str, language: str, value: float) -> None:
    assert [q.value for q in extract_quantities(text, language)] == [value]


def test_a_spelled_figure_broken_by_an_aside_reads_whole() -> None:
    text = "we created another three hundred and — I think —\nfifty-seven thousand new jobs."
    assert [(q.value, q.unit) for q in extract_quantities(text, "en")] == [(357000.0, None)]
    assert [q.value for q in extract_quantities("I said — no — and then 5 more", "en")] == [5.0]


def test_dollars_with_cents_are_one_amount() -> None:
    assert [(q.value, q.unit) for q in extract_quantities("tres dólares con 12 centavos.", "es")] == [(3.12, "USD")]
    assert [(q.value, q.unit) for q in extract_quantities("three dollars and twelve cents", "en")] == [(3.12, "USD")]

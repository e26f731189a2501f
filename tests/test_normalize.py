"""The matching view keeps offsets; folding makes names comparable."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from interp_align.normalize import fold, match_view

_SPECIALS = "\u00a0\u2019\u201c\u201d\u2013\u2014\ufeff\u2026"


@given(st.text(alphabet=st.sampled_from("ab .,'" + _SPECIALS)))
def test_match_view_keeps_length_and_plain_characters(text: str) -> None:
    view = match_view(text)
    assert len(view) == len(text)
    for original, seen in zip(text, view, strict=True):
        assert seen == original or original in _SPECIALS


def test_match_view_unifies_lookalikes() -> None:
    assert match_view("Let\u2019s\u00a0 go \u2013 \u201cnow\u201d") == "Let's  go - \"now\""


def test_fold_is_case_and_accent_insensitive() -> None:
    assert fold("RODRÍGUEZ") == fold("Rodriguez") == "rodriguez"
    assert fold("  Alicia   BÁRCENA ") == "alicia barcena"


def test_strip_accents_as_removing_every_combining_mark() -> None:
    """The fast path for Latin accents gives what dropping every combining character gives."""
    import random
    import unicodedata

    from interp_align.normalize import strip_accents

    pool = [chr(c) for c in [*range(32, 0x250), *range(0x300, 0x370), 0x1E00, 0x1EA0, 0x2126, 0xFB01, 0x0483, 0x05B0, 0x3099]]
    rng = random.Random(11)
    for _ in range(20000):
        text = "".join(rng.choice(pool) for _ in range(rng.randint(1, 8)))
        decomposed = unicodedata.normalize("NFKD", text)
        assert strip_accents(text) == "".join(c for c in decomposed if not unicodedata.combining(c)), repr(text)

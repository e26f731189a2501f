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

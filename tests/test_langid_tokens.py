"""The lexical evidence read a whitespace token at a time is the regex loop's, float for float.

``langid._view_evidence`` looks each token's word weights up in ``_TOKEN_WORDS`` and adds
them with ``_add_in_order`` (``sum`` where it adds left to right, else ``functools.reduce``);
both ways must give the reference's score (tests/reference_langid.py) to the last bit, on
short texts and on texts longer than a chunk.
"""

from __future__ import annotations

import math

import pytest
import reference_langid
from hypothesis import given, settings
from hypothesis import strategies as st

from interp_align import langid
from interp_align.normalize import match_view

_PIECES = ["Thank you", "Gracias", "señor", "the", "de la", "Bárcena", "Mr.", "¿Qué?", "¡Sí!", "O'Neil",
           "don't", "U.S.-Mexico", "nation", "ción", "OK", "1234", "a1b", "x_y", "²", "a\u0301", "\u2019",
           "—", "«hola»", "Привет", "ñandú", "'quoted'", "(Inaudible)", " ", "  ", "\n", "\t", "\u00a0", "\u2028"]
_TEXTS = st.lists(st.sampled_from(_PIECES), max_size=40).map(" ".join)


def _bits(score: float) -> str:
    return float(score).hex()


@pytest.mark.parametrize("in_order", [True, False])
@settings(max_examples=300, deadline=None)
@given(text=_TEXTS)
def test_token_evidence_is_the_regex_loops(text: str, in_order: bool) -> None:
    expected = reference_langid.lexical_evidence(text)
    saved = langid._SUM_IN_ORDER
    langid._SUM_IN_ORDER = in_order and saved  # ``sum`` only where it does add in order
    try:
        score, count = langid.lexical_evidence(text)
    finally:
        langid._SUM_IN_ORDER = saved
    assert (_bits(score), count) == (_bits(expected[0]), expected[1])


@settings(max_examples=20, deadline=None)
@given(st.lists(_TEXTS, min_size=1, max_size=6), st.integers(min_value=300, max_value=1200))
def test_long_texts_read_in_chunks_score_as_one(parts: list[str], copies: int) -> None:
    text = "\n".join(parts) * copies  # several ``_CHUNK`` s, cut at whitespace
    assert _bits(langid.lexical_evidence(text)[0]) == _bits(reference_langid.lexical_evidence(text)[0])


def test_settled_agrees_with_the_exact_score() -> None:
    for text in ["Thank you very much, Mr. President. " * 40, "Muchas gracias, señor presidente. " * 40]:
        view = match_view(text)
        score, _ = langid._view_evidence(view)
        assert langid._settled(view) is (score > 0)
        assert math.fabs(score) >= langid._SETTLED_SCORE


_WORDS = [*sorted(langid._KNOWN), "nación", "Bárcena", "whole", "thinking", "Ojeda", "o'clock", "ñandú",
          "quickly", "seguridades", "ship", "QUE", "Él", "kk", "ee", "ab", "x"]


def test_word_evidence_is_the_references() -> None:
    suffixed = [stem + suffix for stem in ("cas", "ba", "the") for suffix, _ in langid.SUFFIXES]
    for word in [*_WORDS, *(w.capitalize() for w in _WORDS), *suffixed]:
        for first in (True, False):
            assert _bits(langid._word_evidence(word, first)) == _bits(reference_langid._word_evidence(word, first)), word

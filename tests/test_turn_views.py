"""Turns are tagged from the parser's view of them (``parsing.turns._turn_detector``), not viewed again.

That is exact because the document's view differs from the text's ``match_view`` only where
one whitespace character stands for another (lone CRs, joined soft wraps), and an
identifier's ``detect_view`` reads a view's whitespace only as where words end.  Both halves
are pinned here: the views, on every corpus file and real record; the tags, on any text.
"""

from __future__ import annotations

import importlib
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from json_identity import corpus_files, realdata_files

from interp_align import langid
from interp_align.io import read_text
from interp_align.normalize import match_view

_parse = importlib.import_module("interp_align.parse")
_FILES = [path for _, path in corpus_files()] + [path for _, path in realdata_files()]


def _differ_only_in_whitespace(view: str, reference: str) -> bool:
    return len(view) == len(reference) and all(
        a == b or (a.isspace() and b.isspace()) for a, b in zip(view, reference, strict=True)
    )


@pytest.mark.parametrize("path", _FILES, ids=[p.name for p in _FILES])
def test_document_view_is_match_view_up_to_whitespace(path: Path) -> None:
    text = read_text(path).text
    for language in (None, "en"):
        doc = _read_document(text, language)
        reference = match_view(text)
        if doc.view != reference:
            assert _differ_only_in_whitespace(doc.view, reference)


def _read_document(text: str, language: str | None) -> object:
    doc, _, _, _ = _parse._read_document(text, language, None)
    return doc


_PIECES = ["Thank you", "Gracias", "señor", "the", "de la", "Bárcena", "Mr.", "¿Qué?", "\u201cquoted\u201d",
           "don't", "U.S.-Mexico", "nación", "OK", "1234", "\u2014", "\u00a0", " ", "\n", "\r\n", "\r", "\t"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=60).map(" ".join), st.integers(min_value=1, max_value=1 << 16))
def test_detect_view_with_whitespace_swapped_is_detect(text: str, seed: int) -> None:
    view = match_view(text)
    swaps = "\n \t\r"
    swapped = "".join(swaps[(seed + i) % 4] if c in swaps else c for i, c in enumerate(view))
    for name in ("langdetect", "langdetect-full", "lexical"):
        fresh, given_view = langid.get_identifier(name), langid.get_identifier(name)
        assert given_view.detect_view(text, swapped) == fresh.detect(text), name  # type: ignore[attr-defined]

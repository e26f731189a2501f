"""Fast paths give exactly the answers of the plain code they replace (issue 11).

Each fast path is checked against a plain reference written here, on arbitrary text drawn
from the characters that matter to it.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from ftfy.badness import MOJIBAKE_CATEGORIES
from ftfy.badness import is_bad as ftfy_is_bad
from hypothesis import given, settings
from hypothesis import strategies as st

from interp_align.badness import is_bad
from interp_align.parsing.turns import _EN_WORDS, _ES_WORDS, function_word_counts

_WORD = re.compile(r"[a-záéíóúñ]+")


def _reference_counts(sample: str) -> tuple[int, int]:
    words = _WORD.findall(sample.lower())
    return sum(w in _EN_WORDS for w in words), sum(w in _ES_WORDS for w in words)


_WORDY = st.lists(
    st.sampled_from([*list("theandofisdelaquey ÁÉáéíóúñÑüçİK’“-.,\n"), "the ", "de ", "la ", "Él "]),
    max_size=120,
).map("".join)


@given(_WORDY)
def test_function_word_counts_match_the_word_regex(sample: str) -> None:
    assert function_word_counts(sample) == _reference_counts(sample)


def test_function_word_counts_on_prose() -> None:
    text = "The plan and the reform: de la frontera, y que los socios... THE END. ñandú the"
    assert function_word_counts(text) == _reference_counts(text) == (5, 5)
    assert function_word_counts("") == (0, 0)


_MOJIBAKE_ALPHABET = sorted(
    set("".join(MOJIBAKE_CATEGORIES.values()))
    | set("abcxyzABC .,?!\n\t0123ÃÂÎÐ€œŠš×²³ГўВЂВâ€™âàáé√≈‚Äβā")
    | {chr(c) for c in range(0x80, 0xA0)}
)


@settings(max_examples=3000)
@given(st.text(alphabet=st.sampled_from(_MOJIBAKE_ALPHABET), max_size=12))
def test_is_bad_matches_ftfy(text: str) -> None:
    assert is_bad(text) == ftfy_is_bad(text)


def test_is_bad_on_known_cases() -> None:
    assert is_bad("SecretarÃ­a de Relaciones Exteriores")
    assert is_bad("donâ€™t")
    assert not is_bad("Secretaría de Relaciones Exteriores, “señor” — bien…")


# -- the sentence splitter --------------------------------------------------------------------

import reference_segment  # noqa: E402

from interp_align.normalize import is_space  # noqa: E402
from interp_align.segment import SPACE_CHARS, split_sentences  # noqa: E402


def test_space_chars_are_what_is_space_calls_a_space() -> None:
    assert set(SPACE_CHARS) == {c for c in map(chr, range(0x110000)) if is_space(c)}


_PIECES = [
    "Mr.", "Sr.", "U.S.", "EE.UU.", "etc.", "No.", "5", "1.", "a.m.", "J.", "Lic.", "the", "The", "We",
    "hello", "Hola", "(Via interpreter.)", "[inaudible]", "\u201cQuote.\u201d", "end.)", "?!", "...",
    "\u2026", ".", "!", "?", ")", "\u00bfQu\u00e9?", "\u00a1S\u00ed!", "7.4", "U.S.-Mexico", "x.).",
    " ", " ", " ", "  ", "\n", "\n\n", "\t", "\u00a0", "\u200b", "\u2061", "\r\n", "\u3000", "W" * 70,
]


@st.composite
def _splitter_case(draw: st.DrawFn) -> tuple[str, int, int, str, list[tuple[int, int]]]:
    text = "".join(draw(st.lists(st.sampled_from(_PIECES), max_size=40)))
    start = draw(st.integers(0, len(text)))
    end = draw(st.integers(start, len(text)))
    language = draw(st.sampled_from(["en", "es", "fr"]))
    protected = [(m.start(), m.end()) for m in re.finditer(r"\([^()]*\)|\[[^\[\]]*\]", text)]
    return text, start, end, language, protected


@settings(max_examples=3000)
@given(_splitter_case())
def test_split_sentences_matches_the_reference(case: tuple[str, int, int, str, list[tuple[int, int]]]) -> None:
    text, start, end, language, protected = case
    expected = reference_segment.split_sentences(text, start, end, language=language, protected=protected)
    assert split_sentences(text, start, end, language=language, protected=protected) == expected
    view = reference_segment.match_view(text)
    assert split_sentences(text, start, end, language=language, protected=protected, view=view) == expected


# -- line patterns ----------------------------------------------------------------------------

from interp_align.lang.labels import COLON_LABEL  # noqa: E402
from interp_align.parsing.blocks import SEPARATOR  # noqa: E402
from interp_align.parsing.dialects import DIALECTS  # noqa: E402
from interp_align.parsing.document import (  # noqa: E402
    count_matches,
    is_blank,
    line_matches,
    line_matches_holding,
)

_LINE_PATTERNS = [
    COLON_LABEL,
    SEPARATOR,
    re.compile(r"^a\n", re.MULTILINE),  # a match that ends after a newline: the next line is tried
    re.compile(r"^(?:a|b)$", re.MULTILINE),
    re.compile(r"^x|y", re.MULTILINE),  # not a line pattern: run as it is
    *(e.pattern for d in DIALECTS for e in d.evidence if e.pattern is not None),
]
_LINE_PIECES = ["a", "b", "\n", " ", "---", "MR. X:", "Q ", "Q:", "x" * 60, "y", "\r\n", "\t", "4:02 P.M. EDT"]


@settings(max_examples=1500)
@given(st.lists(st.sampled_from(_LINE_PIECES), max_size=16).map("".join), st.integers(0, 200))
def test_line_matches_are_finditer_matches(text: str, pos: int) -> None:
    pos = min(pos, len(text))
    for pattern in _LINE_PATTERNS:
        expected = [(m.start(), m.group()) for m in pattern.finditer(text, pos)]
        got = [(start, text[start : m.end()]) for start, m in line_matches(pattern, text, pos)]
        assert got == expected, pattern.pattern
        for cap in (1, 2, 50):
            assert count_matches(pattern, text, cap) == min(cap, sum(1 for _ in pattern.finditer(text))), pattern.pattern
    for evidence in (e for d in DIALECTS for e in d.evidence if e.needle is not None):
        assert evidence.pattern is not None
        for cap in (2, 50):
            expected_count = min(cap, sum(1 for _ in evidence.pattern.finditer(text)))
            assert count_matches(evidence.pattern, text, cap, evidence.needle) == expected_count, evidence.description


_LABEL_PIECES = ["MR. X", "SECRETARIA", ":", " ", "\n", "(Interpretación", ")", "(INE) ", "Hola", "10:30", "\r\n", ",", "\t", "\x85"]


@settings(max_examples=1500)
@given(st.lists(st.sampled_from(_LABEL_PIECES), max_size=16).map("".join), st.integers(0, 120))
def test_colon_labels_on_colon_lines_are_line_matches(text: str, pos: int) -> None:
    pos = min(pos, len(text))
    expected = [(start, m.span("label"), m.end(), m.groups()) for start, m in line_matches(COLON_LABEL, text, pos)]
    got = [(start, m.span("label"), m.end(), m.groups()) for start, m in line_matches_holding(COLON_LABEL, text, ":", pos)]
    assert got == expected


@given(st.lists(st.sampled_from([" ", "\n", "\u00a0", "\u200b", "\u2061", "\r", "x", "\ufeff", "\u3000"]), max_size=8).map("".join))
def test_is_blank_is_the_stripped_view(text: str) -> None:
    from interp_align.parsing.document import base_view

    assert is_blank(text) == (not base_view(text).strip())


# -- language identification ------------------------------------------------------------------

import reference_langid  # noqa: E402

from interp_align import langid  # noqa: E402

_SEGMENTS = Path(__file__).resolve().parents[1] / "corpora" / "langid-short-segments" / "segments.tsv"
_LID_PIECES = ["Thank you", "Gracias", "señor", "the", "de la", "Bárcena", "Mr.", "¿Qué?", "O'Neil", "nation",
               "ción", "OK", "Sí", "1234", " ", ". ", "\n", "https://x.org", "a@b.com", "Привет", "ñandú", "Q"]


def _segments() -> list[str]:
    return [line.split("\t", 1)[1] for line in _SEGMENTS.read_text(encoding="utf-8").splitlines()[1:] if line.strip()]


# ``langdetect-full`` is the 0.1.0 default, the reference's ``langdetect``; the default since
# 0.2.0 gives its languages with other confidences (tests/test_langid_default.py).
_FULL = "langdetect-full"


def test_identifiers_tag_the_segments_as_before() -> None:
    for old, new in (("langdetect", _FULL), ("lexical", "lexical")):
        before, after = reference_langid.get_identifier(old), langid.get_identifier(new)
        assert [after.detect(t) for t in _segments()] == [before.detect(t) for t in _segments()], new


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_LID_PIECES), max_size=12).map(" ".join))
def test_langdetect_with_prior_tags_as_before(text: str) -> None:
    assert langid.get_identifier(_FULL).detect(text) == reference_langid.get_identifier().detect(text)
    assert langid.lexical_evidence(text) == reference_langid.lexical_evidence(text)


_NGRAM_PIECES = [*_LID_PIECES, "NAFTA", "USMCA", "OK.", "A", "ñ", "É", "\u0301", "a\u0301", "\u2014", "\u201c",
                 "Ελλάδα", "日本", "ｶﾀｶﾅ", "\u0219", "ț", "\u1ea1", "  ", "\t", "x@y.z", "http://a.b/c?d=1"]


def _langdetect_rows(factory: Any, text: str) -> list[list[float]]:
    """langdetect's own n-grams of ``text``, as profile rows."""
    detector = factory.create()
    detector.append(text)
    detector.cleaning_text()
    return [detector.word_lang_prob_map[w] for w in detector._extract_ngrams()]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_NGRAM_PIECES), max_size=14).map("".join))
def test_ngram_rows_are_langdetects(text: str) -> None:
    for restrict in (True, False):
        factory = langid._langdetect_factory(("en", "es") if restrict else None, 0)
        expected = _langdetect_rows(factory, text)
        assert langid._ngram_rows(langid._detector(factory), text) == expected


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(_NGRAM_PIECES), min_size=1, max_size=40).map(" ".join))
def test_replayed_trials_are_langdetects(text: str) -> None:
    from langdetect.lang_detect_exception import LangDetectException

    factory = langid._langdetect_factory(("en", "es"), 0)
    rows = _langdetect_rows(factory, text)
    detector = factory.create()
    detector.append(text)
    try:
        detector.get_probabilities()
    except LangDetectException:
        assert not rows
        return
    assert langid._replay(langid._detector(factory), rows, langid._Draws(0)) == detector.langprob
    assert langid._replay(langid._detector(factory), rows, langid._draws(0)) == detector.langprob


class _TinyChunks(langid._Draws):
    CHUNK = 7  # the stream read and scanned a few words at a time: every extension path taken
    SIZES = 2


def test_replay_reads_the_stream_in_pieces() -> None:
    factory = langid._langdetect_factory(("en", "es"), 0)
    draws = _TinyChunks(0)
    for text in [*_segments()[:40], "OK", "Ok ok", "NAFTA", " ".join(_segments()[:30])]:
        rows = _langdetect_rows(factory, text)
        if rows:
            assert langid._replay(langid._detector(factory), rows, draws) == langid._trials(langid._detector(factory), rows)


def test_ngram_rows_leave_long_texts_to_langdetect() -> None:
    detector = langid._detector(langid._langdetect_factory(("en", "es"), 0))
    assert langid._ngram_rows(detector, "a" * detector.max_text_length) is not None
    assert langid._ngram_rows(detector, "a" * (detector.max_text_length + 1)) is None


_SHARED = langid.get_identifier(_FULL)  # remembers answers across the examples, by normalised words


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from([*_LID_PIECES, "Secretario", "Blinken", "Mayorkas", ",", "!"]), max_size=8).map(" ".join))
def test_remembered_answers_are_the_texts_own(text: str) -> None:
    assert _SHARED.detect(text) == reference_langid.get_identifier().detect(text)


def test_stock_langdetect_tags_as_before() -> None:
    before, after = reference_langid.get_identifier("langdetect-stock"), langid.get_identifier("langdetect-stock")
    for text in _segments()[:60]:
        assert after.detect(text) == before.detect(text)


# -- soft-wrap breaks -----------------------------------------------------------------------------

from interp_align.parsing import document as _document  # noqa: E402

_BREAK_PIECES = ["a", " ", "\t", "\n", "\r", "\r\n", "x.", "\n\n", "\u00a0", "B", "  \n"]


@settings(max_examples=1500)
@given(st.lists(st.sampled_from(_BREAK_PIECES), max_size=16).map("".join), st.integers(0, 60))
def test_breaks_are_finditer_matches(text: str, start: int) -> None:
    start = min(start, len(text))
    for pattern, first in ((_document._INNER_BREAK, _document._NEWLINE), (_document._PARAGRAPH_BREAK, _document._BLANK_LINE)):
        expected = [m.span() for m in pattern.finditer(text, start)]
        assert [m.span() for m in _document._breaks(pattern, first, text, start)] == expected, pattern.pattern


def _reference_join(text: str, view: str, start: int, keep: set[int]) -> tuple[str, int]:
    """``join_soft_wraps`` as it was written before the literal scan: ``_INNER_BREAK``'s and
    ``_PARAGRAPH_BREAK``'s matches, read one by one."""
    spaces: list[int] = []
    joined = 0
    for match in _document._INNER_BREAK.finditer(view, start):
        newline = match.end() - 1
        next_start = _document._skip_blank(view, match.end())
        if match.end() in keep or next_start in keep:
            continue
        if _document._hard_break(text, match.start(), newline) and not view[next_start].islower():
            continue
        if view[newline - 1] == "\r":
            spaces.append(newline - 1)
        spaces.append(newline)
        joined += 1
    view = _document._spaced(view, spaces)
    spaces = []
    for match in _document._PARAGRAPH_BREAK.finditer(view, start):
        next_start = _document._skip_blank(view, match.end())
        if match.end() in keep or next_start in keep:
            continue
        last = _document._LAST_WORD.search(view[max(start, match.start() - 40) : match.start()])
        cut_word = last is not None and last.group(1).casefold() in _document._CONTINUING
        if view[match.start() - 1] in ".!?:;\"')]" or not (view[next_start].islower() or cut_word):
            continue
        spaces.extend(i for i in range(match.start(), match.end()) if view[i] in "\r\n")
        joined += 1
    return _document._spaced(view, spaces), joined


_WRAP_PIECES = [*_BREAK_PIECES, "of the", "b", "\\", "  ", "\u00a0\n", "\x0c", "\n  c", "é"]


@settings(max_examples=3000)
@given(st.lists(st.sampled_from(_WRAP_PIECES), max_size=20).map("".join), st.integers(0, 60), st.sets(st.integers(0, 80), max_size=4))
def test_join_soft_wraps_as_reference(text: str, start: int, keep: set[int]) -> None:
    start = min(start, len(text))
    view = _document.base_view(text)
    assert _document.join_soft_wraps(text, view, start, keep) == _reference_join(text, view, start, keep)


# -- closed notes -------------------------------------------------------------------------------

from interp_align.lang import markers as _markers  # noqa: E402
from interp_align.parsing import notes as _notes  # noqa: E402

_NOTE_PIECES = ["(", ")", "[", "]", "\n", "a", "In English.", " ", "x" * 40]


@settings(max_examples=1500)
@given(st.lists(st.sampled_from(_NOTE_PIECES), max_size=24).map("".join))
def test_closed_note_scans_are_the_candidate_matches(view: str) -> None:
    expected = [(m.span(), m.group(1) if m.group(1) is not None else m.group(2)) for m in _markers.CANDIDATE.finditer(view)]
    found = sorted((m.span(), m.group(1)) for pattern in _notes._CLOSED for m in pattern.finditer(view))
    assert found == expected


# -- lines of the document -----------------------------------------------------------------------

from interp_align.parsing import blocks as _blocks  # noqa: E402

_BLANK_LINE_PIECES = ["a", " ", "\t", "\n", "\r\n", "\x0c", "\x85", "---", "-", "\u00a0", "b c"]


@settings(max_examples=1500)
@given(st.lists(st.sampled_from(_BLANK_LINE_PIECES), max_size=20).map("".join), st.integers(0, 40), st.integers(0, 40))
def test_first_nonblank_line_is_the_first_of_nonblank_lines(text: str, start: int, width: int) -> None:
    doc = _document.Document(text, _document.base_view(text))
    start = min(start, len(text))
    end = min(len(text), start + width)
    assert doc.first_nonblank_line(start, end) == next(doc.nonblank_lines(start, end), None)
    assert doc.first_nonblank_line(start) == next(doc.nonblank_lines(start), None)


@settings(max_examples=1500)
@given(st.lists(st.sampled_from(_BLANK_LINE_PIECES), max_size=20).map("".join), st.integers(0, 40))
def test_separators_found_from_their_dashes(text: str, start: int) -> None:
    view = _document.base_view(text)
    start = min(start, len(view))
    expected = [(s, m.end()) for s, m in _document.line_matches(_blocks.SEPARATOR, view, start)]
    assert [(s, m.end()) for s, m in _document.line_matches_holding(_blocks.SEPARATOR, view, "---", start)] == expected


@settings(max_examples=1500)
@given(st.lists(st.sampled_from(_BLANK_LINE_PIECES), max_size=20).map("".join), st.integers(-2, 40), st.integers(-2, 50))
def test_trim_strips_like_str_strip(text: str, start: int, end: int) -> None:
    doc = _document.Document(text, _document.base_view(text))
    chunk = doc.view[start:end]
    left = len(chunk) - len(chunk.lstrip())
    expected = (start, start) if left == len(chunk) else (start + left, start + len(chunk.rstrip()))
    assert doc.trim(start, end) == expected

"""The check's fast paths give exactly the answers of the plain code they replace (issue 11).

Each one is checked against the plain form it stands for, on arbitrary text drawn from the
characters that matter to it (case look-alikes such as "ſ" and "K" included). The whole-record
guarantee (identical findings on the corpora and real records) was checked by running both
versions; these pin the reasoning behind each shortcut.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Iterable

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from interp_align.align.ibm1 import _cooccurrences
from interp_align.normalize import MATCH_PAIRS, fold, match_view
from interp_align.quality.context import SentenceView, _blank
from interp_align.quality.jsonout import dumps_indented
from interp_align.quality.lexicon import MISRENDERINGS
from interp_align.quality.rules import garble, names

_WORDS = ["a", "an", "the", "A", "The", "el", "la", "Los", "to", "me", "with", "of", "should", "going",
          "coming", "It's", "is", "we", "We", "ſee", "Kin", "é", "día", "İ", "ı", "Σσς", "ÿŸ", "ß", "Dž"]
_PIECES = st.sampled_from([*_WORDS, " ", " ", " ", ", ", ",", "  ", "\n", "-", "'", "1", "_", ".", "(", "’"])
_TEXT = st.lists(_PIECES, max_size=40).map("".join)


def _spans(matches: Iterable[re.Match[str]]) -> list[tuple[int, int]]:
    return [m.span() for m in matches]


@given(_TEXT)
@settings(max_examples=400)
def test_phrase_repeats_are_finditer(text: str) -> None:
    assert _spans(garble._phrase_repeats(text)) == _spans(garble._PHRASE_REPEAT.finditer(text))


@given(st.lists(st.sampled_from(["a", "b", "c", "A"]), max_size=30))
def test_phrase_repeats_on_word_lists(words: list[str]) -> None:
    text = ", ".join(" ".join(words[k : k + 3]) for k in range(0, len(words), 3))
    assert _spans(garble._phrase_repeats(text)) == _spans(garble._PHRASE_REPEAT.finditer(text))


def _view(text: str) -> SentenceView:
    return SentenceView(0, 0, len(text), text, text, match_view(text))


@given(_TEXT)
@settings(max_examples=400)
def test_pattern_pretests_never_skip_a_match(text: str) -> None:
    """Where a pattern matches an ASCII sentence, its needed words are there (so skipping is safe)."""
    s = _view(text)
    runs = garble._runs(s)
    if runs is None:
        return
    present = set(runs)
    for rule in MISRENDERINGS:
        if rule.pattern.search(s.view):
            assert all(len(present & words) >= n for words, n in rule.needs), rule.why
    if garble._DOUBLE.search(s.view):
        assert any(map(str.__eq__, runs, runs[1:]))
    if garble._PHRASE_REPEAT.search(s.view):
        assert garble._may_repeat_phrase(s.view.lower())


@given(st.lists(st.sampled_from(["a", "b", "A", "c", ",", ", ", " ", "  ", "é", "-"]), max_size=40).map(" ".join))
@settings(max_examples=400)
def test_phrase_pretest_never_skips_a_repeat(text: str) -> None:
    s = _view(text)
    if garble._runs(s) is not None and garble._PHRASE_REPEAT.search(s.view):
        assert garble._may_repeat_phrase(s.view.lower())


@given(_TEXT)
@settings(max_examples=400)
def test_keys_and_letters_are_the_plain_tokenisations(text: str) -> None:
    s = _view(text)
    assert s.letters == re.findall(r"[^\W\d_]+", s.view)
    assert garble._keys(s, garble._runs(s)) == [w.lower() for w in garble._WORD.findall(s.view)]


def test_case_safe_text_lowers_as_ignorecase_matches() -> None:
    """Over every character :func:`garble._case_safe` accepts, ``re.IGNORECASE`` equality (literals and
    back-references) is equality of ``str.lower``, which keeps one character of the same class."""
    chars = [chr(i) for i in range(0x250) if garble._case_safe(chr(i))]
    letter = re.compile(r"[^\W\d_]")
    pair = re.compile(r"(.)\1", re.IGNORECASE | re.DOTALL)
    for c in chars:
        assert len(c.lower()) == 1 and bool(letter.match(c)) == bool(letter.match(c.lower()))
        literal = re.compile(re.escape(c), re.IGNORECASE)
        for d in chars:
            assert bool(literal.fullmatch(d)) == (c.lower() == d.lower()) == bool(pair.fullmatch(c + d))


@given(st.lists(st.sampled_from([c for c, _ in MATCH_PAIRS] + list("ab ")), max_size=30).map("".join),
       st.integers(0, 30), st.integers(0, 30))
def test_a_slice_of_the_view_is_the_view_of_the_slice(text: str, a: int, b: int) -> None:
    assert match_view(text)[a:b] == match_view(text[a:b])


def _reference_loop(text: str, max_n: int = 6, min_times: int = 3) -> tuple[int, int, str, int] | None:
    """``_find_loop`` before the shortcuts: every phrase length at every frequent word."""
    words = list(garble._WORD.finditer(text))
    keys = [w.group().lower() for w in words]
    frequent = {k for k, n in Counter(keys).items() if n >= min_times}
    for i in range(len(keys)):
        if keys[i] not in frequent:
            continue
        for n in range(1, max_n + 1):
            times = 1
            while keys[i + times * n : i + (times + 1) * n] == keys[i : i + n] and i + (times + 1) * n <= len(keys):
                times += 1
            if times >= min_times:
                last = words[i + times * n - 1]
                return words[i].start(), last.end(), text[words[i].start() : words[i + n - 1].end()], times
    return None


@given(st.lists(st.sampled_from(["no", "No", "the", "we", "go", ",", "-", "it's"]), max_size=40).map(" ".join))
def test_find_loop_is_the_plain_search(text: str) -> None:
    s = _view(text)
    assert garble._find_loop(text, garble._keys(s, garble._runs(s))) == _reference_loop(text)


def _reference_cooccurrences(pairs: list[tuple[np.ndarray, np.ndarray, float]], null: int) -> list[np.ndarray]:
    us, vs, groups, weights = [], [], [], []
    group = 0
    for src_ids, tgt, weight in pairs:
        if not len(tgt):
            continue
        src = np.append(src_ids, null)
        us.append(np.tile(src, len(tgt)))
        vs.append(np.repeat(tgt, len(src)))
        groups.append(np.repeat(np.arange(group, group + len(tgt)), len(src)))
        weights.append(np.full(len(src) * len(tgt), weight))
        group += len(tgt)
    return [np.concatenate(us), np.concatenate(vs), np.concatenate(groups), np.concatenate(weights), np.array(group)]


_IDS = st.lists(st.integers(0, 9), max_size=5).map(lambda ids: np.array(ids, dtype=np.int64))


@given(st.lists(st.tuples(_IDS, _IDS, st.floats(0.1, 1.0)), min_size=1, max_size=8))
def test_cooccurrences_are_the_tiles_and_repeats_per_pair(pairs: list[tuple[np.ndarray, np.ndarray, float]]) -> None:
    if not any(len(tgt) for _, tgt, _ in pairs):
        return
    got = _cooccurrences(pairs, 10)
    want = _reference_cooccurrences(pairs, 10)
    for g, w in zip(got[:4], want[:4], strict=True):
        assert g.dtype == w.dtype and np.array_equal(g, w)
    assert got[4] == int(want[4])


_NAMEY = st.lists(st.sampled_from(["Ana", "Anabel", "ana", "Ana-Luz", "O'Ana", "dAna", " ", " ", "(", "-", "’", "1",
                                   "_", ":", "\n"]), max_size=30).map("".join)


@given(_NAMEY, st.integers(0, 5), st.sets(st.sampled_from(["Ana", "Anabel", "Ana-Luz", "Luz"]), max_size=3))
@settings(max_examples=400)
def test_name_matches_are_finditer_filtered(body: str, offset: int, words: set[str]) -> None:
    want = [m.span() for m in names._CAPITALISED.finditer(body, offset) if m.group() in words]
    assert _spans(names._matches_of(body, offset, words)) == want


@given(_TEXT, st.integers(0, 60), st.integers(1, 5))
def test_last_words_are_the_tail_of_the_prefix(text: str, pos: int, n: int) -> None:
    pos = min(pos, len(text))
    assert _spans(garble._last_words(text, pos, n)) == _spans(garble._WORD.finditer(text[:pos]))[-n:]


_JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=5), inner, max_size=4)
    | st.tuples(inner, inner),
    max_leaves=30,
)


@given(_JSON)
@settings(max_examples=400)
def test_dumps_indented_is_json_dumps(value: object) -> None:
    assert dumps_indented(value) == json.dumps(value, ensure_ascii=False, indent=2)


@given(st.text(alphabet="ab\n", max_size=20), st.lists(st.tuples(st.integers(0, 22), st.integers(0, 23)), min_size=1, max_size=4))
def test_blank_is_the_character_loop(text: str, notes: list[tuple[int, int]]) -> None:
    spans = sorted((a, min(b, len(text))) for a, b in notes)
    chars = list(text)
    for a, b in spans:
        for i in range(a, b):
            chars[i] = " "
    assert _blank(text, spans) == "".join(chars)


_NAME_PIECES = st.sampled_from(["Rodríguez", "RODRIGUEZ", "rodri\u0301guez", "Ebrard", "Klein", "Jen", "de", "la", " ", " ",
                                "\n", "\n\n", ",", "-", "’", "3", "_", "ß", "İ", "\u2028", "ＫＬＥＩＮ", "Kl\u00e9in"])


@given(st.lists(_NAME_PIECES, max_size=30).map("".join),
       st.lists(st.sampled_from(["rodriguez", "klein", "ebrard", "klein-x", "ı"]), min_size=1, max_size=3))
@settings(max_examples=400)
def test_word_pairs_keep_every_pair_naming_a_key(text: str, keys: list[str]) -> None:
    def naming(pairs: list[tuple[str, str]]) -> list[tuple[str, str]]:
        return [p for p in pairs if fold(p[1]) in keys]

    assert naming(names.word_pairs(text, tuple(keys))) == naming(names._PAIR.findall(text))

"""The default identifier since 0.2.0 gives the languages of the full computation (0.1.0's).

The default ``langdetect`` backend skips langdetect wherever the lexical log-odds exceed the
most langdetect could add; ``langdetect-full`` runs it as 0.1.0 did.  Their languages must be
the same on any text, and where their tags differ the default's confidence is the lexical
evidence's alone, ``sigmoid(|log-odds|)``.
"""

from __future__ import annotations

import math
import re
from functools import cache
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

import interp_align as ia
from interp_align import langid
from interp_align.models import LanguageSource, LanguageTag

ROOT = Path(__file__).resolve().parent.parent
CORPORA = ROOT / "corpora"
_WORDS = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")

_DEFAULT = langid.get_identifier()
_FULL = langid.get_identifier("langdetect-full")


def _vocabulary(path: Path, most: int = 400) -> list[str]:
    """The ``most`` commonest words of a transcript, in their commonest spelling (case kept)."""
    counts: dict[str, int] = {}
    for word in _WORDS.findall(path.read_text(encoding="utf-8")):
        counts[word] = counts.get(word, 0) + 1
    return sorted(counts, key=lambda w: (-counts[w], w))[:most]


_SEED = CORPORA / "us-mexico-security-dialogue-2023"
_ENGLISH = _vocabulary(_SEED / "en.txt")
_SPANISH = _vocabulary(_SEED / "es.txt")
_GLUE = [" ", " ", " ", ", ", ". ", "? ", "! ", " ¿", " ¡", ": ", " — ", "\n", " (", ") ", " 2024 "]
_NAMES = ["Bárcena", "Blinken", "Mayorkas", "López Obrador", "Ebrard", "Sherwood-Randall", "Rosa Icela"]


@st.composite
def _mixes(draw: st.DrawFn) -> str:
    """A text of English and Spanish words (any mix, names and punctuation between)."""
    words = draw(st.lists(st.sampled_from(_ENGLISH) | st.sampled_from(_SPANISH) | st.sampled_from(_NAMES),
                          min_size=1, max_size=25))
    glue = draw(st.lists(st.sampled_from(_GLUE), min_size=len(words), max_size=len(words)))
    text = "".join(w + g for w, g in zip(words, glue, strict=True))
    return draw(st.sampled_from([text, text.capitalize(), text.upper(), text.lower()]))


def _code(tag: LanguageTag | None) -> str | None:
    return None if tag is None else tag.code


def _lexical_tag(text: str, code: str) -> LanguageTag:
    """The tag the default gives where it answers from the lexical evidence alone."""
    score, _ = langid.lexical_evidence(text)
    return langid._tag(code, 1.0 / (1.0 + math.exp(-abs(score))))


def _check(text: str) -> None:
    new, old = _DEFAULT.detect(text), _FULL.detect(text)
    assert _code(new) == _code(old), text
    if new is not None:
        assert new.source is LanguageSource.DETECTED
        assert 0.5 <= new.confidence <= 1.0  # the better of two languages
        assert new == old or new == _lexical_tag(text, new.code), text


@settings(max_examples=600, deadline=None)
@given(_mixes())
def test_default_gives_the_full_computations_language(text: str) -> None:
    _check(text)


@settings(max_examples=300, deadline=None)
@given(_mixes(), _mixes())
def test_default_gives_the_full_computations_language_on_code_switches(first: str, second: str) -> None:
    _check(f"{first}. {second}")
    _check(f"{second} {first}")


@settings(max_examples=200, deadline=None)
@given(st.lists(_mixes(), min_size=1, max_size=6))
def test_default_is_deterministic(texts: list[str]) -> None:
    shared = [_DEFAULT.detect(t) for t in texts]
    fresh = langid.get_identifier()  # nothing remembered, the texts in the other order
    assert [fresh.detect(t) for t in reversed(texts)][::-1] == shared
    assert [_DEFAULT.detect(t) for t in texts] == shared


@cache
def _corpus_texts() -> list[str]:
    """Every turn and sentence text of the transcripts in ``corpora/``, and the short segments."""
    texts: dict[str, None] = {}
    for path in sorted(CORPORA.rglob("*.txt")):
        for turn in ia.read(path, detect_language=False).turns:
            texts[turn.body] = None
            texts.update(dict.fromkeys(s.text for s in turn.sentences))
    segments = CORPORA / "langid-short-segments" / "segments.tsv"
    for line in segments.read_text(encoding="utf-8").splitlines()[1:]:
        if line.strip():
            texts[line.split("\t", 1)[1]] = None
    return list(texts)


def test_default_gives_the_full_computations_languages_on_the_corpora() -> None:
    texts = _corpus_texts()
    assert len(texts) > 1500  # distinct: the check corpus repeats the records it varies
    for text in texts:
        _check(text)


def test_default_skips_langdetect_on_most_short_segments() -> None:
    """What the change is for: the default runs langdetect far less often."""
    rows = (CORPORA / "langid-short-segments" / "segments.tsv").read_text(encoding="utf-8").splitlines()[1:]
    texts = [line.split("\t", 1)[1] for line in rows if line.strip()]
    differ = sum(_DEFAULT.detect(t) != _FULL.detect(t) for t in texts)
    assert differ > len(texts) // 2
    assert [_code(_DEFAULT.detect(t)) for t in texts] == [_code(_FULL.detect(t)) for t in texts]


def test_the_default_keeps_its_name_and_the_full_computation_is_still_there() -> None:
    assert langid.get_identifier().name == "langdetect"
    assert langid.get_identifier("langdetect").bounded  # type: ignore[attr-defined]
    full = langid.get_identifier("langdetect-full")
    assert full.name == "langdetect-full" and not full.bounded  # type: ignore[attr-defined]
    assert langid.LangdetectIdentifier().bounded

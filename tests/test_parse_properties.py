"""Property tests: the parser never raises on text, tiles it exactly, and round-trips through JSON."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from interp_align.models import LanguageSource, LanguageTag, Transcript
from interp_align.parse import parse


class _FixedIdentifier:
    """A deterministic stand-in identifier: Spanish if the text has "ñ" or "¿", else English."""

    name = "fixed"

    def detect(self, text: str) -> LanguageTag | None:
        if not text.strip():
            return None
        code = "es" if ("ñ" in text or "¿" in text) else "en"
        return LanguageTag(code=code, confidence=0.9, source=LanguageSource.DETECTED)


_PIECES = st.sampled_from(
    [
        "MR. PRICE:",
        "PREGUNTA:",
        "SECRETARIA DE SEGURIDAD, ROSA ICELA RODRÍGUEZ:",
        "PRIMER MINISTRO DE CANADÁ, MARK CARNEY (interpretación al español):",
        "---",
        "MODERADOR",
        "JANET YELLEN (INTERPRETACIÓN DEL INGLÉS AL ESPAÑOL)",
        "(INTERPRETACIÓN DEL INGLÉS AL ESPAÑOL)",
        "(Via interpreter)",
        "(Mensaje en inglés).",
        "(inaudible)",
        "[inaudible 00:01:42]",
        "Related Articles",
        "Leave a Reply",
        "—000—",
        "###",
        "Hello there. How are you?",
        "¿Cómo estás? Muy bien, señor.",
        "\u00a0 ",
        "\r\n",
        "\n",
        "\n\n",
        " ",
        ":",
        "(",
        ")",
        "\ufeff",
    ]
)
_TEXTS = st.one_of(
    st.text(max_size=300),
    st.lists(st.one_of(_PIECES, st.text(max_size=12)), max_size=40).map("".join),
)


def _check_tiling(text: str, transcript: Transcript) -> None:
    assert transcript.text == text
    position = 0
    for block in transcript.blocks:
        assert block.start == position
        assert block.end > block.start
        assert block.text == text[block.start : block.end]
        position = block.end
    assert position == len(text)
    for turn in transcript.turns:
        assert turn.text == text[turn.start : turn.end]
        assert turn.body == text[turn.body_start : turn.body_end]
        assert turn.start <= turn.label.start <= turn.label.end <= turn.end
        assert turn.start <= turn.body_start <= turn.body_end <= turn.end
        for marker in turn.markers:
            assert marker.text == text[marker.start : marker.end]
        for sentence in turn.sentences:
            assert sentence.text == text[sentence.start : sentence.end]
            assert turn.body_start <= sentence.start < sentence.end <= turn.body_end


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_TEXTS)
def test_never_raises_and_tiles_exactly(text: str) -> None:
    transcript = parse(text, detect_language=False)
    _check_tiling(text, transcript)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_TEXTS)
def test_json_round_trip(text: str) -> None:
    transcript = parse(text, identifier=_FixedIdentifier())
    _check_tiling(text, transcript)
    assert Transcript.model_validate_json(transcript.model_dump_json()) == transcript


@settings(max_examples=50, deadline=None)
@given(_TEXTS)
def test_deterministic(text: str) -> None:
    assert parse(text, identifier=_FixedIdentifier()) == parse(text, identifier=_FixedIdentifier())


def _synthetic(size: int) -> str:
    unit = (
        "SECRETARY EXAMPLE:  (Via interpreter) Thank you very much.  We will work together (inaudible) on this.\n\n"
        "QUESTION:  What happens next?  Will the agreement hold at 10:30?\n\n"
        "Let me say this: the plan is sound.  It is a good plan, and we are proud of it.\n\n"
    )
    return "Synthetic Title\n\n" + unit * (size // len(unit) + 1)


@pytest.mark.slow
def test_fifty_megabytes_parse() -> None:
    text = _synthetic(50_000_000)
    transcript = parse(text, detect_language=False)  # throughput: benchmarks/parse_throughput.py
    assert transcript.blocks[-1].end == len(text)
    assert len(transcript.turns) > 200_000

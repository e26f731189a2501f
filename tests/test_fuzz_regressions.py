"""Inputs the fuzz benchmark found, pinned: each once hung or crashed a stage."""

from __future__ import annotations

import subprocess
import sys

import interp_align as ia


def test_crlf_record_opening_with_a_separator_and_no_closing_one_parses() -> None:
    """Fuzz input 119239 (seed 0): a CRLF record opening with ``---`` and no closing ``---``.

    The front-matter pattern matched each line's CR two ways, so parsing took
    2^lines steps (26 lines: 30 s). Run in a subprocess so a regression fails
    instead of hanging the suite.
    """
    text = "---\r\n" + "MR. PRICE:  Good morning, and welcome.\r\n\r\n" * 40
    code = ("import sys, interp_align as ia; t = ia.parse(sys.stdin.buffer.read().decode(), detect_language=False); "
            "print(len(t.turns))")  # bytes: text-mode stdin would turn CRLF into LF
    done = subprocess.run([sys.executable, "-c", code], input=text, capture_output=True, text=True,
                          timeout=120, check=False, encoding="utf-8", errors="strict")
    assert done.returncode == 0, done.stderr[-2000:]
    transcript = ia.parse(text, detect_language=False)
    assert "".join(b.text for b in transcript.blocks) == text
    assert int(done.stdout) == len(transcript.turns) > 0


def test_front_matter_with_crlf_is_still_read() -> None:
    text = "---\r\ntitle: Remarks at a Made-Up Meeting\r\ndate: 2024-03-05\r\n---\r\nMR. PRICE:  Hello.\r\n"
    transcript = ia.parse(text, detect_language=False)
    assert [h.text for h in transcript.header][:2] == ["Remarks at a Made-Up Meeting", "2024-03-05"]
    assert [t.label_text for t in transcript.turns] == ["MR. PRICE"]

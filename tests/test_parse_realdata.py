"""Invariants that must hold on every real record in ../shared/realdata (skipped where it is absent).

The records are read at test time and never copied into the project (the gob.mx sets are
CC BY-SA).  What is checked here is written independently of the parser:

* lossless tiling: the blocks reproduce the text, every turn and sentence slices it;
* no sentence boundary comes from a soft wrap: where a sentence ends at one, its own
  punctuation ends it;
* every ``Q`` line of a White House record opens a turn;
* no unattributed block opens with a label-like line unless a warning names it;
* every gob.mx ``---`` block whose first line is a speaker label opens a turn.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

import pytest

import interp_align as ia
from interp_align.models import BlockKind

REALDATA = Path(__file__).resolve().parents[2] / "shared" / "realdata"
pytestmark = [
    pytest.mark.realdata,
    pytest.mark.skipif(not REALDATA.is_dir(), reason="needs ../shared/realdata"),
]

_INVISIBLE = "\u200b\u200c\u200d\u200e\u200f\u2060\ufeff"
_Q_LINE = re.compile(r"^[ \t\u00a0]*Q(?:[ \t\u00a0]|:|[\u2013\u2014-]|$)", re.MULTILINE)
#: A line break inside a paragraph of a Markdown export: the line ends with no Markdown hard
#: break (two spaces) and the next line is not blank.
_SOFT_WRAP = re.compile(r"(?<=[^\s])(?<!  )\n(?=[ \t\u00a0]*[^\s])")
_SENTENCE_END = re.compile(r"[.!?\u2026][\"'\u201d\u2019)\]*_]*$")


def _files(folder: str, suffix: str) -> list[Path]:
    path = REALDATA / folder
    return sorted(path.glob(f"*{suffix}")) if path.is_dir() else []


WHITE_HOUSE = _files("en-whitehouse", ".md")
GOBMX = _files("es-gobmx-sample", ".txt") + _files("es-gobmx", ".txt")


@cache
def _parsed(path: Path, sentences: bool = True) -> ia.Transcript:
    return ia.read(path, detect_language=False, sentences=sentences)


def _label_like(line: str) -> bool:
    clean = line.strip(" \t\u00a0" + _INVISIBLE)
    if not clean or clean.startswith(("(", "[")):
        return False
    letters = [c for c in re.sub(r"\([^()]*\)?", " ", clean) if c.isalpha()]
    return len(letters) >= 4 and not any(c.islower() for c in letters)


def _check_lossless(transcript: ia.Transcript) -> None:
    text = transcript.text
    assert "".join(b.text for b in transcript.blocks) == text
    position = 0
    for block in transcript.blocks:
        assert block.start == position and text[block.start : block.end] == block.text
        position = block.end
    for turn in transcript.turns:
        assert text[turn.start : turn.end] == turn.text
        assert text[turn.body_start : turn.body_end] == turn.body
        for sentence in turn.sentences:
            assert text[sentence.start : sentence.end] == sentence.text


def _check_no_silent_label(transcript: ia.Transcript) -> None:
    warned = [d.start for d in transcript.diagnostics if d.severity.rank >= 1 and d.start is not None]
    for block in transcript.blocks:
        if block.kind is not BlockKind.UNATTRIBUTED or (block.reason or "").startswith("non-speech"):
            continue
        first = next((line for line in block.text.split("\n") if line.strip()), "")
        if _label_like(first):
            assert any(block.start <= w < block.end for w in warned), (transcript.path, first)


@pytest.mark.parametrize("path", WHITE_HOUSE, ids=lambda p: p.name[:60])
def test_white_house_record(path: Path) -> None:
    transcript = _parsed(path)
    _check_lossless(transcript)
    _check_no_silent_label(transcript)
    text = transcript.text
    line_starts = {text.rfind("\n", 0, t.start) + 1 for t in transcript.turns}
    wraps = {m.start() for m in _SOFT_WRAP.finditer(text)} if text.startswith("---") else set()
    for match in _Q_LINE.finditer(text):
        if match.start() - 1 in wraps:
            continue  # a wrapped line of prose that happens to start with "Q"
        assert match.start() in line_starts, text[match.start() : match.start() + 60]
    for turn in transcript.turns:
        for sentence, following in zip(turn.sentences, turn.sentences[1:], strict=False):
            gap = text[sentence.end : following.start]
            if "\n" in gap and text.find("\n", sentence.end) in wraps and "\n\n" not in gap.replace(" ", ""):
                # a boundary at a soft wrap must be one the punctuation makes anyway
                assert _SENTENCE_END.search(sentence.text), (sentence.text[-60:], following.text[:30])


@pytest.mark.parametrize("path", GOBMX, ids=lambda p: p.name[:60])
def test_gobmx_record(path: Path) -> None:
    transcript = _parsed(path, sentences=False)
    _check_lossless(transcript)
    _check_no_silent_label(transcript)
    text = transcript.text
    turn_starts = {t.start for t in transcript.turns}
    for match in re.finditer(r"^[ \t]*-{3,}[ \t\r]*\n+([^\n]*)", text, re.MULTILINE):
        first = match.group(1)
        core = first.strip(" \t\r" + _INVISIBLE)
        if _label_like(first) and not re.fullmatch(r"[A-Z]+ \d{1,2}, \d{4}", core):
            start = match.start(1) + (len(first) - len(first.lstrip(" \t" + _INVISIBLE)))
            assert start in turn_starts, first

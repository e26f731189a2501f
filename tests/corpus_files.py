"""Readers shared by the corpus data tests: gold sentence files, beads, in-order positions."""

from __future__ import annotations

import ast
from pathlib import Path

#: A bead read straight from a gold file, as two index lists (no library code involved).
RawBead = tuple[list[int], list[int]]


def read(path: Path) -> str:
    return path.read_text(encoding="utf-8")


def lines(path: Path) -> list[str]:
    return read(path).rstrip("\n").split("\n")


def beads(path: Path) -> list[RawBead]:
    """Vecalign beads of a gold file, parsed as Python list literals."""
    out: list[RawBead] = []
    for line in lines(path):
        left, right = line.split(":")
        out.append((list(ast.literal_eval(left)), list(ast.literal_eval(right))))
    return out


def positions(sentences: list[str], text: str) -> list[int]:
    """Offsets of each sentence, searched in order, so order in the file is checked too."""
    found: list[int] = []
    pos = 0
    for sentence in sentences:
        at = text.find(sentence, pos)
        assert at >= 0, f"not found in order: {sentence!r}"
        found.append(at)
        pos = at + len(sentence)
    return found

"""The bead costs of one search corridor, shared by the best-path search and forward–backward.

Row ``i`` of the corridor holds target positions ``lo[i]..hi[i]``; cell
``(i, j)`` is at flat index ``offs[i] + j − lo[i]``.  ``costs[k]`` holds, for
every cell, the cost of the bead of shape ``shapes[k]`` that *ends* there
(shapes with both sides; prior included); beads with an empty side cost their
flat prior, except that dropping the last source sentence costs ``trailing``,
and an omission of source ``i`` costs ``omit_extra[i]`` more, never below 0
(the evidence that the sentence has a counterpart nearby; ``None``: flat).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np

__all__ = ["Lattice"]


@dataclass(frozen=True)
class Lattice:
    """Bead costs over a corridor (see the module docstring)."""

    shapes: Sequence[tuple[int, int]]
    lo: Sequence[int]
    hi: Sequence[int]
    offs: Sequence[int]
    costs: Mapping[int, np.ndarray]
    pens: Sequence[float]
    trailing: float
    omit_extra: np.ndarray | None = None

    @property
    def n(self) -> int:
        return len(self.lo) - 1

    def null_cost(self, k: int, i: int) -> float:
        """Cost of the empty-sided shape ``k`` ending in row ``i``."""
        if self.shapes[k][1] != 0:
            return self.pens[k]
        base = self.trailing if i == self.n else self.pens[k]
        return base if self.omit_extra is None else max(0.0, base + float(self.omit_extra[i - 1]))

    def span(self, i: int, a: int, b: int) -> tuple[int, int] | None:
        """Target columns of row ``i`` where an a-b bead (a ≥ 1) from row ``i − a`` can end."""
        lo, hi = self.lo, self.hi
        j0 = max(lo[i], lo[i - a] + b, b)
        j1 = min(hi[i], hi[i - a] + b)
        return (j0, j1) if j0 <= j1 else None

    def row(self, values: np.ndarray, i: int, j0: int, j1: int) -> np.ndarray:
        """The slice of a per-cell array for row ``i``, columns ``j0..j1``."""
        at = self.offs[i] - self.lo[i]
        return values[at + j0 : at + j1 + 1]

    def bead_scores(self, k: int, i: int, j0: int, j1: int) -> np.ndarray:
        """Minus the cost of shape ``k`` ending at row ``i``, columns ``j0..j1`` (shapes with a ≥ 1)."""
        if self.shapes[k][1] == 0:
            return np.full(j1 - j0 + 1, -self.null_cost(k, i))
        return -self.row(self.costs[k], i, j0, j1).astype(np.float64)

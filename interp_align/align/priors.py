"""Prior costs of bead shapes: how often interpreters merge, split, drop and add sentences.

A bead's score is a log-likelihood ratio of its evidence plus the log prior
odds of its shape against a 1-1 bead.  The priors are costs (negative log
odds): ``merge`` per sentence a bead has beyond one per side, a flat cost for
an omission ``[i]:[]`` and for an addition ``[]:[j]``, and a separate cost for
dropping the *last* source sentence — interpreters lag the speaker, and the
closing formula (``Thank you.``) is the sentence they most often leave out.

:func:`reestimate` is the M-step of an EM over shapes: given expected bead
counts from forward–backward (:mod:`.posterior`), it turns them into costs,
smoothed towards the current ones by a number of pseudo-beads.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, replace

import numpy as np

__all__ = ["ShapePriors", "fixed_priors", "reestimate"]


@dataclass(frozen=True)
class ShapePriors:
    """Cost of each shape in ``shapes`` (1-1 costs 0), and of omitting the last source sentence."""

    shapes: tuple[tuple[int, int], ...]
    costs: tuple[float, ...]
    trailing: float

    def omission(self) -> float:
        """The cost of an omission anywhere but at the end (infinite if the shape is not allowed)."""
        return self.costs[self.shapes.index((1, 0))] if (1, 0) in self.shapes else math.inf

    def inner(self) -> ShapePriors:
        """The same priors for a part of a document that does not end it (no trailing omission)."""
        return replace(self, trailing=self.omission())


def fixed_priors(
    shapes: Sequence[tuple[int, int]], omission: float, addition: float, merge: float, trailing: float | None
) -> ShapePriors:
    """Costs from the three shape parameters; ``trailing=None`` treats the last sentence like any other."""
    costs = []
    for a, b in shapes:
        if a == 0:
            costs.append(addition)
        elif b == 0:
            costs.append(omission)
        else:
            costs.append(merge * (a + b - 2))
    return ShapePriors(tuple(shapes), tuple(costs), omission if trailing is None else trailing)


def reestimate(priors: ShapePriors, counts: np.ndarray, pseudo: float) -> ShapePriors:
    """EM M-step: costs ``−log(p_k / p_1-1)`` from expected counts plus ``pseudo`` beads spread as the old priors."""
    old = np.exp(-np.asarray(priors.costs))
    mass = counts + pseudo * old / old.sum()
    ref = mass[priors.shapes.index((1, 1))]
    costs = tuple(float(-math.log(max(c, 1e-12) / ref)) for c in mass)
    return replace(priors, costs=costs)

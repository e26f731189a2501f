"""Expected bead counts under the bead scores: forward–backward over the search corridor.

The DP finds the single best path; the same bead scores, read as
log-likelihood ratios, define a distribution over all monotonic paths.  The
expected number of beads of each shape under it is what an EM step needs to
re-estimate the shape priors from the documents themselves (soft counts, so
a merge the best path does not take still counts for what it is worth).
"""

from __future__ import annotations

import numpy as np

from .lattice import Lattice

__all__ = ["expected_shapes"]

_NEG = -np.inf


def _logcumsumexp(x: np.ndarray) -> np.ndarray:
    return np.logaddexp.accumulate(x) if len(x) else x


def _forward(lat: Lattice, add_k: int) -> np.ndarray:
    """Log-sum of the scores of all partial paths from (0, 0) to each cell."""
    F = np.full(lat.offs[-1], _NEG)
    for i in range(lat.n + 1):
        here, width = lat.offs[i], lat.hi[i] - lat.lo[i] + 1
        row = F[here : here + width]
        if i == 0:
            row[0] = 0.0
        for k, (a, b) in enumerate(lat.shapes):
            if a == 0 or i < a or (got := lat.span(i, a, b)) is None:
                continue
            j0, j1 = got
            prev = lat.row(F, i - a, j0 - b, j1 - b)
            seg = slice(j0 - lat.lo[i], j1 - lat.lo[i] + 1)
            row[seg] = np.logaddexp(row[seg], prev + lat.bead_scores(k, i, j0, j1))
        if add_k >= 0:  # 0-1 beads within the row: a running log-sum with a linear ramp
            ramp = np.arange(width) * lat.pens[add_k]
            row[:] = _logcumsumexp(row + ramp) - ramp
    return F


def _backward(lat: Lattice, add_k: int) -> np.ndarray:
    """Log-sum of the scores of all partial paths from each cell to (n, m)."""
    G = np.full(lat.offs[-1], _NEG)
    G[-1] = 0.0
    for i in range(lat.n, -1, -1):
        here, width = lat.offs[i], lat.hi[i] - lat.lo[i] + 1
        row = G[here : here + width]
        for k, (a, b) in enumerate(lat.shapes):
            if a == 0 or i + a > lat.n or (got := lat.span(i + a, a, b)) is None:
                continue
            j0, j1 = got
            nxt = lat.row(G, i + a, j0, j1)
            seg = slice(j0 - b - lat.lo[i], j1 - b - lat.lo[i] + 1)
            row[seg] = np.logaddexp(row[seg], nxt + lat.bead_scores(k, i + a, j0, j1))
        if add_k >= 0:
            ramp = np.arange(width) * lat.pens[add_k]
            row[:] = _logcumsumexp((row - ramp)[::-1])[::-1] + ramp
    return G


def expected_shapes(lat: Lattice) -> np.ndarray:
    """Expected number of beads of each shape over all paths, each path weighted by ``exp(−cost)``.

    A dropped last source sentence is its own event (the trailing prior) and
    is not counted with the other omissions.
    """
    add = [k for k, (a, _) in enumerate(lat.shapes) if a == 0]
    add_k = add[0] if add else -1
    F, G = _forward(lat, add_k), _backward(lat, add_k)
    z = F[-1]
    counts = np.zeros(len(lat.shapes))
    if not np.isfinite(z):
        return counts
    for i in range(lat.n + 1):
        here, width = lat.offs[i], lat.hi[i] - lat.lo[i] + 1
        for k, (a, b) in enumerate(lat.shapes):
            if a == 0:
                if width < 2:
                    continue
                post = F[here : here + width - 1] - lat.pens[k] + G[here + 1 : here + width] - z
            elif b == 0 and i == lat.n:
                continue
            else:
                if i < a or (got := lat.span(i, a, b)) is None:
                    continue
                j0, j1 = got
                post = lat.row(F, i - a, j0 - b, j1 - b) + lat.bead_scores(k, i, j0, j1) + lat.row(G, i, j0, j1) - z
            counts[k] += float(np.exp(np.minimum(post, 0.0)).sum())
    return counts

"""The score of a bead: log-odds that its sentences translate each other, from words and length.

One score per bead, as in Bertalign: the bead's sentences are taken together,
and the DP maximises the sum of bead scores.  The score is a sum of
log-likelihood ratios, *aligned* against *neighbouring but not aligned*:

* lexical: ``β·(sim − τ)``, where ``sim`` is the rarity-weighted share of the
  bead's words that find a match on the other side (:mod:`.coverage`);
* length: Laplace models of ``x = log((target chars + c) / (ratio·source chars + c))``
  for aligned beads (spread ``b1``) and for neighbours (``b0``):
  ``log(b0/b1) − |x|·(1/b1 − 1/b0)``, floored so one odd length cannot veto a bead;
* a prior per shape: ``−merge`` per sentence beyond one on each side, and a flat
  ``−omission``/``−addition`` for a bead with an empty side.

``β, τ, b1, b0`` are not constants: :func:`fit_evidence` estimates them from a
first alignment of the same documents (its 1-1 beads against their shifted
neighbours).  Where words say little about which sentences belong together
(a language pair without cognates, a short document), the aligned and
neighbouring similarities overlap, ``β`` falls towards 0 and length decides;
where they separate well, words dominate.  That is the reliability weighting,
derived from the document's own distributions rather than tuned; the same
fitted midpoint ``τ`` sets where a bead scores below the flat null bead.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, replace

import numpy as np

__all__ = ["DEFAULT_EVIDENCE", "Evidence", "fit_evidence", "length_llr", "lexical_llr"]

#: Smoothing of the length ratio (characters), so very short sentences do not dominate.
LENGTH_SMOOTHING = 10.0
#: Floor of the length log-likelihood ratio.
LENGTH_FLOOR = -8.0
#: Pseudo-count (beads) that pulls a fitted model towards the defaults on small inputs.
PRIOR_BEADS = 20.0


@dataclass(frozen=True)
class Evidence:
    """Weights of the lexical and length evidence (see the module docstring)."""

    beta: float = 20.0
    tau: float = 0.1
    spread_aligned: float = 0.18
    spread_random: float = 0.6

    def signature(self) -> str:
        return (
            f"beta:{self.beta:.2f}|tau:{self.tau:.3f}|b1:{self.spread_aligned:.3f}|b0:{self.spread_random:.3f}"
        )


DEFAULT_EVIDENCE = Evidence()


def lexical_llr(sim: np.ndarray, ev: Evidence) -> np.ndarray:
    return ev.beta * (sim - ev.tau)


def length_x(src_chars: np.ndarray, tgt_chars: np.ndarray, ratio: float) -> np.ndarray:
    return np.log((tgt_chars + LENGTH_SMOOTHING) / (ratio * src_chars + LENGTH_SMOOTHING))


def length_llr(x: np.ndarray, ev: Evidence) -> np.ndarray:
    b1, b0 = ev.spread_aligned, ev.spread_random
    return np.maximum(LENGTH_FLOOR, math.log(b0 / b1) - np.abs(x) * (1.0 / b1 - 1.0 / b0))


def fit_evidence(
    aligned_sim: Sequence[float],
    random_sim: Sequence[float],
    aligned_x: Sequence[float],
    random_x: Sequence[float],
    prior: Evidence = DEFAULT_EVIDENCE,
) -> Evidence:
    """Estimate the evidence weights from aligned 1-1 beads and their shifted neighbours.

    ``β = (μ₁ − μ₀)/σ²`` and ``τ = (μ₁ + μ₀)/2`` are the log-likelihood ratio of
    two normals with a pooled variance; ``b1``/``b0`` are mean absolute
    length log-ratios.  With few beads the estimate is shrunk towards
    ``prior`` (``PRIOR_BEADS`` pseudo-beads).
    """
    n1, n0 = len(aligned_sim), len(random_sim)
    if n1 < 3 or n0 < 3:
        return prior
    a, r = np.asarray(aligned_sim, float), np.asarray(random_sim, float)
    mu1, mu0 = float(a.mean()), float(r.mean())
    var = max(1e-4, float((a.var() * n1 + r.var() * n0) / (n1 + n0)))
    beta = min(100.0, max(0.0, (mu1 - mu0) / var))
    tau = 0.5 * (mu1 + mu0)
    b0 = max(0.05, float(np.mean(np.abs(random_x))))
    b1 = min(0.9 * b0, max(0.03, float(np.mean(np.abs(aligned_x)))))
    share = n1 / (n1 + PRIOR_BEADS)

    def mix(new: float, old: float) -> float:
        return share * new + (1.0 - share) * old

    return replace(
        prior,
        beta=mix(beta, prior.beta),
        tau=mix(tau, prior.tau),
        spread_aligned=mix(b1, prior.spread_aligned),
        spread_random=max(mix(b0, prior.spread_random), 1.1 * mix(b1, prior.spread_aligned)),
    )

"""Shape priors, their EM re-estimation, and the forward–backward counts it relies on."""

from __future__ import annotations

import math
import random

import numpy as np
import pytest

from interp_align.align import AlignParams, align_sentences
from interp_align.align.beads import bead_shapes, check_cover
from interp_align.align.lattice import Lattice
from interp_align.align.posterior import expected_shapes
from interp_align.align.priors import fixed_priors, reestimate


def _lattice(n: int, m: int, seed: int, trailing: float, omit_extra: bool = False) -> Lattice:
    rng = random.Random(seed)
    shapes = bead_shapes(2, 5)
    width = m + 1
    costs = {k: np.asarray([rng.uniform(0, 3) for _ in range((n + 1) * width)], dtype=np.float32)
             for k, (a, b) in enumerate(shapes) if a and b}
    pens = [rng.uniform(0.5, 3) for _ in shapes]
    extra = np.asarray([rng.uniform(-1, 2) for _ in range(n)]) if omit_extra else None
    return Lattice(shapes, [0] * (n + 1), [m] * (n + 1), [i * width for i in range(n + 2)], costs, pens, trailing, extra)


def _brute_force(lat: Lattice, n: int, m: int) -> np.ndarray:
    """Expected shape counts by enumerating every monotonic path (tiny grids only)."""
    totals = np.zeros(len(lat.shapes))
    z = 0.0

    def walk(i: int, j: int, cost: float, used: list[int]) -> None:
        nonlocal z
        if (i, j) == (n, m):
            w = math.exp(-cost)
            z += w
            for k in used:
                totals[k] += w
            return
        for k, (a, b) in enumerate(lat.shapes):
            ni, nj = i + a, j + b
            if ni > n or nj > m:
                continue
            if a and b:
                step = float(lat.costs[k][lat.offs[ni] + nj])
            else:
                step = lat.null_cost(k, ni)
            counted = [*used, k] if not (b == 0 and ni == n) else used  # a trailing omission is its own event
            walk(ni, nj, cost + step, counted)

    walk(0, 0, 0.0, [])
    return totals / z


@pytest.mark.parametrize(("n", "m", "seed"), [(1, 1, 0), (2, 2, 1), (3, 2, 2), (2, 3, 3)])
def test_forward_backward_counts_equal_brute_force_enumeration(n: int, m: int, seed: int) -> None:
    lat = _lattice(n, m, seed, trailing=0.7)
    assert np.allclose(expected_shapes(lat), _brute_force(lat, n, m), rtol=1e-6, atol=1e-9)


@pytest.mark.parametrize(("n", "m", "seed"), [(2, 2, 4), (3, 2, 5)])
def test_forward_backward_counts_with_per_sentence_omission_costs(n: int, m: int, seed: int) -> None:
    lat = _lattice(n, m, seed, trailing=0.7, omit_extra=True)
    assert np.allclose(expected_shapes(lat), _brute_force(lat, n, m), rtol=1e-6, atol=1e-9)


def test_omission_evidence_adds_to_omissions_only_and_never_below_zero() -> None:
    shapes = [(0, 1), (1, 0), (1, 1)]
    lat = Lattice(shapes, [0, 0, 0], [1, 1, 1], [0, 2, 4, 6], {2: np.zeros(6, dtype=np.float32)},
                  [4.5, 2.5, 0.0], 1.0, np.asarray([1.5, -3.0]))
    assert lat.null_cost(1, 1) == pytest.approx(4.0)  # omitting source 0: prior 2.5 + its evidence 1.5
    assert lat.null_cost(1, 2) == 0.0  # the last source sentence: trailing 1.0 − 3.0, floored
    assert lat.null_cost(0, 1) == 4.5  # additions keep their flat prior


def test_fixed_priors_charge_merges_per_extra_sentence_and_nulls_flat() -> None:
    shapes = bead_shapes(3, 5)
    pri = fixed_priors(shapes, omission=2.5, addition=4.0, merge=2.0, trailing=None)
    cost = dict(zip(shapes, pri.costs, strict=True))
    assert cost[(1, 1)] == 0.0 and cost[(2, 1)] == 2.0 and cost[(3, 2)] == 6.0
    assert cost[(1, 0)] == 2.5 and cost[(0, 1)] == 4.0
    assert pri.trailing == 2.5
    assert fixed_priors(shapes, 2.5, 4.0, 2.0, trailing=1.0).inner().trailing == 2.5


def test_reestimate_turns_counts_into_log_odds_against_one_one() -> None:
    shapes = [(0, 1), (1, 0), (1, 1), (2, 1)]
    pri = fixed_priors(shapes, 2.0, 2.0, 2.0, None)
    new = reestimate(pri, np.array([5.0, 10.0, 80.0, 20.0]), pseudo=0.0)
    assert new.costs[2] == 0.0
    assert new.costs[1] == pytest.approx(math.log(8.0))
    assert new.costs[3] == pytest.approx(math.log(4.0))
    # pseudo-beads pull an unseen shape back towards its old cost instead of to infinity
    smoothed = reestimate(pri, np.array([0.0, 10.0, 80.0, 20.0]), pseudo=10.0)
    assert math.isfinite(smoothed.costs[0])


SPEECH = [
    "The Commission presented the report on forest governance in Africa.",
    "Illegal timber imports fell by a fifth between 2008 and 2012.",
    "We will support the partner countries with 35 million euro.",
    "Thank you.",
]
INTERPRETATION = [
    "La Commission a présenté le rapport sur la gouvernance des forêts en Afrique.",
    "Les importations illégales de bois ont baissé d'un cinquième entre 2008 et 2012.",
    "Nous soutiendrons les pays partenaires avec 35 millions d'euros.",
]


def test_trailing_omission_cost_decides_whether_the_closing_formula_is_dropped() -> None:
    dropped = align_sentences(SPEECH, INTERPRETATION, src_lang="en", tgt_lang="fr",
                              params=AlignParams(omission=6.0, merge=1.0, trailing_omission=0.2))
    kept = align_sentences(SPEECH, INTERPRETATION, src_lang="en", tgt_lang="fr",
                           params=AlignParams(omission=6.0, merge=1.0, trailing_omission=None))
    assert dropped[-1].format() == "[3]:[]"
    assert kept[-1].format() == "[2, 3]:[2]"


def test_omission_evidence_still_gives_a_monotonic_cover() -> None:
    beads = align_sentences(SPEECH * 3, INTERPRETATION * 3, src_lang="en", tgt_lang="fr",
                            params=AlignParams(omission=4.5, omission_evidence=0.5))
    check_cover(beads, len(SPEECH) * 3, len(INTERPRETATION) * 3)
    assert sum(1 for b in beads if len(b.src) == len(b.tgt) == 1) >= 6


def test_shape_em_still_gives_a_monotonic_cover() -> None:
    beads = align_sentences(SPEECH * 3, INTERPRETATION * 3, src_lang="en", tgt_lang="fr",
                            params=AlignParams(shape_em=2))
    check_cover(beads, len(SPEECH) * 3, len(INTERPRETATION) * 3)
    assert sum(1 for b in beads if len(b.src) == len(b.tgt) == 1) >= 6

"""Sentence alignment for interpreted speech: a banded, monotonic dynamic programme over beads.

Each candidate bead (up to six sentences in all) gets one score, the
log-odds that its sentences translate each other (:mod:`.objective`): how
much of its words find a match on the other side — identical words and
figures, cognates, the EN–ES lexicon, word translations learned by IBM
model 1 from the documents themselves (:mod:`.ibm1`) and, where one is
installed, a bilingual dictionary (:mod:`.dictionaries`) — and how well its
lengths fit, weighted by how well each kind of evidence separates aligned
from neighbouring sentences *in these documents*.  Omissions and additions
score a flat prior.

Documents are aligned together (:func:`align_corpus`): rarity weights and
translation tables are learned over all of them, so a corpus of short
speeches of one language pair learns more than any one of them.  The first
pass learns translations from the sentences near each other's diagonal
position; its alignment then refits the evidence weights and retrains the
translation tables, and a second pass searches around the first path.

The programme only visits a corridor of cells: a band around the diagonal,
widened locally when the best path touches its edge; long inputs are first
aligned at a coarse level (blocks of sentences) and the fine pass follows the
projected coarse path.  Work and memory grow linearly with length.
"""

from __future__ import annotations

import bisect
import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace

import numpy as np

from ..errors import AlignmentError
from ..models import Bead
from .beads import bead_shapes, path_to_beads
from .coverage import Entries, PairCoverage, pair_coverage
from .dictionaries import dictionary_links
from .features import KeyVocabulary, Side, set_weights, side_tokens
from .ibm1 import LinkTable, train_links
from .lattice import Lattice
from .lexicon import pair_translators
from .objective import DEFAULT_EVIDENCE, Evidence, fit_evidence, length_llr, length_x, lexical_llr
from .posterior import expected_shapes
from .priors import ShapePriors, fixed_priors, reestimate
from .scorers import SentenceScorer

__all__ = ["AlignParams", "align_corpus", "align_sentences"]

Progress = Callable[[int, int], None]
_INF = float("inf")
_MAX_WIDENINGS = 8
#: Corridor cells per batch of bead costs (its look-ups, shared by all shapes, are kept for the batch).
_CHUNK = 1 << 17
#: Occurrences lighter than this (near-stop words) carry no anchor keys: they add cost, not evidence.
_MIN_KEY_WEIGHT = 0.05
#: Target sentences around a source sentence's diagonal position that train the first translation table.
_TRAIN_WINDOW = 2


@dataclass(frozen=True)
class AlignParams:
    """The few numbers that shape the score of a bead (chosen by cross-validation on EPTIC dev, see docs).

    ``omission``/``addition`` are the flat costs (negative log prior odds) of
    ``[i]:[]`` and ``[]:[j]`` beads; ``trailing_omission`` that of dropping
    the last source sentence (``None``: as any other); ``merge`` the cost of
    each sentence a bead has beyond one per side.  ``shape_em`` rounds of EM
    re-estimate all shape costs from the corpus itself (soft counts,
    ``em_pseudo`` pseudo-beads of the fixed costs); off by default, see the
    ablations.  ``evidence`` holds the starting weights of the lexical and
    length evidence, refitted on the documents after the first pass.  The
    first pass learns a translation table from the sentences near each other's
    diagonal position, keeping only links whose words co-occur in windows of
    total weight ≥ ``diagonal_support`` (``None``: no table in the first
    pass); a pair met once or twice by chance is no evidence, and in one short
    document such links outnumber the real ones.  ``dictionary`` is the
    strength of a word translation read from an installed bilingual
    dictionary (:mod:`.dictionaries`; ``None``: none is read); without one
    installed nothing changes.  ``dictionary_passes`` 1 uses the dictionary
    in the first pass only — it guides the alignment that trains the
    translation tables and fits the evidence weights, and the second pass
    scores with what was learned, as without a dictionary; 2 keeps its links
    in the second pass too (see the ablations).  ``omission_evidence``
    (``None``: off) makes the second pass's cost of omitting a sentence
    depend on how much of it the targets around its first-pass place match:
    that weight times the lexical log-odds of its matched share is added to
    ``omission`` (see the ablations: it helps EPTIC and costs the project gold).  The rest shapes the search
    corridor.
    """

    omission: float = 2.5
    addition: float = 4.5
    merge: float = 2.2
    trailing_omission: float | None = None
    shape_em: int = 0
    em_pseudo: float = 50.0
    max_total: int = 6
    evidence: Evidence = DEFAULT_EVIDENCE
    fit: bool = True
    diagonal_support: float | None = 3.0
    dictionary: float | None = 0.9
    dictionary_passes: int = 1
    omission_evidence: float | None = None
    band: int = 32
    fine_band: int = 32
    coarse_above: int = 3000
    full_below: int = 250_000
    coarse_factor: int = 4


@dataclass
class _Units:
    """One alignment problem: units (sentences or blocks) of both sides and their key entries."""

    chars_s: np.ndarray
    chars_t: np.ndarray
    mass_s: np.ndarray
    mass_t: np.ndarray
    src: Entries
    tgt: Entries
    ratio: float
    #: Keys from this id on are learned translation links (not surface anchors).
    links_from: int
    #: Extra cost of omitting each source unit (evidence it has a counterpart nearby); None: flat.
    omit: np.ndarray | None = None

    @property
    def n(self) -> int:
        return len(self.chars_s)

    @property
    def m(self) -> int:
        return len(self.chars_t)

    def window(self, i0: int, i1: int, j0: int, j1: int) -> _Units:
        """The sub-problem of source units ``i0:i1`` and target units ``j0:j1`` (same ratio)."""
        ks = (self.src.unit >= i0) & (self.src.unit < i1)
        kt = (self.tgt.unit >= j0) & (self.tgt.unit < j1)
        src, tgt = self.src.take(ks), self.tgt.take(kt)
        return _Units(
            self.chars_s[i0:i1],
            self.chars_t[j0:j1],
            self.mass_s[i0:i1],
            self.mass_t[j0:j1],
            Entries(src.unit - i0, src.occ, src.key, src.strength, src.weight),
            Entries(tgt.unit - j0, tgt.occ, tgt.key, tgt.strength, tgt.weight),
            self.ratio,
            self.links_from,
            None if self.omit is None else self.omit[i0:i1],
        )

    def coarsen(self, factor: int) -> _Units:
        """Blocks of ``factor`` consecutive sentences as units (for the coarse pass), surface anchors only.

        A block meets the translations of its frequent words in every nearby
        block, so translation links would multiply the pairs to join (memory
        grew fourfold at 100k sentences) for little gain at this resolution.
        """

        def blocks(values: np.ndarray) -> np.ndarray:
            return np.add.reduceat(values, np.arange(0, len(values), factor)) if len(values) else values

        src, tgt = self.src.take(self.src.key < self.links_from), self.tgt.take(self.tgt.key < self.links_from)
        return _Units(
            blocks(self.chars_s),
            blocks(self.chars_t),
            blocks(self.mass_s),
            blocks(self.mass_t),
            Entries(src.unit // factor, src.occ, src.key, src.strength, src.weight),
            Entries(tgt.unit // factor, tgt.occ, tgt.key, tgt.strength, tgt.weight),
            self.ratio,
            self.links_from,
        )


Corridor = tuple[list[int], list[int]]


def shape_priors(shapes: Sequence[tuple[int, int]], prm: AlignParams) -> ShapePriors:
    """The fixed shape costs of ``prm`` for ``shapes``."""
    return fixed_priors(shapes, prm.omission, prm.addition, prm.merge, prm.trailing_omission)


def _connect(lo: list[int], hi: list[int], m: int, widths: Sequence[int]) -> Corridor:
    """Widen raw row ranges by each row's width, make them monotone and chained so (0,0)→(n,m) exists."""
    n = len(lo) - 1
    lo = [max(0, x - w) for x, w in zip(lo, widths, strict=True)]
    hi = [min(m, x + w) for x, w in zip(hi, widths, strict=True)]
    for i in range(n - 1, -1, -1):
        lo[i] = min(lo[i], lo[i + 1])
    for i in range(1, n + 1):
        hi[i] = max(hi[i], hi[i - 1])
    lo[0] = 0
    hi[n] = m
    for i in range(n):
        hi[i] = max(hi[i], lo[i + 1])
    return lo, hi


def _diagonal(n: int, m: int) -> tuple[list[int], list[int]]:
    """Raw row ranges of the straight line from (0, 0) to (n, m)."""
    ratio = m / n
    return [math.floor(i * ratio) for i in range(n + 1)], [
        math.ceil(i * ratio) for i in range(n + 1)
    ]


def _project(
    steps: Sequence[tuple[int, int]], factor: int, n: int, m: int
) -> tuple[list[int], list[int]]:
    """Raw fine row ranges covered by each coarse bead's rectangle."""
    lo = [m] * (n + 1)
    hi = [0] * (n + 1)
    a0 = c0 = 0
    for a, b in steps:
        r0, r1 = a0 * factor, min((a0 + a) * factor, n)
        j0, j1 = c0 * factor, min((c0 + b) * factor, m)
        for i in range(r0, r1 + 1):
            lo[i] = min(lo[i], j0)
            hi[i] = max(hi[i], j1)
        a0 += a
        c0 += b
    return lo, hi


def _is_full(corridor: Corridor, m: int) -> bool:
    lo, hi = corridor
    return all(x == 0 for x in lo) and all(x == m for x in hi)



SimFn = Callable[[int, int, int, int], float]


@dataclass
class _Result:
    steps: list[tuple[int, int]]
    confidences: list[float]
    touched: list[int]


def _coverage(units: _Units, corridor: Corridor, max_a: int, max_b: int) -> PairCoverage:
    """Pair coverage for every (source, target) pair some bead in ``corridor`` can contain."""
    lo, hi = corridor
    n, m = units.n, units.m
    lo_next = np.asarray(lo[1:], dtype=np.int64)
    hi_arr = np.asarray(hi, dtype=np.int64)
    base = np.maximum(0, lo_next - max_b)
    end = np.minimum(m, hi_arr[np.minimum(n, np.arange(n) + max_a)])
    return pair_coverage(units.src, units.tgt, base, np.maximum(end, base), m)


class _BeadCover:
    """Matched and total weight of the beads ending at some cells, for every shape, sharing the look-ups.

    The a-b bead ending at ``(i, j)`` holds sources ``i − d`` (1 ≤ d ≤ a) and
    targets ``j − e`` (1 ≤ e ≤ b).  Its matched weight is, per source, the
    coverage of that source by the bead's targets, and per target the
    coverage by its sources, each capped at the sentence's own weight.  The
    per-offset look-ups and their running sums over ``d`` and ``e`` are the
    same for every shape, so each is done once per batch of cells.  Cells
    whose bead would start before the grid read clipped positions; the caller
    masks them.
    """

    def __init__(self, units: _Units, cov: PairCoverage, rows: np.ndarray, cols: np.ndarray) -> None:
        self.units, self.cov, self.rows, self.cols = units, cov, rows, cols
        self._memo: dict[tuple[str, int, int], np.ndarray] = {}

    def _get(self, key: tuple[str, int, int]) -> np.ndarray:
        got = self._memo.get(key)
        if got is None:
            got = self._memo[key] = self._compute(*key)
        return got

    def _compute(self, what: str, a: int, b: int) -> np.ndarray:
        rows, cols, units = self.rows, self.cols, self.units
        if what == "s":  # source i − a among the targets j − b .. j − 1
            return self.cov.src_run(np.maximum(rows - a, 0), cols - b, cols)
        if what == "t":  # target j − b covered by source i − a
            return self.cov.tgt_at(np.maximum(rows - a, 0), np.maximum(cols - b, 0))
        if what == "into":  # target j − b covered by sources i − a .. i − 1
            one = self._get(("t", a, b))
            return one if a == 1 else self._get(("into", a - 1, b)) + one
        if what == "cs":  # matched weight of the sources of an a-b bead
            s = np.maximum(rows - a, 0)
            one = np.minimum(units.mass_s[s], self._get(("s", a, b)))
            return one if a == 1 else self._get(("cs", a - 1, b)) + one
        if what == "ct":  # matched weight of the targets of an a-b bead
            t = np.maximum(cols - b, 0)
            one = np.minimum(units.mass_t[t], self._get(("into", a, b)))
            return one if b == 1 else self._get(("ct", a, b - 1)) + one
        if what == "ms":  # weight of sources i − a .. i − 1
            one = units.mass_s[np.maximum(rows - a, 0)]
            return one if a == 1 else self._get(("ms", a - 1, 0)) + one
        # "mt": weight of targets j − b .. j − 1
        one = units.mass_t[np.maximum(cols - b, 0)]
        return one if b == 1 else self._get(("mt", 0, b - 1)) + one

    def sim(self, a: int, b: int) -> np.ndarray:
        """Matched share of the weight of the a-b beads (0 where they weigh nothing)."""
        covered = self._get(("cs", a, b)) + self._get(("ct", a, b))
        mass = self._get(("ms", a, 0)) + self._get(("mt", 0, b))
        return np.where(mass > 0, covered / np.maximum(mass, 1e-12), 0.0)


def _bead_sim(
    units: _Units, cov: PairCoverage, rows: np.ndarray, cols: np.ndarray, a: int, b: int
) -> np.ndarray:
    """Lexical similarity of the a-b beads ending at cells ``(rows, cols)``: matched share of their weight."""
    return _BeadCover(units, cov, rows, cols).sim(a, b)


@dataclass(frozen=True)
class _Frame:
    """What every batch of cells needs of a corridor: its row bounds and the running character counts."""

    lo: np.ndarray
    hi: np.ndarray
    chars_s: np.ndarray
    chars_t: np.ndarray

    @classmethod
    def of(cls, units: _Units, corridor: Corridor) -> _Frame:
        def running(chars: np.ndarray) -> np.ndarray:
            return np.concatenate(([0.0], np.cumsum(chars, dtype=np.float64)))

        return cls(np.asarray(corridor[0], dtype=np.int64), np.asarray(corridor[1], dtype=np.int64),
                   running(units.chars_s), running(units.chars_t))


def _cell_costs(
    units: _Units,
    frame: _Frame,
    cells: tuple[np.ndarray, np.ndarray],
    shape: tuple[int, int],
    ev: Evidence,
    cover: _BeadCover | None,
    similarity: SimFn | None,
) -> np.ndarray:
    """Cost (minus the log-odds, without the shape prior) of the a-b bead ending at every cell; inf if impossible."""
    a, b = shape
    rows, cols = cells
    lo, hi, Sc, Tc = frame.lo, frame.hi, frame.chars_s, frame.chars_t
    prev_i = np.maximum(rows - a, 0)
    valid = (a <= rows) & (b <= cols) & (cols - b >= lo[prev_i]) & (cols - b <= hi[prev_i])
    cols_b = np.maximum(cols - b, 0)
    x = length_x(Sc[rows] - Sc[prev_i], Tc[cols] - Tc[cols_b], units.ratio)
    if similarity is not None:
        sim = np.zeros(len(rows))
        for k in np.flatnonzero(valid):
            i, j = int(rows[k]), int(cols[k])
            sim[k] = similarity(i - a, i, j - b, j)
    else:
        assert cover is not None
        sim = cover.sim(a, b)
    cost = -(lexical_llr(sim, ev) + length_llr(x, ev))
    return np.where(valid, cost, _INF)


#: Corridor cells per batch when every shape's cost is computed at once (temporaries of max_a × max_b rows).
_SHAPE_CHUNK = 1 << 14


def _shape_grid_costs(
    units: _Units, frame: _Frame, cov: PairCoverage, cells: tuple[np.ndarray, np.ndarray],
    max_a: int, max_b: int, ev: Evidence,
) -> np.ndarray:
    """Cost of the a-b bead ending at every cell, for every a ≤ ``max_a`` and b ≤ ``max_b`` at once
    (``[a − 1, b − 1, cell]``, without the shape prior; inf if impossible).

    The same element-wise arithmetic as :class:`_BeadCover` and :func:`_cell_costs`, in the same
    order (running sums over ``a`` and ``b`` as cumulative sums along their axes), so every cost
    is bit for bit what those give; broadcast over the shapes it takes some thirty NumPy calls
    per batch instead of some thirty per shape, which is what a turn pair's small corridor spent.
    """
    rows, cols = cells
    d = np.arange(1, max_a + 1, dtype=np.int64)[:, None]
    e = np.arange(1, max_b + 1, dtype=np.int64)[:, None]
    src = np.maximum(rows - d, 0)  # [a − 1, cell]: source i − a
    tgt = np.maximum(cols - e, 0)  # [b − 1, cell]: target j − b
    s3 = src[:, None, :]
    covered_src = cov.src_run(s3, (cols - e)[None, :, :], cols)
    covered_tgt = cov.tgt_at(s3, tgt[None, :, :])
    cs = np.cumsum(np.minimum(units.mass_s[src][:, None, :], covered_src), axis=0)
    into = np.cumsum(covered_tgt, axis=0)
    ct = np.cumsum(np.minimum(units.mass_t[tgt][None, :, :], into), axis=1)
    mass = np.cumsum(units.mass_s[src], axis=0)[:, None, :] + np.cumsum(units.mass_t[tgt], axis=0)[None, :, :]
    sim = np.where(mass > 0, (cs + ct) / np.maximum(mass, 1e-12), 0.0)
    lo, hi, Sc, Tc = frame.lo, frame.hi, frame.chars_s, frame.chars_t
    x = length_x((Sc[rows] - Sc[src])[:, None, :], (Tc[cols] - Tc[tgt])[None, :, :], units.ratio)
    valid = ((d <= rows)[:, None, :] & (e <= cols)[None, :, :]
             & ((cols - e)[None, :, :] >= lo[src][:, None, :]) & ((cols - e)[None, :, :] <= hi[src][:, None, :]))
    cost = -(lexical_llr(sim, ev) + length_llr(x, ev))
    return np.where(valid, cost, _INF)


def _lattice(
    units: _Units,
    corridor: Corridor,
    priors: ShapePriors,
    ev: Evidence,
    similarity: SimFn | None = None,
) -> Lattice:
    """Cost of every bead in ``corridor`` (row i: target range lo[i]..hi[i] inclusive), prior included.

    Bead costs do not depend on the path, so they are computed for every
    corridor cell at once (vectorised), in bounded chunks.
    """
    shapes = priors.shapes
    lo, hi = corridor
    n = units.n
    widths = np.asarray(hi, dtype=np.int64) - np.asarray(lo, dtype=np.int64) + 1
    row_off = np.concatenate(([0], np.cumsum(widths)))
    total_cells = int(row_off[-1])
    rows = np.repeat(np.arange(n + 1, dtype=np.int64), widths)
    cols = np.arange(total_cells, dtype=np.int64) - row_off[rows] + np.asarray(lo, dtype=np.int64)[rows]
    max_a = max(a for a, _ in shapes)
    max_b = max(b for _, b in shapes)
    cov = None if similarity is not None else _coverage(units, corridor, max_a, max_b)
    pens = list(priors.costs)
    costs = {k: np.empty(total_cells, dtype=np.float32) for k, (a, b) in enumerate(shapes) if a and b}
    frame = _Frame.of(units, corridor)
    if cov is not None:
        for c0 in range(0, total_cells, _SHAPE_CHUNK):  # bounded temporaries on huge corridors
            c1 = min(total_cells, c0 + _SHAPE_CHUNK)
            grid = _shape_grid_costs(units, frame, cov, (rows[c0:c1], cols[c0:c1]), max_a, max_b, ev)
            for k, out in costs.items():
                a, b = shapes[k]
                out[c0:c1] = grid[a - 1, b - 1] + pens[k]
        return Lattice(shapes, list(lo), list(hi), row_off.tolist(), costs, pens, priors.trailing, units.omit)
    for c0 in range(0, total_cells, _CHUNK):  # a user's scorer: one shape at a time
        c1 = min(total_cells, c0 + _CHUNK)
        chunk = (rows[c0:c1], cols[c0:c1])
        for k, out in costs.items():
            out[c0:c1] = _cell_costs(units, frame, chunk, shapes[k], ev, None, similarity) + pens[k]
    return Lattice(shapes, list(lo), list(hi), row_off.tolist(), costs, pens, priors.trailing, units.omit)


#: Corridor cells per block of the DP's gathered predecessor indices and bead costs (bounds memory).
_DP_BLOCK = 1 << 15


@dataclass(frozen=True)
class _RowIndex:
    """A lattice's row bounds as arrays, and each empty-target move's cost per row, made once per
    DP: a block of cells reads them, and on a long document there are hundreds of blocks."""

    lo: np.ndarray
    hi: np.ndarray
    offs: np.ndarray
    null: dict[int, np.ndarray]

    @classmethod
    def of(cls, lat: Lattice, moves: Sequence[tuple[int, int, int]]) -> _RowIndex:
        null = {k: np.asarray([lat.null_cost(k, i) if i else 0.0 for i in range(lat.n + 1)])
                for k, _, b in moves if not b}
        return cls(np.asarray(lat.lo, dtype=np.int64), np.asarray(lat.hi, dtype=np.int64),
                   np.asarray(lat.offs, dtype=np.int64), null)


def _dp_block(
    lat: Lattice, index: _RowIndex, moves: Sequence[tuple[int, int, int]], c0: int, c1: int
) -> tuple[np.ndarray, np.ndarray]:
    """For cells ``c0:c1`` and every move: the flat index of the cell the bead starts from
    (``offs[-1]``, an infinite sentinel, where it cannot) and the bead's cost (float64).

    Gathering these once per block lets each row of the DP take the best move in a few
    whole-array operations instead of a handful per move, which on the small corridors of
    one turn pair is where the time went (NumPy calls, not arithmetic).
    """
    lo, hi, offs = index.lo, index.hi, index.offs
    rows = np.searchsorted(offs, np.arange(c0, c1), side="right") - 1
    cols = np.arange(c0, c1) - offs[rows] + lo[rows]
    pred = np.empty((len(moves), c1 - c0), dtype=np.int64)
    cost = np.empty((len(moves), c1 - c0), dtype=np.float64)
    for r, (k, a, b) in enumerate(moves):
        pi = np.maximum(rows - a, 0)
        pj = cols - b
        ok = (rows >= a) & (pj >= lo[pi]) & (pj <= hi[pi])
        pred[r] = np.where(ok, offs[pi] + pj - lo[pi], offs[-1])
        cost[r] = lat.costs[k][c0:c1] if b else index.null[k][rows]
    return pred, cost


def _dp(
    units: _Units,
    corridor: Corridor,
    priors: ShapePriors,
    ev: Evidence,
    similarity: SimFn | None = None,
    progress: Progress | None = None,
) -> _Result:
    """Best monotonic path through ``corridor``.

    Each row takes, per cell, the cheapest move from an earlier row (the first
    in shape order on a tie, as a move replaces the best so far only when
    strictly better), then the 0-1 move within the row as a running minimum.
    No Python loop runs per cell.
    """
    lat = _lattice(units, corridor, priors, ev, similarity)
    shapes, costs, pens, lo, hi, offs = lat.shapes, lat.costs, lat.pens, lat.lo, lat.hi, lat.offs
    n, m = units.n, units.m
    total_cells = offs[-1]
    add = [k for k, (a, _) in enumerate(shapes) if a == 0]
    add_k = add[0] if add else -1
    moves = [(k, a, b) for k, (a, b) in enumerate(shapes) if a > 0]
    move_k = np.asarray([k for k, _, _ in moves], dtype=np.uint8)
    D = np.full(total_cells + 1, _INF)  # the last slot: where an impossible move starts
    B = np.full(total_cells, 255, dtype=np.uint8)
    step = max(1, n // 100)
    block_end = 0
    pred = cost = np.zeros((0, 0))
    ramps: dict[int, np.ndarray] = {}  # the 0-1 move's running cost, per row width
    index = _RowIndex.of(lat, moves)
    for i in range(n + 1):
        first, last, here = lo[i], hi[i], offs[i]
        width = last - first + 1
        row = D[here : here + width]
        back = B[here : here + width]
        if i == 0:
            row[0] = 0.0
        elif moves:
            if here + width > block_end:
                block_start = here
                block_end = offs[min(n + 1, bisect.bisect_right(offs, here + _DP_BLOCK, lo=i + 1) - 1)]
                block_end = max(block_end, here + width)
                pred, cost = _dp_block(lat, index, moves, block_start, block_end)
            at = slice(here - block_start, here - block_start + width)
            cand = D[pred[:, at]] + cost[:, at]
            pick = cand.argmin(axis=0)
            best = cand.min(axis=0)
            better = best < row
            row[better] = best[better]
            back[better] = move_k[pick[better]]
        if add_k >= 0:
            ramp = ramps.get(width)
            if ramp is None:
                ramp = ramps[width] = np.arange(width) * pens[add_k]
            running = np.minimum.accumulate(row - ramp) + ramp
            better = running < row - 1e-9
            row[better] = running[better]
            back[better] = add_k
        if progress is not None and (i % step == 0 or i == n):
            progress(i, n)

    def cell(i: int, j: int) -> int:
        return offs[i] + j - lo[i]

    def bead_cost(k: int, i: int, j: int) -> float:
        a, b = shapes[k]
        return float(costs[k][cell(i, j)]) if a and b else lat.null_cost(k, i)

    # trace back, with each bead's margin over the best other way into the same cell
    steps: list[tuple[int, int]] = []
    margins: list[float] = []
    touched: list[int] = []
    i, j = n, m
    while i or j:
        if (j == lo[i] and lo[i] > 0) or (j == hi[i] and hi[i] < m):
            touched.append(i)
        k = int(B[cell(i, j)])
        if k == 255:
            raise AlignmentError("no alignment path inside the search corridor")
        a, b = shapes[k]
        alt = _INF
        for k2, (a2, b2) in enumerate(shapes):
            pi, pj = i - a2, j - b2
            if k2 == k or pi < 0 or pj < 0 or pj < lo[pi] or pj > hi[pi]:
                continue
            alt = min(alt, float(D[cell(pi, pj)]) + bead_cost(k2, i, j))
        margins.append(alt - float(D[cell(i, j)]))
        steps.append((a, b))
        i, j = i - a, j - b
    steps.reverse()
    margins.reverse()
    return _Result(steps, [_confidence(mg) for mg in margins], touched)




def _confidence(margin: float) -> float:
    """The chance the bead is right against its best rival into the same DP cell.

    Bead scores are log-odds, so the margin between the best and the
    second-best way into a cell is itself a log-odds: its logistic.
    """
    if margin == _INF:
        return 1.0
    return round(1.0 / (1.0 + math.exp(-min(50.0, max(0.0, margin)))), 4)


def _solve(
    units: _Units,
    priors: ShapePriors,
    prm: AlignParams,
    ev: Evidence,
    *,
    band: int | None,
    similarity: SimFn | None = None,
    progress: Progress | None = None,
    guide: Sequence[tuple[int, int]] | None = None,
) -> _Result:
    """Align two non-empty unit sequences, coarse-to-fine when they are long.

    ``guide`` is the path of an earlier pass; the corridor then follows it.
    """
    corridor, width = _corridor(units, priors, prm, ev, band=band, similarity=similarity, guide=guide)
    result = _dp(units, corridor, priors, ev, similarity, progress)
    if _is_full(corridor, units.m):
        return result
    for round_ in range(1, _MAX_WIDENINGS):
        if not result.touched:
            break
        result = _repair(units, priors, ev, similarity, result, width << round_)
    return result


def _corridor(
    units: _Units,
    priors: ShapePriors,
    prm: AlignParams,
    ev: Evidence,
    *,
    band: int | None,
    similarity: SimFn | None = None,
    guide: Sequence[tuple[int, int]] | None = None,
) -> tuple[Corridor, int]:
    """The cells to search, and the corridor's half-width.

    Around ``guide`` (an earlier pass's path) when given; every cell of a
    small input; else a band around the diagonal or, for long inputs, around
    the projection of a coarse alignment of blocks of sentences.
    """
    n, m = units.n, units.m
    factor = prm.coarse_factor
    if guide is not None:
        raw = _project(guide, 1, n, m)
        width = band if band is not None else prm.fine_band
    elif max(n, m) > prm.coarse_above and min(n, m) >= 4 * factor and similarity is None:
        coarse_shapes = [s for s in priors.shapes if max(s) <= 2]
        coarse = _solve(units.coarsen(factor), shape_priors(coarse_shapes, prm).inner(), prm, ev, band=None)
        raw = _project(coarse.steps, factor, n, m)
        width = band if band is not None else prm.fine_band
    else:
        raw = _diagonal(n, m)
        width = band if band is not None else prm.band
        if band is None and n * m <= prm.full_below:
            width = m  # small enough to search every cell
    return _connect(raw[0], raw[1], m, [width] * (n + 1)), width


def _shifted(similarity: SimFn, di: int, dj: int) -> SimFn:
    """A similarity over a window's local indices, answered with whole-document indices."""

    def local(a0: int, a1: int, b0: int, b1: int) -> float:
        return similarity(a0 + di, a1 + di, b0 + dj, b1 + dj)

    return local


def _repair(
    units: _Units,
    priors: ShapePriors,
    ev: Evidence,
    similarity: SimFn | None,
    result: _Result,
    width: int,
) -> _Result:
    """Re-solve only the windows where the path ran along the corridor's edge.

    Each window lies between two cells of the current path, which stay fixed,
    and is searched in a corridor ``width`` wide around the old path.  Redoing
    the whole document instead made one edge touch somewhere in a long text
    double its cost, so time grew faster than length.
    """
    pos = [(0, 0)]
    for a, b in result.steps:
        pos.append((pos[-1][0] + a, pos[-1][1] + b))
    rows = [p[0] for p in pos]
    span = 4 * width
    windows: list[tuple[int, int]] = []
    for row in sorted(set(result.touched)):
        k0 = max(0, bisect.bisect_right(rows, row - span) - 1)
        k1 = min(len(pos) - 1, bisect.bisect_left(rows, row + span))
        if windows and k0 <= windows[-1][1]:
            windows[-1] = (windows[-1][0], max(windows[-1][1], k1))
        else:
            windows.append((k0, k1))
    steps: list[tuple[int, int]] = []
    confidences: list[float] = []
    touched: list[int] = []
    done = 0
    for k0, k1 in windows:
        (i0, j0), (i1, j1) = pos[k0], pos[k1]
        if i1 == i0 or j1 == j0:
            continue
        steps += result.steps[done:k0]
        confidences += result.confidences[done:k0]
        raw = _project(result.steps[k0:k1], 1, i1 - i0, j1 - j0)
        corridor = _connect(raw[0], raw[1], j1 - j0, [width] * (i1 - i0 + 1))
        local = None if similarity is None else _shifted(similarity, i0, j0)
        window_priors = priors if i1 == units.n else priors.inner()
        sub = _dp(units.window(i0, i1, j0, j1), corridor, window_priors, ev, local, None)
        steps += sub.steps
        confidences += sub.confidences
        if not _is_full(corridor, j1 - j0):
            touched += [i0 + r for r in sub.touched]
        done = k1
    steps += result.steps[done:]
    confidences += result.confidences[done:]
    return _Result(steps, confidences, touched)


@dataclass
class _Doc:
    """One document pair of a corpus: both sides' tokens, built once and reused by every pass."""

    src: Side
    tgt: Side
    base_src: Entries
    base_tgt: Entries
    ratio: float

    @property
    def n(self) -> int:
        return len(self.src)

    @property
    def m(self) -> int:
        return len(self.tgt)

    def sentence_stems(self, side: Side) -> list[np.ndarray]:
        real = side.stem >= 0
        bounds = np.searchsorted(side.sent[real], np.arange(1, len(side)))
        return np.split(side.stem[real], bounds)


def _entries(side: Side) -> Entries:
    """The anchor-key entries of a side whose occurrence is heavy enough to count."""
    occ = side.key_occ
    w = side.weight[occ]
    keep = w >= _MIN_KEY_WEIGHT
    occ = occ[keep]
    return Entries(side.sent[occ], occ, side.key[keep], side.key_strength[keep], w[keep])


def _link_entries(side: Side, by: np.ndarray, link_ids: np.ndarray, strength: np.ndarray, key_base: int) -> Entries:
    """Entries for the translation links of each occurrence's stem (``by`` sorted, one per link)."""
    heavy = np.flatnonzero((side.stem >= 0) & (side.weight >= _MIN_KEY_WEIGHT))
    stems = side.stem[heavy]
    lo = np.searchsorted(by, stems)
    hi = np.searchsorted(by, stems, side="right")
    counts = hi - lo
    total = int(counts.sum())
    occ = np.repeat(heavy, counts)
    at = np.repeat(lo - (np.cumsum(counts) - counts), counts) + np.arange(total)
    links = link_ids[at]
    return Entries(side.sent[occ], occ, key_base + links, strength[links], side.weight[occ])


def _merge(learned: LinkTable, known: LinkTable) -> LinkTable:
    """Learned and dictionary links in one table, sorted by source stem (what :func:`_link_entries` needs)."""
    if not len(known):
        return learned
    src = np.concatenate((learned.src, known.src))
    order = np.argsort(src, kind="stable")
    return LinkTable(
        src[order], np.concatenate((learned.tgt, known.tgt))[order], np.concatenate((learned.strength, known.strength))[order]
    )


def _join(a: Entries, b: Entries) -> Entries:
    return Entries(*(np.concatenate((x, y)) for x, y in zip(
        (a.unit, a.occ, a.key, a.strength, a.weight), (b.unit, b.occ, b.key, b.strength, b.weight), strict=True
    )))


def _units(doc: _Doc, links: LinkTable, key_base: int) -> _Units:
    src, tgt = doc.base_src, doc.base_tgt
    if len(links):
        ids = np.arange(len(links))
        src = _join(src, _link_entries(doc.src, links.src, ids, links.strength, key_base))
        order = np.argsort(links.tgt, kind="stable")
        tgt = _join(tgt, _link_entries(doc.tgt, links.tgt[order], order, links.strength, key_base))
    mass_s = np.bincount(doc.src.sent, doc.src.weight, minlength=doc.n)
    mass_t = np.bincount(doc.tgt.sent, doc.tgt.weight, minlength=doc.m)
    return _Units(doc.src.chars, doc.tgt.chars, mass_s, mass_t, src, tgt, doc.ratio, key_base)


def _diagonal_pairs(doc: _Doc, budget: int) -> list[tuple[np.ndarray, np.ndarray, float]]:
    """Each source sentence with the targets near its diagonal position (first translation table)."""
    n, m = doc.n, doc.m
    ss, ts = doc.sentence_stems(doc.src), doc.sentence_stems(doc.tgt)
    step = max(1, math.ceil(n * (2 * _TRAIN_WINDOW + 1) / max(1, budget)))
    pairs = []
    for i in range(0, n, step):
        centre = (i + 0.5) * m / n - 0.5
        for j in range(max(0, math.floor(centre) - _TRAIN_WINDOW), min(m, math.ceil(centre) + _TRAIN_WINDOW + 1)):
            pairs.append((ss[i], ts[j], math.exp(-0.5 * (j - centre) ** 2)))
    return pairs


def _bead_pairs(doc: _Doc, steps: Sequence[tuple[int, int]], budget: int) -> list[tuple[np.ndarray, np.ndarray, float]]:
    """The linked beads of an alignment as training pairs (later translation tables)."""
    ss, ts = doc.sentence_stems(doc.src), doc.sentence_stems(doc.tgt)
    pairs = []
    i = j = 0
    keep = max(1, math.ceil(len(steps) / max(1, budget)))
    for k, (a, b) in enumerate(steps):
        if a and b and k % keep == 0:
            pairs.append((np.concatenate(ss[i : i + a]), np.concatenate(ts[j : j + b]), 1.0))
        i, j = i + a, j + b
    return pairs


def _one_one_samples(units: _Units, steps: Sequence[tuple[int, int]]) -> tuple[list[float], list[float], list[float], list[float]]:
    """Similarity and length log-ratio of the 1-1 beads of a path and of their shifted neighbours."""
    rows, cols = [], []
    i = j = 0
    for a, b in steps:
        if a == b == 1:
            rows.append(i)
            cols.append(j)
        i, j = i + a, j + b
    if not rows:
        return [], [], [], []
    n, m = units.n, units.m
    r = np.asarray(rows, dtype=np.int64)
    c = np.asarray(cols, dtype=np.int64)
    base = np.zeros(n, dtype=np.int64)
    end = np.zeros(n, dtype=np.int64)
    base[r] = np.maximum(0, c - 1)
    end[r] = np.minimum(m, c + 2)
    cov = pair_coverage(units.src, units.tgt, base, end, m)
    out: list[list[float]] = [[], [], [], []]
    for shift, (sims, xs) in ((0, (out[0], out[2])), (-1, (out[1], out[3])), (1, (out[1], out[3]))):
        t = c + shift
        ok = (t >= 0) & (t < m)
        rr, tt = r[ok], t[ok]
        sim = _bead_sim(units, cov, rr + 1, tt + 1, 1, 1)
        x = length_x(units.chars_s[rr].astype(float), units.chars_t[tt].astype(float), units.ratio)
        sims.extend(sim.tolist())
        xs.extend(x.tolist())
    return out[0], out[1], out[2], out[3]


def _omission_evidence(units: _Units, steps: Sequence[tuple[int, int]], ev: Evidence, weight: float) -> np.ndarray:
    """Extra cost of omitting each source sentence, from how much of it the targets around its first-pass place cover.

    A flat omission prior cannot tell a sentence the interpreter dropped
    (nothing of it is found) from one condensed into a neighbouring sentence
    (some of its words are there).  Here the omission of a sentence also pays
    ``weight`` times the lexical log-odds ``β·(share − τ)`` of its matched
    share among the targets of its first-pass bead and one either side: a
    sentence with nothing found pays less than the prior, one that is
    largely there much more (the lattice floors the sum at 0).
    """
    n, m = units.n, units.m
    base = np.zeros(n, dtype=np.int64)
    end = np.zeros(n, dtype=np.int64)
    i = j = 0
    for a, b in steps:
        base[i : i + a] = max(0, j - 1)
        end[i : i + a] = min(m, j + b + 1)
        i, j = i + a, j + b
    cov = pair_coverage(units.src, units.tgt, base, end, m)
    matched = np.minimum(units.mass_s, cov.src_run(np.arange(n), base, end))
    share = np.where(units.mass_s > 0, matched / np.maximum(units.mass_s, 1e-12), 0.0)
    return weight * lexical_llr(share, ev)


def _trivial(n: int, m: int) -> list[Bead]:
    return [Bead(src=(i,), tgt=(), confidence=1.0) for i in range(n)] + [
        Bead(src=(), tgt=(j,), confidence=1.0) for j in range(m)
    ]


def _check_args(src: Sequence[str], tgt: Sequence[str], band: int | None) -> None:
    if band is not None and (not isinstance(band, int) or band < 1):
        raise AlignmentError(f"band must be a positive integer, got {band!r}")
    if isinstance(src, str) or isinstance(tgt, str):
        raise AlignmentError("src and tgt must be sequences of sentences, not strings")


#: Training pairs per translation table (spread over the corpus), so EM stays cheap on huge inputs.
_TRAIN_BUDGET = 20_000


def align_corpus(
    pairs: Sequence[tuple[Sequence[str], Sequence[str]]],
    *,
    src_lang: str | None = None,
    tgt_lang: str | None = None,
    max_side: int = 4,
    scorer: SentenceScorer | None = None,
    band: int | None = None,
    second_pass: bool = True,
    progress: Progress | None = None,
    params: AlignParams | None = None,
) -> list[list[Bead]]:
    """Align many document pairs of one language pair together; one bead list per pair.

    What is learned — rarity weights, word translation tables (IBM model 1),
    the weights of lexical and length evidence — is learned over all the
    documents, so short speeches borrow strength from each other.  Arguments
    are those of :func:`align_sentences`.
    """
    prm = params or AlignParams()
    shapes = bead_shapes(max_side, prm.max_total)
    for src, tgt in pairs:
        _check_args(src, tgt, band)
    translate_src, translate_tgt = pair_translators(src_lang, tgt_lang)
    keys = KeyVocabulary()
    words_s: dict[str, int] = {}
    words_t: dict[str, int] = {}
    stems_s: dict[str, int] = {}
    stems_t: dict[str, int] = {}
    live = [k for k, (src, tgt) in enumerate(pairs) if len(src) and len(tgt)]
    sides = [
        (
            side_tokens(pairs[k][0], src_lang, keys, words_s, stems_s, translate_src),
            side_tokens(pairs[k][1], tgt_lang, keys, words_t, stems_t, translate_tgt),
        )
        for k in live
    ]
    set_weights([s for s, _ in sides])
    set_weights([t for _, t in sides])
    docs = []
    for s, t in sides:
        cs, ct = float(s.chars.sum()), float(t.chars.sum())
        docs.append(_Doc(s, t, _entries(s), _entries(t), ct / cs if cs and ct else 1.0))
    key_base = len(keys)
    budget = max(1, _TRAIN_BUDGET // max(1, len(docs)))

    known = LinkTable.empty()
    if prm.dictionary and scorer is None:
        d_src, d_tgt = dictionary_links(src_lang, tgt_lang, words_s, stems_s, words_t, stems_t)
        known = LinkTable(d_src, d_tgt, np.full(len(d_src), prm.dictionary))

    def table(training: list[tuple[np.ndarray, np.ndarray, float]], min_support: float = 0.0) -> LinkTable:
        if scorer is not None:
            return LinkTable.empty()
        return train_links(training, max(1, len(stems_s)), max(1, len(stems_t)), min_support=min_support)

    similarities: list[SimFn | None] = [None] * len(docs)
    if scorer is not None:
        for d, k in enumerate(live):
            similarities[d] = _cached_similarity(scorer, pairs[k][0], pairs[k][1])
    links = known
    if prm.diagonal_support is not None:
        links = _merge(table([p for doc in docs for p in _diagonal_pairs(doc, budget)], prm.diagonal_support), known)
    ev = prm.evidence
    priors = shape_priors(shapes, prm)
    results = []
    for d, doc in enumerate(docs):
        units = _units(doc, links, key_base)
        results.append(_solve(units, priors, prm, ev, band=band, similarity=similarities[d], progress=progress))
    if second_pass:
        # learn translations from the first alignment, then weigh the evidence *with* them
        learned = table([p for doc, res in zip(docs, results, strict=True) for p in _bead_pairs(doc, res.steps, budget)])
        links = _merge(learned, known) if prm.dictionary_passes > 1 else learned
        steps = [res.steps for res in results]
        all_units = [_units(doc, links, key_base) for doc in docs]
        if prm.fit:
            ev = _fit(all_units, docs, steps, similarities, prm.evidence)
        if prm.omission_evidence is not None and scorer is None:
            all_units = [
                replace(units, omit=_omission_evidence(units, path, ev, prm.omission_evidence))
                for units, path in zip(all_units, steps, strict=True)
            ]
        for _ in range(prm.shape_em):
            priors = _em_step(all_units, steps, priors, prm, ev, similarities, band)
        for d, units in enumerate(all_units):
            results[d] = _solve(
                units, priors, prm, ev, band=band, similarity=similarities[d], progress=progress, guide=steps[d]
            )
    out: list[list[Bead]] = []
    done = iter(results)
    for src, tgt in pairs:
        if len(src) and len(tgt):
            res = next(done)
            out.append(path_to_beads(res.steps, res.confidences))
        else:
            out.append(_trivial(len(src), len(tgt)))
    return out


def _fit(
    all_units: Sequence[_Units],
    docs: Sequence[_Doc],
    steps: Sequence[Sequence[tuple[int, int]]],
    similarities: Sequence[SimFn | None],
    prior: Evidence,
) -> Evidence:
    """Evidence weights from the 1-1 beads of an alignment and their shifted neighbours, over all documents."""
    samples: list[list[float]] = [[], [], [], []]
    for units, doc, path, sim in zip(all_units, docs, steps, similarities, strict=True):
        found = _one_one_samples(units, path) if sim is None else _scored_samples(sim, doc, path)
        for acc, values in zip(samples, found, strict=True):
            acc.extend(values)
    return fit_evidence(samples[0], samples[1], samples[2], samples[3], prior=prior)


def _em_step(
    all_units: Sequence[_Units],
    steps: Sequence[Sequence[tuple[int, int]]],
    priors: ShapePriors,
    prm: AlignParams,
    ev: Evidence,
    similarities: Sequence[SimFn | None],
    band: int | None,
) -> ShapePriors:
    """One EM round over shapes: expected counts over all paths near each document's alignment, pooled."""
    counts = np.zeros(len(priors.shapes))
    for units, path, sim in zip(all_units, steps, similarities, strict=True):
        corridor, _ = _corridor(units, priors, prm, ev, band=band, similarity=sim, guide=path)
        counts += expected_shapes(_lattice(units, corridor, priors, ev, sim))
    return reestimate(priors, counts, prm.em_pseudo)


def _cached_similarity(scorer: SentenceScorer, src: Sequence[str], tgt: Sequence[str]) -> SimFn:
    cache: dict[tuple[int, int, int, int], float] = {}

    def similarity(i0: int, i1: int, j0: int, j1: int) -> float:
        key = (i0, i1, j0, j1)
        if key not in cache:
            value = float(scorer.similarity(src[i0:i1], tgt[j0:j1]))
            cache[key] = min(1.0, max(0.0, value))
        return cache[key]

    return similarity


def _scored_samples(
    similarity: SimFn | None, doc: _Doc, steps: Sequence[tuple[int, int]]
) -> tuple[list[float], list[float], list[float], list[float]]:
    """As :func:`_one_one_samples`, with a user's scorer giving the similarities."""
    assert similarity is not None
    out: tuple[list[float], list[float], list[float], list[float]] = ([], [], [], [])
    i = j = 0
    for a, b in steps:
        if a == b == 1:
            for shift in (0, -1, 1):
                t = j + shift
                if 0 <= t < doc.m:
                    sim = similarity(i, i + 1, t, t + 1)
                    x = float(length_x(np.asarray([float(doc.src.chars[i])]), np.asarray([float(doc.tgt.chars[t])]), doc.ratio)[0])
                    (out[0] if shift == 0 else out[1]).append(sim)
                    (out[2] if shift == 0 else out[3]).append(x)
        i, j = i + a, j + b
    return out


def align_sentences(
    src: Sequence[str],
    tgt: Sequence[str],
    *,
    src_lang: str | None = None,
    tgt_lang: str | None = None,
    max_side: int = 4,
    scorer: SentenceScorer | None = None,
    band: int | None = None,
    second_pass: bool = True,
    progress: Progress | None = None,
    params: AlignParams | None = None,
) -> list[Bead]:
    """Align source sentences with their interpretation; one bead per link, in order.

    Every source and target index appears in exactly one bead; omissions are
    ``[i]:[]`` and additions ``[]:[j]``; a bead has at most ``max_side``
    sentences on a side and ``params.max_total`` (6) in all.  ``confidence``
    is the logistic of the bead's margin over its best rival (see
    docs/alignment.md).
    ``src_lang``/``tgt_lang`` choose the stemmers and switch on the EN–ES
    lexicon; the rest is language independent.  ``scorer`` replaces the
    built-in lexical similarity; ``band`` sets the initial half-width of the
    search corridor.  To align many documents of one language pair, use
    :func:`align_corpus`: it learns from all of them.
    """
    _check_args(src, tgt, band)
    return align_corpus(
        [(src, tgt)],
        src_lang=src_lang,
        tgt_lang=tgt_lang,
        max_side=max_side,
        scorer=scorer,
        band=band,
        second_pass=second_pass,
        progress=progress,
        params=params,
    )[0]

"""Sentence alignment for interpreted speech: a banded, monotonic dynamic programme.

Why not Gale–Church alone: interpreters compress (the English runs ~10–15 %
shorter than the Spanish), merge and split sentences, and drop or add some, so
length says little.  Each candidate bead is scored by

* a length term calibrated on the document pair itself (the target/source
  character ratio is estimated from the two texts, with a wide variance),
* a lexical term: the share of anchor keys the two sides have in common —
  figures normalised across conventions, names, months, cognates, the EN–ES
  lexicon when the pair is en/es, and in a second pass a lexicon learned from
  the confident beads of the first (see :mod:`.features`, :mod:`.learned`),
* a prior per bead shape (omissions and additions are rare, merges rarer).

The programme only visits a corridor of cells: a band around the diagonal,
widened and redone when the best path touches its edge; long inputs are first
aligned at a coarse level (blocks of sentences) and the fine pass follows the
projected coarse path.  Work and memory therefore grow linearly with length.
"""

from __future__ import annotations

import bisect
import math
from array import array
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from itertools import accumulate, pairwise

import numpy as np

from ..errors import AlignmentError
from ..models import Bead
from .beads import bead_shapes, path_to_beads
from .features import Features, build_features, identity
from .learned import learn_lexicon
from .lexicon import pair_translators
from .scorers import SentenceScorer

__all__ = ["AlignParams", "align_sentences"]

Progress = Callable[[int, int], None]
_INF = float("inf")
_MAX_WIDENINGS = 8
_CHUNK = 1 << 19


@dataclass(frozen=True)
class AlignParams:
    """The few numbers that shape the cost of a bead (defaults set for interpretation).

    ``orphan`` is the extra cost, per sentence, of a sentence inside a merge
    that shares nothing with the other side; it is scaled down to zero when
    the document's lexical evidence is weak (see ``_lexical_reliability``).
    ``omission``/``addition`` are the costs of ``[i]:[]`` and ``[]:[j]``
    beads; ``merge`` the prior cost of a 2-1 or 1-2 bead, ``merge3`` of a 3-1
    or 1-3 and ``merge22`` of a 2-2.  Costs of sentence-bearing beads are
    ``lex_weight·(1 − similarity) + length term``, scaled by the number of
    sentences in the bead so that merging never pays by itself.
    """

    omission: float = 2.5
    addition: float = 2.9
    merge: float = 0.6
    merge3: float = 1.0
    merge22: float = 2.5
    lex_weight: float = 3.0
    orphan: float = 1.0
    length_variance: float = 10.0
    length_cap: float = 6.0
    band: int = 32
    fine_band: int = 32
    coarse_above: int = 3000
    full_below: int = 250_000
    coarse_factor: int = 4


@dataclass
class _Side:
    """Prefix sums over one side's features, for O(1) bead lengths and sizes."""

    chars: list[int]
    sizes: list[int]
    keys: list[frozenset[int]]

    @classmethod
    def of(cls, feats: Sequence[Features]) -> _Side:
        return cls(
            list(accumulate((f.chars for f in feats), initial=0)),
            list(accumulate((f.size for f in feats), initial=0)),
            [f.keys for f in feats],
        )

    def __len__(self) -> int:
        return len(self.keys)


def _coarsen(feats: Sequence[Features], factor: int) -> list[Features]:
    """Blocks of ``factor`` consecutive sentences, as one unit each (for the coarse pass)."""
    blocks = []
    for start in range(0, len(feats), factor):
        part = feats[start : start + factor]
        blocks.append(
            Features(
                sum(f.chars for f in part),
                sum(f.size for f in part),
                frozenset().union(*(f.keys for f in part)),
            )
        )
    return blocks


Corridor = tuple[list[int], list[int]]


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
    #: per bead, how well it fits and how clearly it beats its rivals (what the learned lexicon trusts)
    fits: list[float]


def _shape_costs(shapes: Sequence[tuple[int, int]], prm: AlignParams) -> list[float]:
    costs = []
    for a, b in shapes:
        if a == 0:
            costs.append(prm.addition)
        elif b == 0:
            costs.append(prm.omission)
        elif a == b == 1:
            costs.append(0.0)
        elif a == b == 2:
            costs.append(prm.merge22)
        elif max(a, b) == 2:
            costs.append(prm.merge)
        else:
            costs.append(prm.merge3 + prm.merge * (max(a, b) - 3))
    return costs


def _pair_prefix(
    S: _Side, T: _Side, weights: Sequence[float], corridor: Corridor, max_a: int, max_b: int
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Prefix sums of shared-key counts, per source sentence, over the targets it can meet.

    Returned flat: ``flat[offset[s] + t - base[s]]`` is ``Σ shared(s, t')`` for
    ``base[s] ≤ t' < t``, so the overlap of a source sentence with any run of
    targets is two look-ups, done for the whole corridor at once.
    """
    lo, hi = corridor
    n, m = len(S), len(T)
    base = np.zeros(n + 1, dtype=np.int64)
    offset = np.zeros(n + 1, dtype=np.int64)
    flat_values = array("d")
    tkeys = T.keys
    for s in range(n):
        t0 = max(0, lo[s + 1] - max_b)
        t1 = min(m, hi[min(n, s + max_a)])
        ks = S.keys[s]
        base[s], offset[s] = t0, len(flat_values)
        row = [0.0]
        row.extend(
            0.0 if ks.isdisjoint(tk) else sum([weights[k] for k in ks & tk]) for tk in tkeys[t0:t1]
        )
        flat_values.extend(accumulate(row))
    flat = np.frombuffer(flat_values, dtype=np.float64)
    return flat, offset, base


def _cell_costs(
    S: _Side,
    T: _Side,
    corridor: Corridor,
    cells: tuple[np.ndarray, np.ndarray],
    shape: tuple[int, int],
    prm: AlignParams,
    pairs: tuple[np.ndarray, np.ndarray, np.ndarray],
    similarity: SimFn | None,
) -> np.ndarray:
    """Cost (without the shape prior) of the a-b bead ending at every corridor cell; inf if impossible."""
    a, b = shape
    rows, cols = cells
    lo = np.asarray(corridor[0], dtype=np.int64)
    hi = np.asarray(corridor[1], dtype=np.int64)
    prev_i = np.maximum(rows - a, 0)
    valid = (a <= rows) & (b <= cols) & (cols - b >= lo[prev_i]) & (cols - b <= hi[prev_i])
    Sc = np.asarray(S.chars, dtype=np.float64)
    Tc = np.asarray(T.chars, dtype=np.float64)
    cols_b = np.maximum(cols - b, 0)
    ls = Sc[rows] - Sc[prev_i]
    lt = Tc[cols] - Tc[cols_b]
    n, m = len(S), len(T)
    ratio = (Tc[m] / Sc[n]) if Sc[n] and Tc[m] else 1.0
    expected = ratio * ls
    length = np.minimum(
        prm.length_cap,
        0.5 * (lt - expected) ** 2 / (prm.length_variance * (expected + lt) * 0.5 + 1.0),
    )
    if similarity is not None:
        sim = np.zeros(len(rows))
        for k in np.flatnonzero(valid):
            i, j = int(rows[k]), int(cols[k])
            sim[k] = similarity(i - a, i, j - b, j)
    else:
        flat, offset, base = pairs
        shared = np.zeros(len(rows))
        top = len(flat) - 1
        Sz = np.asarray(S.sizes, dtype=np.float64)
        Tz = np.asarray(T.sizes, dtype=np.float64)
        orphans = np.zeros(len(rows))
        # per target sentence of the bead, what the source side shares with it
        per_target = [np.zeros(len(rows)) for _ in range(b)] if b > 1 else []
        for d in range(1, a + 1):
            src = np.maximum(rows - d, 0)
            at = offset[src] - base[src]
            own = flat[np.clip(at + cols, 0, top)] - flat[np.clip(at + cols_b, 0, top)]
            shared += own
            if a > 1:  # a source sentence that shares nothing is an omission, not part of a merge
                orphans += (own < 0.5) * np.minimum(1.0, Sz[src + 1] - Sz[src])
            for e, acc in enumerate(per_target, start=1):
                t = np.maximum(cols - e, 0)
                acc += flat[np.clip(at + t + 1, 0, top)] - flat[np.clip(at + t, 0, top)]
        for e, acc in enumerate(per_target, start=1):
            t = np.maximum(cols - e, 0)
            orphans += (acc < 0.5) * np.minimum(1.0, Tz[t + 1] - Tz[t])
        total = Sz[rows] - Sz[prev_i] + Tz[cols] - Tz[cols_b]
        sim = np.minimum(1.0, 2.0 * shared / np.maximum(total, 1.0))
        length = length + prm.orphan * orphans
    cost = (prm.lex_weight * (1.0 - sim) + length) * ((a + b) * 0.5)
    return np.where(valid, cost, _INF)


def _dp(
    S: _Side,
    T: _Side,
    weights: Sequence[float],
    corridor: Corridor,
    shapes: Sequence[tuple[int, int]],
    prm: AlignParams,
    similarity: SimFn | None = None,
    progress: Progress | None = None,
) -> _Result:
    """Best monotonic path through ``corridor`` (row i: target range lo[i]..hi[i] inclusive).

    Bead costs do not depend on the path, so they are computed for every
    corridor cell at once (vectorised); the row-by-row recursion then only
    adds and compares slices, and the 0-1 move within a row is a running
    minimum.  No Python loop runs per cell.
    """
    lo, hi = corridor
    n, m = len(S), len(T)
    widths = np.asarray(hi, dtype=np.int64) - np.asarray(lo, dtype=np.int64) + 1
    row_off = np.concatenate(([0], np.cumsum(widths)))
    total_cells = int(row_off[-1])
    rows = np.repeat(np.arange(n + 1, dtype=np.int64), widths)
    cols = np.arange(total_cells, dtype=np.int64) - row_off[rows] + np.asarray(lo, dtype=np.int64)[rows]
    max_a = max(a for a, _ in shapes)
    max_b = max(b for _, b in shapes)
    pairs = _pair_prefix(S, T, weights, corridor, max_a, max_b)
    pens = _shape_costs(shapes, prm)
    costs: dict[int, np.ndarray] = {}
    for k, shape in enumerate(shapes):
        if shape[0] and shape[1]:
            out = np.empty(total_cells, dtype=np.float32)
            for c0 in range(0, total_cells, _CHUNK):  # bounded temporaries on huge corridors
                c1 = min(total_cells, c0 + _CHUNK)
                chunk = (rows[c0:c1], cols[c0:c1])
                out[c0:c1] = _cell_costs(S, T, corridor, chunk, shape, prm, pairs, similarity) + pens[k]
            costs[k] = out
    del rows, cols
    add = [k for k, (a, _) in enumerate(shapes) if a == 0]
    add_k = add[0] if add else -1
    moves = [(k, a, b, pens[k]) for k, (a, b) in enumerate(shapes) if a > 0]
    D = np.full(total_cells, _INF)
    B = np.full(total_cells, 255, dtype=np.uint8)
    offs = row_off.tolist()
    step = max(1, n // 100)
    for i in range(n + 1):
        first, last, here = lo[i], hi[i], offs[i]
        width = last - first + 1
        row = D[here : here + width]
        back = B[here : here + width]
        if i == 0:
            row[0] = 0.0
        for k, a, b, pen in moves:
            if i < a:
                continue
            plo, phi = lo[i - a], hi[i - a]
            j0 = max(first, plo + b, b)
            j1 = min(last, phi + b)
            if j0 > j1:
                continue
            start = offs[i - a] + j0 - b - plo
            cand = D[start : start + j1 - j0 + 1]
            if b:
                cand = cand + costs[k][here + j0 - first : here + j1 - first + 1]
            else:
                cand = cand + pen
            seg = row[j0 - first : j1 - first + 1]
            better = cand < seg
            seg[better] = cand[better]
            back[j0 - first : j1 - first + 1][better] = k
        if add_k >= 0:
            ramp = np.arange(width) * pens[add_k]
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
        return float(costs[k][cell(i, j)]) if a and b else pens[k]

    # trace back, with each bead's margin over the best other way into the same cell
    steps: list[tuple[int, int]] = []
    margins: list[float] = []
    sims: list[float] = []
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
        if a and b:
            own = (bead_cost(k, i, j) - pens[k]) / ((a + b) * 0.5)
            sims.append(max(0.0, 1.0 - own / prm.lex_weight))
        else:
            sims.append(-1.0)
        steps.append((a, b))
        i, j = i - a, j - b
    steps.reverse()
    margins.reverse()
    sims.reverse()
    confidences = [_confidence(mg, sm) for mg, sm in zip(margins, sims, strict=True)]
    fits = [_fit(mg, sm) for mg, sm in zip(margins, sims, strict=True)]
    return _Result(steps, confidences, touched, fits)


#: Margin → share of correct beads, measured on the project's EN–ES gold and the public
#: Text+Berg/ParIce sets together (about 1,900 beads); linear between the points.
_CALIBRATION_LINKS = ((0.0, 0.45), (0.4, 0.55), (0.75, 0.68), (1.5, 0.88), (3.0, 0.95), (5.0, 0.99))
_CALIBRATION_EMPTY = ((0.0, 0.3), (0.5, 0.4), (3.0, 0.45), (5.0, 0.8))


def _interpolate(points: Sequence[tuple[float, float]], x: float) -> float:
    if x <= points[0][0]:
        return points[0][1]
    for (x0, y0), (x1, y1) in pairwise(points):
        if x <= x1:
            return y0 + (y1 - y0) * (x - x0) / (x1 - x0)
    return points[-1][1]


def _confidence(margin: float, quality: float) -> float:
    """Map a bead's margin over its best rival to the observed share of correct beads.

    ``margin`` is how much more the best *other* way into the same DP cell
    costs.  ``quality`` (1 − cost per sentence / lexical weight, or −1 for an
    omission/addition) only selects the table: on the gold sets the bead's
    own fit added nothing once the margin was known.
    """
    table = _CALIBRATION_EMPTY if quality < 0 else _CALIBRATION_LINKS
    return round(_interpolate(table, margin if margin != _INF else 1e9), 4)


def _fit(margin: float, quality: float) -> float:
    """Half clear margin, half lexical fit: picks the beads a learned lexicon can trust.

    Unlike the confidence, this insists on the bead's own lexical fit, so the
    lexicon is learned from beads whose words really match, not merely from
    beads that had no plausible rival.
    """
    if quality < 0:
        return 0.0
    sure = 1.0 - math.exp(-max(0.0, margin) / 0.5) if margin != _INF else 1.0
    return 0.5 * sure + 0.5 * min(1.0, quality / 0.6)


def _solve(
    S: Sequence[Features],
    T: Sequence[Features],
    weights: Sequence[float],
    shapes: Sequence[tuple[int, int]],
    prm: AlignParams,
    *,
    band: int | None,
    similarity: SimFn | None = None,
    progress: Progress | None = None,
    guide: Sequence[tuple[int, int]] | None = None,
) -> _Result:
    """Align two non-empty unit sequences, coarse-to-fine when they are long.

    ``guide`` is the path of an earlier pass; the corridor then follows it.
    """
    n, m = len(S), len(T)
    side_s, side_t = _Side.of(S), _Side.of(T)
    factor = prm.coarse_factor
    if guide is not None:  # a previous pass's path: search around it
        raw = _project(guide, 1, n, m)
        width = band if band is not None else prm.fine_band
    elif max(n, m) > prm.coarse_above and min(n, m) >= 4 * factor:
        coarse_shapes = [s for s in shapes if max(s) <= 2]
        coarse = _solve(_coarsen(S, factor), _coarsen(T, factor), weights, coarse_shapes, prm, band=None)
        raw = _project(coarse.steps, factor, n, m)
        width = band if band is not None else prm.fine_band
    else:
        raw = _diagonal(n, m)
        width = band if band is not None else prm.band
        if band is None and n * m <= prm.full_below:
            width = m  # small enough to search every cell
    corridor = _connect(raw[0], raw[1], m, [width] * (n + 1))
    result = _dp(side_s, side_t, weights, corridor, shapes, prm, similarity, progress)
    if _is_full(corridor, m):
        return result
    for round_ in range(1, _MAX_WIDENINGS):
        if not result.touched:
            break
        result = _repair(S, T, weights, shapes, prm, similarity, result, width << round_)
    return result


def _shifted(similarity: SimFn, di: int, dj: int) -> SimFn:
    """A similarity over a window's local indices, answered with whole-document indices."""

    def local(a0: int, a1: int, b0: int, b1: int) -> float:
        return similarity(a0 + di, a1 + di, b0 + dj, b1 + dj)

    return local


def _repair(
    S: Sequence[Features],
    T: Sequence[Features],
    weights: Sequence[float],
    shapes: Sequence[tuple[int, int]],
    prm: AlignParams,
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
    fits: list[float] = []
    touched: list[int] = []
    done = 0
    for k0, k1 in windows:
        (i0, j0), (i1, j1) = pos[k0], pos[k1]
        if i1 == i0 or j1 == j0:
            continue
        steps += result.steps[done:k0]
        confidences += result.confidences[done:k0]
        fits += result.fits[done:k0]
        raw = _project(result.steps[k0:k1], 1, i1 - i0, j1 - j0)
        corridor = _connect(raw[0], raw[1], j1 - j0, [width] * (i1 - i0 + 1))
        local = None if similarity is None else _shifted(similarity, i0, j0)
        sub = _dp(_Side.of(S[i0:i1]), _Side.of(T[j0:j1]), weights, corridor, shapes, prm, local, None)
        steps += sub.steps
        confidences += sub.confidences
        fits += sub.fits
        if not _is_full(corridor, j1 - j0):
            touched += [i0 + r for r in sub.touched]
        done = k1
    steps += result.steps[done:]
    confidences += result.confidences[done:]
    fits += result.fits[done:]
    return _Result(steps, confidences, touched, fits)


def _lexical_reliability(
    S: Sequence[Features], T: Sequence[Features], weights: Sequence[float], beads: Sequence[Bead]
) -> float:
    """Share of first-pass 1-1 beads whose two sentences share at least one full anchor.

    Near 1 when the pair has a lexicon or many cognates (EN–ES with the built-in
    lexicon), below 0.5 for unrelated scripts and vocabularies.  Only when it
    is high can a sentence that shares nothing with its bead be trusted to be
    an omission rather than part of a merge (the ``orphan`` cost).
    """
    ones = [b for b in beads if len(b.src) == 1 and len(b.tgt) == 1]
    if not ones:
        return 0.0
    hits = 0
    for bead in ones:
        common = S[bead.src[0]].keys & T[bead.tgt[0]].keys
        hits += sum(weights[k] for k in common) >= 1.0
    return hits / len(ones)


def _trivial(n: int, m: int) -> list[Bead]:
    return [Bead(src=(i,), tgt=(), confidence=1.0) for i in range(n)] + [
        Bead(src=(), tgt=(j,), confidence=1.0) for j in range(m)
    ]


def align_sentences(
    src: Sequence[str],
    tgt: Sequence[str],
    *,
    src_lang: str | None = None,
    tgt_lang: str | None = None,
    max_side: int = 3,
    scorer: SentenceScorer | None = None,
    band: int | None = None,
    second_pass: bool = True,
    progress: Progress | None = None,
    params: AlignParams | None = None,
) -> list[Bead]:
    """Align source sentences with their interpretation; one bead per link, in order.

    Every source and target index appears in exactly one bead; omissions are
    ``[i]:[]`` and additions ``[]:[j]``.  ``confidence`` on each bead combines
    its margin over the best rival bead and its own fit (see docs/alignment.md).
    ``src_lang``/``tgt_lang`` only switch on the EN–ES lexicon; the rest is
    language independent.  ``scorer`` replaces the built-in lexical similarity;
    ``band`` sets the initial half-width of the search corridor.
    """
    shapes = bead_shapes(max_side)
    if band is not None and (not isinstance(band, int) or band < 1):
        raise AlignmentError(f"band must be a positive integer, got {band!r}")
    if isinstance(src, str) or isinstance(tgt, str):
        raise AlignmentError("src and tgt must be sequences of sentences, not strings")
    prm = params or AlignParams()
    n, m = len(src), len(tgt)
    if n == 0 or m == 0:
        return _trivial(n, m)
    translate_src, translate_tgt = pair_translators(src_lang, tgt_lang)
    S, T, weights = build_features(src, tgt, src_translate=translate_src, tgt_translate=translate_tgt)
    similarity: SimFn | None = None
    if scorer is not None:
        cache: dict[tuple[int, int, int, int], float] = {}

        def similarity(i0: int, i1: int, j0: int, j1: int) -> float:
            key = (i0, i1, j0, j1)
            if key not in cache:
                value = float(scorer.similarity(src[i0:i1], tgt[j0:j1]))
                cache[key] = min(1.0, max(0.0, value))
            return cache[key]

    first_prm = replace(prm, orphan=0.0)
    result = _solve(S, T, weights, shapes, first_prm, band=band, similarity=similarity, progress=progress)
    beads = path_to_beads(result.steps, result.confidences)
    if second_pass and scorer is None:
        learned = learn_lexicon(src, tgt, path_to_beads(result.steps, result.fits))
        if learned:
            S, T, weights = build_features(
                src,
                tgt,
                src_translate=translate_src,
                tgt_translate=translate_tgt,
                src_learned=lambda w: learned.get(w, ()),
                tgt_learned=identity,
            )
        trust = _lexical_reliability(S, T, weights, beads)
        second_prm = replace(prm, orphan=prm.orphan * min(1.0, max(0.0, (trust - 0.5) / 0.3)))
        if learned or second_prm.orphan:
            result = _solve(
                S, T, weights, shapes, second_prm, band=band, progress=progress, guide=result.steps
            )
            beads = path_to_beads(result.steps, result.confidences)
    return beads

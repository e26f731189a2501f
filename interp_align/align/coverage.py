"""How much of each sentence a nearby sentence of the other side accounts for.

For every pair ``(s, t)`` of source and target units inside the search
corridor this computes two numbers: the rarity-weighted share of ``s``'s
words that have a match in ``t`` (``cov_src``) and the same for ``t``'s words
in ``s`` (``cov_tgt``).  A word's match is the strongest of its anchor keys
that the other unit also has: an identical word or figure (1), a cognate
prefix (0.8), a translation link (its learned strength).

A bead's lexical similarity is then built from these pair numbers alone (see
:mod:`.objective`), so candidate beads of several sentences cost a few array
look-ups.  The pairs are found by a join on keys, vectorised and done in
chunks of source units, so work and memory grow with the number of matches,
not with the number of unit pairs times words.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

__all__ = ["Entries", "PairCoverage", "pair_coverage"]

#: Source units per chunk of the join (bounds its temporaries on huge inputs).
CHUNK_UNITS = 256


@dataclass(frozen=True)
class Entries:
    """Key entries of one side's units: entry ``e`` is key ``key[e]`` of occurrence ``occ[e]``.

    ``unit`` is the entry's unit (sentence or block), ``strength`` the key's
    strength, ``weight`` its occurrence's rarity weight.
    """

    unit: np.ndarray
    occ: np.ndarray
    key: np.ndarray
    strength: np.ndarray
    weight: np.ndarray

    def take(self, mask: np.ndarray) -> Entries:
        return Entries(self.unit[mask], self.occ[mask], self.key[mask], self.strength[mask], self.weight[mask])


@dataclass(frozen=True)
class PairCoverage:
    """Per corridor pair, in a flat layout: pair ``(s, t)`` is at ``offset[s] + t - base[s]``.

    Row ``s`` holds targets ``base[s] ≤ t < base[s] + width[s]``.
    ``src_prefix`` holds, per row, running sums of ``cov_src`` (one more slot
    per row), so the coverage of ``s`` by a run of targets is two look-ups.
    """

    offset: np.ndarray
    base: np.ndarray
    width: np.ndarray
    cov_src: np.ndarray
    cov_tgt: np.ndarray
    src_prefix: np.ndarray
    prefix_offset: np.ndarray

    def src_run(self, s: np.ndarray, t0: np.ndarray, t1: np.ndarray) -> np.ndarray:
        """Σ cov_src(s, t) for t0 ≤ t < t1 (clipped to the row)."""
        b, w = self.base[s], self.width[s]
        lo = np.clip(t0 - b, 0, w)
        hi = np.clip(t1 - b, 0, w)
        at = self.prefix_offset[s]
        return self.src_prefix[at + hi] - self.src_prefix[at + lo]

    def tgt_at(self, s: np.ndarray, t: np.ndarray) -> np.ndarray:
        """cov_tgt(s, t), zero outside the row."""
        k = t - self.base[s]
        inside = (k >= 0) & (k < self.width[s])
        at = np.where(inside, self.offset[s] + np.where(inside, k, 0), 0)
        if not len(self.cov_tgt):
            return np.zeros(len(s))
        return np.where(inside, self.cov_tgt[np.minimum(at, len(self.cov_tgt) - 1)], 0.0)


def _group_max(codes: np.ndarray, values: np.ndarray, size: int) -> tuple[np.ndarray, np.ndarray]:
    """Per distinct code, in ascending order: the index of one member and the largest value.

    Codes below ``size`` (an occurrence and a unit of the other side) are grouped on a
    bitmap when ``size`` is small against the codes, as on a turn pair, instead of by a
    stable sort; the members of a group share everything the caller reads of the member,
    and a maximum does not depend on the order it is taken in, so both give the same.
    """
    if size > max(1 << 16, 8 * len(codes)):
        order = np.argsort(codes, kind="stable")
        sorted_codes = codes[order]
        starts = np.flatnonzero(np.r_[True, sorted_codes[1:] != sorted_codes[:-1]])
        return order[starts], np.maximum.reduceat(values[order], starts)
    best = np.full(size, -np.inf)
    np.maximum.at(best, codes, values)
    member = np.full(size, -1, dtype=np.int64)
    member[codes] = np.arange(len(codes))
    distinct = np.flatnonzero(member >= 0)
    return member[distinct], best[distinct]


def pair_coverage(src: Entries, tgt: Entries, base: np.ndarray, end: np.ndarray, n_tgt: int) -> PairCoverage:
    """Coverage of every pair ``(s, t)`` with ``base[s] ≤ t < end[s]``.

    ``src``/``tgt`` are the two sides' key entries; ``base``/``end`` the
    target window of each source unit.
    """
    n = len(base)
    width = np.maximum(end - base, 0)
    offset = np.concatenate(([0], np.cumsum(width)))
    total = int(offset[-1])
    cov_src = np.zeros(total)
    cov_tgt = np.zeros(total)
    stride = n_tgt + 1
    t_code = tgt.key * stride + tgt.unit
    t_order = np.argsort(t_code, kind="stable")
    t_sorted = t_code[t_order]
    s_order = np.argsort(src.unit, kind="stable")
    s_units = src.unit[s_order]
    for u0 in range(0, n, CHUNK_UNITS):
        a0, a1 = np.searchsorted(s_units, [u0, u0 + CHUNK_UNITS])
        if a0 == a1:
            continue
        idx = s_order[a0:a1]
        su, sk = src.unit[idx], src.key[idx]
        lo = np.searchsorted(t_sorted, sk * stride + base[su])
        hi = np.searchsorted(t_sorted, sk * stride + end[su])
        counts = hi - lo
        matches = int(counts.sum())
        if not matches:
            continue
        rep = np.repeat(np.arange(len(idx)), counts)
        start = np.repeat(lo - (np.cumsum(counts) - counts), counts)
        te = t_order[start + np.arange(matches)]
        se = idx[rep]
        strength = np.minimum(src.strength[se], tgt.strength[te])
        u = src.unit[se]
        v = tgt.unit[te]
        p0, p1 = int(offset[u0]), int(offset[min(n, u0 + CHUNK_UNITS)])
        pair = offset[u] + v - base[u] - p0
        codes = src.occ[se] * stride + v
        first, best = _group_max(codes, strength, int(codes.max()) + 1)
        cov_src[p0:p1] += np.bincount(pair[first], src.weight[se[first]] * best, minlength=p1 - p0)
        codes = tgt.occ[te] * (n + 1) + u
        first, best = _group_max(codes, strength, int(codes.max()) + 1)
        cov_tgt[p0:p1] += np.bincount(pair[first], tgt.weight[te[first]] * best, minlength=p1 - p0)
    prefix_offset = offset[:-1] + np.arange(n)
    src_prefix = np.zeros(total + n)
    if total:
        running = np.cumsum(cov_src)
        row_start = np.where(offset[:-1] > 0, running[np.maximum(offset[:-1] - 1, 0)], 0.0)
        row = np.repeat(np.arange(n), width)
        within = running - row_start[row]
        src_prefix[prefix_offset[row] + (np.arange(total) - offset[row]) + 1] = within
    return PairCoverage(offset[:-1], base, width, cov_src, cov_tgt, src_prefix, prefix_offset)

"""IBM model 1 word translation tables, learned by EM from the documents being aligned.

Interpreted sentences share few surface words with their originals, but the
same translations recur across a speech and across the speeches of one
language pair (``commission``/``commissione``, ``sécurité``/``security``).
IBM model 1 learns ``t(target word | source word)`` from sentence pairs whose
word alignment is unknown; trained in both directions, the geometric mean
``√(t(v|u)·t(u|v))`` keeps the pairs both directions agree on.  Training
pairs need not be right: a first pass uses every source sentence with the
target sentences near its diagonal position, a later pass the beads of the
first alignment.  Everything is vectorised over co-occurrence arrays, and the
number of training pairs is capped so huge inputs stay cheap.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

__all__ = ["LinkTable", "train_links"]

TrainingPair = tuple[np.ndarray, np.ndarray, float]


@dataclass(frozen=True)
class LinkTable:
    """Word-translation links ``src[k] ↔ tgt[k]`` with strength ``strength[k]`` in (0, 1]."""

    src: np.ndarray
    tgt: np.ndarray
    strength: np.ndarray

    def __len__(self) -> int:
        return len(self.src)

    @classmethod
    def empty(cls) -> LinkTable:
        return cls(np.zeros(0, np.int64), np.zeros(0, np.int64), np.zeros(0, np.float64))


def _sample(pairs: Sequence[TrainingPair], limit: int) -> list[TrainingPair]:
    if len(pairs) <= limit:
        return list(pairs)
    step = len(pairs) / limit
    return [pairs[int(k * step)] for k in range(limit)]


def _em(
    pairs: Sequence[TrainingPair], null: int, vocab_tgt: int, iterations: int
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """``t(v|u)`` for every co-occurring ``(u, v)``: unique codes ``u·V + v``, values, and co-occurrence weight."""
    u, v, group_of, pair_weight, group = _cooccurrences(pairs, null)
    if not len(u):
        return np.zeros(0, np.int64), np.zeros(0), np.zeros(0)
    codes, inverse = _unique_codes(u * vocab_tgt + v, (null + 1) * vocab_tgt)
    owner = codes // vocab_tgt
    t = np.ones(len(codes))
    for _ in range(iterations):
        tv = t[inverse]
        z = np.bincount(group_of, tv, minlength=group)
        counts = np.bincount(inverse, pair_weight * tv / z[group_of], minlength=len(codes))
        totals = np.bincount(owner, counts)
        t = counts / np.maximum(totals[owner], 1e-300)
    return codes, t, np.bincount(inverse, pair_weight, minlength=len(codes))


def _unique_codes(codes: np.ndarray, size: int) -> tuple[np.ndarray, np.ndarray]:
    """``np.unique(codes, return_inverse=True)`` for codes in ``[0, size)``: by a bitmap when
    ``size`` is small against the codes (a turn pair's vocabularies are), by sorting otherwise.
    Both give the sorted distinct codes and each code's place among them."""
    if size > max(1 << 16, 8 * len(codes)):
        return np.unique(codes, return_inverse=True)
    present = np.zeros(size, dtype=bool)
    present[codes] = True
    rank = np.cumsum(present) - 1
    return np.flatnonzero(present), rank[codes]


def _cooccurrences(pairs: Sequence[TrainingPair], null: int) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray, int]:
    """Every (source word or NULL, target word) of every pair with its target group and weight.

    Pair ``k`` contributes its source ids and ``null`` (``a`` words) against each of its ``b``
    target ids, target by target (one group each): what ``np.tile``/``np.repeat`` per pair
    gave, made with a few whole-array operations because there are thousands of small pairs
    per turn when records are aligned.
    """
    live = [(src, tgt, weight) for src, tgt, weight in pairs if len(tgt)]
    if not live:
        return np.zeros(0, np.int64), np.zeros(0, np.int64), np.zeros(0, np.int64), np.zeros(0), 0
    src_len = np.array([len(src) for src, _, _ in live], np.int64)
    a = src_len + 1
    b = np.array([len(tgt) for _, tgt, _ in live], np.int64)
    sources = np.insert(np.concatenate([src for src, _, _ in live]), np.cumsum(src_len), null)
    targets = np.concatenate([tgt for _, tgt, _ in live])
    # target k of the concatenation is group k, and holds its pair's a words
    per_group = np.repeat(a, b)
    group_of = np.repeat(np.arange(len(targets)), per_group)
    first = np.cumsum(per_group) - per_group
    shift = np.repeat(np.cumsum(a) - a, b) - first  # a group's first source, less where the group starts
    u = sources[np.repeat(shift, per_group) + np.arange(len(group_of))]
    weights = np.array([weight for _, _, weight in live])
    return u, targets[group_of], group_of, np.repeat(np.repeat(weights, b), per_group), len(targets)


def train_links(
    pairs: Sequence[TrainingPair],
    vocab_src: int,
    vocab_tgt: int,
    *,
    iterations: int = 5,
    threshold: float = 0.05,
    max_pairs: int = 20_000,
    max_links: int = 4,
    min_support: float = 0.0,
) -> LinkTable:
    """Symmetrised IBM model 1 links between source and target word ids.

    ``pairs`` are ``(source ids, target ids, weight)``; ids index a vocabulary
    per side.  A link is kept when ``√(t(v|u)·t(u|v)) ≥ threshold`` and its two
    words co-occur in pairs of total weight ≥ ``min_support`` (EM makes a pair
    of words seen together once look like a perfect translation), at most
    ``max_links`` per source word (the strongest).
    """
    chosen = _sample(pairs, max_pairs)
    if not chosen:
        return LinkTable.empty()
    fwd_codes, fwd, support = _em(chosen, vocab_src, vocab_tgt, iterations)
    back_codes, back, _ = _em([(t, s, w) for s, t, w in chosen], vocab_tgt, vocab_src, iterations)
    fwd = np.where(support >= min_support, fwd, 0.0)
    # t(u|v) indexed by the forward code u·V + v
    bu = back_codes % vocab_src  # the source word
    bv = back_codes // vocab_src  # the target word, or vocab_tgt for NULL
    keep = bv < vocab_tgt
    back_fwd_codes = bu[keep] * vocab_tgt + bv[keep]
    order = np.argsort(back_fwd_codes)
    back_sorted, back_values = back_fwd_codes[order], back[keep][order]
    real = fwd_codes // vocab_tgt < vocab_src
    fwd_codes, fwd = fwd_codes[real], fwd[real]
    at = np.clip(np.searchsorted(back_sorted, fwd_codes), 0, max(0, len(back_sorted) - 1))
    found = (back_sorted[at] == fwd_codes) if len(back_sorted) else np.zeros(len(fwd_codes), bool)
    strength = np.where(found, np.sqrt(fwd * np.where(found, back_values[at], 0.0)), 0.0)
    good = strength >= threshold
    src, tgt, strength = fwd_codes[good] // vocab_tgt, fwd_codes[good] % vocab_tgt, strength[good]
    order = np.lexsort((-strength, src))
    src, tgt, strength = src[order], tgt[order], strength[order]
    rank = np.arange(len(src)) - np.searchsorted(src, src)
    top = rank < max_links
    return LinkTable(src[top], tgt[top], np.minimum(1.0, strength[top]))

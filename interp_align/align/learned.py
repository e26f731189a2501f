"""A lexicon learned from the document pair itself (hunalign's second pass).

After a first alignment, the confident 1-1 beads are a small parallel corpus.
Words that keep turning up together in them (``seguridad``/``security``) are
probably translations, whatever the languages; scoring them as anchors in a
second pass lets the aligner use vocabulary it was never given.  Association
is measured with the Dice coefficient over bead co-occurrence, which is
robust for the few hundred beads a transcript offers.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence

from ..models import Bead
from .features import word_tokens

__all__ = ["learn_lexicon"]


def _sample(beads: Sequence[Bead], limit: int) -> list[Bead]:
    """At most ``limit`` beads, spread evenly, so learning stays cheap on huge inputs."""
    if len(beads) <= limit:
        return list(beads)
    step = len(beads) / limit
    return [beads[int(k * step)] for k in range(limit)]


def learn_lexicon(
    src: Sequence[str],
    tgt: Sequence[str],
    beads: Sequence[Bead],
    *,
    min_confidence: float = 0.5,
    min_count: int = 2,
    min_dice: float = 0.3,
    max_beads: int = 4000,
    max_translations: int = 3,
) -> Mapping[str, tuple[str, ...]]:
    """Source word → likely target words, from the confident 1-1 beads of a first pass.

    A pair is kept when it co-occurs in at least ``min_count`` beads and its
    Dice score ``2·c(s,t) / (c(s) + c(t))`` reaches ``min_dice``; each source
    word keeps its ``max_translations`` best partners.
    """
    chosen = _sample(
        [
            b
            for b in beads
            if len(b.src) == 1 and len(b.tgt) == 1 and b.confidence >= min_confidence
        ],
        max_beads,
    )
    src_count: Counter[str] = Counter()
    tgt_count: Counter[str] = Counter()
    pair_count: Counter[tuple[str, str]] = Counter()
    for bead in chosen:
        s_words = set(word_tokens(src[bead.src[0]]))
        t_words = set(word_tokens(tgt[bead.tgt[0]]))
        src_count.update(s_words)
        tgt_count.update(t_words)
        pair_count.update((s, t) for s in s_words for t in t_words)
    best: dict[str, list[tuple[float, str]]] = {}
    for (s, t), count in pair_count.items():
        if count < min_count:
            continue
        dice = 2.0 * count / (src_count[s] + tgt_count[t])
        if dice >= min_dice:
            best.setdefault(s, []).append((dice, t))
    return {
        s: tuple(t for _, t in sorted(partners, reverse=True)[:max_translations])
        for s, partners in best.items()
    }

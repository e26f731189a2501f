"""Bead shapes and invariants shared by the aligner, its evaluation and its tests."""

from __future__ import annotations

from collections.abc import Sequence

from ..errors import AlignmentError
from ..models import Bead

__all__ = ["bead_shapes", "check_cover", "path_to_beads"]


def bead_shapes(max_side: int, max_total: int = 5) -> list[tuple[int, int]]:
    """Allowed ``(source, target)`` sizes: 0-1, 1-0, and every a-b with a, b ≤ ``max_side``, a + b ≤ ``max_total``.

    Five in all (1-4, 2-3, 3-2, 4-1) is what Bertalign allows; the aligner's
    default is six (2-4, 3-3, 4-2 too): interpreters condense a run of short
    sentences into a few long ones, and a real 3-3 bead scored as smaller
    beads forces a wrong bead next to it.
    """
    if not isinstance(max_side, int) or max_side < 1:
        raise AlignmentError(f"max_side must be a positive integer, got {max_side!r}")
    shapes = [(0, 1), (1, 0)]
    for a in range(1, max_side + 1):
        for b in range(1, max_side + 1):
            if a + b <= max(2, max_total):
                shapes.append((a, b))
    return shapes


def path_to_beads(
    steps: Sequence[tuple[int, int]], confidences: Sequence[float] | None = None
) -> list[Bead]:
    """Turn a sequence of bead sizes (from the start) into :class:`Bead` objects."""
    beads = []
    i = j = 0
    for k, (a, b) in enumerate(steps):
        conf = 1.0 if confidences is None else min(1.0, max(0.0, confidences[k]))
        beads.append(Bead(src=tuple(range(i, i + a)), tgt=tuple(range(j, j + b)), confidence=conf))
        i += a
        j += b
    return beads


def check_cover(beads: Sequence[Bead], n_src: int, n_tgt: int) -> None:
    """Raise ``AlignmentError`` unless the beads are monotonic and cover each index once."""
    i = j = 0
    for bead in beads:
        if not bead.src and not bead.tgt:
            raise AlignmentError("empty bead")
        if bead.src != tuple(range(i, i + len(bead.src))):
            raise AlignmentError(f"bead {bead.format()} does not continue source at {i}")
        if bead.tgt != tuple(range(j, j + len(bead.tgt))):
            raise AlignmentError(f"bead {bead.format()} does not continue target at {j}")
        i += len(bead.src)
        j += len(bead.tgt)
    if (i, j) != (n_src, n_tgt):
        raise AlignmentError(f"beads cover {i}/{n_src} source and {j}/{n_tgt} target sentences")

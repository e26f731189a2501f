"""ftfy's mojibake check (``ftfy.badness.is_bad``), answered the same way at a fraction of the cost.

``is_bad(text)`` is ``bool(BADNESS_RE.search(text))``: a regex of some forty alternatives
tried at every position, about 2 ms on the 20,000-character sample the parser checks, which
was a third of parsing a typical record.  Every alternative contains at least one character
class made only of non-ASCII characters, most of them rare in English and Spanish (C1
controls, currency signs, box drawing).  This module reads ftfy's own compiled pattern and, for
each alternative, picks its rarest such class (the *anchor*) and the offsets the anchor can
have from the start of a match.  A match can then only start at an anchor's position minus one
of those offsets, so ``is_bad`` runs ftfy's regex (``match``, not ``search``) at those few
places only: the same answer, since ``search`` is ``match`` tried at every position.

Nothing of ftfy is copied: the pattern is read at import time, and when its shape is not
one this module understands (a newer ftfy), ``is_bad`` is ftfy's own.
"""

from __future__ import annotations

import importlib
import re
import sys
from collections.abc import Callable, Iterable
from typing import Any

__all__ = ["is_bad"]

# The regex parser's modules (``re._parser`` since 3.11, ``sre_parse`` before), untyped.
_NEW = sys.version_info >= (3, 11)
_sre_constants: Any = importlib.import_module("re._constants" if _NEW else "sre_constants")
_sre_parse: Any = importlib.import_module("re._parser" if _NEW else "sre_parse")

#: Characters frequent in English and Spanish records: an anchor avoids them where it can.
_FREQUENT = frozenset("áéíóúñüÁÉÍÓÚÑÜ¿¡“”‘’–—…«»\u00a0°ºª·´")


class _Unknown(Exception):
    """The pattern has a shape this module does not analyse."""


def _charset(op: Any, av: Any) -> frozenset[int] | None:
    """The code points one element matches, or ``None`` when it is not a plain set."""
    if op is _sre_constants.LITERAL:
        return frozenset((av,))
    if op is _sre_constants.IN:
        points: set[int] = set()
        for item_op, item_av in av:
            if item_op is _sre_constants.LITERAL:
                points.add(item_av)
            elif item_op is _sre_constants.RANGE:
                points.update(range(item_av[0], item_av[1] + 1))
            else:  # NEGATE, CATEGORY: a broad class, never an anchor
                return None
        return frozenset(points)
    return None


def _width(op: Any, av: Any) -> tuple[int, int]:
    """Least and most characters one element consumes."""
    if op in (_sre_constants.LITERAL, _sre_constants.IN, _sre_constants.ANY, _sre_constants.CATEGORY):
        return 1, 1
    if op is _sre_constants.AT:
        return 0, 0
    if op in (_sre_constants.MAX_REPEAT, _sre_constants.MIN_REPEAT):
        low, high, sub = av
        inner = [_width(o, a) for o, a in sub]
        if high is _sre_constants.MAXREPEAT or any(lo != hi for lo, hi in inner):
            raise _Unknown
        each = sum(lo for lo, _ in inner)
        return low * each, high * each
    raise _Unknown


def _anchor(elements: Iterable[tuple[Any, Any]]) -> tuple[frozenset[int], frozenset[int]]:
    """The rarest all-non-ASCII class of one alternative and its possible offsets in a match."""
    best: tuple[tuple[int, int], frozenset[int], frozenset[int]] | None = None
    low = high = 0
    for op, av in elements:
        points = _charset(op, av)
        if points is not None and min(points) >= 128:
            cost = (sum(chr(p) in _FREQUENT for p in points), len(points))
            if best is None or cost < best[0]:
                best = (cost, points, frozenset(range(low, high + 1)))
        step_low, step_high = _width(op, av)
        low, high = low + step_low, high + step_high
    if best is None:
        raise _Unknown
    return best[1], best[2]


def _build(pattern: re.Pattern[str]) -> Callable[[str], bool] | None:
    """An exact, faster ``bool(pattern.search(text))`` for a pattern of anchored alternatives."""
    try:
        parsed = _sre_parse.parse(pattern.pattern, pattern.flags)
        if len(parsed.data) != 1 or parsed.data[0][0] is not _sre_constants.BRANCH:
            raise _Unknown
        branches = parsed.data[0][1][1]
        anchors = [_anchor(branch.data) for branch in branches]
    except (_Unknown, re.error, TypeError, ValueError, IndexError):
        return None
    points = frozenset().union(*(a for a, _ in anchors))
    offsets = tuple(sorted(frozenset().union(*(o for _, o in anchors))))
    finder = re.compile("[" + "".join(re.escape(chr(p)) for p in sorted(points)) + "]")
    match = pattern.match

    def is_bad(text: str) -> bool:
        tried: set[int] = set()
        for found in finder.finditer(text):
            position = found.start()
            for offset in offsets:
                start = position - offset
                if start >= 0 and start not in tried:
                    tried.add(start)
                    if match(text, start):
                        return True
        return False

    return is_bad


def _ftfy_is_bad() -> Callable[[str], bool] | None:
    try:
        from ftfy import badness
    except ImportError:  # pragma: no cover - ftfy is a dependency
        return None
    return _build(badness.BADNESS_RE) or badness.is_bad


_IS_BAD = _ftfy_is_bad()


def is_bad(text: str) -> bool:
    """``ftfy.badness.is_bad(text)``: whether ``text`` looks like mojibake (False without ftfy)."""
    return _IS_BAD is not None and _IS_BAD(text)

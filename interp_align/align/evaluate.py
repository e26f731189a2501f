"""Reading, writing and scoring alignments in the Vecalign gold format.

Scores follow the strict/lax precision and recall of Vecalign's scorer (after
Sennrich & Volk's Bleualign evaluation), so figures are comparable with
published ones:

* Precision is over the *test* beads (duplicates and ``[]:[]`` ignored).  A
  test bead is a strict hit when the identical bead is in the gold; otherwise
  it is a lax hit when one of its target sentences is linked, in the gold, to
  one of its source sentences.  An omission or addition that is not in the
  gold can never be a lax hit (one side is empty).
* Recall is the same computation with the roles swapped and beads with an
  empty side left out on *both* sides: omissions and additions do not count
  towards recall at all.
* Several documents are scored micro-averaged: counts are summed first.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from pathlib import Path

from pydantic import BaseModel, ConfigDict

from ..errors import InputError, ParseError
from ..models import Bead

__all__ = [
    "AlignmentScore",
    "format_beads",
    "parse_beads",
    "read_beads",
    "recall_by_kind",
    "score",
    "score_many",
    "write_beads",
]

_LINE = re.compile(r"^\s*\[([\d,\s]*)\]\s*:\s*\[([\d,\s]*)\]\s*$")


def _indices(text: str) -> tuple[int, ...]:
    parts = [p.strip() for p in text.split(",")]
    if parts == [""]:
        return ()
    if any(not p.isdecimal() for p in parts):
        raise ValueError(text)
    return tuple(int(p) for p in parts)


def parse_beads(text: str, path: str | None = None) -> list[Bead]:
    """Beads from Vecalign-format text; blank lines are skipped, bad lines raise ``ParseError``."""
    beads = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        match = _LINE.match(line)
        try:
            if match is None:
                raise ValueError(line)
            beads.append(Bead(src=_indices(match.group(1)), tgt=_indices(match.group(2))))
        except ValueError:
            raise ParseError(
                f"not a bead like [0]:[0] or [1, 2]:[]: {line.strip()[:60]!r}",
                path=path,
                line=number,
            ) from None
    return beads


def read_beads(path: str | Path) -> list[Bead]:
    """Beads from a gold or test file."""
    try:
        text = Path(path).read_text(encoding="utf-8")
    except OSError as exc:
        raise InputError(
            f"cannot read alignment file: {exc.strerror or exc}", path=str(path)
        ) from None
    return parse_beads(text, str(path))


def format_beads(beads: Iterable[Bead]) -> str:
    """One bead per line, e.g. ``[1, 2]:[3]``, with a final newline."""
    return "".join(bead.format() + "\n" for bead in beads)


def write_beads(path: str | Path, beads: Iterable[Bead]) -> None:
    Path(path).write_text(format_beads(beads), encoding="utf-8")


class AlignmentScore(BaseModel):
    """Strict and lax precision, recall and F1, with the raw counts behind them."""

    model_config = ConfigDict(frozen=True)

    precision_strict: float
    recall_strict: float
    f1_strict: float
    precision_lax: float
    recall_lax: float
    f1_lax: float
    #: test beads counted for precision: strict hits, lax hits, total
    test_strict_hits: int
    test_lax_hits: int
    test_beads: int
    #: non-empty gold beads counted for recall: strict hits, lax hits, total
    gold_strict_hits: int
    gold_lax_hits: int
    gold_beads: int
    documents: int = 1

    def format(self) -> str:
        """A small table for people."""
        return (
            f"{'':10}{'strict':>8}{'lax':>8}\n"
            f"{'precision':10}{self.precision_strict:8.3f}{self.precision_lax:8.3f}\n"
            f"{'recall':10}{self.recall_strict:8.3f}{self.recall_lax:8.3f}\n"
            f"{'F1':10}{self.f1_strict:8.3f}{self.f1_lax:8.3f}\n"
            f"({self.documents} document(s), {self.test_beads} test beads, {self.gold_beads} gold links)"
        )


Link = tuple[tuple[int, ...], tuple[int, ...]]


def _hits(reference: Sequence[Link], candidates: Sequence[Link]) -> tuple[int, int, int]:
    """(strict hits, lax hits, candidates counted) of ``candidates`` against ``reference``."""
    ref = {(s, t) for s, t in reference if s or t}
    linked: dict[int, set[int]] = {}
    for s_side, t_side in ref:
        for s in s_side:
            linked.setdefault(s, set()).update(t_side)
    strict = lax = 0
    counted = {(s, t) for s, t in candidates if s or t}
    for s_side, t_side in counted:
        if (s_side, t_side) in ref:
            strict += 1
            lax += 1
        elif any(t in linked.get(s, ()) for s in s_side for t in t_side):
            lax += 1
    return strict, lax, len(counted)


def _ratio(num: int, den: int) -> float:
    return num / den if den else 0.0


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def score_many(pairs: Iterable[tuple[Sequence[Bead], Sequence[Bead]]]) -> AlignmentScore:
    """Micro-averaged score over ``(gold, test)`` pairs, one pair per document."""
    totals = [0] * 6
    documents = 0
    for gold, test in pairs:
        documents += 1
        g = [(b.src, b.tgt) for b in gold]
        t = [(b.src, b.tgt) for b in test]
        p = _hits(g, t)
        r = _hits([x for x in t if x[0] and x[1]], [x for x in g if x[0] and x[1]])
        for k, v in enumerate(p + r):
            totals[k] += v
    ps, pl, pn, rs, rl, rn = totals
    precision_strict, precision_lax = _ratio(ps, pn), _ratio(pl, pn)
    recall_strict, recall_lax = _ratio(rs, rn), _ratio(rl, rn)
    return AlignmentScore(
        precision_strict=precision_strict,
        recall_strict=recall_strict,
        f1_strict=_f1(precision_strict, recall_strict),
        precision_lax=precision_lax,
        recall_lax=recall_lax,
        f1_lax=_f1(precision_lax, recall_lax),
        test_strict_hits=ps,
        test_lax_hits=pl,
        test_beads=pn,
        gold_strict_hits=rs,
        gold_lax_hits=rl,
        gold_beads=rn,
        documents=documents,
    )


def score(gold: Sequence[Bead], test: Sequence[Bead]) -> AlignmentScore:
    """Strict and lax P/R/F1 of one test alignment against its gold."""
    return score_many([(gold, test)])


def recall_by_kind(pairs: Iterable[tuple[Sequence[Bead], Sequence[Bead]]]) -> dict[str, tuple[int, int]]:
    """Per gold bead shape (``"1-1"``, ``"2-1"``, ``"1-0"``, ...): (found exactly in the test, total).

    Unlike :func:`score_many` this counts omissions and additions too, so it
    shows whether the aligner predicts them where the gold has them.
    """
    found: dict[str, list[int]] = {}
    for gold, test in pairs:
        predicted = {(b.src, b.tgt) for b in test}
        for bead in gold:
            if not bead.src and not bead.tgt:
                continue
            entry = found.setdefault(f"{len(bead.src)}-{len(bead.tgt)}", [0, 0])
            entry[0] += (bead.src, bead.tgt) in predicted
            entry[1] += 1
    return {k: (v[0], v[1]) for k, v in sorted(found.items(), key=lambda kv: (-kv[1][1], kv[0]))}

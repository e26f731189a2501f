"""Names in running text that nearly, but not exactly, match a speaker or roster name.

"Roderíguez" against the label "RODRÍGUEZ" is a misspelling; "Rodriguez"
against "Rodríguez" differs only in accents and is reported at a lower
severity, because records often drop accents on purpose.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from ...models import Severity
from ..context import CheckContext
from ..frequencies import folded, zipf
from ..models import Finding
from .base import RuleInfo

__all__ = ["RULES", "edit_distance", "run"]

RULES = (
    RuleInfo("IA301", "name-misspelled", "names", Severity.WARNING, "A name that nearly matches a speaker's name: probably misspelled."),
    RuleInfo("IA302", "name-accents", "names", Severity.INFO, "A speaker's name written with different accents."),
)

_CAPITALISED = re.compile(r"\b[^\W\d_][^\W\d_'’]*(?:-[^\W\d_]+)*")
#: A word this frequent in either language is a word, not a misspelled name.
_COMMON_ZIPF = 2.5


def edit_distance(a: str, b: str) -> int:
    """Levenshtein distance (insertions, deletions, substitutions all cost one)."""
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i]
        for j, cb in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb)))
        previous = current
    return previous[-1]


@lru_cache(maxsize=32768)
def _common(word: str) -> bool:
    key = word.lower()
    return max(zipf(key, "en"), zipf(key, "es")) >= _COMMON_ZIPF


def _similarity(a: str, b: str) -> float:
    return 1.0 - edit_distance(a, b) / max(len(a), len(b))


@lru_cache(maxsize=32768)
def _nearest(key: str, roster: tuple[str, ...]) -> tuple[str, float]:
    """The roster name closest to ``key`` and its similarity.

    Only names of about the same length that start with the same letter are
    compared: a misspelling keeps the initial, and the edit distance is costly.
    """
    best, score = "", 0.0
    for name in roster:
        if name[:1] != key[:1] or abs(len(name) - len(key)) > 2:
            continue
        similarity = _similarity(key, name)
        if similarity > score:
            best, score = name, similarity
    return best, score


def run(ctx: CheckContext) -> Iterator[Finding]:
    roster = ctx.roster
    t = ctx.thresholds
    if not roster:
        return
    for turn in ctx.transcript.turns:
        body = ctx.masked_body(turn)
        offset = turn.body_start - turn.start
        for m in _CAPITALISED.finditer(body, offset):
            token = m.group()
            if not token[0].isupper() or token.isupper() or len(token) < t.name_min_length:
                continue
            key = folded(token)
            start, end = turn.start + m.start(), turn.start + m.end()
            if key in roster:
                wanted = roster[key]
                if token.casefold() != wanted.casefold():
                    finding = ctx.finding(
                        "IA302", start, end,
                        f"name accents: {token!r} is written {wanted!r} in the speaker labels",
                        suggestion=wanted,
                    )
                    if finding:
                        yield finding
                continue
            if _common(token):
                continue
            best, score = _nearest(key, tuple(roster))
            if len(best) >= t.name_min_length and score >= t.name_similarity and not key.startswith(best + "s"):
                finding = ctx.finding(
                    "IA301", start, end,
                    f"name misspelled: {token!r} nearly matches the speaker name {roster[best]!r} "
                    f"(similarity {score:.2f})",
                    suggestion=roster[best],
                    score=round(score, 3),
                )
                if finding:
                    yield finding

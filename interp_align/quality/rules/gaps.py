"""Gaps in the record: inaudible, unintelligible, crosstalk, off-mic, transmission failures.

The vocabulary (English and Spanish) is the parser's marker table, so a note
the parser recognises and a note this rule reports are the same thing.
"""

from __future__ import annotations

from collections.abc import Iterator

from ...lang.markers import CANDIDATE, classify
from ...models import MarkerKind, Severity
from ...normalize import fold, match_view
from ..context import CheckContext
from ..models import Finding
from .base import RuleInfo

__all__ = ["GAP_RULES", "RULES", "run"]

RULES = (
    RuleInfo("IA101", "inaudible", "gaps", Severity.WARNING, "A passage marked inaudible: words are missing from the record."),
    RuleInfo("IA102", "unintelligible", "gaps", Severity.WARNING, "A passage marked unintelligible or indiscernible."),
    RuleInfo("IA103", "crosstalk", "gaps", Severity.INFO, "Overlapping speech marked crosstalk: the record may be incomplete."),
    RuleInfo("IA104", "off-mic", "gaps", Severity.INFO, "Speech off microphone: words may be missing."),
    RuleInfo("IA105", "transmission-failure", "gaps", Severity.WARNING, "Audio or transmission failure: a stretch of speech is lost."),
)

#: Marker kind → rule id; the density metrics count these rules as gaps.
GAP_RULES = {
    MarkerKind.INAUDIBLE: "IA101",
    MarkerKind.UNINTELLIGIBLE: "IA102",
    MarkerKind.CROSSTALK: "IA103",
    MarkerKind.OFF_MIC: "IA104",
    MarkerKind.TRANSMISSION_FAILURE: "IA105",
}

_WHAT = {
    "IA101": "inaudible passage",
    "IA102": "unintelligible passage",
    "IA103": "crosstalk",
    "IA104": "speech off microphone",
    "IA105": "transmission failure",
}


def run(ctx: CheckContext) -> Iterator[Finding]:
    """One finding per gap note, wherever it stands (turn bodies, but also stray lines)."""
    text = ctx.transcript.text
    view = match_view(text)
    for match in CANDIDATE.finditer(view):
        inner = match.group(1) or match.group(2) or ""
        spec = classify(fold(inner))
        if spec is None or spec.kind not in GAP_RULES:
            continue
        code = GAP_RULES[spec.kind]
        when = f" at {spec.timestamp}" if spec.timestamp else ""
        finding = ctx.finding(
            code, match.start(), match.end(),
            f"{_WHAT[code]}{when} marked {match.group()!r}: words are missing here",
        )
        if finding:
            yield finding

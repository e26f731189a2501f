"""Result models of a quality check: findings, metrics and the report.

Findings are linter-shaped (stable rule id, severity, span with line and
column) so they can be printed, gated on in CI and exported to SARIF without
re-deriving anything.  Metrics keep raw counts *and* rates, and the report
carries a signature naming every setting that affects the figures.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field

from ..models import Severity

__all__ = [
    "Finding",
    "Location",
    "QualityReport",
    "ReferenceScores",
    "RuleCount",
    "ScopeMetrics",
    "SegmentScore",
    "SentenceScore",
]

Offset = Annotated[int, Field(ge=0)]


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Location(_Frozen):
    """A span in some file: offsets plus 1-based line/column of the start and end."""

    path: str | None = None
    start: Offset
    end: Offset
    line: int = Field(ge=1)
    column: int = Field(ge=1)
    end_line: int = Field(ge=1)
    end_column: int = Field(ge=1)
    excerpt: str = ""
    turn: int | None = None
    speaker: str | None = None


class Finding(_Frozen):
    """One problem found: which rule, how bad, where, and what to do about it.

    ``rule`` is the stable id (``"IA101"``) and ``name`` its slug
    (``"inaudible"``).  ``location`` is in the checked file; ``related`` holds
    other places the finding is about (the Spanish sentence an omission drops).
    ``suggestion`` is set only when the repair is certain.
    """

    rule: str
    name: str
    severity: Severity
    message: str
    location: Location
    suggestion: str | None = None
    related: tuple[Location, ...] = ()
    score: float | None = None


class RuleCount(_Frozen):
    """How often one rule fired in a scope, and per 1,000 words."""

    rule: str
    count: int
    per_1000_words: float


class ScopeMetrics(_Frozen):
    """Counts and rates for one turn, one speaker, or the whole document."""

    scope: Literal["document", "speaker", "turn"]
    key: str
    label: str | None = None
    turns: int
    words: int
    sentences: int
    findings: int
    errors: int
    warnings: int
    infos: int
    findings_per_1000_words: float
    gaps: int
    gaps_per_1000_words: float
    garbled_sentences: int
    garbled_rate: float
    by_rule: tuple[RuleCount, ...] = ()


class SentenceScore(_Frozen):
    """The garble score of one sentence (0 clean … 1 unreadable) and the signals behind it."""

    turn: int
    sentence: int
    start: Offset
    end: Offset
    score: float
    reasons: tuple[str, ...] = ()


class SegmentScore(_Frozen):
    """chrF and BLEU of one segment against the reference translation."""

    turn: int
    reference_turn: int
    chrf: float
    bleu: float


class ReferenceScores(_Frozen):
    """Corpus and per-segment scores against a reference, with sacrebleu's own signatures."""

    chrf: float
    bleu: float
    chrf_signature: str
    bleu_signature: str
    segments: tuple[SegmentScore, ...] = ()


class QualityReport(_Frozen):
    """Everything a check found in one transcript, with metrics at three levels."""

    path: str | None = None
    language: str | None = None
    findings: tuple[Finding, ...] = ()
    document: ScopeMetrics
    speakers: tuple[ScopeMetrics, ...] = ()
    turns: tuple[ScopeMetrics, ...] = ()
    sentences: tuple[SentenceScore, ...] = ()
    reference: ReferenceScores | None = None
    signature: str = ""

    def count(self, severity: Severity) -> int:
        """Number of findings of exactly this severity."""
        return sum(1 for f in self.findings if f.severity is severity)

    def worst(self) -> Severity | None:
        """The highest severity among the findings, or ``None`` when there are none."""
        return max((f.severity for f in self.findings), key=lambda s: s.rank, default=None)

    def fails(self, threshold: Severity | None) -> bool:
        """True when a finding is at or above ``threshold`` (``None`` never fails)."""
        return threshold is not None and any(f.severity.rank >= threshold.rank for f in self.findings)

    def format(self, fmt: str = "text") -> str:
        """This report for people (``"text"``) or tools (``"json"``, ``"github"``, ``"sarif"``)."""
        from .formats import format_reports  # formats renders models; import late to avoid a cycle

        return format_reports([self], fmt)

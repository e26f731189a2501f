"""The entry point: run every selected rule family over a transcript and build the report."""

from __future__ import annotations

from .._gc import fewer_collections
from ..errors import AlignmentError
from ..models import Alignment, Transcript
from .config import QualityConfig
from .context import CheckContext
from .metrics import scope_metrics, sentence_scores
from .models import Finding, QualityReport
from .rules.base import families
from .rules.reference import score_reference

__all__ = ["check"]


def _align(transcript: Transcript, original: Transcript) -> Alignment:
    """Align the two records, English first whichever one is checked (a Spanish rendering can be checked too)."""
    try:
        from ..align.turns import align
    except ImportError as exc:  # pragma: no cover - the aligner ships with the package
        raise AlignmentError(f"the aligner is not available: {exc}") from exc
    if _lang(transcript) == "es" and _lang(original) == "en":
        return align(original, transcript)
    return align(transcript, original)


def _lang(transcript: Transcript) -> str:
    return transcript.language.code.split("-")[0] if transcript.language else "en"


def check(
    transcript: Transcript,
    *,
    original: Transcript | None = None,
    alignment: Alignment | None = None,
    reference: Transcript | None = None,
    config: QualityConfig | None = None,
) -> QualityReport:
    """Check one transcript and return every finding with metrics and a signature.

    ``original`` is the other record of the same event (the Spanish one for an
    English record, or the English one for a Spanish record): when given without
    an ``alignment`` the records are aligned here, and the fidelity rules run.
    ``reference`` is a reference translation, paired turn by turn, for chrF/BLEU.
    """
    with fewer_collections():
        return _check(transcript, original, alignment, reference, config or QualityConfig())


def _check(
    transcript: Transcript,
    original: Transcript | None,
    alignment: Alignment | None,
    reference: Transcript | None,
    config: QualityConfig,
) -> QualityReport:
    if original is not None and alignment is None:
        alignment = _align(transcript, original)
    ctx = CheckContext(transcript, config, alignment=alignment, reference=reference)
    ctx.reference_scores = score_reference(ctx)
    findings: list[Finding] = []
    for family in families():
        if not any(config.enabled(rule) for rule in family.RULES):
            continue
        findings.extend(family.run(ctx))
    findings.sort(key=lambda f: (f.location.start, f.location.end, f.rule))
    scores = sentence_scores(ctx, findings)
    document, speakers, turns = scope_metrics(ctx, findings, scores)
    parts = [config.signature()]
    if alignment is not None:
        parts.append(f"alignment:[{alignment.signature}]")
    if ctx.reference_scores is not None:
        parts.append(f"chrf:[{ctx.reference_scores.chrf_signature}]")
    return QualityReport(
        path=transcript.path,
        language=ctx.language,
        findings=tuple(findings),
        document=document,
        speakers=tuple(speakers),
        turns=tuple(turns),
        sentences=tuple(scores),
        reference=ctx.reference_scores,
        signature="|".join(parts),
    )

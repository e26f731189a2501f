"""Scores against a reference translation, with sacrebleu's own signatures.

The reference is a transcript of the same event in the checked record's
language (a translator's version of what the interpreter rendered).  Turns are
paired in order, so the reference must have as many turns as the record.
"""

from __future__ import annotations

from collections.abc import Iterator

import sacrebleu

from ...errors import InputError
from ...models import Severity, Transcript, Turn
from ..context import CheckContext
from ..models import Finding, ReferenceScores, SegmentScore
from .base import RuleInfo

__all__ = ["RULES", "run", "score_reference"]

RULES = (
    RuleInfo("IA701", "low-chrf", "reference", Severity.INFO, "A turn whose chrF against the reference translation is low.", "reference"),
)


def _segment(ctx: CheckContext, turn: Turn) -> str:
    start = turn.body_start - turn.start
    return " ".join(ctx.masked_body(turn)[start : turn.body_end - turn.start].split())


def score_reference(ctx: CheckContext) -> ReferenceScores | None:
    """Per-turn and corpus chrF and BLEU of the checked record against ``ctx.reference``."""
    reference: Transcript | None = ctx.reference
    if reference is None:
        return None
    turns, refs = ctx.transcript.turns, reference.turns
    if len(turns) != len(refs):
        raise InputError(
            f"the reference has {len(refs)} turns and the record {len(turns)}: turns are paired in order",
            path=reference.path,
        )
    hyps = [_segment(ctx, t) for t in turns]
    ref_ctx = CheckContext(reference, ctx.config)
    ref_texts = [_segment(ref_ctx, t) for t in refs]
    chrf, bleu = sacrebleu.CHRF(), sacrebleu.BLEU(effective_order=True)
    segments = tuple(
        SegmentScore(turn=t.index, reference_turn=r.index,
                     chrf=round(chrf.sentence_score(h, [rt]).score, 2),
                     bleu=round(bleu.sentence_score(h, [rt]).score, 2))
        for t, r, h, rt in zip(turns, refs, hyps, ref_texts, strict=True)
        if h and rt
    )
    corpus_chrf, corpus_bleu = sacrebleu.CHRF(), sacrebleu.BLEU()
    pairs = [(h, rt) for h, rt in zip(hyps, ref_texts, strict=True) if h and rt]
    c = corpus_chrf.corpus_score([h for h, _ in pairs], [[rt for _, rt in pairs]])
    b = corpus_bleu.corpus_score([h for h, _ in pairs], [[rt for _, rt in pairs]])
    return ReferenceScores(
        chrf=round(c.score, 2), bleu=round(b.score, 2),
        chrf_signature=str(corpus_chrf.get_signature()), bleu_signature=str(corpus_bleu.get_signature()),
        segments=segments,
    )


def run(ctx: CheckContext) -> Iterator[Finding]:
    scores = ctx.reference_scores
    if scores is None:
        return
    for seg in scores.segments:
        if seg.chrf >= ctx.thresholds.chrf_low:
            continue
        turn = ctx.transcript.turns[seg.turn]
        finding = ctx.finding(
            "IA701", turn.body_start, turn.body_end,
            f"low chrF: {seg.chrf:.1f} against reference turn {seg.reference_turn} "
            f"(threshold {ctx.thresholds.chrf_low}; BLEU {seg.bleu:.1f})",
            score=seg.chrf,
        )
        if finding:
            yield finding

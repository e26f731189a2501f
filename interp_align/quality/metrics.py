"""Counts and rates per turn, per speaker and per document, derived from the findings.

Metrics are computed from findings, never alongside them, so a disabled rule
changes the figures exactly as the signature says it does.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence

from ..models import Severity, Transcript, Turn
from .context import CheckContext
from .models import Finding, RuleCount, ScopeMetrics, SentenceScore
from .rules.gaps import GAP_RULES

__all__ = ["scope_metrics", "sentence_scores", "word_count"]

_WORD = re.compile(r"\w+(?:['’]\w+)*")
_GAP_CODES = frozenset(GAP_RULES.values())
_GARBLE_FAMILY = "IA2"


def word_count(text: str) -> int:
    return len(_WORD.findall(text))


def _per_1000(count: int, words: int) -> float:
    return round(1000.0 * count / words, 3) if words else 0.0


def sentence_scores(ctx: CheckContext, findings: Sequence[Finding]) -> list[SentenceScore]:
    """Garble score of every sentence with at least one garble signal, with its reasons."""
    by_offset: dict[tuple[int, int], list[Finding]] = defaultdict(list)
    index: list[tuple[int, int, int, int]] = []
    for turn in ctx.transcript.turns:
        for s in ctx.sentences(turn):
            index.append((s.start, s.end, turn.index, s.index))
    index.sort()
    starts = [start for start, *_ in index]
    for f in findings:
        if not f.rule.startswith(_GARBLE_FAMILY):
            continue
        # sentences never overlap: the one holding the finding is the last starting at or before it
        i = bisect.bisect_right(starts, f.location.start) - 1
        if i >= 0:
            start, end, turn_index, sentence = index[i]
            if start <= f.location.start < max(end, start + 1):
                by_offset[(turn_index, sentence)].append(f)
    scores = []
    spans = {(t, s): (a, b) for a, b, t, s in index}
    for (turn_index, sentence), found in sorted(by_offset.items()):
        a, b = spans[(turn_index, sentence)]
        score = min(1.0, sum(f.score or 0.0 for f in found))
        reasons = tuple(f"{f.rule} {f.name}: {f.location.excerpt[:40]!r}" for f in found)
        scores.append(SentenceScore(turn=turn_index, sentence=sentence, start=a, end=b,
                                    score=round(score, 3), reasons=reasons))
    return scores


def _scope(
    ctx: CheckContext, scope: str, key: str, turns: Iterable[Turn], findings: Iterable[Finding],
    garbled: Counter[int], words_of: Sequence[int], label: str | None = None,
) -> ScopeMetrics:
    """The metrics of some turns; ``words_of[i]`` is turn ``i``'s word count (each turn is in three scopes)."""
    turns = list(turns)
    found = list(findings)
    words = sum(words_of[t.index] for t in turns)
    sentences = sum(map(ctx.sentence_count, turns))
    n_garbled = sum(garbled[t.index] for t in turns)
    gaps = sum(1 for f in found if f.rule in _GAP_CODES)
    severities = Counter(f.severity for f in found)
    by_rule = tuple(
        RuleCount(rule=rule, count=n, per_1000_words=_per_1000(n, words))
        for rule, n in sorted(Counter(f.rule for f in found).items())
    )
    return ScopeMetrics(
        scope=scope,
        key=key, label=label, turns=len(turns), words=words, sentences=sentences, findings=len(found),
        errors=severities[Severity.ERROR], warnings=severities[Severity.WARNING], infos=severities[Severity.INFO],
        findings_per_1000_words=_per_1000(len(found), words), gaps=gaps, gaps_per_1000_words=_per_1000(gaps, words),
        garbled_sentences=n_garbled, garbled_rate=round(n_garbled / sentences, 4) if sentences else 0.0,
        by_rule=by_rule,
    )


def scope_metrics(
    ctx: CheckContext, findings: Sequence[Finding], scores: Sequence[SentenceScore],
) -> tuple[ScopeMetrics, list[ScopeMetrics], list[ScopeMetrics]]:
    """Document, per-speaker and per-turn metrics.

    A sentence counts as garbled when its score reaches ``thresholds.garbled_score``.
    Findings outside any turn (boilerplate, stray notes) count for the document only.
    """
    transcript: Transcript = ctx.transcript
    garbled = Counter(s.turn for s in scores if s.score >= ctx.thresholds.garbled_score)  # garbled sentences per turn
    words_of = [word_count(ctx.masked_body(t)[t.body_start - t.start : t.body_end - t.start]) for t in transcript.turns]
    document = _scope(ctx, "document", transcript.path or "-", transcript.turns, findings, garbled, words_of)
    by_turn: dict[int, list[Finding]] = defaultdict(list)
    for f in findings:
        if f.location.turn is not None:
            by_turn[f.location.turn].append(f)
    turns = [_scope(ctx, "turn", str(t.index), [t], by_turn[t.index], garbled, words_of, t.label_text)
             for t in transcript.turns]
    own_turns: dict[str, list[Turn]] = defaultdict(list)
    for t in transcript.turns:  # grouped once: a speaker's turns and findings without a scan per speaker
        own_turns[t.speaker_id].append(t)
    speakers = []
    for speaker in transcript.speakers:
        own = own_turns.get(speaker.id, [])
        if not own:
            continue
        speakers.append(_scope(ctx, "speaker", speaker.id, own,
                               [f for t in own for f in by_turn[t.index]], garbled, words_of, speaker.name))
    return document, speakers, turns

"""Sentence alignment of interpreted speech, its evaluation, and pluggable scorers."""

from .evaluate import (
    AlignmentScore,
    format_beads,
    parse_beads,
    read_beads,
    recall_by_kind,
    score,
    score_many,
    write_beads,
)
from .scorers import SentenceScorer, available_scorers, get_scorer, register_scorer
from .sentences import AlignParams, align_corpus, align_sentences

__all__ = [
    "AlignParams",
    "AlignmentScore",
    "SentenceScorer",
    "align_corpus",
    "align_sentences",
    "available_scorers",
    "format_beads",
    "get_scorer",
    "parse_beads",
    "read_beads",
    "recall_by_kind",
    "register_scorer",
    "score",
    "score_many",
    "write_beads",
]

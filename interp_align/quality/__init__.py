"""Quality checks for interpreted transcripts: a linter with stable rule ids.

``check(transcript, original=..., reference=...)`` returns a
:class:`QualityReport`; :mod:`.formats` renders it as text, JSON, GitHub
workflow commands or SARIF 2.1.0.
"""

from .check import check
from .config import QualityConfig, Thresholds, load_config
from .models import Finding, Location, QualityReport, ReferenceScores, ScopeMetrics, SentenceScore
from .rules.base import RuleInfo, all_rules, rule_info

__all__ = [
    "Finding",
    "Location",
    "QualityConfig",
    "QualityReport",
    "ReferenceScores",
    "RuleInfo",
    "ScopeMetrics",
    "SentenceScore",
    "Thresholds",
    "all_rules",
    "check",
    "load_config",
    "rule_info",
]

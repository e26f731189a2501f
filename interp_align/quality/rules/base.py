"""The rule framework: stable rule metadata and the registry of rule families.

A *family* is one module under ``quality/rules`` that declares its rules as
data (``RULES``) and yields findings from ``run(ctx)``.  The registry maps ids
and names to metadata so selection, severity overrides, documentation and
SARIF rule tables all come from one place.
"""

from __future__ import annotations

import importlib
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

from ...models import Severity

if TYPE_CHECKING:
    from ..context import CheckContext
    from ..models import Finding

__all__ = ["FAMILIES", "Family", "RuleInfo", "all_rules", "families", "rule_info"]


@dataclass(frozen=True)
class RuleInfo:
    """Metadata of one rule: id, slug, family, default severity and a one-line summary."""

    code: str
    name: str
    family: str
    severity: Severity
    summary: str
    needs: str = "transcript"  # "transcript", "original" or "reference"


class Family(Protocol):
    """What a rule-family module provides."""

    RULES: tuple[RuleInfo, ...]

    def run(self, ctx: CheckContext) -> Iterator[Finding]: ...


#: Family modules in rule-id order; imported on first use.
FAMILIES = ("diagnostics", "gaps", "garble", "names", "flags", "structure", "fidelity", "reference")


def families() -> list[Family]:
    """The rule-family modules, imported on demand."""
    return [importlib.import_module(f"{__package__}.{name}") for name in FAMILIES]


def all_rules() -> tuple[RuleInfo, ...]:
    """Every rule of every family, sorted by id."""
    return tuple(sorted((r for fam in families() for r in fam.RULES), key=lambda r: r.code))


def rule_info(code_or_name: str) -> RuleInfo:
    """The rule with this id (``"IA101"``) or name (``"inaudible"``); ``KeyError`` if none."""
    key = code_or_name.strip()
    for rule in all_rules():
        if key.upper() == rule.code or key.lower() == rule.name:
            return rule
    raise KeyError(code_or_name)

"""Parse diagnostics as findings, so CI fails on a record the tools could not read as a transcript.

The parser and the decoder never raise on text: what they notice becomes a
``Diagnostic`` with a stable code (``P001``).  Every diagnostic of severity
warning or above becomes a finding of rule ``IA0NN`` for code ``P0NN`` (any
other code: ``IA000``, its code in the message), so a new parser diagnostic
reaches ``check`` without a change here.  Records with no turns at all (empty,
whitespace only, no labels) are errors by default: a linter that passes them
tells CI a lie.  Info diagnostics (``P006``, ``P009``, ``P011``, ``P012``, ``P013``)
stay in the parse output.  A code added to ``parse.DIAGNOSTIC_CODES`` is registered
here by itself (``parse-pNNN``, warning) until it is named in ``_KNOWN`` or listed in
``_INFO_ONLY``; the docs test then asks for its examples in docs/rules.md.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ...io import DECODE_DIAGNOSTICS
from ...models import Diagnostic, Severity
from ...parse import DIAGNOSTIC_CODES
from ..context import CheckContext
from ..models import Finding
from .base import RuleInfo

__all__ = ["RULES", "rule_for", "run"]

#: Rules with a name and severity of their own; other warning-level codes get ``parse-pNNN``.
_KNOWN = (
    RuleInfo("IA001", "no-labels", "parse", Severity.ERROR, "No speaker labels: the record is one unattributed block, nothing to check."),
    RuleInfo("IA002", "empty-input", "parse", Severity.ERROR, "The file is empty: no turns."),
    RuleInfo("IA003", "mojibake-text", "parse", Severity.WARNING, "The text as a whole looks decoded with the wrong encoding upstream."),
    RuleInfo("IA004", "bytes-replaced", "parse", Severity.WARNING, "Undecodable bytes were replaced (--decode-errors replace): text may be lost."),
    RuleInfo("IA005", "whitespace-only", "parse", Severity.ERROR, "The file holds only whitespace: no turns."),
    RuleInfo("IA007", "unlabelled-block", "parse", Severity.WARNING, "A '---' block opens with words and no speaker label: attributed to nobody."),
    RuleInfo("IA008", "label-like-text", "parse", Severity.WARNING, "A line that looks like a speaker label was not taken as one (the reason is in the message)."),
    RuleInfo("IA010", "unclosed-note", "parse", Severity.WARNING, "A note left unclosed ('(No translation provided.' with no ')'), read as a note."),
    RuleInfo("IA020", "not-utf8", "parse", Severity.WARNING, "Not UTF-8: read as CP-1252 by the detection fallback."),
)
#: Parser diagnostics the parser emits as information only; they never become findings.
_INFO_ONLY = frozenset({"P006", "P009", "P011", "P012", "P013"})
_OTHER = RuleInfo("IA000", "parse-diagnostic", "parse", Severity.WARNING,
                  "A parser diagnostic of warning severity or above that this version has no rule for.")
_CODE = re.compile(r"P0(\d\d)")


def _rule_code(diagnostic_code: str) -> str | None:
    match = _CODE.fullmatch(diagnostic_code)
    return f"IA0{match.group(1)}" if match else None


def _registry() -> tuple[RuleInfo, ...]:
    known = {r.code: r for r in _KNOWN}
    for code, summary in {**DIAGNOSTIC_CODES, **DECODE_DIAGNOSTICS}.items():
        rule = _rule_code(code)
        if rule is not None and rule not in known and code not in _INFO_ONLY:
            known[rule] = RuleInfo(rule, f"parse-{code.lower()}", "parse", Severity.WARNING, summary[:1].upper() + summary[1:] + ".")
    return (*sorted(known.values(), key=lambda r: r.code), _OTHER)


RULES = _registry()
_BY_CODE = {r.code: r for r in RULES}


def rule_for(diagnostic: Diagnostic) -> RuleInfo:
    """The rule a diagnostic is reported under: ``IA0NN`` for ``P0NN`` when registered, else ``IA000``."""
    code = _rule_code(diagnostic.code)
    return _BY_CODE.get(code or "", _OTHER)


def run(ctx: CheckContext) -> Iterator[Finding]:
    text = ctx.transcript.text
    for diagnostic in ctx.transcript.diagnostics:
        if diagnostic.severity.rank < Severity.WARNING.rank:
            continue
        rule = rule_for(diagnostic)
        start = min(diagnostic.start or 0, len(text))
        end = min(max(diagnostic.end or start, start), len(text))
        message = f"{diagnostic.code}: {diagnostic.message}"
        finding = ctx.finding(rule.code, start, end, message)
        if finding:
            yield finding

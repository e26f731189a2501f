"""docs/rules.md is executed: every failing example raises its rule, every passing one does not."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from interp_align.io import decode_bytes
from interp_align.models import Diagnostic, Severity, Transcript
from interp_align.parse import parse
from interp_align.quality import QualityConfig, all_rules, check

RULES_MD = Path(__file__).resolve().parent.parent / "docs" / "rules.md"
_SPANISH_LABEL = re.compile(r"^(?:SECRETARI[OA]|PRESIDENTE|PRESIDENTA)\b", re.MULTILINE)


def _examples() -> list[tuple[str, str, list[str]]]:
    """(rule, "failing"/"passing" (+ "-reference"), code blocks) for every example in the rules page."""
    lines = RULES_MD.read_text(encoding="utf-8").split("\n")
    cases: list[tuple[str, str, list[str]]] = []
    heading_rule = None
    i = 0
    while i < len(lines):
        line = lines[i]
        if line.startswith("### "):
            found = re.search(r"IA\d{3}", line)
            heading_rule = found.group() if found else None
        m = re.match(r"^(Failing|Passing)(?: \((IA\d{3})(?:, ([^)]+))?\))?", line)
        if m and heading_rule:
            rule = m.group(2) or heading_rule
            how = m.group(3) or ""
            blocks: list[str] = []
            i += 1
            while i < len(lines) and (lines[i].startswith("```text") or not lines[i].strip()):
                if lines[i].startswith("```text"):
                    end = lines.index("```", i + 1)
                    blocks.append("\n".join(lines[i + 1 : end]) + "\n")
                    i = end
                i += 1
            cases.append((rule, m.group(1).lower() + (f"-{how}" if how else ""), blocks))
            continue
        i += 1
    return cases


EXAMPLES = _examples()


def test_every_documented_rule_has_examples() -> None:
    failing = {rule for rule, kind, _ in EXAMPLES if kind.startswith("failing")}
    passing = {rule for rule, kind, _ in EXAMPLES if kind.startswith("passing")}
    assert failing == passing == {r.code for r in all_rules()}
    assert all(blocks for _, _, blocks in EXAMPLES)


#: How an example's text becomes the checked input, for the parse rules whose trigger is the file itself.
_FILES = {
    "the file in cp1252": lambda text: decode_bytes(text.encode("cp1252")),
    "the file in cp1252 read as utf-8 with replace": lambda text: decode_bytes(
        text.encode("cp1252"), encoding="utf-8", errors="replace"),
}


def _prepared(kind: str, text: str) -> Transcript | None:
    """The transcript of an example with a file modifier (``Failing (IA020, the file in cp1252)``), else None."""
    how = kind.split("-", 1)[1] if "-" in kind else ""
    if how in _FILES:
        decoded = _FILES[how](text)
        return parse(decoded.text, diagnostics=decoded.diagnostics, language="en")
    if how == "the empty file":
        return parse(text.rstrip("\n"), language="en")
    if how == "with an unlisted diagnostic":
        transcript = parse(text, language="en")
        extra = Diagnostic(code="P099", severity=Severity.WARNING, message="a diagnostic this version has no rule for")
        return transcript.model_copy(update={"diagnostics": (*transcript.diagnostics, extra)})
    return None


@pytest.mark.parametrize(("rule", "kind", "blocks"), EXAMPLES, ids=[f"{r}-{k}" for r, k, _ in EXAMPLES])
def test_documented_example(rule: str, kind: str, blocks: list[str]) -> None:
    config = QualityConfig(select=(rule,))
    prepared = _prepared(kind, blocks[0])
    if prepared is not None:
        report = check(prepared, config=config)
    elif kind.endswith("-reference"):
        report = check(parse(blocks[0], language="en"), reference=parse(blocks[1], language="en"), config=config)
    elif len(blocks) == 2:
        report = check(parse(blocks[0], language="en"), original=parse(blocks[1], language="es"), config=config)
    else:
        language = "es" if _SPANISH_LABEL.search(blocks[0]) else "en"
        report = check(parse(blocks[0], language=language), config=config)
    fired = [f.message for f in report.findings if f.rule == rule]
    assert bool(fired) == kind.startswith("failing"), fired

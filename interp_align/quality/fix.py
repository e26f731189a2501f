"""``check --fix``: the repairs that are certain, applied to a copy of the record.

A finding carries a suggestion only when its repair is certain; of those, the
fixable rules (:data:`FIXABLE`) are the ones a linter may apply unattended:

* IA503 / IA504 — page chrome, and spam after it, are no part of the record:
  removed from the text and kept, verbatim and with their line numbers, in a
  sidecar file (nothing is ever lost);
* IA401 — an interpreter note spelled otherwise than the record's usual form,
  or a note of another wording that declares the same thing, becomes the usual
  form;
* IA201 — mojibake becomes ftfy's repair.

Misspelled names, doubled words and accents are left alone: a verbatim record
may be right where it looks wrong.  The input is never written: the fixed text
is returned (and the CLI writes it to a new file), so fixing a fixed text
changes nothing.
"""

from __future__ import annotations

import difflib
from collections.abc import Sequence
from dataclasses import dataclass

from ..models import Transcript
from .check import check
from .config import QualityConfig
from .models import Finding

__all__ = ["FIXABLE", "Edit", "FixResult", "fix"]

#: Rules whose suggestions ``--fix`` applies.
FIXABLE: tuple[str, ...] = ("IA201", "IA401", "IA503", "IA504")


@dataclass(frozen=True)
class Edit:
    """One repair: replace ``[start, end)`` of the original text with ``replacement``."""

    start: int
    end: int
    replacement: str
    rule: str
    line: int
    why: str

    @property
    def removal(self) -> bool:
        return self.replacement == ""


@dataclass(frozen=True)
class FixResult:
    """The fixed text, the text moved out of it (the sidecar), and the edits that made it."""

    original: str
    text: str
    sidecar: str
    edits: tuple[Edit, ...]

    @property
    def changed(self) -> bool:
        return self.text != self.original

    def diff(self, name: str = "input", fixed_name: str | None = None) -> str:
        """A unified diff of the repair, as ``ruff --diff`` shows one, and a count line."""
        lines = difflib.unified_diff(
            self.original.splitlines(keepends=True), self.text.splitlines(keepends=True),
            fromfile=name, tofile=fixed_name or f"{name} (fixed)", n=1,
        )
        body = "".join(line if line.endswith("\n") else line + "\n" for line in lines)
        moved = sum(e.removal for e in self.edits)
        summary = (f"{name}: {len(self.edits)} fix(es): {moved} block(s) of page chrome or spam moved to the sidecar, "
                   f"{len(self.edits) - moved} rewritten\n")
        return body + summary


def _edits(findings: Sequence[Finding]) -> list[Edit]:
    """The certain repairs among ``findings``, without overlaps (a removal wins over an edit inside it)."""
    chosen: list[Edit] = []
    candidates = sorted(
        (f for f in findings if f.rule in FIXABLE and f.suggestion is not None),
        key=lambda f: (f.suggestion != "", f.location.start),
    )
    for f in candidates:
        edit = Edit(f.location.start, f.location.end, f.suggestion or "", f.rule, f.location.line, f.message)
        if any(edit.start < e.end and e.start < edit.end for e in chosen):
            continue
        chosen.append(edit)
    return sorted(chosen, key=lambda e: e.start)


def _widen(text: str, edit: Edit) -> Edit:
    """A removal takes the blank lines before it and the spaces after it, so no gap is left behind:
    ``"…turn.\n\nRelated Articles\n"`` becomes ``"…turn.\n"``."""
    if not edit.removal:
        return edit
    start, end = edit.start, edit.end
    while start > 0 and text[start - 1] in " \t\u00a0\r\n":
        start -= 1
    while end < len(text) and text[end] in " \t\u00a0":
        end += 1
    return Edit(start, end, "", edit.rule, edit.line, edit.why)


def apply_edits(text: str, edits: Sequence[Edit]) -> tuple[str, str]:
    """``text`` with ``edits`` applied, and the sidecar holding what the removals took out."""
    out: list[str] = []
    moved: list[str] = []
    pos = 0
    for edit in edits:
        wide = _widen(text, edit)
        if wide.start < pos:
            wide = Edit(pos, wide.end, wide.replacement, wide.rule, wide.line, wide.why)
        if wide.end == len(text) and "\n" in text[wide.start : edit.start]:
            wide = Edit(wide.start, wide.end, "\n", wide.rule, wide.line, wide.why)  # the record keeps its last line break
        out.append(text[pos : wide.start])
        out.append(wide.replacement)
        if edit.removal:
            moved.append(f"# line {edit.line}, {edit.rule}: {edit.why}\n{text[edit.start : edit.end]}\n")
        pos = wide.end
    out.append(text[pos:])
    return "".join(out), "".join(moved)


def fix(transcript: Transcript, config: QualityConfig | None = None) -> FixResult:
    """Apply the certain repairs of the fixable rules to ``transcript``'s text (which is not modified)."""
    base = config or QualityConfig()
    selected = QualityConfig(select=FIXABLE, ignore=base.ignore, thresholds=base.thresholds)
    report = check(transcript, config=selected)
    edits = _edits(report.findings)
    text, sidecar = apply_edits(transcript.text, edits)
    return FixResult(original=transcript.text, text=text, sidecar=sidecar, edits=tuple(edits))

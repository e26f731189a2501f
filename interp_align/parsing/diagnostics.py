"""Stable parser diagnostic codes and a helper that places a diagnostic on its line and column."""

from __future__ import annotations

import bisect
from collections.abc import Sequence

from ..models import Diagnostic, Severity

__all__ = ["DIAGNOSTIC_CODES", "diagnostic"]

#: Stable diagnostic codes and what they mean.
DIAGNOSTIC_CODES: dict[str, str] = {
    "P001": "no speaker labels found: the whole text is one unattributed block",
    "P002": "empty input: no turns",
    "P003": "text looks like mojibake (decoded with the wrong encoding upstream)",
    "P004": "undecodable bytes were replaced (read with errors='replace')",
    "P005": "input is only whitespace",
    "P006": "language identification unavailable: languages are defaults or declared by markers",
    "P007": "a '---' block opens with text and no speaker label: its words are attributed to nobody",
    "P008": "a label-like line was not taken as a speaker label (the reason is in the message)",
    "P009": "a non-speech block (song, video, anthem, ceremony note) is kept as unattributed text",
    "P010": "a note is left unclosed ('(No translation provided.' with no ')'); read as a note",
    "P011": "the front matter could not be read as YAML; its lines are kept as header text",
    "P012": "a speaker-unknown mark ('???') stands for the label",
    "P013": "a block opening with a pause or applause note goes on in the previous speaker's voice",
}


def diagnostic(
    code: str,
    severity: Severity,
    message: str,
    start: int | None = None,
    text: str = "",
    line_starts: Sequence[int] | None = None,
) -> Diagnostic:
    """A diagnostic at ``start`` in ``text`` with 1-based line and column (none when ``start`` is None).

    ``line_starts`` (sorted offsets of line starts) makes the lookup a bisection
    when a record yields many diagnostics.
    """
    line = column = None
    if start is not None:
        if line_starts is not None:
            index = bisect.bisect_right(line_starts, start) - 1
            line, column = index + 1, start - line_starts[index] + 1
        else:
            line = text.count("\n", 0, start) + 1
            column = start - (text.rfind("\n", 0, start) + 1) + 1
    return Diagnostic(code=code, severity=severity, message=message, start=start, line=line, column=column)

"""Render quality reports: a readable table, JSON, GitHub workflow commands, SARIF 2.1.0.

Each format is one pure function from reports to a string.  Paths are made
relative to the repository root (the nearest folder holding ``.git``, else the
working directory) so CI annotations and SARIF results land on the right file.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from .._gc import fewer_collections
from .._version import __version__
from ..models import Severity
from .jsonout import dumps_indented
from .models import Finding, Location, QualityReport
from .rules.base import all_rules

__all__ = ["FORMATS", "format_github", "format_json", "format_reports", "format_sarif", "format_text", "repo_relative"]

SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
_SARIF_LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}
_GITHUB_LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def _root(start: Path | None = None) -> Path:
    here = (start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        if (folder / ".git").exists():
            return folder
    return here


def repo_relative(path: str | None, root: Path | None = None) -> str:
    """``path`` relative to the repository root, with forward slashes; unchanged when outside it."""
    if not path:
        return "-"
    base = root or _root()
    absolute = Path(path).resolve()
    try:
        return absolute.relative_to(base).as_posix()
    except ValueError:
        return Path(os.path.relpath(absolute, base)).as_posix() if absolute.anchor == base.anchor else absolute.as_posix()


# -- text -------------------------------------------------------------------------------------


def _turn_heading(report: QualityReport, turn: int | None) -> str:
    if turn is None:
        return "  outside turns"
    label = report.turns[turn].label if turn < len(report.turns) else None
    return f"  turn {turn}  {label or ''}".rstrip()


def format_text(reports: Sequence[QualityReport]) -> str:
    """A table per file, grouped by turn, then a one-line summary per file and in total."""
    out: list[str] = []
    totals = {s: 0 for s in Severity}
    for report in reports:
        out.append(repo_relative(report.path))
        current: object = object()
        for f in sorted(report.findings, key=lambda f: (f.location.turn is not None, f.location.turn or 0, f.location.start)):
            if f.location.turn != current:
                current = f.location.turn
                out.append(_turn_heading(report, f.location.turn))
            where = f"{f.location.line}:{f.location.column}"
            out.append(f"    {where:>8}  {f.severity.value:<7}  {f.rule}  {f.name:<20} {f.message}")
            for rel in f.related:
                out.append(f"    {'':>8}  {'':<7}  {'':5}  {'':<20} ↳ {repo_relative(rel.path)}:{rel.line}:{rel.column} {rel.excerpt[:80]!r}")
            if f.suggestion:
                out.append(f"    {'':>8}  {'':<7}  {'':5}  {'':<20} suggestion: {f.suggestion!r}")
        d = report.document
        for s in Severity:
            totals[s] += report.count(s)
        out.append(
            f"  {d.errors} error(s), {d.warnings} warning(s), {d.infos} info · {d.turns} turns, {d.words:,} words · "
            f"gaps {d.gaps_per_1000_words:.2f}/1000 words · garbled sentences {d.garbled_sentences}/{d.sentences}"
        )
        if report.reference:
            out.append(f"  reference: chrF {report.reference.chrf:.2f} ({report.reference.chrf_signature}) · "
                       f"BLEU {report.reference.bleu:.2f} ({report.reference.bleu_signature})")
        out.append("")
    if len(reports) > 1:
        out.append(f"total: {totals[Severity.ERROR]} error(s), {totals[Severity.WARNING]} warning(s), "
                   f"{totals[Severity.INFO]} info in {len(reports)} files")
    return "\n".join(out).rstrip("\n") + "\n"


# -- json -------------------------------------------------------------------------------------


def format_json(reports: Sequence[QualityReport]) -> str:
    """``{"version", "reports": [QualityReport ...]}`` exactly as the models dump."""
    payload = {"version": __version__, "reports": [r.model_dump(mode="json") for r in reports]}
    return dumps_indented(payload) + "\n"


# -- github -----------------------------------------------------------------------------------


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def format_github(reports: Sequence[QualityReport]) -> str:
    """One workflow command per finding: ``::warning file=F,line=L,col=C,...,title=T::message``."""
    lines = []
    for report in reports:
        path = repo_relative(report.path)
        for f in report.findings:
            loc = f.location
            props = [
                f"file={_escape_property(path)}", f"line={loc.line}", f"col={loc.column}",
                f"endLine={loc.end_line}", f"endColumn={loc.end_column}",
                f"title={_escape_property(f'{f.rule} {f.name}')}",
            ]
            message = f.message + (f" (suggestion: {f.suggestion})" if f.suggestion else "")
            lines.append(f"::{_GITHUB_LEVEL[f.severity]} {','.join(props)}::{_escape_data(message)}")
    return "\n".join(lines) + ("\n" if lines else "")


# -- sarif ------------------------------------------------------------------------------------


def _region(loc: Location) -> dict[str, Any]:
    region: dict[str, Any] = {
        "startLine": loc.line, "startColumn": loc.column, "endLine": loc.end_line, "endColumn": loc.end_column,
        "charOffset": loc.start, "charLength": loc.end - loc.start,
    }
    if loc.excerpt:
        region["snippet"] = {"text": loc.excerpt}
    return region


def _physical(loc: Location, fallback: str | None) -> dict[str, Any]:
    return {
        "artifactLocation": {"uri": repo_relative(loc.path or fallback), "uriBaseId": "%SRCROOT%"},
        "region": _region(loc),
    }


def _result(f: Finding, index: dict[str, int], path: str | None) -> dict[str, Any]:
    result: dict[str, Any] = {
        "ruleId": f.rule,
        "ruleIndex": index[f.rule],
        "level": _SARIF_LEVEL[f.severity],
        "message": {"text": f.message},
        "locations": [{"physicalLocation": _physical(f.location, path)}],
        "partialFingerprints": {"interpAlign/v1": f"{f.rule}:{f.location.excerpt[:60]}"},
        "properties": {"turn": f.location.turn, "speaker": f.location.speaker},
    }
    if f.related:
        result["relatedLocations"] = [
            {"id": k, "physicalLocation": _physical(r, None), "message": {"text": r.excerpt or "related"}}
            for k, r in enumerate(f.related, start=1)
        ]
    if f.suggestion is not None:
        result["fixes"] = [{
            "description": {"text": f"replace with {f.suggestion!r}"},
            "artifactChanges": [{
                "artifactLocation": {"uri": repo_relative(path), "uriBaseId": "%SRCROOT%"},
                "replacements": [{
                    "deletedRegion": {"charOffset": f.location.start, "charLength": f.location.end - f.location.start},
                    "insertedContent": {"text": f.suggestion},
                }],
            }],
        }]
    return result


def format_sarif(reports: Sequence[QualityReport]) -> str:
    """A SARIF 2.1.0 log with one run; rule ids and indices are stable across runs."""
    rules = all_rules()
    index = {r.code: k for k, r in enumerate(rules)}
    driver = {
        "name": "interp-align",
        "version": __version__,
        "rules": [
            {
                "id": r.code,
                "name": r.name,
                "shortDescription": {"text": r.summary},
                "fullDescription": {"text": f"{r.summary} (family: {r.family}; needs: {r.needs})"},
                "defaultConfiguration": {"level": _SARIF_LEVEL[r.severity]},
                "helpUri": f"docs/rules.md#{r.code.lower()}",
                "properties": {"family": r.family},
            }
            for r in rules
        ],
    }
    results = [_result(f, index, report.path) for report in reports for f in report.findings]
    run = {
        "tool": {"driver": driver},
        "originalUriBaseIds": {"%SRCROOT%": {"uri": _root().as_uri() + "/"}},
        "columnKind": "unicodeCodePoints",
        "invocations": [{"executionSuccessful": True}],
        "results": results,
        "properties": {"signatures": sorted({r.signature for r in reports})},
    }
    log = {"$schema": SARIF_SCHEMA, "version": "2.1.0", "runs": [run]}
    return dumps_indented(log) + "\n"


FORMATS: dict[str, Callable[[Sequence[QualityReport]], str]] = {
    "text": format_text,
    "json": format_json,
    "github": format_github,
    "sarif": format_sarif,
}


def format_reports(reports: Sequence[QualityReport], fmt: str) -> str:
    """Render ``reports`` in format ``fmt`` (a key of :data:`FORMATS`).

    The dumps of a large report are millions of short-lived objects beside the record still
    held: with the default thresholds a full collection walks all of it (about half the time of
    the first JSON dump of a 2 MB record)."""
    with fewer_collections():
        return FORMATS[fmt](reports)

"""Precision of every warning-or-error rule of ``interp-align check`` on real records, judged by hand.

Runs ``check`` over the real records in ``../shared/realdata/`` (read at run time, never copied),
keeps the findings at warning or error severity, samples them deterministically and scores them
against ``benchmarks/data/check_judgements.tsv``: one row per judged finding with its folder, file
name, start offset, rule, verdict (``true``/``false``) and a reason in our own words -- no text
quoted from the share-alike gob.mx records.

What a verdict means: a finding is *right* (``true``) when it points at a real problem of the kind
its rule names, one a press office would want to hear about at that severity — words missing, text
garbled, a name misspelled, chrome left in.  What the record keeps faithfully is not a problem: an
interruption or a restart marked with a dash, a stutter the transcriber marks with dashes, an
identical double surname, a leader answering in English, another person's correctly spelled name,
the record's own closing time line.

Sampling is per finding, not per run: a finding is in the sample when a seeded hash of
``(file, offset, rule)`` falls under its folder's rate for that rule (:data:`RATES`, default 1:
every finding).  So a finding that survives a code change stays in the sample, and a new finding
is in or out for good -- the judged set is reproducible and only new findings need judging.

Tables: per rule and severity, per folder (language / dialect), the findings, how many the sample
holds, how many are judged, how many were right, and the precision; then a per-language summary
weighted by each folder's share of the findings.  With ``--baseline`` (default: the snapshot in
``benchmarks/data/check_findings_before.tsv``, the findings of the code before issue 10) the same
table for the baseline comes first, so the two can be compared.

Usage::

    .venv/bin/python benchmarks/check_precision.py               # before and after tables
    .venv/bin/python benchmarks/check_precision.py --pending     # sampled findings not judged yet, with context
    .venv/bin/python benchmarks/check_precision.py --write-findings FILE   # snapshot the current findings
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import sys
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from interp_align.models import Severity
from interp_align.parse import read
from interp_align.quality import all_rules, check

ROOT = Path(__file__).resolve().parent.parent
REALDATA = ROOT.parent / "shared" / "realdata"
DATA = ROOT / "benchmarks" / "data"
JUDGEMENTS = DATA / "check_judgements.tsv"
BASELINE = DATA / "check_findings_before.tsv"

#: Folder → (language, dialect label, file suffix).
FOLDERS: dict[str, tuple[str, str, str]] = {
    "en-whitehouse": ("en", "White House (markdown export)", ".md"),
    "es-gobmx-sample": ("es", "gob.mx", ".txt"),
    "es-gobmx": ("es", "gob.mx", ".txt"),
}

SEED = "interp-align-issue-10"
#: Share of a folder's findings of one rule that is judged; rules not listed are judged whole.
RATES: dict[tuple[str, str], float] = {
    ("en-whitehouse", "IA101"): 0.2,
    ("en-whitehouse", "IA205"): 0.1,
    ("en-whitehouse", "IA402"): 0.25,
    ("en-whitehouse", "IA503"): 0.25,
    ("es-gobmx-sample", "IA101"): 0.1,
    ("es-gobmx-sample", "IA205"): 0.25,
}


@dataclass(frozen=True)
class Found:
    """One warning-or-error finding, keyed as the judgements file keys it."""

    folder: str
    file: str
    offset: int
    rule: str
    severity: str
    end: int = 0
    message: str = ""

    @property
    def key(self) -> tuple[str, int, str]:
        return (self.file, self.offset, self.rule)


def sampled(found: Found) -> bool:
    """True when this finding belongs to the judged sample (a seeded hash under the rate)."""
    rate = RATES.get((found.folder, found.rule), 1.0)
    digest = hashlib.sha256(f"{SEED}|{found.file}|{found.offset}|{found.rule}".encode()).digest()
    return int.from_bytes(digest[:8], "big") / 2**64 < rate


def records(realdata: Path) -> Iterator[tuple[str, Path]]:
    for folder, (_, _, suffix) in FOLDERS.items():
        base = realdata / folder
        if base.is_dir():
            for path in sorted(base.iterdir()):
                if path.suffix == suffix:
                    yield folder, path


def current_findings(realdata: Path, detect: bool) -> list[Found]:
    """The warning-or-error findings of the code as it is now, over every real record."""
    found = []
    for folder, path in records(realdata):
        language = FOLDERS[folder][0]
        report = check(read(path, detect_language=detect, language=language if not detect else None))
        for f in report.findings:
            if f.severity.rank >= Severity.WARNING.rank:
                found.append(Found(folder, path.name, f.location.start, f.rule, f.severity.value,
                                   f.location.end, f.message))
    return found


def read_findings(path: Path) -> list[Found]:
    with path.open(encoding="utf-8", newline="") as handle:
        return [Found(r["folder"], r["file"], int(r["offset"]), r["rule"], r["severity"])
                for r in csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)]


def write_findings(path: Path, found: Iterable[Found]) -> None:
    with path.open("w", encoding="utf-8", newline="") as handle:
        handle.write("folder\tfile\toffset\trule\tseverity\n")
        for f in found:
            handle.write(f"{f.folder}\t{f.file}\t{f.offset}\t{f.rule}\t{f.severity}\n")


def read_judgements(path: Path) -> dict[tuple[str, int, str], tuple[bool, str]]:
    """(file, offset, rule) → (right?, reason)."""
    judged: dict[tuple[str, int, str], tuple[bool, str]] = {}
    if not path.is_file():
        return judged
    with path.open(encoding="utf-8", newline="") as handle:
        for r in csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE):
            if r["verdict"] not in ("true", "false"):
                raise ValueError(f"{path}: verdict must be true or false, not {r['verdict']!r}")
            judged[(r["file"], int(r["offset"]), r["rule"])] = (r["verdict"] == "true", r["reason"])
    return judged


@dataclass
class Cell:
    found: int = 0
    sampled: int = 0
    judged: int = 0
    right: int = 0

    @property
    def precision(self) -> float | None:
        return self.right / self.judged if self.judged else None


def table(found: list[Found], judged: dict[tuple[str, int, str], tuple[bool, str]]) -> dict[tuple[str, str, str], Cell]:
    """(rule, severity, folder) → counts."""
    cells: dict[tuple[str, str, str], Cell] = defaultdict(Cell)
    for f in found:
        cell = cells[(f.rule, f.severity, f.folder)]
        cell.found += 1
        if sampled(f):
            cell.sampled += 1
            if f.key in judged:
                cell.judged += 1
                cell.right += judged[f.key][0]
    return cells


def _p(value: float | None) -> str:
    return f"{value:.2f}" if value is not None else "-"


def render(title: str, cells: dict[tuple[str, str, str], Cell], *, current: bool = False) -> str:
    lines = [f"## {title}", "",
             f"{'rule':<6} {'severity':<8} {'folder':<16} {'found':>6} {'sample':>6} {'judged':>6} {'right':>6} {'precision':>9}"]
    for (rule, severity, folder), c in sorted(cells.items()):
        lines.append(f"{rule:<6} {severity:<8} {folder:<16} {c.found:>6} {c.sampled:>6} {c.judged:>6} {c.right:>6} "
                     f"{_p(c.precision):>9}")
    lines += ["", "per language (folders weighted by their share of the findings):", "",
              f"{'rule':<6} {'severity':<8} {'lang':<4} {'found':>6} {'judged':>6} {'precision':>9}  verdict"]
    by_lang: dict[tuple[str, str, str], list[Cell]] = defaultdict(list)
    for (rule, severity, folder), c in cells.items():
        by_lang[(rule, severity, FOLDERS[folder][0])].append(c)
    failing = []
    for (rule, severity, lang), group in sorted(by_lang.items()):
        weighted = [(c.found, c.precision) for c in group if c.precision is not None]
        total = sum(n for n, _ in weighted)
        precision = sum(n * p for n, p in weighted) / total if total else None
        verdict = "ok" if precision is not None and precision >= 0.9 else "BELOW 0.9" if precision is not None else "not judged"
        if verdict != "ok":
            failing.append(f"{rule} {severity} {lang}")
        lines.append(f"{rule:<6} {severity:<8} {lang:<4} {sum(c.found for c in group):>6} "
                     f"{sum(c.judged for c in group):>6} {_p(precision):>9}  {verdict}")
    judged = sum(c.judged for c in cells.values())
    pending = sum(c.sampled - c.judged for c in cells.values())
    lines += ["", f"judged findings: {judged}; sampled but not judged: {pending}; "
              f"below 0.9 or not judged: {', '.join(failing) or 'none'}"]
    if current:
        seen = {(rule, FOLDERS[folder][0]) for rule, _, folder in cells}
        for lang in ("en", "es"):
            quiet = [r.code for r in all_rules() if r.needs == "transcript" and r.severity.rank >= Severity.WARNING.rank
                     and (r.code, lang) not in seen]
            lines.append(f"warning-or-error rules with no such finding on the {lang} records: {', '.join(quiet)}")
    return "\n".join(lines) + "\n"


def pending(found: list[Found], judged: dict[tuple[str, int, str], tuple[bool, str]], realdata: Path) -> str:
    """Sampled findings with no judgement yet, each with its context, for a person to judge."""
    out = []
    texts: dict[str, str] = {}
    for f in found:
        if not sampled(f) or f.key in judged:
            continue
        if f.file not in texts:
            texts[f.file] = read(realdata / f.folder / f.file, detect_language=False).text
        text = texts[f.file]
        before = text[max(0, f.offset - 160) : f.offset]
        inside = text[f.offset : max(f.end, f.offset + 1)]
        after = text[max(f.end, f.offset + 1) : max(f.end, f.offset + 1) + 120]
        context = " ".join(f"{before}⟦{inside}⟧{after}".split())
        out.append(f"{f.folder}\t{f.file}\t{f.offset}\t{f.rule}\t{f.severity}\n  {f.message}\n  {context}\n")
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--realdata", type=Path, default=REALDATA)
    parser.add_argument("--judgements", type=Path, default=JUDGEMENTS)
    parser.add_argument("--baseline", type=Path, default=BASELINE,
                        help="findings snapshot of the code to compare with (folder, file, offset, rule, severity)")
    parser.add_argument("--write-findings", type=Path, metavar="FILE", help="write the current findings as a snapshot")
    parser.add_argument("--pending", action="store_true", help="print the sampled findings not judged yet, with context")
    parser.add_argument("--no-detect", action="store_true", help="declare each folder's language instead of detecting")
    args = parser.parse_args(argv)
    if not args.realdata.is_dir():
        print(f"no real records at {args.realdata}", file=sys.stderr)
        return 2
    judged = read_judgements(args.judgements)
    found = current_findings(args.realdata, detect=not args.no_detect)
    if args.write_findings:
        write_findings(args.write_findings, found)
    if args.pending:
        sys.stdout.write(pending(found, judged, args.realdata))
        return 0
    if args.baseline and args.baseline.is_file():
        print(render(f"before: {args.baseline.name}", table(read_findings(args.baseline), judged)))
    print(render("after: the code as it is now", table(found, judged), current=True))
    return 0


if __name__ == "__main__":
    sys.exit(main())

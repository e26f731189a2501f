"""Precision of ``interp-align check EN --original ES`` on real English–Spanish pairs of one event, judged by hand.

The fidelity rules (IA601–IA608) can only be judged on two records of the same event: a White
House English record and the Mexican presidency's Spanish record.  Such pairs live outside the
project (the gob.mx side is share-alike text we never commit); point ``INTERP_ALIGN_PAIRS`` (or
``--pairs``) at a folder holding ``en/``, ``es/`` and ``gold/pairN.tsv`` whose first line reads
``# en: en/FILE.md  es: es/FILE.txt``.  Without it the benchmark says so and exits 0.

Each pair is checked both ways: the English record against its Spanish original
(``check EN --original ES``, the command a White House-side press office runs) and the Spanish record
against the English one (``check ES --original EN``: then the Spanish interpreter's omissions of an
English speaker are the warnings).  Every finding at warning or error, of every rule, is scored against
``benchmarks/data/pair_judgements.tsv``: event id, the checked file's name, start offset, the offset
of the place it names in the other record (``-1`` for none), rule, the
severity it had when judged, verdict (``true``/``false``) and a reason in our own words -- never
text quoted from the gob.mx records.  A finding is *right* when both records, read side by side,
show the defect its rule names: a sentence really left out, a gloss with no source, a figure or a
name really changed.  It is *wrong* when the alignment paired the wrong sentences, when a courtesy
or a moderator's line is routinely left out, when a demonym stands for a country, and so on.

Judgements are keyed by (checked file, offset, rule, offset in the other record), so a finding that survives a code change
keeps its verdict and only new findings need judging (``--pending`` lists them with the context
of both records, for the person judging -- not for committing).  With ``--baseline`` (default
``benchmarks/data/pair_findings_before.tsv``, the findings before the fidelity rules were
measured on real pairs) the table of the baseline comes first.

Usage::

    INTERP_ALIGN_PAIRS=/path/to/pairs .venv/bin/python benchmarks/check_pairs.py
    INTERP_ALIGN_PAIRS=/path/to/pairs .venv/bin/python benchmarks/check_pairs.py --pending
    INTERP_ALIGN_PAIRS=/path/to/pairs .venv/bin/python benchmarks/check_pairs.py --write-findings FILE
"""

from __future__ import annotations

import argparse
import csv
import os
import re
import sys
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from interp_align.models import Severity
from interp_align.parse import read
from interp_align.quality import Finding, check

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "benchmarks" / "data"
JUDGEMENTS = DATA / "pair_judgements.tsv"
BASELINE = DATA / "pair_findings_before.tsv"
ENV = "INTERP_ALIGN_PAIRS"
_HEADER = re.compile(r"#\s*en:\s*(\S+)\s+es:\s*(\S+)")


@dataclass(frozen=True)
class Pair:
    """One event: its id (the gold file's stem) and the two records' paths."""

    event: str
    english: Path
    spanish: Path


#: Which record is checked: ``"en"`` runs ``check EN --original ES``, ``"es"`` the reverse.
DIRECTIONS = ("en", "es")


@dataclass(frozen=True)
class Found:
    """One warning-or-error finding, keyed as the judgements file keys it."""

    event: str
    file: str
    offset: int
    rule: str
    severity: str
    #: Where the finding points in the other record (its first related location), ``-1`` for nowhere:
    #: two omissions anchored on one sentence of the checked record differ only there.
    other: int = -1

    @property
    def key(self) -> tuple[str, int, str, int]:
        return (self.file, self.offset, self.rule, self.other)


def pairs(root: Path) -> list[Pair]:
    """The events named by ``gold/pair*.tsv`` headers, in file-name order."""
    found = []
    for gold in sorted((root / "gold").glob("pair*.tsv")):
        header = gold.read_text(encoding="utf-8").splitlines()[0]
        m = _HEADER.match(header)
        if m:
            found.append(Pair(gold.stem, root / m.group(1), root / m.group(2)))
    return found


def run_pair(pair: Pair, direction: str = "en") -> list[Finding]:
    """``check EN --original ES`` (or the reverse) as the command line runs it (language detection on)."""
    if direction == "en":
        english = read(pair.english, detect_language=True)
        spanish = read(pair.spanish, detect_language=True, language="es")
        return list(check(english, original=spanish).findings)
    spanish = read(pair.spanish, detect_language=True)
    english = read(pair.english, detect_language=True, language="en")
    return list(check(spanish, original=english).findings)


def checked_path(pair: Pair, direction: str) -> Path:
    return pair.english if direction == "en" else pair.spanish


def loud(findings: Iterable[Finding]) -> list[Finding]:
    return [f for f in findings if f.severity.rank >= Severity.WARNING.rank]


def current_findings(events: list[Pair], directions: Iterable[str] = DIRECTIONS) -> Iterator[Found]:
    for direction in directions:
        for pair in events:
            for f in loud(run_pair(pair, direction)):
                yield as_found(pair, f, direction)


def as_found(pair: Pair, f: Finding, direction: str = "en") -> Found:
    other = f.related[0].start if f.related else -1
    return Found(pair.event, checked_path(pair, direction).name, f.location.start, f.rule, f.severity.value, other)


def direction_of(found: Found) -> str:
    """``"en"`` when the checked file is the English record (the White House's markdown), else ``"es"``."""
    return "en" if found.file.endswith(".md") else "es"


def read_findings(path: Path) -> list[Found]:
    with path.open(encoding="utf-8", newline="") as handle:
        return [Found(r["event"], r["file"], int(r["offset"]), r["rule"], r["severity"], int(r["other_offset"]))
                for r in csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)]


def write_findings(path: Path, found: Iterable[Found]) -> None:
    with path.open("w", encoding="utf-8", newline="") as handle:
        handle.write("event\tfile\toffset\tother_offset\trule\tseverity\n")
        for f in found:
            handle.write(f"{f.event}\t{f.file}\t{f.offset}\t{f.other}\t{f.rule}\t{f.severity}\n")


Judged = dict[tuple[str, int, str, int], tuple[bool, str]]


def read_judgements(path: Path) -> Judged:
    """(checked file, offset, rule, other record's offset) → (right?, reason)."""
    judged: Judged = {}
    if not path.is_file():
        return judged
    with path.open(encoding="utf-8", newline="") as handle:
        for r in csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE):
            if r["verdict"] not in ("true", "false"):
                raise ValueError(f"{path}: verdict must be true or false, not {r['verdict']!r}")
            judged[(r["file"], int(r["offset"]), r["rule"], int(r["other_offset"]))] = (r["verdict"] == "true", r["reason"])
    return judged


@dataclass
class Cell:
    found: int = 0
    judged: int = 0
    right: int = 0

    @property
    def precision(self) -> float | None:
        return self.right / self.judged if self.judged else None


def table(found: Iterable[Found], judged: Judged) -> dict[tuple[str, str], Cell]:
    """(rule, severity) → counts over every pair."""
    cells: dict[tuple[str, str], Cell] = defaultdict(Cell)
    for f in found:
        cell = cells[(f.rule, f.severity)]
        cell.found += 1
        if f.key in judged:
            cell.judged += 1
            cell.right += judged[f.key][0]
    return cells


def render(title: str, cells: dict[tuple[str, str], Cell]) -> str:
    lines = [f"## {title}", "", f"{'rule':<6} {'severity':<8} {'found':>6} {'judged':>6} {'right':>6} {'precision':>9}  verdict"]
    failing = []
    for (rule, severity), c in sorted(cells.items()):
        p = c.precision
        verdict = "not judged" if p is None or c.judged < c.found else "ok" if p >= 0.9 else "BELOW 0.9"
        if verdict != "ok":
            failing.append(f"{rule} {severity}")
        shown = f"{p:.2f}" if p is not None else "-"
        lines.append(f"{rule:<6} {severity:<8} {c.found:>6} {c.judged:>6} {c.right:>6} {shown:>9}  {verdict}")
    total = Cell(sum(c.found for c in cells.values()), sum(c.judged for c in cells.values()),
                 sum(c.right for c in cells.values()))
    overall = f"{total.precision:.2f}" if total.precision is not None else "-"
    lines += ["", f"findings: {total.found}; judged: {total.judged}; right: {total.right} ({overall}); "
              f"below 0.9 or not fully judged: {', '.join(failing) or 'none'}"]
    return "\n".join(lines) + "\n"


def _context(text: str, start: int, end: int, width: int = 160) -> str:
    return " ".join(f"{text[max(0, start - width):start]}⟦{text[start:max(end, start + 1)]}⟧{text[max(end, start + 1):end + width]}".split())


def pending(events: list[Pair], judged: Judged) -> str:
    """Unjudged findings with the context of both records, for the person judging (never commit this output)."""
    out = []
    for direction in DIRECTIONS:
        for pair in events:
            texts = {str(pair.english): ("EN", pair.english.read_text(encoding="utf-8")),
                     str(pair.spanish): ("ES", pair.spanish.read_text(encoding="utf-8"))}
            here = texts[str(checked_path(pair, direction))]
            for f in loud(run_pair(pair, direction)):
                found = as_found(pair, f, direction)
                if found.key in judged:
                    continue
                lines = [f"{pair.event}\t{found.file}\t{found.offset}\t{found.rule}\t{found.severity}", f"  {f.message}",
                         f"  {here[0]}: {_context(here[1], f.location.start, f.location.end)}"]
                for r in f.related:
                    name, text = texts.get(r.path or "", here)
                    lines.append(f"  {name} related: {_context(text, r.start, r.end, 120)}")
                out.append("\n".join(lines) + "\n")
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pairs", type=Path, default=Path(os.environ[ENV]) if os.environ.get(ENV) else None,
                        help=f"folder with en/, es/ and gold/pairN.tsv (default: ${ENV})")
    parser.add_argument("--judgements", type=Path, default=JUDGEMENTS)
    parser.add_argument("--baseline", type=Path, default=BASELINE)
    parser.add_argument("--write-findings", type=Path, metavar="FILE", help="write the current findings as a snapshot")
    parser.add_argument("--pending", action="store_true", help="print unjudged findings with both records' context")
    args = parser.parse_args(argv)
    if args.pairs is None or not (args.pairs / "gold").is_dir():
        print(f"skipped: set {ENV} (or --pairs) to a folder of real pairs (en/, es/, gold/pairN.tsv)")
        return 0
    events = pairs(args.pairs)
    judged = read_judgements(args.judgements)
    if args.pending:
        sys.stdout.write(pending(events, judged))
        return 0
    found = list(current_findings(events))
    if args.write_findings:
        write_findings(args.write_findings, found)
    runs = {"en": "check EN --original ES", "es": "check ES --original EN"}
    before = read_findings(args.baseline) if args.baseline and args.baseline.is_file() else None
    for direction, run in runs.items():
        if before is not None:
            print(render(f"before ({args.baseline.name}): {run}",
                         table([f for f in before if direction_of(f) == direction], judged)))
        print(render(f"after (the code as it is now, {len(events)} pairs): {run}",
                     table([f for f in found if direction_of(f) == direction], judged)))
    if before is not None:
        print(render("before: both directions", table(before, judged)))
    print(render("after: both directions", table(found, judged)))
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Parser figures on the real records in ../shared/realdata/ (read at run time, never copied).

Per dialect (the one the parser recognised; per folder before dialects existed): files,
turns, interpreted turns, placeholder turns, unattributed blocks that open with a
label-like line, ``Q`` lines that open no turn, sentences that end at a soft wrap,
diagnostics by code and MB/s.  The label-like and soft-wrap tests below are written
independently of the parser, so the figures check it rather than restate it.

Usage: python benchmarks/realdata_parse.py [--detect] [FOLDER ...]
(default: every folder of ../shared/realdata; ``--detect`` turns language detection on).
"""

from __future__ import annotations

import re
import sys
import time
from collections import Counter, defaultdict
from collections.abc import Iterable
from pathlib import Path

from interp_align.models import BlockKind, Transcript
from interp_align.parse import read

REALDATA = Path(__file__).resolve().parents[2] / "shared" / "realdata"

_INVISIBLE = "\u200b\u200c\u200d\u200e\u200f\u2060\ufeff\u00ad"
_PARENS = re.compile(r"\([^()]*\)?")
_Q_LINE = re.compile(r"^[ \t\u00a0]*Q(?:[ \t\u00a0]|:|[\u2013\u2014-]|$)", re.MULTILINE)
_TERMINAL = re.compile(r"[.!?\u2026][\"'\u201d\u2019)\]*_]*$")


def label_like(line: str) -> bool:
    """An all-caps line of at least four letters (outside parentheses), or a ``Q`` question."""
    clean = line.strip(" \t\u00a0" + _INVISIBLE)
    if not clean or clean.startswith(("(", "[")):
        return False
    if re.match(r"Q(?:[ \t\u00a0:]|$)", clean):
        return True
    letters = [c for c in _PARENS.sub(" ", clean) if c.isalpha()]
    return len(letters) >= 4 and all(not c.islower() for c in letters)


def soft_wraps(text: str) -> set[int]:
    """Offsets of line breaks inside a paragraph of a Markdown export (front matter present):
    the line ends with no trailing space (no hard break) and the next line is not blank."""
    if not text.startswith("---"):
        return set()
    found = set()
    for match in re.finditer(r"(?<=[^\s])\n(?=[ \t\u00a0]*[^\s])", text):
        found.add(match.start())
    return found


def measure(transcript: Transcript) -> Counter[str]:
    text = transcript.text
    row: Counter[str] = Counter()
    row["files"] = 1
    row["turns"] = len(transcript.turns)
    row["interpreted"] = sum(t.interpretation.interpreted for t in transcript.turns)
    row["placeholders"] = sum(t.interpretation.placeholder for t in transcript.turns)
    warned = {d.start for d in transcript.diagnostics if d.severity.rank >= 1}
    for block in transcript.blocks:
        if block.kind is BlockKind.UNATTRIBUTED:
            first = next((ln for ln in block.text.split("\n") if ln.strip()), "")
            if label_like(first):
                row["label_like_unattributed"] += 1
                row["...without_warning"] += int(not any(block.start <= w < block.end for w in warned))
    starts = {text.rfind("\n", 0, t.start) + 1 for t in transcript.turns}
    wraps = soft_wraps(text)
    for match in _Q_LINE.finditer(text):
        line_start = match.start()
        if line_start in wraps or (line_start and line_start - 1 in wraps):
            continue  # a "Q" at the start of a wrapped continuation line is prose
        row["q_lines"] += 1
        row["q_not_turn"] += int(line_start not in starts)
    for turn in transcript.turns:
        for sentence in turn.sentences:
            if sentence.end in wraps and not _TERMINAL.search(sentence.text):
                row["soft_wrap_ends"] += 1
    for diagnostic in transcript.diagnostics:
        row[f"diag:{diagnostic.code}"] += 1
    return row


def dialect_of(transcript: Transcript, folder: str) -> str:
    dialect = getattr(transcript, "dialect", None)
    return getattr(dialect, "name", None) or folder


def run(folders: Iterable[Path], detect: bool) -> dict[str, Counter[str]]:
    totals: dict[str, Counter[str]] = defaultdict(Counter)
    seconds: dict[str, float] = defaultdict(float)
    size: dict[str, int] = defaultdict(int)
    for folder in folders:
        for path in sorted(p for p in folder.iterdir() if p.suffix in (".txt", ".md")):
            started = time.process_time()
            transcript = read(path, detect_language=detect)
            elapsed = time.process_time() - started
            name = dialect_of(transcript, folder.name)
            totals[name] += measure(transcript)
            seconds[name] += elapsed
            size[name] += len(path.read_bytes())
    for name, row in totals.items():
        row["MB/s x100"] = round(100 * size[name] / 1e6 / max(seconds[name], 1e-9))
    return totals


def main(argv: list[str]) -> int:
    detect = "--detect" in argv
    args = [a for a in argv[1:] if a != "--detect"]
    folders = [Path(a) for a in args] or (
        sorted(p for p in REALDATA.iterdir() if p.is_dir()) if REALDATA.is_dir() else []
    )
    if not folders:
        print(f"skipped: no real data at {REALDATA}")
        return 0
    totals = run(folders, detect)
    fixed = ["files", "turns", "interpreted", "placeholders", "label_like_unattributed",
             "...without_warning", "q_lines", "q_not_turn", "soft_wrap_ends", "MB/s x100"]
    diag = sorted({k for row in totals.values() for k in row if k.startswith("diag:")})
    names = sorted(totals)
    width = max(len(n) for n in names) + 2
    print("figure".ljust(26) + "".join(n.rjust(width) for n in names))
    for key in fixed + diag:
        print(key.ljust(26) + "".join(str(totals[n][key]).rjust(width) for n in names))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))

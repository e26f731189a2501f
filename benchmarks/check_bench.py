"""Precision and recall of each quality rule on the labelled check corpus, and check throughput.

Reads ``corpora/check-corpus/labels.tsv`` (file, original, rule, excerpt, note,
class), runs ``check`` on every labelled file (with the other record of its
pair where one is named: the Spanish original of an English record, or the
English original of a Spanish rendering) and matches findings to labels: same
rule, and the label's excerpt inside the finding's excerpt or one of its
related locations.  Scored findings are those at warning or above plus those
of any rule labelled in that file, so an unlabelled info finding (a
self-repair) is neither a hit nor a false alarm.  A file labelled ``none`` has
nothing planted: every finding above info in it is a false alarm.  Recall is
also given per defect class (numbers, omissions, names, inaudible, boilerplate,
garbled, additions, ...), the figures the check's "done when" is stated in.

Throughput is measured separately for parsing and for checking, in MB of
UTF-8 input per second, over the corpus files (and ../shared/realdata/es-gobmx
when present, never committed)::

    .venv/bin/python benchmarks/check_bench.py [--no-detect] [--realdata DIR]
"""

from __future__ import annotations

import argparse
import csv
import time
from collections import defaultdict
from pathlib import Path

from interp_align.models import Severity
from interp_align.parse import read
from interp_align.quality import Finding, check

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpora" / "check-corpus"


def _matches(finding: Finding, rule: str, excerpt: str) -> bool:
    if finding.rule != rule:
        return False
    places = [finding.location.excerpt, *(r.excerpt for r in finding.related)]
    return any(excerpt in " ".join(p.split()) for p in places) or excerpt in finding.message


def _labels() -> dict[tuple[str, str], list[tuple[str, str, str]]]:
    groups: dict[tuple[str, str], list[tuple[str, str, str]]] = defaultdict(list)
    with (CORPUS / "labels.tsv").open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE):
            groups[(row["file"], row["original"])].append(
                (row["rule"], " ".join(row["excerpt"].split()), row.get("class") or "other"))
    return groups


def _language(name: str) -> str:
    """A record's language from its file name: ``es.txt``, ``….es.txt`` are Spanish."""
    return "es" if name.endswith("es.txt") else "en"


def evaluate(detect: bool) -> tuple[dict[str, list[int]], dict[str, list[int]], float, float, int]:
    """Per-rule and per-class [tp, fp, fn], and the parse and check seconds over the corpus.

    Classes are keyed ``"tuned:CLASS"`` or ``"held-out:CLASS"``: the held-out variants (files named
    ``h…``) were planted after the rules were tuned and are reported apart.
    """
    counts: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
    classes: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
    parse_s = check_s = 0.0
    size = 0
    for (name, original), labels in sorted(_labels().items()):
        path = CORPUS / name
        size += path.stat().st_size
        t0 = time.perf_counter()
        transcript = read(path, detect_language=detect, language=None if detect else _language(name))
        other = read(CORPUS / original, detect_language=detect, language=_language(original)) if original != "-" else None
        t1 = time.perf_counter()
        report = check(transcript, original=other)
        t2 = time.perf_counter()
        parse_s, check_s = parse_s + t1 - t0, check_s + t2 - t1
        labels = [label for label in labels if label[0] != "none"]
        labelled_rules = {rule for rule, _, _ in labels}
        scored = [f for f in report.findings if f.severity.rank >= Severity.WARNING.rank or f.rule in labelled_rules]
        if other is not None:  # the fidelity run is scored on the fidelity rules only
            scored = [f for f in scored if f.rule.startswith("IA6")]
        used: set[int] = set()
        group = "held-out" if name.startswith("h") else "tuned"
        for rule, excerpt, kind in labels:
            kind = f"{group}:{kind}"
            if other is not None and not rule.startswith("IA6"):
                continue  # a planted gap or misspelling in a fidelity variant is scored in the lone runs
            hit = next((k for k, f in enumerate(scored) if k not in used and _matches(f, rule, excerpt)), None)
            if hit is None:
                counts[rule][2] += 1
                classes[kind][2] += 1
            else:
                used.add(hit)
                counts[rule][0] += 1
                classes[kind][0] += 1
        for k, f in enumerate(scored):
            if k not in used:
                counts[f.rule][1] += 1
    return counts, classes, parse_s, check_s, size


def throughput(files: list[Path], detect: bool) -> tuple[int, float, float]:
    size = parse_s = check_s = 0.0
    for path in files:
        size += path.stat().st_size
        t0 = time.perf_counter()
        transcript = read(path, detect_language=detect)
        t1 = time.perf_counter()
        check(transcript)
        parse_s, check_s = parse_s + t1 - t0, check_s + time.perf_counter() - t1
    return int(size), parse_s, check_s


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--no-detect", action="store_true", help="parse without language identification")
    parser.add_argument("--realdata", default=str(ROOT.parent / "shared" / "realdata" / "es-gobmx"))
    args = parser.parse_args()
    detect = not args.no_detect
    counts, classes, parse_s, check_s, size = evaluate(detect)
    print(f"{'rule':<6} {'tp':>4} {'fp':>4} {'fn':>4} {'precision':>10} {'recall':>8}")
    total = [0, 0, 0]
    for rule in sorted(counts):
        tp, fp, fn = counts[rule]
        total = [a + b for a, b in zip(total, (tp, fp, fn), strict=True)]
        p = f"{tp / (tp + fp):.2f}" if tp + fp else "-"
        r = f"{tp / (tp + fn):.2f}" if tp + fn else "-"
        print(f"{rule:<6} {tp:>4} {fp:>4} {fn:>4} {p:>10} {r:>8}")
    tp, fp, fn = total
    print(f"{'all':<6} {tp:>4} {fp:>4} {fn:>4} {tp / max(1, tp + fp):>10.2f} {tp / max(1, tp + fn):>8.2f}")
    for kind in list(classes):
        total = classes[f"all:{kind.split(':')[1]}"]
        total[0] += classes[kind][0]
        total[2] += classes[kind][2]
    print(f"\n{'class':<22} {'tp':>4} {'fn':>4} {'recall':>8}")
    for kind in sorted(classes, key=lambda k: (k.startswith("tuned"), not k.startswith("all"), k)):
        tp, _, fn = classes[kind]
        print(f"{kind:<22} {tp:>4} {fn:>4} {tp / max(1, tp + fn):>8.2f}")
    print(f"corpus: {size / 1e6:.3f} MB; parse {size / 1e6 / parse_s:.2f} MB/s; check (incl. alignment for the fidelity run) "
          f"{size / 1e6 / check_s:.2f} MB/s")
    real = sorted(Path(args.realdata).glob("*.txt")) if Path(args.realdata).is_dir() else []
    if real:
        rsize, rparse, rcheck = throughput(real, detect)
        print(f"realdata ({len(real)} files, {rsize / 1e6:.3f} MB): parse {rsize / 1e6 / rparse:.2f} MB/s; "
              f"check {rsize / 1e6 / rcheck:.2f} MB/s; end to end {rsize / 1e6 / (rparse + rcheck):.2f} MB/s")


if __name__ == "__main__":
    main()

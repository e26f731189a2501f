"""Byte-identical ``check`` output before and after a speed change: run both trees, compare the JSON.

A speed-up of ``interp-align check`` must not move a finding.  This runs ``check --format json``
(and ``check FILE --original OTHER``) with two interpreters — the tree under test and a baseline
tree's venv (``--baseline``, e.g. an unchanged checkout's ``.venv/bin/python``) — over

* every record in ``corpora/`` (alone), and every pair ``corpora/check-corpus/labels.tsv`` names
  plus each corpus folder's ``en.txt``/``es.txt`` both ways (``--original``);
* a seeded sample (``--sample``, default 40 each) of the real records in ../shared/realdata
  (``en-whitehouse``, ``es-gobmx-sample``), alone;
* the real EN–ES pairs of ``benchmarks/check_pairs.py`` (``--pairs`` or ``INTERP_ALIGN_PAIRS``),
  both ways,

and reports every job whose stdout or exit code differs.  Each interpreter runs all its jobs in
one process through ``interp_align.cli.main`` (so state one check leaves in a cache must not reach
the next), and, with ``--subprocess N``, the first N jobs again as separate ``interp-align`` runs.

    .venv/bin/python benchmarks/check_same.py --baseline ../main/.venv/bin/python --pairs DIR
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import random
import re
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
REALDATA = ROOT.parent / "shared" / "realdata"
_HEADER = re.compile(r"#\s*en:\s*(\S+)\s+es:\s*(\S+)")

_CHILD = """
import contextlib, io, json, sys
from interp_align.cli import main
out = {}
for name, argv in json.loads(open(sys.argv[1]).read()):
    buf, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(buf), contextlib.redirect_stderr(err):
        code = main(argv)
    out[name] = [code, buf.getvalue(), err.getvalue()]
open(sys.argv[2], "w").write(json.dumps(out))
"""


def jobs(sample: int, pairs: Path | None, seed: int) -> list[tuple[str, list[str]]]:
    """``(name, argv)`` of every comparison, in a fixed order."""
    found: list[tuple[str, list[str]]] = []
    corpora = ROOT / "corpora"
    for path in sorted(corpora.rglob("*.txt")):
        if "gold" not in path.parts:
            found.append((f"alone {path.relative_to(ROOT)}", ["check", "--format", "json", str(path)]))
    both: set[tuple[Path, Path]] = set()
    with (corpora / "check-corpus" / "labels.tsv").open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle, delimiter="\t"):
            if row["original"] != "-":
                base = corpora / "check-corpus"
                both.add(((base / row["file"]).resolve(), (base / row["original"]).resolve()))
    for folder in sorted(p for p in corpora.iterdir() if (p / "en.txt").is_file() and (p / "es.txt").is_file()):
        both.add((folder / "en.txt", folder / "es.txt"))
        both.add((folder / "es.txt", folder / "en.txt"))
    if pairs is not None:
        for gold in sorted((pairs / "gold").glob("pair*.tsv")):
            m = _HEADER.match(gold.read_text(encoding="utf-8").splitlines()[0])
            if m:
                en, es = pairs / m.group(1), pairs / m.group(2)
                both.update({(en, es), (es, en)})
    for checked, other in sorted(both):
        found.append((f"original {checked} | {other}",
                      ["check", "--format", "json", str(checked), "--original", str(other)]))
    rng = random.Random(seed)
    for folder in ("en-whitehouse", "es-gobmx-sample"):
        files = sorted((REALDATA / folder).glob("*")) if (REALDATA / folder).is_dir() else []
        for path in sorted(rng.sample(files, min(sample, len(files)))):
            found.append((f"alone {folder}/{path.name}", ["check", "--format", "json", str(path)]))
    return found


def run_all(python: str, todo: list[tuple[str, list[str]]], tmp: Path, tag: str) -> dict[str, list[object]]:
    """Every job with ``python`` in one process: ``name -> [exit code, stdout, stderr]``."""
    spec, out = tmp / f"{tag}.jobs.json", tmp / f"{tag}.out.json"
    spec.write_text(json.dumps(todo), encoding="utf-8")
    subprocess.run([python, "-c", _CHILD, str(spec), str(out)], check=True, cwd=tmp)
    result: dict[str, list[object]] = json.loads(out.read_text(encoding="utf-8"))
    return result


def run_one(python: str, argv: list[str], tmp: Path) -> list[object]:
    done = subprocess.run([python, "-m", "interp_align", *argv], capture_output=True, text=True, cwd=tmp)
    return [done.returncode, done.stdout, done.stderr]


def _findings(results: dict[str, list[object]]) -> int:
    """Findings in every JSON report of ``results`` (a run that printed no JSON counts none)."""
    total = 0
    for code, out, _ in results.values():
        if code in (0, 1) and str(out).startswith("{"):
            total += sum(len(r["findings"]) for r in json.loads(str(out))["reports"])
    return total


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--baseline", required=True, help="the baseline tree's python")
    parser.add_argument("--python", default=sys.executable, help="the tree under test's python (default: this one)")
    parser.add_argument("--sample", type=int, default=40, help="real records per realdata folder")
    parser.add_argument("--seed", type=int, default=11)
    parser.add_argument("--pairs", type=Path, default=Path(os.environ["INTERP_ALIGN_PAIRS"])
                        if os.environ.get("INTERP_ALIGN_PAIRS") else None)
    parser.add_argument("--subprocess", type=int, default=0, metavar="N", help="also run the first N jobs one process each")
    args = parser.parse_args()
    todo = jobs(args.sample, args.pairs, args.seed)
    with tempfile.TemporaryDirectory() as name:
        tmp = Path(name)
        ours, theirs = run_all(args.python, todo, tmp, "ours"), run_all(args.baseline, todo, tmp, "base")
        for job_name, argv in todo[: args.subprocess]:
            ours[f"[process] {job_name}"] = run_one(args.python, argv, tmp)
            theirs[f"[process] {job_name}"] = run_one(args.baseline, argv, tmp)
    differ = sorted(k for k in ours if ours[k][:2] != theirs.get(k, [None, None])[:2])
    print(f"{len(ours)} runs ({len(todo)} jobs), {len(differ)} differ; {_findings(ours)} findings compared")
    for k in differ:
        print(f"  DIFFERS: {k}")
    return 1 if differ else 0


if __name__ == "__main__":
    sys.exit(main())

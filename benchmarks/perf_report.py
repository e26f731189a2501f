"""Issue 11 in one run: every stage beside its floor and a peer, with medians of repeated runs.

Stages (CPU seconds, the machine is shared; wall seconds beside; median of ``--repeats``):

* parse MB/s on the real records of ../shared/realdata (about 20 MB, read at run time, never
  copied; the shipped corpora replicated when it is absent), with language tags (read lazily,
  and with every tag read), without, and turns only, beside an *offsets-only floor*: the
  matching view and the whole-text regex passes the parser makes (labels, notes, separators,
  sentence terminals, line breaks), collecting offsets, no models;
* linear growth: the seed record ×1, ×10, ×100;
* peak memory per input byte: tracemalloc peak of ``parse()`` per record (input string excluded)
  and ``ru_maxrss`` of ``interp-align parse --format json`` on the largest records, each in a
  subprocess, minus an interpreter that imported the package;
* language ID on corpora/langid-short-segments: the default, the lexical backend, stock
  langdetect, and lingua when installed (``pip install lingua-language-detector``; skipped
  cleanly otherwise);
* check MB/s on the seed replicated to 0.2 / 2 / 20 MB, alone and with ``--original`` at 0.2 / 2 MB
  (issue 11's third check round, CPU medians of 3 runs alternating with the tree before it,
  35da891, in one session, load 2.1-3.3: 0.70 / 1.94 / 1.81 MB/s alone, 0.13 / 0.17 MB/s with
  ``--original``; 35da891 in the same runs 0.58 / 1.59 / 1.53 and 0.12 / 0.14; before issue 11
  0.40 / 0.75 / 0.74 and 0.10 / 0.11).  Two later sessions under heavier, erratic load (2-5)
  spread both trees' figures by up to 2x; over all nine alternating pairs of runs the median
  CPU-time ratio was 0.79 / 0.83 / 0.89 alone and 0.93 / 0.88 with ``--original``.  The 0.2 MB run is the process's first check and still
  pays about 0.25 s of rule-module imports and word-frequency tables.  With ``--original`` about
  three quarters of the time is the per-turn-pair sentence alignment, 2.6 ms even for a 1-1 pair,
  two thirds of it the corridor search and IBM model 1 (scoring code, not setup).  The targets,
  3 MB/s alone and 1 MB/s with ``--original``, are not met;
* alignment 10k / 100k sentences beside NLTK Gale–Church at 2k (``benchmarks/align_scaling.py``).

    .venv/bin/python benchmarks/perf_report.py [--quick] [--repeats 3] [--skip align,check20]

(``INTERP_ALIGN_REALDATA`` names another folder of real records, e.g. for a run of an exported
older tree.)

Measured (issue 11, second parse round; CPU medians of 3, under load: other jobs kept both cores
busy, load average 3-4; the tree before the round exported and run alternately in the same
session, two runs each, means of their medians): parse on the 454 real records (19.5 MB) without
tags 11.5 MB/s (8.3 before), tags read lazily 7.0 (5.0), every tag read 3.2 (2.5), turns only
15.4 (11.1), offsets-only floor 50; the seed x100 (2 MB) 22 MB/s without tags (16.0), 12.8 with
every tag read (8.1).  Peak memory of ``parse()`` on the 191 records >= 50 kB: median 4.93 / all
records 5.60 B/B without tags (4.93 / 5.60 before), 4.99 / 5.74 with tags (5.27 / 5.84).

Language ID round (issue 11, branch s15-langid; one run each, alternating with main's 35da891,
load ~3): the default 0.992 at 27.0k segments/s, ``langdetect-bounded`` (since the default) 0.992 at 134k, lexical
0.977 at 279k; parse with every tag read 3.47 MB/s (main 2.76 in the same session), no tags
10.8 (11.8: noise, that path is unchanged).

0.2.0 (the bounded rule the default; ``--skip growth,memory,check,check20,align``, two runs
each alternating with main's 35da891, load 2.9-3.1, means of medians): parse with tags read
lazily 4.6 MB/s (main 3.9), every tag read 3.0 (1.8), no tags 8.3 (7.1: noise, unchanged),
turns only 9.7 (9.3); language ID: the default 0.992 at 89-91k segments/s (main 7.3-8.5k),
``langdetect-full`` 14.1-14.7k, lexical 147-180k (103-118k).

Third parse round (CPU medians of 3; main at 35da891 run from its own checkout alternately with
this tree in the same session, three runs each, means of their medians; load average 3.5-5 from
other jobs, so the rows move by +-30 % between runs): without tags 7.9 MB/s (6.9 before), tags
read lazily 4.0 (4.4), every tag read 1.8 (2.0), turns only 9.3 (8.8), offsets-only floor 37
(40) -- no difference this load can resolve.  The sentence splitter alone on the 22,151 turns of
the real records, interleaved A/B in one process: 0.275 / 0.321 CPU s, min / median of 10
(0.347 / 0.384 before), a few per cent of a parse.  ``interp-align parse --format json`` peak
RSS above a one-line record: 10.3 B/B on the 13 MB joined gob.mx record (16.3 before, same run),
10.1 on the largest record (13.2); ``parse()`` unchanged (4.93 / 5.60 and 5.00 / 5.74).  With
tags the identifier's own work is most of the time (pyinstrument: turn tags 45 % of a lazily
tagged parse, sentence tags 97 % of what reading every tag adds).

Fourth round (after 0.2.0: parse, tags, check and aligner speed-ups with byte-identical output;
load about 1, this tree and 86e3f46 run alternately, two runs each; the host was slow that day:
NLTK Gale-Church at 2k took 59.5 CPU s, 39 s the stop before).  Separate runs still moved by
+-25 %, so the parse ratios come from ``benchmarks/parse_ab.py`` (both trees in one process,
interleaved record by record, three rounds): new/old CPU 0.781 without tags (9.9 MB/s against
7.5), 0.840 with tags read lazily (5.8 against 4.9), 0.916 with every tag read.  perf_report:
no tags 10.8 / 10.5 MB/s (86e3f46: 7.0 / 8.6), lazy tags 4.5 / 6.0 (5.6 / 4.8), every tag 3.4 /
3.3 (2.9 / 3.0), turns only 13.6 / 17.7 (10.6 / 12.4), floor 34 (41-43); check 0.2 / 2 / 20 MB
0.44 / 1.28 / 1.39 and 0.41 / 1.18 / 1.33 MB/s (0.38 / 1.09 / 1.21 and 0.44 / 1.49 / 1.20),
``--original`` 2 MB 14.1 / 14.6 CPU s (19.9 / 18.5), 0.14 MB/s (0.10-0.11); language id 0.992
at 103-108k segments/s (64-105k).  Memory unchanged: 4.93 / 5.59 B/B, with tags 4.94 / 5.72;
``parse --format json`` 10.35 B/B on the 13 MB record.  ``benchmarks/align_scaling.py``: 100k x 100k in
38.4 CPU s, 1,296 MiB (86e3f46 in the same session 54.3 s, 1,326 MiB).
"""

from __future__ import annotations

import argparse
import json
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
REALDATA = Path(os.environ.get("INTERP_ALIGN_REALDATA", ROOT.parent / "shared" / "realdata"))
SEED = ROOT / "corpora" / "us-mexico-security-dialogue-2023"
SEGMENTS = ROOT / "corpora" / "langid-short-segments" / "segments.tsv"


def _records() -> list[str]:
    """The real records (about 20 MB), or the shipped corpora replicated to a similar size."""
    from interp_align.io import read_text

    files = sorted(p for p in REALDATA.rglob("*") if p.suffix in (".txt", ".md")) if REALDATA.is_dir() else []
    if files:
        return [read_text(p).text for p in files]
    corpus = [read_text(p).text for p in sorted((ROOT / "corpora").rglob("*.txt"))]
    return corpus * max(1, int(20e6 / sum(len(t.encode()) for t in corpus)))


def _mb(texts: list[str]) -> float:
    return sum(len(t.encode("utf-8")) for t in texts) / 1e6


def _forget_tags() -> None:
    """Start a run with an empty tag memory: the parser's default identifier remembers every
    text it tagged, and a repeat of the same records would only read that back."""
    import importlib

    parse_module = importlib.import_module("interp_align.parse")
    default = getattr(parse_module, "_default_identifier", None)
    if default is not None:
        default.cache_clear()


def _timed(work: Callable[[], object], repeats: int) -> tuple[float, float]:
    """Median CPU and wall seconds of ``work`` over ``repeats`` runs, each with no tag memory."""
    cpu, wall = [], []
    for _ in range(repeats):
        _forget_tags()
        started, clock = time.perf_counter(), time.process_time()
        work()
        cpu.append(time.process_time() - clock)
        wall.append(time.perf_counter() - started)
    return statistics.median(cpu), statistics.median(wall)


def _row(name: str, mb: float, cpu: float, wall: float) -> None:
    print(f"  {name:<34} {mb:>7.2f} MB  cpu {cpu:>7.2f} s  {mb / cpu:>7.2f} MB/s   wall {wall:>7.2f} s  {mb / wall:>7.2f} MB/s")


# -- parse --------------------------------------------------------------------------------------


def offsets_floor(text: str) -> int:
    """The offsets-only floor: the view and each whole-text pass, offsets collected, no models."""
    from interp_align.lang import labels, markers
    from interp_align.parsing.blocks import SEPARATOR
    from interp_align.parsing.document import base_view

    try:
        from interp_align.parsing.document import line_matches
        from interp_align.segment import _CANDIDATE
    except ImportError:  # the code before issue 11 (for a before/after run): the plain passes
        line_matches = _plain_line_matches
        _CANDIDATE = re.compile(r"[.!?]+[\"')\]]*(?=\s|\Z)")
    view = base_view(text)
    found = [m.end() for m in markers.CANDIDATE.finditer(view)]
    found += [s for s, _ in line_matches(labels.COLON_LABEL, view)]
    found += [s for s, _ in line_matches(SEPARATOR, view)]
    found += [m.end() for m in _CANDIDATE.finditer(view)]
    found += [m.start() for m in re.finditer("\n", view)]
    return len(found)


def _plain_line_matches(pattern: re.Pattern[str], view: str) -> Any:
    return ((m.start(), m) for m in pattern.finditer(view))


def _read_tags(transcript: Any) -> int:
    return sum(1 for t in transcript.turns for s in t.sentences if s.language is not None)


def parse_stage(texts: list[str], repeats: int) -> None:
    from interp_align.parse import parse

    mb = _mb(texts)
    parse(texts[0], detect_language=True)  # imports, profiles, caches of the language data
    print(f"parse, {len(texts)} records ({'realdata' if REALDATA.is_dir() else 'corpora replicated'}):")
    settings: list[tuple[str, Callable[[], object]]] = [
        ("offsets-only floor", lambda: [offsets_floor(t) for t in texts]),
        ("parse, tags (lazy)", lambda: [parse(t) for t in texts]),
        ("parse, tags, every tag read", lambda: [_read_tags(parse(t)) for t in texts]),
        ("parse, no tags", lambda: [parse(t, detect_language=False) for t in texts]),
        ("parse, turns only", lambda: [parse(t, detect_language=False, sentences=False) for t in texts]),
    ]
    for name, work in settings:
        _row(name, mb, *_timed(work, repeats))


def growth_stage(repeats: int) -> None:
    from interp_align.parse import parse

    seed = (SEED / "en.txt").read_text(encoding="utf-8")
    print("linear growth, the seed record replicated (MB/s should stay flat):")
    for copies in (1, 10, 100):
        text = "\n\n".join([seed] * copies)
        mb = len(text.encode()) / 1e6
        _row(f"x{copies} no tags", mb, *_timed(lambda text=text: parse(text, detect_language=False), repeats))
        _row(f"x{copies} tags, every tag read", mb, *_timed(lambda text=text: _read_tags(parse(text)), repeats))


# -- memory -------------------------------------------------------------------------------------

_PEAK_CHILD = """
import json, sys, tracemalloc, gc
from interp_align.io import read_text
from interp_align.parse import parse
rows = []
for name in json.loads(sys.argv[1]):
    text = read_text(name).text
    parse(text, detect_language=sys.argv[2] == "1")  # warm caches
    gc.collect(); tracemalloc.start()
    parse(text, detect_language=sys.argv[2] == "1")
    _, peak = tracemalloc.get_traced_memory(); tracemalloc.stop()
    rows.append((len(text.encode()), peak))
print(json.dumps(rows))
"""


_RSS_CHILD = """
import json, resource, subprocess, sys
subprocess.run(json.loads(sys.argv[1]), check=True, stdout=subprocess.DEVNULL)
print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
"""


def _rss_kib(command: list[str]) -> int:
    """Peak RSS (KiB) of ``command``, run from a fresh process whose only child it is."""
    out = subprocess.run([sys.executable, "-c", _RSS_CHILD, json.dumps(command)], check=True, capture_output=True, text=True)
    return int(out.stdout.strip())


def memory_stage(quick: bool) -> None:
    files = sorted(p for p in REALDATA.rglob("*") if p.suffix in (".txt", ".md")) if REALDATA.is_dir() else []
    files = [p for p in files if p.stat().st_size >= 50_000] or sorted((ROOT / "corpora").rglob("*.txt"))
    if quick:
        files = files[:: max(1, len(files) // 40)]
    print(f"peak memory of parse() per input byte (tracemalloc, input excluded), {len(files)} records >= 50 kB:")
    for detect in (False, True):
        out = subprocess.run([sys.executable, "-c", _PEAK_CHILD, json.dumps([str(p) for p in files]), "1" if detect else "0"],
                             check=True, capture_output=True, text=True).stdout
        rows = json.loads(out)
        ratios = sorted(peak / size for size, peak in rows)
        total = sum(p for _, p in rows) / sum(s for s, _ in rows)
        p90 = ratios[int(0.9 * (len(ratios) - 1))]
        print(f"  {'tags' if detect else 'no tags':<8} median {statistics.median(ratios):5.2f}  p90 {p90:5.2f}  "
              f"max {ratios[-1]:5.2f}  all records {total:5.2f} B/B")
    # The CLI, each run in its own process: peak RSS above the same command on a one-line record.
    exe = str(Path(sys.executable).with_name("interp-align"))
    with tempfile.TemporaryDirectory() as tmp:
        tiny = Path(tmp) / "tiny.txt"
        tiny.write_text("MR. A:  Hello.\n", encoding="utf-8")
        base = _rss_kib([exe, "parse", str(tiny), "--format", "json"])
        joined = Path(tmp) / "joined.txt"  # one long record of one publisher (gob.mx, else all)
        same = [p for p in files if "gobmx" in str(p)] or files
        joined.write_text("\n\n".join(p.read_text(encoding="utf-8") for p in same), encoding="utf-8")
        for path in [max(files, key=lambda p: p.stat().st_size), joined]:
            rss = _rss_kib([exe, "parse", str(path), "--format", "json"])
            size = path.stat().st_size
            print(f"  interp-align parse --format json  {size / 1e6:6.2f} MB  peak RSS {rss / 1024:7.1f} MiB, "
                  f"{(rss - base) * 1024 / size:6.2f} B/B above a one-line record ({base / 1024:.0f} MiB)")


# -- language ID --------------------------------------------------------------------------------


def langid_stage() -> None:
    from interp_align.errors import ConfigError
    from interp_align.langid import get_identifier

    rows = [line.split("\t", 1) for line in SEGMENTS.read_text(encoding="utf-8").splitlines()[1:] if line.strip()]
    print(f"language ID, {len(rows)} short segments (accuracy, segments per CPU second, median of 5; "
          "fresh identifier each pass, nothing remembered):")
    peers: dict[str, Callable[[], Callable[[str], str | None]]] = {
        "langdetect + prior (default)": lambda: _code(get_identifier("langdetect")),
        "langdetect-full (0.1.0 default)": lambda: _code(get_identifier("langdetect-full")),
        "lexical": lambda: _code(get_identifier("lexical")),
        "stock langdetect (55 profiles)": lambda: _code(get_identifier("langdetect-stock")),
        "lingua (en, es)": _lingua,
    }
    for name, make in peers.items():
        try:
            detect = make()
        except ImportError:
            print(f"  {name:<34} skipped: not installed (pip install lingua-language-detector)")
            continue
        except ConfigError:  # an older tree, run for comparison
            print(f"  {name:<34} skipped: not in this tree")
            continue
        times = []
        for _ in range(1 if "stock" in name else 5):
            detect("warm up")
            started = time.process_time()
            answers = [detect(text) for _, text in rows]
            times.append(time.process_time() - started)
            detect = make()
        elapsed = max(statistics.median(times), 1e-9)
        right = sum(a == gold for a, (gold, _) in zip(answers, rows, strict=True))
        print(f"  {name:<34} accuracy {right / len(rows):.3f}  {len(rows) / elapsed:>9.0f} segments/s")


def _code(identifier: Any) -> Callable[[str], str | None]:
    def detect(text: str) -> str | None:
        tag = identifier.detect(text)
        return tag.code if tag else None

    return detect


def _lingua() -> Callable[[str], str | None]:
    from lingua import Language, LanguageDetectorBuilder  # optional benchmark extra

    detector = LanguageDetectorBuilder.from_languages(Language.ENGLISH, Language.SPANISH).build()
    codes = {Language.ENGLISH: "en", Language.SPANISH: "es"}

    def detect(text: str) -> str | None:
        found = detector.detect_language_of(text)
        return codes.get(found) if found is not None else None

    return detect


# -- check and alignment --------------------------------------------------------------------------


def check_stage(sizes: list[float], original_sizes: list[float]) -> None:
    import interp_align as ia
    from interp_align.quality import check

    en = (SEED / "en.txt").read_text(encoding="utf-8")
    es = (SEED / "es.txt").read_text(encoding="utf-8")
    print("check, the seed record replicated (parse excluded):")
    for size in sizes:
        copies = max(1, round(size * 1e6 / len(en.encode())))
        english = ia.parse("\n\n".join([en] * copies))
        mb = len(english.text.encode()) / 1e6
        _row(f"check {size:g} MB", mb, *_timed(lambda english=english: check(english), 1))
        if size in original_sizes:
            spanish = ia.parse("\n\n".join([es] * copies), language="es")
            _row(f"check --original {size:g} MB (aligns)", mb,
                 *_timed(lambda english=english, spanish=spanish: check(english, original=spanish), 1))


def align_stage(quick: bool) -> None:
    sizes = ["2000", "10000"] if quick else ["2000", "10000", "100000"]
    print("alignment (benchmarks/align_scaling.py: CPU s, peak RSS; NLTK Gale-Church at 2k):", flush=True)
    subprocess.run([sys.executable, str(ROOT / "benchmarks" / "align_scaling.py"), "--sizes", *sizes], check=False)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--quick", action="store_true", help="fewer records, repeats and sizes")
    parser.add_argument("--skip", default="", help="comma-separated stages: parse,growth,memory,langid,check,check20,align")
    args = parser.parse_args()
    skip = set(filter(None, args.skip.split(",")))
    repeats = 1 if args.quick else args.repeats
    print(f"machine: {os.cpu_count()} CPUs, load {os.getloadavg()[0]:.1f}; python {sys.version.split()[0]}", flush=True)
    texts = _records() if not {"parse"} <= skip else []
    stages: list[tuple[str, Callable[[], None]]] = [
        ("parse", lambda: parse_stage(texts[:60] if args.quick else texts, repeats)),
        ("growth", lambda: growth_stage(repeats)),
        ("memory", lambda: memory_stage(args.quick)),
        ("langid", langid_stage),
        ("check", lambda: check_stage([0.2, 2.0] if args.quick or "check20" in skip else [0.2, 2.0, 20.0], [0.2, 2.0])),
        ("align", lambda: align_stage(args.quick)),
    ]
    for name, stage in stages:
        if name not in skip:
            stage()
            sys.stdout.flush()
    return 0


if __name__ == "__main__":
    sys.exit(main())

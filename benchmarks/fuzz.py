"""Fuzz parse, check and align with mutated excerpts of the shipped corpora.

Each input is a window of a corpus transcript (``corpora/**/*.txt``) with a few
mutations from :data:`INSERTS` and :func:`mutate` (labels, interpreter notes,
separators, CR-only line ends, superscript and circled digits, controls,
invisible characters, deleted, doubled or swapped stretches …).  Every input is
parsed and checked for losslessness (the blocks tile the input exactly; every
span's ``text`` is its slice of the input), then checked alone; every fourth
input is a mutated English/Spanish pair of one event, aligned and checked with
its original; every sixteenth pair is also exported to TMX and rendered as the
HTML report.

Input *k* depends only on ``--seed`` and *k*, so a failure is reproduced by
``--only K``.  Figures (inputs, exceptions and losslessness failures per stage,
inputs per second, the slowest inputs) are printed at the end and written to
``--out`` as JSON every ``--every`` inputs, so a long run killed half-way still
leaves its figures::

    .venv/bin/python benchmarks/fuzz.py --inputs 1000000 --workers 2 --out artifacts/fuzz.json
    .venv/bin/python benchmarks/fuzz.py --only 12345          # re-run one input, with its traceback

Measured (2-core machine, 2 workers, 60-160 inputs/s depending on the aligner of the day), issue 12:
seed 0 on the code of the day before, 300,000 inputs: 224 exceptions, all one aligner crash
(superscript and circled digits, ``float('¹')``; fixed in the aligner since), 0 losslessness
failures.  Seed 0 after that fix, 180,000 inputs: 0 exceptions, 0 losslessness failures, 1
timeout (input 119239: the front-matter pattern backtracked exponentially on CRLF text; fixed,
``tests/test_fuzz_regressions.py``).  Seeds 1 and 2 after that fix, 70,000 + 180,000 inputs: 0
exceptions, 0 losslessness failures, 0 timeouts; slowest input 2.3 s.  730,000 inputs in all.  Then one
run of 10⁶ inputs, seed 3, on the code of commit d9d37d5 (2 workers, 6,401 s, 156 inputs/s while
other jobs shared the cores): 0 exceptions, 0 losslessness failures, 0 timeouts; slowest input
1.7 s.
"""

from __future__ import annotations

import argparse
import json
import random
import signal
import sys
import time
import traceback
from collections import Counter
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
CORPORA = ROOT / "corpora"

#: Strings that stress the parser, the checks and the aligner when dropped anywhere.
INSERTS = (
    "MR. HALVERSON: ", "\nSECRETARY BLINKEN:  ", "\nSECRETARIA BÁRCENA: ", "\nPREGUNTA: ", "\nQ: ", "\n---\n",
    "\n---\nHELENA MARSH, SECRETARIA DE COMERCIO\n", "(Via interpreter) ", "(Via interpreter.)",
    "(Interpretación del inglés al español)", "(Mensaje en inglés)", "(inaudible)", "[inaudible 00:01:42]",
    "(crosstalk)", "(Applause.)", "(", ")", "[", "]", ":", "::", "\r", "\r\n", "\n\n", "\n", "\t", " ",
    "¹", "²", "³", "②", "₂", "½", "٣", "３", "Ⅻ", "𝟙", "⁴⁵", "①②③", "10²", "x₁₀",
    "\u00a0", "\u200b", "\u200d", "\u2028", "\u2029", "\ufeff", "\ufffd", "\u0301", "\u202e", "\x00", "\x0b",
    "\x0c", "\x1c", "\x85", "\x7f", "🇲🇽", "👍🏽", "Ã¡", "â€™", "RodrÃ\xadguez", "...", " -- ", "—", "–", "“", "”",
    "$1.5 billion", "4 mil 400", "20%", "3.5 millones", "No. 5", "U.S.", "EE. UU.", "a.m.", "10:30",
    "Muchas gracias, colleagues.", "Thank you very much.", "###", "END 10:42 A.M. EDT", "—000—",
    "Related Articles", "Leave a Reply", "Back to top button", "https://example.invalid/x?y=1",
    "A" * 300, "á" * 50, "la la la la la", "¿Qué? ¡Sí!", "Roderíguez",
)


def corpus_texts() -> tuple[list[str], list[tuple[str, str]]]:
    """Every transcript under ``corpora/`` and the English/Spanish pairs of the event folders."""
    texts = [p.read_text(encoding="utf-8") for p in sorted(CORPORA.rglob("*.txt"))]
    pairs = [((d / "en.txt").read_text(encoding="utf-8"), (d / "es.txt").read_text(encoding="utf-8"))
             for d in sorted(CORPORA.iterdir()) if (d / "en.txt").is_file() and (d / "es.txt").is_file()]
    return texts, pairs


def window(rng: random.Random, text: str) -> str:
    """A stretch of ``text``: the whole of it, a run of lines, or an arbitrary slice."""
    roll = rng.random()
    if roll < 0.05 or not text:
        return text
    if roll < 0.6:
        lines = text.splitlines(keepends=True)
        a = rng.randrange(len(lines))
        return "".join(lines[a : a + rng.randint(1, 30)])
    a = rng.randrange(len(text))
    return text[a : a + rng.randint(0, 1500)]


def mutate(rng: random.Random, text: str) -> str:
    """``text`` with 0-5 random edits: inserts, deletions, doubling, swaps, case flips, line-end changes."""
    for _ in range(rng.choice((0, 1, 1, 2, 3, 5))):
        n = len(text)
        at = rng.randint(0, n)
        op = rng.randrange(9)
        if op <= 2:
            text = text[:at] + rng.choice(INSERTS) + text[at:]
        elif op == 3 and n:
            b = min(n, at + rng.randint(1, 80))
            text = text[:at] + text[b:]
        elif op == 4 and n:
            b = min(n, at + rng.randint(1, 200))
            text = text[:b] + text[at:b] + text[b:]
        elif op == 5:
            lines = text.split("\n")
            if len(lines) > 1:
                i, j = rng.randrange(len(lines)), rng.randrange(len(lines))
                lines[i], lines[j] = lines[j], lines[i]
                text = "\n".join(lines)
        elif op == 6 and n:
            b = min(n, at + rng.randint(1, 60))
            text = text[:at] + text[at:b].swapcase() + text[b:]
        elif op == 7:
            text = text.replace("\r\n", "\n").replace("\n", rng.choice(("\r", "\r\n", "\u2028", "\n\n")))
        else:
            text = text[:at] + chr(rng.randint(1, 0x2FFF)) + text[at:]
    return text


@dataclass
class Case:
    """One fuzz input: a lone transcript, or an English/Spanish pair."""

    index: int
    kind: str  # "single" or "pair"
    texts: tuple[str, ...]
    detect: bool
    render: bool


def make_case(seed: int, index: int, texts: list[str], pairs: list[tuple[str, str]]) -> Case:
    """Input ``index`` of the run seeded ``seed``: depends on nothing else."""
    rng = random.Random(seed * 1_000_003 + index)
    detect = rng.random() < 0.1
    if index % 4 == 3 and pairs:
        en, es = rng.choice(pairs)
        return Case(index, "pair", (mutate(rng, window(rng, en)), mutate(rng, window(rng, es))), detect,
                    render=index % 64 == 63)
    return Case(index, "single", (mutate(rng, window(rng, rng.choice(texts))),), detect, render=False)


def lossless_problems(transcript: Any) -> list[str]:
    """Where a parsed transcript is not lossless: blocks that do not tile it, spans whose text is not their slice."""
    text = transcript.text
    problems = []
    if "".join(b.text for b in transcript.blocks) != text:
        problems.append("blocks do not tile the input")
    pos = 0
    for b in transcript.blocks:
        if b.start != pos or text[b.start : b.end] != b.text:
            problems.append(f"block {b.kind.value} at {b.start} is not its slice or leaves a gap")
            break
        pos = b.end
    for turn in transcript.turns:
        if text[turn.start : turn.end] != turn.text or text[turn.body_start : turn.body_end] != turn.body:
            problems.append(f"turn {turn.index} text is not its slice")
        for s in turn.sentences:
            if text[s.start : s.end] != s.text:
                problems.append(f"turn {turn.index} sentence {s.index} is not its slice")
        for m in turn.markers:
            if text[m.start : m.end] != m.text:
                problems.append(f"turn {turn.index} marker at {m.start} is not its slice")
    return problems


class _Timeout(Exception):
    pass


def _alarm(signum: int, frame: Any) -> None:
    raise _Timeout()


@dataclass
class Outcome:
    """What happened to one input."""

    index: int
    stage: str = ""  # the stage that failed, "" when none did
    problem: str = ""  # "exception", "lossless" or "timeout"
    detail: str = ""
    where: str = ""  # for exceptions: type and innermost frame, the key failures are grouped by
    seconds: float = 0.0


def run_case(case: Case, *, timeout: int = 30) -> Outcome:
    """Parse (and check losslessness), check, and for pairs align, export and render one input."""
    import interp_align as ia
    from interp_align.quality import check
    from interp_align.report import render_report

    outcome = Outcome(case.index)
    stage = "parse"
    started = time.perf_counter()
    if hasattr(signal, "SIGALRM"):
        signal.signal(signal.SIGALRM, _alarm)
        signal.alarm(timeout)
    try:
        parsed = [ia.parse(t, detect_language=case.detect) for t in case.texts]
        for transcript in parsed:
            problems = lossless_problems(transcript)
            if problems:
                outcome.stage, outcome.problem, outcome.detail = "parse", "lossless", "; ".join(problems[:3])
                return outcome
        stage = "check"
        reports = [check(t) for t in parsed]
        if case.kind == "pair":
            stage = "align"
            alignment = ia.align(parsed[0], parsed[1])
            stage = "check --original"
            paired = check(parsed[0], original=parsed[1], alignment=alignment)
            if case.render:
                stage = "export"
                ia.to_tmx(alignment)
                ia.to_jsonl(alignment)
                stage = "report"
                render_report(parsed[0], parsed[1], alignment, paired, reports[1])
    except _Timeout:
        outcome.stage, outcome.problem, outcome.detail = stage, "timeout", f"over {timeout} s"
    except Exception as exc:  # the point of fuzzing: record every exception with where it came from
        frame = traceback.extract_tb(exc.__traceback__)[-1]
        where = f"{Path(frame.filename).name}:{frame.lineno}"
        outcome.stage, outcome.problem = stage, "exception"
        outcome.where = f"{type(exc).__name__} at {where}"
        outcome.detail = f"{outcome.where}: {str(exc)[:200]}"
    finally:
        if hasattr(signal, "SIGALRM"):
            signal.alarm(0)
        outcome.seconds = time.perf_counter() - started
    return outcome


_CORPUS: tuple[list[str], list[tuple[str, str]]] | None = None


def _run_chunk(args: tuple[int, int, int]) -> list[Outcome]:
    """Worker: inputs ``[start, stop)`` of the run seeded ``seed``; only failures and the slowest come back."""
    global _CORPUS
    seed, start, stop = args
    if _CORPUS is None:
        _CORPUS = corpus_texts()
    texts, pairs = _CORPUS
    out, slowest = [], Outcome(-1)
    for index in range(start, stop):
        outcome = run_case(make_case(seed, index, texts, pairs))
        if outcome.problem:
            out.append(outcome)
        elif outcome.seconds > slowest.seconds:
            slowest = outcome
    out.append(slowest)  # index -1 when the chunk was empty
    return out


@dataclass
class Tally:
    """Running figures of a fuzz run."""

    seed: int
    inputs: int = 0
    seconds: float = 0.0
    failures: Counter[str] = field(default_factory=Counter)  # "stage/problem" → count
    groups: dict[str, dict[str, Any]] = field(default_factory=dict)  # stage · problem · where → count, examples
    slowest: list[tuple[float, int]] = field(default_factory=list)

    def add(self, outcomes: list[Outcome], size: int) -> None:
        self.inputs += size
        for o in outcomes:
            if o.index < 0:
                continue
            if o.problem:
                self.failures[f"{o.stage}/{o.problem}"] += 1
                group = self.groups.setdefault(f"{o.stage} · {o.problem} · {o.where or o.detail}",
                                               {"count": 0, "inputs": [], "first": o.detail})
                group["count"] += 1
                if len(group["inputs"]) < 5:
                    group["inputs"].append(o.index)
            else:
                self.slowest = sorted([*self.slowest, (round(o.seconds, 3), o.index)], reverse=True)[:5]

    def inputs_per_second(self) -> float:
        return self.inputs / self.seconds if self.seconds else 0.0

    def figures(self) -> dict[str, Any]:
        return {
            "seed": self.seed,
            "inputs": self.inputs,
            "seconds": round(self.seconds, 1),
            "inputs_per_second": round(self.inputs_per_second(), 1),
            "exceptions": sum(n for k, n in self.failures.items() if k.endswith("/exception")),
            "lossless_failures": sum(n for k, n in self.failures.items() if k.endswith("/lossless")),
            "timeouts": sum(n for k, n in self.failures.items() if k.endswith("/timeout")),
            "failures_by_stage": dict(sorted(self.failures.items())),
            "failure_groups": self.groups,
            "slowest_inputs": [{"seconds": s, "input": i} for s, i in self.slowest],
        }


def chunks(total: int, size: int) -> Iterator[tuple[int, int]]:
    for start in range(0, total, size):
        yield start, min(total, start + size)


def fuzz(inputs: int, *, seed: int = 0, workers: int = 1, chunk: int = 500, out: Path | None = None,
         every: int = 20_000) -> dict[str, Any]:
    """Run ``inputs`` fuzz inputs; the figures as a dict (also written to ``out`` as the run goes)."""
    tally = Tally(seed)
    started = time.perf_counter()
    last_written = 0
    work = [(seed, a, b) for a, b in chunks(inputs, chunk)]

    def record(outcomes: list[Outcome], size: int) -> None:
        nonlocal last_written
        tally.add(outcomes, size)
        tally.seconds = time.perf_counter() - started
        if out is not None and (tally.inputs - last_written >= every or tally.inputs == inputs):
            last_written = tally.inputs
            out.write_text(json.dumps(tally.figures(), indent=1) + "\n", encoding="utf-8")
            print(f"[{tally.inputs}/{inputs}] {tally.inputs_per_second():.0f}/s "
                  f"failures {sum(tally.failures.values())}", file=sys.stderr, flush=True)

    if workers > 1:
        with ProcessPoolExecutor(max_workers=workers) as pool:
            for (_, a, b), outcomes in zip(work, pool.map(_run_chunk, work), strict=True):
                record(outcomes, b - a)
    else:
        for item in work:
            record(_run_chunk(item), item[2] - item[1])
    tally.seconds = time.perf_counter() - started
    return tally.figures()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--inputs", type=int, default=20_000, help="how many inputs (default 20,000)")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--workers", type=int, default=1)
    parser.add_argument("--out", type=Path, help="write the figures here as JSON while running")
    parser.add_argument("--every", type=int, default=20_000, help="write --out every N inputs")
    parser.add_argument("--only", type=int, metavar="K", help="run input K alone and show its traceback")
    args = parser.parse_args(argv)
    if args.only is not None:
        texts, pairs = corpus_texts()
        case = make_case(args.seed, args.only, texts, pairs)
        print(json.dumps({"kind": case.kind, "detect": case.detect, "texts": case.texts}, ensure_ascii=True, indent=1))
        outcome = run_case(case, timeout=600)
        print(outcome)
        if outcome.problem == "exception":  # again, outside the net, for the full traceback
            import interp_align as ia
            from interp_align.quality import check

            parsed = [ia.parse(t, detect_language=case.detect) for t in case.texts]
            if case.kind == "pair":
                check(parsed[0], original=parsed[1])
            for t in parsed:
                check(t)
        return 1 if outcome.problem else 0
    figures = fuzz(args.inputs, seed=args.seed, workers=args.workers, out=args.out, every=args.every)
    summary = {k: v for k, v in figures.items() if k != "failure_groups"}
    print(json.dumps(summary, indent=1))
    for key, group in figures["failure_groups"].items():
        print(f"  {group['count']:>7} × {key}  e.g. --only {group['inputs'][0]}: {group['first']}")
    return 1 if figures["exceptions"] or figures["lossless_failures"] else 0


if __name__ == "__main__":
    sys.exit(main())

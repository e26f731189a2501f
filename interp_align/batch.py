"""Corpus-scale processing: parse, align and check every transcript in a folder.

Shaped for interpreting-corpus builders who run it over thousands of files:

* **Pairs** come from a manifest CSV (``english,spanish`` columns, paths
  relative to the input folder) or from the naming rule: ``NAME.en.txt`` with
  ``NAME.es.txt``, or ``en.txt`` with ``es.txt`` in the same folder. Every
  other ``*.txt`` file is processed alone (parsed and checked).
* **Resumable.** Each document's outputs are written with a ``done.json``
  holding a fingerprint of its inputs and settings; a later run skips
  documents whose fingerprint is unchanged.
* **Failure isolation.** An error in one document is recorded in its
  ``error.json`` and in the summary; the others go on.
* **Same bytes everywhere.** Workers compute and return the outputs; only
  the driver writes files, so a local run, a process pool and a Dask cluster
  produce byte-identical folders.
"""

from __future__ import annotations

import csv
import hashlib
import json
import os
import sys
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from itertools import pairwise
from pathlib import Path

from pydantic import BaseModel, ConfigDict

from ._version import __version__
from .errors import InputError

__all__ = ["BatchJob", "BatchResult", "BatchSummary", "discover_jobs", "process_job", "run_batch"]

SUMMARY_FIELDS = ("id", "status", "english", "spanish", "turns", "interpreted_turns", "pairs", "beads",
                  "omissions", "findings", "errors", "warnings", "message")


@dataclass(frozen=True)
class BatchJob:
    """One unit of work: a transcript alone, or an English record with its Spanish record."""

    id: str
    english: str
    spanish: str | None = None

    def fingerprint(self, root: Path) -> str:
        """Hash of input bytes, library version and job shape: unchanged inputs are skipped."""
        digest = hashlib.sha256(f"{__version__}|{self.id}|{self.english}|{self.spanish}".encode())
        for name in (self.english, self.spanish):
            if name is not None:
                digest.update((root / name).read_bytes())
        return digest.hexdigest()


class BatchResult(BaseModel):
    """What a worker returns: the files to write (name → text) and a summary row."""

    model_config = ConfigDict(frozen=True)

    id: str
    status: str
    files: dict[str, str]
    row: dict[str, str]


class BatchSummary(BaseModel):
    model_config = ConfigDict(frozen=True)

    total: int
    processed: int
    skipped: int
    failed: int
    rows: tuple[dict[str, str], ...]


def _job_id(path: str) -> str:
    stem = path[: -len(".txt")] if path.endswith(".txt") else path
    return stem.replace(os.sep, "__").replace("/", "__")


def discover_jobs(root: Path, manifest: Path | None = None) -> list[BatchJob]:
    """The jobs for a folder, in a stable order (sorted paths)."""
    if not root.is_dir():
        raise InputError("not a folder", path=str(root))
    files = sorted(p.relative_to(root).as_posix() for p in root.rglob("*.txt") if p.is_file())
    paired: set[str] = set()
    jobs: list[BatchJob] = []
    if manifest is not None:
        try:
            with manifest.open(newline="", encoding="utf-8") as handle:
                reader = csv.DictReader(handle)
                if not reader.fieldnames or not {"english", "spanish"} <= set(reader.fieldnames):
                    raise InputError("manifest needs the columns 'english' and 'spanish'", path=str(manifest))
                for line, row in enumerate(reader, start=2):
                    en, es = row["english"].strip(), row["spanish"].strip()
                    for name in (en, es):
                        if not (root / name).is_file():
                            raise InputError(f"line {line}: no such file {name!r} under {root}", path=str(manifest))
                    jobs.append(BatchJob(id=_job_id(en), english=en, spanish=es))
                    paired.update((en, es))
        except OSError as exc:
            raise InputError(f"cannot read manifest: {exc.strerror}", path=str(manifest)) from exc
    else:
        names = set(files)
        for name in files:
            counterpart = None
            if name.endswith(".en.txt"):
                counterpart = name[: -len(".en.txt")] + ".es.txt"
            elif name == "en.txt" or name.endswith("/en.txt"):
                counterpart = name[: -len("en.txt")] + "es.txt"
            if counterpart and counterpart in names:
                jobs.append(BatchJob(id=_job_id(name), english=name, spanish=counterpart))
                paired.update((name, counterpart))
    jobs.extend(BatchJob(id=_job_id(name), english=name) for name in files if name not in paired)
    jobs.sort(key=lambda job: job.id)
    for first, second in pairwise(jobs):
        if first.id == second.id:  # both would write to the same output folder
            raise InputError(f"{first.english!r} and {second.english!r} map to the same output name {first.id!r}",
                             path=str(root))
    return jobs


def process_job(root: str, job: BatchJob) -> BatchResult:
    """Parse, align (when paired) and check one job; never raises — errors become a result."""
    from . import export
    from .align.turns import align
    from .parse import read
    from .quality import check

    base = Path(root)
    row = {key: "" for key in SUMMARY_FIELDS}
    row.update(id=job.id, english=job.english, spanish=job.spanish or "")
    try:
        english = read(base / job.english)
        files = {"transcript.json": english.model_dump_json(indent=1) + "\n"}
        row["turns"] = str(len(english.turns))
        row["interpreted_turns"] = str(sum(t.interpretation.interpreted for t in english.turns))
        spanish = alignment = None
        if job.spanish is not None:
            spanish = read(base / job.spanish)
            files["spanish.json"] = spanish.model_dump_json(indent=1) + "\n"
            alignment = align(english, spanish)
            files["alignment.jsonl"] = export.to_jsonl(alignment)
            files["alignment.tmx"] = export.to_tmx(alignment)
            beads = [b for p in alignment.pairs for b in p.beads]
            row["pairs"] = str(sum(p.english_turn is not None and p.spanish_turn is not None for p in alignment.pairs))
            row["beads"] = str(len(beads))
            row["omissions"] = str(sum(b.is_omission for b in beads))
        report = check(english, original=spanish, alignment=alignment)
        files["check.json"] = report.model_dump_json(indent=1) + "\n"
        severities = [f.severity.value for f in report.findings]
        row.update(findings=str(len(severities)), errors=str(severities.count("error")),
                   warnings=str(severities.count("warning")), status="ok")
        return BatchResult(id=job.id, status="ok", files=files, row=row)
    except Exception as exc:  # isolate: one broken document must not stop the corpus
        # paths relative to the input folder: the same error reads the same wherever the corpus lives
        message = f"{type(exc).__name__}: {exc}".replace(str(base) + os.sep, "").splitlines()[0][:500]
        row.update(status="error", message=message)
        error = json.dumps({"id": job.id, "error": message}, ensure_ascii=False, indent=1) + "\n"
        return BatchResult(id=job.id, status="error", files={"error.json": error}, row=row)


def _write_result(out_dir: Path, result: BatchResult, fingerprint: str) -> None:
    target = out_dir / result.id
    target.mkdir(parents=True, exist_ok=True)
    for stale in target.iterdir():  # outputs of an earlier run of this document must not linger
        if stale.is_file():
            stale.unlink()
    for name, text in sorted(result.files.items()):
        (target / name).write_text(text, encoding="utf-8")
    if result.status == "ok":  # a failed document is retried on the next run
        done = {"fingerprint": fingerprint, "row": result.row}
        (target / "done.json").write_text(json.dumps(done, ensure_ascii=False, indent=1, sort_keys=True) + "\n",
                                          encoding="utf-8")


def _finished_row(out_dir: Path, job: BatchJob, fingerprint: str) -> dict[str, str] | None:
    done = out_dir / job.id / "done.json"
    try:
        data = json.loads(done.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if data.get("fingerprint") != fingerprint:
        return None
    row = data.get("row")
    return {k: str(v) for k, v in row.items()} if isinstance(row, dict) else None


Progress = Callable[[int, int, str], None]
SCHEDULER_TIMEOUT = "10s"  # connecting to a cluster; a wrong address should fail fast, not hang


def _default_progress(total: int) -> tuple[Progress, Callable[[], None]]:
    """A tqdm bar on a terminal, plain ``[k/n] id status`` lines elsewhere (CI logs)."""
    if sys.stderr.isatty():
        from tqdm import tqdm

        bar = tqdm(total=total, unit="doc", file=sys.stderr)

        def tick(done: int, total: int, message: str) -> None:
            bar.set_postfix_str(message[:40])
            bar.update(1)

        return tick, bar.close

    def line(done: int, total: int, message: str) -> None:
        print(f"[{done}/{total}] {message}", file=sys.stderr, flush=True)

    return line, lambda: None


def _map_results(root: Path, jobs: Sequence[BatchJob], workers: int, scheduler: str | None) -> Iterable[BatchResult]:
    if scheduler is not None:
        try:
            from distributed import Client, as_completed
        except ImportError as exc:  # pragma: no cover - depends on the extra
            raise InputError("--scheduler needs the 'dask' extra: pip install 'interp-align[dask]'") from exc
        try:
            client = Client(scheduler, timeout=SCHEDULER_TIMEOUT)
        except (OSError, TimeoutError) as exc:
            raise InputError(f"cannot reach the Dask scheduler at {scheduler}: {exc}") from exc
        try:
            futures = client.map(process_job, [str(root)] * len(jobs), list(jobs), pure=False)
            for future in as_completed(futures):
                yield future.result()
        finally:
            client.close()
    elif workers > 1:
        with ProcessPoolExecutor(max_workers=workers) as pool:
            yield from pool.map(process_job, [str(root)] * len(jobs), jobs, chunksize=4)
    else:
        for job in jobs:
            yield process_job(str(root), job)


def run_batch(
    in_dir: str | Path,
    out_dir: str | Path,
    *,
    manifest: str | Path | None = None,
    workers: int = 1,
    scheduler: str | None = None,
    progress: Progress | None = None,
) -> BatchSummary:
    """Process a folder of transcripts; write per-document outputs and ``summary.csv``/``summary.json``."""
    if workers < 1:
        raise InputError("--workers must be at least 1")
    root, out = Path(in_dir), Path(out_dir)
    jobs = discover_jobs(root, Path(manifest) if manifest is not None else None)
    out.mkdir(parents=True, exist_ok=True)
    rows: dict[str, dict[str, str]] = {}
    fingerprints = {job.id: job.fingerprint(root) for job in jobs}
    todo = []
    for job in jobs:
        row = _finished_row(out, job, fingerprints[job.id])
        if row is None:
            todo.append(job)
        else:
            rows[job.id] = row
    skipped = len(rows)
    close: Callable[[], None] = lambda: None  # noqa: E731
    if progress is None:
        progress, close = _default_progress(len(todo))
    failed = 0
    try:
        for done, result in enumerate(_map_results(root, todo, workers, scheduler), start=1):
            _write_result(out, result, fingerprints[result.id])
            rows[result.id] = result.row
            failed += result.status != "ok"
            progress(done, len(todo), f"{result.id} {result.status}")
    finally:
        close()
    ordered = tuple(rows[job.id] for job in jobs)
    with (out / "summary.csv").open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=SUMMARY_FIELDS, lineterminator="\n")
        writer.writeheader()
        writer.writerows(ordered)
    summary = BatchSummary(total=len(jobs), processed=len(todo), skipped=skipped, failed=failed, rows=ordered)
    (out / "summary.json").write_text(summary.model_dump_json(indent=1) + "\n", encoding="utf-8")
    return summary

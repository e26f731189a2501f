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
* **Safe to interrupt, unsafe to share.** Every file is written to a
  temporary name and renamed, so no reader sees half a file; a lock on the
  output folder makes a second batch on the same folder fail at once instead
  of interleaving with the first.
"""

from __future__ import annotations

import contextlib
import csv
import hashlib
import io
import json
import os
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from itertools import pairwise
from pathlib import Path

from pydantic import BaseModel, ConfigDict

from ._version import __version__
from .errors import InputError, InterpAlignError
from .inputs import ReadOptions, load
from .io import decode_bytes, write_text

__all__ = ["LOCK_NAME", "BatchJob", "BatchResult", "BatchSummary", "discover_jobs", "lock_folder", "process_job",
           "read_manifest", "run_batch"]

#: The lock file a running batch holds in its output folder.
LOCK_NAME = ".interp-align.lock"

SUMMARY_FIELDS = ("id", "status", "english", "spanish", "turns", "interpreted_turns", "pairs", "beads",
                  "omissions", "findings", "errors", "warnings", "message")


@dataclass(frozen=True)
class BatchJob:
    """One unit of work: a transcript alone, or an English record with its Spanish record."""

    id: str
    english: str
    spanish: str | None = None

    def fingerprint(self, root: Path, settings: str = "") -> str:
        """Hash of input bytes, settings, library version and job shape: unchanged inputs are skipped.

        Raises ``OSError`` for an input that cannot be read; the caller records
        the document as failed.
        """
        digest = hashlib.sha256(f"{__version__}|{settings}|{self.id}|{self.english}|{self.spanish}".encode())
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


def read_manifest(manifest: Path) -> list[tuple[int, str, str]]:
    """``(line, english, spanish)`` rows of a pairs manifest, validated row by row.

    Decoded like a transcript (UTF-8 with or without a BOM, as Excel writes
    it; UTF-16 with a BOM); the header must name the columns ``english`` and
    ``spanish`` (any order, any case, other columns ignored).  Every problem is
    an ``InputError`` naming the manifest and the line.
    """
    try:
        data = manifest.read_bytes()
    except OSError as exc:
        raise InputError(f"cannot read manifest ({exc.strerror})", path=str(manifest)) from None
    try:
        text = decode_bytes(data).text
    except InterpAlignError as exc:
        raise InputError(f"not a CSV text file ({exc}); save it as UTF-8 CSV", path=str(manifest)) from None
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    rows: list[tuple[int, str, str]] = []
    header: list[str] | None = None
    line = 1
    try:
        for record in reader:
            first, line = line, reader.line_num + 1
            if not any(cell.strip() for cell in record):
                continue
            if header is None:
                header = [cell.strip().lower() for cell in record]
                missing = [c for c in ("english", "spanish") if c not in header]
                if missing:
                    raise InputError(f"line {first}: the header needs the columns 'english' and 'spanish' "
                                     f"(found {', '.join(map(repr, record))})", path=str(manifest))
                continue
            if len(record) != len(header):
                raise InputError(f"line {first}: {len(record)} field(s), the header has {len(header)}",
                                 path=str(manifest))
            en, es = (record[header.index(c)].strip() for c in ("english", "spanish"))
            for column, value in (("english", en), ("spanish", es)):
                if not value:
                    raise InputError(f"line {first}: empty {column!r} path", path=str(manifest))
            rows.append((first, en, es))
    except csv.Error as exc:
        raise InputError(f"line {reader.line_num}: not valid CSV ({exc})", path=str(manifest)) from None
    if header is None:
        raise InputError("empty manifest: expected a header 'english,spanish' and one row per pair",
                         path=str(manifest))
    return rows


def discover_jobs(root: Path, manifest: Path | None = None) -> list[BatchJob]:
    """The jobs for a folder, in a stable order (sorted paths)."""
    if not root.is_dir():
        raise InputError("not a folder", path=str(root))
    files = sorted(p.relative_to(root).as_posix() for p in root.rglob("*.txt") if p.is_file())
    paired: set[str] = set()
    jobs: list[BatchJob] = []
    if manifest is not None:
        for line, en, es in read_manifest(manifest):
            for name in (en, es):
                if not (root / name).is_file():
                    raise InputError(f"line {line}: no such file {name!r} under {root}", path=str(manifest))
            jobs.append(BatchJob(id=_job_id(en), english=en, spanish=es))
            paired.update((en, es))
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


def _failed(job: BatchJob, row: dict[str, str], message: str) -> BatchResult:
    row.update(status="error", message=message)
    error = json.dumps({"id": job.id, "error": message}, ensure_ascii=False, indent=1) + "\n"
    return BatchResult(id=job.id, status="error", files={"error.json": error}, row=row)


def _row(job: BatchJob) -> dict[str, str]:
    row = {key: "" for key in SUMMARY_FIELDS}
    row.update(id=job.id, english=job.english, spanish=job.spanish or "")
    return row


def process_job(root: str, job: BatchJob, options: ReadOptions | None = None, swap: bool = False) -> BatchResult:
    """Parse, align (when paired) and check one job; never raises — errors become a result.

    A pair whose languages contradict the naming (``NAME.en.txt`` reads as
    Spanish) fails with the reason unless ``swap``; its TMX is never mislabelled.
    """
    from . import export
    from .align.turns import align
    from .pairing import order_pair
    from .quality import check

    base = Path(root)
    row = _row(job)
    try:
        english = load(base / job.english, options)
        spanish = alignment = None
        if job.spanish is not None:
            spanish = load(base / job.spanish, options, language="es")
            english, spanish, swapped = order_pair(english, spanish, swap=swap, names=("english", "spanish"),
                                                   remedy="fix the pair, or run with --swap-if-needed")
            if swapped:  # read again as check --original would: the Spanish record declared Spanish
                english, spanish = load(base / job.spanish, options), load(base / job.english, options, language="es")
                row.update(english=job.spanish, spanish=job.english)
        files = {"transcript.json": english.model_dump_json(indent=1) + "\n"}
        row["turns"] = str(len(english.turns))
        row["interpreted_turns"] = str(sum(t.interpretation.interpreted for t in english.turns))
        if spanish is not None:
            files["spanish.json"] = spanish.model_dump_json(indent=1) + "\n"
            alignment = align(english, spanish)
            files["alignment.jsonl"] = export.to_jsonl(alignment)
            files["alignment.tmx"] = export.to_tmx(alignment)
            beads = [b for p in alignment.pairs for b in p.beads]
            row["pairs"] = str(sum(p.english_turn is not None and p.spanish_turn is not None for p in alignment.pairs))
            row["beads"] = str(len(beads))
        report = check(english, original=spanish, alignment=alignment)
        files["check.json"] = report.model_dump_json(indent=1) + "\n"
        severities = [f.severity.value for f in report.findings]
        if spanish is not None:  # as check counts them: omissions of the original, whichever side spoke
            row["omissions"] = str(sum(f.rule == "IA601" for f in report.findings))
        row.update(findings=str(len(severities)), errors=str(severities.count("error")),
                   warnings=str(severities.count("warning")), status="ok")
        return BatchResult(id=job.id, status="ok", files=files, row=row)
    except Exception as exc:  # isolate: one broken document must not stop the corpus
        # paths relative to the input folder: the same error reads the same wherever the corpus lives
        message = f"{type(exc).__name__}: {exc}".replace(str(base) + os.sep, "").splitlines()[0][:500]
        return _failed(job, row, message)


def _write_result(out_dir: Path, result: BatchResult, fingerprint: str) -> None:
    """Write one document's files, each atomically; ``done.json`` last, so it never vouches for a half folder."""
    target = out_dir / result.id
    target.mkdir(parents=True, exist_ok=True)
    done = target / "done.json"
    if done.exists():
        done.unlink()
    for name, text in sorted(result.files.items()):
        write_text(target / name, text)
    for stale in target.iterdir():  # outputs of an earlier run of this document must not linger
        if stale.is_file() and stale.name not in result.files:
            stale.unlink()
    if result.status == "ok":  # a failed document is retried on the next run
        record = {"fingerprint": fingerprint, "row": result.row}
        write_text(done, json.dumps(record, ensure_ascii=False, indent=1, sort_keys=True) + "\n")


@contextlib.contextmanager
def lock_folder(folder: Path) -> Iterator[None]:
    """Hold an exclusive lock on ``folder`` (its ``LOCK_NAME`` file) or fail at once with ``InputError``.

    The lock is an OS file lock, released when the process ends however it
    ends, so a killed batch never leaves a stale lock behind.
    """
    path = folder / LOCK_NAME
    handle = open(path, "a+", encoding="utf-8")  # noqa: SIM115 - held for the whole run
    try:
        if not _try_lock(handle):
            handle.seek(0)
            holder = handle.read().strip() or "another process"
            raise InputError(f"another batch is writing to this folder ({holder}); wait for it to finish "
                             f"or use another output folder", path=str(folder))
        handle.seek(0)
        handle.truncate()
        handle.write(f"pid {os.getpid()}\n")
        handle.flush()
        try:
            yield
        finally:  # emptied before release, so a finished folder is the same bytes whoever ran it
            handle.seek(0)
            handle.truncate()
    finally:
        handle.close()  # closing releases the lock


def _try_lock(handle: io.TextIOWrapper) -> bool:
    """A non-blocking exclusive OS lock on ``handle``: ``False`` when someone else holds it."""
    if sys.platform == "win32":  # pragma: no cover - the project runs its CI on Linux
        import msvcrt

        try:
            msvcrt.locking(handle.fileno(), msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True
    import fcntl

    try:
        fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        return False
    return True


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


def _map_results(root: Path, jobs: Sequence[BatchJob], workers: int, scheduler: str | None,
                 options: ReadOptions, swap: bool) -> Iterable[BatchResult]:
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
            n = len(jobs)
            futures = client.map(process_job, [str(root)] * n, list(jobs), [options] * n, [swap] * n, pure=False)
            for future in as_completed(futures):
                yield future.result()
        finally:
            client.close()
    elif workers > 1:
        with ProcessPoolExecutor(max_workers=workers) as pool:
            n = len(jobs)
            yield from pool.map(process_job, [str(root)] * n, jobs, [options] * n, [swap] * n, chunksize=4)
    else:
        for job in jobs:
            yield process_job(str(root), job, options, swap)


def run_batch(
    in_dir: str | Path,
    out_dir: str | Path,
    *,
    manifest: str | Path | None = None,
    workers: int = 1,
    scheduler: str | None = None,
    progress: Progress | None = None,
    options: ReadOptions | None = None,
    swap: bool = False,
) -> BatchSummary:
    """Process a folder of transcripts; write per-document outputs and ``summary.csv``/``summary.json``.

    ``out_dir`` is created if its parent folder exists; it is locked for the
    run (see :func:`lock_folder`).  An input that cannot be read is a failed
    document, like one that cannot be parsed.
    """
    if workers < 1:
        raise InputError("--workers must be at least 1")
    options = options or ReadOptions()
    root, out = Path(in_dir), Path(out_dir)
    jobs = discover_jobs(root, Path(manifest) if manifest is not None else None)
    if not out.parent.is_dir():
        raise InputError(f"cannot create the output folder: {str(out.parent)!r} does not exist", path=str(out))
    try:
        out.mkdir(exist_ok=True)
    except OSError as exc:
        raise InputError(f"cannot create the output folder ({exc.strerror})", path=str(out)) from None
    if not out.is_dir():
        raise InputError("the output path exists and is not a folder", path=str(out))
    with lock_folder(out):
        return _run_locked(root, out, jobs, workers, scheduler, progress, options, swap)


def _run_locked(root: Path, out: Path, jobs: list[BatchJob], workers: int, scheduler: str | None,
                progress: Progress | None, options: ReadOptions, swap: bool) -> BatchSummary:
    rows: dict[str, dict[str, str]] = {}
    settings = f"{options.signature()}|swap:{int(swap)}"
    fingerprints: dict[str, str] = {}
    unreadable: list[BatchResult] = []
    todo = []
    for job in jobs:
        try:
            fingerprints[job.id] = job.fingerprint(root, settings)
        except OSError as exc:  # recorded as a failed document; the corpus goes on
            name = exc.filename or job.english
            rel = os.path.relpath(name, root) if os.path.isabs(str(name)) else name
            unreadable.append(_failed(job, _row(job), f"InputError: {rel}: cannot read ({exc.strerror})"))
            continue
        row = _finished_row(out, job, fingerprints[job.id])
        if row is None:
            todo.append(job)
        else:
            rows[job.id] = row
    skipped = len(rows)
    close: Callable[[], None] = lambda: None  # noqa: E731
    total = len(todo) + len(unreadable)
    if progress is None:
        progress, close = _default_progress(total)
    failed = 0
    try:
        results = _map_results(root, todo, workers, scheduler, options, swap)
        for done, result in enumerate(_chain(unreadable, results), start=1):
            _write_result(out, result, fingerprints.get(result.id, ""))
            rows[result.id] = result.row
            failed += result.status != "ok"
            progress(done, total, f"{result.id} {result.status}")
    finally:
        close()
    ordered = tuple(rows[job.id] for job in jobs)
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=SUMMARY_FIELDS, lineterminator="\n")
    writer.writeheader()
    writer.writerows(ordered)
    write_text(out / "summary.csv", buffer.getvalue())
    summary = BatchSummary(total=len(jobs), processed=total, skipped=skipped, failed=failed, rows=ordered)
    write_text(out / "summary.json", summary.model_dump_json(indent=1) + "\n")
    return summary


def _chain(first: Iterable[BatchResult], second: Iterable[BatchResult]) -> Iterator[BatchResult]:
    yield from first
    yield from second

"""Batch processing over generated transcript pairs: isolation, resume, parallel and Dask runs agree."""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from batch_corpus import event_texts, write_broken, write_pairs

from interp_align.batch import discover_jobs, process_job, run_batch
from interp_align.cli import main
from interp_align.errors import InputError

PAIRS = 5
PAIR_FILES = {"transcript.json", "spanish.json", "alignment.jsonl", "alignment.tmx", "check.json", "done.json"}


def tree(folder: Path) -> dict[str, bytes]:
    """Every file under ``folder`` by relative path, with its bytes."""
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def quiet(done: int, total: int, message: str) -> None:
    """A progress callback that checks its arguments instead of printing."""
    assert 1 <= done <= total and message


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("corpus")
    write_pairs(root, PAIRS)
    write_broken(root)
    return root


@pytest.fixture(scope="module")
def local_run(corpus: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("local")
    run_batch(corpus, out, workers=1, progress=quiet)
    return out


def test_discover_pairs_by_naming_rule(tmp_path: Path) -> None:
    write_pairs(tmp_path, 2)
    (tmp_path / "event").mkdir()
    english, spanish = event_texts(7)
    (tmp_path / "event" / "en.txt").write_text(english, encoding="utf-8")
    (tmp_path / "event" / "es.txt").write_text(spanish, encoding="utf-8")
    (tmp_path / "lone.en.txt").write_text(english, encoding="utf-8")
    jobs = {job.id: (job.english, job.spanish) for job in discover_jobs(tmp_path)}
    assert jobs == {
        "event-0000.en": ("event-0000.en.txt", "event-0000.es.txt"),
        "event-0001.en": ("event-0001.en.txt", "event-0001.es.txt"),
        "event__en": ("event/en.txt", "event/es.txt"),
        "lone.en": ("lone.en.txt", None),
    }


def test_manifest_pairs_and_bad_manifests(tmp_path: Path) -> None:
    english, spanish = event_texts(3)
    (tmp_path / "talk.txt").write_text(english, encoding="utf-8")
    (tmp_path / "record.txt").write_text(spanish, encoding="utf-8")
    manifest = tmp_path / "pairs.csv"
    manifest.write_text("english,spanish\ntalk.txt,record.txt\n", encoding="utf-8")
    jobs = discover_jobs(tmp_path, manifest)
    assert [(j.id, j.english, j.spanish) for j in jobs] == [("talk", "talk.txt", "record.txt")]
    manifest.write_text("en,es\ntalk.txt,record.txt\n", encoding="utf-8")
    with pytest.raises(InputError, match="columns"):
        discover_jobs(tmp_path, manifest)
    manifest.write_text("english,spanish\ntalk.txt,missing.txt\n", encoding="utf-8")
    with pytest.raises(InputError, match="line 2"):
        discover_jobs(tmp_path, manifest)


def test_broken_file_is_reported_and_the_rest_complete(corpus: Path, local_run: Path) -> None:
    summary = json.loads((local_run / "summary.json").read_text(encoding="utf-8"))
    assert (summary["total"], summary["processed"], summary["skipped"], summary["failed"]) == (PAIRS + 1, PAIRS + 1, 0, 1)
    rows = {row["id"]: row for row in summary["rows"]}
    assert rows["broken"]["status"] == "error" and "binary" in rows["broken"]["message"]
    error = json.loads((local_run / "broken" / "error.json").read_text(encoding="utf-8"))
    assert error["id"] == "broken" and error["error"] == rows["broken"]["message"]
    assert not (local_run / "broken" / "done.json").exists()
    for n in range(PAIRS):
        job = f"event-{n:04d}.en"
        assert rows[job]["status"] == "ok"
        assert {p.name for p in (local_run / job).iterdir()} == PAIR_FILES
        assert int(rows[job]["interpreted_turns"]) == 2 and int(rows[job]["pairs"]) == 3
        tmx = (local_run / job / "alignment.tmx").read_text(encoding="utf-8")
        assert f"Reunión Binacional número {n}" not in tmx and "<tu" in tmx
    csv_lines = (local_run / "summary.csv").read_text(encoding="utf-8").splitlines()
    assert csv_lines[0].startswith("id,status,") and len(csv_lines) == PAIRS + 2


def test_wrong_figure_is_found_in_the_planted_events(local_run: Path) -> None:
    """Every third event interprets one figure wrongly; the checks must see an error there only."""
    rows = {r["id"]: r for r in json.loads((local_run / "summary.json").read_text(encoding="utf-8"))["rows"]}
    planted = {f"event-{n:04d}.en" for n in range(PAIRS) if n % 3 == 0}
    flagged = {job for job, row in rows.items() if row["status"] == "ok" and int(row["errors"]) > 0}
    assert flagged == planted


def test_resume_skips_finished_and_redoes_changed(corpus: Path, tmp_path: Path) -> None:
    source = tmp_path / "in"
    shutil.copytree(corpus, source)
    out = tmp_path / "out"
    first = run_batch(source, out, progress=quiet)
    assert (first.processed, first.failed) == (PAIRS + 1, 1)
    before = {p: p.stat().st_mtime_ns for p in out.rglob("*.json*") if p.parent != out}
    second = run_batch(source, out, progress=quiet)
    assert (second.processed, second.skipped, second.failed) == (1, PAIRS, 1)  # only the broken one retried
    changed = source / "event-0002.es.txt"
    changed.write_text(changed.read_text(encoding="utf-8").replace("Muchas gracias.", "Gracias a todos."),
                       encoding="utf-8")
    third = run_batch(source, out, progress=quiet)
    assert (third.processed, third.skipped) == (2, PAIRS - 1)
    redone = {p.parent.name for p, mtime in before.items() if p.stat().st_mtime_ns != mtime}
    assert redone == {"event-0002.en", "broken"}
    assert "Gracias a todos." in (out / "event-0002.en" / "spanish.json").read_text(encoding="utf-8")
    # a fixed broken file succeeds and loses its error.json
    english, _ = event_texts(99)
    (source / "broken.txt").write_text(english, encoding="utf-8")
    fourth = run_batch(source, out, progress=quiet)
    assert (fourth.processed, fourth.failed) == (1, 0)
    assert not (out / "broken" / "error.json").exists() and (out / "broken" / "done.json").exists()


def test_two_workers_write_the_same_bytes(corpus: Path, local_run: Path, tmp_path: Path) -> None:
    run_batch(corpus, tmp_path, workers=2, progress=quiet)
    assert tree(tmp_path) == tree(local_run)


@pytest.fixture(scope="module")
def dask_cluster() -> Iterator[str]:
    distributed = pytest.importorskip("distributed", reason="needs the 'dask' extra")
    cluster = distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None,
                                       host="127.0.0.1")
    try:
        yield cluster.scheduler_address
    finally:
        cluster.close()


def test_dask_run_writes_the_same_bytes(corpus: Path, local_run: Path, tmp_path: Path, dask_cluster: str) -> None:
    summary = run_batch(corpus, tmp_path, scheduler=dask_cluster, progress=quiet)
    assert (summary.processed, summary.failed) == (PAIRS + 1, 1)
    assert tree(tmp_path) == tree(local_run)


def test_cli_end_to_end(corpus: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "out"
    assert main(["batch", str(corpus), "-o", str(out)]) == 1  # one document failed
    err = capsys.readouterr().err
    progress = [line for line in err.splitlines() if line.startswith("[")]
    assert progress[0] == f"[1/{PAIRS + 1}] broken error" and progress[-1].startswith(f"[{PAIRS + 1}/{PAIRS + 1}]")
    assert f"{PAIRS + 1} documents: {PAIRS + 1} processed" in err
    good = tmp_path / "good"
    write_pairs(good, 2)
    assert main(["batch", str(good), "-o", str(tmp_path / "good-out"), "--workers", "2"]) == 0
    assert "2 documents: 2 processed, 0 unchanged (skipped), 0 failed" in capsys.readouterr().err
    assert main(["batch", str(tmp_path / "nowhere"), "-o", str(out)]) == 2
    assert "not a folder" in capsys.readouterr().err
    assert main(["batch", str(good), "-o", str(out), "--workers", "0"]) == 2


def test_process_job_never_raises(tmp_path: Path) -> None:
    write_broken(tmp_path)
    (job,) = discover_jobs(tmp_path)
    result = process_job(str(tmp_path), job)
    assert result.status == "error" and set(result.files) == {"error.json"}


def test_two_files_with_one_output_name_are_refused(tmp_path: Path) -> None:
    english, _ = event_texts(1)
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "b.txt").write_text(english, encoding="utf-8")
    (tmp_path / "a__b.txt").write_text(english, encoding="utf-8")
    with pytest.raises(InputError, match="same output name"):
        discover_jobs(tmp_path)


def test_unreachable_scheduler_is_a_usage_error(corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    pytest.importorskip("distributed", reason="needs the 'dask' extra")
    monkeypatch.setattr("interp_align.batch.SCHEDULER_TIMEOUT", "1s")
    assert main(["batch", str(corpus), "-o", str(tmp_path), "--scheduler", "tcp://127.0.0.1:9"]) == 2
    assert "cannot reach the Dask scheduler" in capsys.readouterr().err

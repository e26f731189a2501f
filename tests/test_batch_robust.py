"""Regression tests for issue 12's batch items: manifests read row by row, unreadable inputs, lock, atomic writes."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from batch_corpus import event_texts, write_pairs

from interp_align import io as ia_io
from interp_align.batch import LOCK_NAME, discover_jobs, lock_folder, read_manifest, run_batch
from interp_align.cli import main
from interp_align.errors import InputError


def quiet(done: int, total: int, message: str) -> None:
    assert 1 <= done <= total and message


@pytest.fixture
def talk(tmp_path: Path) -> Path:
    english, spanish = event_texts(3)
    (tmp_path / "talk.txt").write_text(english, encoding="utf-8")
    (tmp_path / "record.txt").write_text(spanish, encoding="utf-8")
    return tmp_path


def test_manifest_with_utf8_bom_as_excel_writes_it(talk: Path) -> None:
    manifest = talk / "pairs.csv"
    manifest.write_bytes(b"\xef\xbb\xbfEnglish,Spanish\r\ntalk.txt,record.txt\r\n")
    assert [(j.english, j.spanish) for j in discover_jobs(talk, manifest)] == [("talk.txt", "record.txt")]


def test_manifest_in_utf16_with_bom_and_extra_columns(talk: Path) -> None:
    manifest = talk / "pairs.csv"
    manifest.write_bytes("note,spanish,english\nfirst,record.txt,talk.txt\n".encode("utf-16"))
    assert read_manifest(manifest) == [(2, "talk.txt", "record.txt")]


@pytest.mark.parametrize(("content", "message"), [
    (b"english,spanish\ntalk.txt,record.txt\n\ntalk.txt\n", "line 4: 1 field(s), the header has 2"),
    (b'english,spanish\ntalk.txt,record.txt\n"talk.txt,record.txt\n', "not valid CSV"),
    (b"english,spanish\ntalk.txt,record.txt,extra\n", "line 2: 3 field(s), the header has 2"),
    (b"english,spanish\ntalk.txt, \n", "line 2: empty 'spanish' path"),
    (b"en,es\ntalk.txt,record.txt\n", "line 1: the header needs the columns 'english' and 'spanish'"),
    (b"", "empty manifest"),
    (b"\x00\x01binary\x00" * 8, "not a CSV text file (looks binary"),
    ("english,spanish\ntalk.txt,récord.txt\n".encode("utf-16-le"), "not a CSV text file"),
])
def test_bad_manifest_is_one_line_naming_the_line(content: bytes, message: str, talk: Path, tmp_path: Path,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    manifest = talk / "pairs.csv"
    manifest.write_bytes(content)
    with pytest.raises(InputError, match=None) as info:
        read_manifest(manifest)
    assert message in str(info.value) and str(manifest) in str(info.value)
    assert main(["batch", str(talk), "-o", str(tmp_path / "out"), "--pairs", str(manifest)]) == 2
    err = capsys.readouterr().err
    assert message in err and err.count("\n") == 1 and "Traceback" not in err


@pytest.mark.skipif(not Path("/proc/self/mem").exists(), reason="needs Linux /proc (a file even root cannot read)")
def test_unreadable_input_is_a_failed_document_and_the_rest_complete(tmp_path: Path) -> None:
    corpus = tmp_path / "in"
    write_pairs(corpus, 2)
    (corpus / "locked.txt").symlink_to("/proc/self/mem")  # reading it fails with EIO, even as root
    summary = run_batch(corpus, tmp_path / "out", progress=quiet)
    rows = {r["id"]: r for r in summary.rows}
    assert (summary.total, summary.failed) == (3, 1)
    assert rows["locked"]["status"] == "error" and "locked.txt: cannot read" in rows["locked"]["message"]
    assert json.loads((tmp_path / "out" / "locked" / "error.json").read_text(encoding="utf-8"))["id"] == "locked"
    assert all(rows[f"event-000{n}.en"]["status"] == "ok" for n in range(2))


def test_second_batch_on_a_locked_folder_fails_clearly(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    corpus, out = tmp_path / "in", tmp_path / "out"
    write_pairs(corpus, 1)
    out.mkdir()
    with lock_folder(out):  # a batch is running on ``out``
        with pytest.raises(InputError, match="another batch is writing to this folder"):
            run_batch(corpus, out, progress=quiet)
        assert main(["batch", str(corpus), "-o", str(out)]) == 2
        assert f"pid {os.getpid()}" in capsys.readouterr().err
    assert run_batch(corpus, out, progress=quiet).failed == 0  # released: the next batch runs
    assert (out / LOCK_NAME).read_text(encoding="utf-8") == ""  # released and emptied: same bytes whoever ran it


def test_lock_is_held_against_another_process(tmp_path: Path) -> None:
    corpus, out = tmp_path / "in", tmp_path / "out"
    write_pairs(corpus, 1)
    out.mkdir()
    holder = subprocess.Popen(
        [sys.executable, "-c", textwrap.dedent(f"""
            import sys, time
            from pathlib import Path
            from interp_align.batch import lock_folder
            with lock_folder(Path({str(out)!r})):
                print("locked", flush=True)
                sys.stdin.readline()
        """)], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "locked"
        with pytest.raises(InputError, match=f"pid {holder.pid}"):
            run_batch(corpus, out, progress=quiet)
    finally:
        holder.communicate("done\n", timeout=30)
    assert run_batch(corpus, out, progress=quiet).failed == 0


def test_batch_writes_atomically_and_leaves_no_temporary_files(tmp_path: Path,
                                                               monkeypatch: pytest.MonkeyPatch) -> None:
    corpus, out = tmp_path / "in", tmp_path / "out"
    write_pairs(corpus, 2)
    run_batch(corpus, out, progress=quiet)
    before = {p: p.read_bytes() for p in out.rglob("*") if p.is_file()}
    assert not [p for p in before if p.name.endswith(".tmp")]
    (corpus / "event-0001.es.txt").write_text(event_texts(50)[1], encoding="utf-8")  # redo one document
    calls = {"n": 0}
    real_replace = os.replace

    def failing_replace(src: str, dst: str) -> None:
        calls["n"] += 1
        if calls["n"] == 2:  # the second file of the redone document: the disk is full
            raise OSError(28, "No space left on device")
        real_replace(src, dst)

    monkeypatch.setattr(ia_io.os, "replace", failing_replace)
    with pytest.raises(InputError, match="No space left on device"):
        run_batch(corpus, out, progress=quiet)
    after = {p: p.read_bytes() for p in out.rglob("*") if p.is_file() and p.name != LOCK_NAME}
    assert not [p for p in after if p.name.endswith(".tmp")]
    assert not (out / "event-0001.en" / "done.json").exists()  # never vouches for a half-written folder
    for path, data in after.items():  # every file is whole: the old bytes or the new ones
        if path.suffix == ".json":
            json.loads(data)
    monkeypatch.setattr(ia_io.os, "replace", real_replace)
    assert run_batch(corpus, out, progress=quiet).processed == 1  # the next run redoes it


def test_write_text_keeps_the_old_file_when_the_write_fails(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "report.json"
    ia_io.write_text(target, "old\n")
    monkeypatch.setattr(ia_io.os, "replace", lambda src, dst: (_ for _ in ()).throw(OSError(5, "I/O error")))
    with pytest.raises(InputError, match="I/O error"):
        ia_io.write_text(target, "new\n")
    assert target.read_text(encoding="utf-8") == "old\n" and os.listdir(tmp_path) == ["report.json"]


def test_swapped_pair_in_a_batch_fails_with_the_reason_or_is_swapped(tmp_path: Path) -> None:
    corpus = tmp_path / "in"
    corpus.mkdir()
    english, spanish = event_texts(5)
    (corpus / "talk.en.txt").write_text(spanish, encoding="utf-8")  # the files' names are the wrong way round
    (corpus / "talk.es.txt").write_text(english, encoding="utf-8")
    failed = run_batch(corpus, tmp_path / "out", progress=quiet)
    assert failed.failed == 1 and "look swapped" in failed.rows[0]["message"]
    fixed = run_batch(corpus, tmp_path / "out2", progress=quiet, swap=True)
    assert fixed.failed == 0 and fixed.rows[0]["english"] == "talk.es.txt"
    tmx = (tmp_path / "out2" / "talk.en" / "alignment.tmx").read_text(encoding="utf-8")
    assert '<tuv xml:lang="es"><seg>Buenos días.' in tmx

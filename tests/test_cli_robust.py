"""Regression tests for issue 12's command-line items: one line and exit 2, never a traceback or a silent pass.

Each test is named after what it pins: output paths in missing folders, empty
and unparseable records failing CI, unreadable files among good ones, legacy
encodings, swapped record arguments and the internal-error exit code.
"""

from __future__ import annotations

import importlib
import json
from pathlib import Path

import pytest
from batch_corpus import event_texts

from interp_align import export
from interp_align.cli import main


@pytest.fixture
def event(tmp_path: Path) -> tuple[Path, Path]:
    english, spanish = event_texts(1)
    (tmp_path / "en.txt").write_text(english, encoding="utf-8")
    (tmp_path / "es.txt").write_text(spanish, encoding="utf-8")
    return tmp_path / "en.txt", tmp_path / "es.txt"


def _one_line(err: str) -> str:
    assert err.count("\n") == 1 and "Traceback" not in err, err
    return err


@pytest.mark.parametrize("command", ["check", "align", "report", "batch"])
def test_output_in_missing_folder_is_one_line_exit_2(command: str, event: tuple[Path, Path], tmp_path: Path,
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    en, es = event
    missing = tmp_path / "no" / "such" / "folder"
    argv = {
        "check": ["check", str(en), "-o", str(missing / "r.json")],
        "align": ["align", str(en), str(es), "--format", "tmx", "-o", str(missing / "r.tmx")],
        "report": ["report", str(en), str(es), "-o", str(missing / "r.html")],
        "batch": ["batch", str(en.parent), "-o", str(missing / "out")],
    }[command]
    assert main(argv) == 2
    err = _one_line(capsys.readouterr().err)
    assert "does not exist" in err and not (tmp_path / "no").exists()


def test_output_path_that_is_a_folder_is_one_line_exit_2(event: tuple[Path, Path], tmp_path: Path,
                                                         capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", str(event[0]), "-o", str(tmp_path)]) == 2
    assert "is a directory" in _one_line(capsys.readouterr().err)


@pytest.mark.parametrize(("content", "rule"), [(b"", "IA002"), (b"  \n\t\n  ", "IA005"),
                                               (b"Just prose, no labels at all.\n", "IA001")])
def test_check_fails_ci_on_empty_or_unparseable_record(content: bytes, rule: str, tmp_path: Path,
                                                       capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "record.txt"
    path.write_bytes(content)
    assert main(["check", str(path), "--format", "json"]) == 1  # default --fail-on error
    (report,) = json.loads(capsys.readouterr().out)["reports"]
    assert [(f["rule"], f["severity"]) for f in report["findings"]] == [(rule, "error")]


def test_check_reports_each_bad_file_and_the_good_files_findings(event: tuple[Path, Path], tmp_path: Path,
                                                                 capsys: pytest.CaptureFixture[str]) -> None:
    binary = tmp_path / "binary.txt"
    binary.write_bytes(b"\x00\x01\x02" * 10)
    missing = tmp_path / "missing.txt"
    en, es = event
    assert main(["check", str(en), str(binary), str(es), str(missing), "--format", "json"]) == 2
    captured = capsys.readouterr()
    errors = captured.err.splitlines()
    assert len(errors) == 2 and "binary.txt" in errors[0] and "looks binary" in errors[0]
    assert "missing.txt" in errors[1] and "no such file" in errors[1]
    paths = [Path(r["path"]).name for r in json.loads(captured.out)["reports"]]
    assert paths == ["en.txt", "es.txt"]


def test_check_reads_cp1252_spanish_and_says_so(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _, spanish = event_texts(2)
    path = tmp_path / "es.txt"
    path.write_bytes(spanish.replace("—000—", "").encode("cp1252"))
    assert main(["check", str(path), "--format", "json", "--no-detect"]) == 0
    (report,) = json.loads(capsys.readouterr().out)["reports"]
    found = [f for f in report["findings"] if f["rule"] == "IA020"]
    assert len(found) == 1 and "decoded as cp1252" in found[0]["message"]
    assert report["document"]["turns"] == 3


@pytest.mark.parametrize("command", ["parse", "align", "check", "report", "batch", "align-sentences"])
def test_every_reading_command_takes_encoding_and_decode_errors(command: str, tmp_path: Path,
                                                                capsys: pytest.CaptureFixture[str]) -> None:
    english, spanish = event_texts(4)
    (tmp_path / "en.txt").write_bytes(english.encode("utf-16-le"))  # no BOM: only a named encoding reads it
    (tmp_path / "es.txt").write_bytes(spanish.encode("utf-16-le"))
    en, es, out = str(tmp_path / "en.txt"), str(tmp_path / "es.txt"), str(tmp_path / "out")
    argv = {"parse": ["parse", en], "align": ["align", en, es], "check": ["check", en],
            "report": ["report", en, es, "-o", out], "batch": ["batch", str(tmp_path), "-o", out],
            "align-sentences": ["align-sentences", en, es]}[command]
    assert main(argv) == (1 if command == "batch" else 2)  # batch: both documents fail, the run completes
    capsys.readouterr()
    assert main([*argv, "--encoding", "utf-16-le", "--decode-errors", "strict"]) in (0, 1)
    assert "error" not in capsys.readouterr().err


def test_unknown_encoding_is_one_line_exit_2(event: tuple[Path, Path], capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", str(event[0]), "--encoding", "klingon"]) == 2
    assert "unknown encoding 'klingon'" in _one_line(capsys.readouterr().err)


def test_align_refuses_swapped_records(event: tuple[Path, Path], capsys: pytest.CaptureFixture[str]) -> None:
    en, es = event
    assert main(["align", str(es), str(en), "--format", "tmx"]) == 2
    captured = capsys.readouterr()
    assert captured.out == "" and "look swapped" in _one_line(captured.err) and "--swap-if-needed" in captured.err


def test_align_swap_if_needed_labels_tmx_by_language(event: tuple[Path, Path], tmp_path: Path,
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    en, es = event
    out = tmp_path / "swapped.tmx"
    assert main(["align", str(es), str(en), "--format", "tmx", "--swap-if-needed", "-o", str(out)]) == 0
    assert "swapped the records" in capsys.readouterr().err
    assert main(["align", str(en), str(es), "--format", "tmx"]) == 0
    assert out.read_text(encoding="utf-8") == capsys.readouterr().out
    units = export.read_tmx(out.read_text(encoding="utf-8"))
    assert units and all("Gracias" not in u.segments["en"] and "Thank" not in u.segments["es"] for u in units)


def test_same_language_twice_is_refused(event: tuple[Path, Path], capsys: pytest.CaptureFixture[str]) -> None:
    en, _ = event
    assert main(["align", str(en), str(en)]) == 2
    assert "reads as English" in _one_line(capsys.readouterr().err)


def test_check_takes_either_record_as_original_but_not_one_language_twice(
        event: tuple[Path, Path], capsys: pytest.CaptureFixture[str]) -> None:
    en, es = event
    assert main(["check", str(es), "--original", str(en), "--format", "json"]) in (0, 1)  # a Spanish rendering
    capsys.readouterr()
    assert main(["check", str(en), "--original", str(en)]) == 2
    err = _one_line(capsys.readouterr().err)
    assert "both in one language" in err and "--original must be the other record" in err


def test_report_refuses_or_swaps_swapped_records(event: tuple[Path, Path], tmp_path: Path,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    en, es = event
    out = tmp_path / "r.html"
    assert main(["report", str(es), str(en), "-o", str(out)]) == 2 and not out.exists()
    capsys.readouterr()
    assert main(["report", str(es), str(en), "-o", str(out), "--swap-if-needed"]) == 0
    assert 'lang="es">Buenos días.' in out.read_text(encoding="utf-8")


def test_internal_error_is_one_line_exit_3(event: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch,
                                           capsys: pytest.CaptureFixture[str]) -> None:
    def boom(*args: object, **kwargs: object) -> None:
        raise ValueError("could not convert string to float: '¹'\nsecond line")

    monkeypatch.setattr(importlib.import_module("interp_align.align.turns"), "align", boom)
    assert main(["align", str(event[0]), str(event[1])]) == 3  # never 1: CI must not read a bug as findings
    err = _one_line(capsys.readouterr().err)
    assert "internal error: ValueError: could not convert string to float" in err and "second line" not in err

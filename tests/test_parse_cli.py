"""End-to-end: ``interp-align parse`` and ``interp-align schema``."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from interp_align.cli import main

FIXTURES = Path(__file__).parent / "fixtures" / "parse"


def test_text_summary(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["parse", str(FIXTURES / "gobmx_blocks.txt"), "--no-detect"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0] == "# Versión estenográfica. Reunión inventada para pruebas"
    assert "turns=9" in out[1] and "boilerplate=1" in out[1]
    helena = out[3]
    assert "helena-marsh" in helena and "interpreted en->es" in helena and "[interpreter_note,inaudible]" in helena
    assert "placeholder" in out[2 + 5] and "unidentified" in out[2 + 6]


def test_json_validates_against_schema(capsys: pytest.CaptureFixture[str]) -> None:
    jsonschema = pytest.importorskip("jsonschema")
    assert main(["parse", str(FIXTURES / "gobmx_blocks.txt"), "--format", "json", "--no-detect"]) == 0
    document = json.loads(capsys.readouterr().out)
    assert main(["schema"]) == 0
    schema = json.loads(capsys.readouterr().out)
    jsonschema.validate(document, schema)
    assert document["language"]["code"] == "es"


def test_declared_language_option(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["parse", str(FIXTURES / "crlf.txt"), "--format", "json", "--no-detect", "--language", "es"]) == 0
    document = json.loads(capsys.readouterr().out)
    interpretation = document["turns"][1]["interpretation"]
    assert (interpretation["source_language"], interpretation["target_language"]) == ("en", "es")


@pytest.mark.parametrize(
    ("name", "message"),
    [("missing.txt", "no such file"), ("binary.bin", "looks binary"), ("undecodable.txt", "at byte 19")],
)
def test_input_errors_exit_2_with_one_line(name: str, message: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["parse", str(FIXTURES / name)]) == 2
    err = capsys.readouterr().err
    assert message in err and err.count("\n") == 1


def test_diagnostics_listed_in_text(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["parse", str(FIXTURES / "no_labels.txt"), "--no-detect"]) == 0
    assert "! P001 warning" in capsys.readouterr().out


def test_decode_errors_replace_is_a_documented_fallback(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "latin1.txt"
    data = "Title\n\nSECRETARY SMITH:  Caf\xe9 con leche.\n".encode("latin-1")
    bad.write_bytes(data)
    assert main(["parse", str(bad), "--no-detect"]) == 0  # the CP-1252 fallback, said as P020
    assert "! P020 warning" in capsys.readouterr().out
    assert main(["parse", str(bad), "--no-detect", "--encoding", "utf-8"]) == 2
    assert f"at byte {data.index(0xE9)}" in capsys.readouterr().err
    assert main(["parse", str(bad), "--no-detect", "--encoding", "utf-8", "--decode-errors", "replace"]) == 0
    out = capsys.readouterr().out
    assert "P004" in out and "smith" in out and "Café" in out

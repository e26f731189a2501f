"""End to end: ``interp-align align-sentences`` and ``eval-align`` through ``cli.main``."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from interp_align.align import read_beads
from interp_align.cli import main

FIXTURES = Path(__file__).parent / "fixtures" / "align"


def test_align_sentences_beads_then_eval(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "test"
    code = main(
        [
            "align-sentences",
            str(FIXTURES / "src.txt"),
            str(FIXTURES / "tgt.txt"),
            "--src-lang",
            "es",
            "--tgt-lang",
            "en",
            "-o",
            str(out),
        ]
    )
    assert code == 0
    assert out.read_text() == (FIXTURES / "gold.txt").read_text()
    code = main(
        ["eval-align", "--gold", str(FIXTURES / "gold.txt"), "--test", str(out), "--format", "json"]
    )
    assert code == 0
    result = json.loads(capsys.readouterr().out)
    assert result["f1_strict"] == 1.0 and result["documents"] == 1


def test_align_sentences_jsonl_carries_texts_and_confidence(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code = main(
        [
            "align-sentences",
            str(FIXTURES / "src.txt"),
            str(FIXTURES / "tgt.txt"),
            "--format",
            "jsonl",
        ]
    )
    assert code == 0
    rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    src = (FIXTURES / "src.txt").read_text().splitlines()
    assert sorted(i for r in rows for i in r["src"]) == list(range(len(src)))
    for row in rows:
        assert 0.0 <= row["confidence"] <= 1.0
        assert row["src_text"] == " ".join(src[i] for i in row["src"])


def test_eval_align_directories_and_text_output(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    gold_root, test_root = tmp_path / "gold", tmp_path / "test"
    for name in ("a", "b"):
        (gold_root / name).mkdir(parents=True)
        (test_root / name).mkdir(parents=True)
        shutil.copy(FIXTURES / "gold.txt", gold_root / name / "gold")
    (test_root / "a" / "test").write_text((FIXTURES / "gold.txt").read_text())
    (test_root / "b" / "test").write_text("[0, 1, 2]:[0, 1]\n")
    code = main(["eval-align", "--gold", str(gold_root), "--test", str(test_root)])
    assert code == 0
    out = capsys.readouterr().out
    assert "strict" in out and "2 document(s)" in out


@pytest.mark.parametrize(
    "argv",
    [
        ["eval-align", "--gold", "missing-gold", "--test", "missing-test"],
        ["eval-align", "--gold", "a", "--gold", "b", "--test", "c"],
        ["align-sentences", "missing-src", "missing-tgt"],
    ],
)
def test_input_errors_exit_2(argv: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    assert main(argv) == 2
    assert "error" in capsys.readouterr().err


def test_bad_gold_line_exits_2_naming_the_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "gold"
    bad.write_text("[0]:[0]\nnot a bead\n")
    assert main(["eval-align", "--gold", str(bad), "--test", str(bad)]) == 2
    assert ":2:" in capsys.readouterr().err


def test_corpus_mode_aligns_every_folder_together_and_eval_reports_bead_types(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    corpus = tmp_path / "corpus"
    for name in ("doc-a", "doc-b"):
        folder = corpus / name
        folder.mkdir(parents=True)
        shutil.copy(FIXTURES / "src.txt", folder / "src")
        shutil.copy(FIXTURES / "tgt.txt", folder / "tgt")
        shutil.copy(FIXTURES / "gold.txt", folder / "gold")
        (folder / "meta.json").write_text(json.dumps({"src_lang": "es", "tgt_lang": "en"}))
    out = tmp_path / "out"
    assert main(["align-sentences", "--corpus", str(corpus), "-O", str(out)]) == 0
    assert sorted(p.parent.name for p in out.rglob("test")) == ["doc-a", "doc-b"]
    capsys.readouterr()
    assert main(["eval-align", "--gold", str(corpus), "--test", str(out), "--format", "json"]) == 0
    result = json.loads(capsys.readouterr().out)
    assert result["documents"] == 2 and result["f1_strict"] == 1.0
    gold_kinds = {f"{len(b.src)}-{len(b.tgt)}" for b in read_beads(FIXTURES / "gold.txt")}
    assert set(result["recall_by_kind"]) == gold_kinds
    assert result["recall_by_kind"]["1-0"] == {"found": 2, "gold": 2}


def test_corpus_mode_needs_an_output_dir(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["align-sentences", "--corpus", str(tmp_path)]) == 2
    assert "--output-dir" in capsys.readouterr().err

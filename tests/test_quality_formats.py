"""Output formats and the check command: SARIF structure, workflow-command syntax, exit codes, config."""

from __future__ import annotations

import json
import re
from pathlib import Path

import jsonschema
import pytest
from hypothesis import given
from hypothesis import strategies as st

import interp_align as ia
from interp_align.cli import main
from interp_align.errors import ConfigError
from interp_align.models import Severity
from interp_align.parse import read
from interp_align.quality import (
    Finding,
    Location,
    QualityConfig,
    QualityReport,
    check,
    load_config,
    rule_info,
)
from interp_align.quality.formats import format_github, format_json, format_sarif, format_text

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures" / "quality"
DEFECTS = FIXTURES / "defects_en.txt"
CLEAN = FIXTURES / "clean_en.txt"

#: The part of the SARIF 2.1.0 schema our output relies on, written from the specification.
_LOCATION = {
    "type": "object",
    "required": ["physicalLocation"],
    "properties": {
        "id": {"type": "integer", "minimum": -1},
        "physicalLocation": {
            "type": "object",
            "required": ["artifactLocation", "region"],
            "properties": {
                "artifactLocation": {"type": "object", "required": ["uri"],
                                     "properties": {"uri": {"type": "string"}, "uriBaseId": {"type": "string"}}},
                "region": {
                    "type": "object",
                    "properties": {k: {"type": "integer", "minimum": 1} for k in ("startLine", "startColumn", "endLine", "endColumn")}
                    | {"charOffset": {"type": "integer", "minimum": -1}, "charLength": {"type": "integer", "minimum": 0}},
                },
            },
        },
        "message": {"type": "object", "required": ["text"]},
    },
}
SARIF_SUBSET = {
    "type": "object",
    "required": ["version", "runs"],
    "properties": {
        "version": {"const": "2.1.0"},
        "$schema": {"type": "string", "format": "uri"},
        "runs": {
            "type": "array",
            "items": {
                "type": "object",
                "required": ["tool"],
                "properties": {
                    "tool": {
                        "type": "object",
                        "required": ["driver"],
                        "properties": {"driver": {
                            "type": "object",
                            "required": ["name"],
                            "properties": {
                                "name": {"type": "string"},
                                "version": {"type": "string"},
                                "rules": {"type": "array", "items": {
                                    "type": "object",
                                    "required": ["id"],
                                    "properties": {
                                        "id": {"type": "string"},
                                        "shortDescription": {"type": "object", "required": ["text"]},
                                        "defaultConfiguration": {"type": "object", "properties": {
                                            "level": {"enum": ["none", "note", "warning", "error"]}}},
                                    },
                                }},
                            },
                        }},
                    },
                    "columnKind": {"enum": ["utf16CodeUnits", "unicodeCodePoints"]},
                    "results": {"type": "array", "items": {
                        "type": "object",
                        "required": ["message"],
                        "properties": {
                            "ruleId": {"type": "string"},
                            "ruleIndex": {"type": "integer", "minimum": -1},
                            "level": {"enum": ["none", "note", "warning", "error"]},
                            "message": {"type": "object", "required": ["text"], "properties": {"text": {"type": "string"}}},
                            "locations": {"type": "array", "items": _LOCATION},
                            "relatedLocations": {"type": "array", "items": _LOCATION},
                            "fixes": {"type": "array", "items": {"type": "object", "required": ["artifactChanges"]}},
                        },
                    }},
                },
            },
        },
    },
}


@pytest.fixture(scope="module")
def report() -> QualityReport:
    return check(read(DEFECTS))


def test_sarif_validates_and_indexes_rules(report: QualityReport) -> None:
    log = json.loads(format_sarif([report]))
    jsonschema.validate(log, SARIF_SUBSET)
    run = log["runs"][0]
    rules = run["tool"]["driver"]["rules"]
    for result in run["results"]:
        assert rules[result["ruleIndex"]]["id"] == result["ruleId"]
        uri = result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
        assert uri == "tests/fixtures/quality/defects_en.txt"  # repo-relative, forward slashes
    assert len(run["results"]) == len(report.findings)


_COMMAND = re.compile(
    r"^::(error|warning|notice) file=[^,:]+,line=\d+,col=\d+,endLine=\d+,endColumn=\d+,title=[^,:]+::[^\r\n]*$"
)


def test_github_lines_follow_workflow_syntax(report: QualityReport) -> None:
    lines = format_github([report]).splitlines()
    assert len(lines) == len(report.findings)
    for line in lines:
        assert _COMMAND.match(line), line


def test_github_escapes_data_and_properties(report: QualityReport) -> None:
    finding = report.findings[0]
    odd = finding.model_copy(update={"message": "50% done\nnext line\r"})
    tricky = report.model_copy(update={"findings": (odd,), "path": "a,b:c.txt"})
    (line,) = format_github([tricky]).splitlines()
    assert line.endswith("::50%25 done%0Anext line%0D")
    assert "file=a%2Cb%3Ac.txt," in line


def test_json_round_trips(report: QualityReport) -> None:
    payload = json.loads(format_json([report]))
    assert QualityReport.model_validate(payload["reports"][0]) == report


def test_text_groups_by_turn(report: QualityReport) -> None:
    text = format_text([report])
    assert "  turn 1  SECRETARY NAVARRO" in text and "outside turns" in text
    assert text.index("turn 1  SECRETARY NAVARRO") < text.index("IA101")


def test_exit_codes(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", str(DEFECTS)]) == 1  # an error-level finding (spam)
    assert main(["check", str(DEFECTS), "--fail-on", "never"]) == 0
    assert main(["check", str(DEFECTS), "--select", "IA1", "--fail-on", "error"]) == 0
    assert main(["check", str(DEFECTS), "--select", "IA1", "--fail-on", "warning"]) == 1
    assert main(["check", str(CLEAN), "--fail-on", "warning"]) == 0
    assert main(["check", str(FIXTURES / "missing.txt")]) == 2
    assert main(["check", str(DEFECTS), "--select", "IA999"]) == 2
    assert main(["check"]) == 2
    assert main(["check", str(DEFECTS), str(CLEAN), "--original", str(CLEAN)]) == 2
    err = capsys.readouterr().err
    assert "unknown rule 'IA999'" in err and "no such file" in err


def test_usage_error_from_argparse() -> None:
    with pytest.raises(SystemExit) as exc:
        main(["check", str(DEFECTS), "--format", "xml"])
    assert exc.value.code == 2


def test_cli_formats_write_files(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "report.sarif"
    assert main(["check", str(DEFECTS), "--format", "sarif", "-o", str(out), "--fail-on", "never"]) == 0
    jsonschema.validate(json.loads(out.read_text(encoding="utf-8")), SARIF_SUBSET)
    assert main(["check", "--list-rules"]) == 0
    assert "IA101  inaudible" in capsys.readouterr().out


def test_config_from_pyproject(tmp_path: Path) -> None:
    pyproject = tmp_path / "pyproject.toml"
    pyproject.write_text(
        '[tool.interp-align.check]\nignore = ["IA504"]\nfail-on = "warning"\n'
        '[tool.interp-align.check.severity]\nIA101 = "error"\n'
        '[tool.interp-align.check.thresholds]\nname-similarity = 0.95\n',
        encoding="utf-8",
    )
    config = load_config(start=tmp_path)
    assert config.ignore == ("IA504",) and config.fail_on == "warning"
    assert config.thresholds.name_similarity == 0.95
    overridden = load_config(pyproject, overrides={"fail_on": "never", "select": ("IA1",)})
    assert overridden.fail_on == "never" and overridden.select == ("IA1",) and overridden.ignore == ("IA504",)
    report = check(read(DEFECTS), config=config)
    assert not any(f.rule == "IA504" for f in report.findings)
    assert not any(f.rule == "IA301" for f in report.findings)  # "Navaro" is 0.86 < 0.95
    assert [f.severity.value for f in report.findings if f.rule == "IA101"] == ["error"]
    assert main(["check", str(DEFECTS), "--config", str(pyproject)]) == 1


@pytest.mark.parametrize(
    "body",
    ['[tool.interp-align.check]\nselect = ["IA9"]\n', '[tool.interp-align.check]\nbogus = 1\n',
     '[tool.interp-align.check.thresholds]\nname-similarity = "high"\n', "not toml ["],
)
def test_bad_config_is_a_config_error(tmp_path: Path, body: str) -> None:
    pyproject = tmp_path / "pyproject.toml"
    pyproject.write_text(body, encoding="utf-8")
    with pytest.raises(ConfigError):
        load_config(pyproject)


def test_ci_doc_configuration_loads(tmp_path: Path) -> None:
    text = (ROOT / "docs" / "ci.md").read_text(encoding="utf-8")
    block = re.search(r"```toml\n(.*?)```", text, re.DOTALL)
    assert block
    pyproject = tmp_path / "pyproject.toml"
    pyproject.write_text(block.group(1), encoding="utf-8")
    config = load_config(pyproject)
    assert config.fail_on == "warning" and config.thresholds.name_similarity == 0.85
    assert config.severity_of(rule_info("code-switch")).value == "warning"
    assert not config.enabled(rule_info("IA203"))


def test_reference_scores_carry_sacrebleu_signatures() -> None:
    record = read(CLEAN)
    report = check(record, reference=record)
    assert report.reference is not None
    assert report.reference.chrf == 100.0 and report.reference.bleu == 100.0
    assert "nrefs:1" in report.reference.chrf_signature and "version:" in report.reference.bleu_signature
    assert len(report.reference.segments) == len(record.turns)
    assert "chrf:[" in report.signature and not any(f.rule == "IA701" for f in report.findings)


def test_reference_with_other_turn_count_is_an_input_error() -> None:
    from interp_align.errors import InputError

    with pytest.raises(InputError):
        check(read(CLEAN), reference=read(DEFECTS))


@given(st.text(alphabet=st.sampled_from("a%:,\r\n b"), max_size=30))
def test_github_escaping_never_leaks_separators(message: str) -> None:
    report = check(read(CLEAN), config=QualityConfig(select=("IA302",)))
    finding = Finding(rule="IA101", name="inaudible", severity=Severity.WARNING, message=message,
                      location=Location(start=0, end=1, line=1, column=1, end_line=1, end_column=2))
    (line,) = format_github([report.model_copy(update={"findings": (finding,), "path": "a:b,c.txt"})]).splitlines()
    head, _, data = line.partition("::")[2].partition("::")
    assert "\r" not in data and "\n" not in data
    assert data.replace("%25", "").count("%") == data.count("%0A") + data.count("%0D")
    assert head.startswith("warning file=a%3Ab%2Cc.txt,")


def test_report_formats_itself_like_the_cli_formats() -> None:
    from interp_align.quality.formats import format_reports

    transcript = ia.parse("T\n\nSECRETARY SMITH:  We lost the (inaudible) part.\n", detect_language=False)
    report = ia.check(transcript)
    for fmt in ("text", "json", "github", "sarif"):
        assert report.format(fmt) == format_reports([report], fmt)
    assert "IA101" in report.format()

"""docs/format.md is executable: every example it lists is parsed as the page says."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import interp_align as ia

DOC = (Path(__file__).resolve().parent.parent / "docs" / "format.md").read_text(encoding="utf-8")
_TICKED = re.compile(r"`([^`]+)`")


def _section(title: str) -> str:
    start = DOC.index(f"## {title}")
    end = DOC.find("\n## ", start + 1)
    return DOC[start : end if end > 0 else None]


def _table_rows(section: str) -> list[list[str]]:
    rows = []
    for line in section.splitlines():
        if line.startswith("|") and not line.startswith("|---"):
            rows.append([cell.strip() for cell in line.strip("|").split("|")])
    return rows[1:]


STAGE_ROWS = [
    (kind, marker)
    for cells in _table_rows(_section("Stage directions"))
    for kind in _TICKED.findall(cells[0])
    for cell in cells[1:]
    for marker in _TICKED.findall(cell)
]
NOTE_EXAMPLES = [m for cells in _table_rows(_section("Interpreter notes")) for c in cells for m in _TICKED.findall(c)
                 if m.startswith("(")]
LABEL_EXAMPLES = [m for cells in _table_rows(_section("Speaker labels"))[:4] for m in _TICKED.findall(cells[1])]


@pytest.mark.parametrize(("kind", "marker"), STAGE_ROWS)
def test_stage_direction_table(kind: str, marker: str) -> None:
    text = f"Title\n\nSECRETARY SMITH:  We are here {marker} and we go on.\n"
    turn = ia.parse(text, detect_language=False).turns[0]
    found = [m for m in turn.markers if m.text == marker]
    assert found and found[0].kind.value == kind
    assert text[found[0].start : found[0].end] == marker


@pytest.mark.parametrize("note", NOTE_EXAMPLES)
def test_interpreter_note_table(note: str) -> None:
    turn = ia.parse(f"Title\n\nSECRETARY SMITH:  {note} Words follow here.\n", detect_language=False).turns[0]
    kinds = {m.kind for m in turn.markers if m.text == note}
    assert kinds & {ia.MarkerKind.INTERPRETER_NOTE, ia.MarkerKind.LANGUAGE_NOTE}


@pytest.mark.parametrize("label", LABEL_EXAMPLES)
def test_label_table(label: str) -> None:
    transcript = ia.parse(f"Title\n\n{label}  Thank you all for coming today.\n", detect_language=False)
    assert len(transcript.turns) == 1
    assert transcript.turns[0].label_text.rstrip(":") == label.rstrip(":")


def test_placeholder_note_gives_an_empty_turn() -> None:
    text = "Título\n\nJILL BIDEN, ESPOSA DEL PRESIDENTE: (Mensaje en inglés).\n\nMODERADORA: Gracias.\n"
    turn = ia.parse(text, detect_language=False).turns[0]
    # a placeholder names the language spoken; nothing reached the record through an interpreter
    assert turn.interpretation.placeholder and not turn.interpretation.interpreted
    assert turn.interpretation.source_language == "en"
    assert [p.kind.value for p in turn.passages] == ["untranscribed"]
    assert turn.sentences == () or all(not s.text.strip("(). ") or "Mensaje" in s.text for s in turn.sentences)


def test_unknown_parentheses_are_prose() -> None:
    turn = ia.parse("Title\n\nSECRETARY SMITH:  The agency (UNESCO) and (T-MEC) agreed.\n",
                    detect_language=False).turns[0]
    assert turn.markers == ()


_EXAMPLE = re.compile(r"<!-- example: (?P<expect>[^>]*) -->\n```text\n(?P<text>.*?)```", re.DOTALL)
DIALECT_EXAMPLES = [
    (dict(item.split("=", 1) for item in (p.strip() for p in m.group("expect").split(";"))), m.group("text"))
    for m in _EXAMPLE.finditer(_section("Dialects"))
]


def _names(value: str) -> list[str]:
    return [v.strip() for v in value.split("|") if v.strip()]


@pytest.mark.parametrize(("expect", "text"), DIALECT_EXAMPLES, ids=[e["dialect"] for e, _ in DIALECT_EXAMPLES])
def test_dialect_example(expect: dict[str, str], text: str) -> None:
    transcript = ia.parse(text, detect_language=False)
    assert transcript.dialect is not None and transcript.dialect.name == expect["dialect"]
    assert "".join(b.text for b in transcript.blocks) == text
    labels = [t.label_text for t in transcript.turns]
    if "speech" in expect:
        assert len(transcript.turns) == 1 and transcript.speaker(transcript.turns[0].speaker_id).name == expect["speech"]
    else:
        assert labels == _names(expect["turns"])
    interpreted = [t.label_text for t in transcript.turns if t.interpretation.interpreted]
    assert sorted(set(interpreted)) == sorted(set(_names(expect["interpreted"])))
    if "title" in expect:
        assert transcript.title == expect["title"]


def test_every_dialect_has_an_example() -> None:
    from interp_align.parsing.dialects import DIALECTS

    assert sorted(e["dialect"] for e, _ in DIALECT_EXAMPLES) == sorted(d.name for d in DIALECTS)

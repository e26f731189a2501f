"""``check --fix``: certain repairs into a new file, the input untouched, and fixing a fixed file changes nothing."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from interp_align.cli import main
from interp_align.parse import parse
from interp_align.quality.fix import FIXABLE, fix

RECORD = """Remarks at a Fictional Dialogue

MINISTER OKAFOR:  (Via interpreter) Good morning to all.  We arrived in MÃ©xico yesterday.

SECRETARY HOLT:  Welcome.  Thank you for coming.

MINISTER OKAFOR:  (Via interpreter) Thank you.

MINISTER OKAFOR:  (Via interpreter.) We are ready to work.

SECRETARY HOLT:  Thank you all.

Related Articles

Leave a Reply

gates of olympus slot gacor
"""


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_fix_moves_chrome_out_and_rewrites_certain_repairs() -> None:
    result = fix(parse(RECORD, language="en", detect_language=False))
    assert "Related Articles" not in result.text and "gates of olympus" not in result.text
    assert result.text.endswith("SECRETARY HOLT:  Thank you all.\n")
    assert "(Via interpreter.)" not in result.text and result.text.count("(Via interpreter)") == 3
    assert "México" in result.text and "MÃ©xico" not in result.text
    # the sidecar keeps what was removed, verbatim, with its line
    assert "Related Articles\n" in result.sidecar and "gates of olympus slot gacor\n" in result.sidecar
    assert "# line 13, IA503" in result.sidecar
    assert {e.rule for e in result.edits} <= set(FIXABLE)


def test_fixing_a_fixed_text_changes_nothing() -> None:
    once = fix(parse(RECORD, language="en", detect_language=False))
    twice = fix(parse(once.text, language="en", detect_language=False))
    assert twice.text == once.text and twice.edits == () and twice.sidecar == ""


def test_uncertain_repairs_are_left_alone() -> None:
    """A lone spam word may be a name, a web address the publisher's note, a doubled word faithful."""
    text = ("SECRETARY HOLT:  The the plan is ready, Secretary Navaro.\n\nQ    Thank you.  Maria Casino, Radio Uno.\n\n"
            "To view the slides, visit: <https://example.org/slides.pdf>\n")
    result = fix(parse(text, language="en", detect_language=False))
    assert result.text == text and not result.edits


PIECES = st.lists(
    st.sampled_from([
        "MINISTER OKAFOR:  (Via interpreter) Good morning.\n\n",
        "MINISTER OKAFOR:  (Via interpreter.) Thank you.\n\n",
        "MINISTER OKAFOR:  (VIA INTERPRETER) We agree.\n\n",
        "SECRETARY HOLT:  We arrived in MÃ©xico today.\n\n",
        "SECRETARY HOLT:  Thank you all.\n\n",
    ]),
    min_size=1, max_size=6,
)
FOOTER = st.lists(st.sampled_from(["Related Articles\n\n", "Leave a Reply\n\n", "Back to top button\n\n",
                                   "sweet bonanza slot gacor\n\n"]), max_size=4)


@settings(max_examples=30, deadline=None)
@given(PIECES, FOOTER)
def test_fix_is_idempotent(pieces: list[str], footer: list[str]) -> None:
    text = "Remarks\n\n" + "".join(pieces) + "".join(footer)
    once = fix(parse(text, language="en", detect_language=False))
    twice = fix(parse(once.text, language="en", detect_language=False))
    assert twice.text == once.text and twice.edits == ()
    assert "Related Articles" not in once.text and "Leave a Reply" not in once.text


def test_cli_writes_a_new_file_and_never_touches_the_input(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "talk.txt"
    source.write_text(RECORD, encoding="utf-8")
    before, mtime = _sha(source), source.stat().st_mtime_ns
    assert main(["check", str(source), "--fix", "--no-detect"]) == 0
    out = capsys.readouterr().out
    assert _sha(source) == before and source.stat().st_mtime_ns == mtime
    fixed, sidecar = tmp_path / "talk.fixed.txt", tmp_path / "talk.fixed.removed.txt"
    assert fixed.read_text(encoding="utf-8") == fix(parse(RECORD, language="en", detect_language=False)).text
    assert "Leave a Reply" in sidecar.read_text(encoding="utf-8")
    assert "-Related Articles" in out and "+MINISTER OKAFOR:  (Via interpreter) We are ready to work." in out
    # round trip through the CLI: the fixed file fixes to itself, and no sidecar is written
    again = tmp_path / "again.txt"
    assert main(["check", str(fixed), "--fix", "--no-detect", "--fix-output", str(again)]) == 0
    assert again.read_bytes() == fixed.read_bytes() and not (tmp_path / "again.removed.txt").exists()
    assert "nothing to fix" in capsys.readouterr().out


def test_cli_refuses_to_write_its_input(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "talk.txt"
    source.write_text(RECORD, encoding="utf-8")
    before = _sha(source)
    assert main(["check", str(source), "--fix", "--fix-output", str(source), "--no-detect"]) == 2
    assert main(["check", str(source), "--fix", "--original", str(source), "--no-detect"]) == 2
    assert _sha(source) == before
    assert "never writes its input" in capsys.readouterr().err

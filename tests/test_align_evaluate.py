"""Vecalign-format IO and the strict/lax scorer, on hand-computed cases."""

from __future__ import annotations

from pathlib import Path

import pytest

from interp_align.align import format_beads, parse_beads, read_beads, score, score_many, write_beads
from interp_align.errors import InputError, ParseError
from interp_align.models import Bead


def B(src: tuple[int, ...], tgt: tuple[int, ...]) -> Bead:
    return Bead(src=src, tgt=tgt)


def test_parse_and_format_round_trip(tmp_path: Path) -> None:
    text = "[0]:[0]\n[1, 2]:[3]\n[4]:[]\n[]:[5]\n"
    beads = parse_beads(text)
    assert beads == [B((0,), (0,)), B((1, 2), (3,)), B((4,), ()), B((), (5,))]
    assert format_beads(beads) == text
    path = tmp_path / "gold"
    write_beads(path, beads)
    assert read_beads(path) == beads


def test_parse_tolerates_spacing_and_blank_lines() -> None:
    assert parse_beads("[1,2] : [3]\n\n  [4]:[ ]\n") == [B((1, 2), (3,)), B((4,), ())]


@pytest.mark.parametrize("bad", ["[0]-[1]", "[a]:[1]", "[0]:[1", "0:1", "[1,,2]:[3]"])
def test_bad_line_raises_parse_error_with_path_and_line(bad: str) -> None:
    with pytest.raises(ParseError) as info:
        parse_beads(f"[0]:[0]\n{bad}\n", path="g.txt")
    assert info.value.line == 2 and info.value.path == "g.txt"


def test_missing_file_is_an_input_error(tmp_path: Path) -> None:
    with pytest.raises(InputError):
        read_beads(tmp_path / "nope")


def test_perfect_alignment_scores_one() -> None:
    gold = [B((0,), (0,)), B((1, 2), (1,)), B((3,), ())]
    result = score(gold, gold)
    assert result.f1_strict == result.f1_lax == 1.0
    # the omission counts for precision (3 test beads) but not for recall (2 gold links)
    assert (result.test_beads, result.gold_beads) == (3, 2)


def test_hand_computed_strict_and_lax() -> None:
    gold = [B((0,), (0,)), B((1, 2), (1,)), B((3,), (2,)), B((4,), ())]
    test = [B((0,), (0,)), B((1,), (1,)), B((2,), ()), B((3, 4), (2,))]
    result = score(gold, test)
    # precision over 4 test beads: [0]:[0] strict; [1]:[1] lax (1-1 linked in gold);
    # [2]:[] no target -> miss; [3, 4]:[2] lax (3-2 linked in gold)
    assert (result.test_strict_hits, result.test_lax_hits, result.test_beads) == (1, 3, 4)
    # recall over 3 non-empty gold beads against 3 non-empty test beads:
    # [0]:[0] strict; [1, 2]:[1] lax via [1]:[1]; [3]:[2] lax via [3, 4]:[2]
    assert (result.gold_strict_hits, result.gold_lax_hits, result.gold_beads) == (1, 3, 3)
    assert result.precision_strict == pytest.approx(0.25)
    assert result.recall_strict == pytest.approx(1 / 3)
    assert result.f1_strict == pytest.approx(2 * 0.25 * (1 / 3) / (0.25 + 1 / 3))
    assert result.precision_lax == pytest.approx(0.75)
    assert result.recall_lax == pytest.approx(1.0)


def test_addition_not_in_gold_is_a_false_positive_even_lax() -> None:
    gold = [B((0,), (0, 1))]
    test = [B((0,), (0,)), B((), (1,))]
    result = score(gold, test)
    assert (result.test_strict_hits, result.test_lax_hits, result.test_beads) == (0, 1, 2)
    assert (result.gold_strict_hits, result.gold_lax_hits) == (0, 1)


def test_duplicates_and_empty_beads_are_ignored() -> None:
    gold = [B((0,), (0,))]
    test = [B((0,), (0,)), B((0,), (0,)), B((), ())]
    assert score(gold, test).test_beads == 1


def test_micro_average_sums_counts_over_documents() -> None:
    doc1 = ([B((0,), (0,)), B((1,), (1,))], [B((0,), (0,)), B((1,), (1,))])
    doc2 = ([B((0,), (0,)), B((1,), (1,))], [B((0, 1), (0, 1))])
    result = score_many([doc1, doc2])
    assert result.documents == 2
    assert (result.test_strict_hits, result.test_beads) == (2, 3)
    assert (result.gold_strict_hits, result.gold_beads) == (2, 4)
    assert result.precision_strict == pytest.approx(2 / 3)
    assert result.recall_strict == pytest.approx(0.5)


def test_empty_test_gives_zero_not_an_error() -> None:
    result = score([B((0,), (0,))], [])
    assert result.f1_strict == 0.0 and result.recall_strict == 0.0
    assert "F1" in result.format()

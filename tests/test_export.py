"""Exports: TMX 1.4b well-formed with its header and round-tripping, JSONL/TSV/Moses consistent."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from conftest import SEED
from hypothesis import given, settings
from hypothesis import strategies as st

import interp_align as ia
from interp_align.cli import main
from interp_align.export import _xml_text
from interp_align.models import Bead, TurnPair

TMX_HEADER_ATTRIBUTES = {
    "creationtool", "creationtoolversion", "segtype", "o-tmf", "adminlang", "srclang", "datatype",
}


def test_tmx_is_well_formed_with_the_required_header(seed_alignment: ia.Alignment) -> None:
    root = ET.fromstring(ia.to_tmx(seed_alignment))
    assert root.tag == "tmx" and root.get("version") == "1.4"
    header = root.find("header")
    assert header is not None and set(header.attrib) >= TMX_HEADER_ATTRIBUTES
    units = root.findall("body/tu")
    assert units
    for tu in units:
        langs = {tuv.get("{http://www.w3.org/XML/1998/namespace}lang") for tu_ in [tu] for tuv in tu_.findall("tuv")}
        assert langs == {"es", "en"}
        props = {p.get("type") for p in tu.findall("prop")}
        assert {"x-speaker", "x-english-turn", "x-spanish-turn", "x-confidence"} <= props


def test_tmx_round_trips_through_the_reader(seed_alignment: ia.Alignment) -> None:
    units = ia.read_tmx(ia.to_tmx(seed_alignment))
    segments = [s for s in ia.aligned_segments(seed_alignment) if s.spanish and s.english]
    assert [(u.segments["es"], u.segments["en"]) for u in units] == [(s.spanish, s.english) for s in segments]
    assert [float(u.props["x-confidence"]) for u in units] == pytest.approx([s.confidence for s in segments], abs=1e-4)


def _one_pair_alignment(spanish_text: str, english_text: str) -> ia.Alignment:
    english = ia.parse(f"T\n\nFOREIGN SECRETARY RUIZ:  (Via interpreter) {english_text}\n", detect_language=False)
    spanish = ia.parse(f"T\n\nCANCILLER RUIZ: {spanish_text}\n", detect_language=False)
    beads = (Bead(src=tuple(range(len(spanish.turns[0].sentences))),
                  tgt=tuple(range(len(english.turns[0].sentences))), confidence=0.5),)
    pair = TurnPair(english_turn=0, spanish_turn=0, original_language="es", confidence=0.5, beads=beads)
    return ia.Alignment(english=english, spanish=spanish, pairs=(pair,), signature="test")


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=40))
def test_every_character_survives_tmx(payload: str) -> None:
    seg = _xml_text(payload)
    doc = f'<?xml version="1.0"?><tmx version="1.4"><header/><body><tu><tuv xml:lang="en"><seg>{seg}</seg></tuv></tu></body></tmx>'
    units = ia.read_tmx(doc)
    assert units[0].segments["en"] == payload


def test_markup_and_control_characters_are_escaped() -> None:
    alignment = _one_pair_alignment('Dijo "<b>hola</b>" & se fue.', "He said <script>x</script> & left\x01.")
    tmx = ia.to_tmx(alignment)
    assert "<script>" not in tmx and "<b>" not in tmx
    ET.fromstring(tmx)  # still well-formed with a control character inside
    unit = ia.read_tmx(tmx)[0]
    assert unit.segments["en"] == "He said <script>x</script> & left\x01."


def test_reader_refuses_entity_expansion() -> None:
    bomb = (
        '<?xml version="1.0"?><!DOCTYPE tmx [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;">]>'
        '<tmx version="1.4"><header/><body><tu><tuv xml:lang="en"><seg>&b;</seg></tuv></tu></body></tmx>'
    )
    with pytest.raises(ia.ParseError):
        ia.read_tmx(bomb)


def test_jsonl_tsv_and_moses_agree(seed_alignment: ia.Alignment) -> None:
    rows = [json.loads(line) for line in ia.to_jsonl(seed_alignment).splitlines()]
    segments = ia.aligned_segments(seed_alignment)
    assert len(rows) == len(segments) == sum(len(p.beads) for p in seed_alignment.pairs)
    for row in rows:  # an empty side is an omission or addition bead, never a blank pair
        assert row["spanish"] or row["english"]
        assert bool(row["spanish"]) == bool(row["spanish_sentences"])
    for row in rows:  # offsets resolve to the texts
        for start, end in row["english_spans"]:
            assert seed_alignment.english.text[start:end].split()[0] in row["english"]
    tsv = ia.to_tsv(seed_alignment).splitlines()
    assert len(tsv) == len(rows) + 1 and tsv[0].startswith("pair\tspeaker")
    es_lines, en_lines = ia.to_moses(seed_alignment)
    both = [s for s in segments if s.spanish and s.english]
    assert es_lines.splitlines() == [s.spanish for s in both]
    assert en_lines.splitlines() == [s.english for s in both]


def test_omission_beads_export_with_an_empty_side() -> None:
    alignment = _one_pair_alignment("Gracias. Aseguramos 900 laboratorios.", "We seized 900 laboratories.")
    pair = alignment.pairs[0].model_copy(
        update={"beads": (Bead(src=(0,), tgt=()), Bead(src=(1,), tgt=(0,)))}
    )
    alignment = alignment.model_copy(update={"pairs": (pair,)})
    rows = [json.loads(line) for line in ia.to_jsonl(alignment).splitlines()]
    assert [(r["kind"], r["spanish"], r["english"]) for r in rows] == [
        ("1-0", "Gracias.", ""),
        ("1-1", "Aseguramos 900 laboratorios.", "We seized 900 laboratories."),
    ]
    assert len(ia.read_tmx(ia.to_tmx(alignment))) == 1  # TMX carries pairs only by default
    assert len(ia.read_tmx(ia.to_tmx(alignment, include_empty=True))) == 2
    assert "OMITTED in English" in ia.format_alignment(alignment)


def test_cli_align_formats(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    en, es = str(SEED / "en.txt"), str(SEED / "es.txt")
    assert main(["align", en, es, "--no-detect"]) == 0
    view = capsys.readouterr().out
    assert "⇄" in view and "es │" in view and "en │" in view
    out = tmp_path / "seed.tmx"
    assert main(["align", en, es, "--no-detect", "--format", "tmx", "-o", str(out)]) == 0
    assert ia.read_tmx(out.read_bytes())
    assert main(["align", en, es, "--no-detect", "--format", "moses", "-o", str(tmp_path / "seed")]) == 0
    assert (tmp_path / "seed.es").read_text(encoding="utf-8").count("\n") == (tmp_path / "seed.en").read_text(
        encoding="utf-8"
    ).count("\n")
    assert main(["align", en, es, "--no-detect", "--format", "moses"]) == 2
    assert "needs -o" in capsys.readouterr().err
    assert main(["align", en, str(tmp_path / "missing.txt")]) == 2

"""Decoding transcript files: supported encodings, binary and undecodable input, limits."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from interp_align.errors import DecodeError, InputError
from interp_align.io import decode_bytes, find_mojibake, read_text
from interp_align.parse import parse, read

FIXTURES = Path(__file__).parent / "fixtures" / "parse"


@pytest.mark.parametrize(
    ("name", "encoding"),
    [("utf8_bom.txt", "utf-8-sig"), ("utf16le.txt", "utf-16"), ("utf16be.txt", "utf-16"), ("crlf.txt", "utf-8")],
)
def test_supported_encodings_parse_the_same(name: str, encoding: str) -> None:
    transcript = read(FIXTURES / name, detect_language=False)
    assert transcript.encoding == encoding
    assert [t.label_text for t in transcript.turns] == ["MR. HALVERSON", "MINISTER ORTIZ"]
    assert transcript.turns[1].interpretation.interpreted
    assert transcript.title == "Remarks at a Made-Up Meeting"
    assert "".join(b.text for b in transcript.blocks) == transcript.text


def test_crlf_offsets_point_into_original() -> None:
    transcript = read(FIXTURES / "crlf.txt", detect_language=False)
    assert "\r\n" in transcript.text
    for turn in transcript.turns:
        assert not turn.body.endswith("\r")
        assert transcript.text[turn.body_start : turn.body_end] == turn.body


def test_binary_is_refused() -> None:
    with pytest.raises(InputError, match="looks binary"):
        read_text(FIXTURES / "binary.bin")


def test_undecodable_bytes_name_path_and_offset() -> None:
    path = FIXTURES / "undecodable.txt"  # 0x81 is neither UTF-8 nor CP-1252
    with pytest.raises(DecodeError) as info:
        read_text(path)
    assert info.value.byte_offset == len(b"MR. HALVERSON:  Caf")
    assert str(path) in str(info.value) and "at byte 19" in str(info.value)
    assert "--encoding" in str(info.value) and "--decode-errors replace" in str(info.value)


def test_undecodable_bytes_replaced_on_request_with_diagnostic() -> None:
    transcript = read(FIXTURES / "undecodable.txt", errors="replace", detect_language=False)
    assert transcript.turns[0].body == "Caf\ufffd olé."  # the stray CP-1252 letter is kept, 0x81 is not a letter
    assert [d.code for d in transcript.diagnostics] == ["P004"]
    assert "first at byte 19" in transcript.diagnostics[0].message
    assert "1 read as CP-1252 characters, 1 as U+FFFD" in transcript.diagnostics[0].message


def test_cp1252_fallback_is_detected_and_said() -> None:
    decoded = read_text(FIXTURES / "bad_utf8.txt")  # "Café olé." in CP-1252/Latin-1
    assert decoded.encoding == "cp1252" and decoded.text == "MR. HALVERSON:  Café olé.\n"
    (diagnostic,) = decoded.diagnostics
    assert diagnostic.code == "P020" and "first non-UTF-8 byte at byte 19" in diagnostic.message


@pytest.mark.parametrize("encoding", ["utf-8", "UTF8", "cp1252", "latin-1", "utf-16-le"])
def test_named_encoding_decodes_without_detection(encoding: str) -> None:
    text = "SECRETARIA BÁRCENA:  Señor, ¿qué tal?\n"
    decoded = decode_bytes(text.encode(encoding), encoding=encoding)
    assert decoded.text == text and decoded.diagnostics == ()


def test_named_encoding_refuses_bytes_it_cannot_read() -> None:
    with pytest.raises(DecodeError, match=r"not valid utf-8.*at byte 3"):
        decode_bytes("Caf\xe9 olé".encode("cp1252"), encoding="utf-8")
    with pytest.raises(InputError, match="unknown encoding 'klingon'"):
        decode_bytes(b"abc", encoding="klingon")


@pytest.mark.parametrize("text", ["Ð\x9a\u0430\u043a", "日本語のテキスト", "RodrÃ\xadguez"])
def test_cp1252_fallback_only_for_clearly_western_text(text: str) -> None:
    """Bytes that read as odd symbols or mojibake in CP-1252 are not guessed: an error with the offset."""
    data = text.encode("utf-8")[:-1] + b"\xff\xfe\x81"  # not UTF-8 any more
    with pytest.raises(DecodeError, match="at byte"):
        decode_bytes(data)


def test_replace_keeps_accented_labels_of_a_latin1_record() -> None:
    """Read as UTF-8 with replace, a Latin-1 record keeps its accented labels: every turn is still found."""
    text = "".join(f"SECRETARIA BÁRCENA {n}:  Señor.\n\nSECRETARIO RODRÍGUEZ:  Sí, ¿cuándo?\n\n" for n in range(5))
    strict = parse(text, detect_language=False)
    decoded = decode_bytes(text.encode("latin-1"), encoding="utf-8", errors="replace")
    replaced = parse(decoded.text, detect_language=False)
    assert [t.label_text for t in replaced.turns] == [t.label_text for t in strict.turns] and len(strict.turns) == 10
    assert decoded.text == text


def test_utf8_bom_offset_reported_in_file_bytes() -> None:
    with pytest.raises(DecodeError) as info:
        decode_bytes(codecs.BOM_UTF8 + b"abc\xff")
    assert info.value.byte_offset == 6


def test_empty_file_gives_diagnostic_not_crash() -> None:
    transcript = read(FIXTURES / "empty.txt")
    assert transcript.turns == () and transcript.blocks == ()
    assert [d.code for d in transcript.diagnostics] == ["P002"]


def test_missing_file_and_directory(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file"):
        read_text(tmp_path / "nope.txt")
    with pytest.raises(InputError, match="directory"):
        read_text(tmp_path)


def test_size_limit(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    path.write_text("MR. PRICE: hello.\n" * 100, encoding="utf-8")
    with pytest.raises(InputError, match="limit"):
        read_text(path, max_bytes=1000)
    assert read_text(path, max_bytes=10_000).text.startswith("MR. PRICE")


def test_mojibake_fixture_gives_diagnostic() -> None:
    transcript = read(FIXTURES / "mojibake.txt", detect_language=False)
    codes = [d.code for d in transcript.diagnostics]
    assert codes == ["P003"]
    diagnostic = transcript.diagnostics[0]
    assert diagnostic.line == 3 and diagnostic.start is not None
    assert transcript.text[diagnostic.start : diagnostic.start + 2] == "Ã\u00ad"


@pytest.mark.parametrize("clean", ["Rodríguez y Bárcena", "It’s “quoted” — fine", "naïve café"])
def test_clean_text_has_no_mojibake(clean: str) -> None:
    assert find_mojibake(clean) == ()


def test_no_labels_fixture() -> None:
    transcript = read(FIXTURES / "no_labels.txt", detect_language=False)
    assert transcript.turns == ()
    assert len(transcript.blocks) == 1 and transcript.blocks[0].kind.value == "unattributed"
    assert transcript.blocks[0].text == transcript.text
    diagnostic = transcript.diagnostics[0]
    assert diagnostic.code == "P001" and diagnostic.severity.value == "warning" and "no speaker labels" in diagnostic.message


def test_gobmx_block_fixture() -> None:
    transcript = read(FIXTURES / "gobmx_blocks.txt", detect_language=False)
    assert [h.kind.value for h in transcript.header] == ["title", "organisation", "date"]
    labels = [t.label_text for t in transcript.turns]
    assert labels == [
        "MODERADORA",
        "HELENA MARSH, SECRETARIA DE COMERCIO DEL REINO DE PRUEBA",
        "SECRETARIO DE ECONOMÍA, TOMÁS LEDESMA VIDAL",
        "PREGUNTA",
        "HELENA MARSH",
        "HELENA MARSH",
        "",
        "INTERLOCUTORA",
        "TOMÁS LEDESMA VIDAL",
    ]
    interp = [(t.interpretation.interpreted, t.interpretation.source_language, t.interpretation.placeholder) for t in transcript.turns]
    assert interp == [
        (False, None, False),
        (True, "en", False),
        (False, None, False),
        (True, "en", False),
        (True, "en", False),
        (False, "en", True),  # "(Mensaje en inglés)": a placeholder, not an interpretation
        (True, "fr", False),
        (False, None, False),
        (False, None, False),
    ]
    ids = [t.speaker_id for t in transcript.turns]
    assert ids[1] == ids[4] == ids[5] == "helena-marsh"
    assert ids[2] == ids[8] == "tomas-ledesma-vidal"
    assert ids[6] == "unidentified"
    assert [b.text for b in transcript.boilerplate] == ["—000—"]
    assert sum(b.kind.value == "separator" for b in transcript.blocks) == 7
    assert transcript.language is not None and transcript.language.code == "es"


def test_gobmx_blocks_with_bom_and_crlf_parse_alike() -> None:
    source = (FIXTURES / "gobmx_blocks.txt").read_text(encoding="utf-8")
    plain = read(FIXTURES / "gobmx_blocks.txt", detect_language=False)
    from interp_align.parse import parse

    windows = parse("\ufeff" + source.replace("\n", "\r\n"), detect_language=False)
    assert [t.label_text for t in windows.turns] == [t.label_text for t in plain.turns]
    assert [t.interpretation.interpreted for t in windows.turns] == [t.interpretation.interpreted for t in plain.turns]
    assert [h.text for h in windows.header] == [h.text for h in plain.header]
    assert [b.text for b in windows.boilerplate] == ["—000—"]
    assert all(not t.body.endswith("\r") for t in windows.turns)
    assert "".join(b.text for b in windows.blocks) == windows.text

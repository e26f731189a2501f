"""Bilingual dictionaries read from the system: dictd parsing, discovery, links, and the default path.

The dictd files here are written by the tests themselves (a handful of
entries in our own words); the tests that use a real FreeDict dictionary skip
where none is installed.
"""

from __future__ import annotations

import gzip
import hashlib
from pathlib import Path

import pytest

from interp_align.align import AlignParams, align_corpus, align_sentences, read_beads
from interp_align.align import dictionaries as dicts
from interp_align.align.dictionaries import (
    ENV_VAR,
    dictionary_links,
    find_dictionaries,
    parse_entry,
)
from interp_align.align.stems import stemmer_for

ROOT = Path(__file__).resolve().parent.parent
_B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"


def _b64(value: int) -> str:
    out = ""
    while True:
        out = _B64[value % 64] + out
        value //= 64
        if not value:
            return out


def write_dictd(folder: Path, name: str, entries: list[tuple[str, str]]) -> None:
    """A dictd dictionary: ``name.index`` (headword, base64 offset, base64 length) and ``name.dict.dz``."""
    body = b""
    rows = ["00databaseinfo\tA\tA"]
    for head, text in entries:
        data = text.encode("utf-8")
        rows.append(f"{head}\t{_b64(len(body))}\t{_b64(len(data))}")
        body += data
    (folder / f"{name}.index").write_text("\n".join(rows) + "\n", encoding="utf-8")
    with gzip.open(folder / f"{name}.dict.dz", "wb") as stream:
        stream.write(body)


@pytest.fixture()
def dict_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    write_dictd(
        tmp_path,
        "freedict-eng-fra",
        [
            ("harbour", "harbour /ha/\n1. port, havre\n2. abri (figuré)\n"),
            ("lighthouse", "lighthouse /la/ <n>\nphare\na tall tower with a lamp\n"),
            ("ship", "ship /ʃ/\nnavire, bateau à voile\n"),
        ],
    )
    write_dictd(tmp_path, "freedict-fra-eng", [("marée", "marée /ma/ <n, fem>\ntide\n")])
    monkeypatch.setenv(ENV_VAR, str(tmp_path))
    return tmp_path


def test_parse_entry_reads_translation_lines_and_skips_definitions_and_notes() -> None:
    text = "Kopfwort /x/ <n>\n1. lune, astre (poétique)\nErklärung in der Sprache des Kopfworts\n2. [fam] satellite\n"
    assert parse_entry(text, "kopfwort") == ["lune", "astre", "satellite"]
    # a trailing sense number on a line and phrases of several words are not translations
    assert parse_entry("wort /x/\nhigh 2.\n zweite Erklärung\n", "wort") == ["high"]
    assert parse_entry("wort /x/\nvery long phrase here, short\n", "wort") == ["short"]
    assert parse_entry("wort /x/\n", "wort") == []


def test_find_dictionaries_looks_in_both_directions_and_honours_the_environment(
    dict_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    found = find_dictionaries("en", "fr")
    assert {d.name for d in found} == {"freedict-eng-fra", "freedict-fra-eng"}
    assert {(d.src, d.tgt) for d in found} == {("en", "fr"), ("fr", "en")}
    assert find_dictionaries("fr-FR", "en_GB") and not find_dictionaries("en", "en")
    assert find_dictionaries("en", "xx") == [] and find_dictionaries(None, "fr") == []
    monkeypatch.setenv(ENV_VAR, "")
    assert find_dictionaries("en", "fr") == []


def _vocab(words: list[str], lang: str) -> tuple[dict[str, int], dict[str, int]]:
    stem = stemmer_for(lang)
    return {w: k for k, w in enumerate(words)}, {stem(w): k for k, w in enumerate(words)}


def test_links_meet_the_corpus_stems_of_both_sides(dict_dir: Path) -> None:
    words_en, stems_en = _vocab(["harbours", "lighthouse", "tide", "ship"], "en")
    words_fr, stems_fr = _vocab(["ports", "phares", "marees", "abri"], "fr")
    src, tgt = dictionary_links("en", "fr", words_en, stems_en, words_fr, stems_fr)
    pairs = set(zip(src.tolist(), tgt.tolist(), strict=True))
    # harbour→port, harbour→abri, lighthouse→phare, and marée→tide read from fra-eng, reversed
    assert pairs == {(0, 0), (0, 3), (1, 1), (2, 2)}
    src, tgt = dictionary_links("fr", "en", words_fr, stems_fr, words_en, stems_en)
    assert set(zip(src.tolist(), tgt.tolist(), strict=True)) == {(0, 0), (3, 0), (1, 1), (2, 2)}


def test_no_dictionary_gives_no_links_and_no_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(ENV_VAR, str(tmp_path / "nowhere"))
    src, tgt = dictionary_links("en", "fr", {"ship": 0}, {"ship": 0}, {"navire": 0}, {"navir": 0})
    assert len(src) == len(tgt) == 0
    (tmp_path / "freedict-eng-fra.index").write_text("broken\n", encoding="utf-8")
    (tmp_path / "freedict-eng-fra.dict.dz").write_bytes(b"not gzip")
    monkeypatch.setenv(ENV_VAR, str(tmp_path))
    src, _ = dictionary_links("en", "fr", {"ship": 0}, {"ship": 0}, {"navire": 0}, {"navir": 0})
    assert len(src) == 0


def test_a_dictionary_links_sentences_that_share_no_surface_word(dict_dir: Path) -> None:
    src = ["The lighthouse stands.", "A harbour opens.", "Ships wait."]
    tgt = ["Le phare se dresse.", "Un port s'ouvre.", "Les navires attendent."]
    with_dict = align_sentences(src, tgt, src_lang="en", tgt_lang="fr")
    assert [b.format() for b in with_dict] == ["[0]:[0]", "[1]:[1]", "[2]:[2]"]
    assert min(b.confidence for b in with_dict) > 0.5


def _project_digest(params: AlignParams | None = None) -> str:
    """Digest of the project's EN–ES gold documents aligned in corpus mode, per language pair."""
    folders = sorted(p.parent for p in (ROOT / "corpora").rglob("gold") if p.is_file() and (p.parent / "src").is_file())
    groups: dict[str, list[Path]] = {}
    for folder in folders:
        groups.setdefault(folder.name, []).append(folder)
    digest = hashlib.sha256()
    for pair, members in sorted(groups.items()):
        src_lang, tgt_lang = pair.split("-")
        docs = [((f / "src").read_text(encoding="utf-8").splitlines(), (f / "tgt").read_text(encoding="utf-8").splitlines()) for f in members]
        for beads in align_corpus(docs, src_lang=src_lang, tgt_lang=tgt_lang, params=params):
            digest.update(repr([b.format() for b in beads]).encode())
    return digest.hexdigest()


#: The project gold aligned before dictionaries were read (pinned: no dictionary, no change).
PINNED_WITHOUT_DICTIONARIES = "6a7ba3d71c33c14fae8e10a4c54baccff3f769e7d5a1c5f7af198f1678771ed2"


def test_without_dictionaries_the_default_path_is_unchanged(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(ENV_VAR, str(tmp_path))  # an empty folder: nothing installed
    none_found = _project_digest()
    assert none_found == _project_digest(AlignParams(dictionary=None))
    assert none_found == PINNED_WITHOUT_DICTIONARIES


@pytest.mark.skipif(not find_dictionaries("en", "es"), reason="no English–Spanish FreeDict dictionary installed")
def test_installed_dictionaries_are_read_and_cached() -> None:
    found = find_dictionaries("en", "es")
    entries = dicts.read_dictionary(found[0])
    assert len(entries) > 1000
    assert dicts.read_dictionary(found[0]) is entries  # read once per process
    gold = read_beads(ROOT / "tests" / "fixtures" / "align" / "gold.txt")
    src = (ROOT / "tests" / "fixtures" / "align" / "src.txt").read_text(encoding="utf-8").splitlines()
    tgt = (ROOT / "tests" / "fixtures" / "align" / "tgt.txt").read_text(encoding="utf-8").splitlines()
    beads = align_sentences(src, tgt, src_lang="es", tgt_lang="en")
    assert [b.format() for b in beads] == [b.format() for b in gold]

"""Bilingual dictionaries read from the system at run time: word translations as lexical evidence.

Interpreted sentences share few words with their originals, and most content
words of a speech occur once or twice in a whole corpus — too rarely for the
translation tables learned by EM (:mod:`.ibm1`) to pair them.  A real
dictionary pairs them from the first sentence.  Debian's FreeDict packages
(``dict-freedict-eng-fra`` and so on, GPL) install dictd files under
``/usr/share/dictd/``: an ``.index`` of headwords with base64 offsets into a
``.dict.dz`` (dictzip, which any gzip reader reads).  They are read here *if
installed*, never bundled or copied: nothing of them is stored in this
project, and without them the aligner works as before.

An entry's translations are taken from its first line after the headword and
from each line that opens with a sense number (``1.``, ``II.``) and has text
on it; everything else in an entry — definitions in the headword's language,
usage notes, examples — is skipped, as are notes in brackets and alternatives
of more than :data:`MAX_PHRASE` words.  Only single-word headwords are read
(the aligner's tokens are words).  Headwords and translations are folded and
stemmed as the sentences are, so the links meet the corpus's own stems.

``INTERP_ALIGN_DICT_PATH`` (directories separated by ``os.pathsep``)
replaces the default search path; set it to an empty string to read none.
"""

from __future__ import annotations

import gzip
import os
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np

from ..normalize import strip_accents
from .stems import Stemmer, stemmer_for

__all__ = [
    "DEFAULT_DIRS",
    "ENV_VAR",
    "Dictionary",
    "dictionary_links",
    "find_dictionaries",
    "parse_entry",
    "read_dictionary",
]

#: Where Debian's dictd packages put their files.
DEFAULT_DIRS: tuple[str, ...] = ("/usr/share/dictd",)
#: Environment variable that replaces :data:`DEFAULT_DIRS` (empty: no dictionaries).
ENV_VAR = "INTERP_ALIGN_DICT_PATH"
#: A translation alternative of more words than this is a definition or an example, not a translation.
MAX_PHRASE = 1
#: Shortest word kept (as the aligner's content tokens, :data:`.features.MIN_WORD`).
MIN_WORD = 3
#: Most dictionary links kept per source stem (the first in sorted order), so a stem with
#: dozens of senses cannot make every sentence match.
MAX_LINKS = 4

#: ISO 639-1 → the ISO 639-3 codes FreeDict names its files with.
ISO3: Mapping[str, str] = {
    "af": "afr", "ar": "ara", "bg": "bul", "br": "bre", "ca": "cat", "cs": "ces", "cy": "cym",
    "da": "dan", "de": "deu", "el": "ell", "en": "eng", "eo": "epo", "es": "spa", "fi": "fin",
    "fr": "fra", "ga": "gle", "gd": "gla", "hi": "hin", "hr": "hrv", "hu": "hun", "id": "ind",
    "is": "isl", "it": "ita", "ja": "jpn", "la": "lat", "lt": "lit", "mk": "mkd", "nl": "nld",
    "nn": "nno", "nb": "nob", "no": "nor", "oc": "oci", "pl": "pol", "pt": "por", "ro": "rom",
    "ru": "rus", "sa": "san", "sk": "slk", "sl": "slv", "sr": "srp", "sv": "swe", "sw": "swh",
    "tr": "tur", "wo": "wol",
}  # fmt: skip

_B64 = {c: k for k, c in enumerate("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/")}
_SENSE = re.compile(r"^\s*(?:(?:[IVX]+|\d+)\.\s*(?:<[^>]*>\s*)?)+")
_TRAILING_SENSE = re.compile(r"\s+\d+\.\s*$")
_NOTES = re.compile(r"\([^)]*\)|\[[^\]]*\]|<[^>]*>|\{[^}]*\}|/[^/]*/|\"[^\"]*\"")
_SEPARATORS = re.compile(r"[,;|]")
_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)


@dataclass(frozen=True)
class Dictionary:
    """One installed dictd dictionary: headwords in ``src``, translations in ``tgt`` (ISO 639-1)."""

    name: str
    index: Path
    data: Path
    src: str
    tgt: str


def _base(lang: str | None) -> str:
    return (lang or "").split("-")[0].split("_")[0].lower()


def search_dirs() -> tuple[str, ...]:
    """The directories searched: ``$INTERP_ALIGN_DICT_PATH`` if set, else :data:`DEFAULT_DIRS`."""
    value = os.environ.get(ENV_VAR)
    if value is None:
        return DEFAULT_DIRS
    return tuple(d for d in value.split(os.pathsep) if d)


def find_dictionaries(lang_a: str | None, lang_b: str | None, dirs: Sequence[str] | None = None) -> list[Dictionary]:
    """Installed FreeDict dictionaries between two languages, in both directions (none: ``[]``)."""
    a, b = ISO3.get(_base(lang_a)), ISO3.get(_base(lang_b))
    if a is None or b is None or a == b:
        return []
    found = []
    for folder in dirs if dirs is not None else search_dirs():
        for x, y in ((a, b), (b, a)):
            name = f"freedict-{x}-{y}"
            index, data = Path(folder) / f"{name}.index", Path(folder) / f"{name}.dict.dz"
            if index.is_file() and data.is_file():
                found.append(Dictionary(name, index, data, _base(lang_a if x == a else lang_b), _base(lang_b if x == a else lang_a)))
    return found


def _number(text: str) -> int:
    value = 0
    for c in text:
        value = value * 64 + _B64[c]
    return value


def _fold(word: str) -> str:
    return strip_accents(word).casefold()


def parse_entry(text: str, headword: str) -> list[str]:
    """The folded translation words of one dictd entry (its first line is the headword's).

    Translation lines are the first line after the headword and every line
    opening with a sense number that has text on it; notes in brackets are
    dropped, the rest split on commas and semicolons.  A multi-word
    alternative that contains the headword is an example, not a translation.
    """
    lines = text.split("\n")[1:]
    chosen = [lines[0]] if lines else []
    chosen += [line for line in lines[1:] if _SENSE.match(line)]
    head = _fold(headword)
    out: list[str] = []
    for line in chosen:
        body = _TRAILING_SENSE.sub("", _NOTES.sub(" ", _SENSE.sub("", line)))
        for alternative in _SEPARATORS.split(body):
            words = [_fold(w) for w in _WORD.findall(alternative)]
            if not words or len(words) > MAX_PHRASE:
                continue
            if len(words) > 1 and any(w.startswith(head) for w in words):
                continue
            out.extend(w for w in words if len(w) >= MIN_WORD)
    return list(dict.fromkeys(out))


@lru_cache(maxsize=32)
def _read(index: str, data: str, stamp: tuple[float, int]) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """Every single-word headword of a dictionary with its translation words (cached per file version)."""
    del stamp  # part of the cache key only: a reinstalled file is read again
    try:
        with gzip.open(data) as stream:
            body = stream.read()
        rows = Path(index).read_text(encoding="utf-8").splitlines()
    except (OSError, EOFError, UnicodeDecodeError):
        return ()
    merged: dict[str, list[str]] = {}
    for row in rows:
        parts = row.split("\t")
        if len(parts) != 3 or parts[0].startswith("00database"):
            continue
        head = _fold(parts[0].strip())
        if len(head) < MIN_WORD or _WORD.fullmatch(head) is None:
            continue
        try:
            start, size = _number(parts[1]), _number(parts[2])
        except KeyError:
            continue
        entry = body[start : start + size].decode("utf-8", errors="replace")
        words = parse_entry(entry, head)
        if words:
            merged.setdefault(head, []).extend(words)
    return tuple((h, tuple(dict.fromkeys(w))) for h, w in sorted(merged.items()))


def read_dictionary(dictionary: Dictionary) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """``(headword, translation words)`` of one dictionary, folded; read once per process and file version."""
    try:
        st = dictionary.data.stat()
    except OSError:
        return ()
    return _read(str(dictionary.index), str(dictionary.data), (st.st_mtime, st.st_size))


def _key(word: str) -> str:
    """What a translation is looked up by among a pair's word prefixes: its first four letters (a shorter word whole)."""
    return word[:4] if len(word) >= 4 else word


@lru_cache(maxsize=32)
def _by_key(index: str, data: str, stamp: tuple[float, int]) -> dict[str, tuple[tuple[str, tuple[str, ...]], ...]]:
    """A dictionary's entries grouped by the :func:`_key` of their headword.

    ``dictionary_links`` runs once per turn pair when records are aligned; with the groups it
    visits only the headwords that can meet the pair's words, not the whole dictionary."""
    groups: dict[str, list[tuple[str, tuple[str, ...]]]] = {}
    for entry in _read(index, data, stamp):
        groups.setdefault(_key(entry[0]), []).append(entry)
    return {key: tuple(entries) for key, entries in groups.items()}


#: A group of :func:`_by_key` stemmed: ``(headword stem, ((translation key, translation stem), ...))``.
_Stemmed = tuple[tuple[str, tuple[tuple[str, str], ...]], ...]


@dataclass
class _StemmedGroups:
    """A dictionary's :func:`_by_key` groups, each stemmed the first time a turn pair asks for it:
    records are aligned one turn pair at a time, and every pair would stem the same headwords again."""

    raw: dict[str, tuple[tuple[str, tuple[str, ...]], ...]]
    head_stem: Stemmer
    word_stem: Stemmer
    done: dict[str, _Stemmed]

    def group(self, prefix: str) -> _Stemmed:
        got = self.done.get(prefix)
        if got is None:
            got = self.done[prefix] = tuple(
                (self.head_stem(head), tuple((_key(word), self.word_stem(word)) for word in translations))
                for head, translations in self.raw.get(prefix, ())
            )
        return got


#: Stemmed groups per (dictionary file version, stemmers), for every record a process aligns.
_STEMMED: dict[tuple[str, str, tuple[float, int], Stemmer, Stemmer], _StemmedGroups] = {}


def _stemmed_groups(dictionary: Dictionary, head_stem: Stemmer, word_stem: Stemmer) -> _StemmedGroups | None:
    """The process's stemmed groups of ``dictionary`` (``None`` when its file cannot be read)."""
    try:
        st = dictionary.data.stat()
    except OSError:
        return None
    stamp = (st.st_mtime, st.st_size)
    key = (str(dictionary.index), str(dictionary.data), stamp, head_stem, word_stem)
    found = _STEMMED.get(key)
    if found is None:
        if len(_STEMMED) >= 32:
            _STEMMED.clear()
        raw = _by_key(str(dictionary.index), str(dictionary.data), stamp)
        found = _STEMMED[key] = _StemmedGroups(raw, head_stem, word_stem, {})
    return found


def _prefixes(words: Iterable[str]) -> frozenset[str]:
    """First three and first four letters of every word: a cheap filter before stemming."""
    out: set[str] = set()
    for w in words:
        out.add(w[:3])
        out.add(w[:4])
    return frozenset(out)


def dictionary_links(
    src_lang: str | None,
    tgt_lang: str | None,
    words_src: Iterable[str],
    stems_src: Mapping[str, int],
    words_tgt: Iterable[str],
    stems_tgt: Mapping[str, int],
    dictionaries: Sequence[Dictionary] | None = None,
) -> tuple[np.ndarray, np.ndarray]:
    """Pairs of (source stem id, target stem id) that an installed dictionary translates.

    ``words_*`` are the corpus's folded words, ``stems_*`` its stem
    vocabularies (stem → id).  Only headwords and translations that can meet
    a corpus word are stemmed, and only headwords that may meet one are visited
    (grouped once per process), so the cost follows the corpus vocabulary.
    """
    found = find_dictionaries(src_lang, tgt_lang) if dictionaries is None else dictionaries
    if not found:
        return np.zeros(0, np.int64), np.zeros(0, np.int64)
    src_base = _base(src_lang)
    stem_of = {src_base: stemmer_for(src_lang), _base(tgt_lang): stemmer_for(tgt_lang)}
    prefixes = {src_base: _prefixes(words_src), _base(tgt_lang): _prefixes(words_tgt)}
    vocab = {src_base: stems_src, _base(tgt_lang): stems_tgt}
    links: dict[int, set[int]] = {}
    for dictionary in found:
        head_lang, tr_lang = dictionary.src, dictionary.tgt
        if head_lang not in vocab or tr_lang not in vocab:
            continue
        groups = _stemmed_groups(dictionary, stem_of[head_lang], stem_of[tr_lang])
        if groups is None:
            continue
        heads, words, meet = vocab[head_lang], vocab[tr_lang], prefixes[tr_lang]
        for prefix in prefixes[head_lang]:
            for head, translations in groups.group(prefix):
                h = heads.get(head)
                if h is None:
                    continue
                for key, word in translations:
                    if key not in meet:
                        continue
                    t = words.get(word)
                    if t is None:
                        continue
                    s, g = (h, t) if head_lang == src_base else (t, h)
                    links.setdefault(s, set()).add(g)
    src_ids: list[int] = []
    tgt_ids: list[int] = []
    for s in sorted(links):
        for g in sorted(links[s])[:MAX_LINKS]:
            src_ids.append(s)
            tgt_ids.append(g)
    return np.asarray(src_ids, np.int64), np.asarray(tgt_ids, np.int64)

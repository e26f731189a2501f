"""The built-in English–Spanish lexicon, loaded only when the pair is en/es.

The data file (``interp_align/data/lexicon_en_es.tsv``, ``english<TAB>spanish``
per line, lower case, inflected forms listed) is optional: without it the
aligner falls back to figures, names and cognates, which work for any pair.
Words are accent-folded on load so they meet the folded sentence tokens.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ..normalize import strip_accents
from .features import Translate, identity

__all__ = ["DEFAULT_LEXICON", "Lexicon", "load_lexicon", "pair_translators"]

DEFAULT_LEXICON = Path(__file__).resolve().parent.parent / "data" / "lexicon_en_es.tsv"


@dataclass(frozen=True)
class Lexicon:
    """Spanish word → English words; English is the pivot both sides are mapped into."""

    es_to_en: Mapping[str, tuple[str, ...]]
    source: str

    def __len__(self) -> int:
        return len(self.es_to_en)

    def translate_es(self, word: str) -> tuple[str, ...]:
        return self.es_to_en.get(word, ())


def _fold(word: str) -> str:
    return strip_accents(word.strip()).casefold()


def parse_lexicon(lines: list[str], source: str = "<memory>") -> Lexicon:
    """Read ``english<TAB>spanish`` lines; blank, comment and malformed lines are skipped."""
    table: dict[str, set[str]] = {}
    for line in lines:
        if not line.strip() or line.startswith("#"):
            continue
        parts = line.rstrip("\n").split("\t")
        if len(parts) < 2:
            continue
        english, spanish = _fold(parts[0]), _fold(parts[1])
        if not english or not spanish:
            continue
        # multi-word entries link each word of the phrase: interpreters rarely keep phrases whole
        for es_word in spanish.split():
            table.setdefault(es_word, set()).update(w for w in english.split() if len(w) >= 3)
    return Lexicon({k: tuple(sorted(v)) for k, v in table.items() if v}, source)


@lru_cache(maxsize=4)
def load_lexicon(path: str | None = None) -> Lexicon | None:
    """The lexicon at ``path`` (default: the packaged one), or ``None`` when there is none."""
    target = Path(path) if path else DEFAULT_LEXICON
    try:
        text = target.read_text(encoding="utf-8")
    except OSError:
        return None
    lexicon = parse_lexicon(text.splitlines(), str(target))
    return lexicon if len(lexicon) else None


def _base(lang: str | None) -> str | None:
    return lang.split("-")[0].lower() if lang else None


def pair_translators(
    src_lang: str | None, tgt_lang: str | None, lexicon: Lexicon | None = None
) -> tuple[Translate | None, Translate | None]:
    """Word translators for each side, or ``(None, None)`` when no lexicon fits the pair."""
    pair = (_base(src_lang), _base(tgt_lang))
    if pair not in (("es", "en"), ("en", "es")):
        return None, None
    lexicon = lexicon or load_lexicon()
    if lexicon is None:
        return None, None
    if pair == ("es", "en"):
        return lexicon.translate_es, identity
    return identity, lexicon.translate_es

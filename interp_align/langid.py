"""Language identification for turns and sentences, behind a small pluggable protocol.

Press transcripts are full of segments too short for n-gram detectors
("Gracias.", "Secretary Bárcena.", "Sí, señor."), where stock langdetect
answers Portuguese, Italian or Somali.  The default backend therefore

* loads only the profiles of the languages we expect (English and Spanish),
  so it cannot answer a third language,
* is seeded, so the same text gets the same answer in every process, and
* adds a lexical prior written for this project (function words, greetings,
  office titles, Spanish-only letters, a few suffixes) whose weight does not
  shrink with length, while langdetect's weight grows with the text.

Backends are chosen by name from a registry and built on demand:
``"langdetect"`` (restricted + prior, the default; since 0.2.0 langdetect is run only where
it could change the language, elsewhere the confidence is the lexical evidence's alone),
``"langdetect-full"`` (the same languages, langdetect's term in every confidence it could
reach: the 0.1.0 default's tags, float for float), ``"lexical"`` (the prior alone, pure Python
and fast), ``"langdetect-stock"`` (all 55 profiles, no prior; for comparison) and
``"py3langid"`` when that package is installed.
"""

from __future__ import annotations

import array
import bisect
import functools
import importlib
import itertools
import math
import operator
import random
import re
import string
import sys
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any, Protocol

from interp_align.errors import ConfigError
from interp_align.models import LanguageSource, LanguageTag, language_tag
from interp_align.normalize import match_view

__all__ = [
    "LangdetectIdentifier",
    "LanguageIdentifier",
    "LexicalIdentifier",
    "available_identifiers",
    "get_identifier",
    "lexical_evidence",
    "mask_names",
    "register_identifier",
]


class LanguageIdentifier(Protocol):
    """Anything that names itself and tags a text with a language, or ``None`` when it cannot."""

    name: str

    def detect(self, text: str) -> LanguageTag | None: ...


IdentifierFactory = Callable[[tuple[str, ...], int], LanguageIdentifier]

# ---------------------------------------------------------------------------
# Lexical evidence (language data): positive weights favour Spanish, negative English.
# ---------------------------------------------------------------------------


def _words(block: str) -> frozenset[str]:
    return frozenset(block.split())


def _weights(block: str) -> tuple[tuple[str, float], ...]:
    """``"ción:1.5 ing:-1.2"`` → ``(("ción", 1.5), ("ing", -1.2))``: weight tables kept readable."""
    pairs = (item.rsplit(":", 1) for item in block.split())
    return tuple((text, float(weight)) for text, weight in pairs)


#: Frequent English words, folded; words Spanish shares ("a", "no", "me") are left out.
ENGLISH_WORDS = _words("""
    the of and to in is it that for on with as was be by at this are from have has had not but or
    an they we you he she his her their our my your its them us him i will would can could should
    may might must shall do does did been being were which who whom what when where why how there
    here these those than then so very also just only all any some more most such yes about after
    before because if while into over under out up down again now today tomorrow yesterday okay ok
    sure yeah right well let let's that's it's i'm we're we'll we've don't didn't can't won't isn't
    there's what's who's you're they're i'll i've everyone everybody everything nothing something
    question questions answer great much many too really see go ahead next last first second third
    one two three four five six seven eight nine ten hundred thousand million billion trillion
    percent year years day days people country countries together both friend friends partner
    partners neighbors neighbours meeting time agree think know want need make made work new
    important honor honour pleasure grateful ready progress border trade our whole shared strong
    good best better other another same each every few little long big own place way world said
    say says help thing things support like just still even ever never always already please
""")

#: Frequent Spanish words, folded (accents kept).
SPANISH_WORDS = _words("""
    el la los las de del que y en un una unos unas es son está están estamos estoy ser fue era por
    para con sin sobre entre como más muy pero también ya sí se su sus nuestro nuestra nuestros
    nuestras mi mis tu usted ustedes nosotros yo él ella ellos ellas le les lo nos te esto este esta
    estos estas eso ese esa esas esos aquí ahí allí hoy mañana ayer ahora entonces así bien bueno
    buena buenos buenas mucho mucha muchos muchas favor hola adelante pregunta preguntas respuesta
    año años día días país países gente todos todas todo toda hay hemos han ha tiene tenemos tienen
    hacer hace hecho quiero queremos creo cuando donde dónde cuándo qué quién cómo cuántos cuál
    porque sólo solo siempre nunca otro otra otros otras dos tres cuatro cinco seis siete ocho nueve
    diez cien mil millones ciento juntos vecinos amigos amigo socios reunión tiempo acuerdo trabajo
    nuevo nueva importante placer agradecidos seguridad frontera comercio claro perfecto exacto
    correcto pues vamos miren vez veces cada parte manera caso gran grandes mejor mismo misma
    debe puede pueden dijo decir sigue siguiente primero segundo tercero último última cosa
    hasta desde hacia durante según además ni o u al lugar gusto tanto tan poco nada ver
""")

#: Words that name the language on their own: greetings, thanks and office titles.
ENGLISH_MARKERS = _words("""
    thank thanks welcome hello hi morning afternoon evening goodbye sorry excuse secretary minister
    president ambassador attorney deputy madam sir mr mrs ms dr admiral prosecutor governor senator
    congressman congresswoman undersecretary assistant foreign homeland state department
""")
SPANISH_MARKERS = _words("""
    gracias muchísimas bienvenidos bienvenidas bienvenido bienvenida buenos buenas señor señora
    señores señoras secretario secretaria canciller presidente presidenta embajador embajadora
    fiscal procurador procuradora licenciado licenciada doctor doctora almirante ministro ministra
    subsecretario subsecretaria gobernador gobernadora senador senadora diputado diputada sr sra
    perdón disculpen disculpe permiso
""")

#: Endings of words not in the lists (longest match wins), with weights; positive → Spanish.
SUFFIXES = _weights("""
    ción:1.5 ciones:1.5 sión:1.5 siones:1.5 mente:1.2 dad:1.0 dades:1.2 ado:0.8 ada:0.8 ados:0.8
    adas:0.8 ido:0.6 ida:0.6 ando:1.0 iendo:1.2 amos:1.0 emos:1.0 imos:1.0 ería:1.2 ismo:0.8
    o:0.4 os:0.4 as:0.3
    ing:-1.2 tion:-1.5 tions:-1.5 ness:-1.2 ship:-1.2 ment:-1.0 ments:-1.0 ity:-0.8 ous:-0.8
    ful:-1.0 ly:-0.8 ed:-0.6 ies:-0.6 ght:-1.2 ck:-0.8 ks:-0.6 ts:-0.5 nd:-0.4 rd:-0.5 ld:-0.5
    y:-0.3 e:-0.2
""")
#: Letter sequences that are rare in one language, anywhere in a word; positive → Spanish.
INFIXES = _weights("ñ:1.5 th:-0.8 wh:-0.8 sh:-0.6 w:-0.6 k:-0.4 ee:-0.6 oo:-0.6 ll:0.2 qu:0.2")
_SPANISH_LETTERS = frozenset("ñáéíóúü")
_SPANISH_PUNCTUATION = ("¿", "¡")


def _spanish_marks(view: str) -> int:
    """How many of the inverted marks ``_SPANISH_PUNCTUATION`` occur in ``view`` (each counts
    once, worth 2.0)."""
    return sum(map(view.__contains__, _SPANISH_PUNCTUATION))
_FUNCTION_WEIGHT = 1.0
_MARKER_WEIGHT = 2.0
_ACCENT_WEIGHT = 1.5
_NAME_ACCENT_WEIGHT = 0.3
_KNOWN = ENGLISH_WORDS | SPANISH_WORDS | ENGLISH_MARKERS | SPANISH_MARKERS
_SUFFIX_WEIGHTS = dict(SUFFIXES)
_SUFFIX_LENGTHS = sorted({len(suffix) for suffix in _SUFFIX_WEIGHTS}, reverse=True)
_WORD = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)*")


def lexical_evidence(text: str) -> tuple[float, int]:
    """Log-odds of Spanish over English from word lists and spelling, and the number of words seen.

    Capitalised words after the first are treated as probable names: they
    count only through a weak accent cue, so "Secretary Bárcena" stays
    English because of "Secretary", not Spanish because of "Bárcena".
    """
    return _view_evidence(match_view(text))


def _view_evidence(view: str) -> tuple[float, int]:
    """``lexical_evidence`` of a text's ``match_view``.

    The words' weights are added left to right exactly as a loop over the regex's words
    would, so the score is the same float to the last bit.  They are read a whitespace token
    at a time (``_TOKEN_WORDS``: split in C, one dict look-up a token, where a regex match
    and a look-up a word cost twice as much), and the first word's weight is put in place of
    its rest-of-text one; a word never spans whitespace, so the words are the regex's.
    """
    marks = _spanish_marks(view)
    score: float = 2.0 * marks if marks else 0  # the value (and type) of the sum it replaced
    count = 0
    for chunk in _chunks(view):
        weights = list(_flatten(map(_TOKEN_WORDS.__getitem__, chunk.split())))
        if not weights:
            continue
        if count == 0:
            weights[0] = _FIRST_WEIGHTS[_first_word(chunk)]
        score = _add_in_order(score, weights)
        count += len(weights)
    return score, count


_flatten = itertools.chain.from_iterable


def _first_word(chunk: str) -> str:
    """The first ``_WORD`` word of a chunk known to have one."""
    match = _WORD.search(chunk)
    assert match is not None
    return match.group()


#: Whether ``sum`` adds floats one after another, rounding each time, as a loop does: so on
#: CPython before 3.12 (which compensates since); checked on a sum that tells them apart.
_SUM_IN_ORDER = sys.version_info < (3, 12) and sum([1.0, 1e100, 1.0, -1e100]) == 0.0


def _add_in_order(start: float, terms: list[float]) -> float:
    """``start`` plus each of ``terms`` left to right (``sum`` in C where it does just that,
    else ``functools.reduce``, which does on every Python)."""
    if _SUM_IN_ORDER:
        return sum(terms, start)
    return functools.reduce(operator.add, terms, start)


#: A long text's words are read this many characters at a time (cut at whitespace, which no
#: word spans), so a speech does not make a list of all its words at once.
_CHUNK = 8192


def _chunks(view: str) -> Iterator[str]:
    position = 0
    while position < len(view):
        space = _SPACE.search(view, position + _CHUNK) if position + _CHUNK < len(view) else None
        stop = space.start() if space is not None else len(view)
        yield view[position:stop]
        position = stop


_SPACE = re.compile(r"\s")

#: Texts at least this long are first decided by ``_settled`` (shorter ones rarely settle).
_SETTLED_LENGTH = 300
#: ``|score|`` at and beyond which a tag is decided and its confidence rounds to 1.0 whatever
#: the summation order: ``sigmoid(9.91)`` already rounds to 1.0, and this is above ``DECISIVE``.
_SETTLED_SCORE = 12.0


def _settled(view: str) -> bool | None:
    """Whether a long text's ``_view_evidence`` score is clearly Spanish (``True``) or English
    (``False``), beyond ``_SETTLED_SCORE``; ``None`` when it is not clear.

    The exact score adds every word's weight left to right (``_add_in_order``).  Here each
    whitespace token's weights come summed (``_TOKEN_WEIGHTS``: a float a token, no tuple to
    flatten, a tenth cheaper on long turns) and the tokens are summed by ``sum``: a different
    rounding of the same terms, off by less than ``_sum_error``.  The decision and the tag it gives — the sign, and a confidence of 1.0 — are therefore
    the exact score's; a score within the error of the line is left to the exact sum.
    """
    first = _WORD.search(view)
    if first is None:
        return None
    word = first.group()
    score = 0.0
    for chunk in _chunks(view):  # a chunk's tokens at a time, as ``_view_evidence`` reads them
        score += sum(map(_TOKEN_WEIGHTS.__getitem__, chunk.split()))
    score += _FIRST_WEIGHTS[word] - _REST_WEIGHTS[word]
    marks = _spanish_marks(view)
    if marks:
        score += 2.0 * marks
    if abs(score) < _SETTLED_SCORE + _sum_error(len(view)):
        return None
    return score > 0


def _sum_error(length: int) -> float:
    """A bound on how far two summation orders of a text's word weights can differ: at most
    ``length`` words of at most ``_MAX_WEIGHT`` each, each sum within ``n u`` of the exact
    one (recursive summation), doubled for the two, with room to spare."""
    return 4.0 * length * length * _MAX_WEIGHT * 2.0**-53


#: ASCII punctuation: never part of a ``_WORD`` word, and a word neither starts nor ends with
#: an apostrophe, so a token stripped of these whose rest is all letters is that one word.
_EDGE_MARKS = string.punctuation


class _TokenWords(dict[str, tuple[float, ...]]):
    """Whitespace token → its words' (not first) weights in order, filled on first sight, bounded.

    Most tokens are one word between punctuation ("president,"), read without the regex;
    their one-weight tuples are shared (``_single``): a token then costs its key and a slot.
    A record's tokens outnumber its words (punctuation, capitals), so the bound is twice
    ``_WeightCache``'s: the real records' 133k distinct tokens fit, where a bound below
    them cleared and refilled the cache once a pass.
    """

    LIMIT = 1 << 18

    def __missing__(self, token: str) -> tuple[float, ...]:
        if len(self) >= self.LIMIT:
            self.clear()
        core = token.strip(_EDGE_MARKS)
        value: tuple[float, ...]
        if core.isalpha():
            value = self[token] = _single(_REST_WEIGHTS[core])
        else:
            value = self[token] = tuple(map(_REST_WEIGHTS.__getitem__, _WORD.findall(token)))
        return value


class _TokenWeightCache(dict[str, float]):
    """Whitespace token → sum of its words' (not first) weights (``_TOKEN_WORDS``'s, added up),
    filled on first sight, bounded: ``_settled``'s, where a float a token is enough."""

    LIMIT = 1 << 17

    def __missing__(self, token: str) -> float:
        if len(self) >= self.LIMIT:
            self.clear()
        value = self[token] = sum(_TOKEN_WORDS[token])
        return value


def _single(weight: float) -> tuple[float]:
    """``(weight,)``, one tuple per distinct weight (keyed by its bits: ``-0.0`` is not ``0.0``)."""
    key = weight.hex()
    single = _SINGLES.get(key)
    if single is None:
        single = _SINGLES[key] = (weight,)
    return single


_SINGLES: dict[str, tuple[float]] = {}
_TOKEN_WORDS = _TokenWords()
_TOKEN_WEIGHTS = _TokenWeightCache()


def _is_name_like(word: str, first: bool) -> bool:
    """A capitalised word after the first that no word list knows: probably a name."""
    return not first and word[0].isupper() and word.casefold() not in _KNOWN


def mask_names(text: str) -> str:
    """``text`` with probable names blanked out (same length), for detectors that cannot tell names from words.

    n-gram detectors read "Bárcena" or "Ojeda" as evidence for Spanish or
    Portuguese; a name says nothing about the language it is mentioned in.
    """
    return _mask_names(text, match_view(text))


def _mask_names(text: str, view: str) -> str:
    """``mask_names`` of ``text`` whose ``match_view`` is ``view``."""
    pieces = []
    last = 0
    for position, match in enumerate(_WORD.finditer(view)):
        if _is_name_like(match.group(), position == 0):
            pieces.append(text[last : match.start()])
            pieces.append(" " * (match.end() - match.start()))
            last = match.end()
    pieces.append(text[last:])
    return "".join(pieces)


class _WeightCache(dict[str, float]):
    """Word → evidence, filled on first sight (word frequencies are Zipfian), bounded."""

    LIMIT = 1 << 17

    def __init__(self, first: bool) -> None:
        super().__init__()
        self.first = first

    def __missing__(self, word: str) -> float:
        if len(self) >= self.LIMIT:
            self.clear()
        value = self[word] = _word_evidence(word, self.first)
        return value


_FIRST_WEIGHTS = _WeightCache(first=True)
_REST_WEIGHTS = _WeightCache(first=False)
#: No word weighs more than this either way (a marker, or an accent, a suffix and every infix).
_MAX_WEIGHT = _MARKER_WEIGHT + _ACCENT_WEIGHT + max(abs(w) for _, w in SUFFIXES) + sum(abs(w) for _, w in INFIXES)


def _word_evidence(word: str, first: bool) -> float:
    """Evidence of one word (cached by ``_WeightCache``)."""
    key = word.casefold()
    if key in ENGLISH_MARKERS or key in SPANISH_MARKERS:
        return _MARKER_WEIGHT * ((key in SPANISH_MARKERS) - (key in ENGLISH_MARKERS))
    if key in ENGLISH_WORDS or key in SPANISH_WORDS:
        return _FUNCTION_WEIGHT * ((key in SPANISH_WORDS) - (key in ENGLISH_WORDS))
    accented = not _SPANISH_LETTERS.isdisjoint(key)  # a set test in C, not a generator a letter
    if _is_name_like(word, first):
        return _NAME_ACCENT_WEIGHT if accented else 0.0
    if "'" in key:
        return -_MARKER_WEIGHT  # contractions: "isn't", "we've", "o'clock"
    score = _ACCENT_WEIGHT if accented else 0.0
    return score + _spelling_evidence(key)


def _spelling_evidence(key: str) -> float:
    """The longest known suffix's weight plus every infix's found (``SUFFIXES``, ``INFIXES``):
    the infixes tested in C (``compress`` of ``str.__contains__``), not by a generator, and
    summed by ``sum`` in table order as before, so the float is the same."""
    if len(key) < 3:
        return 0.0
    score = 0.0
    for n in _SUFFIX_LENGTHS:
        weight = _SUFFIX_WEIGHTS.get(key[-n:])
        if weight is not None:
            score = weight
            break
    return score + sum(itertools.compress(_INFIX_WEIGHTS, map(key.__contains__, _INFIX_TEXTS)))


_INFIX_TEXTS = tuple(infix for infix, _ in INFIXES)
_INFIX_WEIGHTS = tuple(weight for _, weight in INFIXES)


_MISSING = object()


def _sigmoid(value: float) -> float:
    return 1.0 / (1.0 + math.exp(-value))


def _tag(code: str, confidence: float) -> LanguageTag:
    """A detected tag, shared with every other text that got the same answer."""
    return language_tag(code, round(min(1.0, max(0.0, confidence)), 4), LanguageSource.DETECTED)


def _has_letters(text: str) -> bool:
    return any(map(str.isalpha, text))


def _check_languages(languages: Sequence[str]) -> tuple[str, ...]:
    chosen = tuple(dict.fromkeys(code.split("-", 1)[0].lower() for code in languages))
    if len(chosen) < 2:
        raise ConfigError(
            f"language identification needs at least two languages, got {list(languages)}"
        )
    return chosen


# ---------------------------------------------------------------------------
# Backends
# ---------------------------------------------------------------------------


class LexicalIdentifier:
    """The word-list classifier alone: English or Spanish, fast and dependency-free.

    Returns ``None`` when the text has no letters or the evidence is a tie.
    """

    def __init__(self, languages: Sequence[str] = ("en", "es"), seed: int = 0) -> None:
        chosen = _check_languages(languages)
        if not {"en", "es"} <= set(chosen):
            raise ConfigError("the lexical identifier knows only English and Spanish ('en', 'es')")
        self.name = "lexical"
        self.languages = chosen

    def detect(self, text: str) -> LanguageTag | None:
        return self.detect_view(text, match_view(text))

    def detect_view(self, text: str, view: str) -> LanguageTag | None:
        """``detect(text)``, given ``view``: see ``LangdetectIdentifier.detect_view``."""
        if not _has_letters(text):
            return None
        settled = _settled(view) if len(view) >= _SETTLED_LENGTH else None
        if settled is not None:
            return _tag("es" if settled else "en", 1.0)
        score, _ = _view_evidence(view)
        if score == 0:
            return None
        return _tag("es" if score > 0 else "en", _sigmoid(abs(score)))


@functools.lru_cache(maxsize=8)
def _langdetect_factory(languages: tuple[str, ...] | None, seed: int) -> Any:
    """A langdetect factory with only ``languages`` loaded (all profiles for ``None``), built once."""
    from langdetect.detector_factory import PROFILES_DIRECTORY, DetectorFactory

    factory = DetectorFactory()
    if languages is None:
        factory.load_profile(PROFILES_DIRECTORY)
    else:
        directory = Path(PROFILES_DIRECTORY)
        missing = [code for code in languages if not (directory / code).is_file()]
        if missing:
            raise ConfigError(f"langdetect has no profile for {missing}")
        factory.load_json_profile(
            [(directory / code).read_text(encoding="utf-8") for code in languages]
        )
    factory.set_seed(seed)
    return factory


def _langdetect_probabilities(
    factory: Any, text: str, answers: dict[str, dict[str, float]] | None = None
) -> dict[str, float]:
    """Per-language probabilities from a seeded detector; empty when it finds no features.

    The same floats as langdetect's own ``get_probabilities``, computed faster: the n-grams
    are looked up a word at a time (``_ngram_rows``) and the random trials replayed from a
    stored stream of the seeded generator's output (``_replay``), or run by ``_trials``.
    Both are checked once per factory against langdetect itself (``_fast_trials_agree``);
    if a future Python or langdetect differs, langdetect runs as it is.  ``answers``, if
    given, remembers the probabilities by the text's normalised words (bounded): texts with
    the same words, punctuation and blanked names aside ("Gracias, Secretario Blinken." and
    "Gracias, Secretario Mayorkas."), have the same n-grams and so the same answer.
    """
    from langdetect.lang_detect_exception import LangDetectException

    if not _fast_trials_agree(factory):
        detector = factory.create()
        detector.append(text)
        try:
            detector.get_probabilities()
        except LangDetectException:
            return {}
        return dict(zip(detector.langlist, detector.langprob, strict=True))
    detector = _detector(factory)
    words = _ngram_words(detector, text)
    if words is None:  # longer than langdetect reads: its own preparation cuts the text
        detector.append(text)
        detector.cleaning_text()
        return _probabilities(detector, [detector.word_lang_prob_map[w] for w in detector._extract_ngrams()])
    key = "".join(words)
    probabilities = answers.get(key) if answers is not None else None
    if probabilities is None:
        rows = _word_rows(detector)
        probabilities = _probabilities(detector, list(itertools.chain.from_iterable(map(rows.__getitem__, words))))
        if answers is not None:
            if len(answers) >= _ANSWERS_LIMIT:
                answers.clear()
            answers[key] = probabilities
    return probabilities


def _probabilities(detector: Any, rows: list[list[float]]) -> dict[str, float]:
    """langdetect's probabilities from the profile rows of a text's n-grams (empty: none)."""
    if not rows:
        return {}
    draws = _draws(detector.seed) if len(detector.langlist) == 2 else None
    probabilities = _replay(detector, rows, draws) if draws is not None else _trials(detector, rows)
    return dict(zip(detector.langlist, probabilities, strict=True))


#: Answers an identifier remembers by normalised words, at most.
_ANSWERS_LIMIT = 1 << 16


def _ngram_rows(detector: Any, text: str) -> list[list[float]] | None:
    """The profile rows of the n-grams langdetect's ``_extract_ngrams`` would list for
    ``text`` after ``append`` and ``cleaning_text``, in order; ``None`` for a text longer
    than the detector reads (``append`` cuts it).  (What ``_langdetect_probabilities`` does
    in two steps, kept whole for the tests.)"""
    words = _ngram_words(detector, text)
    if words is None:
        return None
    return list(itertools.chain.from_iterable(map(_word_rows(detector).__getitem__, words)))


def _ngram_words(detector: Any, text: str) -> list[str] | None:
    """``text`` prepared as langdetect's ``append`` and ``cleaning_text`` would, normalised, and
    cut into words, each with the space after it if any (``_WordRows`` keys); ``None`` for a
    text longer than the detector reads.

    langdetect normalises one character at a time and slides a three-character window that
    starts afresh after every space; so a text's n-grams are those of its words (with the
    space that follows each, if any), one after another.  Characters are normalised through
    a table and each word's rows remembered (``_WordRows``): a look-up a word, not a method
    call a character.  Runs of spaces, which ``append`` squeezes, add no n-gram.
    """
    if len(text) > detector.max_text_length:
        return None
    # the substitutions ``append`` makes, each skipped where its pattern cannot match: a URL
    # starts "http", an address holds "@", Vietnamese marks are from U+0300 up
    if "http" in text:
        text = detector.URL_RE.sub(" ", text)
    if "@" in text:
        text = detector.MAIL_RE.sub(" ", text)
    if _HIGH_CHARACTERS.search(text):
        from langdetect.utils.ngram import NGram

        text = NGram.normalize_vi(text)
        # ``cleaning_text`` drops Latin letters from mostly non-Latin text; it cannot when the
        # characters from U+0300 up (a bound on what it counts as non-Latin) are few enough
        high = len(_HIGH_CHARACTERS.findall(text))
        if len(_LATIN_CHARACTERS.findall(text)) * 2 < high:
            detector.text = text
            detector.cleaning_text()
            text = detector.text
    return _NGRAM_WORD.findall(text.translate(_NGRAM_CHARACTERS))


def _word_rows(detector: Any) -> _WordRows:
    """The word → rows table of the detector's profiles."""
    rows = _WORD_ROWS.get(id(detector.word_lang_prob_map))
    if rows is None:
        rows = _WORD_ROWS[id(detector.word_lang_prob_map)] = _WordRows(detector.word_lang_prob_map)
    return rows


#: What ``cleaning_text`` counts as Latin (``'A' <= ch <= 'z'``) and a superset of what it
#: counts as not (``ch >= '\u0300'``, less one block).
_LATIN_CHARACTERS = re.compile("[A-z]")
_HIGH_CHARACTERS = re.compile("[\u0300-\U0010ffff]")
#: A normalised word and the space after it, if any.
_NGRAM_WORD = re.compile("[^ ]+ ?")


class _NgramCharacters(dict[int, str]):
    """``str.translate`` table: code point → langdetect's ``NGram.normalize`` of it, filled on
    first sight (a text uses few distinct characters)."""

    def __missing__(self, code: int) -> str:
        from langdetect.utils.ngram import NGram

        value = self[code] = NGram.normalize(chr(code))
        return value


_NGRAM_CHARACTERS = _NgramCharacters()


class _WordRows(dict[str, tuple[list[float], ...]]):
    """Normalised word (with its following space, if any) → the profile rows of the n-grams
    langdetect lists for it, filled on first sight, bounded; one per profile map."""

    LIMIT = 1 << 17

    def __init__(self, profiles: dict[str, list[float]]) -> None:
        super().__init__()
        self.profiles = profiles

    def __missing__(self, word: str) -> tuple[list[float], ...]:
        if len(self) >= self.LIMIT:
            self.clear()
        value = self[word] = tuple(self.profiles[gram] for gram in _word_ngrams(word, self.profiles))
        return value


def _word_ngrams(word: str, known: Any) -> list[str]:
    """The n-grams langdetect's window yields over ``word`` (a normalised word, perhaps with
    one trailing space) read from a fresh start, that ``known`` holds.

    The window holds a space and the last one or two characters (then the last three); no
    n-gram is taken where a character and the one before it are both capitals (an acronym),
    and a lone space is never one.
    """
    grams, last, found = " ", " ", []
    for char in word:
        grams = grams[1:] + char if len(grams) >= 3 else grams + char
        capitals = char.isupper() and last.isupper()
        last = char
        if capitals:
            continue
        for n in range(1, min(3, len(grams)) + 1):
            gram = grams[-n:]
            if gram != " " and gram in known:
                found.append(gram)
    return found


_WORD_ROWS: dict[int, _WordRows] = {}


_DETECTORS: dict[int, Any] = {}


def _detector(factory: Any) -> Any:
    """The factory's detector, emptied: one made per text seeded a generator from the OS (a
    tenth of a short text's detection) that ``_trials`` never uses; the rest of a detector's
    state is the factory's, and its text is all that a detection adds.  Shared, like ``_RANDOM``:
    one detection at a time per process (``batch`` runs workers as processes)."""
    detector = _DETECTORS.get(id(factory))
    if detector is None:
        detector = _DETECTORS[id(factory)] = factory.create()
    detector.text = ""
    detector.langprob = None
    return detector


def _trials(detector: Any, rows: list[list[float]]) -> list[float]:
    """langdetect's ``_detect_block`` trials: the same random draws and float operations, in
    the same order, with the n-gram rows looked up once and two languages kept in locals.

    ``random.choice(seq)`` is ``seq[_randbelow(len(seq))]``, which draws ``getrandbits(k)``
    until it is below ``len(seq)``; the draws are made here directly.
    """
    size = len(rows)
    bits = size.bit_length()
    rng = _RANDOM
    rng.seed(detector.seed)  # reseeded: the same draws as a new detector's generator
    getrandbits = rng.getrandbits
    langs = len(detector.langlist)
    trials = detector.n_trial
    limit, threshold = detector.ITERATION_LIMIT, detector.CONV_THRESHOLD
    total = [0.0] * langs
    for _ in range(trials):
        prob = detector._init_probability()
        alpha = detector.alpha + rng.gauss(0.0, 1.0) * detector.ALPHA_WIDTH
        weight = alpha / detector.BASE_FREQ
        if langs == 2:
            prob = _two_trial(prob, rows, size, bits, getrandbits, weight, limit, threshold)
        else:
            prob = _trial(prob, rows, size, bits, getrandbits, weight, limit, threshold)
        for j in range(langs):
            total[j] += prob[j] / trials
    return total


def _two_trial(
    prob: list[float], rows: list[list[float]], size: int, bits: int, getrandbits: Callable[[int], int],
    weight: float, limit: int, threshold: float,
) -> list[float]:
    """One trial for two languages (the restricted default): ``_trial`` unrolled.

    The same draws and float operations in the same order; the normalisation every fifth
    draw is made after an inner run of five, not tested for at each draw, and ``p0 + p1`` is
    ``sum([p0, p1])`` (a float sum from 0), which cost a list and a call a normalisation.
    """
    p0, p1 = prob
    draws, i = 1, 0  # the first normalisation follows the first draw, the others every fifth
    while True:
        for _ in range(draws):
            r = getrandbits(bits)
            while r >= size:
                r = getrandbits(bits)
            row = rows[r]
            p0 *= weight + row[0]
            p1 *= weight + row[1]
        total = p0 + p1
        p0, p1 = p0 / total, p1 / total
        if p0 > threshold or p1 > threshold or i >= limit:
            return [p0, p1]
        draws, i = 5, i + 5


def _trial(
    prob: list[float], rows: list[list[float]], size: int, bits: int, getrandbits: Callable[[int], int],
    weight: float, limit: int, threshold: float,
) -> list[float]:
    """One trial: draw an n-gram, multiply each language's probability by ``weight + p(n-gram)``,
    normalise every fifth draw, stop once a language passes ``threshold`` or after ``limit``."""
    langs = range(len(prob))
    i = 0
    while True:
        r = getrandbits(bits)
        while r >= size:
            r = getrandbits(bits)
        row = rows[r]
        for j in langs:
            prob[j] *= weight + row[j]
        if i % 5 == 0:
            total = sum(prob)
            top = 0.0
            for j in langs:
                p = prob[j] / total
                top = max(top, p)
                prob[j] = p
            if top > threshold or i >= limit:
                return prob
        i += 1


class _SizeDraws:
    """The draws ``random.choice`` keeps for one sequence length, over the words scanned."""

    __slots__ = ("indices", "positions", "scanned")

    def __init__(self) -> None:
        self.indices: list[int] = []  # each kept draw: the index it picks
        self.positions: array.array[int] = array.array("L")  # the word it was made from
        self.scanned = 0  # words looked at


class _Draws:
    """The 32-bit words a generator seeded with ``seed`` gives, in order, and for each n-gram
    count the draws ``random.choice`` makes from them: kept, since every detection reseeds.

    ``random.choice(seq)`` draws ``getrandbits(k)`` (the top ``k`` bits of one word, ``k``
    the bit length of ``len(seq)``) until one is below ``len(seq)``, and ``gauss`` reads two
    ``random()`` floats (two words each) every other call.  So what a detection draws
    depends only on where in the stream each of its trials starts, and the draws are
    listed once per n-gram count rather than made one method call at a time.  Shared by
    every identifier with the seed: one detection at a time per process, as ``_detector``
    (``batch`` runs workers as processes).
    """

    #: words read from the generator, and scanned for a size, at a time
    CHUNK = 1024
    #: n-gram counts remembered (a few kB each); beyond, the table starts afresh
    SIZES = 256

    def __init__(self, seed: int) -> None:
        self._rng = random.Random(seed)
        self.words: list[int] = []
        self._sizes: dict[int, _SizeDraws] = {}
        self._pairs: dict[int, tuple[float, float]] = {}

    def cover(self, size: int, position: int, draws: int) -> _SizeDraws:
        """``size``'s draws, scanned past word ``position`` and to at least ``draws`` draws."""
        table = self._sizes.get(size)
        if table is None:
            if len(self._sizes) >= self.SIZES:
                self._sizes.clear()
            table = self._sizes[size] = _SizeDraws()
        shift = 32 - size.bit_length()
        words = self.words
        while table.scanned <= position or len(table.indices) < draws:
            start = table.scanned
            stop = start + self.CHUNK
            if len(words) < stop:
                getrandbits = self._rng.getrandbits
                words.extend(getrandbits(32) for _ in range(stop - len(words)))
            top = [word >> shift for word in words[start:stop]]
            kept = list(map(size.__gt__, top))
            table.indices.extend(itertools.compress(top, kept))
            table.positions.extend(itertools.compress(range(start, stop), kept))
            table.scanned = stop
        return table

    def gauss_pair(self, position: int) -> tuple[float, float]:
        """The two normal deviates ``random.gauss`` makes from the four words at ``position``
        (remembered: trials start at few distinct places)."""
        pair = self._pairs.get(position)
        if pair is None:
            pair = self._pairs[position] = self._gauss_pair(position)
        return pair

    def _gauss_pair(self, position: int) -> tuple[float, float]:
        """``random()`` is ``((a >> 5) * 2**26 + (b >> 6)) / 2**53`` of two words, and
        Box–Muller (Lambert Meertens's form) turns two of those into a cosine and a sine."""
        words = self.words
        while len(words) < position + 4:
            words.append(self._rng.getrandbits(32))
        first = ((words[position] >> 5) * 67108864.0 + (words[position + 1] >> 6)) * (1.0 / 9007199254740992.0)
        second = ((words[position + 2] >> 5) * 67108864.0 + (words[position + 3] >> 6)) * (1.0 / 9007199254740992.0)
        angle = first * _TWO_PI
        radius = math.sqrt(-2.0 * math.log(1.0 - second))
        return math.cos(angle) * radius, math.sin(angle) * radius


_TWO_PI = 2.0 * math.pi
_DRAWS: dict[int, _Draws] = {}


def _draws(seed: object) -> _Draws | None:
    """The stored stream of ``seed`` (``None`` for a generator seeded from the OS)."""
    if type(seed) is not int:
        return None
    draws = _DRAWS.get(seed)
    if draws is None:
        draws = _DRAWS[seed] = _Draws(seed)
    return draws


def _replay(detector: Any, rows: list[list[float]], draws: _Draws) -> list[float]:
    """langdetect's trials for two languages, read from ``draws``: the same n-grams drawn and
    the same float operations in the same order as ``_trials`` (and langdetect).

    A trial normalises after its first draw and then after every fifth, and stops only just
    after a normalisation; so after the first draw it reads the rows five at a time (``zip``
    of one iterator five times) and multiplies each probability by five factors left to right
    in one expression, which is the same sequence of roundings as five ``*=``.
    """
    size = len(rows)
    if size.bit_length() > 32:
        return _trials(detector, rows)
    trials, limit, threshold = detector.n_trial, detector.ITERATION_LIMIT, detector.CONV_THRESHOLD
    start0, start1 = detector._init_probability()
    alpha, width, base = detector.alpha, detector.ALPHA_WIDTH, detector.BASE_FREQ
    most = limit + 5  # draws a trial can make
    pick = rows.__getitem__
    total0 = total1 = 0.0
    position = draw = 0  # the next word of the stream, and the next kept draw
    spare: float | None = None
    table = draws.cover(size, 0, most)
    indices, positions = table.indices, table.positions  # extended in place by ``cover``
    for _ in range(trials):
        if spare is None:  # gauss makes two deviates from the next four words
            deviate, spare = draws.gauss_pair(position)
            position += 4
            if table.scanned <= position:
                draws.cover(size, position, 0)
            draw = bisect.bisect_left(positions, position)
        else:
            deviate, spare = spare, None
        if len(indices) < draw + most:
            draws.cover(size, position, draw + most)
        weight = (alpha + deviate * width) / base
        picked: Any = iter(indices)
        picked.__setstate__(draw)  # a list iterator can start anywhere: no copy, no skipping
        drawn = map(pick, picked)
        a, b = next(drawn)
        p0 = start0 * (weight + a)
        p1 = start1 * (weight + b)
        total = p0 + p1
        p0, p1 = p0 / total, p1 / total
        i = 0
        if not (p0 > threshold or p1 > threshold or i >= limit):
            for (a, b), (a1, b1), (a2, b2), (a3, b3), (a4, b4) in zip(drawn, drawn, drawn, drawn, drawn, strict=False):
                p0 = p0 * (weight + a) * (weight + a1) * (weight + a2) * (weight + a3) * (weight + a4)
                p1 = p1 * (weight + b) * (weight + b1) * (weight + b2) * (weight + b3) * (weight + b4)
                total = p0 + p1
                p0, p1 = p0 / total, p1 / total
                i += 5
                if p0 > threshold or p1 > threshold or i >= limit:
                    break
            else:
                raise AssertionError("_Draws.cover lists every draw a trial can make")
        total0 += p0 / trials
        total1 += p1 / trials
        draw += i + 1
        position = positions[draw - 1] + 1
    return [total0, total1]


#: One generator for every detection (making one reads the OS entropy pool; reseeding does not).
_RANDOM = random.Random()
_PROBES = (
    "Thank you very much, Mr. President.",
    "Muchas gracias, señor presidente.",
    "Sí.",
    "OK",
    "The NAFTA   talks — “ahead” at https://x.org, a@b.com.",
    "Привет, мир: OK",
)
_AGREEMENT: dict[int, bool] = {}


def _fast_trials_agree(factory: Any) -> bool:
    """Whether the fast path (``_ngram_rows``, then ``_replay`` or ``_trials``) gives
    langdetect's own probabilities on a few probes (checked once per factory): if a future
    Python or langdetect prepares or draws differently, langdetect runs as it is."""
    key = id(factory)
    if key not in _AGREEMENT:
        from langdetect.lang_detect_exception import LangDetectException

        agree = True
        for probe in _PROBES:
            slow, fast = factory.create(), factory.create()
            slow.append(probe)
            try:
                slow.get_probabilities()
            except LangDetectException:
                expected = None
            else:
                expected = slow.langprob
            fast.append(probe)
            fast.cleaning_text()
            rows = [fast.word_lang_prob_map[w] for w in fast._extract_ngrams()]
            agree = agree and _ngram_rows(fast, probe) == rows
            agree = agree and (_trials(fast, rows) if rows else None) == expected
            draws = _draws(fast.seed) if len(fast.langlist) == 2 else None
            if draws is not None:
                agree = agree and (_replay(fast, rows, draws) if rows else None) == expected
        _AGREEMENT[key] = agree
    return _AGREEMENT[key]


class LangdetectIdentifier:
    """langdetect restricted to ``languages`` and seeded, plus the lexical prior for short texts.

    Scores are ``weight * log p(lang)`` from langdetect run with probable
    names blanked out (see :func:`mask_names`), where the weight grows with
    the number of remaining letters (short texts barely move it), plus half
    the lexical log-odds for Spanish and minus half for English.  When the
    lexical evidence alone is decisive langdetect is skipped.  With
    ``prior=False`` and ``restrict=False`` it is stock langdetect, seeded.

    ``bounded=True`` (the default since 0.2.0, the ``"langdetect"`` backend) skips langdetect
    wherever the lexical log-odds exceed the most langdetect could add for this text,
    ``weight * log(1/FLOOR)``: the language is then provably the one the full computation
    gives, and the confidence is the lexical evidence's alone, ``sigmoid(|log-odds|)`` (as
    beyond ``DECISIVE``).  On short segments langdetect then runs on 15 of 389, not 373.
    ``bounded=False`` (the ``"langdetect-full"`` backend) is the 0.1.0 default: langdetect's
    term in every confidence below ``DECISIVE``, the same floats as 0.1.0.
    """

    #: letters (outside names) at which langdetect gets full weight
    FULL_WEIGHT_LETTERS = 60
    #: floor for probabilities before taking logs: langdetect is overconfident on short input,
    #: so one detector vote is worth at most log(1/FLOOR) ~ 3 units of lexical evidence
    FLOOR = 0.05
    #: lexical log-odds beyond which langdetect (worth at most log(1/FLOOR) ~ 3) cannot change
    #: an English/Spanish decision, so it is not run: most long sentences stop here
    DECISIVE = 6.0
    #: texts whose tags are remembered (short texts repeat; long ones are cheap to decide)
    CACHE_SIZE = 1 << 16
    #: only texts up to this many characters are remembered (sentences, short turns)
    CACHED_LENGTH = 300

    def __init__(
        self,
        languages: Sequence[str] = ("en", "es"),
        seed: int = 0,
        *,
        prior: bool = True,
        restrict: bool = True,
        bounded: bool = True,
        name: str = "langdetect",
    ) -> None:
        self.languages = _check_languages(languages)
        self.prior = prior
        self.bounded = bounded
        self.name = name
        self._english_spanish = set(self.languages) == {"en", "es"}
        self._factory = _langdetect_factory(self.languages if restrict else None, seed)
        self._cache: dict[str, LanguageTag | object | None] = {}
        self._answers: dict[str, dict[str, float]] = {}  # langdetect's, by normalised words

    def detect(self, text: str) -> LanguageTag | None:
        """The tag of ``text``; remembered, since records repeat short turns and sentences
        ("Thank you.", "Gracias.") thousands of times and the answer is deterministic."""
        return self.detect_view(text, None)

    def detect_view(self, text: str, view: str | None) -> LanguageTag | None:
        """``detect(text)``, given ``view`` (``None``: computed here), the text's ``match_view``
        or a view differing from it only where one whitespace character stands for another
        (the parser's, whose joined line breaks are spaces): the tag reads a view's whitespace
        only as where words and chunks end, so it is the same, and the parser's turns need not
        be viewed again."""
        if len(text) > self.CACHED_LENGTH:
            return self._detect(text, view)  # long texts rarely repeat, and a copy of each would be kept
        cache = self._cache
        tag = cache.get(text, _MISSING)
        if tag is _MISSING:
            if len(cache) >= self.CACHE_SIZE:
                cache.clear()
            tag = cache[text] = self._detect(text, view)
        return tag  # type: ignore[return-value]

    def _detect(self, text: str, view: str | None = None) -> LanguageTag | None:
        if not _has_letters(text):
            return None
        if not self.prior:
            probabilities = _langdetect_probabilities(self._factory, text)
            if not probabilities:
                return None
            code = max(probabilities, key=lambda c: probabilities[c])
            return _tag(code, probabilities[code])
        if view is None:
            view = match_view(text)
        english_spanish = self._english_spanish
        settled = _settled(view) if english_spanish and len(view) >= _SETTLED_LENGTH else None
        if settled is not None:  # decisive, and sure to four places: the exact score is not needed
            return _tag("es" if settled else "en", 1.0)
        lexical, _ = _view_evidence(view)
        if english_spanish and abs(lexical) >= self.DECISIVE:
            return _tag("es" if lexical > 0 else "en", _sigmoid(abs(lexical)))
        content = _mask_names(text, view)
        letters = sum(map(str.isalpha, content))
        if self.bounded and english_spanish and abs(lexical) > self._reach(letters):
            return _tag("es" if lexical > 0 else "en", _sigmoid(abs(lexical)))
        probabilities = _langdetect_probabilities(self._factory, content, self._answers) if letters else {}
        weight = min(1.0, letters / self.FULL_WEIGHT_LETTERS) if probabilities else 0.0
        halves = {"es": lexical / 2, "en": -lexical / 2}
        floor, log, get = self.FLOOR, math.log, probabilities.get
        scores = [weight * log(max(get(code, 0.0), floor)) + halves.get(code, 0.0) for code in self.languages]
        top = max(scores)  # the first language with it wins, as ``max(languages, key=...)`` chose
        total = sum([math.exp(s - top) for s in scores])
        return _tag(self.languages[scores.index(top)], 1.0 / total)

    def _reach(self, letters: int) -> float:
        """The most langdetect's term can move the Spanish-minus-English score of a text with
        ``letters`` letters outside names (each log-probability lies in ``[log FLOOR, 0]``),
        with room for rounding."""
        return min(1.0, letters / self.FULL_WEIGHT_LETTERS) * -math.log(self.FLOOR) + 1e-9


class Py3langidIdentifier:
    """py3langid (if installed) restricted to ``languages``; its own model, no prior."""

    def __init__(self, languages: Sequence[str] = ("en", "es"), seed: int = 0) -> None:
        try:
            module = importlib.import_module("py3langid.langid")
        except ImportError as error:
            raise ConfigError(
                "the py3langid backend needs the optional package 'py3langid'"
            ) from error
        self.name = "py3langid"
        self.languages = _check_languages(languages)
        cls = module.LanguageIdentifier
        # py3langid >= 0.3 loads ``from_model_file``; older releases kept langid.py's pickle loader
        load = getattr(cls, "from_model_file", None) or cls.from_pickled_model
        self._model = load(module.MODEL_FILE, norm_probs=True)
        self._model.set_languages(list(self.languages))

    def detect(self, text: str) -> LanguageTag | None:
        if not _has_letters(text):
            return None
        code, probability = self._model.classify(text)
        return _tag(str(code), float(probability))


def _full(languages: tuple[str, ...], seed: int) -> LanguageIdentifier:
    return LangdetectIdentifier(languages, seed, bounded=False, name="langdetect-full")


def _stock(languages: tuple[str, ...], seed: int) -> LanguageIdentifier:
    return LangdetectIdentifier(
        languages, seed, prior=False, restrict=False, name="langdetect-stock"
    )


_REGISTRY: dict[str, IdentifierFactory] = {
    "langdetect": LangdetectIdentifier,
    "langdetect-full": _full,
    "lexical": LexicalIdentifier,
    "langdetect-stock": _stock,
    "py3langid": Py3langidIdentifier,
}


def register_identifier(name: str, factory: IdentifierFactory) -> None:
    """Make a backend available to :func:`get_identifier` under ``name`` (replacing any before it)."""
    _REGISTRY[name] = factory


def available_identifiers() -> list[str]:
    """Registered backend names, sorted (a name may still fail to build if its package is missing)."""
    return sorted(_REGISTRY)


def get_identifier(
    name: str = "langdetect", languages: Sequence[str] = ("en", "es"), seed: int = 0
) -> LanguageIdentifier:
    """Build the backend registered as ``name`` for ``languages``; raises ``ConfigError`` if unknown."""
    try:
        factory = _REGISTRY[name]
    except KeyError:
        raise ConfigError(
            f"unknown language identifier {name!r}; available: {', '.join(available_identifiers())}"
        ) from None
    return factory(tuple(languages), seed)

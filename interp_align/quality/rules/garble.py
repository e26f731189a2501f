"""Garbled text: each signal is its own rule, so every finding says which signal fired.

The per-sentence garble score is the capped sum of the weights of the signals
found in the sentence (see :data:`WEIGHTS`); the report lists each sentence's
score with its reasons.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterator
from functools import lru_cache

import ftfy

from ...models import Severity
from ...normalize import match_view, strip_accents
from ..context import CheckContext, SentenceView
from ..frequencies import folded, zipf
from ..lexicon import ALLOWED_DOUBLES, FUNCTION_WORDS, MISRENDERINGS, NOT_GERUNDS, PREFIXES
from ..models import Finding
from .base import RuleInfo

__all__ = ["RULES", "WEIGHTS", "run"]

RULES = (
    RuleInfo("IA201", "mojibake", "garble", Severity.ERROR, "Text decoded with the wrong encoding (ftfy detects it and can fix it)."),
    RuleInfo("IA202", "character-noise", "garble", Severity.WARNING, "Stray symbols, control or replacement characters inside speech."),
    RuleInfo("IA203", "non-word", "garble", Severity.INFO, "A lower-case word unknown in both English and Spanish word frequencies."),
    RuleInfo("IA204", "repetition", "garble", Severity.WARNING, "A word doubled without a pause, or a phrase looping."),
    RuleInfo("IA205", "broken-off", "garble", Severity.WARNING, "A sentence that breaks off with a dash or ellipsis and never ends."),
    RuleInfo("IA206", "self-repair", "garble", Severity.INFO, "An interpreter self-repair marked by a dash: the phrase is cut and restarted."),
    RuleInfo("IA207", "ungrammatical", "garble", Severity.WARNING, "A rendering that matches a pattern no grammatical sentence has."),
)

#: Contribution of one signal to a sentence's garble score (capped at 1.0).
WEIGHTS = {"IA201": 1.0, "IA202": 0.5, "IA203": 0.25, "IA204": 0.4, "IA205": 0.3, "IA206": 0.15, "IA207": 0.5}

_WORD = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)?")
_DOUBLE = re.compile(r"\b([^\W\d_]+)\s+\1\b", re.IGNORECASE)
_PHRASE_REPEAT = re.compile(r"\b((?:[^\W\d_]+\s+){1,4}[^\W\d_]+),\s+\1\b", re.IGNORECASE)
_DASH = re.compile(r"\s-{1,2}\s|\s?-{2}\s?")
_PUNCT_RUN = re.compile(r"[^\w\s.,;:!?'\"()\[\]$%&/-]{2,}|[!?]{3,}|[,;:]{2,}|\.{4,}")
_OK_SYMBOLS = set("$%&/#@*+=°§©®™€£¥'\"")
#: Characters worth classifying at all: everything but letters, digits, spaces and common punctuation.
_NOISE_CANDIDATE = re.compile(r"[^\w\s.,;:!?'\"()\[\]$%&/#@*+=°§©®™€£¥¿¡«»“”‘’…–—-]")


def run(ctx: CheckContext) -> Iterator[Finding]:
    for turn in ctx.transcript.turns:
        lang = ctx.turn_language(turn)
        sentences = ctx.sentences(turn)
        for sentence in sentences:
            yield from _mojibake(ctx, sentence)
            yield from _noise(ctx, sentence)
            yield from _nonwords(ctx, sentence)
            yield from _repetition(ctx, sentence)
            yield from _dashes(ctx, sentence, lang)
            yield from _misrendering(ctx, sentence, lang)
        if sentences:
            yield from _broken_off(ctx, sentences)


def _emit(ctx: CheckContext, code: str, start: int, end: int, message: str, suggestion: str | None = None) -> Iterator[Finding]:
    finding = ctx.finding(code, start, end, message, suggestion=suggestion, score=WEIGHTS[code])
    if finding:
        yield finding


#: Mojibake always leaves two adjacent characters from Latin-1/cp1252's upper half ("Ã¡", "â€").
_SUSPECT = re.compile(r"[\u0080-\u00ff\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc\u2013-\u2122]{2}")


@lru_cache(maxsize=4096)
def _fix(text: str) -> str:
    """ftfy's repair of ``text``; skipped (identity) when nothing looks like mojibake, for speed."""
    return ftfy.fix_encoding(text) if _SUSPECT.search(text) else text


def _mojibake(ctx: CheckContext, s: SentenceView) -> Iterator[Finding]:
    fixed = _fix(s.text)
    if fixed != s.text:  # only what ftfy can repair: its badness score alone also fires on "¤" or "Â"
        # narrow the span to the first differing stretch, so the excerpt shows the damage
        a = next((i for i, (x, y) in enumerate(zip(s.text, fixed, strict=False)) if x != y), 0)
        tail = 0
        while tail < min(len(s.text), len(fixed)) - a and s.text[-1 - tail] == fixed[-1 - tail]:
            tail += 1
        # widen to whole words so the excerpt and the suggestion read as words ("BÃ¡rcena" → "Bárcena")
        while a > 0 and not s.text[a - 1].isspace():
            a -= 1
        while tail > 0 and not s.text[len(s.text) - tail].isspace():
            tail -= 1
        bad, good = s.text[a : len(s.text) - tail], fixed[a : len(fixed) - tail]
        yield from _emit(
            ctx, "IA201", s.start + a, s.start + len(s.text) - tail,
            f"mojibake: {bad!r} looks like {good!r} decoded with the wrong encoding (ftfy)",
            suggestion=good if bad else None,
        )


def _noise(ctx: CheckContext, s: SentenceView) -> Iterator[Finding]:
    text = s.masked
    for m in _PUNCT_RUN.finditer(match_view(text)):
        yield from _emit(ctx, "IA202", s.start + m.start(), s.start + m.end(), f"character noise: symbol run {m.group()!r}")
        return
    odd = [m.start() for m in _NOISE_CANDIDATE.finditer(text) if _is_noise_char(m.group())]
    letters = sum(c.isalpha() for c in text)
    if odd and ((len(odd) >= 3 and len(odd) / max(1, letters + len(odd)) >= ctx.thresholds.noise_ratio) or "\ufffd" in text):
        chars = "".join(sorted({text[i] for i in odd}))
        yield from _emit(
            ctx, "IA202", s.start + odd[0], s.start + odd[-1] + 1,
            f"character noise: {len(odd)} stray character(s) {chars!r} among {letters} letters",
        )


def _is_noise_char(c: str) -> bool:
    if c == "\ufffd":
        return True
    if c.isspace() or c.isalnum() or c in _OK_SYMBOLS:
        return False
    cat = unicodedata.category(c)
    return cat.startswith("C") or cat in {"So", "Sk", "Co"}


@lru_cache(maxsize=65536)
def _known(word: str) -> float:
    return max(zipf(word, "en"), zipf(word, "es"))


def _nonwords(ctx: CheckContext, s: SentenceView) -> Iterator[Finding]:
    t = ctx.thresholds
    if _fix(s.text) != s.text:
        return  # "BÃ¡rcena" splits into non-words; the mojibake finding covers it
    for m in _WORD.finditer(s.masked):
        word = m.group()
        if len(word) < t.nonword_min_length or not word.islower() or folded(word) in ctx.roster:
            continue
        if _known(word) > t.nonword_max_zipf or _known_with_clitics(word):
            continue
        letters = _LETTER_RUN.search(word)
        if letters:
            yield from _emit(ctx, "IA202", s.start + m.start(), s.start + m.end(),
                             f"character noise: {letters.group()[0]!r} repeated {len(letters.group())} times")
            continue
        split = _run_together(word)
        why = (f"reads as {split[0]!r} + {split[1]!r} run together" if split
               else "is not in the English or Spanish word lists (wordfreq)")
        yield from _emit(ctx, "IA203", s.start + m.start(), s.start + m.end(), f"non-word: {word!r} {why}",
                         suggestion=None)


_LETTER_RUN = re.compile(r"([^\W\d_])\1{3,}")
#: Spanish enclitic pronouns: "honrándola" is "honrando" + "la", a word wordfreq may lack.
_CLITICS = re.compile(r"(?:me|te|se|nos|os|lo|la|los|las|le|les)(?:lo|la|los|las|le|les)?$")


def _known_with_clitics(word: str) -> bool:
    match = _CLITICS.search(word)
    if not match or match.start() < 3:
        return False
    stem = strip_accents(word[: match.start()])
    return _known(stem) > 1.0 or _known(word[: match.start()]) > 1.0


def _whole_part(part: str) -> bool:
    """A piece long enough to be a word of its own, or a short function word ("de", "que")."""
    return len(part) >= 4 or part in FUNCTION_WORDS["es"] or part in FUNCTION_WORDS["en"] or part == "mil"


def _run_together(word: str) -> tuple[str, str] | None:
    """The split of ``word`` into two frequent words ("llenosde" → "llenos" + "de"), if one exists."""
    best: tuple[float, tuple[str, str]] | None = None
    for i in range(2, len(word) - 1):
        left, right = word[:i], word[i:]
        if strip_accents(left) in PREFIXES or not (_whole_part(left) and _whole_part(right)):
            continue
        score = min(_known(left), _known(right))
        if score >= 3.0 and (best is None or score > best[0]):
            best = (score, (left, right))
    return best[1] if best else None


def _repetition(ctx: CheckContext, s: SentenceView) -> Iterator[Finding]:
    text = s.view
    loop = _find_loop(text)
    if loop:
        a, b, phrase, times = loop
        paused = bool(re.search(r"[,;.!?]", text[a:b]))
        # "No, no, no" is rhetoric the record keeps faithfully; an unpunctuated loop is garble
        finding = ctx.finding(
            "IA204", s.start + a, s.start + b,
            f"repetition: {phrase!r} loops {times} times{' (with pauses: emphasis)' if paused else ''}",
            score=WEIGHTS["IA204"] / (2 if paused else 1), severity=Severity.INFO if paused else None,
        )
        if finding:
            yield finding
        return
    for m in _DOUBLE.finditer(text):
        if m.group(1).lower() not in ALLOWED_DOUBLES:
            yield from _emit(ctx, "IA204", s.start + m.start(), s.start + m.end(),
                             f"repetition: {m.group(1)!r} doubled without a pause",
                             suggestion=s.text[m.start() : m.start() + len(m.group(1))])
    for m in _PHRASE_REPEAT.finditer(text):
        finding = ctx.finding("IA204", s.start + m.start(), s.start + m.end(),
                              f"repetition: the phrase {m.group(1)!r} is said twice", score=WEIGHTS["IA204"] / 2,
                              severity=Severity.INFO)
        if finding:
            yield finding


def _find_loop(text: str, *, max_n: int = 6, min_times: int = 3) -> tuple[int, int, str, int] | None:
    """The first phrase of 1-6 words said three or more times in a row: (start, end, phrase, times)."""
    words = list(_WORD.finditer(text))
    keys = [w.group().lower() for w in words]
    frequent = {k for k, n in Counter(keys).items() if n >= min_times}
    for i in range(len(keys)):
        if keys[i] not in frequent:
            continue
        for n in range(1, max_n + 1):
            times = 1
            while keys[i + times * n : i + (times + 1) * n] == keys[i : i + n] and i + (times + 1) * n <= len(keys):
                times += 1
            if times >= min_times:
                last = words[i + times * n - 1]
                return words[i].start(), last.end(), text[words[i].start() : words[i + n - 1].end()], times
    return None


def _dashes(ctx: CheckContext, s: SentenceView, lang: str) -> Iterator[Finding]:
    """Self-repairs: a dash after a function word, or one whose two sides share a word."""
    text = s.view
    function_words = FUNCTION_WORDS.get(lang, FUNCTION_WORDS["en"])
    for m in _DASH.finditer(text):
        before = [w.lower() for w in _WORD.findall(text[: m.start()])][-4:]
        after = [w.lower() for w in _WORD.findall(text[m.end() :])][:5]
        if not before or not after:
            continue
        stems = {w[:5] for w in before if w not in function_words and len(w) > 2}
        repeated = sorted(w for w in after if w not in function_words and w[:5] in stems)
        if before[-1] in function_words or repeated:
            why = f"the phrase restarts with {repeated[0]!r}" if repeated else f"the phrase is cut after {before[-1]!r}"
            left = _word_start(text, m.start(), 4)
            right = _word_end(text, m.end(), 4)
            yield from _emit(ctx, "IA206", s.start + left, s.start + right,
                             f"self-repair at a dash: {why}")


def _word_start(text: str, pos: int, n: int) -> int:
    words = list(_WORD.finditer(text[:pos]))
    return words[-n].start() if len(words) >= n else (words[0].start() if words else pos)


def _word_end(text: str, pos: int, n: int) -> int:
    words = list(_WORD.finditer(text, pos))
    return words[min(n, len(words)) - 1].end() if words else pos


def _misrendering(ctx: CheckContext, s: SentenceView, lang: str) -> Iterator[Finding]:
    text = s.view
    for rule in MISRENDERINGS:
        if rule.language != lang:
            continue
        for m in rule.pattern.finditer(text):
            if m.lastindex and m.group(1).lower() in NOT_GERUNDS:
                continue
            yield from _emit(ctx, "IA207", s.start + m.start(), s.start + m.end(),
                             f"ungrammatical rendering: {m.group()!r} ({rule.why})")


def _broken_off(ctx: CheckContext, sentences: list[SentenceView]) -> Iterator[Finding]:
    for s in sentences:
        tail = s.view.rstrip(" \"')]")
        if tail.endswith("-"):
            yield from _emit(ctx, "IA205", s.start, s.end, "broken-off sentence: it ends in a dash")
        elif tail.endswith("..."):
            # stenographic records mark a speaker trailing off with "...": faithful, so only info
            finding = ctx.finding("IA205", s.start, s.end, "broken-off sentence: it trails off in an ellipsis",
                                  score=WEIGHTS["IA205"], severity=Severity.INFO)
            if finding:
                yield finding

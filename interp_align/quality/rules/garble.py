"""Garbled text: each signal is its own rule, so every finding says which signal fired.

The per-sentence garble score is the capped sum of the weights of the signals
found in the sentence (see :data:`WEIGHTS`); the report lists each sentence's
score with its reasons.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from functools import lru_cache

import ftfy
from wordfreq import zipf_frequency

from ...models import Severity
from ...normalize import fold, match_view, strip_accents
from ..context import CheckContext, SentenceView
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
_LOOP = re.compile(r"\b((?:[^\W\d_]+\W+){0,5}?[^\W\d_]+)(?:\W+\1\b){2,}", re.IGNORECASE)
_PHRASE_REPEAT = re.compile(r"\b((?:[^\W\d_]+\s+){1,4}[^\W\d_]+),\s+\1\b", re.IGNORECASE)
_DASH = re.compile(r"\s-{1,2}\s|\s?-{2}\s?")
_PUNCT_RUN = re.compile(r"[^\w\s.,;:!?'\"()\[\]$%&/-]{2,}|[!?]{3,}|[,;:]{2,}|\.{4,}")
_OK_SYMBOLS = set("$%&/#@*+=°§©®™€£¥'\"")


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


def _mojibake(ctx: CheckContext, s: SentenceView) -> Iterator[Finding]:
    fixed = ftfy.fix_encoding(s.text)
    if fixed != s.text or ftfy.badness.is_bad(s.text):
        # narrow the span to the first differing stretch, so the excerpt shows the damage
        a = next((i for i, (x, y) in enumerate(zip(s.text, fixed, strict=False)) if x != y), 0)
        tail = 0
        while tail < min(len(s.text), len(fixed)) - a and s.text[-1 - tail] == fixed[-1 - tail]:
            tail += 1
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
    odd = [i for i, c in enumerate(text) if _is_noise_char(c)]
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
    return max(zipf_frequency(word, "en"), zipf_frequency(word, "es"))


def _nonwords(ctx: CheckContext, s: SentenceView) -> Iterator[Finding]:
    t = ctx.thresholds
    for m in _WORD.finditer(s.masked):
        word = m.group()
        if len(word) < t.nonword_min_length or not word.islower() or fold(word) in ctx.roster:
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
    text = match_view(s.masked)
    loop = _LOOP.search(text)
    if loop:
        times = loop.group().lower().count(loop.group(1).lower())
        paused = bool(re.search(r"[,;.!?]", loop.group()[len(loop.group(1)) :]))
        # "No, no, no" is rhetoric the record keeps faithfully; an unpunctuated loop is garble
        finding = ctx.finding(
            "IA204", s.start + loop.start(), s.start + loop.end(),
            f"repetition: {loop.group(1)!r} loops {times} times{' (with pauses: emphasis)' if paused else ''}",
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


def _dashes(ctx: CheckContext, s: SentenceView, lang: str) -> Iterator[Finding]:
    """Self-repairs: a dash after a function word, or one whose two sides share a word."""
    text = match_view(s.masked)
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
    text = match_view(s.masked)
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
        tail = match_view(s.masked).rstrip(" \"')]")
        if tail.endswith("-"):
            yield from _emit(ctx, "IA205", s.start, s.end, "broken-off sentence: it ends in a dash")
        elif tail.endswith("..."):
            # stenographic records mark a speaker trailing off with "...": faithful, so only info
            finding = ctx.finding("IA205", s.start, s.end, "broken-off sentence: it trails off in an ellipsis",
                                  score=WEIGHTS["IA205"], severity=Severity.INFO)
            if finding:
                yield finding

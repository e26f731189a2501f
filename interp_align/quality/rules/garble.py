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
from itertools import islice

import ftfy

from ...models import Severity, Turn
from ...normalize import strip_accents
from ..context import CheckContext, SentenceView
from ..frequencies import folded, zipf
from ..lexicon import (
    ALLOWED_DOUBLES,
    CONJUNCTIONS,
    FUNCTION_WORDS,
    LOANWORDS,
    MISRENDERINGS,
    NOT_GERUNDS,
    PARTICLE_DOUBLES,
    PREFIXES,
    TIME_WORDS,
    Misrendering,
)
from ..models import Finding
from .base import RuleInfo

__all__ = ["RULES", "WEIGHTS", "run"]

RULES = (
    RuleInfo("IA201", "mojibake", "garble", Severity.ERROR, "Text decoded with the wrong encoding (ftfy detects it and can fix it)."),
    RuleInfo("IA202", "character-noise", "garble", Severity.WARNING, "Stray symbols, control or replacement characters inside speech."),
    RuleInfo("IA203", "non-word", "garble", Severity.INFO, "A lower-case word unknown in both English and Spanish word frequencies."),
    RuleInfo("IA204", "repetition", "garble", Severity.WARNING, "A word doubled without a pause, or a phrase looping."),
    RuleInfo("IA205", "broken-off", "garble", Severity.INFO, "A sentence that breaks off with a dash or ellipsis: an interruption or a restart."),
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
#: Two characters side by side that ``_PUNCT_RUN`` may start with: a cheap search that rules it out.
_PUNCT_PAIR = re.compile(r"[^\w\s'\"()\[\]$%&/-]{2}")
#: Spanish opens an exclamatory question with both marks ("¡¿Cómo no?!"): punctuation, not noise.
_PAIRED_OPENERS = frozenset({"¡¿", "¿¡"})
_OK_SYMBOLS = set("$%&/#@*+=°§©®™€£¥'\"")
#: Characters worth classifying at all: everything but letters, digits, spaces and common punctuation.
_NOISE_CANDIDATE = re.compile(r"[^\w\s.,;:!?'\"()\[\]$%&/#@*+=°§©®™€£¥¿¡«»“”‘’…–—-]")


def run(ctx: CheckContext) -> Iterator[Finding]:
    for turn in ctx.transcript.turns:
        lang = ctx.turn_language(turn)
        sentences = ctx.sentences(turn)
        letter_runs = [_runs(sentence) for sentence in sentences]
        keys = [_keys(sentence, runs) for sentence, runs in zip(sentences, letter_runs, strict=True)]
        body = ctx.masked_body(turn)
        view = ctx.masked_view(turn)
        # a sentence is a stretch of its turn: a turn with no symbol run and no odd character has no noise
        noisy = ((_PUNCT_PAIR.search(view) is not None and _PUNCT_RUN.search(view) is not None)
                 or _NOISE_CANDIDATE.search(body) is not None)
        misrenderings = [rule for rule in MISRENDERINGS if rule.language == lang]
        possible = _possible(misrenderings, letter_runs)
        # likewise for text that may be mojibake and for dashes, so most turns skip those rules
        suspect = bool(sentences) and _SUSPECT.search(
            ctx.transcript.text, min(s.start for s in sentences), max(s.end for s in sentences)) is not None
        dashed = "-" in view
        for sentence, sentence_keys, runs in zip(sentences, keys, letter_runs, strict=True):
            if suspect:
                yield from _mojibake(ctx, sentence)
            if noisy:
                yield from _noise(ctx, sentence)
            yield from _nonwords(ctx, sentence)
            yield from _repetition(ctx, sentence, sentence_keys, runs)
            if dashed and "-" in sentence.view:
                yield from _dashes(ctx, sentence, lang)
            if runs is None:
                yield from _misrendering(ctx, sentence, misrenderings, runs)
            elif possible:
                yield from _misrendering(ctx, sentence, possible, runs)
        if sentences:
            yield from _broken_off(ctx, turn, sentences, view)
            yield from _repeated_sentences(ctx, sentences, keys)


#: A maximal run of letters: what the rules' patterns match word by word.
_LETTERS = re.compile(r"[^\W\d_]+")


def _keys(s: SentenceView, runs: list[str] | None) -> list[str]:
    """The ``_WORD`` tokens of the sentence's view lower-cased, made once for the loop and
    repeated-sentence rules; without an apostrophe they are its letter runs (``runs``: lowered)."""
    if "'" in s.view:  # on case-safe text, lower-casing keeps every token whole
        return _WORD.findall(s.view.lower()) if runs is not None else [w.lower() for w in _WORD.findall(s.view)]
    return runs if runs is not None else [w.lower() for w in s.letters]


#: A character outside Latin script up to Latin Extended-B, or one of the three in it ("İ", "ı",
#: "ſ") where case-insensitive matching is not equality of ``str.lower`` (checked over the range).
_CASE_UNSAFE = re.compile(r"[^\x00-\u012f\u0132-\u017e\u0180-\u024f]")


def _case_safe(text: str) -> bool:
    """True when ``re.IGNORECASE`` equality is ``str.lower`` equality on ``text``, and lower-casing
    keeps every character one character of the same class (so tokens keep their extent)."""
    return text.isascii() or _CASE_UNSAFE.search(text) is None


def _runs(s: SentenceView) -> list[str] | None:
    """The lower-cased letter runs of a sentence, for cheap "this pattern cannot match" tests.

    ``None`` for a sentence that is not :func:`_case_safe` (Greek, Cyrillic, "ſ"): there the
    patterns always run.  Lower-casing keeps every run whole, so the runs are lowered in one call.
    """
    if not _case_safe(s.view):
        return None
    return " ".join(s.letters).lower().split(" ") if s.letters else []


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
    for m in _PUNCT_RUN.finditer(s.view):
        if m.group() in _PAIRED_OPENERS:
            continue
        yield from _emit(ctx, "IA202", s.start + m.start(), s.start + m.end(), f"character noise: symbol run {m.group()!r}")
        return
    odd = [m.start() for m in _NOISE_CANDIDATE.finditer(text) if _is_noise_char(m.group())]
    if not odd:
        return
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


#: Words known to be words, per (shortest non-word, highest non-word Zipf): shared by every record
#: checked in a process, so most sentences are told by one set test.  A cache: cleared when large.
_WORDS: dict[tuple[int, float], set[str]] = {}


def _is_word(word: str, min_length: int, max_zipf: float) -> bool:
    """A token that is never a non-word, wherever it stands (the roster aside, which is per record)."""
    return (len(word) < min_length or not word.islower() or _known(word) > max_zipf
            or _known_with_clitics(word) or _loanword(word))


def _nonwords(ctx: CheckContext, s: SentenceView) -> Iterator[Finding]:
    t = ctx.thresholds
    words = _WORDS.setdefault((t.nonword_min_length, t.nonword_max_zipf), set())
    new = set(s.letters if "'" not in s.masked else _WORD.findall(s.masked)).difference(words)
    if not new:
        return
    if len(words) > 1 << 20:
        words.clear()
    words.update(w for w in new if _is_word(w, t.nonword_min_length, t.nonword_max_zipf))
    if all(w in words or folded(w) in ctx.roster for w in new) or _fix(s.text) != s.text:
        return  # "BÃ¡rcena" splits into non-words; the mojibake finding covers it
    for m in _WORD.finditer(s.masked):
        word = m.group()
        if word in words:
            continue
        if len(word) < t.nonword_min_length or not word.islower():
            words.add(word)
            continue
        if folded(word) in ctx.roster:
            continue
        if _known(word) > t.nonword_max_zipf or _known_with_clitics(word) or _loanword(word):
            words.add(word)
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


def _loanword(word: str) -> bool:
    """A loanword of either language ("nearshoring") is a word, even where wordfreq lacks it."""
    key = strip_accents(word.lower())
    return any(key in words for words in LOANWORDS.values())


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


def _repetition(ctx: CheckContext, s: SentenceView, keys: list[str], runs: list[str] | None) -> Iterator[Finding]:
    """Loops, doubled words and phrases said twice; ``keys`` are the sentence's lowered tokens, ``runs``
    its lowered letter runs (``None`` unless :func:`_case_safe`), which tell cheaply when a pattern cannot match."""
    text = s.view
    loop = _find_loop(text, keys)
    if loop:
        a, b, phrase, times = loop
        why = _loop_is_rhetoric(text[a:b], phrase, times)
        # "No, no, no" and "the — the — the" are what was said, kept faithfully; an unmarked loop is garble
        finding = ctx.finding(
            "IA204", s.start + a, s.start + b,
            f"repetition: {phrase!r} loops {times} times{f' ({why})' if why else ''}",
            score=WEIGHTS["IA204"] / (2 if why else 1), severity=Severity.INFO if why else None,
        )
        if finding:
            yield finding
        return
    # a double needs two equal letter runs side by side
    doubles = _DOUBLE.finditer(text) if runs is None or any(map(str.__eq__, runs, runs[1:])) else ()
    for m in doubles:
        first, second = s.text[m.start(1) : m.end(1)], s.text[m.end() - len(m.group(1)) : m.end()]
        why = _double_is_right(first, second, text[m.end() :])
        if why == "":
            continue
        if why:
            finding = ctx.finding("IA204", s.start + m.start(), s.start + m.end(),
                                  f"repetition: {first!r} doubled ({why})", score=WEIGHTS["IA204"] / 2,
                                  severity=Severity.INFO)
            if finding:
                yield finding
            continue
        yield from _emit(ctx, "IA204", s.start + m.start(), s.start + m.end(),
                         f"repetition: {m.group(1)!r} doubled without a pause",
                         suggestion=first)
    if "," not in text or (runs is not None and not _may_repeat_phrase(text.lower())):
        return
    for m in _phrase_repeats(text):
        finding = ctx.finding("IA204", s.start + m.start(), s.start + m.end(),
                              f"repetition: the phrase {m.group(1)!r} is said twice", score=WEIGHTS["IA204"] / 2,
                              severity=Severity.INFO)
        if finding:
            yield finding


def _may_repeat_phrase(low: str) -> bool:
    """False when ``_PHRASE_REPEAT`` cannot match the lower-cased, case-safe sentence ``low``.

    A phrase said twice ("we will, we will") is two to five letter runs apart by spaces, a
    comma right after the last, then the first again: so among the letter runs and commas of
    the sentence, the run after some comma is one of the two to five tokens before it but one.
    """
    tokens = _RUN_OR_COMMA.findall(low)
    comma = -1
    while True:
        try:
            comma = tokens.index(",", comma + 1)
        except ValueError:
            return False
        if comma + 1 < len(tokens) and tokens[comma + 1] in tokens[max(0, comma - 5) : max(0, comma - 1)]:
            return True


_RUN_OR_COMMA = re.compile(r"[^\W\d_]+|,")


def _phrase_repeats(text: str) -> list[re.Match[str]]:
    """``_PHRASE_REPEAT.finditer(text)``, the pattern tried only where a match can start.

    A match opens with two to five letter runs apart by spaces only, then a comma, so it can
    start only at one of the four runs before a comma that ends a letter run; tried there in
    order, skipping starts inside a match, the matches are those of ``finditer``.
    """
    if "," not in text:
        return []
    spans = [m.span() for m in _LETTERS.finditer(text)]
    run_ending = {end: k for k, (_, end) in enumerate(spans)}
    starts: set[int] = set()
    comma = text.find(",")
    while comma >= 0:
        k = j = run_ending.get(comma, 0)
        while j > 0 and k - j < 4 and text[spans[j - 1][1] : spans[j][0]].isspace():
            j -= 1
            starts.add(spans[j][0])
        comma = text.find(",", comma + 1)
    found: list[re.Match[str]] = []
    for start in sorted(starts):
        if found and start < found[-1].end():
            continue
        m = _PHRASE_REPEAT.match(text, start)
        if m:
            found.append(m)
    return found


def _loop_is_rhetoric(span: str, phrase: str, times: int) -> str | None:
    """Why a loop is what the speaker said (info), or ``None`` when it reads as garble.

    Pauses (commas, dashes: "the — the — the") are the transcriber marking a stutter or emphasis;
    a conjunction joins a rhetorical series ("paga y paga y paga"); an intensifier reduplicates
    ("muy muy muy"); a phrase of several words said three times is a figure of speech unless it
    goes on longer.
    """
    words = [w.lower() for w in _WORD.findall(phrase)]
    if re.search(r"[,;.!?-]", span):
        return "with pauses: a stutter or emphasis the record keeps"
    if words and (words[0] in CONJUNCTIONS or words[-1] in CONJUNCTIONS):
        return "joined by a conjunction: rhetoric"
    if len(words) == 1 and words[0] in ALLOWED_DOUBLES:
        return "emphatic reduplication"
    if len(words) > 1 and times < 4:
        return "a phrase said three times: rhetoric"
    return None


def _double_is_right(first: str, second: str, after: str) -> str | None:
    """Whether a doubled word is correct: ``""`` (say nothing), a reason (info), or ``None`` (garble).

    Identical double surnames ("Pérez Pérez") and a preposition before a surname that starts
    with it ("de De la Madrid") are correct; so are idiomatic doubles (``ALLOWED_DOUBLES``) and a
    demonstrative before a time word ("this this morning").  An English particle then a
    preposition ("weigh in in our politics") may be right: info.
    """
    key = first.lower()
    if second[:1].isupper() and (first[:1].isupper() or first.islower()) and not second.isupper():
        return ""  # a name: "Pérez Pérez", "de De la Madrid", "Royce Royce" is left to the name rules
    if key in ALLOWED_DOUBLES:
        return ""
    nxt = _WORD.search(after)
    if key in {"this", "that", "esta", "este"} and nxt and nxt.group().lower() in TIME_WORDS:
        return ""
    if key in PARTICLE_DOUBLES:
        return "a particle then a preposition may both belong"
    return None


def _repeated_sentences(ctx: CheckContext, sentences: list[SentenceView], keys: list[list[str]]) -> Iterator[Finding]:
    """A sentence of three words or more said again and again in a row ("Que tengan muy buen día." ×3).

    Info: speakers do repeat themselves; a copy left in the record twice over looks the same.
    """
    k = 0
    while k < len(sentences):
        key = keys[k]
        j = k + 1
        while j < len(sentences) and keys[j] == key:
            j += 1
        if len(key) >= 3 and j - k >= 2:
            first, last = sentences[k], sentences[j - 1]
            finding = ctx.finding("IA204", first.start, last.end,
                                  f"repetition: the sentence {' '.join(key)[:60]!r} is said {j - k} times in a row",
                                  score=WEIGHTS["IA204"] / 2, severity=Severity.INFO)
            if finding:
                yield finding
        k = j


def _find_loop(text: str, keys: list[str], *, max_n: int = 6, min_times: int = 3) -> tuple[int, int, str, int] | None:
    """The first phrase of 1-6 words said three or more times in a row: (start, end, phrase, times).

    ``keys`` are ``_keys(text)``.  A loop needs a word said ``min_times`` times, and a phrase of
    ``n`` words starting at ``i`` loops only if ``keys[i]`` recurs at ``i + n``, ``i + 2n``, …:
    both are tested before any slice is compared, and the token spans are made only for a loop.
    """
    if len(keys) - len(set(keys)) < min_times - 1:
        return None
    frequent = {k for k, n in Counter(keys).items() if n >= min_times}
    if not frequent:
        return None
    for i in range(len(keys)):
        if keys[i] not in frequent:
            continue
        for n in range(1, max_n + 1):
            if keys[i : i + min_times * n : n].count(keys[i]) < min_times:
                continue
            times = 1
            while keys[i + times * n : i + (times + 1) * n] == keys[i : i + n] and i + (times + 1) * n <= len(keys):
                times += 1
            if times >= min_times:
                words = list(_WORD.finditer(text))  # the same tokens as ``keys``
                last = words[i + times * n - 1]
                return words[i].start(), last.end(), text[words[i].start() : words[i + n - 1].end()], times
    return None


def _dashes(ctx: CheckContext, s: SentenceView, lang: str) -> Iterator[Finding]:
    """Self-repairs: a dash after a function word, or one whose two sides share a word."""
    text = s.view
    if "-" not in text:
        return
    function_words = FUNCTION_WORDS.get(lang, FUNCTION_WORDS["en"])
    for m in _DASH.finditer(text):
        before_words = _last_words(text, m.start(), 4)
        after_words = list(islice(_WORD.finditer(text, m.end()), 5))
        if not before_words or not after_words:
            continue
        before = [w.group().lower() for w in before_words]
        after = [w.group().lower() for w in after_words]
        stems = {w[:5] for w in before if w not in function_words and len(w) > 2}
        repeated = sorted(w for w in after if w not in function_words and w[:5] in stems)
        if before[-1] in function_words or repeated:
            why = f"the phrase restarts with {repeated[0]!r}" if repeated else f"the phrase is cut after {before[-1]!r}"
            # the span: from the first of the four words before the dash to the fourth after it
            left, right = before_words[0].start(), after_words[:4][-1].end()
            yield from _emit(ctx, "IA206", s.start + left, s.start + right,
                             f"self-repair at a dash: {why}")


def _last_words(text: str, pos: int, n: int) -> list[re.Match[str]]:
    """The last ``n`` ``_WORD`` matches of ``text[:pos]`` (all of them if fewer).

    No word holds a space, so the words after a space are the same wherever the scan starts:
    it starts at the last space before ``pos`` and steps back a space at a time only until it
    holds ``n`` words, instead of reading the whole sentence before every dash.
    """
    cut = pos
    while True:
        cut = text.rfind(" ", 0, cut)
        words = list(_WORD.finditer(text, cut + 1, pos))
        if len(words) >= n or cut < 0:
            return words[-n:]


def _lacks(present: set[str], rule: Misrendering) -> bool:
    """True when the words ``present`` miss one the rule's pattern cannot match without (a loop,
    not ``any`` over a generator: it runs for every rule in most sentences)."""
    for words, n in rule.needs:
        if present.isdisjoint(words) if n == 1 else len(present & words) < n:
            return True
    return False


def _possible(rules: list[Misrendering], letter_runs: list[list[str] | None]) -> list[Misrendering]:
    """The ``rules`` whose words the turn's case-safe sentences hold between them, in order.

    A sentence's words are some of its turn's, so a rule the turn lacks words for is skipped in
    every case-safe sentence without a test per sentence (the others run every rule)."""
    present = set().union(*(runs for runs in letter_runs if runs is not None))
    return [rule for rule in rules if not _lacks(present, rule)]


def _misrendering(ctx: CheckContext, s: SentenceView, rules: list[Misrendering], runs: list[str] | None) -> Iterator[Finding]:
    """Patterns no grammatical sentence has (``rules``: those of the sentence's language)."""
    text = s.view
    present = set(runs) if runs is not None else None
    for rule in rules:
        if present is not None and _lacks(present, rule):
            continue  # a word the pattern cannot match without is missing
        for m in rule.pattern.finditer(text):
            if m.lastindex and m.group(1).lower() in NOT_GERUNDS:
                continue
            yield from _emit(ctx, "IA207", s.start + m.start(), s.start + m.end(),
                             f"ungrammatical rendering: {m.group()!r} ({rule.why})")


#: Trailing characters of a separator or end mark written on a sentence's line ("Adiós. ---", "- - - 0 - - -").
_SEPARATOR_TAIL = re.compile(r"(?:\s*-)+(?:\s*0+(?:\s*-)+)?\s*$")
#: A dash that opens an aside: after a space or an opening mark, directly before a word ("—¿Quiere…").
_OPENING_DASH = re.compile(r"(?:^|(?<=[\s(\"'\[]))-(?=[^\s\-])")
#: A dash used as punctuation (not a hyphen inside a word such as "Sherwood-Randall").
_PUNCT_DASH = re.compile(r"(?<![^\W_])-|-(?![^\W_])")


def _broken_off(ctx: CheckContext, turn: Turn, sentences: list[SentenceView], view: str) -> Iterator[Finding]:
    """Sentences that end in a dash or an ellipsis, said how they end; all info.

    On real records a sentence-final dash is the transcriber's faithful mark of an interruption
    (White House: the next turn takes over) or a restart; it is not garble.  What is not a
    broken-off sentence at all is skipped: a separator or end mark on the sentence's line
    ("Adiós, adiós. ---"), and the close of a dash aside ("—¿Quiere contestar?—").
    ``view`` is ``match_view`` of the turn's masked body.
    """
    for k, s in enumerate(sentences):
        tail = s.view.rstrip(" \"')]")
        if tail.endswith("-"):
            if not _breaks_off(view, s.start - turn.start + len(tail), tail):
                continue
            last = k == len(sentences) - 1
            message = ("broken-off sentence: it ends in a dash where the speaker is cut off" if last
                       else "broken-off sentence: it ends in a dash and the speaker starts again")
            yield from _emit(ctx, "IA205", s.start, s.end, message)
        elif tail.endswith("..."):
            # stenographic records mark a speaker trailing off with "...": faithful, so only info
            yield from _emit(ctx, "IA205", s.start, s.end, "broken-off sentence: it trails off in an ellipsis")


def _breaks_off(view: str, end: int, tail: str) -> bool:
    """True when the sentence ending at ``end`` (an offset in the turn's view) breaks off at its dash.

    ``tail`` is the sentence up to ``end``.  A dash run after a complete sentence (or after
    nothing) is a separator or an end mark; a dash that closes an aside opened earlier in the
    paragraph is punctuation.
    """
    separator = _SEPARATOR_TAIL.search(tail)
    before = tail[: separator.start()].rstrip() if separator else tail
    if separator and (not before or before[-1] in ".!?:;\"'"):
        return False
    paragraph_start = max(view.rfind("\n\n", 0, end), view.rfind("---", 0, end - 3))
    dash = end - 1
    while dash > 0 and view[dash - 1] == "-":
        dash -= 1
    opener = None
    for m in _PUNCT_DASH.finditer(view, max(0, paragraph_start), dash):
        opener = m.start()
    return opener is None or not _OPENING_DASH.match(view, opener)

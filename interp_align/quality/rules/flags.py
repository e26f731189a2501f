"""Interpretation flags: marker spellings, missing markers, untranslated passages, code-switches.

A record that marks interpretation must do it the same way every time, and
must not leave the other language in the text unmarked.  Language is judged
word by word against wordfreq frequencies so a finding can name the words that
tipped it; loanwords (``lexicon.LOANWORDS``) are not the other language.

Speakers switch language on purpose: a leader interpreted in one turn answers
the next question in English, a bilingual host says "*gracias*".  So a turn
without a marker is only info (nothing in the text tells a dropped marker from
a speaker's own English), a phrase the record sets in italics is marked, and a
speaker who switches elsewhere too (a language note, an italic phrase, several
code-switches) is read as switching on purpose.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterator
from functools import lru_cache

from ...lang.markers import CANDIDATE, classify
from ...models import MarkerKind, Severity, Turn
from ...normalize import match_view
from ..context import CheckContext, SentenceView
from ..frequencies import folded, zipf
from ..lexicon import LOANWORDS, SECOND_PERSON
from ..models import Finding
from .base import RuleInfo

__all__ = ["RULES", "foreign_runs", "run"]

RULES = (
    RuleInfo("IA401", "marker-spelling", "flags", Severity.WARNING, "An interpreter marker spelled differently from the document's usual form."),
    RuleInfo("IA402", "marker-missing", "flags", Severity.INFO, "A turn by a speaker interpreted elsewhere that carries no interpreter marker."),
    RuleInfo("IA403", "untranslated", "flags", Severity.WARNING, "A passage in the other language with no marker: left untranslated."),
    RuleInfo("IA404", "code-switch", "flags", Severity.INFO, "A short phrase in the other language inside a sentence (a code-switch)."),
)

_OTHER = {"en": "es", "es": "en"}
_WORD = re.compile(r"[^\W\d_]+")
#: A body that is one quotation and nothing else: the speaker quoted it in this language.
_QUOTED = re.compile(r"[\"'][^\"]+[\"'][.,;:!?]*")
#: A phrase set in italics in a Markdown record ("*Gracias*", "_paisanos_"): the record marks it as foreign.
_ITALIC = re.compile(r"(?<![\w*])\*(?!\s)[^*\n]{1,80}(?<!\s)\*(?![\w*])|(?<![\w_])_(?!\s)[^_\n]{1,80}(?<!\s)_(?![\w_])")
#: A single word is a code-switch only when far more frequent in the other language than in this one.
_SINGLE_MARGIN = 2.0
#: Code-switches in this many turns of one speaker make them a speaker who switches on purpose.
_DELIBERATE_TURNS = 3


def run(ctx: CheckContext) -> Iterator[Finding]:
    yield from _marker_spelling(ctx)
    yield from _marker_missing(ctx)
    yield from _foreign(ctx)


def _marker_spelling(ctx: CheckContext) -> Iterator[Finding]:
    """Spelling variants of one note, then different notes meaning the same thing (mixed conventions)."""
    text = ctx.transcript.text
    view = match_view(text)
    groups: dict[str, list[tuple[int, int, str]]] = defaultdict(list)
    meaning: dict[str, tuple[str | None, str | None]] = {}
    for m in CANDIDATE.finditer(view):
        spec = classify(folded(m.group(1) or m.group(2) or ""))
        if spec is not None and spec.kind is MarkerKind.INTERPRETER_NOTE and spec.interpretation:
            groups[spec.canonical].append((m.start(), m.end(), text[m.start() : m.end()]))
            meaning[spec.canonical] = (spec.source_language, spec.target_language)
    for canonical, found in groups.items():
        spellings = Counter(spelling for _, _, spelling in found)
        if len(spellings) < 2:
            continue
        usual, usual_count = spellings.most_common(1)[0]
        for start, end, spelling in found:
            if spelling == usual:
                continue
            case_only = spelling.casefold() == usual.casefold()
            finding = ctx.finding(
                "IA401", start, end,
                f"marker spelling: {spelling!r} differs from the usual {usual!r}"
                f"{' in letter case only' if case_only else ''} ({usual_count} of {len(found)} '{canonical}' markers)",
                suggestion=usual,
                severity=Severity.INFO if case_only else None,
            )
            if finding:
                yield finding
    yield from _mixed_conventions(ctx, groups, meaning)


def _mixed_conventions(
    ctx: CheckContext, groups: dict[str, list[tuple[int, int, str]]], meaning: dict[str, tuple[str | None, str | None]],
) -> Iterator[Finding]:
    """Interpreter notes of different wording that declare the same thing ("(Via interpreter)" and "(As interpreted)").

    The record's most frequent wording is the convention; the others are reported with it as the
    suggestion.  Notes that differ in what they declare ("del inglés" / "del francés") are different
    notes; one that leaves out a language the other names is only info (it may be deliberate).
    """
    if len(groups) < 2:
        return
    ranked = sorted(groups, key=lambda c: (-len(groups[c]), groups[c][0][0]))
    for canonical in ranked:
        source, target = meaning[canonical]
        for usual in ranked:
            if usual == canonical or len(groups[usual]) < len(groups[canonical]):
                continue
            if len(groups[usual]) == len(groups[canonical]) and ranked.index(usual) > ranked.index(canonical):
                continue
            u_source, u_target = meaning[usual]
            same = (source, target) == (u_source, u_target)
            compatible = all(a is None or b is None or a == b for a, b in ((source, u_source), (target, u_target)))
            if not (same or compatible):
                continue
            usual_spelling = Counter(sp for _, _, sp in groups[usual]).most_common(1)[0][0]
            for start, end, spelling in groups[canonical]:
                finding = ctx.finding(
                    "IA401", start, end,
                    f"marker convention: {spelling!r} and the record's usual {usual_spelling!r} "
                    + ("say the same thing" if same else "differ only in naming the language")
                    + f" ({len(groups[usual])} against {len(groups[canonical])})",
                    suggestion=usual_spelling if same else None,
                    severity=None if same else Severity.INFO,
                )
                if finding:
                    yield finding
            break


def _marker_missing(ctx: CheckContext) -> Iterator[Finding]:
    """Turns of a speaker interpreted elsewhere that carry no marker: info, a lead for a person to check.

    Leaders answer in English, thank in English, laugh: a turn with a language note, a stage
    note only, or one quotation says what it is and is skipped.
    """
    interpreted: dict[str, Turn] = {}
    for turn in ctx.transcript.turns:
        if turn.interpretation.interpreted and turn.speaker_id not in interpreted:
            interpreted[turn.speaker_id] = turn
    for turn in ctx.transcript.turns:
        example = interpreted.get(turn.speaker_id)
        if example is None or turn.interpretation.interpreted or not _has_speech(ctx, turn):
            continue
        if any(m.kind is MarkerKind.LANGUAGE_NOTE for m in turn.markers):
            continue  # the record says which language this turn was spoken in
        if _QUOTED.fullmatch(match_view(turn.body).strip()):
            continue  # a quotation said in the record's language (Carney quoting Juárez in Spanish)
        speaker = ctx.transcript.speaker(turn.speaker_id) if turn.speaker_id else None
        if speaker is not None and speaker.generic:
            continue
        marker = example.interpretation.marker.text if example.interpretation.marker else "an interpreter marker"
        finding = ctx.finding(
            "IA402", turn.label.start, turn.label.end,
            f"marker missing: {turn.label_text!r} is interpreted in turn {example.index} "
            f"({marker}) but this turn has no marker; fine if the speaker said it in this language",
            suggestion=None,
        )
        if finding:
            yield finding


def _has_speech(ctx: CheckContext, turn: Turn) -> bool:
    """True when the body has words outside its notes ("(Laughs.)" alone is not speech)."""
    body = list(ctx.masked_body(turn))
    for marker in turn.markers:
        for i in range(max(0, marker.start - turn.start), min(len(body), marker.end - turn.start)):
            body[i] = " "
    return bool(re.search(r"[^\W\d_]", "".join(body)[turn.body_start - turn.start : turn.body_end - turn.start]))


@lru_cache(maxsize=65536)
def _zipf(word: str, lang: str) -> float:
    return zipf(word, lang)


def foreign_runs(
    words: list[tuple[int, int, str]], record: str, *, margin: float, min_zipf: float, names: frozenset[str] = frozenset(),
) -> list[tuple[int, int, int, int]]:
    """Runs of words more likely in the other language: ``(first, last, foreign, total)`` word indices.

    Each word is foreign (``zipf_other - zipf_record >= margin`` and frequent
    in the other language), native (the reverse) or neutral (shared words like
    "a", "general", and loanwords such as "nearshoring" in Spanish).  A run
    starts and ends on a foreign word and may cross neutral ones; a capitalised
    word inside a sentence is a name, neutral.
    """
    labels: list[int] = []  # 1 foreign, -1 native, 0 neutral
    for i, (_, _, word) in enumerate(words):
        if folded(word) in names or (word[0].isupper() and i > 0) or _inside_name(words, i):
            labels.append(0)  # a name: neither language, and never the start of a run
            continue
        labels.append(_word_label(word, record, margin, min_zipf))
    labels = _attach_loans(labels)
    runs = []
    i = 0
    while i < len(labels):
        if labels[i] != 1:
            i += 1
            continue
        j = last = i
        while j < len(labels) and labels[j] != -1:
            if labels[j] == 1:
                last = j
            j += 1
        runs.append((i, last, sum(1 for k in range(i, last + 1) if labels[k] == 1), last - i + 1))
        i = last + 1
    return runs


@lru_cache(maxsize=65536)
def _word_label(word: str, record: str, margin: float, min_zipf: float) -> int:
    """A word's label before its neighbours are seen: 1 foreign, -1 native, 0 neutral, 2 loanword.

    Cached per distinct word: a record says the same words again and again."""
    if folded(word) in LOANWORDS.get(record, frozenset()):
        return 2  # a loanword: the other language only next to it ("mis amigos")
    low = word.lower()
    z_rec, z_oth = _zipf(low, record), _zipf(low, _OTHER.get(record, "es"))
    if z_oth >= min_zipf and z_oth - z_rec >= margin:
        return 1
    if z_rec - z_oth >= margin or (z_rec >= min_zipf and z_oth == 0):
        return -1
    return 0


def _inside_name(words: list[tuple[int, int, str]], i: int) -> bool:
    """A lower-case word between two capitalised ones is part of a name ("Noticias del Norte")."""
    return 0 < i < len(words) - 1 and words[i - 1][2][0].isupper() and words[i + 1][2][0].isupper()


def _attach_loans(labels: list[int]) -> list[int]:
    """Loanwords (label 2) count as foreign beside a foreign word, and as neutral elsewhere."""
    out = list(labels)
    for order in (range(len(out)), range(len(out) - 1, -1, -1)):
        for i in order:
            if out[i] == 2 and any(0 <= j < len(out) and out[j] == 1 for j in (i - 1, i + 1)):
                out[i] = 1
    return [0 if label == 2 else label for label in out]


#: Words that never label foreign, per (record language, margin, lowest Zipf): shared by every record
#: checked in a process (a cache: cleared when large).
_PLAIN: dict[tuple[str, float, float], set[str]] = {}


def _foreign(ctx: CheckContext) -> Iterator[Finding]:
    record = ctx.language
    if record not in _OTHER:
        return
    t = ctx.thresholds
    names = frozenset(ctx.roster)
    found: list[tuple[Turn, SentenceView, tuple[int, int, int, int], list[tuple[int, int, str]], bool]] = []
    # words that never label foreign: a sentence of only these has no run (names and loanwords
    # only ever make a word neutral or, beside a foreign word, foreign), told by one set test
    plain = _PLAIN.setdefault((record, t.code_switch_margin, t.code_switch_min_zipf), set())
    if len(plain) > 1 << 20:
        plain.clear()
    for turn in ctx.transcript.turns:
        if any(m.kind is MarkerKind.LANGUAGE_NOTE for m in turn.markers):
            continue
        if turn.interpretation.placeholder:
            continue
        for sentence in ctx.sentences(turn):
            tokens = sentence.letters  # the runs of ``_WORD``
            if plain.issuperset(tokens):
                continue
            new = set(tokens).difference(plain)
            plain.update(w for w in new if _word_label(w, record, t.code_switch_margin, t.code_switch_min_zipf) != 1)
            if plain.issuperset(new):
                continue
            italics = [(m.start(), m.end()) for m in _ITALIC.finditer(sentence.masked)]
            words = [(m.start(), m.end(), m.group()) for m in _WORD.finditer(sentence.masked)]
            for run in foreign_runs(words, record, margin=t.code_switch_margin, min_zipf=t.code_switch_min_zipf, names=names):
                first, last, foreign, _ = run
                if foreign < t.code_switch_min_words and not _single_switch(words[first][2], record):
                    continue
                marked = any(a <= words[first][0] and words[last][1] <= b for a, b in italics)
                found.append((turn, sentence, run, words, marked))
    switchers = _deliberate_switchers(ctx, found)
    for turn, sentence, run, words, marked in found:
        yield from _report_run(ctx, sentence, run, words, record, marked=marked,
                               deliberate=turn.speaker_id in switchers or _addressed(ctx, turn, run, words))


#: A foreign passage is a minority of its turn when it holds less than this share of the turn's words.
_MINORITY_SHARE = 0.5


def _addressed(ctx: CheckContext, turn: Turn, run: tuple[int, int, int, int], words: list[tuple[int, int, str]]) -> bool:
    """True for a passage that speaks to someone ("usted", "señor …") in a turn otherwise in the record's
    language: a reporter greeting the host in the host's language before asking in English is on purpose,
    and the record keeps what was said (judged false as IA403 warnings on a real press conference)."""
    first, last, _, _ = run
    if not any(w.lower() in SECOND_PERSON for _, _, w in words[first : last + 1]):
        return False
    turn_words = sum(len(_WORD.findall(s.masked)) for s in ctx.sentences(turn))
    return last - first + 1 < _MINORITY_SHARE * turn_words


def _single_switch(word: str, record: str) -> bool:
    """One word far more frequent in the other language: "our *paisanos*", "gracias"."""
    low = word.lower()
    return _zipf(low, _OTHER[record]) - _zipf(low, record) >= _SINGLE_MARGIN


def _deliberate_switchers(ctx: CheckContext, found: list[tuple[Turn, SentenceView, tuple[int, int, int, int], list[tuple[int, int, str]], bool]]) -> set[str]:
    """Speakers who switch language on purpose: a language note or an italic phrase anywhere in
    their turns, or code-switches in several turns."""
    switchers = {t.speaker_id for t in ctx.transcript.turns if any(m.kind is MarkerKind.LANGUAGE_NOTE for m in t.markers)}
    switchers |= {turn.speaker_id for turn, _, _, _, marked in found if marked}
    turns_with_switch: dict[str, set[int]] = defaultdict(set)
    for turn, _, _, _, _ in found:
        turns_with_switch[turn.speaker_id].add(turn.index)
    switchers |= {sid for sid, turns in turns_with_switch.items() if len(turns) >= _DELIBERATE_TURNS}
    return switchers


def _report_run(
    ctx: CheckContext, s: SentenceView, run: tuple[int, int, int, int], words: list[tuple[int, int, str]], record: str,
    *, marked: bool, deliberate: bool,
) -> Iterator[Finding]:
    t = ctx.thresholds
    first, last, foreign, total = run
    other = _OTHER[record]
    start, end = s.start + words[first][0], s.start + words[last][1]
    phrase = s.text[words[first][0] : words[last][1]]
    whole = total >= 0.8 * len(words) and len(words) >= 4
    if (foreign >= t.untranslated_min_words or whole) and not marked:
        code = "IA403"
        message = (f"untranslated passage: {total} words in {other!r} inside the {record!r} record with no "
                   f"interpreter or language marker ({phrase[:60]!r})")
        severity = Severity.INFO if deliberate else None
        if deliberate:
            message += "; the speaker switches language elsewhere too or speaks to someone in their language, so it may be on purpose"
    else:
        code, severity = "IA404", Severity.INFO
        how = " (set in italics: marked as foreign)" if marked else ""
        message = f"code-switch: {phrase!r} is {other!r} inside an {record!r} sentence{how}"
    finding = ctx.finding(code, start, end, message, severity=severity)
    if finding:
        yield finding

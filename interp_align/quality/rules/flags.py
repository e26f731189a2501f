"""Interpretation flags: marker spellings, missing markers, untranslated passages, code-switches.

A record that marks interpretation must do it the same way every time and on
every interpreted turn, and must not leave the other language in the text
unmarked.  Language is judged word by word against wordfreq frequencies so a
finding can name the words that tipped it.
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
from ..models import Finding
from .base import RuleInfo

__all__ = ["RULES", "foreign_runs", "run"]

RULES = (
    RuleInfo("IA401", "marker-spelling", "flags", Severity.WARNING, "An interpreter marker spelled differently from the document's usual form."),
    RuleInfo("IA402", "marker-missing", "flags", Severity.WARNING, "A turn by a speaker interpreted elsewhere that carries no interpreter marker."),
    RuleInfo("IA403", "untranslated", "flags", Severity.WARNING, "A passage in the other language with no marker: left untranslated."),
    RuleInfo("IA404", "code-switch", "flags", Severity.INFO, "A short phrase in the other language inside a sentence (a code-switch)."),
)

_OTHER = {"en": "es", "es": "en"}
_WORD = re.compile(r"[^\W\d_]+")
#: A body that is one quotation and nothing else: the speaker quoted it in this language.
_QUOTED = re.compile(r"[\"'][^\"]+[\"'][.,;:!?]*")


def run(ctx: CheckContext) -> Iterator[Finding]:
    yield from _marker_spelling(ctx)
    yield from _marker_missing(ctx)
    yield from _foreign(ctx)


def _marker_spelling(ctx: CheckContext) -> Iterator[Finding]:
    text = ctx.transcript.text
    view = match_view(text)
    groups: dict[str, list[tuple[int, int, str]]] = defaultdict(list)
    for m in CANDIDATE.finditer(view):
        spec = classify(folded(m.group(1) or m.group(2) or ""))
        if spec is not None and spec.kind is MarkerKind.INTERPRETER_NOTE and spec.interpretation:
            groups[spec.canonical].append((m.start(), m.end(), text[m.start() : m.end()]))
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


def _marker_missing(ctx: CheckContext) -> Iterator[Finding]:
    interpreted: dict[str, Turn] = {}
    for turn in ctx.transcript.turns:
        if turn.interpretation.interpreted and turn.speaker_id not in interpreted:
            interpreted[turn.speaker_id] = turn
    for turn in ctx.transcript.turns:
        example = interpreted.get(turn.speaker_id)
        if example is None or turn.interpretation.interpreted or not turn.body.strip():
            continue
        if _QUOTED.fullmatch(match_view(turn.body).strip()):
            continue  # a quotation said in the record's language (Carney quoting Juárez in Spanish)
        speaker = ctx.transcript.speaker(turn.speaker_id) if turn.speaker_id else None
        if speaker is not None and speaker.generic:
            continue
        marker = example.interpretation.marker.text if example.interpretation.marker else "an interpreter marker"
        finding = ctx.finding(
            "IA402", turn.label.start, turn.label.end,
            f"marker missing: {turn.label_text!r} is interpreted in turn {example.index} "
            f"({marker}) but this turn has no marker",
            suggestion=None,
        )
        if finding:
            yield finding


@lru_cache(maxsize=65536)
def _zipf(word: str, lang: str) -> float:
    return zipf(word, lang)


def foreign_runs(
    words: list[tuple[int, int, str]], record: str, *, margin: float, min_zipf: float, names: frozenset[str] = frozenset(),
) -> list[tuple[int, int, int, int]]:
    """Runs of words more likely in the other language: ``(first, last, foreign, total)`` word indices.

    Each word is foreign (``zipf_other - zipf_record >= margin`` and frequent
    in the other language), native (the reverse) or neutral (shared words like
    "a", "general").  A run starts and ends on a foreign word and may cross
    neutral ones; a capitalised word inside a sentence is a name, neutral.
    """
    other = _OTHER.get(record, "es")
    labels: list[int] = []  # 1 foreign, -1 native, 0 neutral
    for i, (_, _, word) in enumerate(words):
        low = word.lower()
        if folded(word) in names or (word[0].isupper() and i > 0):
            labels.append(0)  # a name: neither language, and never the start of a run
            continue
        z_rec, z_oth = _zipf(low, record), _zipf(low, other)
        if z_oth >= min_zipf and z_oth - z_rec >= margin:
            labels.append(1)
        elif z_rec - z_oth >= margin or (z_rec >= min_zipf and z_oth == 0):
            labels.append(-1)
        else:
            labels.append(0)
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


def _foreign(ctx: CheckContext) -> Iterator[Finding]:
    record = ctx.language
    if record not in _OTHER:
        return
    t = ctx.thresholds
    names = frozenset(ctx.roster)
    for turn in ctx.transcript.turns:
        if any(m.kind is MarkerKind.LANGUAGE_NOTE for m in turn.markers):
            continue
        if turn.interpretation.placeholder:
            continue
        for sentence in ctx.sentences(turn):
            yield from _sentence_foreign(ctx, sentence, record, names, t.code_switch_margin, t.code_switch_min_zipf)


def _sentence_foreign(
    ctx: CheckContext, s: SentenceView, record: str, names: frozenset[str], margin: float, min_zipf: float,
) -> Iterator[Finding]:
    t = ctx.thresholds
    words = [(m.start(), m.end(), m.group()) for m in _WORD.finditer(s.masked)]
    if not words:
        return
    other = _OTHER[record]
    for first, last, foreign, total in foreign_runs(words, record, margin=margin, min_zipf=min_zipf, names=names):
        if foreign < t.code_switch_min_words:
            continue
        start, end = s.start + words[first][0], s.start + words[last][1]
        phrase = s.text[words[first][0] : words[last][1]]
        whole = total >= 0.8 * len(words) and len(words) >= 4
        if foreign >= t.untranslated_min_words or whole:
            code, what = "IA403", "untranslated passage"
            message = (f"{what}: {total} words in {other!r} inside the {record!r} record with no "
                       f"interpreter or language marker ({phrase[:60]!r})")
        else:
            code = "IA404"
            message = f"code-switch: {phrase!r} is {other!r} inside an {record!r} sentence"
        finding = ctx.finding(code, start, end, message, severity=None if code == "IA403" else Severity.INFO)
        if finding:
            yield finding

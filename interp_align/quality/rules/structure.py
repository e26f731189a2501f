"""Structure: unlabelled speaker changes, empty turns, boilerplate and spam left in the record.

An unlabelled change is typically the moderator's introduction of the next
speaker ("Finally, … Dr. Elizabeth Sherwood-Randall.") transcribed inside the
previous speaker's turn: the words are right but attributed to the wrong voice.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ...lang.boilerplate import SPAM_WORDS, URL, chrome_reason
from ...models import BlockKind, MarkerKind, Severity, Turn
from ...normalize import fold, match_view
from ..context import CheckContext
from ..lexicon import HANDOVER_CUES, SECOND_PERSON, TITLES
from ..models import Finding
from .base import RuleInfo
from .gaps import GAP_RULES

__all__ = ["RULES", "run"]

RULES = (
    RuleInfo("IA501", "speaker-change", "structure", Severity.WARNING, "A paragraph in another voice inside a turn (an unlabelled hand-over)."),
    RuleInfo("IA502", "empty-turn", "structure", Severity.WARNING, "A labelled turn with no words."),
    RuleInfo("IA503", "boilerplate", "structure", Severity.WARNING, "Page chrome (comment forms, share buttons, related links) left in the record."),
    RuleInfo("IA504", "spam", "structure", Severity.WARNING, "Spam link text injected into the record (error when it follows page chrome)."),
    RuleInfo("IA505", "unattributed", "structure", Severity.INFO, "Prose between turns that no label attributes to a speaker."),
)

_PARAGRAPH = re.compile(r"\S(?:.|\n(?!\s*\n))*", re.UNICODE)
_BLANK_LINE = re.compile(r"\n\s*\n")
_FIRST_PERSON = {"i", "we", "me", "my", "our", "us", "yo", "nosotros", "mi", "nuestro", "nuestra"}
#: A paragraph that opens with one of the language's hand-over cues, the cue a whole word: one
#: alternation (it backtracks into the next cue as a loop of ``re.match`` calls would try it).
_HANDOVER_CUE = {lang: re.compile(rf"(?:{'|'.join(map(re.escape, cues))})\b") for lang, cues in HANDOVER_CUES.items()}
_NAMEISH = re.compile(r"\b[A-ZÁÉÍÓÚÑ][\w'’-]+(?:\s+[A-ZÁÉÍÓÚÑ][\w'’-]+)+")


def run(ctx: CheckContext) -> Iterator[Finding]:
    yield from _handovers(ctx)
    yield from _empty(ctx)
    yield from _boilerplate(ctx)


def _handovers(ctx: CheckContext) -> Iterator[Finding]:
    turns = ctx.transcript.turns
    for turn in turns:
        masked = ctx.masked_body(turn)
        offset, end = turn.body_start - turn.start, turn.body_end - turn.start
        if _BLANK_LINE.search(masked, offset, end) is None:
            continue  # one paragraph at most (only a blank line ends one), and the first is never a hand-over
        paragraphs = list(_PARAGRAPH.finditer(masked, offset, end))
        for k, para in enumerate(paragraphs):
            if k == 0:
                continue
            text = para.group()
            who = _introduces(ctx, text)
            if who is None:
                continue
            nxt = turns[turn.index + 1] if turn.index + 1 < len(turns) else None
            goes_on = k < len(paragraphs) - 1
            tail = (" and the turn goes on in another voice" if goes_on
                    else f"; the next turn is {nxt.label_text!r}" if nxt else "")
            finding = ctx.finding(
                "IA501", turn.start + para.start(), turn.start + para.end(),
                f"speaker change: this paragraph introduces {who!r} inside the turn of {turn.label_text!r}, "
                f"in the voice of whoever chairs{tail}; it needs its own label",
            )
            if finding:
                yield finding


def _introduces(ctx: CheckContext, paragraph: str) -> str | None:
    """The person a short presentational paragraph introduces, or ``None``."""
    limit = ctx.thresholds.handover_max_words
    words = paragraph.split(None, limit)  # more than ``limit`` words is all the test needs to know
    if not words or len(words) > limit:
        return None
    folded = fold(match_view(paragraph))
    lang = ctx.language if ctx.language in HANDOVER_CUES else "en"
    if _HANDOVER_CUE[lang].match(folded) is None:
        return None
    tokens = set(re.findall(r"[a-z]+", folded))
    if tokens & (_FIRST_PERSON | SECOND_PERSON):
        return None  # "Over to you, Dr. Walensky": the speaker of the turn hands over in their own voice
    roster = ctx.roster
    named = [w for w in re.findall(r"[^\W\d_][\w'’-]*", paragraph) if fold(w) in roster and w[0].isupper()]
    has_title = bool(tokens & TITLES)
    if named and has_title:
        phrase = _NAMEISH.findall(paragraph)
        return phrase[-1] if phrase else roster[fold(named[-1])]
    return None


def _body_is_empty(ctx: CheckContext, turn: Turn) -> bool:
    body = ctx.masked_body(turn)[turn.body_start - turn.start : turn.body_end - turn.start]
    for marker in turn.markers:  # every note blanks out: "(Applause)" alone is not speech
        a, b = marker.start - turn.body_start, marker.end - turn.body_start
        if 0 <= a <= b <= len(body):
            body = body[:a] + " " * (b - a) + body[b:]
    return not re.search(r"\w", body)


def _empty(ctx: CheckContext) -> Iterator[Finding]:
    for turn in ctx.transcript.turns:
        if not _body_is_empty(ctx, turn) or any(m.kind in GAP_RULES for m in turn.markers):
            continue  # a turn holding only "(inaudible)" is a gap, reported as such
        if turn.interpretation.placeholder:
            message = f"empty turn: {turn.label_text!r} has only the placeholder note; the words are not in this record"
            severity = Severity.INFO
        elif any(m.kind not in (MarkerKind.INTERPRETER_NOTE, MarkerKind.LANGUAGE_NOTE) for m in turn.markers):
            continue  # "PRESIDENT DUDA:  (Laughs.)": a turn of laughter or applause is what happened
        else:
            message = f"empty turn: {turn.label_text!r} has a label and no words"
            severity = Severity.WARNING
        finding = ctx.finding("IA502", turn.label.start, turn.end, message, severity=severity)
        if finding:
            yield finding


#: Boilerplate reasons that are the record's own end, not page chrome: never reported.
_RECORD_ENDS = frozenset({"end mark", "closing time line"})


def _boilerplate(ctx: CheckContext) -> Iterator[Finding]:
    seen: set[int] = set()
    after_chrome = False
    for block in ctx.transcript.blocks:
        if block.kind is BlockKind.BOILERPLATE:
            reason: str = block.reason or "boilerplate"
            if reason in _RECORD_ENDS:
                continue
            code = "IA504" if "spam" in reason else "IA503"
            seen.add(block.start)
            severity = _boilerplate_severity(code, reason, block.text, after_chrome)
            after_chrome = after_chrome or reason.startswith("page chrome")
            finding = ctx.finding(code, block.start, block.end,
                                  f"{'spam' if code == 'IA504' else 'boilerplate'} left in the record ({reason}): "
                                  f"{' '.join(block.text.split())[:60]!r}", severity=severity,
                                  suggestion="" if _removable(reason, after_chrome) else None)
            if finding:
                yield finding
        elif block.kind is BlockKind.UNATTRIBUTED and ctx.transcript.turns and block.start > ctx.transcript.turns[0].start:
            finding = ctx.finding("IA505", block.start, block.end,
                                  "unattributed text between turns: no label says who said it")
            if finding:
                yield finding
    if ctx.transcript.turns:
        yield from _chrome_in_last_turn(ctx, ctx.transcript.turns[-1], seen)


def _removable(reason: str, after_chrome: bool) -> bool:
    """Page chrome, and spam after it, are certainly no part of the record: the empty suggestion removes
    them (``check --fix`` moves them to a sidecar file).  Spam words alone may be a name ("Maria
    Casino"), and a web address may be the publisher's own note: not removed."""
    return reason.startswith("page chrome") or ("spam" in reason and after_chrome)


def _boilerplate_severity(code: str, reason: str, text: str, after_chrome: bool) -> Severity | None:
    """Spam after page chrome is certain (a scraped footer): error.  Elsewhere one spam word in a
    short line may be a name ("Maria Casino, Radio Uno"): info; two or a link: the default warning.
    A web address alone may be the publisher's own note: info."""
    if reason == "link":
        return Severity.INFO
    if code != "IA504":
        return None
    if after_chrome:
        return Severity.ERROR
    evidence = len(SPAM_WORDS.findall(fold(match_view(text)))) + bool(URL.search(text))
    return None if evidence >= 2 else Severity.INFO


def _chrome_in_last_turn(ctx: CheckContext, turn: Turn, seen: set[int]) -> Iterator[Finding]:
    """Page chrome the parser left glued to the end of the last turn: trailing lines of their own.

    Only the tail of the last turn is read, from its last line back while lines are chrome, and
    only when they stand apart (a blank line before them, or two chrome lines or more): "comments."
    ending a wrapped sentence and a speaker who says "Facebook…" are speech.
    """
    text = ctx.transcript.text
    lines: list[tuple[int, str]] = []
    pos = turn.body_start
    for line in text[turn.body_start : turn.body_end].split("\n"):
        lines.append((pos, line))
        pos += len(line) + 1
    tail: list[tuple[int, str, str]] = []
    separated = False
    for start, line in reversed(lines[1:]):
        if not line.strip():
            separated = bool(tail)
            continue
        why = chrome_reason(match_view(line))
        if not why or why in _RECORD_ENDS:
            break
        separated = False
        tail.append((start, line, why))
    if not (separated or len(tail) >= 2):
        return
    chrome_before = False
    for start, line, why in reversed(tail):
        removable = _removable(why, chrome_before)
        chrome_before = chrome_before or why.startswith("page chrome")
        if start in seen:
            continue
        code = "IA504" if "spam" in why else "IA503"
        finding = ctx.finding(code, start, start + len(line.rstrip()),
                              f"{'spam' if code == 'IA504' else 'boilerplate'} inside a turn ({why})",
                              suggestion="" if removable else None)
        if finding:
            yield finding

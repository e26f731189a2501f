"""Structure: unlabelled speaker changes, empty turns, boilerplate and spam left in the record.

An unlabelled change is typically the moderator's introduction of the next
speaker ("Finally, … Dr. Elizabeth Sherwood-Randall.") transcribed inside the
previous speaker's turn: the words are right but attributed to the wrong voice.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ...lang.boilerplate import chrome_reason
from ...models import BlockKind, Severity, Turn
from ...normalize import fold, match_view
from ..context import CheckContext
from ..lexicon import HANDOVER_CUES, TITLES
from ..models import Finding
from .base import RuleInfo
from .gaps import GAP_RULES

__all__ = ["RULES", "run"]

RULES = (
    RuleInfo("IA501", "speaker-change", "structure", Severity.WARNING, "A paragraph in another voice inside a turn (an unlabelled hand-over)."),
    RuleInfo("IA502", "empty-turn", "structure", Severity.WARNING, "A labelled turn with no words."),
    RuleInfo("IA503", "boilerplate", "structure", Severity.WARNING, "Page chrome (comment forms, share buttons, related links) left in the record."),
    RuleInfo("IA504", "spam", "structure", Severity.ERROR, "Spam link text injected into the record."),
    RuleInfo("IA505", "unattributed", "structure", Severity.INFO, "Prose between turns that no label attributes to a speaker."),
)

_PARAGRAPH = re.compile(r"\S(?:.|\n(?!\s*\n))*", re.UNICODE)
_FIRST_PERSON = {"i", "we", "me", "my", "our", "us", "yo", "nosotros", "mi", "nuestro", "nuestra"}
_NAMEISH = re.compile(r"\b[A-ZÁÉÍÓÚÑ][\w'’-]+(?:\s+[A-ZÁÉÍÓÚÑ][\w'’-]+)+")


def run(ctx: CheckContext) -> Iterator[Finding]:
    yield from _handovers(ctx)
    yield from _empty(ctx)
    yield from _boilerplate(ctx)


def _handovers(ctx: CheckContext) -> Iterator[Finding]:
    turns = ctx.transcript.turns
    for turn in turns:
        masked = ctx.masked_body(turn)
        offset = turn.body_start - turn.start
        paragraphs = list(_PARAGRAPH.finditer(masked, offset, turn.body_end - turn.start))
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
    words = paragraph.split()
    if not words or len(words) > ctx.thresholds.handover_max_words:
        return None
    folded = fold(match_view(paragraph))
    lang = ctx.language if ctx.language in HANDOVER_CUES else "en"
    if not any(re.match(rf"{re.escape(cue)}\b", folded) for cue in HANDOVER_CUES[lang]):
        return None
    tokens = set(re.findall(r"[a-z]+", folded))
    if tokens & _FIRST_PERSON:
        return None
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
        else:
            message = f"empty turn: {turn.label_text!r} has a label and no words"
            severity = Severity.WARNING
        finding = ctx.finding("IA502", turn.label.start, turn.end, message, severity=severity)
        if finding:
            yield finding


def _boilerplate(ctx: CheckContext) -> Iterator[Finding]:
    seen: set[int] = set()
    for block in ctx.transcript.blocks:
        if block.kind is BlockKind.BOILERPLATE:
            reason: str = block.reason or "boilerplate"
            if reason == "end mark":
                continue
            code = "IA504" if "spam" in reason else "IA503"
            seen.add(block.start)
            finding = ctx.finding(code, block.start, block.end,
                                  f"{'spam' if code == 'IA504' else 'boilerplate'} left in the record ({reason}): "
                                  f"{' '.join(block.text.split())[:60]!r}")
            if finding:
                yield finding
        elif block.kind is BlockKind.UNATTRIBUTED and ctx.transcript.turns and block.start > ctx.transcript.turns[0].start:
            finding = ctx.finding("IA505", block.start, block.end,
                                  "unattributed text between turns: no label says who said it")
            if finding:
                yield finding
    # chrome the parser left inside a turn body (a line of page furniture glued to the last turn)
    text = ctx.transcript.text
    for turn in ctx.transcript.turns:
        pos = turn.body_start
        for line in text[turn.body_start : turn.body_end].split("\n"):
            why = chrome_reason(match_view(line))
            if why and why != "end mark" and pos not in seen:
                code = "IA504" if "spam" in why else "IA503"
                finding = ctx.finding(code, pos, pos + len(line.rstrip()),
                                      f"{'spam' if code == 'IA504' else 'boilerplate'} inside a turn ({why})")
                if finding:
                    yield finding
            pos += len(line) + 1

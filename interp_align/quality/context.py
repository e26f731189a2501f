"""What every rule sees: the transcript, the settings, and helpers to place findings.

Rules never compute line numbers or look up settings themselves: they call
``ctx.finding(code, start, end, message)`` and the context resolves the span to
line/column, applies selection and severity overrides, and attaches the turn
and speaker, so every finding is located the same way.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cached_property

from ..models import Alignment, MarkerKind, Severity, Transcript, Turn
from ..normalize import fold, match_view
from ..segment import split_sentences
from .config import QualityConfig
from .models import Finding, Location, ReferenceScores
from .rules.base import RuleInfo, all_rules

__all__ = ["CheckContext", "SentenceView", "build_roster", "line_starts", "locate"]


@dataclass(frozen=True)
class SentenceView:
    """A sentence of a turn as rules see it: offsets, text, and text with notes blanked."""

    index: int
    start: int
    end: int
    text: str
    masked: str
    view: str  # ``match_view(masked)``: straight quotes, "-" for every dash, same length

    @cached_property
    def letters(self) -> list[str]:
        """The runs of letters of ``masked``, made once for every rule that reads the sentence word by word.

        They are the runs of ``view`` too: ``match_view`` changes no letter and makes none."""
        return _LETTERS.findall(self.masked)


_LETTERS = re.compile(r"[^\W\d_]+")


def line_starts(text: str) -> list[int]:
    """Offsets at which each line of ``text`` begins."""
    return [0, *(m.end() for m in re.finditer("\n", text))]


def locate(
    text: str, starts: list[int], start: int, end: int, *, path: str | None = None,
    turn: int | None = None, speaker: str | None = None,
) -> Location:
    """A :class:`Location` with 1-based line/column (columns count code points)."""
    line = bisect.bisect_right(starts, start)
    end_line = bisect.bisect_right(starts, max(start, end - 1)) if end > start else line
    # SARIF convention: ``end_column`` is the column just after the last character
    end_col = end - starts[end_line - 1] + 1 if end > start else start - starts[line - 1] + 1
    excerpt = " ".join(text[start:end].split())
    if len(excerpt) > 160:
        excerpt = excerpt[:157] + "..."
    return Location(
        path=path, start=start, end=end, line=line, column=start - starts[line - 1] + 1,
        end_line=end_line, end_column=max(1, end_col), excerpt=excerpt, turn=turn, speaker=speaker,
    )


class CheckContext:
    """One check run over one transcript (and optionally its original and a reference)."""

    def __init__(
        self,
        transcript: Transcript,
        config: QualityConfig,
        *,
        alignment: Alignment | None = None,
        reference: Transcript | None = None,
    ) -> None:
        self.transcript = transcript
        self.config = config
        self.alignment = alignment
        self.reference = reference
        self.thresholds = config.thresholds
        self._rules = {r.code: r for r in all_rules()}
        self._starts = line_starts(transcript.text)
        self._starts_by_id: dict[int, list[int]] = {}
        self._turn_starts_by_id: dict[int, list[int]] = {}
        #: Set by ``check`` before rules run, when a reference translation is given.
        self.reference_scores: ReferenceScores | None = None

    @property
    def path(self) -> str | None:
        return self.transcript.path

    @cached_property
    def language(self) -> str:
        """The record's main language (``"en"`` when nothing says otherwise)."""
        tag = self.transcript.language
        return tag.code.split("-")[0] if tag else "en"

    def turn_language(self, turn: Turn) -> str:
        """The language a turn is written in: its tag, else the record's."""
        return turn.language.code.split("-")[0] if turn.language else self.language

    def enabled(self, code: str) -> bool:
        return self.config.enabled(self._rules[code])

    def rule(self, code: str) -> RuleInfo:
        return self._rules[code]

    def turn_at(self, offset: int, transcript: Transcript | None = None) -> Turn | None:
        """The turn whose span contains ``offset``: bisection over the turn starts, built once per transcript.

        Turns are sorted and never overlap, so the only candidate is the last
        turn starting at or before ``offset`` (an empty turn covers its start).
        """
        source = transcript or self.transcript
        key = id(source)
        starts = self._turn_starts_by_id.get(key)
        if starts is None:
            starts = self._turn_starts_by_id[key] = [t.start for t in source.turns]
        i = bisect.bisect_right(starts, offset) - 1
        if i < 0:
            return None
        turn = source.turns[i]
        return turn if turn.start <= offset < max(turn.end, turn.start + 1) else None

    def location(self, start: int, end: int, transcript: Transcript | None = None) -> Location:
        """Locate a span in the checked transcript, or in another one (the Spanish original)."""
        source = transcript or self.transcript
        if source is self.transcript:
            starts = self._starts
        else:
            starts = self._starts_by_id.get(id(source)) or self._starts_by_id.setdefault(
                id(source), line_starts(source.text))
        turn = self.turn_at(start, source)
        speaker = turn.speaker_id if turn else None
        return locate(source.text, starts, start, end, path=source.path,
                      turn=turn.index if turn else None, speaker=speaker)

    def finding(
        self,
        code: str,
        start: int,
        end: int,
        message: str,
        *,
        suggestion: str | None = None,
        related: Iterable[Location] = (),
        score: float | None = None,
        severity: Severity | None = None,
    ) -> Finding | None:
        """A finding for rule ``code`` at ``[start, end)``, or ``None`` if the rule is off.

        ``severity`` lets a rule lower or raise one finding (an accent-only name
        difference); a configured override always wins.
        """
        rule = self._rules[code]
        if not self.config.enabled(rule):
            return None
        configured = self.config.severity.get(rule.code) or self.config.severity.get(rule.name)
        return Finding(
            rule=rule.code, name=rule.name, severity=configured or severity or rule.severity,
            message=message, location=self.location(start, end), suggestion=suggestion,
            related=tuple(related), score=score,
        )

    # -- views of turns -------------------------------------------------------------------

    def masked_body(self, turn: Turn) -> str:
        """The whole turn text with interpreter and language notes blanked (same length).

        Made once per turn (rules and metrics ask for it many times); a turn with no such
        note is its text."""
        cache: dict[int, tuple[Turn, str]] = self.__dict__.setdefault("_masked_bodies", {})
        found = cache.get(id(turn))
        if found is None:  # the turn is kept with its mask, so its id is not reused
            found = cache[id(turn)] = (turn, self._mask(turn))
        return found[1]

    def masked_view(self, turn: Turn) -> str:
        """``match_view`` of :meth:`masked_body`, made once per turn: a sentence's view is a slice of it
        (``match_view`` maps character by character), which saves a pass per sentence."""
        cache: dict[int, tuple[Turn, str]] = self.__dict__.setdefault("_masked_views", {})
        found = cache.get(id(turn))
        if found is None:
            found = cache[id(turn)] = (turn, match_view(self.masked_body(turn)))
        return found[1]

    @staticmethod
    def _mask(turn: Turn) -> str:
        notes = [m for m in turn.markers if m.kind in (MarkerKind.INTERPRETER_NOTE, MarkerKind.LANGUAGE_NOTE)]
        if not notes:
            return turn.text
        size = len(turn.text)
        spans = sorted((m.start - turn.start, min(m.end - turn.start, size)) for m in notes)
        if spans[0][0] < 0:  # a note before the turn: blank it as the plain loop does (from the end)
            text = list(turn.text)
            for a, b in spans:
                for i in range(a, b):
                    text[i] = " "
            return "".join(text)
        return _blank(turn.text, spans)

    def sentences(self, turn: Turn) -> list[SentenceView]:
        """The turn's sentences (the segmenter's when present, a plain split otherwise)."""
        return self._sentences(turn.index)

    def sentence_count(self, turn: Turn) -> int:
        """``len(self.sentences(turn))`` without the copy: each turn is counted in three scopes."""
        cache = self.__dict__.get("_sentence_cache")
        found = cache.get(turn.index) if cache is not None else None
        return len(found) if found is not None else len(self._sentences(turn.index))

    def _sentences(self, index: int) -> list[SentenceView]:
        cache = self.__dict__.setdefault("_sentence_cache", {})
        if index in cache:
            return list(cache[index])
        turn = self.transcript.turns[index]
        masked = self.masked_body(turn)
        view = self.masked_view(turn)
        spans = turn.sentences.offsets() or _split(turn, masked)
        views = [
            SentenceView(i, a, b, self.transcript.text[a:b], masked[a - turn.start : b - turn.start],
                         view[a - turn.start : b - turn.start])
            for i, (a, b) in enumerate(spans)
        ]
        cache[index] = views
        return list(views)

    @cached_property
    def roster(self) -> dict[str, str]:
        """Folded name token → its best-spelled form, from speaker names and labels."""
        return build_roster(self.transcript)


def build_roster(transcript: Transcript) -> dict[str, str]:
    """Folded name token → best spelling, from the speakers of ``transcript``.

    Uses the parsed name when the parser split one from the role, the whole
    label otherwise; role-only speakers (QUESTION, MODERATOR) add nothing.
    """
    best: dict[str, tuple[bool, str]] = {}
    for speaker in transcript.speakers:
        if speaker.generic:
            continue
        for source in (speaker.name,) if speaker.name else speaker.labels:
            for token in re.findall(r"[^\W\d_][^\W\d_'’-]*(?:-[^\W\d_]+)*", source):
                if len(token) < 3:
                    continue
                key = fold(token)
                # a name-cased spelling ("Rodríguez") beats an upper-case label ("RODRÍGUEZ")
                cased = not token.isupper()
                pretty = token if cased else "-".join(p.capitalize() for p in token.split("-"))
                if key not in best or cased > best[key][0]:
                    best[key] = (cased, pretty)
    return {key: pretty for key, (_, pretty) in best.items()}


def _blank(text: str, spans: list[tuple[int, int]]) -> str:
    """``text`` with every character of the sorted, non-negative ``spans`` made a space, a slice
    at a time (overlapping notes blank once; an empty or reversed span blanks nothing)."""
    pieces: list[str] = []
    done = 0
    for a, b in spans:
        a = max(a, done)
        if b > a:
            pieces += (text[done:a], " " * (b - a))
            done = b
    pieces.append(text[done:])
    return "".join(pieces)


def _split(turn: Turn, masked: str) -> list[tuple[int, int]]:
    """Sentence spans of a turn the parser did not segment, with notes blanked out."""
    lang = turn.language.code.split("-")[0] if turn.language else "en"
    spans = split_sentences(masked, turn.body_start - turn.start, turn.body_end - turn.start, language=lang)
    return [(turn.start + a, turn.start + b) for a, b in spans]

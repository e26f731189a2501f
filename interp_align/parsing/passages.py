"""Which stretches of a turn are original, interpreted or untranscribed, read from its notes.

Notes act where they stand, not only after the label:

* an interpreter note (``(As interpreted.)``, ``(INTERPRETACIÓN DEL INGLÉS AL
  ESPAÑOL)``, ``(Interpreting.)``) opens an interpreted passage; a language note
  right before it (``(Speaks French.)``) names the source language;
* ``(Finaliza interpretación)`` ends one;
* a language note in the record's own language (``(In English.)``) returns to
  the speaker's original words;
* a language note with no rendering (``(Speaks Spanish.)``, ``(Speaks Spanish.)
  (No translation provided.)``, ``(Mensaje en inglés)``) is untranscribed speech,
  after which the turn goes on as before — except at the very start of a turn
  when words follow on the same line (``(In Spanish) Good morning``): those words
  are the rendering;
* stage directions (``(inaudible)``, ``(Applause.)``) change nothing.

A turn whose words are all inside notes is a placeholder.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass

from .._spans import constructor
from ..lang import markers as roles
from ..models import Interpretation, Marker, Passage, PassageKind
from .notes import Note

__all__ = ["read_passages", "summarise"]

_GAP = re.compile(r"[\s.:;,\-]*")
_WORDLIKE = re.compile(r"[^\W_]")
_OTHER = {"en": "es", "es": "en"}


@dataclass
class _State:
    kind: PassageKind
    start: int
    source: str | None = None
    target: str | None = None
    marker: Marker | None = None


def read_passages(
    view: str,
    notes: Sequence[Note],
    body_start: int,
    body_end: int,
    record: str,
    *,
    pair_default: bool = True,
) -> list[Passage]:
    """Passages of the body ``[body_start, body_end)``; ``notes`` are the turn's notes, sorted.

    An interpreter note that names no source language takes the speaker's language
    from a language note in the same turn (before or after it: "(As interpreted.) …
    (In Arabic.)"), else — with ``pair_default``, for publishers of English–Spanish
    events — the other language of the pair, else none.
    """
    if body_start >= body_end:
        return []
    role_notes = [n for n in notes if n.spec.role is not None and n.marker.end <= body_end] if notes else notes
    if not role_notes:  # most turns: one original passage, if it holds a word
        return _original(view, body_start, body_end)
    out: list[Passage] = []
    state = _State(PassageKind.ORIGINAL, body_start)
    groups = []
    i = 0
    while i < len(role_notes):
        groups.append(_adjacent(view, role_notes, i))
        i += len(groups[-1])
    spoken = _speaker_language(groups, record)
    for group in groups:
        start = max(group[0].marker.start, body_start)
        end = group[-1].marker.end
        found = {n.spec.role: n for n in reversed(group)}
        declared = next((n.spec.source_language for n in group if n.spec.role in (roles.SPOKEN, roles.UNTRANSLATED) and n.spec.source_language), None)
        if declared is not None and declared != record:
            spoken = declared  # the speaker's language, for a later "(As interpreted.)" that names none
        if roles.INTERPRETATION in found:
            note = found[roles.INTERPRETATION]
            target = note.spec.target_language or record
            source = note.spec.source_language or spoken or (_OTHER.get(target) if pair_default else None)
            kind = PassageKind.ORIGINAL if source == target else PassageKind.INTERPRETED
            state = _switch(view, out, state, _State(kind, start, source, target, note.marker))
        elif roles.END in found:
            state = _switch(view, out, state, _State(PassageKind.ORIGINAL, end))
        elif roles.UNTRANSLATED in found or declared != record:
            note = found.get(roles.SPOKEN) or found[roles.UNTRANSLATED]
            opening = (
                declared is not None
                and roles.UNTRANSLATED not in found
                and _at_start(view, notes, body_start, start)
                and _words_follow(view, notes, end, body_end)
            )
            if opening:  # "(In Spanish) Good morning": the words after a named language are its rendering
                state = _switch(view, out, state, _State(PassageKind.INTERPRETED, start, declared, record, note.marker))
                continue
            resume = _State(state.kind, end, state.source, state.target, state.marker)
            state = _switch(view, out, state, _State(PassageKind.UNTRANSCRIBED, start, declared, None, note.marker))
            state = _switch(view, out, state, resume, force=True)
        else:  # a language note naming the record's own language: "(In English.)"
            state = _switch(view, out, state, _State(PassageKind.ORIGINAL, start, declared, record, found[roles.SPOKEN].marker))
    _close(view, out, state, body_end)
    return out


def _speaker_language(groups: Sequence[Sequence[Note]], record: str) -> str | None:
    """A foreign language a lone language note of the turn names ("… (In Arabic.)"): the speaker's.

    A language note that opens an interpreted passage ("(Speaks French.) (As interpreted.)")
    names a switch for that passage only, so it says nothing about the rest of the turn.
    """
    for group in groups:
        if any(n.spec.role == roles.INTERPRETATION for n in group):
            continue
        for note in group:
            if note.spec.role in (roles.SPOKEN, roles.UNTRANSLATED) and note.spec.source_language not in (None, record):
                return note.spec.source_language
    return None


def _adjacent(view: str, notes: Sequence[Note], i: int) -> list[Note]:
    """Notes from ``i`` on that follow each other with only spaces or punctuation between them."""
    group = [notes[i]]
    while i + len(group) < len(notes):
        nxt = notes[i + len(group)]
        gap = _GAP.match(view, group[-1].marker.end, nxt.marker.start)
        if gap is None or gap.end() != nxt.marker.start or "\n\n" in view[group[-1].marker.end : nxt.marker.start]:
            break
        group.append(nxt)
    return group


def _masked_words(view: str, notes: Sequence[Note], start: int, end: int) -> bool:
    """Whether ``view[start:end]`` has a letter or digit outside every note (``notes`` sorted)."""
    pos = start
    first = bisect.bisect_left([n.marker.end for n in notes], start) if len(notes) > 8 else 0
    for note in notes[first:]:
        if note.marker.start >= end:
            break
        lo, hi = max(note.marker.start, start), min(note.marker.end, end)
        if lo >= hi:
            continue
        if _WORDLIKE.search(view, pos, lo):
            return True
        pos = max(pos, hi)
    return _WORDLIKE.search(view, pos, end) is not None


def _at_start(view: str, notes: Sequence[Note], body_start: int, start: int) -> bool:
    return not _masked_words(view, notes, body_start, start)


def _words_follow(view: str, notes: Sequence[Note], end: int, body_end: int) -> bool:
    """Words after ``end`` on the same line (a paragraph break ends the note's reach)."""
    nl = view.find("\n", end, body_end)
    return _masked_words(view, notes, end, body_end if nl < 0 else nl)


def _switch(view: str, out: list[Passage], state: _State, new: _State, *, force: bool = False) -> _State:
    """Close the current passage at ``new.start`` (if it holds anything) and open ``new``."""
    if not force and new.kind is state.kind and new.source == state.source and new.marker is None:
        return state
    _close(view, out, state, new.start)
    return new


def _original(view: str, start: int, end: int) -> list[Passage]:
    """The passages of a body without role notes (most turns): ``_close`` of one original
    passage, without the state that reading notes needs."""
    stop = end
    while start < stop and view[start].isspace():
        start += 1
    while stop > start and view[stop - 1].isspace():
        stop -= 1
    if start >= stop or not _WORDLIKE.search(view, start, stop):
        return []
    return [_PASSAGE(start, stop, PassageKind.ORIGINAL, None, None, None)]


def _close(view: str, out: list[Passage], state: _State, end: int) -> None:
    start, stop = state.start, end
    while start < stop and view[start].isspace():
        start += 1
    while stop > start and view[stop - 1].isspace():
        stop -= 1
    if start >= stop:
        return
    if state.kind is not PassageKind.UNTRANSCRIBED and not _WORDLIKE.search(view, start, stop):
        return  # only punctuation between two notes
    out.append(_PASSAGE(start, stop, state.kind, state.source, state.target, state.marker))


_PASSAGE = constructor(Passage, "start", "end", "kind", "source_language", "target_language", "marker")
_INTERPRETED = constructor(Interpretation, "interpreted", "marker", "source_language", "target_language", "placeholder")
_UNTRANSCRIBED = constructor(Interpretation, "marker", "source_language", "placeholder")
_DECLARED = constructor(Interpretation, "marker", "source_language", "target_language")
#: The summary of most turns, shared (models are frozen).
_NOT_INTERPRETED = Interpretation()


def summarise(view: str, notes: Sequence[Note], passages: Sequence[Passage], body_start: int, body_end: int) -> Interpretation:
    """The turn-level view of its passages: interpreted or not, from and into what, placeholder or not."""
    if not notes:
        return _NOT_INTERPRETED  # most turns: one original passage, no marker (``read_passages``)
    words = body_start < body_end and _masked_words(view, notes, body_start, body_end)
    interpreted = next((p for p in passages if p.kind is PassageKind.INTERPRETED), None)
    if interpreted is not None:
        source = next((p.source_language for p in passages if p.kind is PassageKind.INTERPRETED and p.source_language), None)
        return _INTERPRETED(True, interpreted.marker, source, interpreted.target_language, not words)
    untranscribed = next((p for p in passages if p.kind is PassageKind.UNTRANSCRIBED), None)
    if untranscribed is not None:
        return _UNTRANSCRIBED(untranscribed.marker, untranscribed.source_language, not words)
    declared = next((p for p in passages if p.marker is not None), None)
    if declared is not None:
        return _DECLARED(declared.marker, declared.source_language, declared.target_language)
    return _NOT_INTERPRETED

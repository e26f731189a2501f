"""From label texts to people: split role from name, link labels that name the same person.

Labels vary within one record ("JANET YELLEN" / "JANET YELLEN, SECRETARIA DEL
TESORO ..."; "ROGELIO RAMÍREZ DE LA O" / "ROGELIO EDUARDO RAMÍREZ DE LA O"), so
speakers are keyed on the accent- and case-folded *name*, and a name is merged
into a longer one when its words are a subset ending in the same surname.
Role-only labels (QUESTION, PREGUNTA, MODERADOR) become generic speakers.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass

from .lang.labels import EN_ROLE_WORDS, ES_OFFICE_WORDS, ES_ROLE_HEADS, GENERIC_LABELS, ROLE_NOUNS
from .models import Speaker
from .normalize import fold, match_view

__all__ = ["UNIDENTIFIED", "LabelParts", "build_speakers", "split_label"]

#: Speaker id for turns whose block carries no label (only an interpreter note).
UNIDENTIFIED = "unidentified"

_LOWER_WORDS = frozenset(
    {"de", "del", "la", "las", "los", "el", "y", "e", "of", "the", "and", "para", "en"}
)


@dataclass(frozen=True)
class LabelParts:
    """A label split into display name, display role and whether it is role-only."""

    name: str | None
    role: str | None
    generic: bool
    key: str | None = None  # for generic labels: the role they name ("preguna" → "pregunta")


def _display(words: Sequence[str]) -> str | None:
    if not words:
        return None
    out = []
    for i, word in enumerate(words):
        low = word.lower()
        if i and low in _LOWER_WORDS:
            out.append(low)
        else:
            out.append("-".join(part[:1].upper() + part[1:].lower() for part in word.split("-")))
    return " ".join(out)


def _key(word: str) -> str:
    return fold(word).strip(".,")


def _split_plain(words: list[str]) -> tuple[list[str], list[str]]:
    """Split ``ROLE WORDS NAME`` (no comma) into role words and name words."""
    keys = [_key(w) for w in words]
    if keys and (keys[0] in ES_ROLE_HEADS or keys[0] in ROLE_NOUNS):
        i = 1
        while i < len(words) - 1 and (keys[i] in ES_OFFICE_WORDS or keys[i] in ES_ROLE_HEADS):
            i += 1
        # never end the role on a function word: "SECRETARIA DE ... BÁRCENA"
        while i > 1 and keys[i - 1] in _LOWER_WORDS:
            i -= 1
        return words[:i], words[i:]
    i = 0
    while i < len(words) - 1 and keys[i] in EN_ROLE_WORDS:
        i += 1
    return words[:i], words[i:]


#: A label naming two people, each with an office: "OFFICE, NAME Y OFFICE, NAME" (or "AND").
_JOINT = re.compile(r"(.+?,.+?)\s+(?:Y|AND|E)\s+((?:[^,]+),.+)")

#: Asides inside a label that are neither name nor office: acronyms and notes in parentheses, nicknames.
_ASIDES = re.compile(r'\([^()]*\)|"[^"]*"')


def _is_office(part: str) -> bool:
    first = _key(part.split()[0]) if part.split() else ""
    return first in ES_ROLE_HEADS or first in EN_ROLE_WORDS or first in ROLE_NOUNS


_NUMBERED = re.compile(r"(?P<role>.+?)\s+(?:\d{1,3}|[ivx]{1,4}|uno|dos|tres|one|two|three)$")


def _generic_key(key: str) -> str | None:
    """The generic label ``key`` names, allowing a number ("moderadora 1") or a one-letter typo ("preguna")."""
    if key in GENERIC_LABELS:
        return key
    numbered = _NUMBERED.fullmatch(key)
    if numbered and numbered.group("role") in GENERIC_LABELS:
        return key  # "MODERADORA 1" and "MODERADORA 2" are two people
    if len(key) >= 6 and " " not in key:
        close = [g for g in GENERIC_LABELS if len(g) >= 6 and " " not in g and _edit_distance_le1(key, g, transpose=True)]
        if len(close) == 1:
            return close[0]
    return None


@functools.lru_cache(maxsize=4096)
def split_label(label: str) -> LabelParts:
    """Split a label into name and role ("SECURITY SECRETARY RODRÍGUEZ" → Rodríguez, Security Secretary)."""
    clean = match_view(label).strip().rstrip(".,:").strip()
    key = fold(clean)
    if not key:
        return LabelParts(name=None, role=None, generic=True)
    generic = _generic_key(key)
    if generic is not None:
        return LabelParts(name=None, role=_display(clean.split()), generic=True, key=generic)
    clean = _ASIDES.sub(" ", clean).strip(" ,")  # "(IMSS)", "(ENLACE VIRTUAL)", “EL MARQUÉS”
    joint = _JOINT.fullmatch(clean)
    if joint is not None and _is_office(joint.group(1).split(",")[0]) and _is_office(joint.group(2).split(",")[0]):  # "CADETE DE PRIMERA, ANA LUZ RIVAS Y CADETE DE SEGUNDA, JUAN PABLO SOTO": both speak
        one, other = split_label(joint.group(1)), split_label(joint.group(2))
        if one.name and other.name:
            roles = " y ".join(r for r in (one.role, other.role) if r) or None
            return LabelParts(name=f"{one.name} y {other.name}", role=roles, generic=False)
    if "," in clean:
        parts = [p.strip() for p in clean.split(",") if p.strip()]
        first = parts[0]
        named = next((p for p in reversed(parts) if not _is_office(p)), None)  # offices may hold commas
        if _is_office(first) and named is not None:
            name = named
            office = ", ".join(p for p in parts if p is not named)
        else:
            name, office = first, ", ".join(parts[1:])
        role_words, name_words = _split_plain(name.split())
        role = " ".join(role_words + office.split())
        return LabelParts(name=_display(name_words), role=_display(role.split()), generic=False)
    role_words, name_words = _split_plain(clean.split())
    if name_words and all(
        _key(w) in EN_ROLE_WORDS or re.fullmatch(r"one|two|three|four|five|\d+", _key(w))
        for w in name_words
    ):
        # "SENIOR ADMINISTRATION OFFICIAL ONE": a role, one consistent anonymous person
        return LabelParts(name=None, role=_display(clean.split()), generic=False)
    return LabelParts(name=_display(name_words), role=_display(role_words), generic=False)


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", fold(text)).strip("-") or "speaker"


def _edit_distance_le1(a: str, b: str, *, transpose: bool = False) -> bool:
    """At most one insertion, deletion or substitution (or, with ``transpose``, one swap of neighbours)."""
    if a == b:
        return True
    if transpose and len(a) == len(b):
        diff = [i for i in range(len(a)) if a[i] != b[i]]
        if len(diff) == 2 and diff[1] == diff[0] + 1 and a[diff[0]] == b[diff[1]] and a[diff[1]] == b[diff[0]]:
            return True
    if abs(len(a) - len(b)) > 1:
        return False
    if len(a) > len(b):
        a, b = b, a
    i = 0
    while i < len(a) and a[i] == b[i]:
        i += 1
    return a[i + (len(a) == len(b)) :] == b[i + 1 :]


def _numbered_apart(a: list[str], b: list[str]) -> bool:
    """Labels that differ in a number name different people ("INVITADO 1" / "INVITADO 2")."""
    return any(x != y and (x.isdigit() or y.isdigit()) for x, y in zip(a, b, strict=False))


def _same_person(short: list[str], long: list[str]) -> bool:
    """``short`` names the same person as ``long``.

    A lone surname matches the same last word; otherwise both names start with
    the same given name and share at least two content words, including
    ``short``'s last one ("MIGUEL MARIO DÍAZ-CANEL" / "MIGUEL DÍAZ-CANEL BERMÚDEZ").
    """
    if not short or not long:
        return False
    if len(short) == 1:
        return short[0] == long[-1]
    if short[0] not in long:
        return False  # another given name: "JUAN MANUEL CARRERAS LÓPEZ" is not "ANDRÉS MANUEL LÓPEZ OBRADOR"
    content = {w for w in short if w not in _LOWER_WORDS} & {
        w for w in long if w not in _LOWER_WORDS
    }
    return short[-1] in long and (len(content) >= 2 or set(short) <= set(long))


@dataclass
class _Person:
    key: str
    words: list[str]
    name: str | None
    role: str | None
    generic: bool
    labels: list[str]


def build_speakers(labels: Sequence[str]) -> tuple[tuple[Speaker, ...], tuple[str, ...]]:
    """One ``Speaker`` per person, in order of first appearance, and the speaker id of each label.

    Deterministic: the same label sequence always gives the same ids.
    """
    people: list[_Person] = []
    by_key: dict[str, _Person] = {}
    assigned: list[_Person] = []
    person_of: dict[str, _Person] = {}  # a label seen before: its person, whose labels and role it set
    for label in labels:
        known = person_of.get(label)
        if known is not None:
            assigned.append(known)
            continue
        parts = split_label(label) if label else LabelParts(None, None, True)
        if not label:
            key = UNIDENTIFIED
        elif parts.generic or parts.name is None:
            key = "role:" + (parts.key or fold(parts.role or label))
        else:
            key = "name:" + fold(parts.name)
        person = by_key.get(key)
        if person is None:
            words = fold(parts.name).split() if parts.name else []
            person = _Person(key, words, parts.name, parts.role, parts.generic, [])
            by_key[key] = person
            people.append(person)
        if label and label not in person.labels:
            person.labels.append(label)
        if person.role is None and parts.role:
            person.role = parts.role
        assigned.append(person)
        person_of[label] = person
    merged = _merge(people)
    ids = _assign_ids([merged[id(p)] for p in people])
    labels_of: dict[int, list[str]] = {}
    for person in people:  # every root's labels, gathered in one pass (not one pass per speaker)
        labels_of.setdefault(id(merged[id(person)]), []).extend(person.labels)
    speakers = []
    seen: set[int] = set()
    for person in people:
        target = merged[id(person)]
        if id(target) in seen:
            continue
        seen.add(id(target))
        labels_seen = labels_of[id(target)]
        speakers.append(
            Speaker(
                id=ids[id(target)],
                name=target.name,
                role=target.role,
                labels=tuple(dict.fromkeys(labels_seen)),
                generic=target.generic or target.key == UNIDENTIFIED,
            )
        )
    speaker_of = {id(p): ids[id(merged[id(p)])] for p in people}
    return tuple(speakers), tuple(map(speaker_of.__getitem__, map(id, assigned)))


def _merge(people: list[_Person]) -> dict[int, _Person]:
    """Map each person to the person they are merged into (the one with the fullest name).

    Candidates come from an index (people sharing a word; people whose names have the same
    number of words and a length within one letter), so a record with thousands of distinct
    speakers is not a comparison of every pair.
    """
    named = [p for p in people if p.words]
    order = {id(p): k for k, p in enumerate(people)}
    target: dict[int, _Person] = {id(p): p for p in people}
    by_word: dict[str, list[_Person]] = {}
    by_shape: dict[tuple[int, int], list[_Person]] = {}
    for person in named:
        for word in dict.fromkeys(person.words):
            if word not in _LOWER_WORDS:
                by_word.setdefault(word, []).append(person)
        by_shape.setdefault((len(person.words), len(" ".join(person.words))), []).append(person)
    for person in named:
        candidates = [other for other in _nearby(person, by_word, by_shape, order) if _may_be(person, other)]
        longer = [c for c in candidates if len(c.words) > len(person.words)]
        if len(person.words) == 1 and len({tuple(c.words) for c in longer}) > 1:
            continue  # "RODRÍGUEZ" with two different Rodríguezes: ambiguous, keep apart
        best = max(longer, key=lambda c: len(c.words), default=None)
        if best is None and candidates:
            earlier = [c for c in candidates if order[id(c)] < order[id(person)]]
            best = earlier[0] if earlier else None
        if best is not None:
            target[id(person)] = best
    # follow chains so every person points at a root
    for key, value in list(target.items()):
        seen = {key}
        while id(value) in target and target[id(value)] is not value and id(value) not in seen:
            seen.add(id(value))
            value = target[id(value)]
        target[key] = value
    for person in people:
        root = target[id(person)]
        if root is not person and root.role is None:
            root.role = person.role
    return target


def _nearby(
    person: _Person,
    by_word: dict[str, list[_Person]],
    by_shape: dict[tuple[int, int], list[_Person]],
    order: dict[int, int],
) -> list[_Person]:
    """People who could name the same person, in order of first appearance."""
    found: dict[int, _Person] = {}
    for word in person.words:
        for other in by_word.get(word, ()):
            found[id(other)] = other
    size, length = len(person.words), len(" ".join(person.words))
    if length >= 8:
        for width in (length - 1, length, length + 1):
            for other in by_shape.get((size, width), ()):
                found[id(other)] = other
    found.pop(id(person), None)
    return sorted(found.values(), key=lambda p: order[id(p)])


def _may_be(person: _Person, other: _Person) -> bool:
    """Whether ``other`` (no shorter) may name the same person as ``person``."""
    if len(other.words) < len(person.words):
        return False
    if _same_person(person.words, other.words):
        return True
    if len(person.words) != len(other.words):
        return False
    if _same_person(other.words, person.words):
        return True
    joined, other_joined = " ".join(person.words), " ".join(other.words)
    return (
        len(joined) >= 8
        and _edit_distance_le1(joined, other_joined, transpose=True)
        and not _numbered_apart(person.words, other.words)
    )


def _assign_ids(roots: list[_Person]) -> dict[int, str]:
    ids: dict[int, str] = {}
    used: set[str] = set()
    for root in roots:
        if id(root) in ids:
            continue
        if root.key == UNIDENTIFIED:
            base = UNIDENTIFIED
        elif root.words:
            base = _slug(" ".join(root.words))
        else:
            base = _slug(root.key.removeprefix("role:"))
        slug, n = base, 2
        while slug in used:
            slug, n = f"{base}-{n}", n + 1
        used.add(slug)
        ids[id(root)] = slug
    return ids

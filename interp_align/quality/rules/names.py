"""Names in running text that nearly, but not exactly, match a speaker or roster name.

"Roderíguez" against the label "RODRÍGUEZ" is a misspelling; "Rodriguez"
against "Rodríguez" differs only in accents and is reported at a lower
severity, because records often drop accents on purpose.

A near miss is only a misspelling when it names the speaker it resembles: a
name beside it must be one of that speaker's ("Marceo Ebrard" for Marcelo
Ebrard), and a given name alone proves nothing ("Jesusa" is a name of its
own, not "Jesús" misspelled).  When the text spells a name one way more often
than the label does, the label may be the misspelling: that is only info.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterator
from functools import lru_cache
from itertools import chain

from ...models import Severity, Transcript
from ...normalize import fold, match_view
from ..context import CheckContext
from ..frequencies import folded, zipf
from ..lexicon import TITLES
from ..models import Finding
from .base import RuleInfo

__all__ = ["RULES", "edit_distance", "nearest_name", "run", "word_pairs"]

RULES = (
    RuleInfo("IA301", "name-misspelled", "names", Severity.WARNING, "A name that nearly matches a speaker's name: probably misspelled."),
    RuleInfo("IA302", "name-accents", "names", Severity.INFO, "A speaker's name written with different accents."),
)

_CAPITALISED = re.compile(r"\b[^\W\d_][^\W\d_'’]*(?:-[^\W\d_]+)*")
#: A word this frequent in either language is a word, not a misspelled name.
_COMMON_ZIPF = 2.5


def edit_distance(a: str, b: str) -> int:
    """Levenshtein distance (insertions, deletions, substitutions all cost one)."""
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i]
        for j, cb in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb)))
        previous = current
    return previous[-1]


@lru_cache(maxsize=32768)
def _common(word: str) -> bool:
    key = word.lower()
    return max(zipf(key, "en"), zipf(key, "es")) >= _COMMON_ZIPF


def _similarity(a: str, b: str) -> float:
    return 1.0 - edit_distance(a, b) / max(len(a), len(b))


@lru_cache(maxsize=32768)
def nearest_name(key: str, roster: tuple[str, ...]) -> tuple[str, float]:
    """The roster name closest to ``key`` and its similarity.

    Only names of about the same length that start with the same letter are
    compared: a misspelling keeps the initial, and the edit distance is costly.
    """
    best, score = "", 0.0
    for name in roster:
        if name[:1] != key[:1] or abs(len(name) - len(key)) > 2:
            continue
        similarity = _similarity(key, name)
        if similarity > score:
            best, score = name, similarity
    return best, score


def _role_words() -> frozenset[str]:
    """Folded words of titles and offices ("Security", "Secretary", "General"): beside a name, not names."""
    from ...lang.roles import ROLE_PHRASES

    words = {w for phrases in ROLE_PHRASES.values() for phrase in phrases for w in phrase.split()}
    return frozenset((words | TITLES) - {"de", "del", "of", "the", "y", "and", "la", "el"})


_ROLE_WORDS = _role_words()


def speaker_names(transcript: Transcript) -> dict[str, list[tuple[frozenset[str], bool]]]:
    """Folded name token → for each speaker who bears it: (all their name tokens, whether it is a given name).

    A token is a *given* name when it opens a name of two tokens or more ("Marcelo" in
    "Marcelo Ebrard Casaubon"); a one-token name ("Rodríguez") is a surname.  A speaker known
    by a surname only ("MS. KLEIN") also gets the given names the text puts before that surname
    ("Jen Klein"), so "Ron Klain" can be told apart from her.
    """
    bags: dict[str, list[str]] = {}
    for speaker in transcript.speakers:
        if speaker.generic:
            continue
        for source in (speaker.name,) if speaker.name else speaker.labels:
            tokens = [fold(t) for t in _CAPITALISED.findall(source) if len(t) >= 3]
            if tokens:
                bags.setdefault(speaker.id, []).extend(t for t in tokens if t not in bags.get(speaker.id, []))
    surname_of = {bag[0]: sid for sid, bag in bags.items() if len(bag) == 1}
    # pairs of words are read only when some speaker is known by a surname alone
    bodies = " ".join(t.body for t in transcript.turns) if surname_of else ""
    for first, second in word_pairs(bodies, tuple(surname_of)):
        if not first[0].isupper():
            continue  # (tested first: every pair of words in the record matches)
        sid = surname_of.get(folded(second))
        given = folded(first) if sid else ""
        if sid and given not in _ROLE_WORDS and given not in bags[sid]:
            bags[sid].append(given)
    owners: dict[str, list[tuple[frozenset[str], bool]]] = {}
    for sid, tokens in bags.items():
        bag = frozenset(tokens)
        speaker_tokens = tokens if sid not in surname_of.values() else tokens[:1]
        for k, token in enumerate(speaker_tokens):
            owners.setdefault(token, []).append((bag, k == 0 and len(speaker_tokens) > 1))
    return owners


_PAIR = re.compile(r"\b([^\W\d_][^\W\d_'’-]+) ([^\W\d_][^\W\d_'’-]+)")


def word_pairs(text: str, keys: tuple[str, ...]) -> list[tuple[str, str]]:
    """``_PAIR.findall(text)`` less pairs whose second word cannot ``fold`` to one of ``keys``.

    No pair holds a line break, so the pattern finds the same pairs line by line.  For keys of
    ASCII letters (and "-", "'"), a word that folds to one is, once decomposed (NFKD), case-folded
    and stripped of every non-ASCII character (the accents among them: no combining mark folds
    to ASCII), that key, maybe with spaces about it; that rough fold works character by
    character and keeps the line breaks, so a line whose rough fold holds no key has no such
    pair and is skipped unread: most of a record's lines.
    """
    lines = text.split("\n")
    rough: list[str] = []
    if all(key.isascii() and key.split() == [key] for key in keys) and not any(c in text for c in "\u2028\u2029"):
        # (match_view makes line breaks of those two; nothing else makes or drops one)
        rough = unicodedata.normalize("NFKD", match_view(text)).casefold().encode("ascii", "ignore").decode().split("\n")
    if len(rough) != len(lines):
        return _PAIR.findall(text)
    pairs: list[tuple[str, str]] = []
    for line, folded_line in zip(lines, rough, strict=True):
        if any(key in folded_line for key in keys):
            pairs += _PAIR.findall(line)
    return pairs


def _neighbours(body: str, start: int, end: int) -> list[str]:
    """Folded capitalised words right beside ``body[start:end]`` (one space apart), titles and offices left out."""
    found = []
    before = re.search(r"([^\W\d_][^\W\d_'’]*(?:-[^\W\d_]+)*) $", body[max(0, start - 40) : start])
    after = re.match(r" ([^\W\d_][^\W\d_'’]*(?:-[^\W\d_]+)*)", body[end : end + 40])
    for m in (before, after):
        if m and m.group(1)[0].isupper() and fold(m.group(1)).strip(".") not in _ROLE_WORDS:
            found.append(fold(m.group(1)))
    return found


def _names_the_speaker(best: str, beside: list[str], owners: dict[str, list[tuple[frozenset[str], bool]]]) -> bool:
    """True when a near miss of roster token ``best`` stands where that speaker's name would.

    A name beside it must be one of the speaker's ("Marceo Ebrard"), unless all we know of the
    speaker is one name; with nothing beside it, a given name alone is not enough ("Jesusa").
    """
    bearers = owners.get(best, [])
    if beside:
        return any(len(bag) == 1 or any(word in bag for word in beside) for bag, _ in bearers)
    return any(not given for _, given in bearers)


def _body_counts(ctx: CheckContext, words: list[list[str]]) -> dict[str, int]:
    """How often each folded capitalised word occurs in the turn bodies (labels left out).

    ``words`` are the ``_CAPITALISED`` words of each turn body, which ``run`` has made already."""
    cache: dict[str, int] | None = ctx.__dict__.get("_name_counts")
    if cache is None:
        cache = ctx.__dict__["_name_counts"] = Counter(map(folded, chain.from_iterable(words)))
    return cache


def _quiet(token: str, roster: dict[str, str], min_length: int) -> bool:
    """True for a word ``run`` passes over wherever it stands: not a capitalised name-length word,
    a roster name spelled with the labels' accents, or a common word."""
    if not token[0].isupper() or token.isupper() or len(token) < min_length:
        return True
    wanted = roster.get(folded(token))
    return token.casefold() == wanted.casefold() if wanted is not None else _common(token)


def _matches_of(body: str, offset: int, words: set[str]) -> list[re.Match[str]]:
    """The ``_CAPITALISED.finditer(body, offset)`` matches that are one of ``words``, in order.

    Each word is looked up with ``str.find``: where it follows a character no match holds (a
    space, a bracket: nothing of a word and no ``\\w``) and the pattern matches it whole, it is
    one of finditer's matches.  Only a word found after anything else sends the body through
    finditer match by match.
    """
    found = []
    for word in words:
        at = body.find(word, offset)
        while at >= 0:
            before = body[at - 1] if at > offset else " "
            if before.isalnum() or before in "_'’-":
                return [m for m in _CAPITALISED.finditer(body, offset) if m.group() in words]
            m = _CAPITALISED.match(body, at)
            if m is not None and m.group() == word:
                found.append(m)
            at = body.find(word, at + 1)
    return sorted(found, key=lambda m: m.start())


def run(ctx: CheckContext) -> Iterator[Finding]:
    roster = ctx.roster
    t = ctx.thresholds
    if not roster:
        return
    owners = speaker_names(ctx.transcript)
    words = [_CAPITALISED.findall(ctx.masked_body(turn), turn.body_start - turn.start) for turn in ctx.transcript.turns]
    quiet: set[str] = set()  # words that yield nothing wherever they stand: most words of a record
    for turn, turn_words in zip(ctx.transcript.turns, words, strict=True):
        body = ctx.masked_body(turn)
        offset = turn.body_start - turn.start
        new = set(turn_words).difference(quiet)
        quiet.update(token for token in new if _quiet(token, roster, t.name_min_length))
        if quiet.issuperset(new):
            continue
        for m in _matches_of(body, offset, new.difference(quiet)):
            token = m.group()
            if token in quiet or not token[0].isupper() or token.isupper() or len(token) < t.name_min_length:
                continue
            key = folded(token)
            start, end = turn.start + m.start(), turn.start + m.end()
            if key in roster:
                wanted = roster[key]
                if token.casefold() != wanted.casefold():
                    finding = ctx.finding(
                        "IA302", start, end,
                        f"name accents: {token!r} is written {wanted!r} in the speaker labels",
                        suggestion=wanted,
                    )
                    if finding:
                        yield finding
                continue
            if _common(token) or body[m.end() : m.end() + 1] == "-":
                continue  # a word, or a name the speaker cut off ("Hichilem- —")
            best, score = nearest_name(key, tuple(roster))
            if len(best) < t.name_min_length or score < t.name_similarity or key.startswith(best + "s"):
                continue
            if not _names_the_speaker(best, _neighbours(body, m.start(), m.end()), owners):
                continue  # another person: "Ron Klain" is not "Klein", "Nidia Maricela" not "Marcela"
            counts = _body_counts(ctx, words)
            label_doubt = counts.get(key, 0) >= 2 and counts.get(key, 0) >= counts.get(best, 0)
            message = (f"name misspelled: {token!r} nearly matches the speaker name {roster[best]!r} "
                       f"(similarity {score:.2f})")
            if label_doubt:
                message += (f"; but the text spells {token!r} {counts[key]} times and {roster[best]!r} "
                            f"{counts.get(best, 0)}: the label may be the misspelling")
            finding = ctx.finding(
                "IA301", start, end, message,
                suggestion=None if label_doubt else roster[best],
                score=round(score, 3),
                severity=Severity.INFO if label_doubt else None,
            )
            if finding:
                yield finding

"""Record dialects as data: each publisher's label grammar, layout and header/footer rules.

Real records come from a few publishers with stable conventions.  Each entry of
``DIALECTS`` says which head finders (``heads.FINDERS``) open turns, whether
``---`` lines separate speaker blocks, whether hard-wrapped lines may be joined,
how the lines before the first turn read, and what evidence in the text points
to it.  A new publisher is a new entry here, not a new branch in the parser.

Detection counts each dialect's evidence in the record (capped, so a long record
is not "more" of its dialect), drops dialects whose required evidence is absent,
adds a bonus when the dialect's language is the record's, and picks the best;
with no evidence at all the record is plain colon-labelled text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from ..models import Dialect
from .document import count_matches

__all__ = ["DEFAULT", "DIALECTS", "DialectRules", "Evidence", "detect_dialect", "rules_for"]

_M = re.MULTILINE
_I = re.IGNORECASE


@dataclass(frozen=True)
class Evidence:
    """A sign of a dialect: what it is, how to count it, what one sighting weighs, when to stop counting."""

    description: str
    pattern: re.Pattern[str] | None
    weight: float
    cap: int = 50
    required: bool = False
    fact: str | None = None  # instead of a pattern: a layout fact found by the document step
    #: A string every match holds, on the match's one line: the lines without it are not tried
    #: (``document.line_matches_holding``).
    needle: str | None = None


@dataclass(frozen=True)
class DialectRules:
    """One publisher's conventions.

    ``heads`` names the head finders that open turns, in priority order;
    ``blocks``: ``---`` lines separate speaker blocks whose first line is the
    label; ``wraps``: paragraph-internal line breaks may be joined (never in
    gob.mx, where each line is a paragraph); ``header``: ``"title-first"`` (the
    first line is the title) or ``"dateline"`` (place and time lines, the title
    is in the front matter); ``closing_time``: a time line after the last turn is
    boilerplate; ``speech_without_labels``: a block with no label under a heading
    is one speech turn (the presidency's English translations); ``pair_default``:
    an interpreter note naming no language is taken to render the other language of
    the English–Spanish pair (true of the State Department's and the presidency's
    U.S.–Mexico records, not of the White House's, whose guests speak any language).
    """

    name: str
    summary: str
    language: str | None
    heads: tuple[str, ...]
    evidence: tuple[Evidence, ...] = ()
    blocks: bool = False
    wraps: bool = True
    header: str = "title-first"
    closing_time: bool = False
    speech_without_labels: bool = False
    pair_default: bool = True


def _ev(
    description: str, pattern: str, weight: float, cap: int = 50, *, flags: int = _M, required: bool = False, needle: str | None = None
) -> Evidence:
    return Evidence(description, re.compile(pattern, flags), weight, cap, required, needle=needle)


_Q_LINE = _ev("'Q' question lines", r"^[ \t]*Q(?:[ \t]+\S|:)", 2.0)
_AS_INTERPRETED = _ev("'(As interpreted.)' notes", r"\(as interpreted\.?\)", 3.0, flags=_M | _I)
_TIME_LINE = _ev(
    "dateline or closing time line",
    r"^[ \t*]*(?:END[ \t]+)?\d{1,2}:\d{2}[ \t]+[AP]\.M\.(?:[ \t]+[A-Z]{2,5})?[ \t*]*$",
    5.0,
    cap=2,
)
_SEPARATORS = _ev("'---' block separators", r"^[ \t]*-{3,}[ \t]*$", 2.0, cap=100, needle="---")
_PRESIDENCIA = _ev("'Presidencia de la República' header", r"^Presidencia de la Rep[uú]blica[ \t]*$", 10.0, cap=1)
_SPANISH_DATE = _ev(
    "Spanish date line",
    r"^[ \t]*\d{1,2} de (?:enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|octubre|noviembre|diciembre) de \d{4}[ \t]*$",
    5.0,
    cap=1,
    flags=_M | _I,
)

_GOBMX = DialectRules(
    name="gobmx",
    summary="Mexican presidency versión estenográfica: header, '---' blocks opened by a label line, inline labels",
    language="es",
    heads=("block", "colon", "label-line"),
    evidence=(_SEPARATORS, _PRESIDENCIA, _SPANISH_DATE),
    blocks=True,
    wraps=False,
    speech_without_labels=True,
)

#: The registry, in order of preference when scores tie; ``DEFAULT`` is the fallback.
DIALECTS: tuple[DialectRules, ...] = (
    DialectRules(
        name="markdown-export",
        summary="Markdown export of a White House or State Department page: YAML front matter, hard-wrapped lines",
        language="en",
        heads=("colon", "question"),
        evidence=(
            Evidence("YAML front matter", None, 100.0, cap=1, required=True, fact="front_matter"),
            _ev("hard-wrapped lines", r"^[^\n]{55,80}\S\r?\n(?=[ \t]*\S)", 0.5, cap=200),
            _Q_LINE,
            _AS_INTERPRETED,
            _TIME_LINE,
        ),
        header="dateline",
        closing_time=True,
        pair_default=False,
    ),
    DialectRules(
        name="whitehouse",
        summary="White House transcript: colon labels, 'Q' questions, '(As interpreted.)', dateline and closing time",
        language="en",
        heads=("colon", "question"),
        evidence=(_Q_LINE, _AS_INTERPRETED, _TIME_LINE),
        header="dateline",
        closing_time=True,
        pair_default=False,
    ),
    DialectRules(
        name="state-department",
        summary="U.S. Department of State transcript: colon labels, '(Via interpreter)', QUESTION:",
        language="en",
        heads=("colon", "question"),
        evidence=(
            _ev("'(Via interpreter)' notes", r"\(via interpreter\.?\)", 3.0, flags=_M | _I),
            _ev("'QUESTION:' labels", r"^[ \t]*QUESTION:", 2.0),
            _ev(
                "State Department header",
                r"Office of the Spokesperson|U\.S\. Department of State|^Secretary [A-Z][a-z]+ [A-Z]\. [A-Z][a-z]+",
                5.0,
                cap=1,
            ),
        ),
        closing_time=True,
    ),
    _GOBMX,
    replace(
        _GOBMX,
        name="gobmx-english",
        summary="English translation published by the Mexican presidency: gob.mx blocks, date lines, speeches",
        language="en",
    ),
    DialectRules(
        name="colon-labels",
        summary="Plain colon-labelled text (LABEL: words), with 'Q' questions and '---' blocks read as gob.mx blocks",
        language=None,
        heads=("colon", "question", "block"),
    ),
)

DEFAULT = DIALECTS[-1]
_BY_NAME = {d.name: d for d in DIALECTS}
#: A dialect needs at least this much evidence to beat the plain default.
_MIN_SCORE = 6.0
#: Bonus for a dialect whose language is the record's (gobmx vs gobmx-english).
_LANGUAGE_BONUS = 20.0


def rules_for(name: str) -> DialectRules:
    """The registered rules of a dialect; ``KeyError`` for an unknown name."""
    return _BY_NAME[name]


def detect_dialect(view: str, language: str, facts: frozenset[str] = frozenset()) -> tuple[DialectRules, Dialect]:
    """The dialect ``view`` follows and the evidence for it.

    ``view`` is the matching view with any front matter blanked out; ``language``
    is the record's guessed language; ``facts`` are layout facts found before
    (``"front_matter"``).
    """
    best: tuple[float, int, DialectRules, tuple[str, ...]] | None = None
    counted: dict[int, int] = {}
    for order, rules in enumerate(DIALECTS):
        score, seen = _score(rules, view, facts, counted)
        if score <= 0:
            continue
        if rules.language == language:
            score += _LANGUAGE_BONUS
        if best is None or (score, -order) > (best[0], -best[1]):
            best = (score, order, rules, seen)
    if best is None or best[0] < _MIN_SCORE + (_LANGUAGE_BONUS if best[2].language == language else 0):
        return DEFAULT, Dialect(name=DEFAULT.name, evidence=("no publisher's conventions found",))
    _, _, rules, seen = best
    return rules, Dialect(name=rules.name, evidence=seen)


def _score(
    rules: DialectRules, view: str, facts: frozenset[str], counted: dict[int, int] | None = None
) -> tuple[float, tuple[str, ...]]:
    """The dialect's score and the evidence seen; ``counted`` keeps the counts of evidence that
    several dialects share (one scan each)."""
    score = 0.0
    seen = []
    counted = {} if counted is None else counted
    for evidence in rules.evidence:
        if evidence.pattern is None:
            count = int(evidence.fact in facts)
        elif id(evidence) in counted:
            count = counted[id(evidence)]
        else:
            count = counted[id(evidence)] = count_matches(evidence.pattern, view, evidence.cap, evidence.needle)
        if count == 0:
            if evidence.required:
                return 0.0, ()
            continue
        score += evidence.weight * count
        capped = "+" if count >= evidence.cap else ""
        seen.append(f"{count}{capped} {evidence.description}" if evidence.cap > 1 else evidence.description)
    return score, tuple(seen)

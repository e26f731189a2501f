"""Vocabulary of bracketed notes: interpreter markers and stage directions, English and Spanish.

Transcribers write the same note many ways ("(Via interpreter.)", "(As
interpreted)", "(INTERPRETACIÓN DEL INGLÉS AL ESPAÑOL)", "[inaudible
00:01:42]").  Each rule is a regex over the *folded* inner text (lower case, no
accents, trailing period removed), so casing and accents never need listing.
Only known vocabulary counts: "(UNESCO)" is an acronym in prose, not a marker.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..models import MarkerKind

__all__ = [
    "CANDIDATE",
    "LANGUAGE_NAMES",
    "MARKER_RULES",
    "MarkerRule",
    "MarkerSpec",
    "classify",
    "marker_candidates",
]

#: Folded language names (English and Spanish spellings) → language code.
LANGUAGE_NAMES: dict[str, str] = {
    "ingles": "en",
    "english": "en",
    "espanol": "es",
    "castellano": "es",
    "spanish": "es",
    "frances": "fr",
    "french": "fr",
    "portugues": "pt",
    "portuguese": "pt",
    "italiano": "it",
    "italian": "it",
    "aleman": "de",
    "german": "de",
    "chino": "zh",
    "mandarin": "zh",
    "chinese": "zh",
    "ruso": "ru",
    "russian": "ru",
    "japones": "ja",
    "japanese": "ja",
    "arabe": "ar",
    "arabic": "ar",
    "coreano": "ko",
    "korean": "ko",
    "nahuatl": "nah",
    "tzotzil": "tzo",
    "tzeltal": "tzh",
    "chatino": "ctp",
    "zapoteco": "zap",
    "maya": "yua",
    "mixteco": "mix",
    "otomi": "oto",
    "mazateco": "maa",
}

_LANG = "|".join(sorted(LANGUAGE_NAMES, key=len, reverse=True))


@dataclass(frozen=True)
class MarkerRule:
    """One family of notes.

    ``interpretation`` marks notes that declare the turn reached the record
    through an interpreter.  Named groups ``src``/``tgt`` in ``pattern`` capture
    declared languages; ``source``/``target`` give fixed ones.
    """

    kind: MarkerKind
    pattern: str
    interpretation: bool = False
    source: str | None = None
    target: str | None = None


@dataclass(frozen=True)
class MarkerSpec:
    """What a bracketed note means once classified."""

    kind: MarkerKind
    canonical: str
    interpretation: bool
    source_language: str | None
    target_language: str | None
    timestamp: str | None


_K = MarkerKind

#: Ordered rules; the first whose pattern matches the whole folded inner text wins.
MARKER_RULES: tuple[MarkerRule, ...] = (
    # -- end of an interpreted passage: a note, but not a declaration
    MarkerRule(_K.INTERPRETER_NOTE, r"(?:finaliza|termina|fin de la) interpretacion"),
    MarkerRule(_K.INTERPRETER_NOTE, r"end (?:of )?interpretation"),
    # -- English-record interpreter notes
    MarkerRule(
        _K.INTERPRETER_NOTE,
        r"(?:via|through|by|with) (?:an |the |a )?(?:interpreter|interpretation|translation|translator)s?",
        interpretation=True,
    ),
    MarkerRule(_K.INTERPRETER_NOTE, r"as (?:interpreted|translated)", interpretation=True),
    MarkerRule(
        _K.INTERPRETER_NOTE,
        r"(?:interpreted|translated)(?: from (?P<src>" + _LANG + r"))?",
        interpretation=True,
    ),
    MarkerRule(
        _K.INTERPRETER_NOTE,
        r"(?:in|speaks|speaking|spoken in|speaks in|speaking in) (?P<src>" + _LANG + r")",
        interpretation=True,
    ),
    # -- Spanish-record interpreter notes
    MarkerRule(
        _K.INTERPRETER_NOTE,
        r"(?:via|mediante|a traves de|por medio de|con) (?:un |una |el |la )?(?:interprete|traduccion|interpretacion)",
        interpretation=True,
    ),
    MarkerRule(
        _K.INTERPRETER_NOTE,
        r"traduccion subtitulada|subtitulad[oa]|subtitulos",
        interpretation=True,
    ),
    MarkerRule(
        _K.INTERPRETER_NOTE,
        r"(?:interpretacion|traduccion)(?: simultanea)?"
        r"(?: (?:del? |desde el )?(?P<src>" + _LANG + r"))?"
        r"(?:(?: al | a |\s*-\s*)(?P<tgt>" + _LANG + r"))?",
        interpretation=True,
    ),
    MarkerRule(
        _K.LANGUAGE_NOTE,
        r"(?:habla|saluda|canta|mensaje|interviene|continua|speaks|speaking)(?: en| in)? (?:una |an )?(?:lengua (?:indigena|originaria|materna)|indigenous language|native language)",
    ),
    MarkerRule(_K.LANGUAGE_NOTE, r"(?:en )?lengua (?:indigena|originaria)"),
    MarkerRule(
        _K.INTERPRETER_NOTE,
        r"(?:habla|mensaje|responde|pregunta|continua|interviene|discurso)(?: en)? (?P<src>"
        + _LANG
        + r")",
        interpretation=True,
    ),
    # -- stage directions
    MarkerRule(
        _K.INAUDIBLE, r"inaudibles?|no audible|audio inaudible|inaudible audio|audio no audible"
    ),
    MarkerRule(
        _K.UNINTELLIGIBLE, r"unintelligible|ininteligibles?|indiscernible|incomprensible|unclear"
    ),
    MarkerRule(
        _K.CROSSTALK,
        r"cross ?-?talk|voces simultaneas|hablan al mismo tiempo|varias voces|simultaneous speech|overlapping (?:speech|voices)",
    ),
    MarkerRule(
        _K.OFF_MIC,
        r"off[- ]?mi(?:ke|c)|off microphone|sin microfono|fuera de microfono|microphone off|mic off|no microphone|microphone not on",
    ),
    MarkerRule(_K.APPLAUSE, r"applause|aplausos?"),
    MarkerRule(_K.LAUGHTER, r"laughter|laughs|risas?"),
    MarkerRule(
        _K.TRANSMISSION_FAILURE,
        r"(?:falla|fallas|fallo|corte|interrupcion) (?:de|en|en la|de la) (?:transmision|audio|sonido|conexion|senal)"
        r"|fallas? tecnicas?|technical difficult(?:y|ies)|audio (?:drops?|cuts? out|interrupted|lost)|(?:audio|transmission) (?:failure|interrupted)",
    ),
    MarkerRule(
        _K.OTHER,
        r"pause|pausa|silence|silencio|music|musica|video|proyeccion de video|cheers|porras|gritos|booing|abucheos|interruption|interrupcion|break|receso",
    ),
)

_TIMESTAMP = r"(?:[ ,;-]+(?:at )?(?P<ts>\d{1,2}:\d{2}(?::\d{2})?(?:\.\d+)?))?"
_COMPILED = tuple((rule, re.compile(rf"(?:{rule.pattern}){_TIMESTAMP}")) for rule in MARKER_RULES)

#: Bracketed candidates on one line, matched on ``normalize.match_view`` text: group 1 for
#: "(...)", group 2 for "[...]".  Whether a candidate is a marker is ``classify``'s call.
CANDIDATE = re.compile(r"\(([^()\[\]\n]{1,80})\)|\[([^()\[\]\n]{1,80})\]")


def marker_candidates(view: str) -> re.Pattern[str]:
    """The candidate pattern (kept for callers written against the first version of this module)."""
    del view
    return CANDIDATE


def _canonical(folded_inner: str) -> str:
    return folded_inner.strip().rstrip(".").strip()


def classify(folded_inner: str) -> MarkerSpec | None:
    """Classify the folded text inside a pair of brackets, or ``None`` if it is not a known note."""
    canonical = _canonical(folded_inner)
    for rule, regex in _COMPILED:
        match = regex.fullmatch(canonical)
        if match is None:
            continue
        groups = match.groupdict()
        source = LANGUAGE_NAMES.get(groups.get("src") or "", rule.source)
        target = LANGUAGE_NAMES.get(groups.get("tgt") or "", rule.target)
        return MarkerSpec(
            kind=rule.kind,
            canonical=canonical,
            interpretation=rule.interpretation,
            source_language=source,
            target_language=target,
            timestamp=groups.get("ts"),
        )
    return None

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
    "END",
    "INTERPRETATION",
    "LANGUAGE_NAMES",
    "MARKER_RULES",
    "ROLES",
    "SPOKEN",
    "UNTRANSLATED",
    "MarkerRule",
    "MarkerSpec",
    "classify",
    "marker_candidates",
]

#: Folded language names (English and Spanish spellings) → language code (ISO 639-1, else 639-3/5).
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
    "cantonese": "yue",
    "canton": "yue",
    "ruso": "ru",
    "russian": "ru",
    "ucraniano": "uk",
    "ukrainian": "uk",
    "polaco": "pl",
    "polish": "pl",
    "japones": "ja",
    "japanese": "ja",
    "arabe": "ar",
    "arabic": "ar",
    "coreano": "ko",
    "korean": "ko",
    "hindi": "hi",
    "hebreo": "he",
    "hebrew": "he",
    "irlandes": "ga",
    "irish": "ga",
    "gaelic": "ga",
    "griego": "el",
    "greek": "el",
    "turco": "tr",
    "turkish": "tr",
    "neerlandes": "nl",
    "holandes": "nl",
    "dutch": "nl",
    "sueco": "sv",
    "swedish": "sv",
    "vietnamita": "vi",
    "vietnamese": "vi",
    "indonesio": "id",
    "indonesian": "id",
    "tagalo": "tl",
    "tagalog": "tl",
    "filipino": "fil",
    "tailandes": "th",
    "thai": "th",
    "persa": "fa",
    "farsi": "fa",
    "persian": "fa",
    "swahili": "sw",
    "suajili": "sw",
    "hungaro": "hu",
    "hungarian": "hu",
    "rumano": "ro",
    "romanian": "ro",
    "checo": "cs",
    "czech": "cs",
    "danes": "da",
    "danish": "da",
    "noruego": "no",
    "norwegian": "no",
    "finlandes": "fi",
    "finnish": "fi",
    "catalan": "ca",
    "euskera": "eu",
    "basque": "eu",
    "gallego": "gl",
    "galician": "gl",
    "quechua": "qu",
    "guarani": "gn",
    "creole": "ht",
    "criollo": "ht",
    "latin": "la",
    "latin american spanish": "es",
    "nahuatl": "nah",
    "tzotzil": "tzo",
    "tzeltal": "tzh",
    "chatino": "ctp",
    "zapoteco": "zap",
    "maya": "yua",
    "mayo": "mfy",
    "yaqui": "yaq",
    "mixteco": "mix",
    "otomi": "oto",
    "hnahnu": "oto",
    "mazateco": "maa",
    "mazahua": "maz",
    "totonaco": "top",
    "tutunaku": "top",
    "purhepecha": "tsz",
    "p'urhepecha": "tsz",
    "tarasco": "tsz",
    "tenek": "hus",
    "huasteco": "hus",
}

_LANG = "|".join(sorted((re.escape(k) for k in LANGUAGE_NAMES), key=len, reverse=True))

#: What a note says about how the speech around it reached the record.
INTERPRETATION = "interpretation"  # an interpreter's rendering follows ("As interpreted", "Interpretación ...")
END = "end"  # an interpreted passage ends ("Finaliza interpretación")
SPOKEN = "spoken"  # names the language spoken ("Speaks Spanish", "Mensaje en inglés", "In English")
UNTRANSLATED = "untranslated"  # the record gives no rendering ("No translation provided")
ROLES = (INTERPRETATION, END, SPOKEN, UNTRANSLATED)


@dataclass(frozen=True)
class MarkerRule:
    """One family of notes.

    ``role`` says what the note does to the turn around it (``INTERPRETATION``,
    ``END``, ``SPOKEN``, ``UNTRANSLATED``; ``None`` for stage directions).  Named
    groups ``src``/``tgt`` in ``pattern`` capture declared languages;
    ``source``/``target`` give fixed ones.
    """

    kind: MarkerKind
    pattern: str
    role: str | None = None
    source: str | None = None
    target: str | None = None


@dataclass(frozen=True)
class MarkerSpec:
    """What a bracketed note means once classified."""

    kind: MarkerKind
    canonical: str
    role: str | None
    source_language: str | None
    target_language: str | None
    timestamp: str | None

    @property
    def interpretation(self) -> bool:
        """Whether the note declares that an interpreter's rendering follows."""
        return self.role == INTERPRETATION


_K = MarkerKind
_I = _K.INTERPRETER_NOTE
_L = _K.LANGUAGE_NOTE
#: A language named in a note, with the words that may stand around it
#: ("(la) lengua maya (peninsular)", "idioma inglés").
_NAMED = rf"(?:(?:la |el )?(?:lengua|idioma) )?(?P<src>{_LANG})(?: [a-z]+){{0,2}}?"
_INDIGENOUS = (
    r"(?:una |an )?(?:lengua (?:indigena|originaria|materna)|indigenous language|native language"
    r"|(?:another|a foreign|a different) language|otr[ao] (?:idioma|lengua))"
)
_SPEECH = r"(?:habla|hablo|saluda|saludo|canta|mensaje|interviene|continua|responde|pregunta|discurso|palabras|intervencion)"
_NO_TRANSLATION = (
    r"(?:no (?:translation|interpretation)(?: was)? (?:provided|available|given)|no translation"
    r"|(?:translation|interpretation) not (?:provided|available)|untranslated|sin traduccion|sin interpretacion)"
)

#: Ordered rules; the first whose pattern matches the whole folded inner text wins.
MARKER_RULES: tuple[MarkerRule, ...] = (
    # -- end of an interpreted passage: a note, but not a declaration
    MarkerRule(_I, r"(?:finaliza|termina|concluye|fin de la) (?:la )?interpretacion", END),
    MarkerRule(_I, r"(?:end|ends) (?:of )?(?:the )?interpretation|interpretation ends", END),
    # -- no rendering in the record (alone, or after the language: "Speaks Ukrainian. No translation provided")
    MarkerRule(
        _I,
        rf"(?:(?:speaks|speaking|in|habla(?: en)?)(?: in)? (?:(?P<src>{_LANG})|{_INDIGENOUS})[.;,]? )?{_NO_TRANSLATION}",
        UNTRANSLATED,
    ),
    # -- English-record interpreter notes
    MarkerRule(
        _I,
        r"(?:via|through|by|with) (?:an |the |a )?(?:interpreter|interpretation|translation|translator)s?",
        INTERPRETATION,
    ),
    MarkerRule(_I, r"as (?:interpreted|translated)", INTERPRETATION),
    MarkerRule(_I, rf"(?:interpreted|translated)(?: from (?P<src>{_LANG}))?", INTERPRETATION),
    MarkerRule(_I, r"interpreting|translating|interpretation|translation|interpreter speaking", INTERPRETATION),
    MarkerRule(_I, rf"(?P<tgt>{_LANG}) (?:interpretation|translation)", INTERPRETATION),
    MarkerRule(
        _L,
        rf"(?:in|speaks|speaking|spoken in|speaks in|speaking in|said in|responds in|answers in|continues in) (?P<src>{_LANG})",
        SPOKEN,
    ),
    MarkerRule(_L, rf"(?:speaks|speaking|spoken|responds|answers)(?: in)? {_INDIGENOUS}", SPOKEN),
    # -- Spanish-record interpreter notes
    MarkerRule(
        _I,
        r"(?:via|mediante|a traves de|por medio de|con) (?:un |una |el |la )?(?:interprete|traduccion|interpretacion)",
        INTERPRETATION,
    ),
    MarkerRule(_I, r"traduccion subtitulada|subtitulad[oa]|subtitulos", INTERPRETATION),
    MarkerRule(
        _I,
        r"(?:interpretacion|traduccion)(?: simultanea| consecutiva)?"
        rf"(?: (?:(?:del?|desde el) )?{_NAMED})?"
        rf"(?:(?: al | a |\s*-\s*)(?:(?:la )?(?:lengua|idioma) )?(?P<tgt>{_LANG}))?",
        INTERPRETATION,
    ),
    MarkerRule(_L, rf"{_SPEECH}(?: en| in)? {_INDIGENOUS}(?:,? de [a-z ]+)?", SPOKEN),
    MarkerRule(_L, r"(?:en )?lengua (?:indigena|originaria)", SPOKEN),
    MarkerRule(_L, rf"{_SPEECH}(?: en)? {_NAMED}(?:,? de [a-z ]+)?", SPOKEN),
    MarkerRule(_L, rf"{_SPEECH} en (?:lengua |idioma )?[a-z'-]+(?: [a-z'-]+)?(?:,? de [a-z ]+)?", SPOKEN),
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
        r"pause|pausa|silence|silencio|music|musica|video|proyeccion de video|cheers|porras|gritos|booing|abucheos|interruption|interrupcion|break|receso"
        r"|(?:the )?press (?:departs|is escorted out)|reporters depart|commercial break",
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
    """The note without surrounding space and trailing "." or ":" ("(Habla en inglés:)" is a note)."""
    return folded_inner.strip().rstrip(".:").strip()


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
            role=rule.role,
            source_language=source,
            target_language=target,
            timestamp=groups.get("ts"),
        )
    return None

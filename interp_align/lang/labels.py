"""Speaker-label vocabulary and shape, English and Spanish.

A label is an all-caps run at the start of a line: ``SECURITY SECRETARY
RODRÍGUEZ:``, ``MR. PRICE:``, ``PRIMER MINISTRO DE CANADÁ, MARK CARNEY
(interpretación al español):`` or, in gob.mx block files, a line of its own
after ``---``.  The regexes find candidates cheaply; ``is_label`` applies the
limits that keep prose ("NATO: ..." or "Let me say this:") out.
"""

from __future__ import annotations

import re

from ..normalize import fold

__all__ = [
    "BLOCK_LABEL_LINE",
    "COLON_LABEL",
    "EN_ROLE_WORDS",
    "ES_OFFICE_WORDS",
    "ES_ROLE_HEADS",
    "GENERIC_LABELS",
    "MAX_BLOCK_LABEL_WORDS",
    "MAX_LABEL_WORDS",
    "MAX_OFFICE_LABEL_WORDS",
    "NOT_LABELS",
    "is_label",
]

#: Labels longer than this (in words) are prose, unless they contain a comma
#: (Spanish ``NAME, OFFICE`` labels run long: "RALPH GONSALVES, PRIMER MINISTRO DE ...").
MAX_LABEL_WORDS = 8
MAX_OFFICE_LABEL_WORDS = 18
#: A gob.mx label line stands alone after "---": structure vouches for it, so it may run longer.
MAX_BLOCK_LABEL_WORDS = 32

#: Upper-case letters (ASCII + Latin-1); labels are matched on ``match_view`` text.
_UP = "A-ZÀ-ÖØ-Þ"
#: Inside a word, also the second halves of UTF-8-read-as-Latin-1 pairs ("RODRÃ\x8dGUEZ"), so a
#: mojibake label is still a label (the mojibake itself is reported as a diagnostic).
_IN = _UP + "0-9\u0080-\u00bf\u0152\u0160\u0178\u017d\u2030"
_WORD = rf"[{_IN}]+(?:'[{_IN}]+)*"
_FIRST = rf"[{_UP}][{_IN}]*(?:'[{_IN}]+)*"
_SEP = r"(?:[ \t]*[.,][ \t]*|[ \t]+|[ \t]*-[ \t]*)"
_LABEL = rf"(?P<label>{_FIRST}(?:{_SEP}{_WORD}){{0,24}}\.?)"
_MARKER = r"(?P<marker>\([^()\n]{1,80}\))"

#: ``LABEL [(marker)] :`` at line start (MULTILINE); the colon must be followed by space or EOL.
COLON_LABEL = re.compile(rf"^[ \t]*{_LABEL}[ \t]*{_MARKER}?[ \t]*:(?=\s|$)", re.MULTILINE)

#: A whole line that may be a gob.mx block label: ``NAME, OFFICE [(marker)][.]``.
BLOCK_LABEL_LINE = re.compile(rf"[ \t]*{_LABEL}[ \t]*{_MARKER}?[ \t]*[.:]?[ \t]*")

#: Role-only labels (folded): anonymous speakers who may be several people.
GENERIC_LABELS: frozenset[str] = frozenset(
    {
        "q",
        "question",
        "questioner",
        "audience member",
        "audience",
        "participant",
        "participants",
        "moderator",
        "operator",
        "reporter",
        "journalist",
        "staff",
        "interpreter",
        "pregunta",
        "interlocutor",
        "interlocutora",
        "moderador",
        "moderadora",
        "intervencion",
        "intervencion hombre",
        "intervencion mujer",
        "voz",
        "voz mujer",
        "voz hombre",
        "voz en off",
        "maestro de ceremonias",
        "maestra de ceremonias",
        "participante",
        "asistente",
        "reportero",
        "reportera",
        "periodista",
        "interprete",
        "presentador",
        "presentadora",
    }
)

#: Single all-caps words that start prose lines, not speaker labels.
NOT_LABELS: frozenset[str] = frozenset(
    {
        "note",
        "nota",
        "nato",
        "otan",
        "update",
        "ps",
        "usmca",
        "tmec",
        "t-mec",
        "onu",
        "un",
        "oea",
        "oas",
        "fbi",
        "dea",
        "cia",
        "atf",
        "usa",
        "eeuu",
        "ee.uu",
        "important",
        "importante",
        "warning",
        "advertencia",
        "editor",
        "end",
        "fin",
        "tags",
        "source",
        "fuente",
        "date",
        "fecha",
        "lugar",
        "place",
        "subject",
        "asunto",
        "re",
        "ok",
    }
)

#: English role words that may precede a name ("HOMELAND SECURITY SECRETARY MAYORKAS").
EN_ROLE_WORDS: frozenset[str] = frozenset(
    {
        "secretary",
        "foreign",
        "security",
        "homeland",
        "interior",
        "attorney",
        "general",
        "advisor",
        "adviser",
        "national",
        "presidential",
        "ambassador",
        "president",
        "vice",
        "prime",
        "minister",
        "deputy",
        "assistant",
        "under",
        "senior",
        "special",
        "envoy",
        "senator",
        "governor",
        "mayor",
        "representative",
        "congressman",
        "congresswoman",
        "director",
        "administrator",
        "commissioner",
        "chairman",
        "chairwoman",
        "chair",
        "admiral",
        "spokesperson",
        "spokesman",
        "chancellor",
        "treasury",
        "state",
        "defense",
        "commerce",
        "trade",
        "first",
        "lady",
        "mr.",
        "ms.",
        "mrs.",
        "dr.",
        "mr",
        "ms",
        "mrs",
        "dr",
        "sir",
        "dame",
        "judge",
        "justice",
        "official",
        "administration",
        "the",
        "of",
    }
)

#: Spanish words that open an office ("SECRETARIA DE RELACIONES EXTERIORES").
ES_ROLE_HEADS: frozenset[str] = frozenset(
    {
        "secretario",
        "secretaria",
        "subsecretario",
        "subsecretaria",
        "presidente",
        "presidenta",
        "vicepresidente",
        "vicepresidenta",
        "canciller",
        "fiscal",
        "primer",
        "primera",
        "viceprimer",
        "viceprimera",
        "ministro",
        "ministra",
        "viceministro",
        "viceministra",
        "embajador",
        "embajadora",
        "gobernador",
        "gobernadora",
        "jefe",
        "jefa",
        "director",
        "directora",
        "coordinador",
        "coordinadora",
        "representante",
        "procurador",
        "procuradora",
        "senador",
        "senadora",
        "diputado",
        "diputada",
        "titular",
        "vocero",
        "vocera",
        "consejero",
        "consejera",
        "asesor",
        "asesora",
        "comisionado",
        "comisionada",
        "general",
        "almirante",
        "alcalde",
        "alcaldesa",
        "esposa",
        "esposo",
        "periodista",
        "tercer",
        "senor",
        "senora",
        "licenciado",
        "licenciada",
        "doctor",
        "doctora",
        "maestro",
        "maestra",
        "ingeniero",
        "ingeniera",
    }
)

#: Words that continue a Spanish office after its head ("DE SEGURIDAD Y PROTECCIÓN CIUDADANA").
ES_OFFICE_WORDS: frozenset[str] = frozenset(
    {
        "de",
        "del",
        "la",
        "las",
        "los",
        "el",
        "y",
        "e",
        "para",
        "en",
        "ministro",
        "ministra",
        "general",
        "relaciones",
        "exteriores",
        "seguridad",
        "proteccion",
        "ciudadana",
        "hacienda",
        "credito",
        "publico",
        "publica",
        "gobernacion",
        "economia",
        "defensa",
        "nacional",
        "marina",
        "energia",
        "cultura",
        "educacion",
        "salud",
        "trabajo",
        "prevision",
        "social",
        "bienestar",
        "comunicaciones",
        "transportes",
        "turismo",
        "agricultura",
        "medio",
        "ambiente",
        "republica",
        "gobierno",
        "estado",
        "estados",
        "unidos",
        "mexicanos",
        "mexico",
        "america",
        "norte",
        "asuntos",
        "internacionales",
        "multilaterales",
        "derechos",
        "humanos",
        "tesoro",
        "comercio",
        "exterior",
        "oficina",
        "presidencia",
        "comunicacion",
        "constitucional",
        "ejecutivo",
        "ejecutiva",
        "adjunto",
        "adjunta",
    }
)


def is_label(
    label: str, *, has_comma_office: bool | None = None, max_words: int | None = None
) -> bool:
    """Whether an all-caps candidate is a speaker label and not prose.

    All cased letters upper case; at most ``MAX_LABEL_WORDS`` words (more when a
    comma separates a name from an office); a lone word must be a known role
    label or a name-like word that is not a common acronym or note word.
    """
    stripped = label.strip().rstrip(",")
    if not stripped or stripped.upper() != stripped or stripped.lower() == stripped:
        return False
    words = stripped.split()
    comma = "," in stripped if has_comma_office is None else has_comma_office
    limit = (
        max_words
        if max_words is not None
        else (MAX_OFFICE_LABEL_WORDS if comma else MAX_LABEL_WORDS)
    )
    if len(words) > limit:
        return False
    key = fold(stripped).rstrip(".")
    if key in GENERIC_LABELS:
        return True
    if len(words) == 1:
        return len(key) >= 2 and key not in NOT_LABELS and key.replace("-", "").replace("'", "").isalpha()
    return True

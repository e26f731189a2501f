"""Speaker-label vocabulary and shape, English and Spanish.

A label is an all-caps run at the start of a line: ``SECURITY SECRETARY
RODRÍGUEZ:``, ``MR. PRICE:``, ``PRIMER MINISTRO DE CANADÁ, MARK CARNEY
(interpretación al español):`` or, in gob.mx block files, a line of its own
after ``---``.  The regexes find candidates cheaply; ``is_label`` applies the
limits that keep prose ("NATO: ..." or "Let me say this:") out.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from ..normalize import fold
from .boilerplate import DATE_LINE, chrome_reason

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
    "ROLE_NOUNS",
    "UNKNOWN_SPEAKER_MARKS",
    "LabelLine",
    "is_label",
    "label_rejection",
    "read_label_line",
]

#: Labels longer than this (in words) are prose, unless they contain a comma
#: (Spanish ``NAME, OFFICE`` labels run long: "RALPH GONSALVES, PRIMER MINISTRO DE ...").
MAX_LABEL_WORDS = 8
MAX_OFFICE_LABEL_WORDS = 18
#: A gob.mx label line stands alone after "---": structure vouches for it, so it may run long
#: ("DIRECTOR GENERAL DEL INSTITUTO DEL FONDO NACIONAL DE LA VIVIENDA PARA LOS TRABAJADORES (INFONAVIT), ...").
MAX_BLOCK_LABEL_WORDS = 60

#: Upper-case letters (ASCII, Latin-1, Latin Extended-A/B and Vietnamese ranges; case is checked
#: later by ``is_label``); labels are matched on ``match_view`` text, where invisible marks are spaces.
_UP = "A-ZÀ-ÖØ-Þ\u0100-\u024f\u1e00-\u1eff"
#: Inside a word, also digits, combining accents (decomposed "RODRI\u0301GUEZ") and the second halves
#: of UTF-8-read-as-Latin-1 pairs ("RODRÃ\x8dGUEZ"), so a mojibake label is still a label (the
#: mojibake itself is reported as a diagnostic).
_IN = _UP + "0-9\u0300-\u036f\u0080-\u00bf\u0152\u0160\u0178\u017d\u2030"
_WORD = rf"""(?:[{_IN}]+(?:'[{_IN}]+)*|\([{_UP}0-9&.\-]{{2,12}}\)|"[^"\n]{{1,40}}")"""
_FIRST = rf"[{_UP}][{_IN}]*(?:'[{_IN}]+)*"
_SEP = r"(?:[ \t]*[.,;/&+][ \t]*|[ \t]+|[ \t]*-[ \t]*)"
_LABEL = rf"(?P<label>{_FIRST}(?:{_SEP}{_WORD}){{0,24}}\.?)"
_MARKER = r"(?P<marker>\([^()\n]{1,80}\))"
_OPEN_MARKER = r"(?P<open>\([^()\n:]{1,80}?)"
#: A note whose colon is inside the brackets: "NAME (ACR) (Habla en inglés:) Muchas gracias".
_NOTE_COLON = r"(?P<inner_colon>\([^()\n:]{1,80}:\))"

#: ``LABEL [,] [(note)] :`` at line start (MULTILINE).  The colon is followed by space or the
#: line end, except right after a note, where gob.mx writes "(Interpretación …):Muchas gracias";
#: a note left open before the colon ("(Interpretación del inglés al español: …") is group ``open``;
#: a note with the colon inside its brackets ("(Habla en inglés:)") is group ``inner_colon``.
#: Every match holds a colon and no line break (``heads`` tries only the lines with a colon).
COLON_LABEL = re.compile(
    rf"^[ \t]*{_LABEL}[ \t]*,?[ \t]*(?:{_MARKER}[ \t]*:|{_NOTE_COLON}|{_OPEN_MARKER}[ \t]*:|:(?=\s|$))",
    re.MULTILINE,
)

#: A whole line that may be a gob.mx block label: ``NAME, OFFICE [(note)][.]`` (kept for callers).
BLOCK_LABEL_LINE = re.compile(rf"[ \t]*{_LABEL}[ \t]*,?[ \t]*{_MARKER}?[ \t]*[.:]?[ \t]*")

#: Marks gob.mx prints where the speaker is unknown.
UNKNOWN_SPEAKER_MARKS: frozenset[str] = frozenset({"???", "??", "?", "¿?", "¿¿??", "(?)", "…", "..."})

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
        "voz de mujer",
        "voz de hombre",
        "voces",
        "voz off",
        "nina",
        "nino",
        "ninos",
        "ninas",
        "joven",
        "mujer",
        "hombre",
        "senora",
        "senor",
        "publico",
        "asistentes",
        "audiencia",
        "intervencion de mujer",
        "intervencion de hombre",
        "unidentified speaker",
        "speaker",
        "male speaker",
        "female speaker",
        "crowd",
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


#: Nouns that name a role, not a person, when they open a label ("BENEFICIARIA, MARÍA PÉREZ",
#: "CADETE, JUAN LÓPEZ", "STUDENT, ANA RUIZ"); folded.  The name is the other side of the comma.
ROLE_NOUNS: frozenset[str] = frozenset(
    ["beneficiario", "beneficiaria", "paciente", "cadete", "vocalista", "lider", "divulgador", "divulgadora", "participante", "conductor", "conductora", "aprendiz", "estudiante", "alumno", "alumna", "productor", "productora", "trabajador", "trabajadora", "profesor", "profesora", "medico", "medica", "enfermero", "enfermera", "comandante", "capitan", "capitana", "teniente", "sargento", "soldado", "marino", "marinera", "cabo", "coronel", "general", "almirante", "regidor", "regidora", "sindico", "sindica", "comisario", "comisaria", "ejidatario", "ejidataria", "habitante", "vecino", "vecina", "usuario", "usuaria", "integrante", "miembro", "activista", "artista", "cantante", "musico", "musica", "atleta", "deportista", "campeon", "campeona", "medallista", "ganador", "ganadora", "galardonado", "galardonada", "premiado", "premiada", "empresario", "empresaria", "investigador", "investigadora", "cientifico", "cientifica", "academico", "academica", "rector", "rectora", "consul", "obispo", "sacerdote", "padre", "madre", "encargado", "encargada", "gerente", "operador", "operadora", "ingeniero", "ingeniera", "arquitecto", "arquitecta", "abogado", "abogada", "juez", "jueza", "magistrado", "magistrada", "defensor", "defensora", "delegado", "delegada", "subdelegado", "subdelegada", "supervisor", "supervisora", "inspector", "inspectora", "oficial", "agente", "policia", "guardia", "bombero", "bombera", "piloto", "chofer", "locutor", "locutora", "reportero", "reportera", "periodista", "vocero", "vocera", "moderador", "moderadora", "traductor", "traductora", "interprete", "lider", "dirigente", "jefe", "jefa", "representante", "titular", "student", "teacher", "worker", "farmer", "patient", "nurse", "doctor", "officer", "soldier", "athlete", "beneficiary", "resident"]
)


def label_rejection(
    label: str, *, has_comma_office: bool | None = None, max_words: int | None = None
) -> str | None:
    """Why an all-caps candidate is not a speaker label, or ``None`` when it is one.

    All cased letters upper case; at most ``MAX_LABEL_WORDS`` words (more when a
    comma separates a name from an office); a lone word must be a known role
    label or a name-like word that is not a common acronym or note word.
    """
    stripped = label.strip().rstrip(",")
    if not stripped or stripped.upper() != stripped or stripped.lower() == stripped:
        return "not in capitals"
    words = stripped.split()
    comma = "," in stripped if has_comma_office is None else has_comma_office
    limit = (
        max_words
        if max_words is not None
        else (MAX_OFFICE_LABEL_WORDS if comma else MAX_LABEL_WORDS)
    )
    if len(words) > limit:
        return f"{len(words)} words, more than a label has ({limit})"
    key = fold(stripped).rstrip(".")
    if key in GENERIC_LABELS:
        return None
    if len(words) == 1:
        if key in NOT_LABELS:
            return "a known acronym or note word"
        if len(key) < 2 or not key.replace("-", "").replace("'", "").isalpha():
            return "not a name"
    return None


def is_label(
    label: str, *, has_comma_office: bool | None = None, max_words: int | None = None
) -> bool:
    """Whether an all-caps candidate is a speaker label and not prose (see ``label_rejection``)."""
    return label_rejection(label, has_comma_office=has_comma_office, max_words=max_words) is None


@dataclass(frozen=True, slots=True)
class LabelLine:
    """How a gob.mx block's first line reads.

    ``kind``: ``"label"`` (a speaker label), ``"unknown"`` (``???``: a speaker the
    record does not name), ``"date"`` (a date heading, as in the English
    translations), ``"end"`` (an end mark or page chrome), ``"prose"`` (mixed case:
    text, not a label) or ``"rejected"`` (looks like a label but is not accepted;
    ``reason`` says why).  ``label_end`` is where the label words end, before a
    trailing note such as "(INTERPRETACIÓN DEL INGLÉS AL ESPAÑOL)" or "(ENLACE
    VIRTUAL)"; acronyms in parentheses ("(IMSS)") belong to the label.
    """

    kind: str
    label_end: int
    reason: str | None = None


_ACRONYM = re.compile(r"[A-Z0-9&.\-]{2,12}")
_DECORATION = " \t.:,;"


def read_label_line(view: str, start: int, end: int) -> LabelLine:
    """Read the trimmed line ``view[start:end]`` as a block's first line (see ``LabelLine``)."""
    line = view[start:end]
    kind, label_length, reason = _read_line(line) if len(line) <= _CACHED_LINE else _read_line.__wrapped__(line)
    return LabelLine(kind, start + label_length, reason)


#: Lines up to this long are remembered by ``_read_line``: a record names the same few speakers
#: in thousands of blocks, while a longer line is prose and read once.
_CACHED_LINE = 200


@functools.lru_cache(maxsize=1 << 13)
def _read_line(line: str) -> tuple[str, int, str | None]:
    """``read_label_line`` of a whole line: its kind, the label's length and the reason; a pure
    function of the line, so cached (see ``_CACHED_LINE``)."""
    if line.strip() in UNKNOWN_SPEAKER_MARKS:
        return "unknown", len(line), None
    label_length = _strip_trailing_notes(line)
    label = line[:label_length].strip()
    outside = _NOTE.sub(" ", label) if "(" in label else label
    if _has_lower_letter(outside):
        return "prose", label_length, None
    key = fold(label).strip(" .")
    if DATE_LINE.fullmatch(key):
        return "date", label_length, None
    chrome = chrome_reason(line)
    if chrome is not None:
        return "end", label_length, chrome
    if sum(map(str.isalpha, outside)) < 2:
        return "rejected", label_length, "fewer than two letters"
    if len(label.split()) > MAX_BLOCK_LABEL_WORDS:
        return "rejected", label_length, f"more than {MAX_BLOCK_LABEL_WORDS} words"
    return "label", label_length, None


#: A note in parentheses, closed or left open, blanked before a label's case is read.
_NOTE = re.compile(r"\([^()]*\)?")


def _has_lower_letter(text: str) -> bool:
    """Whether a letter of ``text`` is lower case.  ``str.isupper`` answers no in C for an
    all-caps label (it is false as soon as one character is lower case); only other lines
    are read a character at a time, and prose stops at its first lower-case letter."""
    if text.isupper():
        return False
    return any(c.islower() and c.isalpha() for c in text)


def _strip_trailing_notes(line: str) -> int:
    """Length of ``line`` without trailing notes in parentheses (closed or left open) and decoration."""
    end = len(line.rstrip(_DECORATION))
    while end:
        if line[end - 1] == ")":
            opening = line.rfind("(", 0, end - 1)
            if opening < 0:
                break
            inner = line[opening + 1 : end - 1].strip()
            if _ACRONYM.fullmatch(inner):
                break  # "(IMSS)": part of the office
            end = len(line[:opening].rstrip(_DECORATION))
            continue
        opening = line.rfind("(", 0, end)
        if opening >= 0 and ")" not in line[opening:end] and end - opening > 3:
            end = len(line[:opening].rstrip(_DECORATION))  # a note left open: "... (ENLACE VIRTUAL"
            continue
        break
    return end

"""Language data for the quality rules (English and Spanish), kept apart from the logic.

Each table says what it is for; rules import them by name.  Patterns run on
``normalize.match_view`` text (straight quotes, "-" for every dash).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = [
    "ALLOWED_DOUBLES",
    "FUNCTION_WORDS",
    "HANDOVER_CUES",
    "MISRENDERINGS",
    "NOT_GERUNDS",
    "PREFIXES",
    "TITLES",
    "Misrendering",
]

#: Words after which a dash means the phrase was cut off: "the delegation of – the U.S. …".
FUNCTION_WORDS: dict[str, frozenset[str]] = {
    "en": frozenset(
        ["a", "an", "the", "of", "to", "in", "on", "at", "by", "for", "from", "with", "about", "into", "and", "or", "but", "so", "that", "which", "who", "whom", "whose", "this", "these", "those", "our", "their", "my", "your", "his", "her", "its", "we", "they", "i", "you", "he", "she", "it", "is", "are", "was", "were", "be", "will", "would", "can", "could", "should", "must", "have", "has", "had", "do", "does", "did", "not", "as", "than"]
    ),
    "es": frozenset(
        ["el", "la", "los", "las", "un", "una", "unos", "unas", "de", "del", "al", "a", "en", "con", "por", "para", "sin", "sobre", "entre", "y", "o", "pero", "que", "quien", "cual", "cuyo", "este", "esta", "estos", "estas", "ese", "esa", "nuestro", "nuestra", "nuestros", "nuestras", "su", "sus", "mi", "mis", "tu", "se", "lo", "le", "les", "nos", "es", "son", "fue", "era", "ser", "estar", "ha", "han", "hemos", "he", "como", "muy", "mas"]
    ),
}

#: Immediate word doubles that are grammatical ("that that", "had had", Spanish "no, no").
ALLOWED_DOUBLES: frozenset[str] = frozenset({"that", "had", "is", "very", "no", "bye", "ha", "si", "sí", "muy"})

#: Words ending in "-ing" that are not gerunds, so "to bring" is not "to + gerund".
NOT_GERUNDS: frozenset[str] = frozenset(
    ["bring", "thing", "string", "spring", "swing", "sting", "cling", "fling", "wring", "king", "ring", "sing", "during", "evening", "morning", "nothing", "something", "anything", "everything", "beijing", "wyoming", "ceiling", "viking", "sibling"]
)


@dataclass(frozen=True)
class Misrendering:
    """A pattern that signals an ungrammatical rendering, and why."""

    language: str
    pattern: re.Pattern[str]
    why: str


_I = re.IGNORECASE
#: Patterns of renderings that cannot be grammatical, each with the reason shown to users.
MISRENDERINGS: tuple[Misrendering, ...] = (
    Misrendering(
        "en",
        re.compile(r"\b(?:continue|continues|continued|continuing|want|wants|need|needs|wish|hope|decided|"
                   r"try|tries|trying|able|going|seek|seeks|intend|intends|plan|plans)\s+to\s+([a-z]{3,}ing)\b", _I),
        "infinitive 'to' followed by an -ing form",
    ),
    Misrendering("en", re.compile(r"\b(?:it's|it is|is|was) \w+ to me with\b", _I), "'to me with' where 'to be with' makes sense"),
    Misrendering("en", re.compile(r"\b(?:should|could|would|must) of\b", _I), "'of' after a modal verb where 'have' belongs"),
    # a doubled article ("the the") is a repetition (IA204), not this
    Misrendering("en", re.compile(r"\b(the|a|an) (?!\1\b)(?:the|a|an)\b", _I), "two articles in a row"),
    Misrendering("es", re.compile(r"\b(el|la|los|las) (?!\1\b)(?:el|la|los|las)\b", _I), "two articles in a row"),
)

#: Productive prefixes (folded): "pospandemia" is one word, not "pos" + "pandemia" run together.
PREFIXES: frozenset[str] = frozenset(
    ["anti", "auto", "bio", "co", "contra", "des", "ex", "in", "inter", "macro", "mega", "micro", "multi",
     "narco", "pos", "post", "pre", "pro", "re", "semi", "sub", "super", "tele", "trans", "ultra", "vice"]
)

#: Openers of a moderator's introduction ("Finally, …", "A continuación, …"), folded.
HANDOVER_CUES: dict[str, tuple[str, ...]] = {
    "en": ("finally", "and finally", "next", "and next", "now", "and now", "then", "lastly", "last",
           "first", "second", "third", "fourth", "fifth", "our next speaker", "please welcome",
           "the floor goes to", "the floor is yours", "over to"),
    "es": ("finalmente", "y finalmente", "por ultimo", "a continuacion", "enseguida", "ahora", "y ahora",
           "en seguida", "luego", "primero", "segundo", "tercero", "cuarto", "quinto",
           "tiene la palabra", "le cedo la palabra", "cedo la palabra", "damos la palabra", "turno de"),
}

#: Titles that introduce a person ("Secretary", "Dr.", "Canciller"), folded.
TITLES: frozenset[str] = frozenset(
    ["secretary", "secretaria", "secretario", "minister", "ministra", "ministro", "attorney", "general", "fiscal", "advisor", "adviser", "asesor", "asesora", "ambassador", "embajador", "embajadora", "president", "presidente", "presidenta", "dr", "doctor", "doctora", "mr", "mrs", "ms", "senor", "senora", "lic", "licenciado", "licenciada", "chancellor", "canciller", "governor", "gobernador", "gobernadora", "admiral", "almirante", "general", "director", "directora", "deputy", "subsecretario", "subsecretaria", "under", "undersecretary", "senator", "senadora", "senador"]
)

"""Language data for the quality rules (English and Spanish), kept apart from the logic.

Each table says what it is for; rules import them by name.  Patterns run on
``normalize.match_view`` text (straight quotes, "-" for every dash).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..lang.roles import GENERIC_ROLE_PHRASES

__all__ = [
    "ALLOWED_DOUBLES",
    "ANNOUNCER_ROLES",
    "CONJUNCTIONS",
    "COURTESY_CUES",
    "COURTESY_OPENERS",
    "DEMONYM_ENDINGS",
    "FUNCTION_WORDS",
    "GLOSS_CUES",
    "HANDOVER_CUES",
    "LOANWORDS",
    "MISRENDERINGS",
    "NOT_GERUNDS",
    "PARTICLE_DOUBLES",
    "PREFIXES",
    "SECOND_PERSON",
    "TIME_WORDS",
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

#: Immediate word doubles that are grammatical or idiomatic: "that that", "had had", Spanish
#: "no, no", and emphatic reduplication ("muy muy", "casi casi", "la mera mera", "un gran gran abrazo").
ALLOWED_DOUBLES: frozenset[str] = frozenset(
    {"that", "had", "is", "very", "really", "no", "bye", "ha", "si", "sí", "muy", "casi", "mero", "mera",
     "gran", "bien", "ya"}
)

#: English particles that may stand twice in a row grammatically: a phrasal verb's particle, then a
#: preposition ("weigh in in our politics", "going on on the ground", "fighting for for as long as").
#: Doubled, they are only info: the record may be right.
PARTICLE_DOUBLES: frozenset[str] = frozenset(
    {"in", "on", "for", "up", "out", "off", "over", "down", "about", "around", "by", "through", "to"}
)

#: Words after which a doubled demonstrative is grammatical: "we talked about this this morning".
TIME_WORDS: frozenset[str] = frozenset(
    {"morning", "afternoon", "evening", "week", "weekend", "year", "month", "time", "spring", "summer",
     "fall", "autumn", "winter", "session", "cycle", "quarter"}
)

#: Conjunctions: a loop joined by one ("paga y paga y paga", "and trust and trust") is rhetoric.
CONJUNCTIONS: frozenset[str] = frozenset({"y", "e", "o", "u", "ni", "and", "or", "nor"})

#: Second-person words: a hand-over addressed to someone ("Over to you, Dr. Walensky") is said by the
#: speaker of the turn, not by another voice.
SECOND_PERSON: frozenset[str] = frozenset(
    {"you", "your", "yours", "usted", "ustedes", "te", "tu", "ti", "contigo", "vos"}
)

#: Words ending in "-ing" that are not gerunds, so "to bring" is not "to + gerund".
NOT_GERUNDS: frozenset[str] = frozenset(
    ["bring", "thing", "string", "spring", "swing", "sting", "cling", "fling", "wring", "king", "ring", "sing", "during", "evening", "morning", "nothing", "something", "anything", "everything", "beijing", "wyoming", "ceiling", "viking", "sibling"]
)


@dataclass(frozen=True)
class Misrendering:
    """A pattern that signals an ungrammatical rendering, and why.

    ``needs`` lists words the pattern cannot match without, as (words, how many of them), the
    rarest first: the rule skips an ASCII sentence lacking them before running the pattern.
    """

    language: str
    pattern: re.Pattern[str]
    why: str
    needs: tuple[tuple[frozenset[str], int], ...] = ()


_I = re.IGNORECASE
_TO_VERBS = ("continue", "continues", "continued", "continuing", "want", "wants", "need", "needs", "wish", "hope",
             "decided", "try", "tries", "trying", "able", "going", "seek", "seeks", "intend", "intends", "plan", "plans")
_MODALS = ("should", "could", "would", "must")
_ARTICLES = {"en": ("the", "a", "an"), "es": ("el", "la", "los", "las")}


def _words(*words: str) -> frozenset[str]:
    return frozenset(words)


#: Patterns of renderings that cannot be grammatical, each with the reason shown to users.
MISRENDERINGS: tuple[Misrendering, ...] = (
    Misrendering(
        "en",
        re.compile(rf"\b(?:{'|'.join(_TO_VERBS)})\s+to\s+([a-z]{{3,}}ing)\b", _I),
        "infinitive 'to' followed by an -ing form",
        ((_words(*_TO_VERBS), 1), (_words("to"), 1)),
    ),
    Misrendering("en", re.compile(r"\b(?:it's|it is|is|was) \w+ to me with\b", _I), "'to me with' where 'to be with' makes sense",
                 ((_words("me"), 1), (_words("with"), 1), (_words("to"), 1))),
    Misrendering("en", re.compile(rf"\b(?:{'|'.join(_MODALS)}) of\b(?! course\b)", _I),
                 "'of' after a modal verb where 'have' belongs", ((_words(*_MODALS), 1), (_words("of"), 1))),
    # a doubled article ("the the") is a repetition (IA204), not this
    Misrendering("en", re.compile(r"\b(the|a|an) (?!\1\b)(?:the|a|an)\b", _I), "two articles in a row",
                 ((_words(*_ARTICLES["en"]), 2),)),
    Misrendering("es", re.compile(r"\b(el|la|los|las) (?!\1\b)(?:el|la|los|las)\b", _I), "two articles in a row",
                 ((_words(*_ARTICLES["es"]), 2),)),
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

#: Words of the other language that are established in this one (folded): a loanword is not a
#: code-switch.  "Nearshoring" is Mexican Spanish business vocabulary and "bracero" names a U.S.
#: program, but "our paisanos" in an English record is the speaker switching language.
LOANWORDS: dict[str, frozenset[str]] = {
    "en": frozenset(
        ["bracero", "braceros", "peso", "pesos", "fiesta", "fiestas", "siesta", "amigo", "amigos", "plaza",
         "plazas", "patio", "barrio", "barrios", "bodega", "bodegas", "cartel", "carteles", "maquiladora",
         "maquiladoras", "maquila", "maquilas", "machismo", "macho", "sombrero", "salsa", "tequila", "mezcal",
         "tortilla", "tortillas", "tamale", "tamales", "taco", "tacos", "burrito", "burritos", "cilantro",
         "chile", "chiles", "jalapeno", "jalapenos", "guacamole", "pinata", "quinceanera", "rodeo", "canyon",
         "mesa", "junta", "coyote", "coyotes", "mariachi", "mariachis", "embargo",
         "aficionado", "aficionados", "vigilante", "vigilantes", "guerrilla", "guerrillas",
         "armada", "cafeteria", "bonanza"]
    ),
    "es": frozenset(
        ["nearshoring", "friendshoring", "reshoring", "offshoring", "outsourcing", "okay", "ok", "software",
         "hardware", "marketing", "online", "streaming", "startup", "startups", "fintech", "fintechs", "hub",
         "hubs", "podcast", "podcasts", "influencer", "influencers", "bullying", "look", "staff", "boom",
         "shock", "show", "shows", "rally", "lobby", "manager", "email", "mail", "smartphone", "hacker",
         "hackers", "spam", "fake", "news", "fact", "checking", "ranking", "rating", "dumping", "fast", "track",
         "home", "office", "cluster", "clusters", "clusteres", "holding", "holdings", "leasing",
         "stock", "stocks", "container", "freeway", "cash", "dealer", "dealers", "fentanyl", "spread",
         "trading", "trader", "traders", "call", "center", "web", "blog", "tuit", "tweet", "selfie", "chat",
         "link", "links", "feedback", "coach", "round", "sprint", "tour", "hit", "hits", "rock", "jazz",
         "blues", "beisbol", "baseball", "softbol", "futbol", "sandwich", "club", "clubs", "bar", "bares",
         "pub", "master", "masters", "pitch", "sport", "light", "premium", "gourmet", "delivery", "app",
         "apps", "bot", "bots", "youtuber", "youtubers", "likes", "like", "router", "wifi", "internet"]
    ),
}

#: Openings of a sentence an interpreter adds to explain ("That is, the Mexican currency."), folded.
GLOSS_CUES: dict[str, tuple[str, ...]] = {
    "en": ("that is,", "that is to say", "in other words", "i.e.", "namely,", "which means", "meaning,",
           "as you know,", "as you may know", "for those who do not know", "by the way,"),
    "es": ("es decir", "o sea", "esto es,", "a saber", "como saben", "como ustedes saben", "por cierto,",
           "dicho de otro modo", "en otras palabras"),
}

#: How a courtesy formula opens (folded): a greeting, a thank-you, a farewell.  Interpreters leave
#: such a line out or add one by routine ("Un saludo fraterno, presidente Biden." with no English),
#: so a lone one is only a lead for IA601/IA602.
COURTESY_CUES: dict[str, tuple[str, ...]] = {
    "en": ("thank you", "thanks", "many thanks", "my greetings", "greetings", "hi", "hello", "good morning", "good afternoon",
           "good evening", "good night", "welcome", "congratulations", "my regards", "best regards", "goodbye",
           "a warm greeting", "a fraternal greeting", "a hug"),
    "es": ("gracias", "muchas gracias", "muchisimas gracias", "un saludo", "saludos", "mis saludos", "hola", "buenos dias",
           "muy buenos dias", "buenas tardes", "muy buenas tardes", "buenas noches", "bienvenido", "bienvenida", "bienvenidos",
           "bienvenidas", "felicidades",
           "felicitaciones", "enhorabuena", "un abrazo", "adios", "hasta luego"),
}

#: Role labels (folded) of the people who announce, introduce and close an event: their turns carry no
#: content of the event, and the other record routinely leaves them out (IA606 is then info).  The
#: moderator class of the parser's generic roles, and announcers it files elsewhere.
ANNOUNCER_ROLES: frozenset[str] = frozenset(
    {*GENERIC_ROLE_PHRASES["moderator"], "presentador", "presentadora", "locutor", "locutora", "voz en off",
     "announcer", "presenter", "emcee", "conductor", "conductora"}
)

#: Endings (folded) that make a people's name from a place's: "Venezuela" → "Venezuelans", "Cuba" →
#: "cubanos", "Canada" → "canadienses".  A name near another only by such an ending is a demonym, not a
#: misspelling (IA607).  Bare plural endings ("-s", "-es") are left out: "Torre"/"Torres" may be a misspelling.
DEMONYM_ENDINGS: dict[str, tuple[str, ...]] = {
    "en": ("ans", "ian", "ians", "an", "ese", "is", "ish", "ers"),
    "es": ("anos", "anas", "ano", "ana", "ienses", "iense", "enses", "ense", "enos", "enas", "eno", "ena", "eses",
           "esa", "ies"),
}

#: Fillers that may open a courtesy formula ("And hi, …", "Okay, thank you, …", "Bueno, muchas gracias").
COURTESY_OPENERS: dict[str, tuple[str, ...]] = {
    "en": ("and", "so", "well", "okay", "ok", "oh", "yes", "all right", "alright"),
    "es": ("y", "bueno", "pues", "bien", "muy bien", "si", "ok"),
}

"""Write the labelled check corpus: project-written variants of the seed, each defect planted and labelled.

Run from the repository root: ``python corpora/check-corpus/make_variants.py``.
Every edit replaces one exact anchor string of the seed (or of the project's
Spanish record) and adds a row to ``labels.tsv``: file, original, rule, excerpt,
note, class (the defect class recall is reported for: numbers, omissions,
names, inaudible, boilerplate, garbled, additions, flags, structure).  In a
hard-wrapped record an anchor may cross a line break: its spaces match any
run of white space.  A finding matches a label when its rule is the label's rule and the
label's excerpt is part of the finding's excerpt or of one of its related
locations.  The seed's own defects are labelled once for the seed and carried
into every English variant, which contains them too; the sentences the seed's
gold alignments mark as omitted (``[i]:[]``) are labelled IA601 for the
fidelity runs against the project's Spanish record and against the planted copy.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
SEED_DIR = HERE.parent / "us-mexico-security-dialogue-2023"
SEED = "../us-mexico-security-dialogue-2023/en.txt"

#: The seed's defects (issue 4): rule, excerpt, note.
SEED_LABELS = [
    ("IA101", "(inaudible)", "gap marker in Rodríguez's second turn"),
    ("IA301", "Roderíguez", "misspelled name in Garland's turn"),
    ("IA302", "Rodriguez", "accent-only difference in Blinken's hand-over"),
    ("IA401", "(Via interpreter.)", "marker variant in Alcalde's turn"),
    ("IA404", "Muchas gracias", "code-switch in Blinken's turn"),
    ("IA207", "wonderful to me with", "garbled rendering of 'to be with'"),
    ("IA207", "continue to allowing", "garbled rendering in Bárcena's turn"),
    ("IA207", "continue to supporting", "garbled rendering in Gertz's turn"),
    ("IA501", "Finally, Presidential Advisor", "moderator's hand-over inside Alcalde's turn"),
    ("IA503", "Related Articles", "page chrome after the last turn"),
    ("IA503", "Leave a Reply", "page chrome after the last turn"),
    ("IA503", "Your email address will not be published", "page chrome after the last turn"),
    ("IA503", "Back to top button", "page chrome after the last turn"),
    ("IA504", "gates of olympus", "spam link text after the last turn"),
    ("IA204", "the causes, the causes", "rhetorical repetition (info): the record is faithful"),
    ("IA204", "cabinet members, cabinet members", "repetition in Sherwood-Randall's thanks (info)"),
]

#: variant name → list of (anchor, replacement, rule, excerpt, note)
EN_VARIANTS: dict[str, list[tuple[str, str, str, str, str]]] = {
    "v01-gaps.en.txt": [
        ("Let’s get started.", "Let’s get started. [unintelligible]", "IA102", "[unintelligible]", "planted gap"),
        ("We are now our largest trading partners", "We are now (crosstalk) our largest trading partners", "IA103", "(crosstalk)", "planted gap"),
        ("MAYORKAS:  It’s an honor", "MAYORKAS:  (off-mic) It’s an honor", "IA104", "(off-mic)", "planted gap"),
        ("as you always do, so graciously", "as you always do, (audio interrupted) so graciously", "IA105", "(audio interrupted)", "planted gap"),
    ],
    "v02-garble.en.txt": [
        ("Secretary Bárcena, Alicia, Secretary Rodríguez", "Secretary BÃ¡rcena, Alicia, Secretary Rodríguez", "IA201", "BÃ¡rcena", "planted mojibake"),
        ("We are advancing.  This is why", "We are advancing. ¤¤¤ This is why", "IA202", "¤¤¤", "planted symbol noise"),
        ("resist with effectiveness", "resist with efectivnesk", "IA203", "efectivnesk", "planted non-word"),
        ("This framework reflects our", "This framework reflects reflects our", "IA204", "reflects reflects", "planted doubled word"),
        ("We depend on common approaches", "We depend on on on common approaches", "IA204", "on on on", "planted loop"),
        ("Let’s get started.", "Let’s get started with the –", "IA205", "Let’s get started with the –", "planted broken-off sentence"),
        ("But we want to make sure that our border", "But we want to making sure that our border", "IA207", "want to making", "planted to + -ing"),
    ],
    "v03-names.en.txt": [
        ("Attorney General Merrick Garland, then", "Attorney General Merrick Garlund, then", "IA301", "Garlund", "planted misspelling"),
        ("Secretary of Homeland Security Mayorkas", "Secretary of Homeland Security Majorkas", "IA301", "Majorkas", "planted misspelling"),
        ("Welcome, Secretary Blinken, Attorney", "Welcome, Secretary Blinkin, Attorney", "IA301", "Blinkin", "planted misspelling"),
        ("Thank you, Secretary Bárcena and thank you", "Thank you, Secretary Barcena and thank you", "IA302", "Barcena", "planted accent drop"),
    ],
    "v04-flags.en.txt": [
        ("(Via interpreter) The Mexican security cabinet", "The Mexican security cabinet", "IA402", "SECURITY SECRETARY RODRÍGUEZ", "planted missing marker"),
        ("(Via interpreter) Mr. Secretary", "[Via interpreter] Mr. Secretary", "IA401", "[Via interpreter]", "planted marker variant"),
        ("All of us here together are making our countries", "Estamos muy agradecidos por la hospitalidad del pueblo de México y de su gobierno.  All of us here together are making our countries", "IA403", "Estamos muy agradecidos", "planted untranslated sentence"),
        ("I’m so honored to be here today.", "I’m so honored to be here today, mis amigos.", "IA404", "mis amigos", "planted code-switch"),
    ],
    "v05-structure.en.txt": [
        ("HOMELAND SECURITY SECRETARY MAYORKAS:", "SECRETARY BLINKEN:  \n\nHOMELAND SECURITY SECRETARY MAYORKAS:", "IA502", "SECRETARY BLINKEN:", "planted empty turn"),
        ("We all share that principle, and we all work together to fulfill that responsibility.\n\n",
         "We all share that principle, and we all work together to fulfill that responsibility.\n\nNext, Interior Secretary Luisa María Alcalde.\n\n",
         "IA501", "Next, Interior Secretary Luisa María Alcalde.", "planted hand-over mid-turn"),
        ("advance our shared goals.  Thank you.\n", "advance our shared goals.  Thank you.\nShare this article\n", "IA503", "Share this article", "planted chrome glued to the last turn"),
        ("gates of olympus", "gates of olympus\n\njudi slot gacor", "IA504", "judi slot gacor", "planted spam"),
    ],
}

#: The seed's own defects that only the fidelity run can see (against either Spanish record).
SEED_FIDELITY_LABELS = [
    ("IA607", "Crescencio", "the English record misspells Luis Cresencio Sandoval's given name"),
]

#: Planted into a copy of the project's Spanish record; checked as en.txt --original this file.
ES_VARIANT = "v06-fidelity.es.txt"
ES_EDITS: list[tuple[str, str, str, str, str]] = [
    ("más de 78 mil delincuentes", "más de 87 mil delincuentes", "IA603", "87 mil", "planted wrong number (78,000)"),
    ("7.4 toneladas de fentanilo", "4.7 toneladas de fentanilo", "IA603", "4.7 toneladas", "planted swapped digits (7.4)"),
    ("alcanzó 855 mil millones de dólares", "alcanzó 855 millones de dólares", "IA603", "855 millones de dólares", "planted scale error ($855 billion)"),
    ("el homicidio doloso en 17 por ciento", "el homicidio doloso en 27 por ciento", "IA603", "27 por ciento", "planted wrong percentage"),
    ("Pero es indispensable detener el",
     "Además, desmantelamos 150 células delictivas que operaban en la frontera norte del país. Pero es indispensable detener el",
     "IA601", "desmantelamos 150 células delictivas", "planted sentence the interpreter 'omits'"),
]


def _gold_omissions(base: Path = SEED_DIR) -> list[tuple[str, str, str]]:
    """IA601 labels from a pair's gold alignments: every ``[i]:[]`` bead is a sentence left out."""
    rows = []
    for name in ("es-en", "en-es"):
        folder = base / "gold" / name
        if not (folder / "gold").is_file():
            continue
        src = (folder / "src").read_text(encoding="utf-8").splitlines()
        for line in (folder / "gold").read_text(encoding="utf-8").splitlines():
            m = re.fullmatch(r"\[(\d+)\]:\[\]", line.strip())
            if m:
                rows.append(("IA601", src[int(m.group(1))], f"gold omission ({name})"))
    return rows


def _gold_additions(base: Path) -> list[tuple[str, str, str]]:
    """IA602 labels from a pair's gold alignments: every ``[]:[j]`` bead is a rendered sentence with no source."""
    rows = []
    for name in ("es-en", "en-es"):
        folder = base / "gold" / name
        if not (folder / "gold").is_file():
            continue
        tgt = (folder / "tgt").read_text(encoding="utf-8").splitlines()
        for line in (folder / "gold").read_text(encoding="utf-8").splitlines():
            m = re.fullmatch(r"\[\]:\[(\d+)\]", line.strip())
            if m:
                rows.append(("IA602", tgt[int(m.group(1))], f"gold addition ({name})"))
    return rows


def _apply(text: str, edits: list[tuple[str, str, str, str, str]], name: str) -> str:
    for anchor, replacement, *_ in edits:
        if text.count(anchor) == 0:  # the State Department separates sentences with "\u00a0 "
            nbsp = anchor.replace("  ", "\u00a0 ")
            if text.count(nbsp) == 1:
                anchor, replacement = nbsp, replacement.replace("  ", "\u00a0 ")
        if text.count(anchor) == 0:  # a hard-wrapped record: the anchor may cross a line break
            pattern = re.compile(r"\s+".join(re.escape(part) for part in anchor.split()))
            found = pattern.findall(text)
            if len(found) == 1:
                anchor = found[0]
        if text.count(anchor) != 1:
            raise SystemExit(f"{name}: anchor {anchor!r} occurs {text.count(anchor)} times in the source")
        text = text.replace(anchor, replacement)
    return text


#: Rule → the defect class its labels count for, for recall per class (``benchmarks/check_bench.py``).
CLASSES = {
    "IA1": "inaudible", "IA2": "garbled", "IA301": "names", "IA302": "names", "IA4": "flags",
    "IA501": "structure", "IA502": "structure", "IA503": "boilerplate", "IA504": "boilerplate",
    "IA505": "structure", "IA601": "omissions", "IA602": "additions", "IA603": "numbers",
    "IA604": "names", "IA605": "omissions", "IA606": "omissions", "IA607": "names", "IA608": "omissions",
}


def defect_class(rule: str) -> str:
    """The class a rule's labels count for: the longest id prefix in :data:`CLASSES`."""
    for size in (5, 3):
        if rule[:size] in CLASSES:
            return CLASSES[rule[:size]]
    return "other"


@dataclass(frozen=True)
class Variant:
    """A copy of one record of a project-written pair with defects planted.

    ``side`` is the record copied (``"en"`` or ``"es"``: ``en.txt`` or ``es.txt`` of ``base``); ``original`` is, for a
    fidelity run, the other record of the pair it is checked against (``None``: checked alone).
    ``base_labels`` are defects the base record has of its own (rule, excerpt, note), and ``gold``
    labels the sentences the pair's gold alignments leave without a counterpart.
    """

    name: str
    base: str
    side: str
    edits: list[tuple[str, str, str, str, str]]
    original: str | None = None
    base_labels: tuple[tuple[str, str, str], ...] = ()
    gold: bool = False


_RIO = "rio-bravo-water-2026"
_BILATERAL = "bilateral-meeting-2025"
_PRESS = "joint-press-conference-2024"
_FORUM = "binational-forum-speech-2024"

#: Defects planted in the other project-written pairs: White House, State Department and gob.mx shapes.
VARIANTS: list[Variant] = [
    Variant("v07-rio-fidelity.en.txt", _RIO, "en", original="es.txt", edits=[
        ("357,000 families", "375,000 families", "IA603", "375,000", "planted wrong figure (357 mil)"),
        ("by 30 percent", "by 13 percent", "IA603", "13 percent", "planted wrong percentage (30 por ciento)"),
        ("we will deliver 430 million cubic meters", "we will deliver three hundred and forty million cubic meters",
         "IA603", "three hundred and forty million", "planted wrong spelled-out figure (430 millones)"),
        ("in three stages.", "in three stages.  That is, the Mexican currency.", "IA602",
         "That is, the Mexican currency.", "planted gloss with no source"),
        ("  That is already provided for in Article 7.", "", "IA601", "Eso ya está previsto en el artículo 7.",
         "planted omission"),
        ("President Lázaro Cárdenas", "President Lázaro Cárdenaz", "IA607", "Cárdenaz", "planted misspelled name (not a speaker)"),
        ("Commissioner Arturo Benavides", "Commissioner Arturo Benavidez", "IA607", "Benavidez", "planted misspelled name"),
    ]),
    Variant("v08-rio-partial.en.txt", _RIO, "en", original="es.txt", edits=[
        ("President Lázaro Cárdenas used to say that water belongs to those who care for it, and today we care for it "
         "together.  With this agreement, 357,000 families in Chihuahua, Coahuila and Tamaulipas will have secure water for "
         "irrigation.  We will also reduce losses in the canals by 30 percent.\n\nI want to recognize the work of Ambassador "
         "Teresa Quiñones and Commissioner Arturo Benavides, who negotiated every article.  Thank you very much.", "",
         "IA608", "El presidente Lázaro Cárdenas decía", "planted partial rendering: the turn stops after its first paragraph"),
        ("we will deliver 430 million cubic meters.", "we will deliver 430 million cubic meters.  As you know, the "
         "Commission has worked on this border for more than a century.", "IA602",
         "has worked on this border for more than a century", "planted aside with no source"),
        ("The first deliveries start in June.", "The first deliveries start in June.  We have waited a long time for "
         "this day.", "IA601", "We have waited a long time for this day.",
         "a sentence of an English-original turn that the Spanish rendering lacks (the other record's omission: info)"),
        ("Secretary, how much money will Mexico put in?", "Secretary Olbera, how much money will Mexico put in?", "IA301",
         "Olbera", "planted misspelled speaker name"),
        ("Thank you all for your attention.", "Thank you all for your (inaudible).", "IA101", "(inaudible)", "planted gap"),
    ]),
    # no defect: spelled-out and rescaled figures, a sentence split in two, accents dropped; nothing above info is right
    Variant("v09-rio-paraphrase.en.txt", _RIO, "en", original="es.txt", edits=[
        ("357,000 families", "three hundred and fifty-seven thousand families", "", "", "same figure spelled out"),
        ("9,600 million pesos", "9.6 billion pesos", "", "", "same figure, another scale word"),
        ("In the first year, we will deliver 430 million cubic meters.",
         "In the first year, we will deliver a first volume.  It will be 430 million cubic meters.", "", "",
         "one sentence rendered as two, the figure in the second"),
        ("President Lázaro Cárdenas", "President Lazaro Cardenas", "", "", "accents dropped"),
        ("Eighty years ago", "80 years ago", "", "", "digits for a spelled-out number"),
    ]),
    Variant("v10-rio.es.txt", _RIO, "es", edits=[
        ("Muchas gracias, señora vicepresidenta.", "Muchas gracias, señora vicepresidenta (inaudible).", "IA101",
         "(inaudible)", "planted gap"),
        ("Si hay una sequía extraordinaria,", "Si hay una (falla de audio) sequía extraordinaria,", "IA105",
         "(falla de audio)", "planted transmission failure"),
        ("Secretario, ¿cuánto dinero", "Secretario Olbera, ¿cuánto dinero", "IA301", "Olbera", "planted misspelled speaker name"),
        ("con los canales de Delicias", "con los canales de Delicias, en el estado de ChihuahuÃ¡", "IA201", "ChihuahuÃ¡",
         "planted mojibake"),
        ("Vamos a pasar a la sesión", "Vamos a pasar a la la sesión", "IA204", "la la", "planted doubled word"),
        ("Última pregunta, por favor.", "Última pregunta, por favor. ¤¤¤", "IA202", "¤¤¤", "planted symbol noise"),
        ("—000—", "—000—\ngob.mx/presidencia\nCompartir\nslot gacor maxwin", "IA503", "gob.mx/presidencia",
         "planted site footer"),
    ] + [("", "", "IA503", "Compartir", "planted share button"), ("", "", "IA504", "slot gacor maxwin", "planted spam")]),
    Variant("v11-rio-fidelity.es.txt", _RIO, "es", original="en.txt", edits=[
        ("480 millones de dólares", "840 millones de dólares", "IA603", "840 millones", "planted wrong figure in the Spanish rendering"),
        (" Y vamos a crear un centro conjunto de monitoreo en Ciudad Juárez que publicará los datos cada semana.", "",
         "IA601", "joint monitoring center", "planted omission by the Spanish-side interpreter"),
        ("El secretario Harlow y yo", "El secretario Harlou y yo", "IA607", "Harlou", "planted misspelled name"),
        ("Las primeras entregas empiezan en junio.", "Las primeras entregas empiezan en junio. Es decir, al inicio del verano.",
         "IA602", "Es decir, al inicio del verano.", "planted gloss with no source"),
    ]),
    Variant("v12-bilateral.en.txt", _BILATERAL, "en", edits=[
        ("we are not just neighbors; we are partners", "we are not just neighbors; we are (inaudible) partners", "IA101",
         "(inaudible)", "planted gap"),
        ("It’s good to be back in Mexico City.", "It’s good to be back in Mexico City, with our paisanos.", "IA404",
         "paisanos", "planted single-word code-switch"),
        ("floor to our Secretary of Foreign Affairs.", "floor to our Secretary of Foreign Affairs, Secretary Aguire.", "IA301",
         "Aguire", "planted misspelled speaker name"),
        ("Q    Thank you, Mr. President.  On fentanyl", "Q    Thank you, President Witcomb.  On fentanyl", "IA301", "Witcomb",
         "planted misspelled speaker name"),
        ("We have a great deal of work", "We have a a great deal of work", "IA204", "a a", "planted doubled article"),
        ("in the south of Mexico.", "in the south of MÃ©xico.", "IA201", "MÃ©xico", "planted mojibake"),
        ("Thank you again, Madam President.", "Thank you again, Madam President. ‡‡‡", "IA202", "‡‡‡", "planted symbol noise"),
        ("we are going to share more information", "we are going to sharing more information", "IA207", "going to sharing",
         "planted to + -ing"),
        ("END      12:21 P.M. CST", "END      12:21 P.M. CST\n\nShare this:\n\nFacebook\n\nslot gacor maxwin", "IA503",
         "Share this", "planted page chrome after the record"),
    ] + [("", "", "IA504", "slot gacor maxwin", "planted spam (the parser files the share button with it)")]),
    Variant("v13-bilateral-fidelity.en.txt", _BILATERAL, "en", original="es.txt", base_labels=(
        ("IA606", "Muy buenos días. Damos la más cordial bienvenida", "a moderator's announcement the English record leaves out"),
        ("IA606", "Escuchemos ahora el mensaje del presidente", "a moderator's announcement the English record leaves out"),
        ("IA606", "Vamos a dar paso a una breve sesión de preguntas", "a moderator's announcement the English record leaves out"),
        ("IA606", "Con esto concluye el encuentro con medios", "a moderator's announcement the English record leaves out"),
    ), edits=[
        ("3,000 kilometers of border", "300 kilometers of border", "IA603", "300 kilometers", "planted wrong figure (3 mil)"),
        ("around 200,000 people", "around 20,000 people", "IA603", "20,000", "planted wrong figure (200 mil)"),
        ("1.5 billion dollars", "5.1 billion dollars", "IA603", "5.1 billion", "planted swapped digits (mil 500 millones)"),
        ("  But that depends on the final agreement.", "", "IA601", "Pero eso depende del acuerdo final.", "planted omission"),
        ("which will meet every three months.", "which will meet every three months.  That is, the group will report "
         "directly to both presidents.", "IA602", "report directly to both presidents", "planted gloss with no source"),
        ("Madam President, Laura Campos,", "Madam President, Laura Campo,", "IA607", "Campo", "planted misspelled name"),
        ("We have a great deal of work ahead of us.", "We have a great deal of work ahead of us.  Our engineers have "
         "been preparing these proposals for many months in close contact with universities.", "IA602",
         "Our engineers have been preparing these proposals", "planted sentence with no source (no cue word)"),
    ]),
    Variant("v14-press.es.txt", _PRESS, "es", base_labels=(("IA105", "(Falla de audio)", "gap in the base record"),), edits=[
        ("Revisamos cinco temas:", "Revisamos (inaudible) cinco temas:", "IA101", "(inaudible)", "planted gap"),
        ("al secretario David Harlan y a toda", "al secretario David Harlam y a toda", "IA301", "Harlam",
         "planted misspelled speaker name"),
        ("Es una relación madura", "Es una una relación madura", "IA204", "una una", "planted doubled word"),
        ("Baja California y Nuevo León", "Baja California y Nuevo LeÃ³n", "IA201", "LeÃ³n", "planted mojibake"),
        ("Todos los días. Y detrás", "Todos los días. ¤¤¤ Y detrás", "IA202", "¤¤¤", "planted symbol noise"),
        ("Que tengan muy buen día.", "Que tengan muy buen día. Que tengan muy buen día. Que tengan muy buen día.", "IA204",
         "Que tengan muy buen día", "planted looping sentence (info: it reads as said)"),
        ("(Aplausos)\n—000—", "(Aplausos)\n—000—\ngob.mx/presidencia", "IA503", "gob.mx/presidencia", "planted site footer"),
    ]),
    Variant("v15-press-fidelity.en.txt", _PRESS, "en", original="es.txt", gold=True,
            base_labels=(("IA101", "(inaudible)", "gap in the base record"),
                         ("IA603", "454", "the interpreter's figure, corrected in the next sentence"),
                         ("IA606", "Solo una pregunta, Rogelio", "a moderator's aside the English record leaves out")), edits=[
        ("reached $630 billion", "reached $360 billion", "IA603", "$360 billion", "planted swapped digits"),
        ("will analyze 48 production chains", "will analyze 84 production chains", "IA603", "84",
         "planted swapped digits"),
        ("employing about 44,000 people", "employing about 4,400 people", "IA603", "4,400", "planted scale error"),
        ("we will train 25,000 technicians", "we will train twenty thousand technicians", "IA603", "twenty thousand",
         "planted wrong spelled-out figure"),
        ("  Our goal is to double that figure before 2030.", "", "IA601", "Nuestra meta es duplicar esa cifra antes de 2030.",
         "planted omission"),
        ("  I trust that we will find a way out that benefits the workers of both countries.", "", "IA601",
         "Yo confío en que vamos a encontrar una salida", "planted omission"),
        ("are not in the spirit of the USMCA.", "are not in the spirit of the USMCA.  That is, the free trade agreement "
         "that replaced NAFTA in 2020.", "IA602", "That is, the free trade agreement", "planted gloss with no source"),
        ("in Puebla, in Guanajuato or in Michigan", "in Puebla, in Guanajato or in Michigan", "IA607", "Guanajato",
         "planted misspelled place name"),
        ("Today we held a working meeting of more than five hours.", "Today we held a working meeting of more than five "
         "hours.  In other words, a very long day for everyone.", "IA602", "In other words, a very long day",
         "planted gloss with no source"),
        ("Thank you, Adriana.  Look, the guarantee is the USMCA itself.", "Thank you, Adriana.  I must say that I "
         "always enjoy coming to these press conferences with my colleagues.  Look, the guarantee is the USMCA itself.",
         "IA602", "I always enjoy coming to these press conferences", "planted aside with no source (no cue word)"),
    ]),
]

#: Held out: planted after the rules were tuned on the variants above, and measured once, untouched
#: (files named ``h…``; ``benchmarks/check_bench.py`` reports their recall apart).
HELD_OUT: list[Variant] = [
    Variant("h16-forum-fidelity.en.txt", _FORUM, "en", original="es.txt", gold=True, base_labels=(
        ("IA603", "150", "the Spanish record loses this figure to an audio failure"),
        ("IA603", "19", "the interpreter's misheard figure, corrected in the next sentence"),
    ), edits=[
        ("431 million cubic meters", "413 million cubic meters", "IA603", "413 million", "planted swapped digits"),
        ("an initial investment of $150 million", "an initial investment of $50 million", "IA603", "$50 million",
         "planted wrong figure"),
        ("More than 2.7 million people live here.", "More than 7.2 million people live here.", "IA603", "7.2 million",
         "planted swapped digits"),
        ("Exactly 10 years ago", "Exactly twelve years ago", "IA603", "twelve", "planted wrong spelled-out figure"),
        ("  It is not for lack of will; it is because Chihuahua is living through its worst drought of the last 80 years.",
         "", "IA601", "Es porque Chihuahua vive la peor sequía", "planted omission of a rendered pair of sentences"),
        ("", "", "IA601", "No es por falta de voluntad.", "the other sentence of that pair"),
        ("  I don’t say this as a reproach, but as an invitation to look for a solution together.", "", "IA601",
         "Lo digo como una invitación a buscar juntos una solución.", "planted omission of a rendered pair of sentences"),
        ("", "", "IA601", "No lo digo como reproche.", "the other sentence of that pair"),
        ("  Or just to go to a soccer game.", "", "IA601", "simplemente para ir a ver un partido de futbol",
         "planted omission of part of a sentence"),
        ("drink from the same river.", "drink from the same river.  In other words, we are all in the same boat.",
         "IA602", "In other words, we are all in the same boat.", "planted gloss with no source"),
        ("welcome to Chihuahua, this is your home.", "welcome to Chihuahua, this is your home.  My family has lived on "
         "this border for four generations, on both banks of the river.", "IA602", "My family has lived on this border",
         "planted aside with no source (no cue word)"),
        ("Mayor Patricia Ornelas", "Mayor Patricia Ornellas", "IA607", "Ornellas", "planted misspelled name"),
        ("Judge Raymond Whitfield", "Judge Raymond Whitfeld", "IA607", "Whitfeld", "planted misspelled name"),
    ]),
    Variant("h17-forum.en.txt", _FORUM, "en", base_labels=(("IA101", "(inaudible)", "gap in the base record (Dr. Susan …)"),), edits=[
        ("Good afternoon, everyone.", "Good afternoon, (inaudible) everyone.", "IA101", "(inaudible)", "planted gap"),
        ("Governor, please.", "Governor Esquivell, please.", "IA301", "Esquivell", "planted misspelled speaker name"),
        ("the border is not a line", "the the border is not a line", "IA204", "the the", "planted doubled word"),
        ("hosted this year by Ciudad Juárez", "hosted this year by Ciudad JuÃ¡rez", "IA201", "JuÃ¡rez", "planted mojibake"),
        ("Thank you all very much.\n", "Thank you all very much.\n\nRelated Articles\n\nLeave a Reply\n\nbonus slot gacor\n",
         "IA503", "Related Articles", "planted page chrome after the record"),
    ] + [("", "", "IA503", "Leave a Reply", "planted page chrome"), ("", "", "IA504", "bonus slot gacor", "planted spam")]),
    Variant("h18-forum.es.txt", _FORUM, "es", base_labels=(("IA105", "(Falla de audio)", "gap in the base record"),), edits=[
        ("Muy buenas tardes a todas y a todos.", "Muy buenas tardes (inaudible) a todas y a todos.", "IA101", "(inaudible)",
         "planted gap"),
        ("Muchas gracias, gobernadora Esquivel.", "Muchas gracias, gobernadora Esquibel.", "IA301", "Esquibel",
         "planted misspelled speaker name"),
        ("Quiero empezar por el tema del agua", "Quiero empezar por por el tema del agua", "IA204", "por por",
         "planted doubled word"),
        ("Apenas el 30 por ciento.", "Apenas el 30 por ciento. ¤¤¤", "IA202", "¤¤¤", "planted symbol noise"),
        ("—000—", "—000—\ngob.mx/presidencia\nCompartir en Facebook\nbonus slot gacor", "IA503", "gob.mx/presidencia",
         "planted site footer"),
    ] + [("", "", "IA503", "Compartir en Facebook", "planted share button"),
         ("", "", "IA504", "bonus slot gacor", "planted spam after the footer")]),
]


def _variant_rows(variant: Variant) -> list[tuple[str, ...]]:
    """Write one variant of a project-written pair; its label rows."""
    base = HERE.parent / variant.base
    text = _apply((base / f"{variant.side}.txt").read_text(encoding="utf-8"), [e for e in variant.edits if e[0]], variant.name)
    (HERE / variant.name).write_text(text, encoding="utf-8")
    original = f"../{variant.base}/{variant.original}" if variant.original else "-"
    labels = [(rule, excerpt, note) for _, _, rule, excerpt, note in variant.edits if rule]
    labels += list(variant.base_labels)
    if variant.gold:
        other = base / (variant.original or f"{variant.side}.txt")
        flat = " ".join(text.split()) + " " + " ".join(other.read_text(encoding="utf-8").split())
        labels += [label for label in _gold_omissions(base) + _gold_additions(base) if label[1] in flat]
    if not labels:  # a variant with nothing planted: every finding above info is a false alarm
        labels = [("none", "", "no defect planted")]
    return [(variant.name, original, rule, excerpt, note, defect_class(rule)) for rule, excerpt, note in labels]


def main() -> None:
    english = (SEED_DIR / "en.txt").read_text(encoding="utf-8")
    rows: list[tuple[str, ...]] = [("file", "original", "rule", "excerpt", "note", "class")]
    rows += [(SEED, "-", rule, excerpt, note) for rule, excerpt, note in SEED_LABELS]
    for name, edits in EN_VARIANTS.items():
        variant = _apply(english, edits, name)
        (HERE / name).write_text(variant, encoding="utf-8")
        flat = " ".join(variant.split())
        carried = [(rule, excerpt, note) for rule, excerpt, note in SEED_LABELS if excerpt in flat]
        rows += [(name, "-", rule, excerpt, note) for rule, excerpt, note in carried]
        rows += [(name, "-", rule, excerpt, note) for _, _, rule, excerpt, note in edits]
    spanish_path = SEED_DIR / "es.txt"
    if spanish_path.is_file():
        spanish = spanish_path.read_text(encoding="utf-8")
        (HERE / ES_VARIANT).write_text(_apply(spanish, ES_EDITS, ES_VARIANT), encoding="utf-8")
        rows += [(SEED, ES_VARIANT, rule, excerpt, note) for _, _, rule, excerpt, note in ES_EDITS]
        gold = _gold_omissions()
        planted = _apply(spanish, ES_EDITS, ES_VARIANT)
        rows += [(SEED, ES_VARIANT, rule, excerpt, note) for rule, excerpt, note in gold
                 if excerpt in planted or excerpt in english]
        rows += [(SEED, "../us-mexico-security-dialogue-2023/es.txt", rule, excerpt, note) for rule, excerpt, note in gold]
        for original in (ES_VARIANT, "../us-mexico-security-dialogue-2023/es.txt"):
            rows += [(SEED, original, rule, excerpt, note) for rule, excerpt, note in SEED_FIDELITY_LABELS]
    rows = [rows[0]] + [(*r, defect_class(r[2])) if len(r) == 5 else r for r in rows[1:]]
    for variant in VARIANTS + HELD_OUT:
        rows += _variant_rows(variant)
    (HERE / "labels.tsv").write_text("".join("\t".join(r) + "\n" for r in rows), encoding="utf-8")


if __name__ == "__main__":
    main()

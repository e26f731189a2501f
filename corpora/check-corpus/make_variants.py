"""Write the labelled check corpus: project-written variants of the seed, each defect planted and labelled.

Run from the repository root: ``python corpora/check-corpus/make_variants.py``.
Every edit replaces one exact anchor string of the seed (or of the project's
Spanish record) and adds a row to ``labels.tsv``: file, original, rule, excerpt,
note.  A finding matches a label when its rule is the label's rule and the
label's excerpt is part of the finding's excerpt or of one of its related
locations.  The seed's own defects are labelled once for the seed and carried
into every English variant, which contains them too; the sentences the seed's
gold alignments mark as omitted (``[i]:[]``) are labelled IA601 for the
fidelity runs against the project's Spanish record and against the planted copy.
"""

from __future__ import annotations

import re
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


def _gold_omissions() -> list[tuple[str, str, str]]:
    """IA601 labels from the seed's gold alignments: every ``[i]:[]`` bead is a sentence left out."""
    rows = []
    for name in ("es-en", "en-es"):
        folder = SEED_DIR / "gold" / name
        if not (folder / "gold").is_file():
            continue
        src = (folder / "src").read_text(encoding="utf-8").splitlines()
        for line in (folder / "gold").read_text(encoding="utf-8").splitlines():
            m = re.fullmatch(r"\[(\d+)\]:\[\]", line.strip())
            if m:
                rows.append(("IA601", src[int(m.group(1))], f"gold omission ({name})"))
    return rows


def _apply(text: str, edits: list[tuple[str, str, str, str, str]], name: str) -> str:
    for anchor, replacement, *_ in edits:
        if text.count(anchor) == 0:  # the State Department separates sentences with "\u00a0 "
            anchor, replacement = anchor.replace("  ", "\u00a0 "), replacement.replace("  ", "\u00a0 ")
        if text.count(anchor) != 1:
            raise SystemExit(f"{name}: anchor {anchor!r} occurs {text.count(anchor)} times in the source")
        text = text.replace(anchor, replacement)
    return text


def main() -> None:
    english = (SEED_DIR / "en.txt").read_text(encoding="utf-8")
    rows = [("file", "original", "rule", "excerpt", "note")]
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
        rows += [(SEED, ES_VARIANT, rule, excerpt, note) for rule, excerpt, note in gold if excerpt in planted]
        rows += [(SEED, "../us-mexico-security-dialogue-2023/es.txt", rule, excerpt, note) for rule, excerpt, note in gold]
    (HERE / "labels.tsv").write_text("".join("\t".join(r) + "\n" for r in rows), encoding="utf-8")


if __name__ == "__main__":
    main()

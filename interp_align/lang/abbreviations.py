"""Abbreviations and sentence starters per language, as data, for the sentence splitter.

A period after an abbreviation is usually not a sentence end, but how sure we
can be differs, so the words are kept in three classes:

* ``titles`` never end a sentence ("Mr.", "Sra.", "Lic."): a name follows.
* ``numerals`` do not end one when a number follows ("No. 5", "núm. 3") but do
  otherwise, because "No." is also a whole answer.
* ``ambiguous`` ("etc.", "Jr.", "EE. UU.") end a sentence only when the next
  word is a typical sentence starter ("... etc. We ...").

Entries are case-folded and written without their final period; dotted
acronyms ("U.S.", "a.m.") need no entry, the splitter recognises the shape.
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["ABBREVIATIONS", "Abbreviations", "abbreviations_for"]


def _words(block: str) -> frozenset[str]:
    """Whitespace-separated words of a data block, so the lists read as plain text."""
    return frozenset(block.split())


@dataclass(frozen=True)
class Abbreviations:
    """The abbreviation classes and sentence starters of one language (all case-folded)."""

    titles: frozenset[str]
    numerals: frozenset[str]
    ambiguous: frozenset[str]
    starters: frozenset[str]

    def __or__(self, other: Abbreviations) -> Abbreviations:
        return Abbreviations(
            self.titles | other.titles,
            self.numerals | other.numerals,
            self.ambiguous | other.ambiguous,
            self.starters | other.starters,
        )


_EN = Abbreviations(
    titles=_words("""
        mr mrs ms dr prof rev hon gen lt col maj capt cmdr adm sgt gov sen rep amb pres sec
        asst dep messrs mmes fr sr st
        """),
    numerals=_words("no nos art para ch vol fig p pp"),
    ambiguous=_words("etc jr inc ltd co corp bros vs approx dept est govt intl"),
    starters=_words("""
        a after again all also an and as at because before but by do during each even first for
        from good he her here his how i if in it it's its just let let's many more my no not
        now of on once our over please she since so some thank thanks that
        that's the their then there these they this those thus to today under we well what
        when where which while who why with yes yesterday you your
        """),
)

_ES = Abbreviations(
    titles=_words("""
        sr sra srta sres sras dr dra dres lic lics ing mtro mtra gral gob dip sen emb excmo excma
        ilmo ilma prof profa arq dña cap tte cnel ee
        """),
    numerals=_words("no núm num nro art arts pág pag págs fracc inc cap vol"),
    ambiguous=_words("etc uu aprox vs av col ej pza tel ud uds vd vds"),
    starters=_words("""
        a además ahora al así asimismo aquí bueno buenas buenos con cuando de del desde dicho
        el ella ellos en entonces es esa ese eso esta este esto estos estas estamos estoy fue
        gracias ha hay hemos hoy la las le lo los me mi muchas muchísimas muy ni no nos
        nosotros nuestra nuestro para pero por porque primero quiero quisiera se señor señora
        si sí sin sobre también tenemos tiene todos un una usted ustedes y ya yo
        """),
)

#: language code -> its abbreviation classes
ABBREVIATIONS: dict[str, Abbreviations] = {"en": _EN, "es": _ES}


def abbreviations_for(language: str) -> Abbreviations:
    """The lists for ``language`` ("es-MX" uses "es"); an unknown language gets all lists merged.

    Merging is the safe fallback: a missed split costs less downstream than a
    sentence cut after "Sr.".
    """
    base = language.split("-", 1)[0].lower()
    if base in ABBREVIATIONS:
        return ABBREVIATIONS[base]
    merged = _EN
    for other in ABBREVIATIONS.values():
        merged = merged | other
    return merged

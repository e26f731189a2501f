"""Align two sentence lists directly and score the result against a gold alignment."""

import interp_align as ia

spanish = [
    "Muy buenos días a todas y a todos.",
    "Es un gusto recibirlos en Palacio Nacional.",
    "Hemos detenido a más de 78 mil personas.",
    "De ellas, 4 mil eran objetivos prioritarios.",
    "Reitero nuestro agradecimiento.",
    "Muchas gracias.",
]
english = [
    "Good morning.",
    "It is a pleasure to welcome you to the National Palace.",
    "We have detained over 78,000 people, 4,000 of them priority targets.",
    "Thank you very much.",
]
beads = ia.align_sentences(spanish, english, src_lang="es", tgt_lang="en")
for bead in beads:
    es = " ".join(spanish[i] for i in bead.src) or "—"
    en = " ".join(english[i] for i in bead.tgt) or "—"
    print(f"{bead.format():<12} {bead.confidence:.2f}  {es}  ||  {en}")

gold = [ia.Bead(src=(0,), tgt=(0,)), ia.Bead(src=(1,), tgt=(1,)), ia.Bead(src=(2, 3), tgt=(2,)),
        ia.Bead(src=(4,), tgt=()), ia.Bead(src=(5,), tgt=(3,))]
result = ia.score(gold, beads)
print(result.format())

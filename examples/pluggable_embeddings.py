"""Plug sentence embeddings into the aligner: a scorer that wraps any ``encode(list[str]) -> vectors`` model.

The aligner needs no model, but where you have one (LaBSE, LASER, a
sentence-transformers checkpoint you already downloaded), its cosine
similarity can replace the built-in word evidence; the length model, the
shape priors and the search stay the same.  This example runs offline: a toy
"model" hashes character trigrams of a few translated words into vectors, so
it stands in for a real multilingual encoder.  Swap ``ToyEncoder()`` for your
model object; nothing else changes.
"""

from __future__ import annotations

import zlib
from collections.abc import Mapping, Sequence

import numpy as np

import interp_align as ia
from interp_align.align import get_scorer, register_scorer


class ToyEncoder:
    """Stand-in for a multilingual sentence encoder: maps a few Spanish words to English, hashes trigrams."""

    GLOSSARY: Mapping[str, str] = {"buenos": "good", "dias": "morning", "días": "morning", "detenido": "detained", "personas": "people",
                "objetivos": "targets", "gracias": "thank", "laboratorios": "laboratories", "aseguramos": "seized"}
    DIM = 256

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        out = np.zeros((len(texts), self.DIM))
        for row, text in enumerate(texts):
            for word in text.lower().replace(",", " ").replace(".", " ").split():
                word = self.GLOSSARY.get(word, word)
                for k in range(max(1, len(word) - 2)):
                    out[row, zlib.crc32(word[k : k + 3].encode()) % self.DIM] += 1.0
        norms = np.linalg.norm(out, axis=1, keepdims=True)
        return out / np.where(norms > 0, norms, 1.0)


class EmbeddingScorer:
    """Cosine similarity of bead embeddings; each sentence is encoded once, a bead is the sum of its sentences."""

    name = "embeddings"

    def __init__(self, model: ToyEncoder) -> None:
        self.model = model
        self._cache: dict[str, np.ndarray] = {}

    def _vector(self, sentences: Sequence[str]) -> np.ndarray:
        missing = [s for s in sentences if s not in self._cache]
        if missing:  # one batched call per new sentences, not one per candidate bead
            for sentence, vector in zip(missing, self.model.encode(missing), strict=True):
                self._cache[sentence] = vector
        return np.sum([self._cache[s] for s in sentences], axis=0)

    def similarity(self, src_sents: Sequence[str], tgt_sents: Sequence[str]) -> float:
        a, b = self._vector(src_sents), self._vector(tgt_sents)
        denom = float(np.linalg.norm(a) * np.linalg.norm(b))
        return max(0.0, float(a @ b) / denom) if denom else 0.0


register_scorer("embeddings", EmbeddingScorer)

spanish = [
    "Buenos días a todas y a todos.",
    "Hemos detenido a más de 78 mil personas.",
    "De ellas, 4 mil eran objetivos prioritarios.",
    "Aseguramos 900 laboratorios clandestinos.",
    "Muchas gracias.",
]
english = [
    "Good morning everyone.",
    "We have detained more than 78,000 people, 4,000 of them priority targets.",
    "We seized 900 clandestine laboratories.",
    "Thank you very much.",
]
gold = [ia.Bead(src=(0,), tgt=(0,)), ia.Bead(src=(1, 2), tgt=(1,)), ia.Bead(src=(3,), tgt=(2,)),
        ia.Bead(src=(4,), tgt=(3,))]

scorer = get_scorer("embeddings", model=ToyEncoder())
with_embeddings = ia.align_sentences(spanish, english, src_lang="es", tgt_lang="en", scorer=scorer)
built_in = ia.align_sentences(spanish, english, src_lang="es", tgt_lang="en")
for title, beads in (("embedding scorer", with_embeddings), ("built-in words", built_in)):
    print(f"{title}: " + "  ".join(b.format() for b in beads), f"strict F1 {ia.score(gold, beads).f1_strict:.2f}")

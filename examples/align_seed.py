"""Which Spanish original matches each interpreted English sentence — and what was dropped."""

import tempfile
from pathlib import Path

import interp_align as ia

SEED = Path(__file__).resolve().parent.parent / "corpora" / "us-mexico-security-dialogue-2023"

english = ia.read(SEED / "en.txt")
spanish = ia.read(SEED / "es.txt")
alignment = ia.align(english, spanish)

segments = ia.aligned_segments(alignment)
interpreted = [s for s in segments if s.original_language == "es"]
omitted = [s for s in interpreted if not s.english]
print(f"{len(interpreted)} beads in interpreted turns, {len(omitted)} Spanish sentences left out by the interpreter")
for seg in omitted[:5]:
    print(f"  omitted ({seg.speaker}): {seg.spanish}")
low = sorted(interpreted, key=lambda s: s.confidence)[:3]
for seg in low:
    print(f"  least confident {seg.kind} {seg.confidence:.2f}: {seg.spanish[:60]!r} / {seg.english[:60]!r}")

with tempfile.TemporaryDirectory() as tmp:
    out = Path(tmp) / "seed.tmx"
    out.write_text(ia.to_tmx(alignment), encoding="utf-8")
    print(f"TMX with {len(ia.read_tmx(out.read_bytes()))} translation units")

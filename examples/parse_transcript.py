"""Who said what, in which language, through an interpreter or not: parse the seed transcript."""

from pathlib import Path

import interp_align as ia

SEED = Path(__file__).resolve().parent.parent / "corpora" / "us-mexico-security-dialogue-2023"

transcript = ia.read(SEED / "en.txt")
print(f"{transcript.title}\n{len(transcript.turns)} turns, {len(transcript.speakers)} speakers")
for turn in transcript.turns:
    speaker = transcript.speaker(turn.speaker_id)
    via = turn.interpretation
    flag = f"interpreted {via.source_language}->{via.target_language}" if via.interpreted else "original"
    gaps = [m.text for m in turn.markers if m.kind is ia.MarkerKind.INAUDIBLE]
    print(f"  #{turn.index} {speaker.name:<18} {flag:<22} {len(turn.sentences):>3} sentences {' '.join(gaps)}")
    for sentence in turn.sentences:
        if sentence.code_switch and sentence.language:
            print(f"      code-switch ({sentence.language.code}): {sentence.text!r}")
for block in transcript.boilerplate:
    print(f"  boilerplate [{block.start}:{block.end}] {block.reason}: {block.text!r}")

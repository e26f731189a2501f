"""Parser figures on the gob.mx Spanish records in ../shared/realdata/es-gobmx (read at runtime, never copied).

For each file: ``---`` blocks, blocks whose first line the parser took as a turn,
turns (inline labels such as "TED CRUZ (interpretación ...): ..." add turns
inside a block), office lines carrying "(INTERPRETACIÓN ...)"/"(TRADUCCIÓN ...)"
and how many of them became interpreted turns, speakers and boilerplate.

Usage: python benchmarks/realdata_parse.py [FOLDER]
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

from interp_align.models import BlockKind, Turn
from interp_align.parse import read

DEFAULT = Path(__file__).resolve().parents[2] / "shared" / "realdata" / "es-gobmx"
_LABEL_WITH_NOTE = re.compile(
    r"^[A-ZÁÉÍÓÚÑÜ][^a-záéíóúñ\n(]*\((?i:interpretaci[oó]n|traducci[oó]n)[^()\n]*\)", re.MULTILINE
)


def measure(path: Path) -> dict[str, int]:
    transcript = read(path, detect_language=False)
    text = transcript.text
    separators = [b for b in transcript.blocks if b.kind is BlockKind.SEPARATOR]
    turn_starts = {t.start for t in transcript.turns}
    # line start -> the turn opening that line
    label_line_turns: dict[int, Turn] = {text.rfind("\n", 0, t.start) + 1: t for t in transcript.turns}
    blocks_as_turns = 0
    for sep in separators:
        turn = label_line_turns.get(sep.end + 1)
        blocks_as_turns += int(turn is not None and turn.start in turn_starts)
    # label lines (block or inline) that carry an interpretation note, found independently of the parser:
    # an all-caps name/office, then "(INTERPRETACIÓN ...)" or "(TRADUCCIÓN ...)"
    office_lines = office_interpreted = 0
    for match in _LABEL_WITH_NOTE.finditer(text):
        office_lines += 1
        turn = label_line_turns.get(match.start())
        office_interpreted += int(turn is not None and turn.interpretation.interpreted)
    return {
        "blocks": len(separators),
        "blocks_as_turns": blocks_as_turns,
        "turns": len(transcript.turns),
        "interpreted_turns": sum(t.interpretation.interpreted for t in transcript.turns),
        "placeholders": sum(t.interpretation.placeholder for t in transcript.turns),
        "label_note_lines": office_lines,
        "label_note_interp": office_interpreted,
        "speakers": len(transcript.speakers),
        "boilerplate": len(transcript.boilerplate),
        "unattributed": sum(b.kind is BlockKind.UNATTRIBUTED for b in transcript.blocks),
    }


def main(argv: list[str]) -> int:
    folder = Path(argv[1]) if len(argv) > 1 else DEFAULT
    files = sorted(folder.glob("*.txt")) if folder.is_dir() else []
    if not files:
        print(f"skipped: no real data at {folder}")
        return 0
    columns = list(measure(files[0]).keys())
    print("file".ljust(46) + " ".join(c.rjust(len(c)) for c in columns))
    totals = dict.fromkeys(columns, 0)
    for path in files:
        row = measure(path)
        for key in columns:
            totals[key] += row[key]
        print(path.name[:45].ljust(46) + " ".join(str(row[c]).rjust(len(c)) for c in columns))
    print("TOTAL".ljust(46) + " ".join(str(totals[c]).rjust(len(c)) for c in columns))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))

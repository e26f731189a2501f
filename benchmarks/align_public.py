"""Our aligner and Gale–Church on public gold sets in other language pairs (same defaults).

Text+Berg (German–French, Sennrich & Volk) and ParIce (English–Icelandic)
are read from ``../shared/benchmarks`` (or ``--root``) and never copied into
the project; a set that is absent is skipped.  No lexicon applies to these
pairs, so this measures the language-independent features alone.  Published
strict F1 on Text+Berg: Bertalign .936, Vecalign .902, Bleualign .808,
Gale–Church .678.

    .venv/bin/python benchmarks/align_public.py [--root DIR]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from align_gold import gold_folders, run

DEFAULT_ROOT = Path(__file__).resolve().parents[2] / "shared" / "benchmarks"
SETS = ("textberg", "parice")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--root", type=Path, default=DEFAULT_ROOT)
    args = parser.parse_args()
    for name in SETS:
        folders = gold_folders([args.root / name]) if (args.root / name).is_dir() else []
        if not folders:
            print(f"== {name}: not found under {args.root}, skipped")
            continue
        run(folders, label=name)


if __name__ == "__main__":
    main()

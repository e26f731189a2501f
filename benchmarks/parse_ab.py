"""parse() of the real records in two trees loaded side by side, interleaved record by record.

On a shared, loaded machine two separate runs differ by more than the change being measured;
here both trees' ``interp_align`` live in one process (``sys.modules`` swapped before each
call) and each record is parsed by both, in random order, so both see the same load.  Prints
each round's CPU seconds and the new/old ratio, then the median ratio.

    .venv/bin/python benchmarks/parse_ab.py /path/to/old/tree [--rounds 5] [--only gobmx] [--tags lazy|all]

``--tags lazy`` parses with language detection (sentence tags left unread), ``--tags all``
reads every sentence's tag too; the default parses without detection.  The warm-up pass
fills each tree's per-process caches (line readings, word weights), so the figures are those
of a process that has already seen the records' speakers and vocabulary.
"""

from __future__ import annotations

import argparse
import importlib
import random
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from types import ModuleType
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
REALDATA = ROOT.parent / "shared" / "realdata"


def _load(tree: Path) -> tuple[Callable[..., object], dict[str, ModuleType]]:
    """``parse`` of the tree and its ``interp_align`` modules (imported fresh from ``tree``)."""
    for name in [n for n in sys.modules if n == "interp_align" or n.startswith("interp_align.")]:
        del sys.modules[name]
    sys.path.insert(0, str(tree))
    try:
        parse = importlib.import_module("interp_align.parse").parse
        importlib.import_module("interp_align.parsing.dialects")  # imported by parse() when first called
    finally:
        sys.path.remove(str(tree))
    modules = {n: m for n, m in sys.modules.items() if n == "interp_align" or n.startswith("interp_align.")}
    return parse, modules


def _runner(tags: str) -> Callable[[Callable[..., Any], str], object]:
    """One parse of a text as ``--tags`` asks (with every sentence tag read for ``all``)."""
    if tags == "none":
        return lambda parse, text: parse(text, detect_language=False)
    if tags == "lazy":
        return lambda parse, text: parse(text)
    return lambda parse, text: sum(s.language is not None for t in parse(text).turns for s in t.sentences)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("old", type=Path, help="the other tree (a checkout holding interp_align/)")
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--only", default="", help="only the records whose path holds this")
    parser.add_argument("--tags", choices=("none", "lazy", "all"), default="none")
    args = parser.parse_args()
    files = sorted(p for p in REALDATA.rglob("*") if p.suffix in (".md", ".txt") and args.only in str(p) and "manifest" not in p.name)
    texts = [p.read_text(encoding="utf-8") for p in files]
    mb = sum(len(t.encode()) for t in texts) / 1e6
    sides = [("old", *_load(args.old)), ("new", *_load(ROOT))]
    run = _runner(args.tags)
    for _, parse, modules in sides:  # warm: imports, caches
        sys.modules.update(modules)
        for text in texts:
            run(parse, text)
    rng = random.Random(0)
    ratios = []
    for round_ in range(args.rounds):
        spent = {"old": 0.0, "new": 0.0}
        for text in texts:
            for name, parse, modules in sides if rng.random() < 0.5 else sides[::-1]:
                sys.modules.update(modules)
                start = time.process_time()
                run(parse, text)
                spent[name] += time.process_time() - start
        ratios.append(spent["new"] / spent["old"])
        print(f"round {round_}: old {spent['old']:.3f} s ({mb / spent['old']:.2f} MB/s), new {spent['new']:.3f} s ({mb / spent['new']:.2f} MB/s), new/old {ratios[-1]:.3f}")
    print(f"{len(texts)} records, {mb:.2f} MB: median new/old CPU ratio {statistics.median(ratios):.3f}")


if __name__ == "__main__":
    main()

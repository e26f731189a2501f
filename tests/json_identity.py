"""The canonical JSON of a parsed record and its hash, for the before/after identity test.

``tests/fixtures/json_hashes.json`` holds, for every transcript in ``corpora/`` and in
``../shared/realdata/`` (when present), the SHA-256 of the canonical JSON the parser
produced *before* the performance work of issue 11, with and without language detection,
as remade at each documented, versioned JSON change (CHANGELOG.md; 0.2.0: the default
identifier's confidences).  Only hashes are stored: the gob.mx records are CC BY-SA and
never enter the project.

Canonical JSON is ``Transcript.model_dump_json()`` re-serialised with sorted keys and no
whitespace, with ``path`` replaced by the file's path relative to its collection (so the
hash does not depend on where the checkout lives).

The hashes come from the code *before* the change being checked: export that commit and run
this script against it (how the fixture was made, after each merge of main)::

    git archive main | tar -x -C /tmp/ref
    cd /tmp/ref && PYTHONPATH=/tmp/ref python /path/to/tests/json_identity.py \
        --realdata /path/to/shared/realdata --write /path/to/tests/fixtures/json_hashes.json

(``corpora/`` is the exported tree's; keys are relative, so the hashes do not depend on where
either tree lives.)

A versioned JSON change is the exception: its hashes come from the changed code.  First show
that the JSON differs only where the change says (for 0.2.0, ``benchmarks/langid_json_diff.py
--hashes tests/fixtures/json_hashes.json --switches``: the old JSON matches the fixture, and
only tag confidences, and the code-switch flags they decide, differ), then, in the changed
tree, run ``python tests/json_identity.py --realdata ../shared/realdata --write
tests/fixtures/json_hashes.json`` and check that the set of keys is the one before.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPORA = ROOT / "corpora"
REALDATA = ROOT.parent / "shared" / "realdata"
HASHES = Path(__file__).resolve().parent / "fixtures" / "json_hashes.json"
#: The detection settings hashed: the default (langdetect with the lexical prior) and none.
MODES = {"detect": True, "no-detect": False}


def corpus_files() -> list[tuple[str, Path]]:
    """``(key, path)`` of every transcript in ``corpora/`` (gold sentence lists and docs excluded)."""
    return [(f"corpora/{p.relative_to(CORPORA).as_posix()}", p) for p in sorted(CORPORA.rglob("*.txt"))]


def realdata_files(root: Path = REALDATA) -> list[tuple[str, Path]]:
    """``(key, path)`` of every record in ``../shared/realdata/`` (manifests excluded); empty when absent."""
    if not root.is_dir():
        return []
    files = sorted(p for p in root.rglob("*") if p.is_file() and p.suffix in (".txt", ".md"))
    return [(f"realdata/{p.relative_to(root).as_posix()}", p) for p in files]


def canonical_json(key: str, path: Path, detect: bool, identifier: object = None) -> str:
    """The canonical JSON of ``path`` (``identifier``: a language identifier other than the
    default, for ``benchmarks/langid_json_diff.py``)."""
    import interp_align as ia

    transcript = ia.read(path, detect_language=detect, identifier=identifier)
    data = json.loads(transcript.model_dump_json())
    data["path"] = key
    return json.dumps(data, sort_keys=True, ensure_ascii=False, separators=(",", ":"))


def digest(key: str, path: Path, detect: bool) -> str:
    return hashlib.sha256(canonical_json(key, path, detect).encode("utf-8")).hexdigest()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--write", metavar="PATH", help=f"write the hashes there (the test reads {HASHES})")
    parser.add_argument("--realdata", type=Path, default=REALDATA, help="the real records (default ../shared/realdata)")
    args = parser.parse_args(argv)
    hashes: dict[str, dict[str, str]] = {mode: {} for mode in MODES}
    for key, path in corpus_files() + realdata_files(args.realdata):
        for mode, detect in MODES.items():
            hashes[mode][key] = digest(key, path, detect)
    text = json.dumps(hashes, indent=1, sort_keys=True) + "\n"
    if args.write:
        Path(args.write).write_text(text, encoding="utf-8")
        print(f"wrote {sum(len(v) for v in hashes.values())} hashes to {args.write}")
    else:
        sys.stdout.write(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())

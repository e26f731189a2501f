"""Where two language identifiers' parse JSON differs, field by field, on every record.

Parses every transcript of ``corpora/`` and of ``../shared/realdata/`` (when present; read at
run time, never copied) twice, with language detection by the ``--old`` and the ``--new``
backend, and walks the two canonical JSONs (``tests/json_identity.py``) side by side.  Each
differing leaf is counted under its field path with list positions dropped
(``turns[].sentences[].language.confidence``); a different key set or list length counts as a
structural difference at its path.  A sentence's ``code_switch`` flag is derived from its
confidence (``CODE_SWITCH_MIN_CONFIDENCE``); each flag that differs is checked to be one whose
language is unchanged and whose confidence crossed the threshold.  Exits 1 if anything but a
``confidence`` field of a language tag differs (``--allow`` names other paths that may;
``--switches`` accepts code-switch flags explained by their confidence)::

    python benchmarks/langid_json_diff.py [--old langdetect-full] [--new langdetect]
        [--hashes tests/fixtures/json_hashes.json] [--examples 5] [--switches]

``--hashes`` also checks the old JSON against a fixture's ``detect`` hashes, which shows the
old side is the JSON the fixture was made from.  Made for the 0.2.0 change of the default
(``langdetect-full`` is 0.1.0's default); any two backends can be compared.

Measured (0.2.0, before the fixture was remade; 482 records, 28 corpus files and 454 real;
31 CPU s): the old JSON matched all 482 fixture hashes; 481 records differ, in 5,133 of 22,484
turn-tag and 34,417 of 146,284 sentence-tag confidences (0 of 482 record tags), and in one
``code_switch`` flag, whose sentence's confidence crossed 0.8; nothing else (CHANGELOG.md).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from json_identity import REALDATA, canonical_json, corpus_files, realdata_files  # noqa: E402

from interp_align.langid import get_identifier  # noqa: E402
from interp_align.parse import CODE_SWITCH_MIN_CONFIDENCE  # noqa: E402

SWITCH = "turns[].sentences[].code_switch"
#: The fields a change of language identifier's confidences may change.
CONFIDENCE_PATHS = frozenset(
    {"language.confidence", "turns[].language.confidence", "turns[].sentences[].language.confidence"}
)


def compare(old: Any, new: Any, path: str, found: Counter[str], examples: list[tuple[str, Any, Any]]) -> None:
    """Count in ``found`` every leaf of ``old`` and ``new`` that differs, by field path."""
    if isinstance(old, dict) and isinstance(new, dict):
        if old.keys() != new.keys():
            found[f"{path} (keys)"] += 1
            examples.append((f"{path} (keys)", sorted(old), sorted(new)))
            return
        for key in old:
            compare(old[key], new[key], f"{path}.{key}" if path else key, found, examples)
    elif isinstance(old, list) and isinstance(new, list):
        if len(old) != len(new):
            found[f"{path}[] (length)"] += 1
            examples.append((f"{path}[] (length)", len(old), len(new)))
            return
        for a, b in zip(old, new, strict=True):
            compare(a, b, f"{path}[]", found, examples)
    elif type(old) is not type(new) or old != new:
        found[path] += 1
        examples.append((path, old, new))


def switches_explained(old: Any, new: Any) -> tuple[int, int]:
    """``(explained, unexplained)`` code-switch flags that differ: explained where the
    sentence's language is unchanged and its confidence crossed ``CODE_SWITCH_MIN_CONFIDENCE``
    (the flag is derived from the confidence, ``parsing/turns.py``)."""
    explained = unexplained = 0
    for old_turn, new_turn in zip(old["turns"], new["turns"], strict=True):
        for a, b in zip(old_turn["sentences"], new_turn["sentences"], strict=True):
            if a["code_switch"] == b["code_switch"]:
                continue
            x, y = a["language"], b["language"]
            crossed = (x["confidence"] >= CODE_SWITCH_MIN_CONFIDENCE) != (y["confidence"] >= CODE_SWITCH_MIN_CONFIDENCE)
            if x["code"] == y["code"] and crossed:
                explained += 1
            else:
                unexplained += 1
    return explained, unexplained


def tags(data: Any, path: str, counts: Counter[str]) -> None:
    """Count the language tags of a record's JSON by field path."""
    if isinstance(data, dict):
        if set(data) == {"code", "confidence", "source"}:
            counts[path] += 1
            return
        for key, value in data.items():
            tags(value, f"{path}.{key}" if path else key, counts)
    elif isinstance(data, list):
        for value in data:
            tags(value, f"{path}[]", counts)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--old", default="langdetect-full", help="backend of the old JSON")
    parser.add_argument("--new", default=None, help="backend of the new JSON (default: the parser's default)")
    parser.add_argument("--realdata", type=Path, default=REALDATA, help="the real records (default ../shared/realdata)")
    parser.add_argument("--hashes", type=Path, help="check the old JSON against this fixture's 'detect' hashes")
    parser.add_argument("--examples", type=int, default=3, help="differences shown per field path")
    parser.add_argument("--allow", action="append", default=[], help="another field path that may differ")
    parser.add_argument("--switches", action="store_true",
                        help="accept code_switch flags that differ where the confidence crossed the threshold")
    args = parser.parse_args(argv)
    old_identifier = get_identifier(args.old)
    new_identifier = get_identifier(args.new) if args.new else None
    expected = json.loads(args.hashes.read_text(encoding="utf-8"))["detect"] if args.hashes else {}
    files = corpus_files() + realdata_files(args.realdata)
    found: Counter[str] = Counter()
    tag_counts: Counter[str] = Counter()
    shown: dict[str, list[tuple[str, Any, Any]]] = {}
    records_changed = Counter[str]()
    switches: Counter[str] = Counter()
    hash_matches = hash_mismatches = 0
    began = time.process_time()
    for key, path in files:
        old_text = canonical_json(key, path, True, old_identifier)
        new_text = canonical_json(key, path, True, new_identifier)
        if expected:
            if hashlib.sha256(old_text.encode("utf-8")).hexdigest() == expected.get(key):
                hash_matches += 1
            else:
                hash_mismatches += 1
                print(f"old JSON does not match the fixture's hash: {key}")
        old, new = json.loads(old_text), json.loads(new_text)
        tags(old, "", tag_counts)
        if old_text == new_text:
            continue
        records_changed[key.split("/", 1)[0]] += 1
        here: Counter[str] = Counter()
        examples: list[tuple[str, Any, Any]] = []
        compare(old, new, "", here, examples)
        found.update(here)
        if here[SWITCH]:
            explained, unexplained = switches_explained(old, new)
            switches["explained"] += explained
            switches["unexplained"] += unexplained
        for field, a, b in examples:
            kept = shown.setdefault(field, [])
            if len(kept) < args.examples:
                kept.append((key, a, b))
    corpus = sum(1 for key, _ in files if key.startswith("corpora/"))
    print(f"{len(files)} records ({corpus} corpus files, {len(files) - corpus} real), old={args.old!r}, "
          f"new={args.new or 'the default'!r}, {time.process_time() - began:.0f} CPU s")
    if expected:
        print(f"old JSON against {args.hashes}: {hash_matches} hashes match, {hash_mismatches} do not")
    print(f"records whose JSON differs: {sum(records_changed.values())} "
          f"({', '.join(f'{k} {v}' for k, v in sorted(records_changed.items())) or 'none'})")
    print("language tags compared: " + ", ".join(f"{field} {n:,}" for field, n in sorted(tag_counts.items())))
    allowed = CONFIDENCE_PATHS | set(args.allow)
    for field, n in sorted(found.items()):
        print(f"  {field:<50} {n:>8,} differ{'' if field in allowed else '   <- not a confidence'}")
        for key, a, b in shown.get(field, []):
            print(f"      {key}: {a!r} -> {b!r}")
    others = sum(n for field, n in found.items() if field not in allowed)
    print(f"differences outside confidence fields: {others}")
    if found[SWITCH]:
        print(f"  of which {SWITCH}: {switches['explained']} where the language is the same and the "
              f"confidence crossed {CODE_SWITCH_MIN_CONFIDENCE} (derived from it), {switches['unexplained']} otherwise")
        if args.switches and not switches["unexplained"]:
            others -= found[SWITCH]
    return 1 if others or hash_mismatches else 0


if __name__ == "__main__":
    sys.exit(main())

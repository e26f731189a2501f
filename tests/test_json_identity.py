"""The parser's JSON is unchanged by the performance work (issue 11), file by file, except for
documented, versioned changes (CHANGELOG.md), at which the hashes are remade.

Hashes of the canonical JSON made before the work are in ``tests/fixtures/json_hashes.json``
(see ``tests/json_identity.py``); a documented, versioned JSON change regenerates them.
Real records are read from ``../shared/realdata`` at test time and skipped where it is absent.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from json_identity import HASHES, MODES, corpus_files, digest, realdata_files

_EXPECTED: dict[str, dict[str, str]] = json.loads(HASHES.read_text(encoding="utf-8"))
_CASES = [(mode, key, path) for key, path in corpus_files() for mode in MODES]
_REAL = [(mode, key, path) for key, path in realdata_files() for mode in MODES]


def test_every_corpus_file_has_a_hash() -> None:
    assert {key for key, _ in corpus_files()} <= set(_EXPECTED["detect"])


@pytest.mark.parametrize(("mode", "key", "path"), _CASES, ids=[f"{m}:{k}" for m, k, _ in _CASES])
def test_corpus_json_unchanged(mode: str, key: str, path: Path) -> None:
    assert digest(key, path, MODES[mode]) == _EXPECTED[mode][key]


@pytest.mark.realdata
@pytest.mark.skipif(not _REAL, reason="needs ../shared/realdata")
@pytest.mark.parametrize(("mode", "key", "path"), _REAL, ids=[f"{m}:{k}" for m, k, _ in _REAL])
def test_realdata_json_unchanged(mode: str, key: str, path: Path) -> None:
    if key not in _EXPECTED[mode]:
        pytest.skip(f"{key} was not in ../shared/realdata when the hashes were made")
    assert digest(key, path, MODES[mode]) == _EXPECTED[mode][key]

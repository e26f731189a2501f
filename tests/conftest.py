"""Shared fixtures: the shipped corpora, parsed once per session."""

from __future__ import annotations

from pathlib import Path

import pytest

import interp_align as ia

ROOT = Path(__file__).resolve().parent.parent
CORPORA = ROOT / "corpora"
SEED = CORPORA / "us-mexico-security-dialogue-2023"
ARTIFACTS = ROOT / "artifacts"  # screenshots from the browser tests (gitignored)
CHROMIUM = Path("/usr/bin/chromium")  # Debian's package; .ci/run installs it
#: Flags for a headless Chromium on a machine with no network: no background fetches, no sandbox as root.
CHROMIUM_FLAGS = ("--no-sandbox", "--disable-gpu", "--disable-background-networking",
                  "--disable-component-update", "--disable-sync", "--no-first-run")


def event_dirs() -> list[Path]:
    """Corpus folders that hold an English and a Spanish record of one event."""
    return sorted(p for p in CORPORA.iterdir() if (p / "en.txt").is_file() and (p / "es.txt").is_file())


@pytest.fixture(scope="session")
def seed_en() -> ia.Transcript:
    return ia.read(SEED / "en.txt")


@pytest.fixture(scope="session")
def seed_es() -> ia.Transcript:
    return ia.read(SEED / "es.txt")


@pytest.fixture(scope="session")
def seed_alignment(seed_en: ia.Transcript, seed_es: ia.Transcript) -> ia.Alignment:
    return ia.align(seed_en, seed_es)


@pytest.fixture(scope="session")
def seed_report_page(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The HTML report of the seed and its Spanish record, written once by ``interp-align report``."""
    from interp_align.cli import main

    path = tmp_path_factory.mktemp("report") / "seed.html"
    assert main(["report", str(SEED / "en.txt"), str(SEED / "es.txt"), "-o", str(path)]) == 0
    return path


@pytest.fixture(scope="session")
def seed_check_json(tmp_path_factory: pytest.TempPathFactory) -> dict[str, object]:
    """``interp-align check SEED/en.txt --original SEED/es.txt --format json`` and ``check SEED/es.txt``, parsed."""
    import json

    from interp_align.cli import main

    folder = tmp_path_factory.mktemp("check")
    main(["check", str(SEED / "en.txt"), "--original", str(SEED / "es.txt"), "--format", "json",
          "-o", str(folder / "en.json")])
    main(["check", str(SEED / "es.txt"), "--format", "json", "-o", str(folder / "es.json")])
    return {side: json.loads((folder / f"{side}.json").read_text(encoding="utf-8"))["reports"][0]
            for side in ("en", "es")}

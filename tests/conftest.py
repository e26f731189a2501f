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
def seed_report_page(tmp_path_factory: pytest.TempPathFactory, seed_en: ia.Transcript, seed_es: ia.Transcript,
                     seed_alignment: ia.Alignment) -> Path:
    """The HTML report of the seed and its Spanish record, written once for the browser tests."""
    from interp_align.report import render_report

    report = ia.check(seed_en, original=seed_es, alignment=seed_alignment)
    path = tmp_path_factory.mktemp("report") / "seed.html"
    path.write_text(render_report(seed_en, seed_es, seed_alignment, report, ia.check(seed_es)), encoding="utf-8")
    return path

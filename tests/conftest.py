"""Shared fixtures: the shipped corpora, parsed once per session."""

from __future__ import annotations

from pathlib import Path

import pytest

import interp_align as ia

ROOT = Path(__file__).resolve().parent.parent
CORPORA = ROOT / "corpora"
SEED = CORPORA / "us-mexico-security-dialogue-2023"


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

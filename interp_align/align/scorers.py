"""Pluggable sentence similarity: bring your own embedding model or MT system.

The built-in aligner needs no model, but a user who already has one (LaBSE,
LASER, an MT system feeding BLEU) can hand it to :func:`align_sentences` as a
:class:`SentenceScorer`.  Its ``similarity`` replaces the built-in lexical
similarity of every candidate bead; the length model, bead penalties and the
dynamic programme stay the same.  Scorers are registered by name so the CLI
and configuration files can pick one; nothing here imports a model.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Protocol, runtime_checkable

from ..errors import ConfigError

__all__ = ["SentenceScorer", "available_scorers", "get_scorer", "register_scorer"]


@runtime_checkable
class SentenceScorer(Protocol):
    """Scores how well some source sentences and some target sentences translate each other.

    ``similarity`` receives the sentences of one candidate bead (one to three
    per side, never an empty side) and returns a value in ``[0, 1]``: about 0
    for unrelated text, near 1 for a faithful rendering.
    """

    name: str

    def similarity(self, src_sents: Sequence[str], tgt_sents: Sequence[str]) -> float: ...


_REGISTRY: dict[str, Callable[..., SentenceScorer]] = {}


def register_scorer(name: str, factory: Callable[..., SentenceScorer]) -> None:
    """Make a scorer available by name (a class or any callable returning a scorer)."""
    _REGISTRY[name] = factory


def available_scorers() -> list[str]:
    return sorted(_REGISTRY)


def get_scorer(name: str, **options: object) -> SentenceScorer:
    """Build the scorer registered as ``name``; ``ConfigError`` names the known ones if unknown."""
    try:
        factory = _REGISTRY[name]
    except KeyError:
        known = ", ".join(available_scorers()) or "none registered"
        raise ConfigError(f"unknown sentence scorer {name!r} (known: {known})") from None
    return factory(**options)

"""Check configuration: rule selection, severities and thresholds.

Read from ``[tool.interp-align.check]`` in the nearest ``pyproject.toml`` and
overridden by command-line flags.  Every field takes part in the report
signature, because each one can change the figures.
"""

from __future__ import annotations

import sys
from functools import cache
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from .._version import __version__
from ..errors import ConfigError
from ..models import Severity
from .rules.base import RuleInfo, all_rules

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

__all__ = ["FailOn", "QualityConfig", "Thresholds", "find_pyproject", "load_config"]

FailOn = Literal["error", "warning", "info", "never"]


class Thresholds(BaseModel):
    """Numeric knobs of the rules; the defaults are tuned on the seed and the gob.mx sample."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    nonword_max_zipf: float = 0.0
    nonword_min_length: int = 4
    noise_ratio: float = 0.25
    garbled_score: float = 0.5
    name_similarity: float = 0.8
    name_min_length: int = 4
    code_switch_margin: float = 1.5
    code_switch_min_zipf: float = 3.0
    code_switch_min_words: int = 2
    untranslated_min_words: int = 6
    handover_max_words: int = 25
    length_ratio_low: float = 0.35
    length_ratio_high: float = 2.5
    length_ratio_min_chars: int = 40
    chrf_low: float = 30.0


class QualityConfig(BaseModel):
    """Which rules run, at what severity, with which thresholds."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    select: tuple[str, ...] = ("ALL",)
    ignore: tuple[str, ...] = ()
    severity: dict[str, Severity] = Field(default_factory=dict)
    thresholds: Thresholds = Thresholds()
    fail_on: FailOn = "error"

    def enabled(self, rule: RuleInfo) -> bool:
        """True when ``rule`` is selected and not ignored (ids, id prefixes or names)."""
        return _matches(rule, self.select) and not _matches(rule, self.ignore)

    def severity_of(self, rule: RuleInfo) -> Severity:
        """The configured severity of ``rule``: by id, then by name, then its default."""
        return self.severity.get(rule.code) or self.severity.get(rule.name) or rule.severity

    def signature(self) -> str:
        """``key:value|…`` naming every setting that affects the figures, as sacrebleu does."""
        rules = ",".join(r.code for r in all_rules() if self.enabled(r)) or "-"
        sev = ",".join(f"{k}={v.value}" for k, v in sorted(self.severity.items())) or "default"
        knobs = "|".join(f"{k}:{v}" for k, v in self.thresholds.model_dump().items())
        return f"rules:{rules}|severity:{sev}|{knobs}|wordfreq:{_wordfreq_version()}|version:{__version__}"


@cache
def _wordfreq_version() -> str:
    """The installed wordfreq's version, read once: the metadata search walks ``sys.path`` and
    parses a file (4 ms, a tenth of checking a short record), and the package cannot change
    under a running process."""
    try:
        from importlib.metadata import version

        return version("wordfreq")
    except Exception:  # pragma: no cover - metadata missing in odd installs
        return "unknown"


def _matches(rule: RuleInfo, patterns: tuple[str, ...]) -> bool:
    for raw in patterns:
        pattern = raw.strip()
        if pattern.upper() == "ALL" or pattern.lower() in (rule.name, rule.family):
            return True
        if pattern and rule.code.startswith(pattern.upper()):
            return True
    return False


def find_pyproject(start: Path) -> Path | None:
    """The nearest ``pyproject.toml`` at or above ``start``."""
    here = start.resolve()
    for folder in (here, *here.parents):
        candidate = folder / "pyproject.toml"
        if candidate.is_file():
            return candidate
    return None


def _validate_codes(patterns: tuple[str, ...], where: str) -> None:
    known = all_rules()
    for raw in patterns:
        p = raw.strip()
        if p.upper() == "ALL":
            continue
        if not any(r.code.startswith(p.upper()) or p.lower() in (r.name, r.family) for r in known):
            raise ConfigError(f"{where}: unknown rule {raw!r}")


def load_config(
    pyproject: Path | None = None,
    *,
    start: Path | None = None,
    overrides: dict[str, Any] | None = None,
) -> QualityConfig:
    """Build the configuration: defaults < ``[tool.interp-align.check]`` < ``overrides``.

    ``overrides`` come from the command line (``select``, ``ignore``,
    ``fail_on``); unknown keys or rule ids raise :class:`ConfigError`.
    """
    data: dict[str, Any] = {}
    path = pyproject or find_pyproject(start or Path.cwd())
    if path is not None:
        try:
            table = tomllib.loads(path.read_text(encoding="utf-8"))
        except (OSError, tomllib.TOMLDecodeError) as exc:
            raise ConfigError(f"{path}: {exc}") from exc
        section = table.get("tool", {}).get("interp-align", {}).get("check", {})
        data = {k.replace("-", "_"): v for k, v in section.items()}
        if isinstance(data.get("thresholds"), dict):
            data["thresholds"] = {k.replace("-", "_"): v for k, v in data["thresholds"].items()}
    for key, value in (overrides or {}).items():
        if value is not None:
            data[key] = value
    try:
        config = QualityConfig.model_validate(data)
    except ValidationError as exc:
        where = f"{path} [tool.interp-align.check]" if path else "configuration"
        raise ConfigError(f"{where}: {exc.errors()[0]['loc']}: {exc.errors()[0]['msg']}") from exc
    _validate_codes(config.select, "select")
    _validate_codes(config.ignore, "ignore")
    _validate_codes(tuple(config.severity), "severity")
    return config

"""``interp-align check --fix`` (part of the ``check`` command, not a subcommand of its own).

Write a fixed copy of each record and print the diff, like ``ruff --fix --diff``.

The input file is never written: the fixed text goes to ``NAME.fixed.EXT`` (or
``--fix-output``) and the page chrome and spam it drops to
``NAME.fixed.removed.txt``, verbatim, with the line each came from.  The exit
code is that of a check of the fixed text at ``--fail-on``.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import InputError
from ..inputs import ReadOptions, load
from ..io import write_text
from ..models import Severity

if TYPE_CHECKING:
    from ..quality import QualityConfig


def fixed_path(path: Path) -> Path:
    """``talk.txt`` → ``talk.fixed.txt`` (``talk.fixed.txt`` → ``talk.fixed.fixed.txt``: never the input)."""
    return path.with_name(f"{path.stem}.fixed{path.suffix or '.txt'}")


def sidecar_path(fixed: Path) -> Path:
    return fixed.with_name(f"{fixed.stem}.removed.txt")


def run_fix(files: list[str], output: str | None, *, config: QualityConfig, options: ReadOptions,
            fail_on: Severity | None) -> int:
    """Fix each file into a new one; 1 when a finding at ``fail_on`` remains in a fixed text."""
    from ..parse import parse
    from ..quality import check
    from ..quality.fix import fix

    failed = False
    for name in files:
        source = Path(name)
        target = Path(output) if output else fixed_path(source)
        if target.resolve() == source.resolve():
            raise InputError("--fix never writes its input: choose another --fix-output", path=name)
        transcript = load(source, options)  # decoded as every command decodes (--encoding, --decode-errors)
        result = fix(transcript, config)
        write_text(target, result.text)
        sidecar = sidecar_path(target)
        if result.sidecar:
            write_text(sidecar, result.sidecar)
        sys.stdout.write(result.diff(str(source), str(target)) if result.edits else f"{source}: nothing to fix\n")
        language = transcript.language.code if transcript.language else None
        remaining = check(parse(result.text, path=str(target), language=language,
                                detect_language=options.detect_language), config=config)
        failed = failed or remaining.fails(fail_on)
        sys.stdout.write(f"wrote {target}" + (f" and {sidecar}" if result.sidecar else "") +
                         f"; {len(remaining.findings)} finding(s) remain\n")
    return 1 if failed else 0

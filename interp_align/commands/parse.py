"""``interp-align parse FILE``: parse one transcript and print it as JSON or a readable summary."""

from __future__ import annotations

import argparse
import sys

from ..models import Transcript
from ._common import add_read_options, load, read_options

NAME = "parse"
HELP = "parse one transcript (turns, speakers, interpreter markers, boilerplate)"
FORMATS = ("text", "json")


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "file", metavar="FILE", help="transcript file (UTF-8, UTF-16 with a BOM, or see --encoding)"
    )
    parser.add_argument(
        "--format",
        choices=FORMATS,
        default="text",
        help="text (per-turn summary, default) or json (validates against 'interp-align schema')",
    )
    parser.add_argument(
        "--language",
        metavar="CODE",
        help="declare the record language (en, es) instead of detecting it",
    )
    add_read_options(parser)


def format_summary(transcript: Transcript, *, words: int = 8) -> str:
    """One line per turn: index, speaker, interpretation and declared languages, markers, first words."""
    lang = transcript.language.code if transcript.language else "?"
    lines = [
        f"# {transcript.title or '(untitled)'}",
        f"# language={lang} turns={len(transcript.turns)} speakers={len(transcript.speakers)} "
        f"boilerplate={len(transcript.boilerplate)}",
    ]
    for turn in transcript.turns:
        interp = turn.interpretation
        flag = (
            f"interpreted {interp.source_language or '?'}->{interp.target_language or '?'}"
            if interp.interpreted
            else "original"
        )
        if interp.placeholder:
            flag += " placeholder"
        marks = ",".join(m.kind.value for m in turn.markers)
        first = " ".join(turn.body.split()[:words])
        lines.append(f"{turn.index:>4}  {turn.speaker_id:<28} {flag:<24} [{marks}] {first}")
    for diagnostic in transcript.diagnostics:
        where = f" line {diagnostic.line}" if diagnostic.line else ""
        lines.append(
            f"! {diagnostic.code} {diagnostic.severity.value}{where}: {diagnostic.message}"
        )
    return "\n".join(lines) + "\n"


def run(args: argparse.Namespace) -> int:
    transcript = load(args.file, read_options(args), language=args.language)
    if args.format == "json":
        sys.stdout.write(transcript.model_dump_json(indent=2) + "\n")
    else:
        sys.stdout.write(format_summary(transcript))
    return 0

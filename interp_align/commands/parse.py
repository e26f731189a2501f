"""``interp-align parse FILE``: parse one transcript and print it as JSON or a readable summary."""

from __future__ import annotations

import argparse
import sys
from typing import TextIO

from pydantic import BaseModel
from pydantic_core import to_json

from ..models import Transcript, Turn
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
        write_json(transcript, sys.stdout)
    else:
        sys.stdout.write(format_summary(transcript))
    return 0


#: Fields of a transcript written item by item: the bulk of a record's JSON.
_STREAMED = ("turns", "blocks")
#: Characters of the record's text escaped and written at a time (see ``_write_string``).
_TEXT_CHUNK = 1 << 16


def write_json(transcript: Transcript, out: TextIO) -> None:
    """Write ``transcript.model_dump_json(indent=2)`` and a newline to ``out``, the same bytes,
    one turn and one block at a time.

    The whole JSON of a record is several times its text (every turn, block and sentence
    carries its own text), so building it in one string was most of the command's memory.
    Each item is dumped alone with ``indent=2`` and its lines indented to where it stands
    (a JSON string holds no raw line break, so lines are safe to indent).  The record's text
    is written a slice at a time too (``_write_string``).
    """
    names = list(type(transcript).model_fields)
    out.write("{\n")
    for k, name in enumerate(names):
        comma = "," if k < len(names) - 1 else ""
        if name in _STREAMED and getattr(transcript, name):
            out.write(f'  "{name}": [\n')
            items = getattr(transcript, name)
            for i, item in enumerate(items):
                _write_item(item, out, "    ")
                out.write(",\n" if i < len(items) - 1 else "\n")
            out.write(f"  ]{comma}\n")
            continue
        if name == "text":
            out.write(f'  "{name}": ')
            _write_string(transcript.text, out)
            out.write(f"{comma}\n")
            continue
        field = transcript.model_dump_json(indent=2, include={name})
        inner = field[2:-2]  # '{\n  "name": value\n}' without its braces and line breaks
        out.write(f"{inner}{comma}\n")
    out.write("}\n")


def _write_string(text: str, out: TextIO) -> None:
    """``text`` as a JSON string, the bytes pydantic writes, a slice at a time.

    Dumped whole, a record's text was held four times over (pydantic's UTF-8 bytes, their
    ``str``, the field cut out of its braces, the line around it: a wide string is two or four
    bytes a character), the peak of the command.  JSON escapes character by character, so the
    slices' escapes, each dumped by pydantic's own serializer, join into the whole's."""
    out.write('"')
    for start in range(0, len(text), _TEXT_CHUNK):
        out.write(to_json(text[start : start + _TEXT_CHUNK])[1:-1].decode("utf-8"))
    out.write('"')


def _write_item(item: BaseModel, out: TextIO, prefix: str) -> None:
    """One turn or block; a turn's sentences are written one at a time too (a speech's JSON is
    many times its text)."""
    sentences = getattr(item, "sentences", None) if isinstance(item, Turn) else None
    if not sentences:
        out.write(_indented(item.model_dump_json(indent=2), prefix))
        return
    names = list(type(item).model_fields)
    after = names[names.index("sentences") + 1]
    rest = item.model_dump_json(indent=2, exclude={"sentences"})
    cut = rest.index(f'\n  "{after}": ')  # top-level keys are the only ones indented by two
    out.write(_indented(rest[:cut], prefix))
    out.write(f'\n{prefix}  "sentences": [\n')
    for i, sentence in enumerate(sentences):
        out.write(_indented(sentence.model_dump_json(indent=2), prefix + "    "))
        out.write(",\n" if i < len(sentences) - 1 else "\n")
    out.write(f"{prefix}  ],")
    out.write(_indented(rest[cut:], prefix)[len(prefix) :])


def _indented(text: str, prefix: str) -> str:
    return prefix + text.replace("\n", "\n" + prefix)

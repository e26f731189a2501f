"""``interp-align align EN_FILE ES_FILE``: pair an English record with its Spanish record."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..errors import InputError

NAME = "align"
HELP = "align an English transcript with the Spanish record of the same event"
FORMATS = ("text", "json", "tmx", "jsonl", "tsv", "moses")


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("english", metavar="EN_FILE", help="English record (e.g. a State Department transcript)")
    parser.add_argument("spanish", metavar="ES_FILE", help="Spanish record of the same event")
    parser.add_argument("--format", choices=FORMATS, default="text",
                        help="text (readable aligned view, default), json, tmx, jsonl, tsv, moses")
    parser.add_argument("-o", "--output", metavar="OUT",
                        help="write here instead of stdout; for moses, OUT.es and OUT.en are written")
    parser.add_argument("--no-detect", action="store_true", help="skip language identification (faster)")
    parser.add_argument("--width", type=int, default=100, help="line width of the text view")


def run(args: argparse.Namespace) -> int:
    from .. import export
    from ..align.turns import align
    from ..parse import read

    english = read(args.english, detect_language=not args.no_detect)
    spanish = read(args.spanish, detect_language=not args.no_detect)
    alignment = align(english, spanish)
    if args.format == "moses":
        if not args.output:
            raise InputError("--format moses needs -o OUT (writes OUT.es and OUT.en)")
        es_text, en_text = export.to_moses(alignment)
        Path(f"{args.output}.es").write_text(es_text, encoding="utf-8")
        Path(f"{args.output}.en").write_text(en_text, encoding="utf-8")
        return 0
    if args.format == "text":
        out = export.format_alignment(alignment, width=args.width)
    elif args.format == "json":
        out = export.dumps_json(alignment)
    elif args.format == "tmx":
        out = export.to_tmx(alignment)
    elif args.format == "jsonl":
        out = export.to_jsonl(alignment)
    else:
        out = export.to_tsv(alignment)
    if args.output:
        Path(args.output).write_text(out, encoding="utf-8")
    else:
        sys.stdout.write(out)
    return 0

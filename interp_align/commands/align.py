"""``interp-align align EN_FILE ES_FILE``: pair an English record with its Spanish record."""

from __future__ import annotations

import argparse
import sys

from ..errors import InputError
from ._common import add_read_options, load, read_options, write_output

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
    parser.add_argument("--swap-if-needed", action="store_true",
                        help="when EN_FILE reads as Spanish and ES_FILE as English, swap them (else: exit 2)")
    add_read_options(parser)
    parser.add_argument("--width", type=int, default=100, help="line width of the text view")


def run(args: argparse.Namespace) -> int:
    from .. import export
    from ..align.turns import align
    from ..pairing import order_pair

    if args.format == "moses" and not args.output:
        raise InputError("--format moses needs -o OUT (writes OUT.es and OUT.en)")
    options = read_options(args)
    english, spanish, swapped = order_pair(load(args.english, options), load(args.spanish, options),
                                           swap=args.swap_if_needed)
    if swapped:
        print(f"interp-align align: swapped the records: {english.path} is the English record, "
              f"{spanish.path} the Spanish one", file=sys.stderr)
    alignment = align(english, spanish)
    if args.format == "moses":
        es_text, en_text = export.to_moses(alignment)
        write_output(f"{args.output}.es", es_text)
        write_output(f"{args.output}.en", en_text)
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
    write_output(args.output, out)
    return 0

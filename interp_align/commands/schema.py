"""``interp-align schema``: the JSON Schema of ``interp-align parse --format json`` output."""

from __future__ import annotations

import argparse
import json
import sys

from ..models import Transcript

NAME = "schema"
HELP = "print the JSON Schema of the parsed-transcript JSON"


def configure(parser: argparse.ArgumentParser) -> None:
    del parser  # no options: the schema is the model's


def transcript_schema() -> dict[str, object]:
    """``Transcript.model_json_schema()`` with the draft declared, so validators pick the right one."""
    schema: dict[str, object] = {"$schema": "https://json-schema.org/draft/2020-12/schema"}
    schema.update(Transcript.model_json_schema())
    return schema


def run(args: argparse.Namespace) -> int:
    del args
    sys.stdout.write(json.dumps(transcript_schema(), indent=2, ensure_ascii=False) + "\n")
    return 0

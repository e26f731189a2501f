"""A small run of the fuzz benchmark (benchmarks/fuzz.py): parse, check and align never raise, parsing is lossless.

The long run (10⁶ inputs) is a benchmark; this one keeps the suite fast and
still covers every input kind: lone transcripts, pairs (aligned and checked
with their original) and pairs rendered as TMX and the HTML report.  Any
failure names the input, reproducible with ``benchmarks/fuzz.py --only K``.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

BENCHMARK = Path(__file__).resolve().parent.parent / "benchmarks" / "fuzz.py"
INPUTS = 512  # includes pairs, rendered pairs and inputs with superscript and circled digits


@pytest.fixture(scope="module")
def fuzz() -> ModuleType:
    spec = importlib.util.spec_from_file_location("interp_align_fuzz", BENCHMARK)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def test_fuzz_inputs_are_reproducible(fuzz: ModuleType) -> None:
    texts, pairs = fuzz.corpus_texts()
    assert fuzz.make_case(0, 7, texts, pairs) == fuzz.make_case(0, 7, texts, pairs)
    kinds = {fuzz.make_case(0, k, texts, pairs).kind for k in range(8)}
    assert kinds == {"single", "pair"}
    assert any(fuzz.make_case(0, k, texts, pairs).render for k in range(INPUTS))


def test_small_fuzz_run_has_no_exception_and_no_losslessness_failure(fuzz: ModuleType) -> None:
    figures = fuzz.fuzz(INPUTS, seed=0)
    assert figures["inputs"] == INPUTS
    assert figures["lossless_failures"] == 0, figures["failure_groups"]
    assert figures["exceptions"] == 0 and figures["timeouts"] == 0, figures["failure_groups"]


def test_lossless_check_catches_a_broken_tiling(fuzz: ModuleType) -> None:
    import interp_align as ia

    transcript = ia.parse("MR. HALVERSON:  Good morning.\n", detect_language=False)
    broken = transcript.model_copy(update={"blocks": transcript.blocks[:-1]})
    assert fuzz.lossless_problems(transcript) == []
    assert "blocks do not tile the input" in fuzz.lossless_problems(broken)

"""The word-frequency table the rules read is wordfreq's own, value for value."""

from __future__ import annotations

import math
import random

import pytest
import wordfreq

from interp_align.quality import frequencies


@pytest.mark.parametrize("language", ["en", "es"])
def test_the_table_is_wordfreqs_best_list(language: str) -> None:
    expected = {w: round(math.log10(f) + 9, 2) for w, f in wordfreq.get_frequency_dict(language).items() if f > 0}
    assert frequencies._table(language) == expected


@pytest.mark.parametrize("language", ["en", "es"])
def test_zipf_matches_wordfreq_on_single_words(language: str) -> None:
    words = [w for w in random.Random(11).sample(sorted(wordfreq.get_frequency_dict(language)), 500) if w.isalpha()]
    words += ["zzqxv", "Gracias", "nearshoring"]
    assert [frequencies.zipf(w, language) for w in words] == [wordfreq.zipf_frequency(w.lower(), language) for w in words]


def test_bucket_frequencies_are_wordfreqs_centibels() -> None:
    assert all(frequencies._centibels(i) == wordfreq.cB_to_freq(-i) for i in range(900))

"""How the sentence aligner scales: time and peak memory at 2k, 10k and 100k sentences a side.

Document pairs are synthetic but interpretation-like: a random two-language
vocabulary (a fifth of it cognate), sentences with figures and names, a target
side that drops words, merges and splits sentences, omits ~6 % of the source
and adds ~2 %.  Each size runs in a fresh subprocess so its peak RSS
(``ru_maxrss``) is its own.  Prints one line per size and the time ratio of
each size to the previous one, in CPU seconds because
the machine may be shared (the target is ≤ 12 for 10× the sentences).  At
``--gale-church-at`` sentences (2,000) NLTK's Gale–Church runs on the same
pair in the same way and is printed beside ours (it is quadratic in its
search, so larger sizes would take it minutes).  ``--langs en fr`` passes the
two languages to our aligner (stemmers, and the bilingual dictionaries read
from the system if installed); a third of the synthetic vocabulary is then
drawn from the installed dictionary's own word pairs (read at run time, never
stored), so the dictionary links are as dense as on real text.

    .venv/bin/python benchmarks/align_scaling.py [--sizes 2000 10000 100000] [--gale-church-at 2000] [--langs SRC TGT]
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import string
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from align_gold import gale_church

from interp_align.align import align_sentences, score
from interp_align.align.dictionaries import find_dictionaries, read_dictionary
from interp_align.models import Bead

Aligner = Callable[[Sequence[str], Sequence[str]], list[Bead]]
ALIGNERS: dict[str, Aligner] = {"interp_align": align_sentences, "nltk gale-church": gale_church}


def _word(rng: random.Random) -> str:
    return "".join(rng.choice(string.ascii_lowercase) for _ in range(rng.randint(2, 10)))


def dictionary_pairs(src_lang: str, tgt_lang: str) -> list[tuple[str, str]]:
    """(headword, first translation) of the installed dictionary from ``src_lang`` to ``tgt_lang`` (none: [])."""
    for found in find_dictionaries(src_lang, tgt_lang):
        if found.src == src_lang:
            return [(head, words[0]) for head, words in read_dictionary(found) if words]
    return []


def synthetic_pair(
    n: int, seed: int = 0, lexicon: Sequence[tuple[str, str]] = ()
) -> tuple[list[str], list[str], list[Bead]]:
    """``n`` source sentences, their interpretation and the gold beads (a third of the words from ``lexicon``)."""
    rng = random.Random(seed)
    concepts = 6000
    src_words = [_word(rng) for _ in range(concepts)]
    tgt_words = [
        src_words[k][:5] + _word(rng)[:2] if rng.random() < 0.2 else _word(rng) for k in range(concepts)
    ]
    if lexicon:
        drawn = rng.sample(list(lexicon), min(len(lexicon), concepts // 3))
        for k, (head, translation) in zip(range(1, concepts, 3), drawn, strict=False):
            src_words[k], tgt_words[k] = head, translation
    names = [_word(rng).capitalize() + "o" for _ in range(500)]

    def sentence(rng: random.Random) -> tuple[str, str]:
        ids = [min(concepts - 1, int(rng.paretovariate(0.8))) for _ in range(rng.randint(5, 24))]
        s = [src_words[k] for k in ids]
        t = [tgt_words[k] for k in ids if rng.random() > 0.15]
        if rng.random() < 0.3:
            number = str(rng.randint(2, 99999))
            pos = rng.randrange(len(s))
            s.insert(pos, number)
            t.insert(min(pos, len(t)), number)
        if rng.random() < 0.3:
            name = rng.choice(names)
            s.insert(1, name)
            t.insert(1, name)
        return " ".join(s).capitalize() + ".", " ".join(t or ["ok"]).capitalize() + "."

    src: list[str] = []
    tgt: list[str] = []
    gold: list[Bead] = []
    while len(src) < n:
        r = rng.random()
        i, j = len(src), len(tgt)
        if r < 0.06:  # omission
            src.append(sentence(rng)[0])
            gold.append(Bead(src=(i,), tgt=()))
        elif r < 0.08:  # addition
            tgt.append(sentence(rng)[1])
            gold.append(Bead(src=(), tgt=(j,)))
        elif r < 0.18 and len(src) < n - 1:  # merge two source sentences
            (s1, t1), (s2, t2) = sentence(rng), sentence(rng)
            src += [s1, s2]
            tgt.append(t1[:-1] + ", " + t2[0].lower() + t2[1:])
            gold.append(Bead(src=(i, i + 1), tgt=(j,)))
        elif r < 0.26:  # split one source sentence
            s, t = sentence(rng)
            words = t.split()
            cut = max(1, len(words) // 2)
            src.append(s)
            tgt += [" ".join(words[:cut]) + ".", " ".join(words[cut:] or ["ok"]).capitalize()]
            gold.append(Bead(src=(i,), tgt=(j, j + 1)))
        else:
            s, t = sentence(rng)
            src.append(s)
            tgt.append(t)
            gold.append(Bead(src=(i,), tgt=(j,)))
    return src, tgt, gold


def run_one(n: int, aligner: str, langs: Sequence[str] = ()) -> dict[str, float]:
    lexicon = dictionary_pairs(langs[0], langs[1]) if langs else []
    src, tgt, gold = synthetic_pair(n, seed=n, lexicon=lexicon)
    start, cpu_start = time.perf_counter(), time.process_time()
    if langs and aligner == "interp_align":
        beads = align_sentences(src, tgt, src_lang=langs[0], tgt_lang=langs[1])
    else:
        beads = ALIGNERS[aligner](src, tgt)
    elapsed, cpu = time.perf_counter() - start, time.process_time() - cpu_start
    peak_kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return {
        "n_src": len(src),
        "n_tgt": len(tgt),
        "seconds": elapsed,
        "cpu_seconds": cpu,
        "peak_mib": peak_kib / 1024,
        "f1_strict": score(gold, beads).f1_strict,
        "dictionary_words": len(lexicon),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[2000, 10000, 100000])
    parser.add_argument("--gale-church-at", type=int, nargs="*", default=[2000])
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--aligner", default="interp_align", help=argparse.SUPPRESS)
    parser.add_argument("--langs", nargs=2, metavar=("SRC", "TGT"), help="languages for our aligner, e.g. en fr")
    args = parser.parse_args()
    langs = list(args.langs or [])
    if args.one:
        print(json.dumps(run_one(args.one, args.aligner, langs)))
        return
    if langs:
        print(f"languages {langs[0]}→{langs[1]}: {len(dictionary_pairs(*langs))} dictionary word pairs installed")
    previous: float | None = None
    print(
        f"{'aligner':18} {'sentences':>10} {'n_tgt':>8} {'wall s':>8} {'cpu s':>8} {'peak MiB':>9} "
        f"{'strict F1':>9} {'cpu/prev':>8}"
    )
    for n in args.sizes:
        for aligner in ALIGNERS if n in args.gale_church_at else ["interp_align"]:
            out = subprocess.run(
                [sys.executable, __file__, "--one", str(n), "--aligner", aligner, *(["--langs", *langs] if langs else [])],
                capture_output=True, text=True, check=True,
            )
            row = json.loads(out.stdout.strip().splitlines()[-1])
            ours = aligner == "interp_align"
            ratio = f"{row['cpu_seconds'] / previous:8.2f}" if previous and ours else f"{'':>8}"
            print(
                f"{aligner:18} {row['n_src']:>10} {row['n_tgt']:>8} {row['seconds']:8.1f} {row['cpu_seconds']:8.1f} "
                f"{row['peak_mib']:9.1f} {row['f1_strict']:9.3f} {ratio}",
                flush=True,
            )
            if ours:
                previous = row["cpu_seconds"]


if __name__ == "__main__":
    main()

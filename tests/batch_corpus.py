"""Generated transcript pairs for the batch tests and benchmark (written at run time, no data shipped).

Each event is a short State Department style English record, where Spanish
speakers are marked "(Via interpreter)", and its Mexican government Spanish
record. Numbers vary with the event index so that every file is different,
and every third event carries one deliberately wrong figure in the English
interpretation (a number mismatch for the checks to find).
"""

from __future__ import annotations

from pathlib import Path

_EN_HEAD = "Secretary Example At the Binational Meeting Number {n}\n\n"
_ES_HEAD = "Versión estenográfica. Reunión Binacional número {n}\nCiudad de México, {day} de marzo de 2024\n\n"

_EN_TURNS = (
    "FOREIGN SECRETARY ORTEGA:\u00a0 (Via interpreter) Good morning.  We welcome the delegation of the "
    "United States.  This year we opened {a} new border crossings.  Trade grew by {b} percent.\n\n"
    "SECRETARY WALKER:\u00a0 Thank you, Secretary.  We will work together on {c} programs.  "
    "Our teams met {d} times this year.\n\n"
    "FOREIGN SECRETARY ORTEGA:\u00a0 (Via interpreter) We agree.  We will train {e} officers in {day} "
    "states.  Thank you very much.\n"
)
_ES_TURNS = (
    "SECRETARIA DE RELACIONES EXTERIORES, ANA ORTEGA: Buenos días. Damos la bienvenida a la delegación "
    "de los Estados Unidos. Este año abrimos {a} nuevos cruces fronterizos. El comercio creció {b} por "
    "ciento.\n\n"
    "SECRETARIO DE ESTADO, JOHN WALKER: (Interpretación del inglés al español) Gracias, secretaria. "
    "Vamos a trabajar juntos en {c} programas. Nuestros equipos se reunieron {d} veces este año.\n\n"
    "SECRETARIA DE RELACIONES EXTERIORES, ANA ORTEGA: Estamos de acuerdo. Vamos a capacitar a {e} "
    "agentes en {day} estados. Muchas gracias.\n\n—000—\n"
)


def event_texts(n: int) -> tuple[str, str]:
    """The English and Spanish records of generated event ``n``."""
    values = {"n": n, "a": 3 + n % 7, "b": 10 + n % 13, "c": 4 + n % 5, "d": 20 + n % 9,
              "e": 100 + n, "day": 2 + n % 20}
    english_values = dict(values, e=values["e"] + 50) if n % 3 == 0 else values
    english = _EN_HEAD.format(**values) + _EN_TURNS.format(**english_values)
    spanish = _ES_HEAD.format(**values) + _ES_TURNS.format(**values)
    return english, spanish


def write_pairs(root: Path, count: int, *, start: int = 0) -> list[str]:
    """Write ``count`` events as ``event-NNNN.en.txt`` / ``event-NNNN.es.txt``; returns their job ids."""
    root.mkdir(parents=True, exist_ok=True)
    ids = []
    for n in range(start, start + count):
        english, spanish = event_texts(n)
        name = f"event-{n:04d}"
        (root / f"{name}.en.txt").write_text(english, encoding="utf-8")
        (root / f"{name}.es.txt").write_text(spanish, encoding="utf-8")
        ids.append(f"{name}.en")
    return ids


def write_broken(root: Path, name: str = "broken.txt") -> str:
    """A file that is not a transcript at all: binary bytes under a ``.txt`` name; returns its job id."""
    root.mkdir(parents=True, exist_ok=True)
    (root / name).write_bytes(bytes(range(256)) * 8 + b"\x00\xff\xfe\x00" * 64)
    return name[: -len(".txt")]

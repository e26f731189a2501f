"""Page chrome, end marks and header lines that are not speech, as data (EN + ES).

Scraped transcripts end with web-page furniture ("Related Articles", "Leave a
Reply", share buttons) and sometimes spam link text; official records end with
"###", "END 10:42 A.M. EDT" or "—000—".  The parser records these as
boilerplate blocks with a reason instead of gluing them to the last turn.
"""

from __future__ import annotations

import functools
import re

from ..normalize import fold

__all__ = [
    "CHROME_LINES",
    "CHROME_PREFIXES",
    "DATE_LINE",
    "END_MARK",
    "ORGANISATION_LINES",
    "SPAM_WORDS",
    "TIME_LINE",
    "URL",
    "chrome_reason",
    "is_short_trailer",
]

#: Whole lines (folded, stripped of " .:*|·-") that are page chrome.
CHROME_LINES: frozenset[str] = frozenset(
    {
        "related articles",
        "related posts",
        "related",
        "read more",
        "leave a reply",
        "leave a comment",
        "cancel reply",
        "post comment",
        "comments",
        "back to top",
        "back to top button",
        "share",
        "share this",
        "share this article",
        "share on facebook",
        "share on twitter",
        "facebook",
        "twitter",
        "x",
        "linkedin",
        "whatsapp",
        "telegram",
        "reddit",
        "pinterest",
        "tumblr",
        "email",
        "e-mail",
        "print",
        "copy link",
        "tweet",
        "you may also like",
        "recommended",
        "previous article",
        "next article",
        "previous post",
        "next post",
        "subscribe",
        "sign up for updates",
        "skip to content",
        "skip to main content",
        "compartir",
        "imprimir",
        "articulos relacionados",
        "notas relacionadas",
        "deja un comentario",
        "deja una respuesta",
        "volver arriba",
        "ir arriba",
        "etiquetas",
        "comentarios",
        "suscribete",
        "gob.mx/presidencia",
        "gob.mx",
    }
)

#: Line openings (folded) that mark page chrome whatever follows.
CHROME_PREFIXES: tuple[str, ...] = (
    "your email address will not be published",
    "required fields are marked",
    "save my name, email",
    "tags:",
    "filed under",
    "posted in",
    "this entry was posted",
    "tu direccion de correo electronico no sera publicada",
    "los campos obligatorios estan marcados",
    "guarda mi nombre",
)

#: End marks of official transcripts: "###", "END 10:42 A.M. EDT", "—000—", "---00---",
#: "- - - 0 - - -", "+++++" (dashes unified by match_view; a Markdown export escapes "\###").
END_MARK = re.compile(
    r"(?:\\?#[ \t]*){3,}|-+\s*0{2,3}\s*-+|-?0{3}-?|\*{3,}|\+{3,}|(?:-\s*){2,}0(?:\s*-){2,}"
    r"|end\s+\d{1,2}[:.]\d{2}\s*(?:[ap]\.?\s*m\.?)?(?:\s*[a-z]{2,4})?"
    r"|-*\s*(?:end|fin|fin de la transcripcion)\s*-*",
    re.IGNORECASE,
)

#: A web address written out ("visit: <https://…>"): on a line of its own at the end, page furniture.
URL = re.compile(r"https?://|<www\.", re.IGNORECASE)

#: A time line: the White House's dateline time and closing time ("4:24 P.M. EEST", "END  5:11 P.M. EST").
TIME_LINE = re.compile(
    r"[*_ ]*(?:end\s+)?\d{1,2}:\d{2}\s*[ap]\.?\s*m\.?(?:\s+[a-z]{2,5})?[*_ ]*", re.IGNORECASE
)

#: Words of spam link text injected at the end of scraped pages (folded).
SPAM_WORDS = re.compile(
    r"\b(?:slots?|gacor|judi|togel|casino|sbobet|poker|bet|betting|gates of olympus|sweet bonanza|mahjong|maxwin|bonus)\b"
)

#: Header lines naming the issuing organisation (folded).
ORGANISATION_LINES: frozenset[str] = frozenset(
    {
        "presidencia de la republica",
    "gob.mx/presidencia",
        "gobierno de mexico",
        "secretaria de relaciones exteriores",
        "u.s. department of state",
        "department of state",
        "office of the spokesperson",
        "the white house",
        "white house",
        "remarks",
        "transcript",
        "version estenografica",
    }
)

_MONTHS = (
    "january|february|march|april|may|june|july|august|september|october|november|december"
    "|enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|setiembre|octubre|noviembre|diciembre"
)
#: A date line ("10 de diciembre de 2019", "October 5, 2023", "2023-10-05").
DATE_LINE = re.compile(
    rf"(?:[a-z]+,? )?(?:\d{{1,2}} de (?:{_MONTHS}) (?:de|del) \d{{4}}|(?:{_MONTHS}) \d{{1,2}},? \d{{4}}"
    rf"|\d{{1,2}} (?:{_MONTHS}),? \d{{4}}|\d{{4}}-\d{{2}}-\d{{2}})\.?"
)

_STRIP = " \t.:*|·-•>»"
_SENTENCE = re.compile(r"[a-záéíóúñ][.!?](?:\s|$)")


def chrome_reason(line: str) -> str | None:
    """Why a (match-view) line is boilerplate, or ``None`` when it may be speech.

    A pure function of the line; short lines (the header's and the ends' furniture, labels,
    datelines: the same few hundred in every record of a publisher) are remembered."""
    return _short_reason(line) if len(line) <= _CACHED_LINE else _reason(line)


#: Lines up to this long are remembered by ``chrome_reason``.
_CACHED_LINE = 200


def _reason(line: str) -> str | None:
    stripped = line.strip()
    if not stripped:
        return None
    if END_MARK.fullmatch(stripped):
        return "end mark"
    if TIME_LINE.fullmatch(stripped):
        return "closing time line"
    if URL.search(stripped) and len(stripped.split()) <= 25:
        return "link"
    key = fold(stripped).strip(_STRIP)
    if key in CHROME_LINES:
        return f"page chrome: {key}"
    if key.startswith(CHROME_PREFIXES):  # one C call for the usual line that has none
        prefix = next(p for p in CHROME_PREFIXES if key.startswith(p))
        return f"page chrome: {prefix}"
    if len(key.split()) <= 8 and SPAM_WORDS.search(key) and not _SENTENCE.search(stripped):
        return "spam link text"  # link text has no sentences: "Maria Casino, Radio Uno." is a reporter
    return None


_short_reason = functools.lru_cache(maxsize=1 << 13)(_reason)


def is_short_trailer(line: str, *, max_words: int = 8) -> bool:
    """A short line that, once page chrome has started, is more chrome (link text, button labels)."""
    words = line.split()
    return 0 < len(words) <= max_words

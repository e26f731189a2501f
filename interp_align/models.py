"""The typed core: frozen pydantic models for an interpreted transcript.

Every span-bearing model records ``start``/``end`` character offsets into the
original text (``Transcript.text``) and, where it carries ``text``, that field is
exactly ``Transcript.text[start:end]``.  Normalised forms live in *derived*
fields (``canonical``, ``name``, ``role``), never in place of the source text,
so offsets stay meaningful and nothing is lost.

Models are frozen and use tuples so a parsed transcript can be shared, hashed
and round-tripped through JSON exactly.
"""

from __future__ import annotations

from enum import Enum
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, model_validator

__all__ = [
    "Alignment",
    "Bead",
    "Block",
    "BlockKind",
    "Diagnostic",
    "Dialect",
    "HeaderField",
    "HeaderFieldKind",
    "Interpretation",
    "LanguageSource",
    "LanguageTag",
    "Marker",
    "MarkerKind",
    "Passage",
    "PassageKind",
    "Sentence",
    "Severity",
    "Span",
    "Speaker",
    "Transcript",
    "Turn",
    "TurnPair",
]

#: A BCP-47 language tag such as ``"en"``, ``"es"`` or ``"es-MX"``.
LanguageCode = Annotated[str, Field(pattern=r"^[a-z]{2,3}(-[A-Za-z0-9]{1,8})*$")]
Offset = Annotated[int, Field(ge=0)]


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Span(_Frozen):
    """A half-open character range ``[start, end)`` into the original text."""

    start: Offset
    end: Offset

    @model_validator(mode="after")
    def _ordered(self) -> Span:
        if self.end < self.start:
            raise ValueError(f"span end {self.end} is before start {self.start}")
        return self

    def slice(self, source: str) -> str:
        """The text this span covers in ``source``."""
        return source[self.start : self.end]


class Severity(str, Enum):
    """How much a diagnostic or finding matters; ordered info < warning < error."""

    INFO = "info"
    WARNING = "warning"
    ERROR = "error"

    @property
    def rank(self) -> int:
        return {"info": 0, "warning": 1, "error": 2}[self.value]


class LanguageSource(str, Enum):
    """Where a language tag came from: an interpreter marker, a detector, or a default."""

    MARKER = "marker"
    DETECTED = "detected"
    DEFAULT = "default"


class LanguageTag(_Frozen):
    """A language attributed to a turn or sentence, with how sure we are and why."""

    code: LanguageCode
    confidence: Annotated[float, Field(ge=0.0, le=1.0)]
    source: LanguageSource


class MarkerKind(str, Enum):
    """Kinds of bracketed notes a transcriber leaves in the record."""

    INTERPRETER_NOTE = "interpreter_note"
    INAUDIBLE = "inaudible"
    UNINTELLIGIBLE = "unintelligible"
    CROSSTALK = "crosstalk"
    OFF_MIC = "off_mic"
    APPLAUSE = "applause"
    LAUGHTER = "laughter"
    TRANSMISSION_FAILURE = "transmission_failure"
    LANGUAGE_NOTE = "language_note"
    OTHER = "other"


class Marker(Span):
    """A stage direction or interpreter note such as ``(Via interpreter)`` or ``[inaudible 00:01:42]``.

    ``text`` is the exact source text including brackets; ``canonical`` is a
    lower-cased, accent-folded form for matching (``"via interpreter"``).
    Interpreter notes carry the languages they declare, when they declare any.
    """

    kind: MarkerKind
    text: str
    canonical: str
    timestamp: str | None = None
    source_language: LanguageCode | None = None
    target_language: LanguageCode | None = None


class Interpretation(_Frozen):
    """Whether a turn reached the record through an interpreter, as declared by a marker.

    ``interpreted`` is true when some of the turn's words are an interpreter's
    rendering (``Turn.passages`` says which).  ``placeholder`` is true when the
    record holds only notes and no words (gob.mx's ``(Mensaje en inglés)``, the
    White House's ``(Speaks Spanish.)  (No translation provided.)``): the turn
    exists but its speech is not in the record; ``source_language`` then names the
    language spoken, when a note declares it.
    """

    interpreted: bool = False
    marker: Marker | None = None
    source_language: LanguageCode | None = None
    target_language: LanguageCode | None = None
    placeholder: bool = False


class PassageKind(str, Enum):
    """How a stretch of a turn reached the record."""

    ORIGINAL = "original"  # the speaker's own words, in the language the record prints
    INTERPRETED = "interpreted"  # an interpreter's rendering of speech in another language
    UNTRANSCRIBED = "untranscribed"  # speech the record only names: "(Speaks Spanish.)"


class Passage(Span):
    """A stretch of a turn body in one mode: original, interpreted or untranscribed.

    An interpreted turn may be partly original ("(In English.) Thank you.") and a
    speaker may say a sentence in their own language before "(As interpreted.)";
    passages record where each mode starts and ends.  ``source_language`` is the
    language spoken, ``target_language`` the one the record prints (interpreted
    passages); ``marker`` is the note that opened the passage, if any.
    """

    kind: PassageKind
    source_language: LanguageCode | None = None
    target_language: LanguageCode | None = None
    marker: Marker | None = None


class Sentence(Span):
    """One sentence of a turn body, with the language it is written in."""

    index: Annotated[int, Field(ge=0)]
    text: str
    language: LanguageTag | None = None
    code_switch: bool = False


class Speaker(_Frozen):
    """One person (or one anonymous role such as QUESTION) across all their turns.

    ``id`` is a stable slug; ``labels`` are the label texts seen, in order of
    first appearance.  ``name`` and ``role`` are split from the label where the
    label allows (``"SECURITY SECRETARY RODRÍGUEZ"`` → role ``"Security
    Secretary"``, name ``"Rodríguez"``).  ``generic`` marks role-only labels
    (QUESTION, PREGUNTA, MODERATOR) that may hide several people.
    """

    id: str
    name: str | None = None
    role: str | None = None
    labels: tuple[str, ...] = ()
    generic: bool = False


class Turn(Span):
    """A labelled stretch of speech: label, optional markers, and the body.

    ``start``/``end`` cover the label through the last character of the body
    (trailing blank lines belong to the following whitespace block).  The body
    is ``text[body_start:body_end]``; markers inside it stay in the text where
    they stand and are listed in ``markers``.
    """

    index: Annotated[int, Field(ge=0)]
    speaker_id: str
    label: Span
    label_text: str
    body_start: Offset
    body_end: Offset
    text: str
    body: str
    interpretation: Interpretation = Interpretation()
    passages: tuple[Passage, ...] = ()
    markers: tuple[Marker, ...] = ()
    sentences: tuple[Sentence, ...] = ()
    language: LanguageTag | None = None
    declared_language: LanguageCode | None = None


class BlockKind(str, Enum):
    """What a tile of the source text is; the blocks of a transcript tile it exactly."""

    HEADER = "header"
    TURN = "turn"
    BOILERPLATE = "boilerplate"
    SEPARATOR = "separator"
    UNATTRIBUTED = "unattributed"
    WHITESPACE = "whitespace"


class Block(Span):
    """One tile of the source: header, turn, boilerplate, separator, unattributed prose or whitespace.

    ``reason`` says why a non-turn block was classified as it was (``"page
    chrome: comment form"``), so nothing is dropped silently.
    """

    kind: BlockKind
    text: str
    reason: str | None = None
    turn_index: int | None = None


class HeaderFieldKind(str, Enum):
    TITLE = "title"
    ORGANISATION = "organisation"
    PLACE = "place"
    DATE = "date"
    TIME = "time"
    URL = "url"
    OTHER = "other"


class HeaderField(Span):
    """A header line or front-matter field (title, place, date, time, source URL ...) with its offsets.

    ``text`` is the source text of the span; for front-matter fields ``key`` is
    the field name and ``value`` the decoded value (YAML escapes and folded
    lines resolved), since the raw text is not what a user wants to read.
    """

    kind: HeaderFieldKind
    text: str
    key: str | None = None
    value: str | None = None


class Dialect(_Frozen):
    """The publishing convention a record follows, and the evidence for it.

    ``name`` is a registered dialect (``"whitehouse"``, ``"markdown-export"``,
    ``"state-department"``, ``"gobmx"``, ``"gobmx-english"``, ``"colon-labels"``);
    ``evidence`` lists what was seen (``"YAML front matter"``, ``"31 'Q' question
    lines"``), so a surprising choice can be understood and reported.
    """

    name: str
    front_matter: bool = False
    soft_wraps: bool = False
    evidence: tuple[str, ...] = ()


class Diagnostic(_Frozen):
    """Something the parser noticed but could not or should not fix (mojibake, no labels ...).

    ``code`` is stable (``"P001"``); ``line``/``column`` are 1-based.
    """

    code: str
    severity: Severity
    message: str
    start: Offset | None = None
    end: Offset | None = None
    line: int | None = None
    column: int | None = None


class Transcript(_Frozen):
    """A parsed transcript: the original text and everything found in it.

    ``blocks`` tile ``text`` exactly (lossless); ``turns`` are the turn blocks
    in detail.  ``language`` is the record's main language.
    """

    text: str
    path: str | None = None
    encoding: str | None = None
    dialect: Dialect | None = None
    language: LanguageTag | None = None
    title: str | None = None
    header: tuple[HeaderField, ...] = ()
    speakers: tuple[Speaker, ...] = ()
    turns: tuple[Turn, ...] = ()
    blocks: tuple[Block, ...] = ()
    diagnostics: tuple[Diagnostic, ...] = ()

    @property
    def boilerplate(self) -> tuple[Block, ...]:
        """Blocks recorded as boilerplate (page chrome, end marks, spam), each with a reason."""
        return tuple(b for b in self.blocks if b.kind is BlockKind.BOILERPLATE)

    def speaker(self, speaker_id: str) -> Speaker:
        """The speaker with this id; raises ``KeyError`` if there is none."""
        for speaker in self.speakers:
            if speaker.id == speaker_id:
                return speaker
        raise KeyError(speaker_id)

    def turns_of(self, speaker_id: str) -> tuple[Turn, ...]:
        return tuple(t for t in self.turns if t.speaker_id == speaker_id)


class Bead(_Frozen):
    """One link of a sentence alignment: source indices, target indices, confidence.

    ``src=(3,)``, ``tgt=()`` is an omission (the interpreter dropped source
    sentence 3); ``src=()`` with target indices is an addition.  Written in the
    Vecalign gold format as ``[3]:[]``.
    """

    src: tuple[int, ...]
    tgt: tuple[int, ...]
    confidence: Annotated[float, Field(ge=0.0, le=1.0)] = 1.0

    @property
    def kind(self) -> str:
        """``"1-1"``, ``"2-1"``, ``"1-0"`` ...: sizes of the source and target sides."""
        return f"{len(self.src)}-{len(self.tgt)}"

    @property
    def is_omission(self) -> bool:
        return bool(self.src) and not self.tgt

    @property
    def is_addition(self) -> bool:
        return bool(self.tgt) and not self.src

    def format(self) -> str:
        """The bead in Vecalign/Bertalign gold format, e.g. ``[1, 2]:[3]``."""
        return f"[{', '.join(map(str, self.src))}]:[{', '.join(map(str, self.tgt))}]"


class TurnPair(_Frozen):
    """An English-record turn paired with a Spanish-record turn, and their sentence beads.

    Convention, always: bead ``src`` indexes the *Spanish* turn's sentences and
    ``tgt`` the *English* turn's, whichever side was the original.
    ``original_language`` says who spoke: ``"es"`` when the English turn is an
    interpretation of the Spanish one (then ``[i]:[]`` is an interpreter
    omission), ``"en"`` for the reverse (then ``[i]:[]`` is an addition by the
    Spanish-side interpreter).  A turn found on one side only has the other
    index ``None`` and no beads.  A turn split in one record but whole in the
    other appears in two pairs; bead indices stay *within-turn* sentence
    indices, and each pair's beads cover only its share of the whole turn.
    """

    english_turn: int | None
    spanish_turn: int | None
    original_language: LanguageCode | None = None
    confidence: Annotated[float, Field(ge=0.0, le=1.0)] = 0.0
    beads: tuple[Bead, ...] = ()


class Alignment(_Frozen):
    """The alignment of an English record with a Spanish record of the same event.

    Carries both transcripts so that every bead can be resolved to text and
    offsets without the inputs; ``signature`` names every setting that affects
    the result (``"aligner:interp|max_side:3|lexicon:builtin|version:0.1.0"``).
    """

    english: Transcript
    spanish: Transcript
    pairs: tuple[TurnPair, ...] = ()
    signature: str = ""

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

import functools
from array import array
from collections.abc import Callable, Iterable, Iterator, Sequence
from enum import Enum, IntEnum
from typing import Annotated, Any, ClassVar, TypeVar, overload

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    GetCoreSchemaHandler,
    field_serializer,
    model_validator,
)
from pydantic_core import core_schema

from ._spans import TextSpanMixin, constructor, install_text_fields

__all__ = [
    "Alignment",
    "Bead",
    "Block",
    "BlockKind",
    "BlockShape",
    "BlockTuple",
    "ColumnTuple",
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
    "SentenceTuple",
    "Severity",
    "Span",
    "Speaker",
    "Transcript",
    "Turn",
    "TurnPair",
    "language_tag",
    "offsets_array",
]

_Item = TypeVar("_Item", bound=BaseModel)


def offsets_array(size: int) -> array[int]:
    """An empty ``array`` for offsets into a text of ``size`` characters: four bytes an offset
    where they fit, eight beyond 2**31."""
    return array("i" if size < 2**31 - 1 else "q")

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


class _TextSpan(Span, TextSpanMixin):
    """A span whose ``text`` is ``source[start:end]``: parsed models compute it from the
    transcript's text rather than keep a copy (see ``interp_align._spans``)."""

    _text_fields: ClassVar[dict[str, tuple[str, str]]] = {"text": ("start", "end")}


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


@functools.lru_cache(maxsize=1 << 16)
def language_tag(code: str, confidence: float, source: LanguageSource) -> LanguageTag:
    """The ``LanguageTag`` with these values, made once and shared (tags are frozen).

    A record repeats the same few tags thousands of times ("Thank you." is always English
    at the same confidence), so sharing them saves a model per sentence.
    """
    return LanguageTag(code=code, confidence=confidence, source=source)


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


class Marker(_TextSpan):
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


class Sentence(_TextSpan):
    """One sentence of a turn body, with the language it is written in."""

    index: Annotated[int, Field(ge=0)]
    text: str
    language: LanguageTag | None = None
    code_switch: bool = False


class ColumnTuple(Sequence[_Item]):
    """An immutable sequence of models that compares equal to the tuple of the same models,
    stored by the parser as columns and made into models when read.

    A record has tens of thousands of sentences and blocks; as pydantic models each costs
    about a kilobyte, as columns (offsets in an ``array``, shared tags and reasons) a few
    dozen bytes, and a model is made in about a microsecond when it is read.  Validation (a
    user's tuple, a JSON round trip) stores the models themselves.  Indexing, slicing (a
    tuple), iteration, ``len``, ``in``, ``==``, ``hash`` and ``+`` behave as on a tuple; an
    item read twice is two equal objects, not one.  In JSON and the schema it is the array
    it always was (``tuple[Item, ...]``).
    """

    __slots__ = ("_items",)

    _item_type: ClassVar[type[BaseModel]]

    def __init__(self, items: Iterable[_Item] = ()) -> None:
        self._items: tuple[_Item, ...] | None = tuple(items)

    def _size(self) -> int:
        raise NotImplementedError

    def _make(self, i: int) -> _Item:
        raise NotImplementedError

    def _columns(self) -> tuple[Any, ...]:
        """The stored columns (compared first: equal columns over one source are equal items)."""
        raise NotImplementedError

    def __len__(self) -> int:
        return len(self._items) if self._items is not None else self._size()

    @overload
    def __getitem__(self, index: int) -> _Item: ...
    @overload
    def __getitem__(self, index: slice) -> tuple[_Item, ...]: ...
    def __getitem__(self, index: int | slice) -> _Item | tuple[_Item, ...]:
        if self._items is not None:
            return self._items[index]
        if isinstance(index, slice):
            return tuple(self._make(i) for i in range(*index.indices(self._size())))
        size = self._size()
        position = index + size if index < 0 else index
        if not 0 <= position < size:
            raise IndexError(f"{type(self).__name__} index out of range")
        return self._make(position)

    def __iter__(self) -> Iterator[_Item]:
        if self._items is not None:
            return iter(self._items)
        return map(self._make, range(self._size()))

    def __eq__(self, other: object) -> bool:
        if isinstance(other, ColumnTuple):
            if type(other) is not type(self) or len(self) != len(other):
                return False
            if self._items is None and other._items is None and self._columns() == other._columns():
                return True
            return tuple(self) == tuple(other)
        if isinstance(other, tuple):
            return len(self) == len(other) and tuple(self) == other
        return NotImplemented

    def __hash__(self) -> int:
        return hash(tuple(self))

    def __add__(self, other: object) -> tuple[_Item, ...]:
        if isinstance(other, (tuple, ColumnTuple)):
            return (*self, *other)
        return NotImplemented

    def __radd__(self, other: object) -> tuple[_Item, ...]:
        if isinstance(other, (tuple, ColumnTuple)):
            return (*other, *self)
        return NotImplemented

    def __repr__(self) -> str:
        return repr(tuple(self))

    @classmethod
    def __get_pydantic_core_schema__(cls, source: Any, handler: GetCoreSchemaHandler) -> core_schema.CoreSchema:
        """Validated and serialized as ``tuple[Item, ...]``, so JSON and schema are unchanged."""
        items = handler.generate_schema(tuple[cls._item_type, ...])  # type: ignore[name-defined]

        def validate(value: Any, inner: core_schema.ValidatorFunctionWrapHandler) -> ColumnTuple[Any]:
            return value if isinstance(value, cls) else cls(inner(value))

        return core_schema.no_info_wrap_validator_function(
            validate,
            items,
            serialization=core_schema.plain_serializer_function_ser_schema(tuple, return_schema=items),
        )


#: What ``SentenceTuple.deferred`` keeps until the tags are read: a function of the source and
#: the offsets that returns the tags and the code-switch flags, and its other arguments.
TagResolver = Callable[..., "tuple[tuple[LanguageTag | None, ...], bytes]"]


class SentenceTuple(ColumnTuple[Sentence]):
    """``Turn.sentences`` (see ``ColumnTuple``): offsets, language tags and code-switch flags.

    The tags may be *deferred*: the parser leaves the identifier and what it needs, and the
    tags of a turn's sentences are found the first time one of them is read (or the turn is
    compared, hashed, dumped or pickled).  Identification is deterministic, so when it runs
    changes nothing but when its cost is paid.
    """

    __slots__ = ("_pending", "_source", "_spans", "_switches", "_tags")

    _item_type = Sentence
    EMPTY: ClassVar[SentenceTuple]

    def __init__(self, items: Iterable[Sentence] = ()) -> None:
        super().__init__(items)
        self._source: str | None = None
        self._spans: array[int] | None = None
        self._tags: tuple[LanguageTag | None, ...] | None = None
        self._switches: bytes | None = None
        self._pending: tuple[TagResolver, tuple[Any, ...]] | None = None

    @classmethod
    def from_columns(
        cls,
        source: str,
        spans: array[int],
        tags: tuple[LanguageTag | None, ...] | None = None,
        switches: bytes | None = None,
    ) -> SentenceTuple:
        """Sentences ``i`` at ``source[spans[2i]:spans[2i+1]]`` with ``tags[i]`` and ``switches[i]``
        (no tags: ``None``; no switches: ``False``)."""
        store = cls.__new__(cls)
        store._items = None
        store._source, store._spans, store._tags, store._switches = source, spans, tags, switches
        store._pending = None
        return store

    @classmethod
    def deferred(cls, source: str, spans: array[int], resolver: TagResolver, *arguments: Any) -> SentenceTuple:
        """Sentences whose tags and switches are ``resolver(source, spans, *arguments)``, found
        when first needed."""
        store = cls.from_columns(source, spans)
        store._pending = (resolver, arguments)
        return store

    def offsets(self) -> list[tuple[int, int]]:
        """``(start, end)`` of every sentence, read from the columns: deferred tags stay unread
        (the quality rules need the spans only, and identifying every sentence costs more)."""
        if self._items is not None:
            return [(s.start, s.end) for s in self._items]
        spans = self._spans
        assert spans is not None
        return list(zip(spans[0::2], spans[1::2], strict=True))

    def texts(self) -> list[str]:
        """Every sentence's text, read from the columns like :meth:`offsets` (no tags are read:
        the aligner scores texts, and a model per sentence would identify its language)."""
        if self._items is not None:
            return [s.text for s in self._items]
        source, spans = self._source, self._spans
        assert source is not None and spans is not None
        return [source[a:b] for a, b in zip(spans[0::2], spans[1::2], strict=True)]

    def _resolve(self) -> None:
        pending = self._pending
        if pending is not None:
            resolver, arguments = pending
            self._tags, self._switches = resolver(self._source, self._spans, *arguments)
            self._pending = None

    def _size(self) -> int:
        assert self._spans is not None
        return len(self._spans) // 2

    def _make(self, i: int) -> Sentence:
        if self._pending is not None:
            self._resolve()
        spans = self._spans
        assert spans is not None
        tag = self._tags[i] if self._tags is not None else None
        switch = bool(self._switches[i]) if self._switches is not None else False
        return _new_sentence(self._source, spans[2 * i], spans[2 * i + 1], i, tag, switch)

    def _columns(self) -> tuple[Any, ...]:
        self._resolve()
        return (id(self._source), self._spans, self._tags, self._switches)

    def __reduce__(self) -> tuple[Callable[..., SentenceTuple], tuple[Any, ...]]:
        if self._items is not None:
            return SentenceTuple, (self._items,)
        self._resolve()
        return SentenceTuple.from_columns, (self._source, self._spans, self._tags, self._switches)


SentenceTuple.EMPTY = SentenceTuple()


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


class Turn(_TextSpan):
    """A labelled stretch of speech: label, optional markers, and the body.

    ``start``/``end`` cover the label through the last character of the body
    (trailing blank lines belong to the following whitespace block).  The body
    is ``text[body_start:body_end]``; markers inside it stay in the text where
    they stand and are listed in ``markers``.
    """

    _text_fields: ClassVar[dict[str, tuple[str, str]]] = {
        "text": ("start", "end"),
        "body": ("body_start", "body_end"),
    }

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
    sentences: SentenceTuple = SentenceTuple.EMPTY
    language: LanguageTag | None = None
    declared_language: LanguageCode | None = None

    @field_serializer("body")
    def _serialize_body(self, value: str | None) -> str:
        """The body as read: computed from the source for a parsed turn."""
        return self.body


class BlockKind(str, Enum):
    """What a tile of the source text is; the blocks of a transcript tile it exactly."""

    HEADER = "header"
    TURN = "turn"
    BOILERPLATE = "boilerplate"
    SEPARATOR = "separator"
    UNATTRIBUTED = "unattributed"
    WHITESPACE = "whitespace"


class Block(_TextSpan):
    """One tile of the source: header, turn, boilerplate, separator, unattributed prose or whitespace.

    ``reason`` says why a non-turn block was classified as it was (``"page
    chrome: comment form"``), so nothing is dropped silently.
    """

    kind: BlockKind
    text: str
    reason: str | None = None
    turn_index: int | None = None


class BlockShape(IntEnum):
    """Which fields a parsed block was given (its fields set): a column of ``BlockTuple``."""

    PLAIN = 0  # start, end, kind, text (whitespace)
    REASONED = 1  # ... and reason
    TURN = 2  # ... and turn_index


class BlockTuple(ColumnTuple[Block]):
    """``Transcript.blocks`` (see ``ColumnTuple``): offsets, kinds, reasons, turn indices."""

    __slots__ = ("_kinds", "_reasons", "_shapes", "_source", "_spans", "_turns")

    _item_type = Block
    EMPTY: ClassVar[BlockTuple]
    _KINDS: ClassVar[tuple[BlockKind, ...]] = tuple(BlockKind)

    def __init__(self, items: Iterable[Block] = ()) -> None:
        super().__init__(items)
        self._source: str | None = None
        self._spans: array[int] | None = None
        self._kinds = self._shapes = b""
        self._reasons: tuple[str | None, ...] = ()
        self._turns: array[int] | None = None

    @classmethod
    def from_rows(cls, source: str, rows: Iterable[tuple[int, int, BlockKind, str | None, int, BlockShape]]) -> BlockTuple:
        """Blocks from ``(start, end, kind, reason, turn_index or -1, shape)`` rows, in order."""
        spans, turns = offsets_array(len(source)), offsets_array(len(source))
        kinds, shapes = bytearray(), bytearray()
        reasons: list[str | None] = []
        index = {kind: i for i, kind in enumerate(cls._KINDS)}
        for start, end, kind, reason, turn, shape in rows:
            spans.append(start)
            spans.append(end)
            kinds.append(index[kind])
            reasons.append(reason)
            turns.append(turn)
            shapes.append(shape)
        store = cls.__new__(cls)
        store._items = None
        store._source, store._spans, store._turns = source, spans, turns
        store._kinds, store._shapes, store._reasons = bytes(kinds), bytes(shapes), tuple(reasons)
        return store

    def _size(self) -> int:
        assert self._spans is not None
        return len(self._spans) // 2

    def _make(self, i: int) -> Block:
        spans, turns = self._spans, self._turns
        assert spans is not None and turns is not None
        start, end, kind = spans[2 * i], spans[2 * i + 1], self._KINDS[self._kinds[i]]
        shape = self._shapes[i]
        if shape == BlockShape.REASONED:
            return _new_reasoned_block(self._source, start, end, kind, self._reasons[i])
        if shape == BlockShape.TURN:
            return _new_turn_block(self._source, start, end, kind, turns[i])
        return _new_plain_block(self._source, start, end, kind)

    def _columns(self) -> tuple[Any, ...]:
        return (id(self._source), self._spans, self._kinds, self._reasons, self._turns, self._shapes)

    def of_kind(self, kind: BlockKind) -> tuple[Block, ...]:
        """The blocks of one kind, read from the kinds column (only those are made)."""
        if self._items is not None:
            return tuple(b for b in self._items if b.kind is kind)
        code = self._KINDS.index(kind)
        return tuple(self._make(i) for i, k in enumerate(self._kinds) if k == code)

    @classmethod
    def _restore(cls, source: str, *columns: Any) -> BlockTuple:
        store = cls.__new__(cls)
        store._items = None
        store._source = source
        store._spans, store._kinds, store._reasons, store._turns, store._shapes = columns
        return store

    def __reduce__(self) -> tuple[Callable[..., BlockTuple], tuple[Any, ...]]:
        if self._items is not None:
            return BlockTuple, (self._items,)
        return BlockTuple._restore, (self._source, self._spans, self._kinds, self._reasons, self._turns, self._shapes)


BlockTuple.EMPTY = BlockTuple()


class HeaderFieldKind(str, Enum):
    TITLE = "title"
    ORGANISATION = "organisation"
    PLACE = "place"
    DATE = "date"
    TIME = "time"
    URL = "url"
    OTHER = "other"


class HeaderField(_TextSpan):
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
    blocks: BlockTuple = BlockTuple.EMPTY
    diagnostics: tuple[Diagnostic, ...] = ()

    @property
    def boilerplate(self) -> tuple[Block, ...]:
        """Blocks recorded as boilerplate (page chrome, end marks, spam), each with a reason."""
        blocks = self.blocks
        if isinstance(blocks, BlockTuple):
            return blocks.of_kind(BlockKind.BOILERPLATE)
        return tuple(b for b in blocks if b.kind is BlockKind.BOILERPLATE)

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


for _model in (Marker, Sentence, Turn, Block, HeaderField):
    install_text_fields(_model)

_new_sentence = constructor(Sentence, "start", "end", "index", "text", "language", "code_switch")
_new_plain_block = constructor(Block, "start", "end", "kind", "text")
_new_reasoned_block = constructor(Block, "start", "end", "kind", "text", "reason")
_new_turn_block = constructor(Block, "start", "end", "kind", "text", "turn_index")

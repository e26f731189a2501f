"""How the span models keep their text once and are built without validation (issue 11).

A parsed record used to hold its text five times: the transcript's, and copies in every turn
(``text``, ``body``), block and sentence.  Three mechanisms keep the public models as they
were — same fields, same JSON, same schema, equality and hashing by value — while storing
the text once:

* **Text from the source.**  A model built by the parser keeps ``None`` in a text field and
  the transcript's text under the ``__dict__`` key ``_source``; a property installed on the
  class computes ``source[start:end]`` on access, and a field serializer writes it into
  JSON and dumps.  A model built by validation (a user's, a JSON round trip) stores its text
  as before; both read the same.
* **Equality and hashing by value**, on the fields as read, so a parsed model equals its
  JSON round trip.
* **Construction without validation** (``constructor``): the parser's values are valid by
  construction, so a generated function sets ``__dict__`` directly, with the fields-set that
  validation would have recorded — one set shared by every instance built at a call site,
  where validation gave each instance its own (728 bytes per sentence).

These rely on two documented-by-behaviour facts of pydantic v2 that the test suite pins
(``tests/test_models_compact.py``): the serializer reads field values from ``__dict__`` and
ignores other keys, and a data descriptor on the class takes precedence over ``__dict__``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any, ClassVar, TypeVar

from pydantic import BaseModel, field_serializer

__all__ = ["SOURCE", "TextSpanMixin", "constructor", "install_text_fields"]

#: ``__dict__`` key under which a parsed model keeps the transcript text its text fields slice.
SOURCE = "_source"

M = TypeVar("M", bound=BaseModel)


class TextSpanMixin(BaseModel):
    """Base of span models whose ``str`` fields may be slices of the transcript's text.

    ``_text_fields`` maps each such field to the names of the offset fields that delimit it.
    """

    _text_fields: ClassVar[dict[str, tuple[str, str]]] = {}

    @field_serializer("text", check_fields=False)
    def _serialize_text(self, value: str | None) -> str:
        """The text as read: computed from the source for a parsed model (``None`` stored)."""
        return self.text  # type: ignore[attr-defined]

    def _values(self) -> tuple[Any, ...]:
        """The field values as read (texts computed), in field order."""
        return tuple(getattr(self, name) for name in type(self).__pydantic_fields__)

    def __eq__(self, other: object) -> bool:
        if self is other:
            return True
        if not isinstance(other, BaseModel):
            return NotImplemented
        if type(other) is not type(self):
            return False
        assert isinstance(other, TextSpanMixin)
        return self._values() == other._values()

    def __hash__(self) -> int:
        return hash(self._values())

    def __iter__(self) -> Iterator[tuple[str, Any]]:  # type: ignore[override]
        """So ``dict(model)`` works, with the texts read."""
        for name in type(self).__pydantic_fields__:
            yield name, getattr(self, name)

    def __repr_args__(self) -> Iterator[tuple[str | None, Any]]:
        for name, field in type(self).__pydantic_fields__.items():
            if field.repr:
                yield name, getattr(self, name)


def install_text_fields(cls: type[TextSpanMixin]) -> None:
    """Put a property on ``cls`` for each of its text fields (see the module docstring).

    Called once per class, after pydantic has built it; the property reads the stored value
    and, for a parsed model (``None`` stored), slices the source.  pydantic also sets a
    ``__hash__`` on every frozen model class, so the hash by value is set again here.
    """
    for name, (low, high) in cls._text_fields.items():
        setattr(cls, name, property(_text_getter(name, low, high), doc=f"The {name} (a slice of the source text)."))
    cls.__hash__ = TextSpanMixin.__hash__  # type: ignore[method-assign]


def _text_getter(name: str, low: str, high: str) -> Callable[[Any], str]:
    def read(self: Any) -> str:
        values = self.__dict__
        value = values[name]
        if value is None:
            return values[SOURCE][values[low] : values[high]]
        return value

    return read


_object_new = object.__new__
_object_setattr = object.__setattr__


def constructor(cls: type[M], *passed: str) -> Callable[..., M]:
    """A function that builds ``cls`` from the values of the fields ``passed``, without validation.

    The function takes those values positionally (text fields of a ``TextSpanMixin`` excluded:
    their values come from the source, given first as ``source``), fills the other fields
    with their defaults and records ``passed`` as the fields set, exactly as
    ``cls(**values)`` would for valid values — ten times faster.  The code is generated once
    per call site because a dict display in field order is the cheapest way to build the
    ``__dict__`` (its order is the JSON's key order).
    """
    fields = cls.__pydantic_fields__
    unknown = [name for name in passed if name not in fields]
    if unknown:
        raise ValueError(f"{cls.__name__} has no fields {unknown}")
    lazy = getattr(cls, "_text_fields", {}) if issubclass(cls, TextSpanMixin) else {}
    arguments = [name for name in passed if name not in lazy]
    namespace: dict[str, Any] = {
        "_new": _object_new,
        "_set": _object_setattr,
        "_cls": cls,
        "_fields_set": set(passed),
    }
    items = []
    for name, field in fields.items():
        if name in lazy:
            items.append(f"{name!r}: None" if name in passed else f"{name!r}: _default_{name}")
            if name not in passed:
                namespace[f"_default_{name}"] = field.get_default(call_default_factory=True)
        elif name in passed:
            items.append(f"{name!r}: {name}")
        else:
            namespace[f"_default_{name}"] = field.get_default(call_default_factory=True)
            items.append(f"{name!r}: _default_{name}")
    if lazy:
        items.append(f"{SOURCE!r}: source")
    parameters = (["source"] if lazy else []) + arguments
    code = (
        f"def build({', '.join(parameters)}):\n"
        "    obj = _new(_cls)\n"
        f"    _set(obj, '__dict__', {{{', '.join(items)}}})\n"
        "    _set(obj, '__pydantic_fields_set__', _fields_set)\n"
        "    _set(obj, '__pydantic_extra__', None)\n"
        "    _set(obj, '__pydantic_private__', None)\n"
        "    return obj\n"
    )
    exec(compile(code, f"<constructor {cls.__name__}>", "exec"), namespace)
    build: Callable[..., M] = namespace["build"]
    build.__doc__ = f"{cls.__name__}({', '.join(passed)}) without validation (see interp_align._spans.constructor)."
    return build

"""One error hierarchy: the CLI turns each into one line on stderr and exit code 2."""

from __future__ import annotations

__all__ = ["AlignmentError", "ConfigError", "DecodeError", "InputError", "InterpAlignError", "ParseError"]


class InterpAlignError(Exception):
    """Base class of every error this library raises on purpose."""


class InputError(InterpAlignError):
    """The input cannot be used at all (missing file, empty, binary, too large)."""

    def __init__(self, message: str, *, path: str | None = None) -> None:
        self.path = path
        super().__init__(f"{path}: {message}" if path else message)


class DecodeError(InputError):
    """Bytes that do not decode in any supported encoding; names the byte offset."""

    def __init__(
        self, message: str, *, path: str | None = None, byte_offset: int | None = None, hint: str = ""
    ) -> None:
        self.byte_offset = byte_offset
        where = f" at byte {byte_offset}" if byte_offset is not None else ""
        super().__init__(f"{message}{where}{'; ' + hint if hint else ''}", path=path)


class ParseError(InterpAlignError):
    """Text that decodes but cannot be read as the requested format (e.g. a bad gold file)."""

    def __init__(
        self, message: str, *, path: str | None = None, line: int | None = None, column: int | None = None
    ) -> None:
        self.path, self.line, self.column = path, line, column
        where = ":".join(str(p) for p in (path, line, column) if p is not None)
        super().__init__(f"{where}: {message}" if where else message)


class AlignmentError(InterpAlignError):
    """Inputs that cannot be aligned as asked (e.g. an impossible bead limit)."""


class ConfigError(InterpAlignError):
    """Bad configuration in pyproject.toml or on the command line."""

"""A registry of formats for one output shape. `--format` choices, their help and the docs
are read from it, so adding a format is one renderer and one entry."""

from __future__ import annotations

import sys
from collections.abc import Callable
from dataclasses import dataclass
from typing import Generic, TextIO, TypeVar

from walcli.core.errors import OutputError, UsageError
from walcli.core.problems import shown

T = TypeVar("T")


@dataclass(frozen=True)
class Out:
    """Where output goes, and whether a person is watching it (a terminal)."""

    stream: TextIO
    tty: bool

    @classmethod
    def stdout(cls) -> Out:
        """Standard output, set to write what its encoding cannot hold as escapes (\\xe9)
        rather than fail: PYTHONIOENCODING=ascii still gets every line."""
        stream = sys.stdout
        if stream is None:  # `wal ... >&-`
            raise OutputError("standard output is closed: nothing can be written")
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(errors="backslashreplace")
        try:
            tty = stream.isatty()
        except (OSError, ValueError):
            tty = False
        return cls(stream, tty)

    def write(self, text: str) -> None:
        self.stream.write(text)


@dataclass(frozen=True)
class Format(Generic[T]):
    name: str
    description: str
    render: Callable[[T, Out], None]


class Formats(Generic[T]):
    """The formats of one shape, with the one a terminal gets and the one a pipe gets."""

    def __init__(self, formats: list[Format[T]], *, tty: str, pipe: str) -> None:
        self.by_name = {f.name: f for f in formats}
        self.tty, self.pipe = tty, pipe

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(self.by_name)

    def help(self) -> str:
        default = (
            f"Default: {self.tty}."
            if self.tty == self.pipe
            else f"Default: {self.tty} on a terminal, {self.pipe} otherwise."
        )
        return f"One of {', '.join(self.names)}. {default}"

    def choose(self, given: str | None, tty: bool, default: str | None = None) -> Format[T]:
        if given is None:
            return self.by_name[default or (self.tty if tty else self.pipe)]
        found = self.by_name.get(given)
        if found is None:
            raise UsageError(
                f"--format: expected one of {', '.join(self.names)}, got {shown(given)}"
            )
        return found

    def render(self, value: T, given: str | None, out: Out, default: str | None = None) -> str:
        """Render value in the chosen format; the name of the format used."""
        chosen = self.choose(given, out.tty, default)
        chosen.render(value, out)
        return chosen.name

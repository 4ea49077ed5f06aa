"""A registry of formats for one output shape. `--format` choices, their help and the docs
are read from it, so adding a format is one renderer and one entry."""

from __future__ import annotations

import sys
from collections.abc import Callable
from dataclasses import dataclass
from typing import Generic, TextIO, TypeVar

from walcli.core.errors import UsageError

T = TypeVar("T")


@dataclass(frozen=True)
class Out:
    """Where output goes, and whether a person is watching it (a terminal)."""

    stream: TextIO
    tty: bool

    @classmethod
    def stdout(cls) -> Out:
        return cls(sys.stdout, sys.stdout.isatty())

    def write(self, text: str) -> None:
        self.stream.write(text)


@dataclass(frozen=True)
class Format(Generic[T]):
    name: str
    description: str
    render: Callable[[T, Out], None]
    people: bool = False  # read by people: labels and formatted values, not raw ones


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

    def help_message(self) -> tuple[str, dict[str, str]]:
        """The catalog's help of --format for these formats (key, fields): the choices and
        the defaults."""
        key = "help.option.format" if self.tty != self.pipe else "help.option.format_one"
        return key, {"choices": ", ".join(self.names), "tty": self.tty, "pipe": self.pipe}

    def choose(self, given: str | None, tty: bool, default: str | None = None) -> Format[T]:
        if given is None:
            return self.by_name[default or (self.tty if tty else self.pipe)]
        found = self.by_name.get(given)
        if found is None:
            from walcli.i18n.catalog import msg

            choices = ", ".join(self.names)
            raise UsageError(msg("errors.format", choices=choices, value=given))
        return found

    def render(self, value: T, given: str | None, out: Out, default: str | None = None) -> str:
        """Render value in the chosen format; the name of the format used."""
        chosen = self.choose(given, out.tty, default)
        chosen.render(value, out)
        return chosen.name

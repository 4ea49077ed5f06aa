"""A registry of formats for one output shape. `--format` choices, their help and the docs
are read from it, so adding a format is one renderer and one entry."""

from __future__ import annotations

import re
import sys
from collections.abc import Callable
from dataclasses import dataclass
from typing import Generic, TextIO, TypeVar

from walcli.core.errors import OutputError, UsageError

T = TypeVar("T")


@dataclass(frozen=True)
class Out:
    """Where output goes, and whether a person is watching it (a terminal)."""

    stream: TextIO
    tty: bool
    ascii: bool = False  # the stream's encoding cannot hold every character (not UTF)

    @classmethod
    def stdout(cls) -> Out:
        """Standard output, set to write what its encoding cannot hold as escapes (\\xe9)
        rather than fail: PYTHONIOENCODING=ascii still gets every line."""
        stream = sys.stdout
        if stream is None:  # `wal ... >&-`
            from walcli.i18n.catalog import msg

            raise OutputError(msg("errors.stdout_closed"))
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(errors="backslashreplace")
        try:
            tty = stream.isatty()
        except (OSError, ValueError):
            tty = False
        encoding = (getattr(stream, "encoding", None) or "utf-8").lower().replace("-", "")
        return cls(stream, tty, not encoding.startswith("utf"))

    def write(self, text: str) -> None:
        self.stream.write(text)

    def write_json(self, text: str) -> None:
        """JSON text, its characters escaped as JSON does (\\u00e9) when the stream cannot
        hold them: a backslash escape of the stream would break the document."""
        self.write(ascii_json(text) if self.ascii else text)

    def write_xml(self, text: str) -> None:
        """XML text, with character references (&#233;) when the stream cannot hold them."""
        self.write(
            text.encode("ascii", "xmlcharrefreplace").decode("ascii") if self.ascii else text
        )


def _json_escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    if code < 0x10000:
        return f"\\u{code:04x}"
    code -= 0x10000  # a UTF-16 surrogate pair, as JSON writes characters beyond the BMP
    return f"\\u{0xD800 + (code >> 10):04x}\\u{0xDC00 + (code & 0x3FF):04x}"


def ascii_json(text: str) -> str:
    """Valid JSON text with every non-ASCII character escaped: outside strings, JSON text
    holds none, so every one is inside a string, where the escape means the same."""
    return _NON_ASCII.sub(_json_escape, text)


_NON_ASCII = re.compile("[^\x00-\x7f]")


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

"""Problems are values: where, what and how bad. A problem is made from a `Code`, never from a
bare string, so every code that can be reported is one the code table knows."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from enum import StrEnum
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from walcli.i18n.catalog import Msg


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True, slots=True)
class Problem:
    file: str
    line: int
    column: int
    path: str
    code: str
    severity: Severity
    message: str  # in English
    # the message from the catalog, to read in another language (None: English only)
    msg: Msg | None = field(default=None, compare=False, repr=False)

    def localized(self, lang: str) -> Problem:
        """The problem with its message in lang."""
        if self.msg is None or lang == "en":
            return self
        return replace(self, message=cut(self.msg.render(lang)))

    def sort_key(self) -> tuple[str, int, int, str, str, str]:
        return (self.file, self.line, self.column, self.code, self.path, self.message)

    def as_dict(self) -> dict[str, object]:
        return {
            "file": self.file,
            "line": self.line,
            "column": self.column,
            "path": self.path,
            "code": self.code,
            "severity": self.severity.value,
            "message": self.message,
        }


MAX_MESSAGE = 300


def cut(text: str, limit: int = MAX_MESSAGE) -> str:
    """Text no longer than limit characters: a 100 kB value never floods a message."""
    return text if len(text) <= limit else text[: limit - 1] + "…"


@dataclass(frozen=True, slots=True)
class Code:
    """A stable problem code, its severity, what it means and how to fix it."""

    name: str
    severity: Severity
    description: str
    hint: str

    def at(self, file: str, line: int, column: int, path: str, message: str | Msg) -> Problem:
        """A problem of this code; a catalog message can be read in any language."""
        if isinstance(message, str):
            return Problem(file, line, column, path, self.name, self.severity, cut(message))
        english = cut(message.render("en"))
        return Problem(file, line, column, path, self.name, self.severity, english, message)

    def text(self, lang: str) -> tuple[str, str]:
        """(description, hint) in lang: the catalog's translation, else the English here."""
        if lang == "en":
            return self.description, self.hint
        from walcli.i18n.catalog import has, t

        key = f"codes.{self.name}"
        if not has(f"{key}.description"):
            key = "codes.schema-*"  # a schema keyword without a code of its own
            if not self.name.startswith("schema-") or not has(f"{key}.description"):
                return self.description, self.hint
        return t(f"{key}.description", lang), t(f"{key}.hint", lang)

    def in_file(self, file: str, message: str | Msg) -> Problem:
        """A problem about a file as a whole (its first line)."""
        return self.at(file, 1, 1, "", message)


E, W = Severity.ERROR, Severity.WARNING


def sorted_problems(problems: list[Problem]) -> list[Problem]:
    return sorted(problems, key=Problem.sort_key)

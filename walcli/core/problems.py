"""Problems are values: where, what and how bad. A problem is made from a `Code`, never from a
bare string, so every code that can be reported is one the code table knows."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


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
    message: str

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


def shown(value: object, limit: int = 80) -> str:
    """A value a person gave, quoted as in Python and cut: an argument of 100 kB is named,
    not echoed."""
    return cut(repr(value), limit)


@dataclass(frozen=True, slots=True)
class Code:
    """A stable problem code, its severity, what it means and how to fix it."""

    name: str
    severity: Severity
    description: str
    hint: str

    def at(self, file: str, line: int, column: int, path: str, message: str) -> Problem:
        return Problem(file, line, column, path, self.name, self.severity, cut(message))

    def in_file(self, file: str, message: str) -> Problem:
        """A problem about a file as a whole (its first line)."""
        return self.at(file, 1, 1, "", message)


E, W = Severity.ERROR, Severity.WARNING


def sorted_problems(problems: list[Problem]) -> list[Problem]:
    return sorted(problems, key=Problem.sort_key)

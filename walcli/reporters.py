"""Problems to text, json and CI formats, all rendered from the same sorted list."""

from __future__ import annotations

from collections.abc import Callable

from walcli.problems import Problem, Severity
from walcli.render import safe, to_json


def counts(problems: list[Problem]) -> dict[str, int]:
    return {
        "error": sum(p.severity is Severity.ERROR for p in problems),
        "warning": sum(p.severity is Severity.WARNING for p in problems),
    }


def as_text(problems: list[Problem]) -> str:
    return "".join(
        f"{safe(p.file)}:{p.line}:{p.column}: {p.severity.value} [{p.code}] {safe(p.message)}\n"
        for p in problems
    )


def as_json(problems: list[Problem]) -> str:
    tally = counts(problems)
    return to_json(
        {
            "valid": tally["error"] == 0,
            "counts": tally,
            "problems": [p.as_dict() for p in problems],
        }
    )


def _github_escape(text: str, *, prop: bool = False) -> str:
    text = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    return text.replace(":", "%3A").replace(",", "%2C") if prop else text


def as_github(problems: list[Problem]) -> str:
    """GitHub Actions workflow commands: one annotation per problem, on its line."""
    return "".join(
        f"::{p.severity.value} file={_github_escape(p.file, prop=True)},line={p.line},"
        f"col={p.column},title={_github_escape(p.code, prop=True)}::"
        f"{_github_escape(safe(p.message))}\n"
        for p in problems
    )


REPORTERS: dict[str, Callable[[list[Problem]], str]] = {
    "text": as_text,
    "json": as_json,
    "github": as_github,
}

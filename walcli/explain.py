"""What each problem code means and how to fix it, from the one table in walcli.problems:
`wal validate --explain CODE`, and docs/problem-codes.md (regenerate it with
`python -m walcli.explain > docs/problem-codes.md`; a test checks it is up to date)."""

from __future__ import annotations

import difflib
import re

from walcli.errors import UsageError
from walcli.problems import CODES, SCHEMA_CODE, SCHEMA_CODE_PREFIX, SCHEMA_CODES, Code, describe
from walcli.render import safe

DOC_PATH = "docs/problem-codes.md"
# Inside a table cell of prose, only these change how Markdown reads the text.
_CELL_SPECIAL = re.compile(r"([\\`*_\[\]<>|])")


def _cell(text: str) -> str:
    return _CELL_SPECIAL.sub(r"\\\1", safe(text))


def catalogue() -> dict[str, Code]:
    """Every named code: the registry's own, then the schema keywords, in table order."""
    return {**CODES, **SCHEMA_CODES}


def explain(code: str) -> str:
    """Severity, description and fix of one code; a usage error naming the nearest codes."""
    described = describe(code)
    if described is None:
        close = difflib.get_close_matches(code, list(catalogue()), n=3, cutoff=0.5)
        hint = f"did you mean {', '.join(close)}?" if close else None
        raise UsageError(
            f"--explain: no problem code {code!r} (`wal validate --explain` lists them all)",
            hint,
        )
    return (
        f"{code} ({described.severity.value})\n  {described.description}\n  fix: {described.hint}\n"
    )


def listing() -> str:
    """Every code on one line each: code, severity, description."""
    codes = catalogue()
    width = max(len(code) for code in codes)
    return "".join(
        f"{code.ljust(width)}  {described.severity.value:<7}  {described.description}\n"
        for code, described in codes.items()
    )


def _rows(codes: dict[str, Code]) -> list[str]:
    return [
        f"| `{code}` | {described.severity.value} | {_cell(described.description)} "
        f"| {_cell(described.hint)} |"
        for code, described in codes.items()
    ]


_HEADER = ["| code | severity | what it means | how to fix it |", "| --- | --- | --- | --- |"]
README_START = "<!-- problem-codes:start (generated: python -m walcli.explain --readme) -->"
README_END = "<!-- problem-codes:end -->"


def readme_block() -> str:
    """The README's table of every code, between its two markers."""
    rows = [*_HEADER, *_rows(CODES), *_rows(SCHEMA_CODES)]
    return "\n".join([README_START, *rows, README_END])


def codes_markdown() -> str:
    """docs/problem-codes.md: every code with its severity, description and fix."""
    header = _HEADER
    lines = [
        "# Problem codes",
        "",
        "<!-- Generated from walcli/problems.py by `python -m walcli.explain > "
        "docs/problem-codes.md`; do not edit by hand. -->",
        "",
        "`wal validate` reports each problem as `file:line:column: severity [code] message`.",
        "The code is stable: scripts and CI may rely on it. `wal validate --explain CODE`",
        "prints the lines below for one code. Errors fail the run (exit 1); warnings fail it",
        "only under `--strict`.",
        "",
        "## Registry codes",
        "",
        *header,
        *_rows(CODES),
        "",
        "## Schema codes",
        "",
        f"A record that breaks its JSON Schema gets the code `{SCHEMA_CODE_PREFIX}` followed "
        "by the broken keyword in kebab-case (`additionalProperties` gives "
        "`schema-additional-properties`).",
        f"{_cell(SCHEMA_CODE.description)} {_cell(SCHEMA_CODE.hint)}",
        "The keywords records break most often:",
        "",
        *header,
        *_rows(SCHEMA_CODES),
        "",
    ]
    return "\n".join(lines)


if __name__ == "__main__":
    import sys

    print(readme_block() if "--readme" in sys.argv else codes_markdown(), end="")

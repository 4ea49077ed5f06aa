"""What each problem code means and how to fix it, from the one table (walcli.check.codes):
`wal validate --explain CODE`, the README's table and docs/problem-codes.md (regenerate both
with `python -m walcli.check.explain --write`; a test checks they are up to date)."""

from __future__ import annotations

import re

from walcli.check.codes import describe, registry_codes, table
from walcli.core.errors import UsageError
from walcli.core.problems import Code
from walcli.core.suggest import suggest
from walcli.output.safe import safe
from walcli.schema.errors import SCHEMA_CODE, SCHEMA_CODE_PREFIX, SCHEMA_CODES

DOC_PATH = "docs/problem-codes.md"
# Inside a table cell of prose, only these change how Markdown reads the text.
_CELL_SPECIAL = re.compile(r"([\\`*_\[\]<>|])")


def _cell(text: str) -> str:
    return _CELL_SPECIAL.sub(r"\\\1", safe(text))


def explain(code: str, lang: str = "en") -> str:
    """Severity, description and fix of one code, in lang; a usage error naming the nearest
    codes."""
    from walcli.i18n.catalog import msg, t

    described = describe(code)
    if described is None:
        close = suggest(code, list(table()))
        hint = msg("errors.did_you_mean", choices=", ".join(close)) if close else None
        raise UsageError(msg("validate.no_code", code=code), hint)
    description, fix = described.text(lang)
    severity = t(f"validate.severity.{described.severity.value}", lang)
    return t(
        "validate.explain", lang, code=code, severity=severity, description=description, hint=fix
    )


def listing(lang: str = "en") -> str:
    """Every code on one line each: code, severity, description (in lang)."""
    from walcli.i18n.catalog import t

    codes = table()
    width = max(len(code) for code in codes)
    lines = []
    for code, described in codes.items():
        severity = t(f"validate.severity.{described.severity.value}", lang)
        lines.append(f"{code.ljust(width)}  {severity:<7}  {described.text(lang)[0]}\n")
    return "".join(lines)


def _rows(codes: dict[str, Code]) -> list[str]:
    return [
        f"| `{code}` | {described.severity.value} | {_cell(described.description)} "
        f"| {_cell(described.hint)} |"
        for code, described in codes.items()
    ]


_HEADER = ["| code | severity | what it means | how to fix it |", "| --- | --- | --- | --- |"]
README_START = "<!-- problem-codes:start (generated: python -m walcli.check.explain --write) -->"
README_END = "<!-- problem-codes:end -->"


def readme_block() -> str:
    """The README's table of every code, between its two markers."""
    rows = [*_HEADER, *_rows(registry_codes()), *_rows(SCHEMA_CODES)]
    return "\n".join([README_START, *rows, README_END])


def codes_markdown() -> str:
    """docs/problem-codes.md: every code with its severity, description and fix."""
    header = _HEADER
    lines = [
        "# Problem codes",
        "",
        "<!-- Generated from the rules and codes of walcli/ by "
        "`python -m walcli.check.explain --write`; do not edit by hand. -->",
        "",
        "`wal validate` reports each problem as `file:line:column: severity [code] message`.",
        "The code is stable: scripts and CI may rely on it. `wal validate --explain CODE`",
        "prints the lines below for one code. Errors fail the run (exit 1); warnings fail it",
        "only under `--strict`.",
        "",
        "## Registry codes",
        "",
        *header,
        *_rows(registry_codes()),
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


README = "README.md"


def readme_with_codes(readme: str) -> str:
    """The README text with its table of codes regenerated between the markers."""
    start, end = readme.index(README_START), readme.index(README_END) + len(README_END)
    return readme[:start] + readme_block() + readme[end:]


if __name__ == "__main__":
    import sys
    from pathlib import Path

    if "--write" in sys.argv:  # from the repository root
        Path(DOC_PATH).write_text(codes_markdown(), encoding="utf-8")
        readme = Path(README)
        readme.write_text(readme_with_codes(readme.read_text(encoding="utf-8")), encoding="utf-8")
    else:
        print(readme_block() if "--readme" in sys.argv else codes_markdown(), end="")

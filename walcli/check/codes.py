"""The one table of problem codes, built from the modules that report them: reading files,
YAML, the registry's folders, the rules, and the schema keywords. `wal validate --explain`,
the README, docs/problem-codes.md, SARIF and the tests read it."""

from __future__ import annotations

from functools import cache

from walcli.core.problems import Code


@cache
def table() -> dict[str, Code]:
    """Every named code, in the order of the pipeline: reading, rules, schema keywords."""
    from walcli.check.rules import RULES
    from walcli.io import files, scan, yaml
    from walcli.schema.errors import SCHEMA_CODES

    ordered = [
        *yaml.CODES,
        *files.CODES,
        *scan.CODES,
        *(code for rule in RULES for code in rule.codes),
    ]
    found: dict[str, Code] = {}
    for code in ordered:
        found.setdefault(code.name, code)
    return {name: code for name, code in found.items() if name not in SCHEMA_CODES} | dict(
        SCHEMA_CODES
    )


def registry_codes() -> dict[str, Code]:
    from walcli.schema.errors import SCHEMA_CODES

    return {name: code for name, code in table().items() if name not in SCHEMA_CODES}


def describe(name: str) -> Code | None:
    """The code of a name, schema-* codes of any keyword included; None if unknown."""
    from walcli.schema.errors import SCHEMA_CODE, is_schema_code

    known = table().get(name)
    if known is not None:
        return known
    if is_schema_code(name):
        return Code(name, SCHEMA_CODE.severity, SCHEMA_CODE.description, SCHEMA_CODE.hint)
    return None

"""Unquoted numbers that YAML 1.1 reads in another base than the decimal a reader sees
(010 is 8, 0x10 is 16, 12:30 is 750), even where the schema takes a number. Where the schema
already says the value is wrong, the engine keeps its message and drops this one."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from walcli.check.rules._rule import RecordRule
from walcli.core.paths import JsonPath
from walcli.core.problems import Problem
from walcli.i18n.catalog import Msg, msg
from walcli.io.yaml import YAML_IMPLICIT_TYPE

if TYPE_CHECKING:
    from walcli.core.registry import Record

# Integers YAML 1.1 reads in another base than the decimal a reader sees: 010 (octal 8),
# 0x10, 0b10, and the base-60 12:30 (750). Underscores and a sign are allowed by YAML 1.1.
_OTHER_BASE = re.compile(
    r"^[-+]?(0[0-7_]+|0x[0-9a-fA-F_]+|0b[01_]+|[0-9][0-9_]*(:[0-5]?[0-9])+(\.[0-9_]*)?)$"
)


def _explain(raw: str, value: int | float) -> Msg:
    digits = raw.lstrip("+-").replace("_", "")
    quoted = raw.replace("'", "''")
    if ":" in digits:
        return msg("rules.base_60", raw=raw, value=value, quoted=quoted)
    if digits.startswith(("0x", "0b")):
        base = "hexadecimal" if digits.startswith("0x") else "binary"
        return msg(
            "rules.other_base", raw=raw, base=msg(f"rules.base.{base}"), value=value, quoted=quoted
        )
    decimal = int(raw.replace("_", ""), 10)
    return msg("rules.octal", raw=raw, value=value, decimal=decimal, quoted=quoted)


def _value_at(data: Any, path: JsonPath) -> Any:
    for part in path:
        try:
            data = data[part]
        except (KeyError, IndexError, TypeError):
            return None
    return data


def implicit_numbers(record: Record) -> list[Problem]:
    """Unquoted numbers read in another base (010 is 8), even where the schema takes a number."""
    problems = []
    for path, raw in sorted(record.doc.implicit.items(), key=lambda item: str(item[0])):
        if not _OTHER_BASE.match(raw):
            continue
        value = _value_at(record.data, path)
        if isinstance(value, bool) or not isinstance(value, int | float):
            continue
        problems.append(record.problem(path, YAML_IMPLICIT_TYPE, _explain(raw, value)))
    return problems


RULE = RecordRule((YAML_IMPLICIT_TYPE,), implicit_numbers, "count: 010   # read as 8")

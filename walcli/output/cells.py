"""Values as table cells: the values a column path reached, in one language, on one line."""

from __future__ import annotations

from typing import Any

from walcli.core.claims import has_value
from walcli.core.registry import Record
from walcli.core.text import localize, scalar_text
from walcli.query.values import lookup


def rows(records: list[Record], columns: list[str], lang: str) -> list[list[str]]:
    return [[cell(lookup(r.data, column), lang) for column in columns] for r in records]


def cell(values: list[Any], lang: str) -> str:
    """One table cell from the values a column path reached."""
    parts = [_cell_part(localize(value, lang)) for value in values]
    return ", ".join(part for part in parts if part)


def _cell_part(value: Any) -> str:
    if isinstance(value, list):
        if value and all(has_value(v) for v in value):
            current = [v for v in value if v.get("superseded") is not True] or value
            return " / ".join(scalar_text(v["value"]) for v in current)  # disagreeing claims
        return ", ".join(_cell_part(item) for item in value)
    if isinstance(value, dict):
        if has_value(value):
            return scalar_text(value["value"])
        return "; ".join(f"{k}: {_cell_part(v)}" for k, v in value.items())
    return scalar_text(value)

"""Records as machine formats print them: whole, or only the asked columns (raw values)."""

from __future__ import annotations

from typing import Any

from walcli.core.registry import Record
from walcli.query.values import lookup


def projected(records: list[Record], columns: list[str] | None) -> list[dict[str, Any]]:
    """Records for machine formats: whole, or only the asked columns."""
    if not columns:
        return [r.data for r in records]
    result = []
    for record in records:
        item: dict[str, Any] = {}
        for column in columns:
            found = lookup(record.data, column)
            item[column] = found[0] if len(found) == 1 else (found or None)
        result.append(item)
    return result

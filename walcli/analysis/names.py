"""What people call a record: its name in one language (or its usual short name)."""

from __future__ import annotations

from typing import Any

from walcli.core.registry import Registry
from walcli.core.text import localize, scalar_text


def display_name(data: dict[str, Any], lang: str, *, short: bool = False) -> str:
    """A record's name in lang; its usual short name when asked and it has one."""
    name = data.get("short_name") if short and data.get("short_name") else data.get("name")
    return scalar_text(localize(name, lang))


def record_name(registry: Registry, kind: str, record_id: str, lang: str) -> str | None:
    found = registry.records.get(kind, {}).get(record_id)
    return None if found is None else display_name(found.data, lang)

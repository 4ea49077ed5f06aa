"""What a dotted path (`period.start`, `name.fr`, `budget.value`) reaches in a record.

Lists are crossed (`poles.0` or `poles` both work); a path that stops at a claim or a
bilingual text reaches its values (both languages, every claimed value); a path can also go
into them (`name.fr`, `budget.value`, `budget.sources`).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from walcli.core.claims import has_value
from walcli.core.text import is_text


def leaves(value: Any) -> Iterator[Any]:
    """The scalar values under a value: list items, claim values, both languages of a text."""
    if isinstance(value, list):
        for item in value:
            yield from leaves(item)
    elif isinstance(value, dict):
        if has_value(value):
            yield from leaves(value["value"])
        elif is_text(value):
            yield from value.values()
        else:
            for item in value.values():
                yield from leaves(item)
    elif value is not None:
        yield value


def lookup(data: Any, dotted: str) -> list[Any]:
    """The values a dotted path reaches; lists are crossed (poles.0 or poles both work)."""
    current: list[Any] = [data]
    for part in dotted.split("."):
        following: list[Any] = []
        for value in current:
            following.extend(_step(value, part))
        current = following
    return current


def _step(value: Any, part: str) -> list[Any]:
    if isinstance(value, dict):
        return [value[part]] if part in value else []
    if isinstance(value, list):
        if part.isdigit():
            return [value[int(part)]] if int(part) < len(value) else []
        return [found for item in value for found in _step(item, part)]
    return []


def scalars(data: Any, dotted: str) -> list[Any]:
    return [leaf for value in lookup(data, dotted) for leaf in leaves(value)]


def known_paths(datas: list[dict[str, Any]]) -> set[str]:
    """Every dotted path present in some record (list indexes dropped), into bilingual texts
    and claims too (name.fr, budget.value)."""
    found: set[str] = set()

    def visit(value: Any, prefix: str) -> None:
        if prefix:
            found.add(prefix)
        if isinstance(value, dict):
            for key, item in value.items():
                visit(item, f"{prefix}.{key}" if prefix else key)
        elif isinstance(value, list):
            for item in value:
                visit(item, prefix)

    for data in datas:
        visit(data, "")
    return found

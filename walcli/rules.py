"""Checks that JSON Schema cannot express. Each rule takes a record (or the registry) and
returns problems; each has its own code in problems.CODES."""

from __future__ import annotations

import datetime
import re
from collections import defaultdict
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, Any

from walcli.loader import JsonPath

if TYPE_CHECKING:
    from walcli.model import Record, Registry
    from walcli.problems import Problem

_FULL_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def walk(value: Any, path: JsonPath = ()) -> Iterator[tuple[JsonPath, Any]]:
    yield path, value
    if isinstance(value, dict):
        for key, item in value.items():
            yield from walk(item, (*path, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from walk(item, (*path, index))


def id_matches_file(record: Record) -> list[Problem]:
    given = record.data.get("id")
    if given is None or given == record.id:
        return []
    return [
        record.problem(
            ("id",),
            "id-mismatch",
            f"id {given!r} differs from the file name {record.id}.yaml",
        )
    ]


def sources_are_unique(record: Record) -> list[Problem]:
    problems = []
    seen: dict[str, set[Any]] = {"id": set(), "url": set()}
    sources = record.data.get("sources")
    for index, source in enumerate(sources if isinstance(sources, list) else []):
        if not isinstance(source, dict):
            continue
        for field in ("id", "url"):
            value = source.get(field)
            if value is None or isinstance(value, dict | list):
                continue
            if value in seen[field]:
                problems.append(
                    record.problem(
                        ("sources", index, field),
                        "duplicate-source",
                        f"source {field} {value!r} is listed twice",
                    )
                )
            seen[field].add(value)
    return problems


def citations_exist(record: Record) -> list[Problem]:
    sources = record.data.get("sources")
    known = (
        {s.get("id") for s in sources if isinstance(s, dict)}
        if isinstance(sources, list)
        else set()
    )
    problems = []
    for path, value in walk(record.data):
        if not path or path == ("sources",) or path[-1] != "sources" or not isinstance(value, list):
            continue
        for index, cited in enumerate(value):
            if isinstance(cited, str) and cited not in known:
                problems.append(
                    record.problem(
                        (*path, index),
                        "unknown-source",
                        f"cites source {cited!r}, which the record's sources do not list",
                    )
                )
    return problems


def dates_exist(record: Record) -> list[Problem]:
    problems = []
    for path, value in walk(record.data):
        if isinstance(value, str) and _FULL_DATE.match(value):
            try:
                datetime.date.fromisoformat(value)
            except ValueError:
                problems.append(record.problem(path, "bad-date", f"{value} is not a calendar date"))
    return problems


def ids_are_unique(registry: Registry) -> list[Problem]:
    holders: dict[str, list[Record]] = defaultdict(list)
    for record in registry.all():
        holders[record.id].append(record)
    problems = []
    for record_id, records in holders.items():
        for record in records[1:] if len(records) > 1 else []:
            first = records[0]
            problems.append(
                record.problem(
                    ("id",),
                    "duplicate-id",
                    f"id '{record_id}' is also the id of {first.file}",
                )
            )
    return problems


RECORD_RULES: list[Callable[[Record], list[Problem]]] = [
    id_matches_file,
    sources_are_unique,
    citations_exist,
    dates_exist,
]
REGISTRY_RULES: list[Callable[[Registry], list[Problem]]] = [ids_are_unique]

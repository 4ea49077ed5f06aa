"""Series the schema keeps in date order are in date order."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from walcli.check.rules._rule import RegistryRule
from walcli.core.dates import Day, Span, span
from walcli.core.kinds import KINDS
from walcli.core.paths import JsonPath, pointer, values_at
from walcli.core.problems import Code, E, Problem
from walcli.i18n.catalog import msg

if TYPE_CHECKING:
    from walcli.core.registry import Record, Registry

CODE = Code(
    "series-order",
    E,
    "A series (items with as_of or date that the schema keeps in date order) is out of order.",
    "Move the item to its place by date; undated items go last.",
)


SERIES_DATES = ("as_of", "date")


def series_order_problems(record: Record, path: JsonPath, items: list[Any]) -> list[Problem]:
    """Items in date order at mixed precision; undated items (undated: true) last.

    Walks once, keeping the earliest day the series may have reached so far: an item is out
    of order when its latest possible day is before it. So 2006, 2006-07 and 2006-07, 2006 are
    both in order, but 2006-08, 2006, 2006-07 is not (2006-07 comes after 2006-08)."""
    problems = []
    reached: Day | None = None
    reached_by: tuple[int, Span] | None = None
    undated_at: int | None = None
    misplaced_undated = False
    for index, item in enumerate(items):
        if not isinstance(item, dict):
            continue
        key = next((k for k in SERIES_DATES if k in item), None)
        if key is None:
            if item.get("undated") is True and undated_at is None:
                undated_at = index
            continue
        when = span(item[key])
        if when is None:
            continue
        if undated_at is not None:
            if not misplaced_undated:  # one mistake: the undated item is not last
                misplaced_undated = True
                problems.append(
                    record.problem(
                        (*path, index, key),
                        CODE,
                        msg(
                            "rules.series_undated",
                            key=key,
                            date=when.text,
                            where=pointer((*path, undated_at)),
                        ),
                    )
                )
            continue
        if reached is not None and reached_by is not None and reached > when.last:
            problems.append(
                record.problem(
                    (*path, index, key),
                    CODE,
                    msg(
                        "rules.series_order",
                        key=key,
                        date=when.text,
                        previous=reached_by[1].text,
                        where=pointer((*path, reached_by[0])),
                    ),
                )
            )
            continue
        if reached is None or when.first > reached:
            reached, reached_by = when.first, (index, when)
    return problems


def series_are_ordered(registry: Registry) -> list[Problem]:
    problems = []
    for kind_name, kind in KINDS.items():
        records = registry.of(kind_name)
        if not records:
            continue
        patterns = registry.schemas.series(kind.schema)
        for record in records:
            for pattern in patterns:
                for path, value in values_at(record.data, pattern):
                    if isinstance(value, list):
                        problems += series_order_problems(record, path, value)
    return problems


RULE = RegistryRule(
    (CODE,), series_are_ordered, "timeline:\n  - {date: 2013-04, ...}\n  - {date: 2013-01, ...}"
)

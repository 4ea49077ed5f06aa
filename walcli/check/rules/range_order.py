"""A range's upper end is not below its lower end."""

from __future__ import annotations

from typing import TYPE_CHECKING

from walcli.check.rules._rule import RecordRule
from walcli.core.claims import walk
from walcli.core.problems import Code, E, Problem
from walcli.i18n.catalog import msg

if TYPE_CHECKING:
    from walcli.core.registry import Record

CODE = Code(
    "range-order",
    E,
    "A figure given as a range has its max below its value (the lower end).",
    "Put the lower end in value and the upper end in max.",
)


def ranges_are_ordered(record: Record) -> list[Problem]:
    """A figure given as a range (value..max) has value <= max."""
    problems = []
    for path, value in walk(record.data):
        if not isinstance(value, dict) or "max" not in value or "value" not in value:
            continue
        low, high = value["value"], value["max"]
        if (
            isinstance(low, int | float)
            and isinstance(high, int | float)
            and not isinstance(low, bool)
            and not isinstance(high, bool)
            and low > high
        ):
            problems.append(
                record.problem(
                    (*path, "max"),
                    CODE,
                    msg("rules.range_order", high=high, low=low),
                )
            )
    return problems


RULE = RecordRule(
    (CODE,),
    ranges_are_ordered,
    "figures:\n  - {label: ..., value: 1500000000, max: 1000000000, unit: euros, sources: [tf]}",
)

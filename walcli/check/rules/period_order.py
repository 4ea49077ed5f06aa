"""Periods do not run backwards."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from walcli.check.rules._rule import RecordRule
from walcli.core.claims import is_claims, walk
from walcli.core.dates import Span, span
from walcli.core.paths import JsonPath
from walcli.core.problems import Code, E, Problem
from walcli.i18n.catalog import msg

if TYPE_CHECKING:
    from walcli.core.registry import Record

CODE = Code(
    "period-order",
    E,
    "A period ends before it starts (start/end, from/to, presented/adopted), at the precision given.",
    "Swap or correct the dates; 2006 and 2006-07 do not contradict each other.",
)


# Sibling fields whose dates must not run backwards, wherever they meet in a record: a period's
# start and end, a term's from and to, and a plan presented before (or when) it is adopted.
# Only pairs whose order is certain belong here (a pole's founding may follow its labelling).
ORDERED_PAIRS: tuple[tuple[str, str], ...] = (
    ("start", "end"),
    ("from", "to"),
    ("presented", "adopted"),
)


def dated(value: Any, path: JsonPath) -> list[tuple[JsonPath, Span]]:
    """The dates a field holds: one date, or the values of a list of date claims."""
    if is_claims(value):
        found = []
        for index, claim in enumerate(value):
            got = span(claim["value"])
            if got is not None:
                found.append(((*path, index, "value"), got))
        return found
    got = span(value)
    return [(path, got)] if got is not None else []


def periods_are_ordered(record: Record) -> list[Problem]:
    """`start` <= `end` (and the other ordered pairs) at the precision given.

    With claims on a side (several sourced dates for `presented`), the pair is only wrong
    when even the earliest first date is certainly after the latest second date: disagreeing
    sources are recorded on purpose and must not make the order fail.
    """
    problems = []
    for path, value in walk(record.data):
        if not isinstance(value, dict):
            continue
        for first_key, second_key in ORDERED_PAIRS:
            if first_key not in value or second_key not in value:
                continue
            firsts = dated(value[first_key], (*path, first_key))
            seconds = dated(value[second_key], (*path, second_key))
            if not firsts or not seconds:
                continue
            earliest = min(firsts, key=lambda item: item[1].first)
            latest = max(seconds, key=lambda item: item[1].last)
            if earliest[1].after(latest[1]):
                problems.append(
                    record.problem(
                        earliest[0],
                        CODE,
                        msg(
                            "rules.period_order",
                            first=first_key,
                            start=earliest[1].text,
                            second=second_key,
                            end=latest[1].text,
                        ),
                    )
                )
    return problems


RULE = RecordRule((CODE,), periods_are_ordered, "period:\n  start: 2010\n  end: 2009")

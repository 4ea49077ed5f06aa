"""Dates exist in the calendar."""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING

from walcli.check.rules._rule import RecordRule
from walcli.core.claims import walk
from walcli.core.dates import FULL_DATE
from walcli.core.problems import Code, E, Problem
from walcli.i18n.catalog import msg

if TYPE_CHECKING:
    from walcli.core.registry import Record

CODE = Code(
    "bad-date",
    E,
    "A date has the right shape but does not exist in the calendar.",
    "Correct the day or month; use a coarser precision (2016-08) if unsure.",
)


def dates_exist(record: Record) -> list[Problem]:
    problems = []
    for path, value in walk(record.data):
        if isinstance(value, str) and FULL_DATE.match(value):
            try:
                datetime.date.fromisoformat(value)
            except ValueError:
                problems.append(record.problem(path, CODE, msg("rules.bad_date", value=value)))
    return problems


RULE = RecordRule((CODE,), dates_exist, "announced: 2013-02-30")

"""Dates at the precision the source gives (2006, 2006-07, 2006-07-01).

A date is the span of days it may stand for, so comparisons are made at the coarser of two
precisions: one date is only "after" another when every day of its span is after every day of
the other (2006 is neither before nor after 2006-07).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from walcli.core.paths import Pattern, values_at

if TYPE_CHECKING:
    from walcli.io.yaml import Document

Day = tuple[int, int, int]
_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
FULL_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


@dataclass(frozen=True, slots=True)
class Span:
    """The days a date at its given precision may stand for: 2006-07 is 2006-07-01..31."""

    text: str
    first: Day
    last: Day

    def after(self, other: Span) -> bool:
        """Certainly later: every day of this span follows every day of the other."""
        return self.first > other.last

    @property
    def precision(self) -> int:
        """1 for a year, 2 for a month, 3 for a day."""
        return self.text.count("-") + 1


def span(value: Any) -> Span | None:
    """The span of an ISO date (a bare year may still be an integer in raw data)."""
    if isinstance(value, bool) or not isinstance(value, int | str):
        return None
    text = str(value)
    found = _DATE.match(text)
    if found is None:
        return None
    year = int(found.group(1))
    month = int(found.group(2)) if found.group(2) else None
    day = int(found.group(3)) if found.group(3) else None
    return Span(text, (year, month or 1, day or 1), (year, month or 12, day or 31))


def sort_key(value: Any) -> tuple[Day, int] | None:
    """Orders dates of mixed precision by date: 2013 before 2013-05 before 2016."""
    found = span(value)
    return None if found is None else (found.first, found.precision)


def year_of(value: Any) -> int | None:
    found = re.match(r"^(\d{4})", str(value))
    return int(found.group(1)) if found else None


_YEAR = re.compile(r"^[0-9]{4}$")


def years_as_text(doc: Document, patterns: list[Pattern]) -> None:
    """Dates are text end to end: where the schema keeps a date, a value YAML read as a
    number (`start: 2006`, unquoted) becomes the text it was written as ("2006").

    What else was written there stays as written too (1_999, 0x7D6, 2006.0, 1700): as text,
    the schema's date pattern judges it, and a misread number can never pass as a year.
    """
    for pattern in patterns:
        for path, value in list(values_at(doc.data, pattern)):
            if isinstance(value, bool) or not isinstance(value, int | float):
                continue
            written = doc.implicit.pop(path, None)
            if written is None:  # data made in code: only a plain year is known to be one
                if not isinstance(value, int) or not _YEAR.match(str(value)):
                    continue
                written = str(value)
            parent: Any = doc.data
            for step in path[:-1]:
                parent = parent[step]
            parent[path[-1]] = written

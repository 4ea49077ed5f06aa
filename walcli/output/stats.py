"""The tables of `wal stats`: one row per measure and kind, and field completeness."""

from __future__ import annotations

from walcli.analysis.stats import MEASURES, Stats
from walcli.output.sheet import Rows, Sheet


def percent(present: int, records: int) -> str:
    """Rounded down, so that 100% means every record."""
    return f"{100 * present // records}%" if records else "-"


def summary_table(stats: Stats) -> tuple[list[str], list[list[str]]]:
    """One row per measure, one column per kind and a total (narrow enough for a terminal
    however many measures there are)."""
    total = stats.total()
    rows = [
        [label, *(str(getattr(k, name)) for k in stats.kinds), str(total[name])]
        for label, name in MEASURES
    ]
    return ["measure", *(k.kind for k in stats.kinds), "total"], rows


def fields_table(stats: Stats) -> tuple[list[str], list[list[str]]]:
    """One row per kind and field (in schema order): how many records have it, and the share
    ('-' where the kind has no records)."""
    rows = [
        [k.kind, name, str(count), percent(count, k.records)]
        for k in stats.kinds
        for name, count in k.fields.items()
    ]
    return ["kind", "field", "present", "share"], rows


SUMMARY_TITLE = "Records and facts"
FIELDS_TITLE = "Field completeness"


def tables(stats: Stats) -> list[tuple[str, list[str], list[list[str]]]]:
    """The two tables of `wal stats`, with their titles."""
    return [(SUMMARY_TITLE, *summary_table(stats)), (FIELDS_TITLE, *fields_table(stats))]


def stats_sheet(stats: Stats) -> Sheet:
    """The two tables under their titles; machine formats get the figures themselves."""
    return Sheet(
        [Rows(header, rows, title) for title, header, rows in tables(stats)], stats.as_dict()
    )

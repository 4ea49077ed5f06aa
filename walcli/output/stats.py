"""The tables of `wal stats`: one row per measure and kind, and field completeness.

Machine formats read the raw tables (measure names, kinds and field names as in JSON); a
person reads them with words and percentages in their language (`lang`)."""

from __future__ import annotations

from walcli.analysis.stats import MEASURES, Stats
from walcli.output.sheet import Rows, Sheet


def percent(present: int, records: int, lang: str | None = None) -> str:
    """Rounded down, so that 100% means every record."""
    if not records:
        return "-"
    share = 100 * present // records
    if lang is None:
        return f"{share}%"
    from walcli.i18n.format import percent as locale_percent

    return locale_percent(share, lang)


def _word(key: str, default: str, lang: str | None) -> str:
    if lang is None:
        return default
    from walcli.i18n.catalog import t

    return t(key, lang)


def _kind(kind: str, lang: str | None) -> str:
    if lang is None:
        return kind
    from walcli.i18n.labels import kind_word

    return kind_word(kind, lang)


def summary_table(stats: Stats, lang: str | None = None) -> tuple[list[str], list[list[str]]]:
    """One row per measure, one column per kind and a total (narrow enough for a terminal
    however many measures there are)."""
    total = stats.total()
    rows = [
        [
            _word(f"stats.measure.{name}", label, lang),
            *(str(getattr(k, name)) for k in stats.kinds),
            str(total[name]),
        ]
        for label, name in MEASURES
    ]
    header = [
        _word("stats.header.measure", "measure", lang),
        *(_kind(k.kind, lang) for k in stats.kinds),
        _word("stats.header.total", "total", lang),
    ]
    return header, rows


def fields_table(stats: Stats, lang: str | None = None) -> tuple[list[str], list[list[str]]]:
    """One row per kind and field (in schema order): how many records have it, and the share
    ('-' where the kind has no records)."""
    rows = [
        [_kind(k.kind, lang), name, str(count), percent(count, k.records, lang)]
        for k in stats.kinds
        for name, count in k.fields.items()
    ]
    header = [
        _word(f"stats.header.{name}", name, lang) for name in ("kind", "field", "present", "share")
    ]
    return header, rows


def tables(
    stats: Stats, lang: str | None = None
) -> list[tuple[str | None, list[str], list[list[str]]]]:
    """The two tables of `wal stats`, with their titles (for people: machines read none)."""
    return [
        (_title("stats.title.summary", lang), *summary_table(stats, lang)),
        (_title("stats.title.fields", lang), *fields_table(stats, lang)),
    ]


def _title(key: str, lang: str | None) -> str | None:
    if lang is None:
        return None
    from walcli.i18n.catalog import t

    return t(key, lang)


def stats_sheet(stats: Stats, lang: str | None = None) -> Sheet:
    """The two tables under their titles; machine formats get the figures themselves. With
    lang, the tables are for people: words and percentages in that language."""
    roles = [["text"] + ["number"] * (len(stats.kinds) + 1), ["text", "id", "number", "number"]]
    return Sheet(
        [
            Rows(header, rows, title, roles=role)
            for (title, header, rows), role in zip(tables(stats, lang), roles, strict=True)
        ],
        stats.as_dict(),
    )

"""Sheets: one or more tables of text cells, and the plain data machine formats print
instead. `list`, `search` and `stats` render through these formats."""

from __future__ import annotations

import io
from dataclasses import dataclass, field
from typing import Any

from walcli.output.formats import Format, Formats, Out
from walcli.output.safe import safe, spreadsheet_safe
from walcli.output.serialize import to_json, to_yaml

WHOLE_ROLES = ("id", "date", "money", "number", "url")


@dataclass(frozen=True)
class Rows:
    header: list[str]
    rows: list[list[str]]
    title: str | None = None
    # per column, what its cells hold (id, date, money, number, url, text): ids, dates,
    # amounts and URLs are never wrapped nor cut on a terminal; text wraps
    roles: list[str] | None = None
    note: str | None = None  # printed under the table (what a mark in its cells means)


@dataclass(frozen=True)
class Sheet:
    tables: list[Rows]
    data: Any = field(default=None)  # what json and yaml print

    @classmethod
    def one(cls, header: list[str], rows: list[list[str]], data: Any) -> Sheet:
        return cls([Rows(header, rows)], data)


def rich_table(rows: Rows) -> Any:
    """A rich Table whose cells are Text objects: never parsed as markup."""
    from rich.table import Table
    from rich.text import Text

    table = Table(title=rows.title, header_style="bold", show_lines=False)
    roles = rows.roles or ["id" if name == "id" else "text" for name in rows.header]
    for index, name in enumerate(rows.header):
        if roles[index] in WHOLE_ROLES:
            # never shrunk below its longest cell: an id or a date is read whole or not at all
            longest = max((len(safe(line[index])) for line in rows.rows), default=0)
            # (its header may wrap: a long label must not cut the column's values)
            table.add_column(Text(safe(name), no_wrap=False), no_wrap=True, min_width=longest)
        else:
            table.add_column(Text(safe(name)), overflow="fold")
    for line in rows.rows:
        table.add_row(*(Text(safe(c)) for c in line))
    return table


MIN_WIDTH = 40  # COLUMNS=0 (or 3) would leave no room for any cell: rich would print nothing


def print_rich(renderable: Any, out: Out) -> None:
    from rich.console import Console

    console = Console(file=out.stream, markup=False, highlight=False, emoji=False)
    if console.width < MIN_WIDTH:
        console.width = MIN_WIDTH
    console.print(renderable)


def _table(sheet: Sheet, out: Out) -> None:
    for rows in sheet.tables:
        print_rich(rich_table(rows), out)
        if rows.note:
            # under the table, wrapped as the table is: not a rich caption (padded with spaces)
            from walcli.output.layout import Pieces, width, wrap

            out.write(
                "".join(line + "\n" for line in wrap(Pieces().text(rows.note), width(out.tty)))
            )


def tsv(header: list[str], rows: list[list[str]]) -> str:
    """Tab-separated, every cell safe and formula-safe: a pipe may end in a spreadsheet."""
    return "".join("\t".join(spreadsheet_safe(c) for c in line) + "\n" for line in [header, *rows])


def csv_text(header: list[str], rows: list[list[str]]) -> str:
    import csv

    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow([spreadsheet_safe(c) for c in header])
    writer.writerows([[spreadsheet_safe(c) for c in line] for line in rows])
    return buffer.getvalue()


def _separated(sheet: Sheet, out: Out, render: Any) -> None:
    out.write("\n".join(render(rows.header, rows.rows) for rows in sheet.tables))


def _markdown(sheet: Sheet, out: Out) -> None:
    from walcli.output import markdown

    out.write(
        "\n".join(
            (f"## {markdown.escape(rows.title)}\n\n" if rows.title else "")
            + markdown.table(rows.header, rows.rows)
            + (f"\n{markdown.escape(rows.note)}\n" if rows.note else "")
            for rows in sheet.tables
        )
    )


SHEET_FORMATS: Formats[Sheet] = Formats(
    [
        Format("table", "a table for the terminal", _table, people=True),
        Format("tsv", "tab-separated rows", lambda s, o: _separated(s, o, tsv)),
        Format("csv", "comma-separated rows (RFC 4180)", lambda s, o: _separated(s, o, csv_text)),
        Format("json", "strict JSON of the data", lambda s, o: o.write_json(to_json(s.data))),
        Format("yaml", "YAML of the data", lambda s, o: o.write(to_yaml(s.data, ascii=o.ascii))),
        Format("markdown", "a GFM table", _markdown, people=True),
    ],
    tty="table",
    pipe="tsv",
)

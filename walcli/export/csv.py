"""CSV: a folder with one file per table (records, a file per kind, claims, sources, links).

Plain CSV is UTF-8, comma-separated, one line per row ending in LF, as RFC 4180 readers and
data tools take it. `--excel` writes what Excel opens as it is in Belgium and France: UTF-8
with a byte-order mark (so accents survive), `;` between cells, CRLF line ends, and decimal
commas. Either way no cell is ever run as a formula: text that a spreadsheet would read as one
(starting with =, +, -, @) is prefixed with `'`, and control characters are shown as escapes.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from walcli.export import Options
from walcli.export.tables import Table, Tables
from walcli.output.safe import spreadsheet_safe


@dataclass(frozen=True)
class Dialect:
    delimiter: str
    line_end: str
    encoding: str
    decimal: str


PLAIN = Dialect(",", "\n", "utf-8", ".")
EXCEL = Dialect(";", "\r\n", "utf-8-sig", ",")


def cell(value: Any, dialect: Dialect) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        text = str(int(value)) if value.is_integer() else repr(value)
        return text.replace(".", dialect.decimal)
    return spreadsheet_safe(str(value))


def rows(table: Table, dialect: Dialect) -> Iterable[list[str]]:
    yield table.names
    for row in table.rows:
        yield [cell(value, dialect) for value in row]


def write_table(table: Table, path: Path, dialect: Dialect) -> None:
    with path.open("w", encoding=dialect.encoding, newline="") as handle:
        writer = csv.writer(handle, delimiter=dialect.delimiter, lineterminator=dialect.line_end)
        writer.writerows(rows(table, dialect))


def write(tables: Tables, folder: Path, options: Options) -> None:
    dialect = EXCEL if options.excel else PLAIN
    for table in tables.tables:
        write_table(table, folder / f"{table.name}.csv", dialect)

"""An Excel workbook (openpyxl): a sheet per table (records, a sheet per kind, claims, sources,
links), headings in --lang on a frozen first row with filters.

Cells are typed: numbers are numbers, true/false are booleans, everything else is text. Dates
stay ISO text at their precision (`2006`, `2006-07`, `2006-07-12`): a column mixes
precisions, and text sorts them right where Excel dates could not hold a year alone. Text is
stored as text, never as a formula (even when it starts with `=`), with control characters
shown as escapes; a cell longer than Excel allows (32,767 characters) is cut, and the command
says how many were.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import Cell
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

from walcli.export import Options
from walcli.export.labels import label
from walcli.export.tables import Table, Tables
from walcli.output.safe import safe

MAX_CELL = 32767
WIDTH = (8, 60)  # narrowest and widest column, in characters
SAMPLE = 200  # rows looked at to size a column
ESCAPE_GROWTH = 6  # safe() turns one character into at most six (\u202e)


def _value(value: Any) -> tuple[Any, bool]:
    """The cell value, and whether it is text."""
    if value is None or isinstance(value, bool | int | float):
        return value, False
    text = safe(str(value))
    if len(text) > MAX_CELL:
        text = text[: MAX_CELL - 1] + "…"
    return text, True


def long_cells(tables: Tables) -> int:
    """How many cells the workbook cuts to Excel's limit."""
    return sum(
        1
        for table in tables.tables
        for row in table.rows
        for value in row
        if isinstance(value, str)
        and len(value) * ESCAPE_GROWTH > MAX_CELL
        and len(safe(value)) > MAX_CELL
    )


def _cell(sheet: Any, value: Any, font: Font | None = None) -> Cell:
    shown, text = _value(value)
    cell = WriteOnlyCell(sheet, value=shown)
    if text:
        cell.data_type = "s"  # never a formula, whatever the text starts with
    if font is not None:
        cell.font = font
    return cell


def _widths(table: Table, headings: list[str]) -> list[int]:
    widths = [len(h) + 2 for h in headings]
    for row in table.rows[:SAMPLE]:
        for index, value in enumerate(row):
            if value is not None:
                widths[index] = max(widths[index], len(str(value)) + 1)
    return [min(max(w, WIDTH[0]), WIDTH[1]) for w in widths]


def sheet(book: Workbook, table: Table, lang: str) -> None:
    # Any: the stubs lack what write-only sheets bind at run time (column sizes, filters).
    found: Any = book.create_sheet(table.name)
    headings = [label(column, lang) for column in table.columns]
    for index, width in enumerate(_widths(table, headings), start=1):
        found.column_dimensions[get_column_letter(index)].width = width
    found.freeze_panes = "A2"
    last = get_column_letter(max(len(table.columns), 1))
    found.auto_filter.ref = f"A1:{last}{len(table.rows) + 1}"
    bold = Font(bold=True)
    found.append([_cell(found, heading, bold) for heading in headings])
    for row in table.rows:
        found.append([_cell(found, value) for value in row])


def write(tables: Tables, path: Path, options: Options) -> None:
    book = Workbook(write_only=True)
    for table in tables.tables:
        sheet(book, table, options.lang)
    book.save(path)

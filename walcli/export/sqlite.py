"""SQLite: a table per kind, `records`, `claims`, `sources` and `links` (primary and foreign
keys declared), and `search`, an FTS5 index over every text in French and English that
ignores case and accents. Opens in the sqlite3 shell, Datasette and DuckDB.

Standard library only. The database is built in a temporary file (no journal needed there:
until it is renamed into place, nobody reads it)."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from walcli.core.errors import WalError
from walcli.export import Options
from walcli.export.tables import BOOLEAN, INTEGER, NUMBER, Table, Tables
from walcli.i18n.catalog import t

SQL_TYPES = {INTEGER: "INTEGER", NUMBER: "REAL", BOOLEAN: "INTEGER"}
FTS = "search"


class NoFullTextSearch(WalError):
    exit_code = 2


def quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def preflight(options: Options) -> None:
    """Fail before any work when this SQLite cannot build the full-text index."""
    if not has_fts5():
        raise NoFullTextSearch(t("export.no_fts5", options.lang))


def has_fts5() -> bool:
    connection = sqlite3.connect(":memory:")
    try:
        connection.execute("CREATE VIRTUAL TABLE probe USING fts5(text)")
    except sqlite3.Error:
        return False
    finally:
        connection.close()
    return True


def create(table: Table) -> str:
    columns = [f"{quote(c.name)} {SQL_TYPES.get(c.type, 'TEXT')}" for c in table.columns]
    columns.append(f"PRIMARY KEY ({', '.join(map(quote, table.primary_key))})")
    for key in table.foreign_keys:
        columns.append(
            f"FOREIGN KEY ({', '.join(map(quote, key.columns))}) "
            f"REFERENCES {quote(key.table)} ({', '.join(map(quote, key.references))})"
        )
    return f"CREATE TABLE {quote(table.name)} (\n  " + ",\n  ".join(columns) + "\n)"


INT64 = (-(2**63), 2**63 - 1)


def _fits(value: Any) -> Any:
    """SQLite integers are 64-bit: a larger one (a record may hold any) is stored as a real
    number, as SQLite itself would (the exact digits stay in the JSON and value columns)."""
    if isinstance(value, int) and not INT64[0] <= value <= INT64[1]:
        try:
            return float(value)
        except OverflowError:
            return str(value)
    return value


def _rows(table: Table) -> Iterable[Sequence[Any]]:
    numeric = [i for i, c in enumerate(table.columns) if c.type in SQL_TYPES]
    for row in table.rows:
        if any(isinstance(row[i], int) and not INT64[0] <= row[i] <= INT64[1] for i in numeric):
            yield tuple(_fits(value) for value in row)
        else:
            yield row


def insert(connection: sqlite3.Connection, table: Table) -> None:
    marks = ", ".join("?" for _ in table.columns)
    connection.executemany(f"INSERT INTO {quote(table.name)} VALUES ({marks})", _rows(table))


def write(tables: Tables, path: Path, options: Options) -> None:
    connection = sqlite3.connect(path)
    try:
        connection.execute("PRAGMA journal_mode = OFF")
        connection.execute("PRAGMA synchronous = OFF")
        with connection:
            for table in tables.tables:
                connection.execute(create(table))
                insert(connection, table)
            connection.execute(
                'CREATE INDEX "links_to" ON "links" ("to_kind", "to_id")',
            )
            connection.execute(
                f"CREATE VIRTUAL TABLE {FTS} USING fts5(kind UNINDEXED, id UNINDEXED, "
                "path UNINDEXED, fr, en, tokenize = 'unicode61 remove_diacritics 2')"
            )
            connection.executemany(
                f"INSERT INTO {FTS} VALUES (?, ?, ?, ?, ?)",
                ((x.kind, x.id, x.path, x.fr, x.en) for x in tables.texts),
            )
    finally:
        connection.close()

"""SQLite: a table per kind, `records`, `claims`, `sources` and `links` (primary and foreign
keys declared), and `search`, an FTS5 index over every text in French and English that
ignores case and accents. Opens in the sqlite3 shell, Datasette and DuckDB.

Standard library only. The database is built in a temporary file (no journal needed there:
until it is renamed into place, nobody reads it)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

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


def insert(connection: sqlite3.Connection, table: Table) -> None:
    marks = ", ".join("?" for _ in table.columns)
    connection.executemany(f"INSERT INTO {quote(table.name)} VALUES ({marks})", table.rows)


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

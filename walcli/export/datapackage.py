"""A Frictionless data package: `datapackage.json` and a CSV resource per table, each with its
table schema (typed fields, titles in --lang, primary key, foreign keys to the records table
and between kinds). The descriptor is written here, by hand, following the Data Package v1
specifications; the tests check it with `frictionless validate`."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from walcli.export import Options
from walcli.export.csv import PLAIN, write_table
from walcli.export.labels import label
from walcli.export.tables import JSON, Column, Table, Tables

NAME = "wal-registry"


def field(column: Column, lang: str) -> dict[str, Any]:
    kind = (column.json_shape or "any") if column.type == JSON else column.type
    found: dict[str, Any] = {"name": column.name, "type": kind, "title": label(column, lang)}
    if column.type == JSON:
        found["description"] = "JSON text"
    return found


def schema(table: Table, lang: str) -> dict[str, Any]:
    found: dict[str, Any] = {
        "fields": [field(column, lang) for column in table.columns],
        "primaryKey": list(table.primary_key),
    }
    if table.foreign_keys:
        found["foreignKeys"] = [
            {
                "fields": list(key.columns),
                "reference": {
                    "resource": "" if key.table == table.name else key.table,
                    "fields": list(key.references),
                },
            }
            for key in table.foreign_keys
        ]
    return found


def resource(table: Table, lang: str) -> dict[str, Any]:
    return {
        "name": table.name,
        "path": f"{table.name}.csv",
        "profile": "tabular-data-resource",
        "format": "csv",
        "mediatype": "text/csv",
        "encoding": "utf-8",
        "dialect": {"delimiter": PLAIN.delimiter, "lineTerminator": PLAIN.line_end},
        "schema": schema(table, lang),
    }


def descriptor(tables: Tables, lang: str) -> dict[str, Any]:
    return {
        "profile": "tabular-data-package",
        "name": NAME,
        "title": "wal: the registry of Wallonia's industrial policy",
        "resources": [resource(table, lang) for table in tables.tables],
    }


def write(tables: Tables, folder: Path, options: Options) -> None:
    for table in tables.tables:
        write_table(table, folder / f"{table.name}.csv", PLAIN)
    text = json.dumps(descriptor(tables, options.lang), ensure_ascii=False, indent=2) + "\n"
    (folder / "datapackage.json").write_text(text, encoding="utf-8")

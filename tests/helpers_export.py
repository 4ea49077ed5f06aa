"""Helpers for the tests of `wal export`: read every format back as plain rows."""

from __future__ import annotations

import csv
import io
import json
import sqlite3
from pathlib import Path
from typing import Any

KINDS = ("domains", "poles", "plans", "shocks")
FIXED = ("records", "claims", "sources", "links")


def record_files(root: Path) -> dict[str, set[str]]:
    """The ids each kind's folder holds, from the file names."""
    return {
        kind: {p.stem for p in (root / "data" / kind).glob("*.yaml")}
        for kind in KINDS
        if (root / "data" / kind).is_dir()
    }


def csv_rows(path: Path, *, excel: bool = False) -> list[dict[str, str]]:
    raw = path.read_bytes()
    if excel:
        assert raw.startswith(b"\xef\xbb\xbf"), "no byte-order mark"
        text = raw[3:].decode("utf-8")
    else:
        assert not raw.startswith(b"\xef\xbb\xbf")
        text = raw.decode("utf-8")
    reader = csv.DictReader(io.StringIO(text, newline=""), delimiter=";" if excel else ",")
    return list(reader)


def sqlite_ids(path: Path) -> dict[str, set[str]]:
    connection = sqlite3.connect(path)
    try:
        return {
            kind: {row[0] for row in connection.execute(f'SELECT id FROM "{kind}"')}
            for kind in KINDS
        }
    finally:
        connection.close()


def query(path: Path, sql: str, *params: Any) -> list[tuple[Any, ...]]:
    connection = sqlite3.connect(path)
    try:
        return list(connection.execute(sql, params))
    finally:
        connection.close()


def xlsx_ids(path: Path) -> dict[str, set[str]]:
    from openpyxl import load_workbook

    book = load_workbook(path, read_only=True)
    try:
        found = {}
        for kind in KINDS:
            rows = list(book[kind].iter_rows(min_row=2, max_col=1, values_only=True))
            found[kind] = {str(row[0]) for row in rows}
        return found
    finally:
        book.close()


def csv_ids(folder: Path, *, excel: bool = False) -> dict[str, set[str]]:
    return {
        kind: {r["id"] for r in csv_rows(folder / f"{kind}.csv", excel=excel)} for kind in KINDS
    }


def json_ids(path: Path) -> dict[str, set[str]]:
    document = json.loads(path.read_text(encoding="utf-8"))
    return {kind: {r["id"] for r in document["records"][kind]} for kind in KINDS}


def ids_in(fmt: str, out: Path) -> dict[str, set[str]]:
    """The record ids per kind that an export holds, read back with the format's own reader."""
    if fmt == "sqlite":
        return sqlite_ids(out)
    if fmt == "xlsx":
        return xlsx_ids(out)
    if fmt in ("csv", "datapackage"):
        return csv_ids(out)
    return json_ids(out)


def snapshot(path: Path) -> dict[str, bytes]:
    """Every file under path (or path itself) with its bytes: to check nothing changed."""
    if path.is_file():
        return {".": path.read_bytes()}
    return {p.relative_to(path).as_posix(): p.read_bytes() for p in path.rglob("*") if p.is_file()}

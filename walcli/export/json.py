"""JSON: the whole registry in one strict document (no NaN or Infinity), records as in the
YAML with dates as text, by kind in declared order and by id, then every link."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any, TextIO

from walcli.export import STDOUT, Options
from walcli.export.tables import Tables


def document(tables: Tables) -> dict[str, Any]:
    links = tables.table("links")
    return {
        "counts": dict(tables.counts),
        "records": tables.data,
        "links": [dict(zip(links.names, row, strict=True)) for row in links.rows],
    }


def _dump(tables: Tables, handle: TextIO) -> None:
    # Written as it is encoded: the whole text never sits in memory.
    json.dump(document(tables), handle, ensure_ascii=False, indent=2, allow_nan=False)
    handle.write("\n")


def write(tables: Tables, path: Path, options: Options) -> None:
    if str(path) == STDOUT:
        _dump(tables, sys.stdout)
        return
    with path.open("w", encoding="utf-8") as handle:
        _dump(tables, handle)

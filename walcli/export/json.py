"""JSON: the whole registry in one strict document (no NaN or Infinity), records as in the
YAML with dates as text, by kind in declared order and by id, then every link."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from walcli.export import STDOUT, Options
from walcli.export.tables import Tables


def document(tables: Tables) -> dict[str, Any]:
    links = tables.table("links")
    return {
        "counts": dict(tables.counts),
        "records": tables.data,
        "links": [dict(zip(links.names, row, strict=True)) for row in links.rows],
    }


def write(tables: Tables, path: Path, options: Options) -> None:
    text = json.dumps(document(tables), ensure_ascii=False, indent=2, allow_nan=False) + "\n"
    if str(path) == STDOUT:
        sys.stdout.write(text)
        return
    path.write_text(text, encoding="utf-8")

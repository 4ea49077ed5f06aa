"""Rows and records to text: table, tsv, csv, json, yaml, markdown. Data is shown literally.

Every string from the data goes through `safe` (terminal controls and bidi overrides become
visible escapes) and, per format, through the escaping that format needs.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Callable
from typing import Any

from walcli.query import is_text

ROW_FORMATS = ("table", "tsv", "csv", "json", "yaml", "markdown")

_UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]")
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]<>()#+!|~])")


def safe(text: str) -> str:
    """Control characters, line breaks and bidi overrides shown as escapes, never executed."""
    return _UNSAFE.sub(
        lambda m: (
            f"\\u{ord(m.group()):04x}" if ord(m.group()) > 0xFF else f"\\x{ord(m.group()):02x}"
        ),
        text,
    )


def localize(value: Any, lang: str) -> Any:
    """The value with every bilingual text reduced to one language (the other as fallback)."""
    if is_text(value):
        return value.get(lang) or next(iter(value.values()))
    if isinstance(value, dict):
        return {key: localize(item, lang) for key, item in value.items()}
    if isinstance(value, list):
        return [localize(item, lang) for item in value]
    return value


def scalar_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def cell(values: list[Any], lang: str) -> str:
    """One table cell from the values a column path reached."""
    parts = [_cell_part(localize(value, lang)) for value in values]
    return ", ".join(part for part in parts if part)


def _cell_part(value: Any) -> str:
    if isinstance(value, list):
        if value and all(isinstance(v, dict) and "value" in v for v in value):
            return " / ".join(scalar_text(v["value"]) for v in value)  # disagreeing claims
        return ", ".join(_cell_part(item) for item in value)
    if isinstance(value, dict):
        if "value" in value:
            return scalar_text(value["value"])
        return "; ".join(f"{k}: {_cell_part(v)}" for k, v in value.items())
    return scalar_text(value)


# -- row formats -----------------------------------------------------------------------------

Rows = list[list[str]]


def to_tsv(header: list[str], rows: Rows) -> str:
    return "".join("\t".join(safe(c) for c in line) + "\n" for line in [header, *rows])


def _spreadsheet_safe(text: str) -> str:
    text = safe(text)
    return "'" + text if text.startswith(_FORMULA_START) else text


def to_csv(header: list[str], rows: Rows) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow([_spreadsheet_safe(c) for c in header])
    writer.writerows([[_spreadsheet_safe(c) for c in line] for line in rows])
    return buffer.getvalue()


def markdown_escape(text: str) -> str:
    text = safe(text).replace("&", "&amp;")
    return _MARKDOWN_SPECIAL.sub(r"\\\1", text)


def to_markdown(header: list[str], rows: Rows) -> str:
    lines = [
        "| " + " | ".join(markdown_escape(c) for c in header) + " |",
        "|" + "|".join(" --- " for _ in header) + "|",
    ]
    lines += ["| " + " | ".join(markdown_escape(c) for c in line) + " |" for line in rows]
    return "\n".join(lines) + "\n"


def to_json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, indent=2, allow_nan=False) + "\n"


def to_yaml(value: Any) -> str:
    import yaml

    text: str = yaml.safe_dump(value, allow_unicode=True, sort_keys=False, width=100)
    return text


def to_table(header: list[str], rows: Rows, title: str | None = None) -> Any:
    """A rich Table whose cells are Text objects: never parsed as markup."""
    from rich.table import Table
    from rich.text import Text

    table = Table(title=title, header_style="bold", show_lines=False)
    for name in header:
        table.add_column(Text(name))
    for line in rows:
        table.add_row(*(Text(safe(c)) for c in line))
    return table


TEXT_RENDERERS: dict[str, Callable[[list[str], Rows], str]] = {
    "tsv": to_tsv,
    "csv": to_csv,
    "markdown": to_markdown,
}


def safe_lines(text: str) -> str:
    """Like safe, but keeps line breaks (for multi-line blocks such as a record view)."""
    return "\n".join(safe(line) for line in text.split("\n"))


def _is_claim(value: Any) -> bool:
    return isinstance(value, dict) and "value" in value


def _claim_text(claim: dict[str, Any]) -> str:
    text = _inline(claim["value"]) if not _is_claim(claim["value"]) else ""
    cited = claim.get("sources")
    if isinstance(cited, list) and cited:
        text += f" [{', '.join(map(str, cited))}]"
    if claim.get("attributed_to"):
        text += f" (claim of the {str(claim['attributed_to']).replace('-', ' ')})"
    if claim.get("note"):
        text += f" ({_inline(claim['note'])})"
    return text


def _inline(value: Any) -> str:
    if isinstance(value, list):
        return "; ".join(_claim_text(v) if _is_claim(v) else _inline(v) for v in value)
    if _is_claim(value):
        return _claim_text(value)
    if isinstance(value, dict):
        return "; ".join(f"{k}: {_inline(v)}" for k, v in value.items())
    return scalar_text(value)


def _flat(value: Any) -> bool:
    """Shown on one line: scalars, lists of scalars, claims."""
    if isinstance(value, list):
        return all(
            (_is_claim(v) and _flat(v["value"])) or not isinstance(v, dict | list) for v in value
        )
    if isinstance(value, dict):
        return _is_claim(value) and _flat(value["value"])
    return True


def human(value: Any, indent: int = 0) -> list[str]:
    """A localized record as indented 'key: value' lines, claims shown with their sources."""
    pad = " " * indent
    lines: list[str] = []
    if isinstance(value, dict):
        for key, item in value.items():
            if _flat(item):
                lines.append(f"{pad}{key}: {_inline(item)}")
            else:
                lines.append(f"{pad}{key}:")
                lines += human(item, indent + 2)
    elif isinstance(value, list):
        for item in value:
            nested = human(item, indent + 2) if not _flat(item) else [f"{pad}  {_inline(item)}"]
            lines.append(f"{pad}- {nested[0].lstrip()}")
            lines += nested[1:]
    else:
        lines.append(f"{pad}{scalar_text(value)}")
    return lines

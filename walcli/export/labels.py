"""Column headings in a language: from the catalog (`export.field.NAME`), else the field's
own name, so a field added to a schema shows up even before it has a label."""

from __future__ import annotations

from walcli.export.tables import Column
from walcli.i18n.catalog import has, t


def label(column: Column, lang: str) -> str:
    key = f"export.field.{column.field}"
    base = t(key, lang) if has(key) else column.field
    return f"{base} ({column.lang})" if column.lang else base

"""What `wal export` says when it is done: counts, and what an officer should know (files
that could not be read, links that name no record, cells Excel would not hold)."""

from __future__ import annotations

from walcli.export import STDOUT
from walcli.export.tables import Tables
from walcli.i18n.catalog import t
from walcli.output.safe import safe


def dangling(tables: Tables) -> int:
    """Links whose target is not a record of the export."""
    known = {(row[0], row[1]) for row in tables.table("records").rows}
    return sum((row[3], row[4]) not in known for row in tables.table("links").rows)


def summary(tables: Tables, fmt: str, out: str, unread: int, lang: str) -> list[str]:
    kinds = ", ".join(
        f"{count} {t(f'common.kind.{kind}', lang)}" for kind, count in tables.counts.items()
    )
    lines = [
        t(
            "export.wrote",
            lang,
            path=safe("stdout" if out == STDOUT else out),
            records=sum(tables.counts.values()),
            kinds=kinds,
            claims=len(tables.table("claims").rows),
            sources=len(tables.table("sources").rows),
            links=len(tables.table("links").rows),
        )
    ]
    warnings = []
    if unread:
        warnings.append(t("export.unread", lang, count=unread))
    missing = dangling(tables)
    if missing:
        warnings.append(t("export.dangling", lang, count=missing))
    if fmt == "xlsx":
        from walcli.export.xlsx import long_cells

        cut = long_cells(tables)
        if cut:
            warnings.append(t("export.cut", lang, count=cut))
    return lines + [t("export.warning", lang, text=text) for text in warnings]

"""The links of a record, rendered: aligned text to read (each link with the `file:line`
where it is written), or strict JSON."""

from __future__ import annotations

from typing import TYPE_CHECKING

from walcli.core.kinds import KINDS
from walcli.i18n import t
from walcli.output.formats import Format, Formats
from walcli.output.safe import safe
from walcli.output.serialize import to_json

if TYPE_CHECKING:
    from walcli.analysis.refs import RefItem, RefsView


def singular(kind: str, lang: str) -> str:
    """A kind's singular name in lang (pôle, domain); a kind without a message as declared."""
    declared = KINDS.get(kind)
    if declared is None:
        return kind
    return t(f"common.kind.{declared.singular}", lang)


def _row(item: RefItem, deep: bool, lang: str) -> list[str]:
    row = [
        singular(item.kind, lang),
        item.id,
        item.name,
        item.path,
        f"{item.file}:{item.line}",
    ]
    if deep:
        via = t("refs.via", lang, kind=singular(item.via[0], lang), id=item.via[1])
        row = [str(item.depth), *row, via]
    return [safe(cell) for cell in row]


def _aligned(rows: list[list[str]]) -> list[str]:
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    lines = []
    for row in rows:
        cells = [cell.ljust(width) for cell, width in zip(row, widths, strict=True)]
        lines.append(("  " + "  ".join(cells)).rstrip())
    return lines


def _section(title: str, items: list[RefItem], deep: bool, lang: str) -> list[str]:
    lines = [f"{title} ({len(items)})"]
    if not items:
        return [*lines, "  " + t("refs.none", lang)]
    return lines + _aligned([_row(item, deep, lang) for item in items])


def text(view: RefsView) -> str:
    lang = view.lang
    deep = view.depth > 1
    head = t("refs.title", lang, kind=singular(view.kind, lang), id=view.id, name=view.name)
    if deep:
        head += f" ({t('refs.depth', lang, depth=view.depth)})"
    lines = [safe(head), safe(view.file), ""]
    lines += _section(t("refs.references", lang), view.references, deep, lang)
    lines.append("")
    lines += _section(t("refs.referenced_by", lang), view.referenced_by, deep, lang)
    return "\n".join(lines) + "\n"


REFS_FORMATS: Formats[RefsView] = Formats(
    [
        Format(
            "text",
            "the links to read, each with the file:line where it is written",
            lambda v, o: o.write(text(v)),
        ),
        Format(
            "json",
            "strict JSON: {kind, id, references: [...], referenced_by: [...]}",
            lambda v, o: o.write_json(to_json(v.as_dict())),
        ),
    ],
    tty="text",
    pipe="text",
)

"""Tables for people: the cells of `list` as an officer reads them, in one language.

Headers are field labels; references show the name of the record they name; dates are at
their precision and money compact (`1,1 Md €`); when sources disagree a cell gives the range
of their values and a mark (`≠`) that the table's note explains. Each column has a role, so a
renderer knows which never wrap (ids, dates, amounts) and which may (text). Machine formats
never come here: they keep the raw values (walcli.output.cells).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from walcli.core.claims import SEED_DECK, disagree, is_claim, is_claims
from walcli.core.dates import sort_key
from walcli.core.kinds import KINDS
from walcli.core.registry import Record, Registry
from walcli.core.text import is_text, localize, scalar_text
from walcli.query.values import lookup

if TYPE_CHECKING:
    from walcli.core.paths import Pattern
    from walcli.schema.set import SchemaSet
    from walcli.schema.walker import FieldInfo

DISPUTED = "≠"
# Roles whose cells are never wrapped nor cut.
WHOLE = ("id", "date", "money", "number", "url")


@dataclass(frozen=True)
class Table:
    header: list[str]
    rows: list[list[str]]
    roles: list[str]  # per column: id, date, money, number, url, text
    disputed: bool  # some cell carries the DISPUTED mark


def column_label(path: str, infos: dict[Pattern, FieldInfo], lang: str) -> str:
    """`period` -> Period; `period.start` -> Period (start); labels from the schema first."""
    from walcli.i18n.labels import field_label

    parts = path.split(".")
    labels = []
    for depth, part in enumerate(parts):
        pattern = _pattern_of(parts[: depth + 1], infos)
        info = infos.get(pattern) if pattern else None
        labels.append(field_label(part, info.label if info else None, lang))
    if len(labels) == 1:
        return labels[0]
    return f"{labels[0]} ({', '.join(label[:1].lower() + label[1:] for label in labels[1:])})"


def _pattern_of(parts: list[str], infos: dict[Pattern, FieldInfo]) -> Pattern | None:
    """The schema pattern a dotted path names (list items crossed: `budget.value` is
    budget.*.value)."""
    candidates: list[Pattern] = [()]
    for part in parts:
        following: list[Pattern] = []
        for pattern in candidates:
            for step in ((*pattern, part), (*pattern, "*", part)):
                if step in infos:
                    following.append(step)
        candidates = following
    return candidates[0] if candidates else None


class _Cells:
    def __init__(self, registry: Registry, kind: str, lang: str) -> None:
        self.registry, self.lang = registry, lang
        self.infos = registry.schemas.fields(KINDS[kind].schema)
        self.disputed = False

    def info(self, path: str) -> FieldInfo | None:
        pattern = _pattern_of(path.split("."), self.infos)
        return self.infos.get(pattern) if pattern else None

    def role(self, path: str) -> str:
        if path == "id":
            return "id"
        info = self.info(path)
        kind = info.type if info else "any"
        if kind == "claims":
            inner = self.info(path + ".value")
            kind = inner.type if inner else "any"
        return {
            "date": "date",
            "period": "date",
            "money": "money",
            "count": "number",
            "integer": "number",
            "number": "number",
            "url": "url",
            "id": "id",
        }.get(kind, "text")

    def cell(self, record: Record, path: str) -> str:
        if path == "id":
            return record.id
        info = self.info(path)
        parts = [self.value(v, info, path) for v in lookup(record.data, path)]
        return ", ".join(p for p in parts if p)

    def value(self, value: Any, info: FieldInfo | None, path: str) -> str:
        if is_claims(value):
            return self.claims(value, path)
        if is_claim(value):
            return self.claims([value], path)
        if is_text(value):
            return scalar_text(localize(value, self.lang))
        if isinstance(value, list):
            return ", ".join(p for v in value if (p := self.value(v, info, path)))
        if isinstance(value, dict):
            if "start" in value:
                return self.period(value)
            if "value" in value:
                return self.value(value["value"], self.info(path + ".value"), path)
            return "; ".join(
                f"{k}: {p}" for k, v in value.items() if (p := self.value(v, None, path))
            )
        return self.scalar(value, info)

    def scalar(self, value: Any, info: FieldInfo | None) -> str:
        from walcli.analysis.names import display_name
        from walcli.i18n import format as fmt
        from walcli.i18n.labels import value_word

        kind = info.type if info else "any"
        if value is None:
            return ""
        if isinstance(value, bool):
            from walcli.i18n.catalog import t

            return t("common.yes" if value else "common.no", self.lang)
        if kind == "reference" and info is not None and isinstance(value, str):
            target = self.registry.records.get(info.ref or "", {}).get(value)
            return display_name(target.data, self.lang, short=True) if target else value
        if kind == "date":
            return fmt.date(value, self.lang, short=True)
        if isinstance(value, int | float):
            if kind == "money":
                return fmt.money(value, self.lang, compact=True)
            if kind in ("count", "integer", "number"):
                return fmt.number(value, self.lang)
            return scalar_text(value)
        if kind == "enum":
            return value_word(value, self.lang)
        return scalar_text(value)

    def period(self, value: dict[str, Any]) -> str:
        from walcli.i18n import format as fmt
        from walcli.i18n.catalog import t

        start = fmt.date(value.get("start"), self.lang, short=True)
        if value.get("end") is None:
            return t("common.period_open", self.lang, start=start)
        end = fmt.date(value["end"], self.lang, short=True)
        return t("common.period", self.lang, start=start, end=end)

    def claims(self, claims: list[dict[str, Any]], path: str) -> str:
        """The sourced values (the seed deck's and superseded ones aside, unless alone) in one
        short cell: one value; for amounts and counts, their range; for dates, the most
        precise when they agree, else the first given. Marked when sources disagree."""
        info = self.info(path + ".value")
        kept = [
            c
            for c in claims
            if c.get("attributed_to") != SEED_DECK and c.get("superseded") is not True
        ] or claims
        values = [c.get("value") for c in kept]
        disputed = disagree(claims)
        shown = self._summary(values, info, disputed)
        if disputed:
            self.disputed = True
            shown = f"{shown} {DISPUTED}" if shown else DISPUTED
        return shown

    def _summary(self, values: list[Any], info: FieldInfo | None, disputed: bool) -> str:
        from walcli.i18n.catalog import t

        if not values:
            return ""
        if any(isinstance(v, dict | list) for v in values):
            return self.value(values[0], info, "")
        numbers = [v for v in values if isinstance(v, int | float) and not isinstance(v, bool)]
        if len(numbers) == len(values) and (info is None or info.type != "date"):
            low, high = min(numbers), max(numbers)
            if low == high:
                return self.scalar(low, info)
            return t(
                "common.span", self.lang, low=self.scalar(low, info), high=self.scalar(high, info)
            )
        if all(sort_key(v) is not None for v in values) and not disputed:
            return self.scalar(max(values, key=lambda v: len(str(v))), info)
        return self.scalar(values[0], info)


def people_table(
    registry: Registry, kind: str, records: list[Record], columns: list[str], lang: str
) -> Table:
    cells = _Cells(registry, kind, lang)
    header = [column_label(path, cells.infos, lang) for path in columns]
    rows = [[cells.cell(record, path) for path in columns] for record in records]
    roles = [cells.role(path) for path in columns]
    return Table(header, rows, roles, cells.disputed)


def referenced_kinds(schemas: SchemaSet, kind: str, columns: list[str]) -> list[str]:
    """The kinds the columns name records of (their names are shown instead of ids)."""
    infos = schemas.fields(KINDS[kind].schema)
    found = set()
    for path in columns:
        for pattern, info in infos.items():
            if info.ref and info.dotted == path and pattern:
                found.add(info.ref)
    return sorted(k for k in found if k in KINDS)

"""The registry as plain tables, the one shape every exporter writes.

- `records`: every record (kind, id, name in both languages, file);
- a table per kind: one row per record, a column per top-level field. Bilingual texts become
  two columns (`name_fr`, `name_en`); fields whose values are all text, all integers, all
  numbers or all booleans are typed columns; anything else (lists, claims, mappings, mixed
  values) is a JSON text column;
- `claims`: every fact given as a value with its sources (claims side by side, figures,
  single sourced values, a field `F` sourced by `F_sources`), with its qualifier, whether the
  claims of its fact disagree, whether it is the seed deck's and whether it was superseded;
- `sources`: every source of every record;
- `links`: every reference from a record to another, with the field, file and line.

Dates are text at the precision the source gives (`2006`, `2006-07`), never numbers: every
place the schemas declare a date (`defs.schema.json#/$defs/date`) is turned into text first.
Rows are in a fixed order (kinds as declared, records by id, paths in record order), so two
exports of one registry are the same.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, replace
from typing import Any

from walcli.core.kinds import KINDS
from walcli.core.paths import Pattern
from walcli.core.registry import Registry
from walcli.core.text import LANGS, is_text, scalar_text

# Column types, as Frictionless names them; "json" columns hold a JSON text.
STRING, INTEGER, NUMBER, BOOLEAN, JSON = "string", "integer", "number", "boolean", "json"
RESERVED = ("records", "claims", "sources", "links", "search")  # "search": the FTS index


@dataclass(frozen=True)
class Column:
    name: str
    type: str
    field: str  # the record field (or the fixed column) it shows; labels are looked up by it
    lang: str | None = None  # for the two columns of a bilingual text
    json_shape: str | None = None  # for json columns: "object", "array" or None (mixed)


@dataclass(frozen=True)
class ForeignKey:
    columns: tuple[str, ...]
    table: str
    references: tuple[str, ...]


@dataclass(frozen=True)
class Table:
    name: str
    columns: tuple[Column, ...]
    rows: list[tuple[Any, ...]]
    primary_key: tuple[str, ...]
    foreign_keys: tuple[ForeignKey, ...] = ()
    kind: str | None = None  # set on the table of a kind

    @property
    def names(self) -> list[str]:
        return [column.name for column in self.columns]


@dataclass(frozen=True)
class Text:
    """One text of a record for full-text search: both languages of a bilingual text, or one
    language-neutral text (a name, a title) in both columns."""

    kind: str
    id: str
    path: str
    fr: str
    en: str


@dataclass(frozen=True)
class Tables:
    tables: list[Table]
    texts: list[Text]
    counts: dict[str, int]  # records per kind
    data: dict[str, list[dict[str, Any]]]  # every record's data by kind, dates as text

    def table(self, name: str) -> Table:
        return next(t for t in self.tables if t.name == name)


def to_json_text(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, allow_nan=False, separators=(",", ":"))


# -- dates as text -----------------------------------------------------------------------------


def _textify(value: Any, pattern: Pattern) -> Any:
    """The value with an integer year at the pattern turned to text (copied where changed)."""
    if not pattern:
        is_year = isinstance(value, int) and not isinstance(value, bool)
        return str(value) if is_year else value
    head, rest = pattern[0], pattern[1:]
    if head == "*":
        if isinstance(value, list):
            return [_textify(item, rest) for item in value]
        if isinstance(value, dict):
            return {key: _textify(item, rest) for key, item in value.items()}
        return value
    if isinstance(value, dict) and head in value:
        return {**value, head: _textify(value[head], rest)}
    return value


def dated(data: Any, patterns: list[Pattern]) -> Any:
    for pattern in patterns:
        data = _textify(data, pattern)
    return data


def exported_data(registry: Registry) -> dict[str, list[dict[str, Any]]]:
    """Every record's data by kind (kinds as declared, records by id), dates as text."""
    found: dict[str, list[dict[str, Any]]] = {}
    for kind in KINDS.values():
        patterns = registry.schemas.dates(kind.schema)
        found[kind.name] = [dated(record.data, patterns) for record in registry.of(kind.name)]
    return found


# -- kind tables -------------------------------------------------------------------------------


def _scalar_type(values: list[Any]) -> str:
    if all(isinstance(v, str) for v in values):
        return STRING
    if all(isinstance(v, bool) for v in values):
        return BOOLEAN
    if all(isinstance(v, int) and not isinstance(v, bool) for v in values):
        return INTEGER
    if all(isinstance(v, int | float) and not isinstance(v, bool) for v in values):
        return NUMBER
    return JSON


def _field_order(registry: Registry, kind: str, datas: list[dict[str, Any]]) -> list[str]:
    """The kind's fields that some record has: in the schema's order, then others sorted."""
    document = registry.schemas.documents.get(KINDS[kind].schema)
    declared = document.get("properties") if isinstance(document, dict) else None
    order = [str(name) for name in declared] if isinstance(declared, dict) else []
    present = {key for data in datas for key in data}
    first = ["id"] if "id" in present or not datas else []
    known = [name for name in order if name in present and name != "id"]
    return first + known + sorted(present - set(first) - set(known))


def _columns(name: str, values: list[Any]) -> list[Column]:
    if values and all(is_text(v) for v in values):
        return [Column(f"{name}_{lang}", STRING, name, lang) for lang in LANGS]
    kind = _scalar_type(values)
    if kind != JSON:
        return [Column(name, kind, name)]
    shape = None
    if all(isinstance(v, dict) for v in values):
        shape = "object"
    elif all(isinstance(v, list) for v in values):
        shape = "array"
    return [Column(name, JSON, name, json_shape=shape)]


def _distinct(columns: list[Column]) -> list[Column]:
    """Columns whose names differ even ignoring case (as SQL sees them): a field `Name` or
    `name_fr` beside a bilingual `name` gets a suffix rather than clash."""
    seen: set[str] = set()
    found = []
    for column in columns:
        name, number = column.name, 1
        while name.casefold() in seen:
            number += 1
            name = f"{column.name}_{number}"
        seen.add(name.casefold())
        found.append(column if name == column.name else replace(column, name=name))
    return found


def _cell(column: Column, data: dict[str, Any]) -> Any:
    if column.field not in data:
        return None
    value = data[column.field]
    if column.lang is not None:
        text = value.get(column.lang) if isinstance(value, dict) else None
        return scalar_text(text) if text is not None else None
    if column.type == JSON:
        return None if value is None else to_json_text(value)
    return value


def _references(registry: Registry, kind: str) -> dict[str, str]:
    """Top-level fields that name one record of another kind: field -> target kind."""
    return {
        pattern[0]: target
        for pattern, target in registry.schemas.references(KINDS[kind].schema)
        if len(pattern) == 1
    }


def kind_table(registry: Registry, kind: str, datas: list[dict[str, Any]]) -> Table:
    columns: list[Column] = []
    for name in _field_order(registry, kind, datas):
        values = [data[name] for data in datas if name in data and data[name] is not None]
        columns += _columns(name, values)
    if not any(column.name == "id" for column in columns):
        columns.insert(0, Column("id", STRING, "id"))
    columns = _distinct(columns)
    records = registry.of(kind)
    rows = [
        tuple(record.id if c.name == "id" else _cell(c, data) for c in columns)
        for record, data in zip(records, datas, strict=True)
    ]
    refs = _references(registry, kind)
    keys = tuple(
        ForeignKey((c.name,), refs[c.name], ("id",))
        for c in columns
        if c.name in refs and c.type == STRING
    )
    return Table(kind, tuple(columns), rows, ("id",), keys, kind=kind)


# -- records, claims, sources, links -----------------------------------------------------------

RECORDS_COLUMNS = (
    Column("kind", STRING, "kind"),
    Column("id", STRING, "id"),
    Column("name_fr", STRING, "name", "fr"),
    Column("name_en", STRING, "name", "en"),
    Column("file", STRING, "file"),
)
CLAIMS_COLUMNS = (
    Column("kind", STRING, "kind"),
    Column("id", STRING, "id"),
    Column("path", STRING, "path"),
    Column("field", STRING, "field"),
    Column("value", STRING, "value"),
    Column("number", NUMBER, "number"),
    Column("unit", STRING, "unit"),
    Column("qualifier", STRING, "qualifier"),
    Column("as_of", STRING, "as_of"),
    Column("sources", JSON, "sources", json_shape="array"),
    Column("disputed", BOOLEAN, "disputed"),
    Column("seed_deck", BOOLEAN, "seed_deck"),
    Column("superseded", BOOLEAN, "superseded"),
    Column("note_fr", STRING, "note", "fr"),
    Column("note_en", STRING, "note", "en"),
)
SOURCES_COLUMNS = (
    Column("kind", STRING, "kind"),
    Column("id", STRING, "id"),
    Column("position", INTEGER, "position"),
    Column("source", STRING, "source"),
    Column("title", STRING, "title"),
    Column("url", STRING, "url"),
    Column("publisher", STRING, "publisher"),
    Column("date", STRING, "date"),
    Column("weak", BOOLEAN, "weak"),
    Column("seed_deck", BOOLEAN, "seed_deck"),
)
LINKS_COLUMNS = (
    Column("from_kind", STRING, "from_kind"),
    Column("from_id", STRING, "from_id"),
    Column("field", STRING, "field"),
    Column("to_kind", STRING, "to_kind"),
    Column("to_id", STRING, "to_id"),
    Column("file", STRING, "file"),
    Column("line", INTEGER, "line"),
)
TO_RECORDS = ("records", ("kind", "id"))


def build(registry: Registry) -> Tables:
    from walcli.export.rows import claim_rows, link_rows, name_in, record_texts, source_rows

    """Every table of the registry, in a fixed order."""
    clash = set(RESERVED) & set(KINDS)
    if clash:  # a kind named like a fixed table would overwrite it
        raise ValueError(f"kinds {sorted(clash)} clash with export tables")
    datas = exported_data(registry)
    records, claims, sources, links, texts = [], [], [], [], []
    kinds = []
    for kind, kind_datas in datas.items():
        for record, data in zip(registry.of(kind), kind_datas, strict=True):
            records.append((kind, record.id, name_in(data, "fr"), name_in(data, "en"), record.file))
            claims += claim_rows(record, data)
            sources += source_rows(record, data)
            links += link_rows(registry, record)
            texts += record_texts(record, data)
        kinds.append(kind_table(registry, kind, kind_datas))
    to_records = (ForeignKey(("kind", "id"), *TO_RECORDS),)
    tables = [
        Table("records", RECORDS_COLUMNS, records, ("kind", "id")),
        *kinds,
        Table("claims", CLAIMS_COLUMNS, claims, ("kind", "id", "path"), to_records),
        Table("sources", SOURCES_COLUMNS, sources, ("kind", "id", "position"), to_records),
        Table(
            "links",
            LINKS_COLUMNS,
            links,
            ("from_kind", "from_id", "field"),
            (
                ForeignKey(("from_kind", "from_id"), *TO_RECORDS),
                ForeignKey(("to_kind", "to_id"), *TO_RECORDS),
            ),
        ),
    ]
    counts = {kind: len(kind_datas) for kind, kind_datas in datas.items()}
    return Tables(tables, texts, counts, datas)


# -- texts for full-text search ----------------------------------------------------------------

"""Values as a reader sees them in a report: dates, money and numbers in the page's language
(what a field holds is read from the schemas), and the sources a page cites, numbered."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from walcli.core.dates import span
from walcli.core.kinds import KINDS
from walcli.core.registry import Record, Registry
from walcli.core.text import scalar_text
from walcli.i18n import format as fmt
from walcli.schema.walker import subschemas

TYPE = "#type"  # the key of a type in a tree of field names (no field name starts with #)
LABEL = "#label"  # the key of a field's label ({"fr": ..., "en": ...}, the schema's x-label)
# What a subschema's $ref says its value is (the last part of the reference).
_TYPES = {"date": "date", "euros": "euros", "url": "url"}

Tree = dict[str, Any]


def type_tree(registry: Registry, kind: str) -> Tree:
    """Field names down to typed values: {"budget": {"*": {"value": {TYPE: "euros"}}}}."""
    root: Tree = {}
    for pattern, node in subschemas(registry.schemas.documents, KINDS[kind].schema):
        ref = node.get("$ref")
        found = _TYPES.get(ref.rsplit("/", 1)[-1]) if isinstance(ref, str) else None
        named = node.get("x-label")
        if found is None and not isinstance(named, dict):
            continue
        branch = root
        for part in pattern:
            branch = branch.setdefault(part, {})
        if found is not None:
            branch.setdefault(TYPE, found)
        if isinstance(named, dict):
            branch.setdefault(LABEL, named)
    return root


def below(tree: Tree | None, key: str | int) -> Tree | None:
    """The branch of a field (or of any list item)."""
    if tree is None:
        return None
    if isinstance(key, str) and key in tree:
        found: Tree | None = tree[key]
        return found
    return tree.get("*")


def labelled(tree: Tree | None, lang: str) -> str | None:
    """The schema's label of a field, in lang."""
    found = tree.get(LABEL) if tree else None
    text = found.get(lang) if isinstance(found, dict) else None
    return text if isinstance(text, str) and text.strip() else None


def typed(tree: Tree | None) -> str | None:
    found = tree.get(TYPE) if tree else None
    return found if isinstance(found, str) else None


@dataclass
class Formatter:
    """Scalars in one language: dates at their precision, euros, numbers."""

    lang: str

    def scalar(self, value: Any, kind: str | None = None) -> str:
        if kind == "date" or (kind is None and isinstance(value, str) and span(value)):
            return fmt.date(value, self.lang) if span(value) else scalar_text(value)
        if isinstance(value, bool) or not isinstance(value, int | float):
            return scalar_text(value)
        if value != value or value in (float("inf"), float("-inf")):  # NaN, infinities
            return scalar_text(value)
        if kind == "euros":
            return fmt.money(value, self.lang)
        return fmt.number(value, self.lang)

    def figure(self, value: Any, unit: Any) -> str:
        """A figure's value with its unit: 2,9 milliards €, 85 %, 11 000."""
        if isinstance(value, int | float) and not isinstance(value, bool):
            if unit == "euros":
                return self.scalar(value, "euros")
            if unit == "percent":
                return fmt.percent(value, self.lang)
        return self.scalar(value)


@dataclass
class Note:
    number: int
    title: str
    publisher: str
    date: str
    url: str
    seed_deck: bool


@dataclass
class Notes:
    """The sources a page cites, numbered in the order they are first cited."""

    formatter: Formatter
    by_record: dict[tuple[str, str], dict[str, dict[str, Any]]] = field(default_factory=dict)
    numbers: dict[tuple[str, str, str], int] = field(default_factory=dict)
    cited: list[Note] = field(default_factory=list)
    same: dict[tuple[str, str, str, str, bool], int] = field(default_factory=dict)

    def _sources(self, record: Record) -> dict[str, dict[str, Any]]:
        key = (record.kind, record.id)
        if key not in self.by_record:
            listed = record.data.get("sources")
            self.by_record[key] = {
                s["id"]: s
                for s in (listed if isinstance(listed, list) else [])
                if isinstance(s, dict) and isinstance(s.get("id"), str)
            }
        return self.by_record[key]

    def cite(self, record: Record, source_id: str) -> int | None:
        """The note number of one of the record's sources (None: the record has none such)."""
        key = (record.kind, record.id, source_id)
        if key in self.numbers:
            return self.numbers[key]
        source = self._sources(record).get(source_id)
        if source is None:
            return None
        note = self._note(len(self.cited) + 1, source)
        same = (note.title, note.publisher, note.date, note.url, note.seed_deck)
        if same not in self.same:  # records citing one page alike share its note
            self.same[same] = note.number
            self.cited.append(note)
        self.numbers[key] = self.same[same]
        return self.numbers[key]

    def cite_all(self, record: Record, value: Any) -> list[int]:
        """The notes for the sources a mapping cites in its own `sources` list."""
        found = value.get("sources") if isinstance(value, dict) else None
        ids = [s for s in found if isinstance(s, str)] if isinstance(found, list) else []
        numbers = [n for n in (self.cite(record, s) for s in ids) if n is not None]
        return sorted(set(numbers))

    def uncited(self, record: Record) -> list[Note]:
        """The record's sources no fact of the page cites, in the record's order."""
        return [
            self._note(0, source)
            for source_id, source in self._sources(record).items()
            if (record.kind, record.id, source_id) not in self.numbers
        ]

    def _note(self, number: int, source: dict[str, Any]) -> Note:
        def text(key: str) -> str:
            value = source.get(key)
            return "" if value is None or isinstance(value, dict | list) else scalar_text(value)

        date = source.get("date")
        return Note(
            number,
            text("title") or text("id"),
            text("publisher"),
            self.formatter.scalar(date, "date") if date is not None else "",
            text("url"),
            source.get("kind") == "seed-deck",
        )

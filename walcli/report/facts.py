"""Dates as a reader reads them in a report's language, and the sources a page cites,
numbered in the order they are first cited (one note per source, whichever record cites it)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from walcli.core.dates import span
from walcli.core.registry import Record
from walcli.core.text import scalar_text
from walcli.i18n import format as fmt


@dataclass
class Formatter:
    """Dates in one language, at their precision."""

    lang: str

    def date(self, value: Any) -> str:
        return fmt.date(value, self.lang) if span(value) else scalar_text(value)


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
            self.formatter.date(date) if date is not None else "",
            text("url"),
            source.get("kind") == "seed-deck",
        )

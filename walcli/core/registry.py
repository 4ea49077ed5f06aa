"""Records and the registry: every record of every kind, by id, with references out and in."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any

from walcli.core.errors import RecordNotFound, UsageError
from walcli.core.kinds import KINDS
from walcli.core.paths import JsonPath, pointer, values_at
from walcli.core.problems import Code, Problem
from walcli.core.suggest import same, with_hint

if TYPE_CHECKING:
    from walcli.i18n.catalog import Msg
    from walcli.io.yaml import Document
    from walcli.schema.set import SchemaSet


@dataclass(frozen=True, slots=True)
class Record:
    kind: str
    id: str  # the file stem: the id the registry knows it by
    file: str  # relative to the root, POSIX
    doc: Document

    @property
    def data(self) -> dict[str, Any]:
        data: dict[str, Any] = self.doc.data
        return data

    def problem(
        self, path: JsonPath, code: Code, message: str | Msg, *, key: bool = False
    ) -> Problem:
        """A problem located at a path of this record (at the key, when asked)."""
        line, column = self.doc.locate(path, key=key)
        return code.at(self.file, line, column, pointer(path), message)


@dataclass(frozen=True, slots=True)
class Reference:
    source: Record
    path: JsonPath
    target_kind: str
    target_id: str


@dataclass
class Registry:
    root: Path
    records: dict[str, dict[str, Record]] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    broken: dict[str, set[str]] = field(default_factory=dict)  # ids whose file did not load
    _ids: dict[str, frozenset[str]] = field(default_factory=dict, repr=False)

    @cached_property
    def schemas(self) -> SchemaSet:
        from walcli.schema.set import SchemaSet

        return SchemaSet.load(self.root)

    def of(self, kind: str) -> list[Record]:
        return [self.records[kind][key] for key in sorted(self.records.get(kind, {}))]

    def all(self) -> list[Record]:
        return [record for kind in sorted(self.records) for record in self.of(kind)]

    def count(self) -> int:
        return sum(len(by_id) for by_id in self.records.values())

    def ids(self, kind: str) -> frozenset[str]:
        """Every id of a kind, including files that failed to load (computed once: the
        registry does not change after loading, and validation asks once per reference)."""
        cached = self._ids.get(kind)
        if cached is None:
            cached = frozenset(self.records.get(kind, {})) | self.broken.get(kind, set())
            self._ids[kind] = cached
        return cached

    def get(self, kind: str, record_id: str) -> Record:
        """The record of a kind by id, case and accents ignored (`BIOWIN` is biowin); else
        RecordNotFound suggesting ids that start with, contain or look like what was typed."""
        by_id = self.records.get(kind, {})
        found = by_id.get(record_id) or by_id.get(same(record_id, by_id) or "")
        if found is None:
            raise RecordNotFound(
                with_hint(_no_such("errors.no_record", kind, record_id), record_id, by_id)
            )
        return found

    def resolve_id(self, kind: str, record_id: str, option: str) -> str:
        """A filter value naming a record must name one (case and accents ignored): its id,
        else a usage error with suggestions."""
        known = self.ids(kind)
        if record_id in known:
            return record_id
        found = same(record_id, known)
        if found is None:
            message = _no_such("errors.no_record_option", kind, record_id, option=option)
            raise UsageError(with_hint(message, record_id, known))
        return found

    def check_id(self, kind: str, record_id: str, option: str) -> None:
        self.resolve_id(kind, record_id, option)

    def references_of(self, record: Record) -> list[Reference]:
        found = []
        for pattern, target in self.schemas.references(KINDS[record.kind].schema):
            for path, value in values_at(record.data, pattern):
                if isinstance(value, str):
                    found.append(Reference(record, path, target, value))
        return found

    def referenced_by(self, record: Record) -> list[Reference]:
        return [
            ref
            for other in self.all()
            for ref in self.references_of(other)
            if ref.target_id == record.id and ref.target_kind == record.kind
        ]


def _no_such(key: str, kind: str, record_id: str, **fields: str) -> Msg:
    from walcli.i18n.catalog import msg

    return msg(key, kind=msg(f"common.kind.{KINDS[kind].singular}"), id=record_id, **fields)

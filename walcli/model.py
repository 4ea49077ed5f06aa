"""Records and the registry: every file of every kind, by id, with references out and in."""

from __future__ import annotations

import difflib
import functools
import gc
import os
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

from walcli.errors import RecordNotFound, UsageError
from walcli.kinds import KINDS, Kind
from walcli.loader import Document, JsonPath, read_file
from walcli.problems import CODES, Problem, Severity, pointer
from walcli.refs import values_at
from walcli.schemas import SchemaSet

RECORD_SUFFIX = ".yaml"
MAX_MESSAGE = 300


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

    def problem(self, path: JsonPath, code: str, message: str, *, key: bool = False) -> Problem:
        """A problem located at a path of this record (at the key, when asked)."""
        line, column = self.doc.locate(path, key=key)
        severity = CODES[code].severity if code in CODES else Severity.ERROR
        if len(message) > MAX_MESSAGE:
            message = message[: MAX_MESSAGE - 1] + "…"
        return Problem(self.file, line, column, pointer(path), code, severity, message)


@dataclass(frozen=True, slots=True)
class Reference:
    source: Record
    path: JsonPath
    target_kind: str
    target_id: str


def suggest(value: str, choices: Iterable[str], n: int = 3) -> list[str]:
    if isinstance(choices, frozenset):  # a registry's ids: many references may miss alike
        return list(_suggest_among(value, choices, n))
    return difflib.get_close_matches(value, sorted(choices), n=n, cutoff=0.5)


@functools.lru_cache(maxsize=256)
def _suggest_among(value: str, choices: frozenset[str], n: int) -> tuple[str, ...]:
    """Remembered: with 20,000 ids one look-up takes a tenth of a second, and a deleted
    record leaves every record that named it with the same unknown id."""
    return tuple(difflib.get_close_matches(value, sorted(choices), n=n, cutoff=0.5))


def did_you_mean(value: str, choices: Iterable[str]) -> str:
    close = suggest(value, choices)
    return f"; did you mean {', '.join(close)}?" if close else ""


def _problem(file: str, code: str, message: str) -> Problem:
    return Problem(file, 1, 1, "", code, CODES[code].severity, message)


@dataclass
class Registry:
    root: Path
    records: dict[str, dict[str, Record]] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    broken: dict[str, set[str]] = field(default_factory=dict)  # ids whose file did not load
    _ids: dict[str, frozenset[str]] = field(default_factory=dict, repr=False)

    @cached_property
    def schemas(self) -> SchemaSet:
        return SchemaSet.load(self.root)

    def of(self, kind: str) -> list[Record]:
        return [self.records[kind][key] for key in sorted(self.records.get(kind, {}))]

    def all(self) -> list[Record]:
        return [record for kind in sorted(self.records) for record in self.of(kind)]

    def ids(self, kind: str) -> frozenset[str]:
        """Every id of a kind, including files that failed to load (computed once: the
        registry does not change after loading, and validation asks once per reference)."""
        cached = self._ids.get(kind)
        if cached is None:
            cached = frozenset(self.records.get(kind, {})) | self.broken.get(kind, set())
            self._ids[kind] = cached
        return cached

    def get(self, kind: str, record_id: str) -> Record:
        found = self.records.get(kind, {}).get(record_id)
        if found is None:
            hint = did_you_mean(record_id, self.records.get(kind, {}))
            raise RecordNotFound(f"no {KINDS[kind].singular} with id {record_id!r}{hint}")
        return found

    def check_id(self, kind: str, record_id: str, option: str) -> None:
        """A filter value naming a record must name one: else a usage error with suggestions."""
        known = self.ids(kind)
        if record_id not in known:
            hint = did_you_mean(record_id, known)
            raise UsageError(f"{option}: no {KINDS[kind].singular} {record_id!r}{hint}")

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


def _scan_kind(registry: Registry, kind: Kind, track: bool) -> None:
    folder = registry.root / kind.folder
    registry.records[kind.name] = {}
    registry.broken[kind.name] = set()
    if not folder.is_dir():
        return
    root_real = registry.root.resolve()
    with os.scandir(folder) as entries:
        names = sorted((entry.name, entry) for entry in entries if not entry.name.startswith("."))
    for name, entry in names:
        rel = f"{kind.folder}/{name}"
        if not name.endswith(RECORD_SUFFIX):
            what = "folder" if entry.is_dir() else "file"
            hint = " (rename it to .yaml)" if name.endswith(".yml") else ""
            registry.problems.append(_problem(rel, "stray-file", f"skipped {what}{hint}"))
            continue
        stem = name[: -len(RECORD_SUFFIX)]
        loaded = _read_entry(entry, rel, root_real, track)
        if isinstance(loaded, Problem):
            registry.problems.append(loaded)
            registry.broken[kind.name].add(stem)
        else:
            registry.records[kind.name][stem] = Record(kind.name, stem, rel, loaded)


def _read_entry(entry: os.DirEntry[str], rel: str, root: Path, track: bool) -> Document | Problem:
    path = Path(entry.path)
    if entry.is_symlink():
        target = path.resolve()
        if not target.is_relative_to(root):
            return _problem(rel, "link-outside-root", "the link points outside the registry")
    if not entry.is_file():
        return _problem(rel, "not-a-file", "not a regular file")
    return read_file(path, rel, track=track)


def _scan_strays(registry: Registry) -> None:
    data = registry.root / "data"
    for entry in sorted(os.scandir(data), key=lambda e: e.name):
        if entry.name not in KINDS and not entry.name.startswith("."):
            registry.problems.append(
                _problem(f"data/{entry.name}", "stray-file", "not a kind's folder: skipped")
            )


def load_registry(
    root: Path, kinds: Iterable[str] | None = None, *, track: bool = True
) -> Registry:
    """Read the given kinds (all by default). Files that fail to load become problems."""
    registry = Registry(root)
    chosen = list(KINDS) if kinds is None else sorted(set(kinds))
    # Loading only adds objects that live on (and short-lived node trees that reference
    # counting frees), so the cyclic collector has nothing to find; yet its passes over the
    # growing registry would double the load time. It resumes, as it was, once loaded.
    collecting = gc.isenabled()
    gc.disable()
    try:
        for name in chosen:
            _scan_kind(registry, KINDS[name], track)
        if kinds is None:
            _scan_strays(registry)
    finally:
        if collecting:
            gc.enable()
    return registry

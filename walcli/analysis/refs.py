"""Links between records, both ways: what a record references, what references it, and the
records around it within a number of steps. Plain data (RefItem, RefsView) for `wal refs`,
and the link index that `wal graph` and `wal timeline --record` walk too.

A link is one reference value written in a record (a field the schemas mark `x-ref`); it is
located where it is written: the referencing record's file and line.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from walcli.core.errors import RecordNotFound, UsageError
from walcli.core.kinds import KINDS
from walcli.core.paths import JsonPath, dotted
from walcli.core.registry import Record, Reference, Registry
from walcli.core.suggest import suggest
from walcli.core.text import localize, scalar_text
from walcli.i18n import t

Key = tuple[str, str]  # (kind, id): a record, present or not


def key_of(record: Record) -> Key:
    return record.kind, record.id


def field_of(path: JsonPath) -> str:
    """The field a path is in, without list indexes (programmes.0.domains.1 gives
    programmes.domains)."""
    return ".".join(part for part in path if isinstance(part, str))


def path_order(path: JsonPath) -> tuple[tuple[int, int | str], ...]:
    """Sorts paths as they read: timeline.2 before timeline.10, indexes before names."""
    return tuple((0, part) if isinstance(part, int) else (1, part) for part in path)


def kind_named(name: str, lang: str) -> str:
    """A kind by its plural (poles) or singular (pole) name: else a usage error."""
    for kind in KINDS.values():
        if name in (kind.name, kind.singular):
            return kind.name
    raise UsageError(t("xref.error.kind", lang, given=name, known=", ".join(KINDS)))


def name_of(registry: Registry, key: Key, lang: str) -> str:
    """A record's name in lang; a missing record says so."""
    found = registry.records.get(key[0], {}).get(key[1])
    if found is None:
        return t("xref.missing", lang)
    return scalar_text(localize(found.data.get("name"), lang))


def find_record(registry: Registry, given: str, lang: str, kind: str | None = None) -> Record:
    """The record an id names, whatever its case; its kind inferred unless given."""
    kinds = [kind] if kind else list(KINDS)
    wanted = given.strip().casefold()
    found = [
        record
        for name in kinds
        for record_id, record in registry.records.get(name, {}).items()
        if record_id.casefold() == wanted
    ]
    exact = [record for record in found if record.id == given.strip()]
    if len(exact) == 1 or len(found) == 1:
        return exact[0] if exact else found[0]
    if found:
        names = ", ".join(sorted({record.kind for record in found}))
        raise UsageError(t("xref.error.ambiguous", lang, id=given, kinds=names))
    known = {record_id for name in kinds for record_id in registry.records.get(name, {})}
    close = suggest(wanted, frozenset(known))
    hint = t("xref.error.did_you_mean", lang, ids=", ".join(close)) if close else ""
    elsewhere = sorted(
        name
        for name in KINDS
        if name not in kinds and any(i.casefold() == wanted for i in registry.records.get(name, {}))
    )
    if elsewhere:
        hint = t("xref.error.other_kind", lang, kinds=", ".join(elsewhere))
    if kind is None:
        raise RecordNotFound(t("xref.error.not_found", lang, id=given) + hint)
    what = t(f"common.kind.{KINDS[kind].singular}", lang)
    raise RecordNotFound(t("xref.error.not_found_kind", lang, what=what, id=given) + hint)


@dataclass
class Links:
    """Every link of a registry, by the record that writes it and by the record it names:
    computed once, so walking the neighbourhood of a record costs its links, not the
    registry."""

    registry: Registry
    out: dict[Key, list[Reference]]
    into: dict[Key, list[Reference]]

    @classmethod
    def of(cls, registry: Registry) -> Links:
        out: dict[Key, list[Reference]] = {}
        into: dict[Key, list[Reference]] = {}
        for record in registry.all():
            found = registry.references_of(record)
            out[key_of(record)] = found
            for ref in found:
                into.setdefault((ref.target_kind, ref.target_id), []).append(ref)
        return cls(registry, out, into)

    def exists(self, key: Key) -> bool:
        return key[1] in self.registry.records.get(key[0], {})

    def steps(self, key: Key) -> Iterator[tuple[Reference, Key, bool]]:
        """(link, the record at its other end, whether it goes out of key)."""
        for ref in self.out.get(key, ()):
            yield ref, (ref.target_kind, ref.target_id), True
        for ref in self.into.get(key, ()):
            yield ref, key_of(ref.source), False

    def around(self, start: Key, depth: int) -> dict[Key, int]:
        """The records within depth links of start, following links both ways, each with its
        distance (start at 0). Breadth first with a seen set, so cycles end."""
        reached = {start: 0}
        queue = deque([start])
        while queue:
            key = queue.popleft()
            if reached[key] >= depth:
                continue
            for _, other, _ in self.steps(key):
                if other not in reached and self.exists(other):
                    reached[other] = reached[key] + 1
                    queue.append(other)
        return reached


@dataclass(frozen=True)
class RefItem:
    """One link as `wal refs` lists it: the record at its far end, and where it is written."""

    kind: str  # the record at the far end of the link
    id: str
    name: str
    path: str  # dotted path of the reference value, in the file that writes it
    field: str  # the same without list indexes
    file: str  # the file the link is written in
    line: int
    depth: int  # links walked from the asked record
    via: Key  # the record the walk reached this link from (the asked record at depth 1)
    missing: bool = False  # the far end names no record of the registry

    def as_dict(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "id": self.id,
            "name": self.name,
            "path": self.path,
            "field": self.field,
            "file": self.file,
            "line": self.line,
            "depth": self.depth,
            "via": {"kind": self.via[0], "id": self.via[1]},
            "missing": self.missing,
        }

    def order(self) -> tuple[Any, ...]:
        return (self.depth, self.via, self.kind, self.field, self.id, self.file, self.line)


@dataclass(frozen=True)
class RefsView:
    kind: str
    id: str
    name: str
    file: str
    depth: int
    references: list[RefItem]
    referenced_by: list[RefItem]
    lang: str  # the language of the names

    def as_dict(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "id": self.id,
            "name": self.name,
            "file": self.file,
            "depth": self.depth,
            "references": [item.as_dict() for item in self.references],
            "referenced_by": [item.as_dict() for item in self.referenced_by],
        }


def _item(
    links: Links, ref: Reference, far: Key, outward: bool, depth: int, via: Key, lang: str
) -> RefItem:
    line, _ = ref.source.doc.locate(ref.path)
    return RefItem(
        kind=far[0],
        id=far[1],
        name=name_of(links.registry, far, lang),
        path=dotted(ref.path),
        field=field_of(ref.path),
        file=ref.source.file,
        line=line,
        depth=depth,
        via=via,
        missing=outward and not links.exists(far),
    )


def refs(
    registry: Registry, record: Record, lang: str, depth: int = 1, links: Links | None = None
) -> RefsView:
    """The links of a record, and with depth > 1 the links of the records they reach, both
    ways. Each link is listed once, at the depth it is first met; each record is walked once."""
    links = links or Links.of(registry)
    start = key_of(record)
    reached = {start: 0}
    queue = deque([start])
    seen: set[tuple[Key, JsonPath]] = set()
    out: list[RefItem] = []
    back: list[RefItem] = []
    while queue:
        key = queue.popleft()
        if reached[key] >= depth:
            continue
        for ref, far, outward in links.steps(key):
            written = (key_of(ref.source), ref.path)
            if written in seen:
                continue
            seen.add(written)
            item = _item(links, ref, far, outward, reached[key] + 1, key, lang)
            (out if outward else back).append(item)
            if far not in reached and links.exists(far):
                reached[far] = reached[key] + 1
                queue.append(far)
    return RefsView(
        kind=record.kind,
        id=record.id,
        name=name_of(registry, start, lang),
        file=record.file,
        depth=depth,
        references=sorted(out, key=RefItem.order),
        referenced_by=sorted(back, key=RefItem.order),
        lang=lang,
    )


def check_kinds(names: Iterable[str] | None, lang: str) -> list[str]:
    """Kinds given on the command line (plural or singular), validated, in order, once each."""
    chosen: list[str] = []
    for name in names or []:
        kind = kind_named(name, lang)
        if kind not in chosen:
            chosen.append(kind)
    return chosen

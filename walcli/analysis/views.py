"""What list and show present, computed from the registry, independent of any terminal."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from walcli.core.kinds import KINDS
from walcli.core.paths import dotted
from walcli.core.registry import Record, Reference, Registry
from walcli.core.text import localize, scalar_text
from walcli.query.values import lookup


def projected(records: list[Record], columns: list[str] | None) -> list[dict[str, Any]]:
    """Records for machine formats: whole, or only the asked columns."""
    if not columns:
        return [r.data for r in records]
    result = []
    for record in records:
        item: dict[str, Any] = {}
        for column in columns:
            found = lookup(record.data, column)
            item[column] = found[0] if len(found) == 1 else (found or None)
        result.append(item)
    return result


def record_name(registry: Registry, kind: str, record_id: str, lang: str) -> str:
    found = registry.records.get(kind, {}).get(record_id)
    if found is None:
        return "(missing)"
    return scalar_text(localize(found.data.get("name"), lang))


@dataclass(frozen=True)
class Link:
    kind: str
    id: str
    name: str
    path: str

    def as_dict(self) -> dict[str, str]:
        return {"kind": self.kind, "id": self.id, "path": self.path}


@dataclass(frozen=True)
class RecordView:
    record: Record
    title: str
    fields: Any  # the record without id and name, localized
    references: list[Link]
    referenced_by: list[Link]

    def as_data(self) -> dict[str, Any]:
        """The record as in the YAML, plus its links (under a key no record field can take)."""
        return {
            **self.record.data,
            "_links": {
                "references": [link.as_dict() for link in self.references],
                "referenced_by": [link.as_dict() for link in self.referenced_by],
            },
        }


def record_view(registry: Registry, record: Record, lang: str) -> RecordView:
    def out(ref: Reference) -> Link:
        return Link(
            ref.target_kind,
            ref.target_id,
            record_name(registry, ref.target_kind, ref.target_id, lang),
            dotted(ref.path),
        )

    def back(ref: Reference) -> Link:
        source = ref.source
        return Link(
            source.kind,
            source.id,
            record_name(registry, source.kind, source.id, lang),
            dotted(ref.path),
        )

    name = scalar_text(localize(record.data.get("name"), lang))
    fields = {k: localize(v, lang) for k, v in record.data.items() if k not in ("id", "name")}
    return RecordView(
        record=record,
        title=f"{name} ({KINDS[record.kind].singular} {record.id})",
        fields=fields,
        references=sorted(
            map(out, registry.references_of(record)), key=lambda link: (link.path, link.id)
        ),
        referenced_by=sorted(
            map(back, registry.referenced_by(record)),
            key=lambda link: (link.kind, link.id, link.path),
        ),
    )

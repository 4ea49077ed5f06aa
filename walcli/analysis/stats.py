"""How complete and how well sourced the registry is, per kind: the numbers behind `wal stats`.

Pure: a loaded registry in, plain values out (no typer, no rich). What is counted:

- records: the records of the kind that loaded;
- fields: for every top-level field the kind's schema declares (in its order), how many
  records have it; fields found in records but not declared follow, sorted;
- facts: every mapping below a record's top-level fields that is an item of a list (a claim,
  a series item, an axis, an actor...) or carries its own `sources` (an acronym, a legal form),
  except bilingual texts, the record's own `sources` entries and open questions; plus every
  field `F` for which the schema declares `F_sources` (a pole's `labelled_by`), sourced by it;
- sourced / unsourced: facts that cite at least one source, and those that cite none;
- weak-only: sourced facts all of whose sources the record marks `weak: true`;
- conflicts: lists of claims whose values disagree (dates agree when one is a coarser form
  of the other: 2006-07 and 2006-07-01 agree, 2006 and 2007 do not);
- seed-deck: facts attributed to the seed deck (`attributed_to: seed-deck`);
- open questions: items recorded as UNCONFIRMED (`status: unconfirmed`), never as facts;
- qualified: facts whose value the source words as approximate or bounded (`qualifier`, or a
  series item's `qualifiers`: about, more than, up to...);
- superseded: claims a later source replaced (`superseded: true`), kept as history;
- links: references to other records (every `x-ref` value); sourced links: those backed by
  sources of their own (`FIELD_sources` beside the field, or `sources` on the link's item).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from walcli.core.claims import SEED_DECK, disagree, is_claims
from walcli.core.kinds import KINDS
from walcli.core.registry import Record, Registry
from walcli.core.text import is_text

RECORD_KEYS = ("id", "name", "summary", "sources")
COUNTS = (
    "facts",
    "sourced",
    "unsourced",
    "weak_only",
    "conflicts",
    "seed_deck",
    "open_questions",
    "qualified",
    "superseded",
    "links",
    "sourced_links",
)
# The rows of the summary: the measure's name in tables, its attribute (and JSON key).
MEASURES = (
    ("records", "records"),
    ("facts", "facts"),
    ("sourced", "sourced"),
    ("unsourced", "unsourced"),
    ("weak-only", "weak_only"),
    ("conflicts", "conflicts"),
    ("seed-deck", "seed_deck"),
    ("open-questions", "open_questions"),
    ("qualified", "qualified"),
    ("superseded", "superseded"),
    ("links", "links"),
    ("sourced-links", "sourced_links"),
)


@dataclass
class KindStats:
    kind: str
    records: int = 0
    fields: dict[str, int] = field(default_factory=dict)  # field -> records having it
    facts: int = 0
    sourced: int = 0
    unsourced: int = 0
    weak_only: int = 0
    conflicts: int = 0
    seed_deck: int = 0
    open_questions: int = 0
    qualified: int = 0
    superseded: int = 0
    links: int = 0
    sourced_links: int = 0

    def share(self, name: str) -> float | None:
        return round(self.fields[name] / self.records, 4) if self.records else None

    def as_dict(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "records": self.records,
            **{name: getattr(self, name) for name in COUNTS},
            "fields": [
                {"field": name, "present": count, "share": self.share(name)}
                for name, count in self.fields.items()
            ],
        }


@dataclass
class Stats:
    kinds: list[KindStats]

    def total(self) -> dict[str, int]:
        totals = {"records": sum(k.records for k in self.kinds)}
        for name in COUNTS:
            totals[name] = sum(getattr(k, name) for k in self.kinds)
        return totals

    def as_dict(self) -> dict[str, Any]:
        return {"kinds": [k.as_dict() for k in self.kinds], "total": self.total()}


# -- counting -------------------------------------------------------------------------------------


def _is_open_question(value: dict[str, Any]) -> bool:
    return value.get("status") == "unconfirmed" and "topic" in value


def _mappings(value: Any, in_list: bool = False) -> Iterator[tuple[dict[str, Any], bool]]:
    """Every mapping under a value (not bilingual texts), and whether it is a list item."""
    if isinstance(value, dict):
        if is_text(value):
            return
        yield value, in_list
        for item in value.values():
            yield from _mappings(item)
    elif isinstance(value, list):
        for item in value:
            yield from _mappings(item, True)


def _count_fact(stats: KindStats, cited: Any, weak: set[str]) -> None:
    """One fact: sourced (by weak sources only?) or not."""
    stats.facts += 1
    if isinstance(cited, list) and cited:
        stats.sourced += 1
        if all(c in weak for c in cited):
            stats.weak_only += 1
    else:
        stats.unsourced += 1


def _count_record(stats: KindStats, record: Record, sourced_refs: list[str]) -> None:
    data = record.data
    sources = data.get("sources")
    weak: set[str] = {
        s["id"]
        for s in (sources if isinstance(sources, list) else [])
        if isinstance(s, dict) and s.get("weak") is True and isinstance(s.get("id"), str)
    }
    for name, value in data.items():
        if name in RECORD_KEYS:
            continue
        for mapping, in_list in _mappings(value):
            if _is_open_question(mapping):
                stats.open_questions += 1
                continue
            if not in_list and "sources" not in mapping:
                continue
            _count_fact(stats, mapping.get("sources"), weak)
            if mapping.get("attributed_to") == SEED_DECK:
                stats.seed_deck += 1
            if mapping.get("qualifier") or mapping.get("qualifiers"):
                stats.qualified += 1
            if mapping.get("superseded") is True:
                stats.superseded += 1
        for found in _lists(value):
            if is_claims(found) and disagree(found):
                stats.conflicts += 1
    for name in sourced_refs:
        if name not in data:
            continue
        _count_fact(stats, data.get(f"{name}_sources"), weak)


def _lists(value: Any) -> Iterator[list[Any]]:
    if isinstance(value, list):
        yield value
        for item in value:
            yield from _lists(item)
    elif isinstance(value, dict):
        for item in value.values():
            yield from _lists(item)


def _count_links(stats: KindStats, registry: Registry, record: Record) -> None:
    for ref in registry.references_of(record):
        stats.links += 1
        field = ref.path[0]
        item: Any = record.data
        for step in ref.path[:-1]:
            item = item[step]
        backed = isinstance(item, dict) and item is not record.data and item.get("sources")
        if backed or record.data.get(f"{field}_sources"):
            stats.sourced_links += 1


def kind_stats(registry: Registry, kind_name: str) -> KindStats:
    kind = KINDS[kind_name]
    declared = registry.schemas.document(kind.schema).get("properties") or {}
    names = [name for name in declared if isinstance(name, str)]
    sourced_refs = [name for name in names if f"{name}_sources" in declared]
    records = registry.of(kind_name)
    stats = KindStats(kind_name, len(records), {name: 0 for name in names})
    extra: dict[str, int] = {}
    for record in records:
        for name in record.data:
            if name in stats.fields:
                stats.fields[name] += 1
            else:
                extra[name] = extra.get(name, 0) + 1
        _count_record(stats, record, sourced_refs)
        _count_links(stats, registry, record)
    for name in sorted(extra):
        stats.fields[name] = extra[name]
    return stats


def compute(registry: Registry) -> Stats:
    """The statistics of every kind, in the order kinds are declared."""
    return Stats([kind_stats(registry, name) for name in KINDS])

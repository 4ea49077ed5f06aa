"""Every dated fact of the registry as an event, in date order: plain data (Event) for
`wal timeline` and the reports.

Dates are found through the schemas (every place that refers to the shared date definition,
see schema/walker.date_patterns), so a new date field becomes an event without code. What a
date is decides what event it makes:

- a date claim (`presented: [{value: 2005-08-30, sources: [...]}]`) is one event per claim;
  claims on the same fact share a group key, and are marked disputed when they disagree;
- a period (`start`/`end`, or `from`/`to` on an item) is one event with its end;
- a timeline entry is labelled with its own text; any other date with its field's label in
  the language asked (and the name of the item it belongs to: a programme, an action...);
- a date that says as of when a figure held (`as_of`, and every date inside an item of a
  series such as members or projects) is an observation, listed only when asked (`--all`);
- the publication dates of a record's sources are not events.

Each event carries the sources cited nearest to it (the claim's, the item's), else the
record's sources, marked so.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from typing import Any

from walcli.analysis.refs import Key, Links, field_of, path_order
from walcli.core.claims import disagree, is_claim, is_claims, is_seed
from walcli.core.dates import Day, Span, span
from walcli.core.kinds import KINDS
from walcli.core.paths import JsonPath, Pattern, dotted, values_at
from walcli.core.registry import Record, Registry
from walcli.core.text import localize, scalar_text
from walcli.i18n import t
from walcli.i18n.catalog import has
from walcli.query.search import nearest_sources

PERIOD_PAIRS = {"start": "end", "from": "to"}
PERIOD_ENDS = {end: start for start, end in PERIOD_PAIRS.items()}
OBSERVED = "as_of"  # a date saying when a figure or statement held
SERIES_DATE = "date"  # the date of a series item that is an event (a timeline entry)
ENTRY_TEXT = "event"  # a timeline entry's own text
NAME_KEYS = ("name", "title", "label", "text", "event", "domain", "id")


@dataclass(frozen=True)
class Source:
    id: str
    url: str | None
    title: str | None

    def as_dict(self) -> dict[str, Any]:
        return {"id": self.id, "url": self.url, "title": self.title}


@dataclass(frozen=True)
class Event:
    date: str  # ISO text at its precision (a period's start)
    end: str | None  # a period's end; None for a point, or a period whose end is not known
    period: bool
    kind: str
    id: str
    name: str  # the record's name
    path: str  # dotted path of the date (of the period mapping, for a period)
    field: str  # the same without list indexes, `value`, start or from
    label: str
    sources: tuple[Source, ...]
    record_sources: bool  # nothing cites a source for it: the record's sources stand for it
    disputed: bool  # sources disagree on this date (see group)
    seed_deck: bool  # the seed deck's claim
    superseded: bool
    group: str | None  # shared by the claims of one fact, when it has several
    observation: bool
    order: tuple[Any, ...]

    @property
    def first_year(self) -> int:
        return int(self.date[:4])

    @property
    def last_year(self) -> int | None:
        """The last year the event covers; None for a period still open."""
        if self.end is not None:
            return int(self.end[:4])
        return None if self.period else self.first_year

    def as_dict(self) -> dict[str, Any]:
        return {
            "date": self.date,
            "end": self.end,
            "period": self.period,
            "kind": self.kind,
            "id": self.id,
            "name": self.name,
            "path": self.path,
            "field": self.field,
            "label": self.label,
            "sources": [source.as_dict() for source in self.sources],
            "record_sources": self.record_sources,
            "disputed": self.disputed,
            "seed_deck": self.seed_deck,
            "superseded": self.superseded,
            "group": self.group,
            "observation": self.observation,
        }


@cache
def what(kind: str, field: str, lang: str) -> str:
    """The label of a date field: the most specific message for it (kind first), else the
    field itself. programmes.figures.as_of falls back to figures.as_of, then as_of."""
    parts = field.split(".")
    for index in range(len(parts)):
        suffix = ".".join(parts[index:])
        for key in (f"timeline.what.{kind}.{suffix}", f"timeline.what.{suffix}"):
            if has(key):
                return t(key, lang)
    return t("timeline.what.other", lang, field=field)


def _nodes(data: Any, path: JsonPath) -> list[Any]:
    """The values along a path, the record first."""
    found = [data]
    for step in path:
        data = data[step]
        found.append(data)
    return found


def _matches(pattern: Pattern, path: JsonPath) -> bool:
    return len(pattern) <= len(path) and all(
        want == "*" or want == got for want, got in zip(pattern, path, strict=False)
    )


def _observed(path: JsonPath, series: list[Pattern]) -> bool:
    """A date that says when a figure held: as_of, or any date inside a series item other
    than the item's own date (a timeline entry's date is an event)."""
    if path[-1] == OBSERVED:
        return True
    for pattern in series:
        size = len(pattern)
        inside = len(path) > size + 1 and isinstance(path[size], int)
        if inside and _matches(pattern, path) and path[size + 1 :] != (SERIES_DATE,):
            return True
    return False


def _item(nodes: list[Any], path: JsonPath) -> tuple[JsonPath, dict[str, Any]] | None:
    """The innermost list item (not a claim) that holds the date: a programme, an action."""
    for size in range(len(path), 0, -1):
        node = nodes[size]
        if isinstance(path[size - 1], int) and isinstance(node, dict) and not is_claim(node):
            return path[:size], node
    return None


def _item_name(item: dict[str, Any], lang: str) -> str:
    for key in NAME_KEYS:
        if key in item:
            return scalar_text(localize(item[key], lang))
    return ""


def listed_sources(record: Record) -> dict[str, Source]:
    """A record's sources by id (read once per record)."""
    raw = record.data.get("sources")
    found: dict[str, Source] = {}
    for entry in raw if isinstance(raw, list) else []:
        if isinstance(entry, dict) and isinstance(entry.get("id"), str):
            url, title = entry.get("url"), entry.get("title")
            found[entry["id"]] = Source(
                entry["id"],
                url if isinstance(url, str) else None,
                scalar_text(title) if title is not None else None,
            )
    return found


def _sources(
    record: Record, path: JsonPath, listed: dict[str, Source]
) -> tuple[tuple[Source, ...], bool]:
    """The sources cited nearest to a date, else the record's (and whether it fell back)."""
    ids = nearest_sources(record, path)
    if not ids:
        return tuple(listed.values()), True
    return tuple(listed.get(i) or Source(i, None, None) for i in dict.fromkeys(ids)), False


@dataclass(frozen=True)
class _Place:
    """What kind of date sits at a path."""

    at: JsonPath  # the path the event names
    field: str
    start: Span
    end: Span | None
    period: bool
    claims: tuple[JsonPath, list[dict[str, Any]]] | None


def _place(path: JsonPath, nodes: list[Any], when: Span) -> _Place | None:
    """None when the date is carried by another event (the end of a period)."""
    last, parent = path[-1], nodes[-2] if len(nodes) > 1 else None
    if isinstance(parent, dict) and isinstance(last, str):
        if last in PERIOD_ENDS and span(parent.get(PERIOD_ENDS[last])) is not None:
            return None
        if last in PERIOD_PAIRS:
            at = path[:-1]
            return _Place(at, field_of(at), when, span(parent.get(PERIOD_PAIRS[last])), True, None)
    if last == "value" and len(path) >= 3 and is_claims(nodes[-3]):
        claims_path = path[:-2]
        return _Place(path, field_of(claims_path), when, None, False, (claims_path, nodes[-3]))
    return _Place(path, field_of(path), when, None, False, None)


def _label(record: Record, place: _Place, path: JsonPath, nodes: list[Any], lang: str) -> str:
    item = _item(nodes, path)
    if item is not None:
        item_path, node = item
        if path == (*item_path, SERIES_DATE) and ENTRY_TEXT in node:
            return scalar_text(localize(node[ENTRY_TEXT], lang))
    label = what(record.kind, place.field, lang)
    name = _item_name(item[1], lang) if item is not None else ""
    return t("timeline.named", lang, what=label, name=name) if name else label


@dataclass(frozen=True)
class _Context:
    """What every event of one record shares."""

    record: Record
    name: str
    series: list[Pattern]
    sources: dict[str, Source]
    lang: str


def _event(context: _Context, path: JsonPath, value: Any) -> Event | None:
    when = span(value)
    if when is None:
        return None  # not a date: `wal validate` says so
    record, lang = context.record, context.lang
    nodes = _nodes(record.data, path)
    place = _place(path, nodes, when)
    if place is None:
        return None
    sources, fallback = _sources(record, path, context.sources)
    group, disputed, superseded = None, False, False
    if place.claims is not None:
        claims_path, claims = place.claims
        claim = nodes[-2]
        superseded = claim.get("superseded") is True
        disputed = disagree(claims)
        if len(claims) > 1:
            group = f"{record.kind}/{record.id}:{dotted(claims_path)}"
    first: Day = when.first
    return Event(
        date=when.text,
        end=place.end.text if place.end is not None else None,
        period=place.period,
        kind=record.kind,
        id=record.id,
        name=context.name,
        path=dotted(place.at),
        field=place.field,
        label=_label(record, place, path, nodes, lang),
        sources=sources,
        record_sources=fallback,
        disputed=disputed,
        seed_deck=any(is_seed(node) for node in nodes[1:]),
        superseded=superseded,
        group=group,
        observation=_observed(path, context.series),
        order=(first, when.precision, record.kind, record.id, path_order(place.at)),
    )


def record_events(registry: Registry, record: Record, lang: str) -> Iterator[Event]:
    """Every dated fact of one record (observations included), in no particular order."""
    schema = KINDS[record.kind].schema
    context = _Context(
        record,
        scalar_text(localize(record.data.get("name"), lang)),
        registry.schemas.series(schema),
        listed_sources(record),
        lang,
    )
    seen: set[JsonPath] = set()
    for pattern in registry.schemas.dates(schema):
        if "sources" in pattern:
            continue  # when a source was published, not a fact of the record
        for path, value in values_at(record.data, pattern):
            if path in seen:
                continue
            seen.add(path)
            found = _event(context, path, value)
            if found is not None:
                yield found


@dataclass(frozen=True)
class Selection:
    """Which events to keep: years (inclusive, at the year's precision), kinds, records."""

    since: int | None = None
    until: int | None = None
    kinds: tuple[str, ...] = ()
    records: frozenset[Key] | None = None
    observations: bool = False

    def keeps(self, event: Event) -> bool:
        if event.observation and not self.observations:
            return False
        if self.kinds and event.kind not in self.kinds:
            return False
        if self.records is not None and (event.kind, event.id) not in self.records:
            return False
        if self.until is not None and event.first_year > self.until:
            return False
        last = event.last_year
        return self.since is None or last is None or last >= self.since


def around(registry: Registry, start: Record, depth: int) -> frozenset[Key]:
    """A record and the records within depth links of it."""
    return frozenset(Links.of(registry).around((start.kind, start.id), depth))


def timeline(registry: Registry, lang: str, selection: Selection | None = None) -> list[Event]:
    """The events of the registry that the selection keeps, in date order (mixed precisions
    by date: 2013 before 2013-01-24 before 2013-05), then kind, id and path."""
    chosen = selection or Selection()
    found: list[Event] = []
    for kind in chosen.kinds or tuple(KINDS):
        for record in registry.of(kind):
            if chosen.records is not None and (record.kind, record.id) not in chosen.records:
                continue
            found.extend(e for e in record_events(registry, record, lang) if chosen.keeps(e))
    return sorted(found, key=lambda event: event.order)


@dataclass(frozen=True)
class Timeline:
    """Events as a command shows them: in order, with the language of their labels and the
    selection that chose them (for a title)."""

    events: list[Event]
    lang: str
    selection: Selection

    def as_list(self) -> list[dict[str, Any]]:
        return [event.as_dict() for event in self.events]

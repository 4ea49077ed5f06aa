"""What list and show present, computed from the registry, independent of any terminal.

A record view is plain data in one language: the record's fields as sections in the schema's
order, each a tree of nodes (formatted values, references, facts with their numbered sources,
entries of lists), the links in and out, and the numbered sources. The text renderer
(walcli.output.record) lays it out for a terminal or a pipe; a Markdown renderer can walk the
same tree. Values are formatted for people (dates at their precision, money, numbers in the
reader's locale); the raw record stays in `view.record` for machine formats.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from walcli.core.claims import SEED_DECK, disagree, is_claim, is_claims
from walcli.core.dates import span
from walcli.core.kinds import KINDS, LOCAL_REFERENCES
from walcli.core.paths import JsonPath, Pattern, dotted, values_at
from walcli.core.registry import Record, Reference, Registry
from walcli.core.text import is_text, localize, scalar_text
from walcli.query.values import lookup

if TYPE_CHECKING:
    from walcli.schema.walker import FieldInfo

# Fields every record has, shown in the view's head (name, summary) and foot (sources).
HEAD_FIELDS = ("id", "name", "summary", "sources")
# What names an item of a list, in order of preference: its heading in a record view.
TITLE_KEYS = ("name", "title", "label", "text", "event", "topic")
# What dates an item: shown before its heading.
DATE_KEYS = ("date", "as_of")
# Keys that qualify the item they sit in rather than being shown as fields of it.
MARK_KEYS = ("sources", "attributed_to", "undated", "superseded")
SHORT_TYPES = ("date", "money", "count", "integer", "number", "period", "reference", "url", "enum")


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


def display_name(data: dict[str, Any], lang: str, *, short: bool = False) -> str:
    """A record's name in lang; its usual short name when asked and it has one."""
    name = data.get("short_name") if short and data.get("short_name") else data.get("name")
    return scalar_text(localize(name, lang))


def record_name(registry: Registry, kind: str, record_id: str, lang: str) -> str | None:
    found = registry.records.get(kind, {}).get(record_id)
    return None if found is None else display_name(found.data, lang)


# -- the nodes of a view ------------------------------------------------------------------------


@dataclass(frozen=True)
class Atom:
    """A value formatted for reading. role says how it may be laid out: ids, dates, money and
    URLs are never cut; text wraps."""

    text: str
    role: str = "text"  # text, name, id, date, url, number, money, word


@dataclass(frozen=True)
class Ref:
    """A reference to another record: shown as "Name (id)" with its kind."""

    kind: str
    kind_label: str  # the kind, singular, in the view's language
    id: str
    name: str | None  # None when no record has that id


@dataclass(frozen=True)
class Fact:
    """One sourced value: a claim, a figure, a statement. `value` is the whole phrase (for a
    figure: qualifier, number and unit, "more than 115,000 people")."""

    value: Node
    label: str | None = None  # a figure's label
    when: str | None = None  # "as of December 2018", "by 2025"
    note: str | None = None
    sources: tuple[int, ...] = ()  # numbers in the view's list of sources
    seed: bool = False  # the seed deck's claim
    superseded: bool = False
    qualifier: str | None = None  # in words, as also written in `value`


@dataclass(frozen=True)
class Facts:
    """Values of one fact side by side, as different sources give them."""

    facts: tuple[Fact, ...]
    disputed: bool  # the values disagree (superseded ones aside)


@dataclass(frozen=True)
class Field:
    key: str
    label: str
    value: Node


@dataclass(frozen=True)
class Entry:
    """An item of a list (an axis, an actor, a timeline event) or a nested object: a heading,
    its date or number, its other fields, and the sources it cites."""

    title: Node | None
    fields: tuple[Field, ...] = ()
    prefix: str | None = None  # "1." for a numbered item, a date for a dated one
    sources: tuple[int, ...] = ()
    seed: bool = False


@dataclass(frozen=True)
class Items:
    items: tuple[Node, ...]


Node = Atom | Ref | Fact | Facts | Entry | Items


@dataclass(frozen=True)
class Link:
    kind: str
    id: str
    name: str | None
    path: str
    kind_label: str = ""  # singular, in the view's language
    field_label: str = ""  # the field that holds the reference, in the view's language

    def as_dict(self) -> dict[str, str]:
        return {"kind": self.kind, "id": self.id, "path": self.path}


@dataclass(frozen=True)
class Source:
    number: int
    id: str
    title: str | None = None
    publisher: str | None = None
    date: str | None = None
    url: str | None = None
    file: str | None = None  # the seed deck's file name (it has no URL)
    weak: bool = False
    seed: bool = False
    missing: bool = False  # cited, but not in the record's sources


@dataclass(frozen=True)
class RecordView:
    record: Record
    lang: str
    name: str
    kind_label: str  # singular, in the view's language
    summary: str | None
    sections: tuple[Field, ...]  # in the schema's order
    references: list[Link]
    referenced_by: list[Link]
    sources: tuple[Source, ...]
    brief: tuple[Field, ...] = ()  # the short card's sections: key dates, figures and links
    brief_card: bool = False  # this view is the short card (sections == brief)

    @property
    def title(self) -> str:
        return f"{self.name} ({self.kind_label} {self.record.id})"

    def cited(self, sections: tuple[Field, ...]) -> tuple[Source, ...]:
        """The sources the given sections cite (for the short card)."""
        numbers: set[int] = set()
        for section in sections:
            numbers.update(_numbers(section.value))
        return tuple(source for source in self.sources if source.number in numbers)

    def as_data(self) -> dict[str, Any]:
        """The record as in the YAML, plus its links (under a key no record field can take)."""
        return {
            **self.record.data,
            "_links": {
                "references": [link.as_dict() for link in self.references],
                "referenced_by": [link.as_dict() for link in self.referenced_by],
            },
        }


def _numbers(node: Node) -> set[int]:
    if isinstance(node, Fact):
        return set(node.sources) | _numbers(node.value)
    if isinstance(node, Facts):
        return set().union(*(_numbers(f) for f in node.facts))
    if isinstance(node, Entry):
        found = set(node.sources)
        for item in node.fields:
            found |= _numbers(item.value)
        return found | (_numbers(node.title) if node.title is not None else set())
    if isinstance(node, Items):
        return set().union(set(), *(_numbers(i) for i in node.items))
    return set()


# -- building a view ------------------------------------------------------------------------------


def _pattern(path: JsonPath) -> Pattern:
    return tuple("*" if isinstance(p, int) else p for p in path)


class _Builder:
    """Turns one record into nodes, with what the schema, the registry and the record's own
    lists (sources, actors) say about each place."""

    def __init__(self, registry: Registry, record: Record, lang: str) -> None:
        from walcli.i18n.labels import field_label

        self.registry, self.record, self.lang = registry, record, lang
        schema = KINDS[record.kind].schema
        self.infos: dict[Pattern, FieldInfo] = registry.schemas.fields(schema)
        self.order = registry.schemas.top_level(schema)
        self.label_of: Callable[[str, Any, str], str] = field_label
        self.refs = {ref.path: ref for ref in registry.references_of(record)}
        self.local = self._local_names()
        self.sources, self.numbers = self._sources()

    # what the record's own lists say

    def _local_names(self) -> dict[JsonPath, str]:
        data = self.record.data
        found: dict[JsonPath, str] = {}
        for kind, used, listed, key in LOCAL_REFERENCES:
            if kind != self.record.kind:
                continue
            names = {
                item[key]: scalar_text(localize(item.get("name") or item.get("title"), self.lang))
                for _, items in values_at(data, listed)
                if isinstance(items, list)
                for item in items
                if isinstance(item, dict) and key in item and not isinstance(item[key], list)
            }
            for path, value in values_at(data, used):
                if not isinstance(value, dict | list) and value in names and names[value]:
                    shown = names[value]
                    found[path] = f"{value}. {shown}" if isinstance(value, int) else shown
        return found

    def _sources(self) -> tuple[list[Source], dict[str, int]]:
        from walcli.i18n.format import date

        listed = self.record.data.get("sources")
        sources: list[Source] = []
        numbers: dict[str, int] = {}
        for item in listed if isinstance(listed, list) else []:
            if not isinstance(item, dict) or not isinstance(item.get("id"), str):
                continue
            if item["id"] in numbers:
                continue
            number = len(sources) + 1
            numbers[item["id"]] = number
            sources.append(
                Source(
                    number,
                    item["id"],
                    title=_opt_text(item.get("title"), self.lang),
                    publisher=_opt_text(item.get("publisher"), self.lang),
                    date=date(item["date"], self.lang) if item.get("date") is not None else None,
                    url=_opt_text(item.get("url"), self.lang),
                    file=_opt_text(item.get("file"), self.lang),
                    weak=item.get("weak") is True,
                    seed=item.get("kind") == SEED_DECK or item["id"] == SEED_DECK,
                )
            )
        return sources, numbers

    def cite(self, value: Any) -> tuple[int, ...]:
        """The numbers of the sources a list of ids names; an id the record does not list
        gets a number too (its entry says it is missing)."""
        if not isinstance(value, list):
            return ()
        found: list[int] = []
        for source_id in value:
            if not isinstance(source_id, str):
                continue
            if source_id not in self.numbers:
                self.numbers[source_id] = len(self.sources) + 1
                self.sources.append(Source(self.numbers[source_id], source_id, missing=True))
            found.append(self.numbers[source_id])
        return tuple(dict.fromkeys(found))

    # labels and scalars

    def label(self, key: str, path: JsonPath) -> str:
        info = self.infos.get(_pattern(path))
        return self.label_of(key, info.label if info else None, self.lang)

    def info(self, path: JsonPath) -> FieldInfo | None:
        return self.infos.get(_pattern(path))

    def scalar(self, value: Any, path: JsonPath) -> Node:
        from walcli.i18n import format as fmt
        from walcli.i18n.labels import value_word

        if path in self.refs:
            ref = self.refs[path]
            return self.ref(ref.target_kind, ref.target_id)
        if path in self.local:
            return Atom(self.local[path], "name")
        info = self.info(path)
        kind = info.type if info else "any"
        if isinstance(value, bool):
            return Atom(t_word("common.yes" if value else "common.no", self.lang), "word")
        if kind == "date" or (kind == "any" and isinstance(value, str) and _is_date(value)):
            return Atom(fmt.date(value, self.lang), "date")
        if isinstance(value, int | float):
            if kind == "money":
                return Atom(fmt.money(value, self.lang), "money")
            if kind in ("count", "integer", "number"):
                return Atom(fmt.number(value, self.lang), "number")
            return Atom(scalar_text(value), "number")
        if kind == "enum":
            return Atom(value_word(value, self.lang), "word")
        if kind == "url":
            return Atom(scalar_text(value), "url")
        if kind in ("id", "source-id"):
            return Atom(scalar_text(value), "id")
        return Atom(scalar_text(value), "text")

    def ref(self, kind: str, record_id: str) -> Ref:
        from walcli.i18n.labels import kind_word

        return Ref(
            kind,
            kind_word(KINDS[kind].singular if kind in KINDS else kind, self.lang),
            record_id,
            record_name(self.registry, kind, record_id, self.lang),
        )

    # nodes

    def node(self, value: Any, path: JsonPath) -> Node:
        if is_text(value):
            return Atom(scalar_text(localize(value, self.lang)), "text")
        if is_claims(value):
            return self.facts(value, path)
        if is_claim(value):
            return Facts((self.fact(value, path),), False)
        if _is_figure(value):
            return self.figure(value, path)
        if isinstance(value, list):
            return Items(tuple(self.node(item, (*path, i)) for i, item in enumerate(value)))
        if isinstance(value, dict):
            return self.entry(value, path)
        return self.scalar(value, path)

    def facts(self, claims: list[dict[str, Any]], path: JsonPath) -> Facts:
        facts = tuple(self.fact(claim, (*path, i)) for i, claim in enumerate(claims))
        return Facts(facts, disagree(claims))

    def fact(self, claim: dict[str, Any], path: JsonPath) -> Fact:
        from walcli.i18n.labels import value_word

        value = self.node(claim["value"], (*path, "value"))
        qualifier = claim.get("qualifier")
        words = value_word(qualifier, self.lang) if _qualifies(qualifier) else None
        if words and isinstance(value, Atom):
            phrase = t_word("common.qualified", self.lang, qualifier=words, value=value.text)
            value = Atom(phrase, value.role)
        return Fact(
            value,
            when=self.when(claim),
            note=_opt_text(claim.get("note"), self.lang),
            sources=self.cite(claim.get("sources")),
            seed=claim.get("attributed_to") == SEED_DECK,
            superseded=claim.get("superseded") is True,
            qualifier=words,
        )

    def figure(self, figure: dict[str, Any], path: JsonPath) -> Fact:
        from walcli.i18n import format as fmt
        from walcli.i18n.labels import value_word

        qualifier = figure.get("qualifier")
        upper = figure.get("max")
        phrase = fmt.quantity(
            figure["value"],
            str(figure.get("unit")) if figure.get("unit") else None,
            self.lang,
            upper=upper if isinstance(upper, int | float) and not isinstance(upper, bool) else None,
            qualifier=str(qualifier) if _qualifies(qualifier) else None,
        )
        role = "money" if figure.get("unit") == "euros" else "number"
        return Fact(
            Atom(phrase, role),
            label=_opt_text(figure.get("label"), self.lang),
            when=self.when(figure),
            note=_opt_text(figure.get("note"), self.lang),
            sources=self.cite(figure.get("sources")),
            seed=figure.get("attributed_to") == SEED_DECK,
            superseded=figure.get("superseded") is True,
            qualifier=value_word(qualifier, self.lang) if _qualifies(qualifier) else None,
        )

    def when(self, item: dict[str, Any]) -> str | None:
        from walcli.i18n import format as fmt

        parts = []
        for key in ("as_of", "by"):
            if item.get(key) is not None:
                found = span(item[key])
                day = "_day" if found is not None and found.precision == 3 else ""
                when = fmt.date(item[key], self.lang)
                parts.append(t_word(f"common.mark.{key}{day}", self.lang, date=when))
        return ", ".join(parts) or None

    def entry(self, item: dict[str, Any], path: JsonPath) -> Node:
        from walcli.i18n import format as fmt

        if set(item) <= {"start", "end"} and "start" in item:
            return self.period(item, path)
        title_key = next((k for k in TITLE_KEYS if k in item and _short(item[k])), None)
        prefix = None
        used = {title_key, *MARK_KEYS}
        if title_key == "topic" and is_text(item.get("note")):
            # an open question: what is unknown, in words, after its topic
            prefix, title_key, used = str(item["topic"]), "note", used | {"note"}
        title = self.node(item[title_key], (*path, title_key)) if title_key else None
        if prefix is not None:
            pass
        elif isinstance(item.get("number"), int) and not isinstance(item.get("number"), bool):
            prefix, used = f"{item['number']}.", used | {"number"}
        else:
            date_key = next((k for k in DATE_KEYS if item.get(k) is not None), None)
            if date_key and not isinstance(item[date_key], dict | list):
                prefix, used = fmt.date(item[date_key], self.lang), used | {date_key}
            elif item.get("undated") is True:
                prefix = t_word("common.mark.undated", self.lang)
        if path and len(path) >= 2 and isinstance(path[-1], int) and "id" in item:
            used.add("id")  # an item's local id: a handle for other fields, not a fact
        qualifier = item.get("qualifier")
        words = None
        if _qualifies(qualifier) and not _is_figure(item):
            # a series item's qualifier says how exact its figures are: it goes before each
            from walcli.i18n.labels import value_word

            words, used = value_word(qualifier, self.lang), used | {"qualifier"}
        fields = tuple(
            Field(
                key,
                self.label(key, (*path, key)),
                self.qualified(self.node(value, (*path, key)), words),
            )
            for key, value in item.items()
            if key not in used and value is not None and not _is_source_list(key, item)
        )
        return Entry(
            title,
            fields,
            prefix,
            self.cite(item.get("sources")),
            item.get("attributed_to") == SEED_DECK,
        )

    def qualified(self, node: Node, words: str | None) -> Node:
        if words is None or not isinstance(node, Atom) or node.role not in ("number", "money"):
            return node
        return Atom(
            t_word("common.qualified", self.lang, qualifier=words, value=node.text), node.role
        )

    def period(self, item: dict[str, Any], path: JsonPath) -> Atom:
        from walcli.i18n import format as fmt

        start = fmt.date(item["start"], self.lang)
        if item.get("end") is None:
            return Atom(t_word("common.period_open", self.lang, start=start), "date")
        end = fmt.date(item["end"], self.lang)
        return Atom(t_word("common.period", self.lang, start=start, end=end), "date")

    def section(self, key: str) -> Field | None:
        data = self.record.data
        value = data.get(key)
        if value is None:
            return None
        node = self.node(value, (key,))
        cited = data.get(f"{key}_sources")
        if isinstance(cited, list) and not isinstance(node, Facts | Fact):
            node = Fact(node, sources=self.cite(cited))
        return Field(key, self.label(key, (key,)), node)

    def sections(self) -> tuple[Field, ...]:
        data = self.record.data
        keys = [k for k in self.order if k in data]
        keys += [k for k in data if k not in keys]
        found = []
        for key in keys:
            if key in HEAD_FIELDS or _is_source_list(key, data):
                continue
            section = self.section(key)
            if section is not None:
                found.append(section)
        return tuple(found)

    def brief(self, sections: tuple[Field, ...]) -> tuple[Field, ...]:
        """Key dates, amounts, counts and links: the sections short enough for a card, and
        the record's figures without their notes."""
        chosen = []
        for section in sections:
            info = self.infos.get((section.key,))
            kind = info.type if info else "any"
            if (
                (section.key == "figures" and isinstance(section.value, Items))
                or kind in SHORT_TYPES
                or _is_short_node(section.value)
            ):
                chosen.append(Field(section.key, section.label, _without_notes(section.value)))
        return tuple(chosen)


def t_word(key: str, lang: str, **fields: Any) -> str:
    from walcli.i18n.catalog import t

    return t(key, lang, **fields)


def _opt_text(value: Any, lang: str) -> str | None:
    if value is None:
        return None
    text = scalar_text(localize(value, lang))
    return text or None


def _is_date(value: str) -> bool:
    return span(value) is not None and "-" in value


def _qualifies(qualifier: Any) -> bool:
    return isinstance(qualifier, str) and qualifier != "exact"


def _is_figure(value: Any) -> bool:
    return (
        isinstance(value, dict)
        and is_text(value.get("label"))
        and "unit" in value
        and isinstance(value.get("value"), int | float)
        and not isinstance(value.get("value"), bool)
    )


def _is_source_list(key: str, data: dict[str, Any]) -> bool:
    """`labelled_by_sources` cites the sources of `labelled_by`: shown with it."""
    return key.endswith("_sources") and key[: -len("_sources")] in data


def _short(value: Any) -> bool:
    return is_text(value) or (isinstance(value, str | int | float) and not isinstance(value, bool))


def _is_short_node(node: Node) -> bool:
    if isinstance(node, Atom):
        return node.role != "text" or len(node.text) <= 60
    if isinstance(node, Ref):
        return True
    if isinstance(node, Fact):
        return _is_short_node(node.value)
    if isinstance(node, Facts):
        return all(_is_short_node(f.value) for f in node.facts)
    if isinstance(node, Items):
        return all(isinstance(i, Ref) for i in node.items)
    return False


def _without_notes(node: Node) -> Node:
    if isinstance(node, Fact):
        return Fact(
            node.value,
            node.label,
            node.when,
            None,
            node.sources,
            node.seed,
            node.superseded,
            node.qualifier,
        )
    if isinstance(node, Facts):
        return Facts(tuple(_without_notes(f) for f in node.facts), node.disputed)  # type: ignore[misc]
    if isinstance(node, Items):
        return Items(tuple(_without_notes(i) for i in node.items))
    return node


def record_view(registry: Registry, record: Record, lang: str) -> RecordView:
    from walcli.i18n.labels import kind_word

    build = _Builder(registry, record, lang)

    def link(ref: Reference, kind: str, record_id: str) -> Link:
        path = ref.path
        top = str(path[0]) if path else ""
        source_kind = ref.source.kind
        infos = registry.schemas.fields(KINDS[source_kind].schema, depth=1)
        info = infos.get(_pattern((top,)))
        return Link(
            kind,
            record_id,
            record_name(registry, kind, record_id, lang),
            dotted(path),
            kind_word(KINDS[kind].singular if kind in KINDS else kind, lang),
            build.label_of(top, info.label if info else None, lang),
        )

    sections = build.sections()
    summary = record.data.get("summary")
    return RecordView(
        record=record,
        lang=lang,
        name=display_name(record.data, lang) or record.id,
        kind_label=kind_word(KINDS[record.kind].singular, lang),
        summary=_opt_text(summary, lang),
        sections=sections,
        references=sorted(
            (link(ref, ref.target_kind, ref.target_id) for ref in registry.references_of(record)),
            key=lambda item: (item.path, item.id),
        ),
        referenced_by=sorted(
            (link(ref, ref.source.kind, ref.source.id) for ref in registry.referenced_by(record)),
            key=lambda item: (item.kind, item.id, item.path),
        ),
        sources=tuple(build.sources),
        brief=build.brief(sections),
    )

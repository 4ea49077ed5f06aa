"""Builds a record view's nodes from a record: what the schema says of each place (labels,
types), what the registry says of its references, and what the record's own lists say
(numbered sources, local ids read as names)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from walcli.analysis.names import record_name
from walcli.analysis.nodes import (
    Atom,
    Entry,
    Fact,
    Facts,
    Field,
    Items,
    Node,
    Ref,
    Source,
    is_short_node,
    without_notes,
)
from walcli.core.claims import SEED_DECK, disagree, is_claim, is_claims
from walcli.core.dates import span
from walcli.core.kinds import INDEX, KINDS, LOCAL_REFERENCES
from walcli.core.paths import JsonPath, Pattern, values_at
from walcli.core.registry import Record, Registry
from walcli.core.text import is_text, localize, scalar_text

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


# -- building a view ------------------------------------------------------------------------------


def pattern_of(path: JsonPath) -> Pattern:
    return tuple("*" if isinstance(p, int) else p for p in path)


class Builder:
    """Turns one record into nodes, with what the schema, the registry and the record's own
    lists (sources, actors) say about each place."""

    def __init__(self, registry: Registry, record: Record, lang: str) -> None:
        from walcli.i18n.labels import field_label

        self.registry, self.record, self.lang = registry, record, lang
        schema = KINDS[record.kind].schema
        self.schema = schema
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
            names: dict[Any, str] = {}
            for _, items in values_at(data, listed):
                for index, item in enumerate(items if isinstance(items, list) else []):
                    if not isinstance(item, dict):
                        continue
                    handle = index if key == INDEX else item.get(key)
                    if handle is None or isinstance(handle, dict | list):
                        continue
                    title = item.get("name") or item.get("title") or item.get("text")
                    names[handle] = scalar_text(localize(title, self.lang))
            for path, value in values_at(data, used):
                if not isinstance(value, dict | list) and value in names and names[value]:
                    shown = names[value]
                    numbered = isinstance(value, int) and key != INDEX
                    found[path] = f"{value}. {shown}" if numbered else shown
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
                    title=opt_text(item.get("title"), self.lang),
                    publisher=opt_text(item.get("publisher"), self.lang),
                    date=date(item["date"], self.lang) if item.get("date") is not None else None,
                    url=opt_text(item.get("url"), self.lang),
                    file=opt_text(item.get("file"), self.lang),
                    weak=item.get("weak") is True,
                    seed=item.get("kind") == SEED_DECK or item["id"] == SEED_DECK,
                    described=item.get("described") is True,
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
        info = self.info(path)
        return self.label_of(key, info.label if info else None, self.lang)

    def info(self, path: JsonPath) -> FieldInfo | None:
        return self.registry.schemas.info(self.schema, pattern_of(path))

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
            note=opt_text(claim.get("note"), self.lang),
            sources=self.cite(claim.get("sources")),
            seed=claim.get("attributed_to") == SEED_DECK,
            superseded=claim.get("superseded") is True,
            qualifier=words,
            superseded_by=opt_text(claim.get("superseded_by"), self.lang),
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
            label=opt_text(figure.get("label"), self.lang),
            when=self.when(figure),
            note=opt_text(figure.get("note"), self.lang),
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
        precision = self.precision(item)
        if precision is not None:
            used = used | {"qualifier", "qualifiers"}
        fields = tuple(
            Field(
                key,
                self.label(key, (*path, key)),
                self.qualified(self.node(value, (*path, key)), (precision or {}).get(key)),
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

    def precision(self, item: dict[str, Any]) -> dict[str, str] | None:
        """A series item's qualifiers in words, by field: its `qualifier` says how exact
        its figures are, save those `qualifiers` names one by one. None when it has neither
        (or it is a figure, whose qualifier is part of its phrase)."""
        from walcli.i18n.labels import value_word

        overall = item.get("qualifier")
        each = item.get("qualifiers")
        each = each if isinstance(each, dict) else {}
        if _is_figure(item) or (not _qualifies(overall) and not each):
            return None
        found = {}
        for key in item:
            qualifier = each.get(key, overall)
            if _qualifies(qualifier):
                found[key] = value_word(qualifier, self.lang)
        return found

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
            info = self.info((section.key,))
            kind = info.type if info else "any"
            if (
                (section.key == "figures" and isinstance(section.value, Items))
                or kind in SHORT_TYPES
                or is_short_node(section.value)
            ):
                chosen.append(Field(section.key, section.label, without_notes(section.value)))
        return tuple(chosen)


def t_word(key: str, lang: str, **fields: Any) -> str:
    from walcli.i18n.catalog import t

    return t(key, lang, **fields)


def opt_text(value: Any, lang: str) -> str | None:
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

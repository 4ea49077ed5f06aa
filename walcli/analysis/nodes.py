"""The nodes of a record view: plain data in one language, for any renderer.

A view's sections are `Field`s whose values are nodes: `Atom` (a formatted value), `Ref` (a
reference to another record), `Fact` (one sourced value: a claim, a figure, a statement),
`Facts` (values of one fact side by side, marked when they disagree), `Entry` (an item of a
list or a nested object), `Items` (a list). Sources are numbered in the view; facts point to
them by number.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from walcli.core.registry import Record


class _Value:
    """Immutable plain data compared by value: what dataclass(frozen=True) gives, defined
    without generating code (the CLI defines these classes on every `show`)."""

    __slots__: tuple[str, ...] = ()

    def _set(self, **values: Any) -> None:
        for name, value in values.items():
            object.__setattr__(self, name, value)

    def __setattr__(self, name: str, value: Any) -> None:
        raise AttributeError(f"{type(self).__name__} is immutable")

    def _values(self) -> tuple[Any, ...]:
        return tuple(getattr(self, name) for name in self.__slots__)

    def __eq__(self, other: object) -> bool:
        return type(other) is type(self) and self._values() == other._values()

    def __hash__(self) -> int:
        return hash((type(self).__name__, *self._values()))

    def __repr__(self) -> str:
        fields = ", ".join(f"{name}={getattr(self, name)!r}" for name in self.__slots__)
        return f"{type(self).__name__}({fields})"


class Atom(_Value):
    """A value formatted for reading. role says how it may be laid out: ids, dates, money and
    URLs are never cut; text wraps."""

    __slots__ = ("role", "text")
    text: str
    role: str  # text, name, id, date, url, number, money, word

    def __init__(self, text: str, role: str = "text") -> None:
        self._set(text=text, role=role)


class Ref(_Value):
    """A reference to another record: shown as "Name (id)" with its kind."""

    __slots__ = ("id", "kind", "kind_label", "name")
    kind: str
    kind_label: str  # the kind, singular, in the view's language
    id: str
    name: str | None  # None when no record has that id

    def __init__(self, kind: str, kind_label: str, id: str, name: str | None) -> None:
        self._set(kind=kind, kind_label=kind_label, id=id, name=name)


class Fact(_Value):
    """One sourced value: a claim, a figure, a statement. `value` is the whole phrase (for a
    figure: qualifier, number and unit, "more than 115,000 people")."""

    __slots__ = (
        "label",
        "note",
        "qualifier",
        "seed",
        "sources",
        "superseded",
        "superseded_by",
        "value",
        "when",
    )
    value: Node
    label: str | None  # a figure's label
    when: str | None  # "as of December 2018", "by 2025"
    note: str | None
    sources: tuple[int, ...]  # numbers in the view's list of sources
    seed: bool  # the seed deck's claim
    superseded: bool
    qualifier: str | None  # in words, as also written in `value`
    superseded_by: str | None  # what replaced the value, in words

    def __init__(
        self,
        value: Node,
        label: str | None = None,
        when: str | None = None,
        note: str | None = None,
        sources: tuple[int, ...] = (),
        seed: bool = False,
        superseded: bool = False,
        qualifier: str | None = None,
        superseded_by: str | None = None,
    ) -> None:
        self._set(
            value=value,
            label=label,
            when=when,
            note=note,
            sources=sources,
            seed=seed,
            superseded=superseded,
            qualifier=qualifier,
            superseded_by=superseded_by,
        )


class Facts(_Value):
    """Values of one fact side by side, as different sources give them."""

    __slots__ = ("disputed", "facts")
    facts: tuple[Fact, ...]
    disputed: bool  # the values disagree (superseded ones aside)

    def __init__(self, facts: tuple[Fact, ...], disputed: bool) -> None:
        self._set(facts=facts, disputed=disputed)


class Field(_Value):
    __slots__ = ("key", "label", "value")
    key: str
    label: str
    value: Node

    def __init__(self, key: str, label: str, value: Node) -> None:
        self._set(key=key, label=label, value=value)


class Entry(_Value):
    """An item of a list (an axis, an actor, a timeline event) or a nested object: a heading,
    its date or number, its other fields, and the sources it cites."""

    __slots__ = ("fields", "prefix", "seed", "sources", "title")
    title: Node | None
    fields: tuple[Field, ...]
    prefix: str | None  # "1." for a numbered item, a date for a dated one
    sources: tuple[int, ...]
    seed: bool

    def __init__(
        self,
        title: Node | None,
        fields: tuple[Field, ...] = (),
        prefix: str | None = None,
        sources: tuple[int, ...] = (),
        seed: bool = False,
    ) -> None:
        self._set(title=title, fields=fields, prefix=prefix, sources=sources, seed=seed)


class Items(_Value):
    __slots__ = ("items",)
    items: tuple[Node, ...]

    def __init__(self, items: tuple[Node, ...]) -> None:
        self._set(items=items)


Node = Atom | Ref | Fact | Facts | Entry | Items


class Link(_Value):
    __slots__ = ("field_label", "id", "kind", "kind_label", "name", "path")
    kind: str
    id: str
    name: str | None
    path: str
    kind_label: str  # singular, in the view's language
    field_label: str  # the field that holds the reference, in the view's language

    def __init__(
        self,
        kind: str,
        id: str,
        name: str | None,
        path: str,
        kind_label: str = "",
        field_label: str = "",
    ) -> None:
        self._set(
            kind=kind, id=id, name=name, path=path, kind_label=kind_label, field_label=field_label
        )

    def as_dict(self) -> dict[str, str]:
        return {"kind": self.kind, "id": self.id, "path": self.path}


class Source(_Value):
    __slots__ = (
        "date",
        "described",
        "file",
        "id",
        "missing",
        "number",
        "publisher",
        "seed",
        "title",
        "url",
        "weak",
    )
    number: int
    id: str
    title: str | None
    publisher: str | None
    date: str | None
    url: str | None
    file: str | None  # the seed deck's file name (it has no URL)
    weak: bool
    seed: bool
    missing: bool  # cited, but not in the record's sources
    described: bool  # the title describes the page (its real title is not known)

    def __init__(
        self,
        number: int,
        id: str,
        *,
        title: str | None = None,
        publisher: str | None = None,
        date: str | None = None,
        url: str | None = None,
        file: str | None = None,
        weak: bool = False,
        seed: bool = False,
        missing: bool = False,
        described: bool = False,
    ) -> None:
        self._set(
            number=number,
            id=id,
            title=title,
            publisher=publisher,
            date=date,
            url=url,
            file=file,
            weak=weak,
            seed=seed,
            missing=missing,
            described=described,
        )


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


def is_short_node(node: Node) -> bool:
    if isinstance(node, Atom):
        return node.role != "text" or len(node.text) <= 60
    if isinstance(node, Ref):
        return True
    if isinstance(node, Fact):
        return is_short_node(node.value)
    if isinstance(node, Facts):
        return all(is_short_node(f.value) for f in node.facts)
    if isinstance(node, Items):
        return all(isinstance(i, Ref) for i in node.items)
    return False


def without_notes(node: Node) -> Node:
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
            node.superseded_by,
        )
    if isinstance(node, Facts):
        facts = tuple(f for f in map(without_notes, node.facts) if isinstance(f, Fact))
        return Facts(facts, node.disputed)
    if isinstance(node, Items):
        return Items(tuple(without_notes(i) for i in node.items))
    return node

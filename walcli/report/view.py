"""A record's page from its record view (walcli.analysis.views): the view's sections, facts,
marks, links and numbered sources as the plain data the record template reads.

The same function serves `wal report` (links to the other pages of a site) and `wal KIND show
ID --format markdown` (a page on its own: names, no links), so both print the same page.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from walcli.i18n import t

if TYPE_CHECKING:
    from walcli.analysis.views import Link, Node, RecordView, Source

Item = dict[str, Any]
Href = Callable[[str, str], str | None]  # (kind, id) -> a relative link, or None


def _item(text: str = "", **extra: Any) -> Item:
    base: Item = {
        "prefix": "",
        "label": "",
        "text": text,
        "notes": [],
        "marks": [],
        "href": None,
        "children": [],
    }
    base.update(extra)
    return base


class _Page:
    """Walks one view's nodes into items."""

    def __init__(self, view: RecordView, href: Href) -> None:
        self.view, self.href, self.lang = view, href, view.lang

    def mark(self, key: str) -> str:
        return t(f"common.mark.{key}", self.lang)

    def items(self, node: Node, disputed: bool = False) -> list[Item]:
        from walcli.analysis.views import Facts, Items

        if isinstance(node, Items):
            return [self.item(child) for child in node.items]
        if isinstance(node, Facts):
            return [self.item(fact, disputed=node.disputed) for fact in node.facts]
        return [self.item(node, disputed=disputed)]

    def item(self, node: Node, *, disputed: bool = False) -> Item:
        from walcli.analysis.views import Atom, Entry, Fact, Facts, Items, Ref

        if isinstance(node, Atom):
            return _item(node.text, href=node.text if node.role == "url" else None)
        if isinstance(node, Ref):
            return _item(node.name or node.id, href=self.href(node.kind, node.id))
        if isinstance(node, Fact):
            return self.fact(node, disputed)
        if isinstance(node, Entry):
            return self.entry(node)
        if isinstance(node, Facts | Items):
            return _item("", children=self.items(node))
        return _item(str(node))

    def fact(self, fact: Any, disputed: bool) -> Item:
        from walcli.analysis.views import Atom, Ref

        if isinstance(fact.value, Atom | Ref):
            shown = self.item(fact.value)
        else:
            shown = _item("", children=self.items(fact.value))
        if fact.label:
            shown["label"] = fact.label
        if fact.when:
            shown["text"] = t("report.when", self.lang, value=shown["text"], when=fact.when)
        shown["notes"] = sorted(set(fact.sources))
        marks = []
        if disputed and not fact.superseded:
            marks.append(self.mark("disputed"))
        if fact.seed:
            marks.append(self.mark("seed_deck"))
        if fact.superseded:
            marks.append(self.mark("superseded"))
        shown["marks"] = marks
        if fact.note:
            shown["children"] = [
                *shown["children"],
                _item(fact.note, label=t("report.note", self.lang)),
            ]
        return shown

    def entry(self, entry: Any) -> Item:
        from walcli.analysis.views import Atom, Ref

        fields = list(entry.fields)
        if isinstance(entry.title, Atom | Ref):
            head = self.item(entry.title)
        elif entry.title is not None:
            head = _item("", children=self.items(entry.title))
        elif fields and _flat(fields[0].value) and not entry.prefix:  # its first field leads
            first = fields.pop(0)
            head = self.field(first.label, first.value)
        else:
            head = _item("" if entry.prefix else "…")
        if entry.prefix and entry.prefix[:-1].isdigit() and entry.prefix.endswith("."):
            head["prefix"] = entry.prefix  # "1. Human capital": a number, then the name
        elif entry.prefix:
            head["label"] = entry.prefix
        head["notes"] = sorted(set(head["notes"]) | set(entry.sources))
        if entry.seed:
            head["marks"] = [*head["marks"], self.mark("seed_deck")]
        head["children"] = head["children"] + [self.field(f.label, f.value) for f in fields]
        return head

    def field(self, label: str, node: Node) -> Item:
        if _flat(node):
            shown = self.item(node)
            shown["label"] = label
            return shown
        return _item("", label=label, children=self.items(node))


def _flat(node: Node) -> bool:
    """Shown on one line: a value, a reference, or one fact of either without a note."""
    from walcli.analysis.views import Atom, Fact, Facts, Ref

    if isinstance(node, Atom | Ref):
        return True
    if isinstance(node, Facts) and len(node.facts) == 1:
        node = node.facts[0]
    return isinstance(node, Fact) and isinstance(node.value, Atom | Ref) and not node.note


def _link(link: Link, href: Href) -> dict[str, Any]:
    return {
        "kind": {"name": link.kind, "singular": link.kind_label},
        "id": link.id,
        "name": link.name or "",
        "href": href(link.kind, link.id),
        "field": link.path,
        "field_label": link.field_label,
    }


def _source(source: Source, lang: str) -> dict[str, Any]:
    title = source.title or source.id
    if source.missing:
        title = t("report.missing_source", lang, id=source.id)
    return {
        "number": source.number,
        "title": title,
        "publisher": source.publisher or "",
        "date": source.date or "",
        "url": source.url or "",
        "seed_deck": source.seed,
    }


def diagram(view: RecordView) -> str:
    """The record and the records it links with, each link labelled by its field: a Mermaid
    flowchart drawn by the cross-references' renderer (walcli.output.graph)."""
    from walcli.analysis.graph import Edge, Graph, Node

    center = (view.record.kind, view.record.id)
    nodes = {center: Node(*center, view.name)}
    edges = set()
    for outgoing, links in ((True, view.references), (False, view.referenced_by)):
        for link in links:
            other = (link.kind, link.id)
            if link.name is None:
                continue  # a reference to a record that does not exist: no node
            nodes.setdefault(other, Node(*other, link.name))
            field = link.field_label or link.path
            edges.add(Edge(center, other, field) if outgoing else Edge(other, center, field))
    if len(nodes) < 2 or len(nodes) > MAX_NEIGHBOURS:
        return ""
    from walcli.output.graph import mermaid

    return mermaid(Graph(tuple(sorted(nodes.values())), tuple(sorted(edges))))


MAX_NEIGHBOURS = 60  # records one flowchart shows (a hub record gets its lists only)


def record_page(view: RecordView, href: Href, kind_href: str | None = None) -> dict[str, Any]:
    """The record template's data, the page's own links (kind, index) aside."""
    from walcli.i18n.labels import kind_word

    page = _Page(view, href)
    sections = [
        {"key": s.key, "label": s.label, "children": page.items(s.value)} for s in view.sections
    ]
    cited = {source.number for source in view.cited(view.sections)}
    kind = view.record.kind
    return {
        "kind": {
            "name": kind,
            "label": kind_word(kind, view.lang, capital=True),
            "singular": view.kind_label,
            "href": kind_href,
        },
        "id": view.record.id,
        "title": view.name,
        "summary": view.summary or "",
        "sections": sections,
        "open_questions": [],  # a section of the view (in the schema's order)
        "references": [_link(link, href) for link in view.references],
        "referenced_by": [_link(link, href) for link in view.referenced_by],
        "diagram": diagram(view),
        "notes": [_source(s, view.lang) for s in view.sources if s.number in cited],
        "other_sources": [
            _source(s, view.lang) for s in view.sources if s.number not in cited and not s.missing
        ],
    }

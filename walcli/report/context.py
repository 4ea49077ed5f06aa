"""The plain data each page's template receives: strings, numbers, lists and dicts only (no
record, registry or function), so a template can read the data and nothing else."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING, Any

from walcli.core.claims import disagree, has_value, is_claims
from walcli.core.kinds import KINDS
from walcli.core.paths import JsonPath, dotted
from walcli.core.registry import Record, Reference, Registry
from walcli.core.text import localize, scalar_text
from walcli.i18n import t
from walcli.report.facts import Formatter, Notes, Tree, below, labelled, type_tree, typed
from walcli.report.pages import Links, Page, Role
from walcli.report.record import Content, label
from walcli.report.time import Events, timeline_page

if TYPE_CHECKING:
    from walcli.analysis.refs import Links as RefLinks

MAX_NEIGHBOURS = 60  # records one flowchart shows around a record


def kind_label(kind: str, lang: str) -> str:
    key = f"kind.{kind}"
    from walcli.i18n.catalog import messages

    return t(key, lang) if key in messages() else kind


def capital(text: str) -> str:
    return text[:1].upper() + text[1:]


@dataclass
class Site:
    """What every page of one report shares: the registry read once, links, formatting."""

    registry: Registry
    lang: str
    links: Links
    formatter: Formatter = field(init=False)
    trees: dict[str, Tree] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.formatter = Formatter(self.lang)

    @cached_property
    def index(self) -> RefLinks:
        """Every link of the registry, out and in, read once for all pages."""
        from walcli.analysis.refs import Links as RefLinks

        return RefLinks.of(self.registry)

    @property
    def references(self) -> dict[tuple[str, str], list[Reference]]:
        return self.index.out

    @property
    def referenced_by(self) -> dict[tuple[str, str], list[Reference]]:
        return self.index.into

    @cached_property
    def events(self) -> Events:
        return Events(self)

    def tree(self, kind: str) -> Tree:
        if kind not in self.trees:
            self.trees[kind] = type_tree(self.registry, kind)
        return self.trees[kind]

    def name(self, kind: str, record_id: str) -> str:
        found = self.registry.records.get(kind, {}).get(record_id)
        if found is None:
            return ""
        return scalar_text(localize(found.data.get("name"), self.lang)) or record_id

    def title(self, record: Record) -> str:
        return self.name(record.kind, record.id) or record.id

    def page(self, page: Page, prefix: str = "") -> dict[str, Any]:
        return {
            "path": page.path,
            "role": page.role.value,
            "depth": page.depth,
            "notes_prefix": prefix,
            "index_href": self.links.to(page, Role.INDEX),
            "timeline_href": self.links.to(page, Role.TIMELINE),
            "lang": self.lang,
        }

    def kind(self, page: Page, kind: str) -> dict[str, Any]:
        return {
            "name": kind,
            "label": capital(kind_label(kind, self.lang)),
            "singular": kind_label(KINDS[kind].singular, self.lang),
            "href": self.links.to_kind(page, kind),
        }

    def link(
        self, page: Page, kind: str, record_id: str, path: JsonPath, holder: str = ""
    ) -> dict[str, Any]:
        """A link to a record; path is where the reference is written, in a holder kind's
        record (the field is shown by its label)."""
        return {
            "kind": self.kind(page, kind),
            "id": record_id,
            "name": self.name(kind, record_id),
            "href": self.links.to_record(page, kind, record_id),
            "field": dotted(path),
            "field_label": self.field_label(holder, path) if holder and path else "",
        }

    def field_label(self, kind: str, path: JsonPath) -> str:
        """The field a path starts in, as its schema labels it."""
        key = path[0]
        return label(key, self.lang, below(self.tree(kind), key))


# -- index, kinds --------------------------------------------------------------------------


def index(site: Site, page: Page) -> dict[str, Any]:
    diagram, not_drawn = site.events.decade()
    return {
        "page": site.page(page),
        "counts": [
            {**site.kind(page, kind), "count": len(site.registry.records.get(kind, {}))}
            for kind in KINDS
        ],
        "total": site.registry.count(),
        "diagram": diagram,
        "not_drawn": not_drawn,
    }


def kind(site: Site, page: Page, name: str) -> dict[str, Any]:
    spec = KINDS[name]
    columns = [c for c in spec.columns if c not in ("id", "name")]
    rows = []
    for record in site.registry.of(name):
        cells = [
            {"text": site.title(record), "href": site.links.to_record(page, name, record.id)},
            {"text": record.id, "href": None},
        ]
        cells += [column_cell(site, page, record, column) for column in columns]
        rows.append(cells)
    header = [t("report.column.name", site.lang), t("report.column.id", site.lang)]
    return {
        "page": site.page(page),
        "kind": site.kind(page, name),
        "columns": header + [_column_label(site, name, c) for c in columns],
        "rows": rows,
    }


def _column_label(site: Site, kind_name: str, column: str) -> str:
    tree: Tree | None = site.tree(kind_name)
    for part in column.split("."):
        tree = below(tree, part)
    parent = below(site.tree(kind_name), column.split(".")[0])
    named = labelled(tree, site.lang)
    if named is None and "." in column and labelled(parent, site.lang):
        named = f"{labelled(parent, site.lang)} ({label(column.rsplit('.', 1)[1], site.lang)})"
    return named or label(column.replace(".", " "), site.lang)


def column_cell(site: Site, page: Page, record: Record, column: str) -> dict[str, Any]:
    """One cell of a kind's table: referenced records by name, claims side by side."""
    parts: list[str] = []
    hrefs: list[str | None] = []
    refs = {ref.path: ref for ref in site.references.get((record.kind, record.id), [])}
    value: Any = record.data
    tree: Tree | None = site.tree(record.kind)
    path: JsonPath = ()
    for part in column.split("."):
        value = value.get(part) if isinstance(value, dict) else None
        tree, path = below(tree, part), (*path, part)
    values = value if isinstance(value, list) else [value]
    disputed = is_claims(value) and disagree(value)
    for index, element in enumerate(values):
        where = (*path, index) if isinstance(value, list) else path
        ref = refs.get(where)
        if ref is not None:
            parts.append(site.name(ref.target_kind, ref.target_id) or ref.target_id)
            hrefs.append(site.links.to_record(page, ref.target_kind, ref.target_id))
            continue
        if has_value(element):
            element = element["value"]
            where = (*where, "value")
        kind_of = typed(_tree_at(tree, where, path))
        shown = site.formatter.scalar(localize(element, site.lang), kind_of)
        if element is not None and not isinstance(element, dict | list):
            parts.append(shown)
            hrefs.append(shown if kind_of == "url" else None)
    text = " / ".join(parts) if disputed else ", ".join(parts)
    if disputed:
        text += " " + t("report.disputed_short", site.lang)
    one_link = hrefs[0] if len(hrefs) == 1 and len(parts) == 1 else None
    return {"text": text, "href": one_link}


def _tree_at(tree: Tree | None, where: JsonPath, base: JsonPath) -> Tree | None:
    for part in where[len(base) :]:
        tree = below(tree, part)
    return tree


# -- records -------------------------------------------------------------------------------


def record(site: Site, page: Page, rec: Record, prefix: str = "") -> dict[str, Any]:
    notes = Notes(site.formatter)
    refs = site.references.get((rec.kind, rec.id), [])
    paths = {
        ref.path: (
            ref.target_kind,
            ref.target_id,
            site.name(ref.target_kind, ref.target_id),
            site.links.to_record(page, ref.target_kind, ref.target_id),
        )
        for ref in refs
    }
    content = Content(rec, notes, site.formatter, site.lang, paths)
    summary = localize(rec.data.get("summary"), site.lang)
    sections = content.sections(site.tree(rec.kind))
    questions = [
        content.question(q, i) for i, q in enumerate(_list(rec.data.get("open_questions")))
    ]
    out_links = sorted(
        (site.link(page, r.target_kind, r.target_id, r.path, rec.kind) for r in refs),
        key=lambda link: (link["field"], link["kind"]["name"], link["id"]),
    )
    in_links = sorted(
        (
            site.link(page, r.source.kind, r.source.id, r.path, r.source.kind)
            for r in site.referenced_by.get((rec.kind, rec.id), [])
        ),
        key=lambda link: (link["kind"]["name"], link["id"], link["field"]),
    )
    return {
        "page": site.page(page, prefix),
        "kind": site.kind(page, rec.kind),
        "id": rec.id,
        "title": site.title(rec),
        "summary": scalar_text(summary) if isinstance(summary, str) else "",
        "sections": sections,
        "open_questions": questions,
        "references": out_links,
        "referenced_by": in_links,
        "diagram": links_diagram(site, rec),
        "notes": [asdict(note) for note in notes.cited],
        "other_sources": [asdict(note) for note in notes.uncited(rec)],
    }


def _list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else []


def links_diagram(site: Site, rec: Record) -> str:
    """The record and the records it links with (walcli.analysis.graph), as a flowchart;
    nothing when it has no links, or more neighbours than a diagram can show."""
    from walcli.analysis.graph import graph
    from walcli.output.graph import mermaid

    drawn = graph(site.registry, site.lang, center=rec, depth=1, links=site.index)
    if len(drawn.nodes) < 2 or len(drawn.nodes) > MAX_NEIGHBOURS:
        return ""
    return mermaid(drawn)


def timeline(site: Site, page: Page, prefix: str = "") -> dict[str, Any]:
    return timeline_page(site, page, prefix)

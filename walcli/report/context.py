"""The plain data each page's template receives: strings, numbers, lists and dicts only (no
record, registry or function), so a template can read the data and nothing else."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from functools import cached_property
from typing import Any

from walcli.core.claims import disagree, has_value, is_claims
from walcli.core.dates import sort_key, span
from walcli.core.kinds import KINDS
from walcli.core.paths import JsonPath, dotted
from walcli.core.registry import Record, Reference, Registry
from walcli.core.text import localize, scalar_text
from walcli.i18n import t
from walcli.report import diagrams
from walcli.report.facts import Formatter, Notes, Tree, below, labelled, type_tree, typed
from walcli.report.pages import Links, Page, Role
from walcli.report.record import Content, label


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
    def references(self) -> dict[tuple[str, str], list[Reference]]:
        return {(r.kind, r.id): self.registry.references_of(r) for r in self.registry.all()}

    @cached_property
    def referenced_by(self) -> dict[tuple[str, str], list[Reference]]:
        back: dict[tuple[str, str], list[Reference]] = {}
        for refs in self.references.values():
            for ref in refs:
                back.setdefault((ref.target_kind, ref.target_id), []).append(ref)
        return back

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
    bars = diagrams.drawable(decade(site))
    return {
        "page": site.page(page),
        "counts": [
            {**site.kind(page, kind), "count": len(site.registry.records.get(kind, {}))}
            for kind in KINDS
        ],
        "total": site.registry.count(),
        "diagram": diagrams.gantt(t("report.decade", site.lang), bars[: diagrams.MAX_TASKS]),
        "not_drawn": max(0, len(bars) - diagrams.MAX_TASKS),
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
        "diagram": links_diagram(site, rec, out_links, in_links),
        "notes": [asdict(note) for note in notes.cited],
        "other_sources": [asdict(note) for note in notes.uncited(rec)],
    }


def _list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else []


def links_diagram(
    site: Site, rec: Record, out_links: list[dict[str, Any]], in_links: list[dict[str, Any]]
) -> str:
    """The record and its neighbours, each link labelled by the field that holds it."""
    if not out_links and not in_links:
        return ""
    nodes: list[tuple[str, str]] = [(site.title(rec), rec.kind)]
    numbers: dict[tuple[str, str], int] = {(rec.kind, rec.id): 0}
    edges: list[diagrams.Edge] = []
    for outgoing, links in ((True, out_links), (False, in_links)):
        for link in links[: diagrams.MAX_TASKS]:
            key = (link["kind"]["name"], link["id"])
            if key not in numbers:
                numbers[key] = len(nodes)
                nodes.append((link["name"] or link["id"], key[0]))
            other = numbers[key]
            field = link["field_label"] or link["field"]
            edge = diagrams.Edge(0, other, field) if outgoing else diagrams.Edge(other, 0, field)
            edges.append(edge)
    return diagrams.flowchart(nodes, edges)


# -- time ----------------------------------------------------------------------------------


def decade(site: Site) -> list[diagrams.Bar]:
    """Plan periods, pole labels and shocks, for the registry's one timeline."""
    bars: list[tuple[Any, str, diagrams.Bar]] = []
    for rec in site.registry.of("plans"):
        period = rec.data.get("period")
        if isinstance(period, dict) and span(period.get("start")):
            end = period.get("end")
            bar = diagrams.Bar(
                capital(kind_label("plans", site.lang)),
                site.title(rec),
                str(period["start"]),
                str(end) if span(end) else None,
                open_end=not span(end),
            )
            bars.append((sort_key(period["start"]), rec.id, bar))
    for kind_name, key in (("poles", "labelled"), ("shocks", "announced")):
        for rec in site.registry.of(kind_name):
            first = first_date(rec.data.get(key))
            if first is not None:
                bar = diagrams.Bar(
                    capital(kind_label(kind_name, site.lang)), site.title(rec), first, None
                )
                bars.append((sort_key(first), rec.id, bar))
    order = {
        capital(kind_label(k, site.lang)): i for i, k in enumerate(("plans", "poles", "shocks"))
    }
    bars.sort(key=lambda b: (order[b[2].section], b[0], b[1]))
    return [bar for _, _, bar in bars]


def first_date(value: Any) -> str | None:
    """The date a field gives first (a date, or the first of claims of dates)."""
    values = (
        [c.get("value") for c in value if isinstance(c, dict)]
        if isinstance(value, list)
        else [value]
    )
    return next((str(v) for v in values if span(v) is not None), None)


# Dated fields read as events: (kind, field, message key of the event).
EVENT_FIELDS = (
    ("plans", "presented", "report.event.presented"),
    ("plans", "adopted", "report.event.adopted"),
    ("poles", "labelled", "report.event.labelled"),
    ("shocks", "announced", "report.event.announced"),
)


def timeline(site: Site, page: Page, prefix: str = "") -> dict[str, Any]:
    notes = Notes(site.formatter)
    found: list[tuple[Any, str, str, int, dict[str, Any]]] = []

    def add(rec: Record, date: Any, text: str, cited: Any, marks: list[str]) -> None:
        found.append(
            (
                sort_key(date),
                rec.kind,
                rec.id,
                len(found),
                {
                    "date": site.formatter.scalar(date, "date"),
                    "iso": str(date),
                    "record": site.link(page, rec.kind, rec.id, ()),
                    "text": text,
                    "marks": marks,
                    "cited": (rec, cited),
                },
            )
        )

    for rec in site.registry.all():
        for kind_name, key, message in EVENT_FIELDS:
            if rec.kind == kind_name:
                claims = _list(rec.data.get(key)) if is_claims(rec.data.get(key)) else []
                disputed = disagree(claims)
                for claim in claims:
                    if span(claim.get("value")):
                        marks = [t("mark.disputed", site.lang)] if disputed else []
                        add(rec, claim["value"], t(message, site.lang), claim, marks)
        period = rec.data.get("period")
        if isinstance(period, dict):
            for bound in ("start", "end"):
                if span(period.get(bound)):
                    add(rec, period[bound], t(f"report.event.period_{bound}", site.lang), None, [])
        for entry in _list(rec.data.get("timeline")):
            if isinstance(entry, dict) and span(entry.get("date")):
                text = scalar_text(localize(entry.get("event"), site.lang))
                marks = [t("mark.seed_deck", site.lang)] if entry.get("attributed_to") else []
                add(rec, entry["date"], text, entry, marks)
    found.sort(key=lambda e: (e[0], e[1], e[2], e[3]))
    events = []
    for *_, event in found:
        rec, cited = event.pop("cited")
        event["notes"] = notes.cite_all(rec, cited) if cited is not None else []
        events.append(event)
    bars = diagrams.drawable(decade(site))
    return {
        "page": site.page(page, prefix),
        "events": events,
        "diagram": diagrams.gantt(t("report.decade", site.lang), bars[: diagrams.MAX_TASKS]),
        "not_drawn": max(0, len(bars) - diagrams.MAX_TASKS),
        "notes": [asdict(note) for note in notes.cited],
    }

"""The plain data each page's template receives: strings, numbers, lists and dicts only (no
record, registry or function), so a template can read the data and nothing else.

What the pages show comes from the library's analyses: a record's page from its record view
(walcli.analysis.views), a kind's table from the tables for people (analysis.tables), time
from the registry's timeline (analysis.timeline, see report/time.py), links from the links
read once (analysis.refs).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING, Any

from walcli.core.kinds import KINDS
from walcli.core.registry import Record, Reference, Registry
from walcli.i18n import t
from walcli.report.facts import Formatter
from walcli.report.pages import Links, Page, Role
from walcli.report.time import Events, timeline_page

if TYPE_CHECKING:
    from walcli.analysis.refs import Links as RefLinks


def kind_label(kind: str, lang: str, *, capital: bool = False) -> str:
    from walcli.i18n.labels import kind_word

    return kind_word(kind, lang, capital=capital)


def page_data(
    page: Page, lang: str, prefix: str = "", links: Links | None = None
) -> dict[str, Any]:
    """What every template knows of its page: where it is, its language, how deep its
    headings sit in a document, its footnotes' prefix, and the links to index and timeline."""
    return {
        "path": page.path,
        "role": page.role.value,
        "depth": page.depth,
        "notes_prefix": prefix,
        "index_href": links.to(page, Role.INDEX) if links else None,
        "timeline_href": links.to(page, Role.TIMELINE) if links else None,
        "lang": lang,
    }


class Indexed(Registry):
    """The same registry, its links out and in looked up rather than searched for: a record
    view asks for them, and the registry alone scans every record for the links in."""

    def __init__(self, base: Registry, links: RefLinks) -> None:
        self.__dict__.update(base.__dict__)  # the same records, and the schemas read once
        self._links = links

    def references_of(self, record: Record) -> list[Reference]:
        return self._links.out.get((record.kind, record.id), [])

    def referenced_by(self, record: Record) -> list[Reference]:
        return self._links.into.get((record.kind, record.id), [])


@dataclass
class Site:
    """What every page of one report shares: the registry and its links read once, the
    links between pages, the language."""

    registry: Registry
    lang: str
    links: Links
    formatter: Formatter = field(init=False)

    def __post_init__(self) -> None:
        self.formatter = Formatter(self.lang)

    @cached_property
    def index(self) -> RefLinks:
        """Every link of the registry, out and in."""
        from walcli.analysis.refs import Links as RefLinks

        return RefLinks.of(self.registry)

    @cached_property
    def indexed(self) -> Registry:
        return Indexed(self.registry, self.index)

    @cached_property
    def events(self) -> Events:
        return Events(self)

    def name(self, kind: str, record_id: str) -> str:
        from walcli.analysis.views import record_name

        return record_name(self.registry, kind, record_id, self.lang) or record_id

    def page(self, page: Page, prefix: str = "") -> dict[str, Any]:
        return page_data(page, self.lang, prefix, self.links)

    def kind(self, page: Page, kind: str) -> dict[str, Any]:
        return {
            "name": kind,
            "label": kind_label(kind, self.lang, capital=True),
            "singular": kind_label(KINDS[kind].singular, self.lang),
            "href": self.links.to_kind(page, kind),
        }

    def link(self, page: Page, kind: str, record_id: str) -> dict[str, Any]:
        """A link to a record's page (None as href where the report has no such page)."""
        return {
            "kind": self.kind(page, kind),
            "id": record_id,
            "name": self.name(kind, record_id),
            "href": self.links.to_record(page, kind, record_id),
        }


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
    """The kind's records as `wal KIND list` shows them to people (walcli.analysis.tables),
    each record's name linked to its page."""
    from walcli.analysis.tables import DISPUTED, people_table

    records = site.registry.of(name)
    columns = list(KINDS[name].columns)
    table = people_table(site.registry, name, records, columns, site.lang)
    named = "name" if "name" in columns else "id"
    rows = []
    for rec, cells in zip(records, table.rows, strict=True):
        row = []
        for column, role, text in zip(columns, table.roles, cells, strict=True):
            href = site.links.to_record(page, name, rec.id) if column == named else None
            row.append({"text": text, "href": text if role == "url" else href})
        rows.append(row)
    return {
        "page": site.page(page),
        "kind": site.kind(page, name),
        "columns": table.header,
        "rows": rows,
        "disputed": t("report.kind.disputed", site.lang, mark=DISPUTED) if table.disputed else "",
    }


def record(site: Site, page: Page, rec: Record, prefix: str = "") -> dict[str, Any]:
    """The record's view as its page, linked to the site's other pages."""
    from walcli.analysis.views import record_view
    from walcli.report.view import record_page

    view = record_view(site.indexed, rec, site.lang)
    data = record_page(
        view,
        lambda kind, record_id: site.links.to_record(page, kind, record_id),
        site.links.to_kind(page, rec.kind),
    )
    return {"page": site.page(page, prefix), **data}


def timeline(site: Site, page: Page, prefix: str = "") -> dict[str, Any]:
    return timeline_page(site, page, prefix)

"""A report from a registry: the pages planned, each page's data gathered, each rendered by
its template. Nothing here writes a file; everything is rendered before anything is."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from walcli.core.registry import Registry
from walcli.report import context
from walcli.report.engine import TEMPLATES, environment, render
from walcli.report.pages import Links, Page, Role, Target, file_name, plan
from walcli.report.pages import record_page as plan_record

if TYPE_CHECKING:
    from walcli.analysis.views import RecordView


@dataclass(frozen=True)
class Rendered:
    page: Page
    text: str


def build(
    registry: Registry,
    target: Target,
    lang: str,
    *,
    document: bool,
    templates: Path | None = None,
) -> list[Rendered]:
    """Every page of the report, rendered, in reading order."""
    env = environment(templates)
    pages = plan(registry, target, document=document)
    site = context.Site(registry, lang, Links(pages, document=document))
    rendered = []
    shared = document and len(pages) > 1  # footnote labels must not clash between pages
    for number, page in enumerate(pages):
        data = page_context(site, page, _prefix(page, number) if shared else "")
        rendered.append(Rendered(page, render(env, TEMPLATES[page.role], data, templates)))
    return rendered


def page_context(site: context.Site, page: Page, prefix: str) -> dict[str, Any]:
    if page.role is Role.INDEX:
        return context.index(site, page)
    if page.role is Role.TIMELINE:
        return context.timeline(site, page, prefix)
    if page.role is Role.KIND:
        return context.kind(site, page, page.kind)
    return context.record(site, page, site.registry.get(page.kind, page.id), prefix)


def _prefix(page: Page, number: int) -> str:
    """Footnote labels unique within a document: the page's kind and id when they are slugs."""
    if page.role is Role.RECORD:
        name = file_name(page.id)
        return f"{page.kind}-{name}-" if not name.startswith("_") else f"p{number}-"
    return f"{page.role.value}-"


def document(rendered: list[Rendered]) -> str:
    """The pages one after the other, a blank line between them."""
    return "\n".join(r.text for r in rendered)


def record_markdown(view: RecordView) -> str:
    """A record's page on its own (`wal KIND show ID --format markdown`): the same page as
    `wal report ID`, names where a site would link."""
    from walcli.report.view import record_page

    data = record_page(view, lambda kind, record_id: None)
    page = context.page_data(plan_record(view.record), view.lang)
    return render(environment(None), TEMPLATES[Role.RECORD], {"page": page, **data}, None)

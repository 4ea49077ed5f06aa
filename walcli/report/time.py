"""Time in a report, from the registry's timeline (walcli.analysis.timeline): the decade on
one Mermaid timeline (plan periods, pole labels, shocks announced) and the timeline page's
events, each with its record, its sources as numbered notes and its marks."""

from __future__ import annotations

from dataclasses import asdict
from functools import cached_property
from typing import TYPE_CHECKING, Any

from walcli.i18n import t
from walcli.report.facts import Notes

if TYPE_CHECKING:
    from walcli.analysis.timeline import Event
    from walcli.report.context import Site
    from walcli.report.pages import Page

MAX_DRAWN = 120  # events one diagram shows (GitHub stops rendering Mermaid near 50,000 chars)
# What the decade's diagram draws: (kind, field, periods only).
DECADE = (("plans", "period", True), ("poles", "labelled", False), ("shocks", "announced", False))


class Events:
    """The registry's events in one language, read once for every page that needs them."""

    def __init__(self, site: Site) -> None:
        self.site = site

    @cached_property
    def all(self) -> list[Event]:
        from walcli.analysis.timeline import timeline

        return timeline(self.site.registry, self.site.lang)

    def decade(self) -> tuple[str, int]:
        """The decade's Mermaid timeline, and how many events were left out of it."""
        from walcli.analysis.timeline import Selection, Timeline
        from walcli.output.events import mermaid

        chosen = [e for e in self.all if _in_decade(e)]
        drawn = Timeline(chosen[:MAX_DRAWN], self.site.lang, Selection())
        return mermaid(drawn), max(0, len(chosen) - MAX_DRAWN)


def _in_decade(event: Event) -> bool:
    return any(
        event.kind == kind and event.field == field and (event.period or not period)
        for kind, field, period in DECADE
    )


def marks(event: Event, lang: str) -> list[str]:
    found = []
    if event.disputed:
        found.append(t("common.mark.disputed", lang))
    if event.seed_deck:
        found.append(t("common.mark.seed_deck", lang))
    if event.superseded:
        found.append(t("common.mark.superseded", lang))
    return found


def when(event: Event, site: Site) -> str:
    """The date at its precision; a period as its start and end."""
    start = site.formatter.date(event.date)
    if not event.period:
        return start
    end = site.formatter.date(event.end) if event.end else t("report.open", site.lang)
    return t("report.period", site.lang, start=start, end=end)


def timeline_page(site: Site, page: Page, prefix: str) -> dict[str, Any]:
    notes = Notes(site.formatter)
    events = []
    for event in site.events.all:
        record = site.registry.records[event.kind][event.id]
        cited = [] if event.record_sources else [s.id for s in event.sources]
        events.append(
            {
                "date": when(event, site),
                "iso": event.date,
                "end": event.end,
                "record": site.link(page, event.kind, event.id),
                "text": event.label,
                "notes": notes.cite_all(record, {"sources": cited}),
                "marks": marks(event, site.lang),
            }
        )
    diagram, not_drawn = site.events.decade()
    return {
        "page": site.page(page, prefix),
        "events": events,
        "diagram": diagram,
        "not_drawn": not_drawn,
        "notes": [asdict(note) for note in notes.cited],
    }

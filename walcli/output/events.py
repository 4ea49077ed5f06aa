"""A timeline, rendered: a table on a terminal, rows in a pipe (tsv, csv: ISO dates, one
column per field), JSON, Markdown (a table and numbered source notes), or a Mermaid
`timeline` diagram (periods and milestones at the precision of their dates; GitHub renders
it). Human formats read dates and labels in the language asked; machine formats keep ISO
text."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from walcli.i18n import t
from walcli.output import markdown
from walcli.output.diagram import mermaid_text
from walcli.output.formats import Format, Formats, Out
from walcli.output.refs import singular
from walcli.output.safe import safe
from walcli.output.serialize import to_json
from walcli.output.sheet import csv_text, print_rich, tsv

if TYPE_CHECKING:
    from walcli.analysis.timeline import Event, Source, Timeline

MACHINE_COLUMNS = [
    "date",
    "end",
    "period",
    "kind",
    "id",
    "name",
    "path",
    "field",
    "label",
    "sources",
    "urls",
    "record_sources",
    "disputed",
    "seed_deck",
    "superseded",
    "group",
    "observation",
]


def title(timeline: Timeline) -> str:
    since, until, lang = timeline.selection.since, timeline.selection.until, timeline.lang
    if since is not None and since == until:
        return t("timeline.title.year", lang, year=since)
    if since is not None and until is not None:
        return t("timeline.title.range", lang, since=since, until=until)
    if since is not None:
        return t("timeline.title.since", lang, since=since)
    if until is not None:
        return t("timeline.title.until", lang, until=until)
    return t("timeline.title", lang)


def marks(event: Event, lang: str) -> str:
    found = []
    if event.disputed:
        found.append(t("common.mark.disputed", lang))
    if event.seed_deck:
        found.append(t("common.mark.seed_deck", lang))
    if event.superseded:
        found.append(t("common.mark.superseded", lang))
    return "; ".join(found)


def human_date(value: str, lang: str) -> str:
    from walcli.i18n.format import date

    return date(value, lang)


def _until(event: Event, lang: str) -> str:
    if event.end is not None:
        return human_date(event.end, lang)
    return t("timeline.open", lang) if event.period else ""


def _record(event: Event, lang: str) -> str:
    return f"{singular(event.kind, lang)} {event.id}"


def _source_ids(event: Event, lang: str) -> str:
    if event.record_sources:
        return t("timeline.record_sources", lang)
    return ", ".join(source.id for source in event.sources)


def _when(event: Event, lang: str) -> str:
    """The date to read: 30 August 2005, or a span: 2006 - 2009 (2006 - ... when open)."""
    when = human_date(event.date, lang)
    if event.period:
        when = t("timeline.span", lang, start=when, end=_until(event, lang))
    return when


def _table(timeline: Timeline, out: Out) -> None:
    lang = timeline.lang
    names = ("date", "record", "event", "sources", "note")
    header = [t(f"timeline.column.{name}", lang) for name in names]
    rows = [
        [_when(e, lang), _record(e, lang), e.label, _source_ids(e, lang), marks(e, lang)]
        for e in timeline.events
    ]
    print_rich(_rich(header, rows, title(timeline)), out)


def _rich(header: list[str], rows: list[list[str]], caption: str) -> object:
    """A rich table as wide as the terminal whose cells are never cut: they wrap, and fold
    when a word is wider than its column. The event gets the most room."""
    from rich.table import Table
    from rich.text import Text

    table = Table(title=Text(safe(caption)), header_style="bold", expand=True)
    for name, share in zip(header, (2, 2, 5, 2, 2), strict=True):
        table.add_column(Text(safe(name)), overflow="fold", ratio=share)
    for row in rows:
        table.add_row(*(Text(safe(cell)) for cell in row))
    return table


def _flag(value: bool) -> str:
    return "true" if value else "false"


def machine_rows(timeline: Timeline) -> list[list[str]]:
    return [
        [
            e.date,
            e.end or "",
            _flag(e.period),
            e.kind,
            e.id,
            e.name,
            e.path,
            e.field,
            e.label,
            " ".join(source.id for source in e.sources),
            " ".join(source.url or "" for source in e.sources),
            _flag(e.record_sources),
            _flag(e.disputed),
            _flag(e.seed_deck),
            _flag(e.superseded),
            e.group or "",
            _flag(e.observation),
        ]
        for e in timeline.events
    ]


# -- Markdown ---------------------------------------------------------------------------------

_URL = re.compile(r"^https?://[^\s<>\\\x00-\x1f\x7f]+$")


def link(url: str | None) -> str:
    """A URL as a Markdown autolink when it is a plain http(s) URL; else shown as text."""
    if url is None:
        return ""
    return f"<{url}>" if _URL.match(url) else markdown.escape(url)


def _notes(timeline: Timeline) -> tuple[list[list[str]], list[str]]:
    """Table rows, and the numbered notes their source numbers point to (one per record and
    source, numbered in order of first use)."""
    lang = timeline.lang
    numbers: dict[tuple[str, str, str], int] = {}
    notes: list[str] = []
    rows = []
    for event in timeline.events:
        cited = []
        for source in () if event.record_sources else event.sources:
            key = (event.kind, event.id, source.id)
            if key not in numbers:
                numbers[key] = len(numbers) + 1
                notes.append(_note(numbers[key], event, source, lang))
            cited.append(f"[{numbers[key]}]")
        rows.append(
            [
                _when(event, lang),
                _record(event, lang),
                event.label,
                " ".join(cited) or _source_ids(event, lang),
                marks(event, lang),
            ]
        )
    return rows, notes


def _note(number: int, event: Event, source: Source, lang: str) -> str:
    parts = [markdown.escape(source.id), f"({markdown.escape(_record(event, lang))})"]
    if source.title:
        parts.append(markdown.escape(source.title))
    if source.url:
        parts.append(link(source.url))
    return f"{number}. " + " ".join(parts)


def markdown_text(timeline: Timeline) -> str:
    lang = timeline.lang
    names = ("date", "record", "event", "sources", "note")
    header = [t(f"timeline.column.{name}", lang) for name in names]
    rows, notes = _notes(timeline)
    text = markdown.table(header, rows)
    if notes:
        text += f"\n**{markdown.escape(t('timeline.sources.heading', lang))}**\n\n"
        text += "\n".join(notes) + "\n"
    return text


# -- Mermaid ----------------------------------------------------------------------------------


def _moment(event: Event, lang: str) -> str:
    """The period a timeline entry sits on: the date as written, or a span of dates."""
    if not event.period:
        return event.date
    return t("timeline.span", lang, start=event.date, end=event.end or t("timeline.open", lang))


def _mermaid_event(event: Event, lang: str) -> str:
    text = f"{event.label} ({_record(event, lang)})"
    noted = marks(event, lang)
    if noted:
        text += f" [{noted}]"
    return mermaid_text(text)


def mermaid(timeline: Timeline) -> str:
    """A Mermaid timeline: a section per year; in it, one entry per date (or span of dates),
    in date order, with its events below."""
    lang = timeline.lang
    years: dict[str, dict[str, list[str]]] = {}
    for event in timeline.events:
        moments = years.setdefault(event.date[:4], {})
        moments.setdefault(mermaid_text(_moment(event, lang)), []).append(
            _mermaid_event(event, lang)
        )
    lines = ["timeline", f"    title {mermaid_text(title(timeline))}"]
    for year, moments in years.items():
        lines.append(f"    section {year}")
        for moment, texts in moments.items():
            lines.append(f"        {moment} : {texts[0]}")
            lines += [f"            : {text}" for text in texts[1:]]
    return "\n".join(lines) + "\n"


EVENT_FORMATS: Formats[Timeline] = Formats(
    [
        Format("table", "a table for the terminal, dates in the language asked", _table),
        Format(
            "tsv",
            "tab-separated rows, one column per field, ISO dates",
            lambda tl, o: o.write(tsv(MACHINE_COLUMNS, machine_rows(tl))),
        ),
        Format(
            "csv",
            "comma-separated rows (RFC 4180), one column per field, ISO dates",
            lambda tl, o: o.write(csv_text(MACHINE_COLUMNS, machine_rows(tl))),
        ),
        Format(
            "json",
            "strict JSON: an array of events",
            lambda tl, o: o.write_json(to_json(tl.as_list())),
        ),
        Format(
            "markdown",
            "a GFM table and numbered source notes",
            lambda tl, o: o.write(markdown_text(tl)),
        ),
        Format(
            "mermaid",
            "a Mermaid timeline diagram (GitHub renders it)",
            lambda tl, o: o.write(mermaid(tl)),
        ),
    ],
    tty="table",
    pipe="tsv",
)

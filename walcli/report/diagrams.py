"""Mermaid diagrams of a report: a gantt of plan periods, pole labels and shocks, and a
flowchart of the links around a record. Labels are written with Mermaid's entity codes
(`#58;` for `:`) for every character that could end or bend the syntax, so no text from the
data breaks a diagram or turns into markup."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from walcli.core.dates import span
from walcli.output.safe import safe

MAX_TASKS = 120  # GitHub stops rendering Mermaid past ~50,000 characters
_KEEP = frozenset(" ,.-_/'")
# Words that open a statement of a gantt when they start a line (Mermaid reads them in any case).
_GANTT_WORDS = frozenset(
    {
        *("section", "title", "dateformat", "axisformat", "tickinterval", "excludes"),
        *("includes", "todaymarker", "weekday", "weekend", "inclusiveenddates", "topaxis"),
        *("click", "acctitle", "accdescr"),
    }
)


def label(text: str) -> str:
    """Text as a Mermaid label: letters, digits, spaces and plain punctuation as they are,
    every other character as an entity code, line breaks as spaces."""
    text = safe(" ".join(text.split()))
    return "".join(c if c.isalnum() or c in _KEEP else f"#{ord(c)};" for c in text) or "#32;"


def _task_name(text: str) -> str:
    shown = label(text)
    if shown.split(" ", 1)[0].lower() in _GANTT_WORDS:
        shown = f"#{ord(shown[0])};{shown[1:]}"
    return shown


@dataclass(frozen=True)
class Bar:
    section: str
    name: str
    start: str  # ISO date at any precision
    end: str | None  # None: a milestone
    open_end: bool = False


def drawable(bars: Iterable[Bar]) -> list[Bar]:
    """The bars a gantt can draw (a start that is a date)."""
    return [b for b in bars if span(b.start) is not None]


def gantt(title: str, chosen: list[Bar]) -> str:
    """A gantt block body. Periods run from the first day of their start to the last day of
    their end; an open end runs to the latest date drawn."""
    spans = [span(d) for b in chosen for d in (b.start, b.end) if d is not None]
    latest = max((s.last for s in spans if s is not None), default=None)
    lines = ["gantt", f"    title {label(title)}", "    dateFormat YYYY-MM-DD", "    axisFormat %Y"]
    section = None
    for number, bar in enumerate(chosen):
        if bar.section != section:
            section = bar.section
            lines.append(f"    section {label(section)}")
        first = span(bar.start)
        assert first is not None
        start = _day(first.first)
        if bar.end is None and not bar.open_end:
            lines.append(f"    {_task_name(bar.name)} :milestone, t{number}, {start}, 0d")
            continue
        last = span(bar.end)
        until = last.last if last is not None else max(latest or first.last, first.last)
        lines.append(f"    {_task_name(bar.name)} :t{number}, {start}, {_day(until)}")
    return "\n".join(lines)


def _day(day: tuple[int, int, int]) -> str:
    return f"{day[0]:04d}-{day[1]:02d}-{day[2]:02d}"


@dataclass(frozen=True)
class Edge:
    source: int  # node numbers
    target: int
    field: str


def flowchart(nodes: list[tuple[str, str]], edges: list[Edge]) -> str:
    """A left-to-right flowchart; nodes are (label, class) with class one of the kinds."""
    lines = ["flowchart LR"]
    lines += [f'    n{i}["{label(text)}"]' for i, (text, _) in enumerate(nodes)]
    lines += [f'    n{e.source} -->|"{label(e.field)}"| n{e.target}' for e in edges]
    classes: dict[str, list[str]] = {}
    for i, (_, kind) in enumerate(nodes):
        classes.setdefault(kind, []).append(f"n{i}")
    lines += [f"    class {','.join(ids)} {kind}" for kind, ids in sorted(classes.items())]
    return "\n".join(lines)

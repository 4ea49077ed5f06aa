"""A registry diff, in words for a terminal, as JSON for scripts, as Markdown for a pull
request. Names and paths from the data are shown safely in every format."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from walcli.analysis.diff import MISSING, BrokenReference, FieldChange, RecordChange, RegistryDiff
from walcli.core.kinds import KINDS
from walcli.output.formats import Format, Formats, Out
from walcli.output.markdown import escape as markdown_escape
from walcli.output.safe import safe
from walcli.output.serialize import to_json

_SHOWN = 100  # characters of a value shown in text and markdown


def shown(value: Any) -> str:
    """A value on one line: text quoted, collections as compact JSON, long values cut."""
    if value is MISSING:
        return "(none)"
    text = json.dumps(value, ensure_ascii=False, default=str, separators=(", ", ": "))
    text = safe(text)
    return text if len(text) <= _SHOWN else text[: _SHOWN - 1] + "…"


def _value(value: Any, name: str | None) -> str:
    return shown(value) + (f" ({safe(name)})" if name else "")


def _change_words(change: FieldChange) -> str:
    if change.change == "added":
        return f"{safe(change.path)}: added {_value(change.new, change.new_name)}"
    if change.change == "removed":
        return f"{safe(change.path)}: removed (was {_value(change.old, change.old_name)})"
    return (
        f"{safe(change.path)}: {_value(change.old, change.old_name)} -> "
        f"{_value(change.new, change.new_name)}"
    )


def _title(record: RecordChange) -> str:
    name = f" ({safe(record.name)})" if record.name else ""
    singular = KINDS[record.kind].singular
    if record.status == "renamed":
        percent = round((record.similarity or 0) * 100)
        return (
            f"renamed {singular} {safe(record.old_id or '')} -> {safe(record.id)}{name}, "
            f"{percent}% of its fields "
            "unchanged"
        )
    return f"{record.status} {singular} {safe(record.id)}{name}"


def _summary(result: RegistryDiff) -> str:
    tally = result.counts()
    parts = [f"{count} {status}" for status, count in tally.items() if count]
    return ", ".join(parts) if parts else "no record changed"


def _broken_words(item: BrokenReference) -> str:
    target = KINDS[item.target_kind].singular
    fate = f"was renamed to {item.renamed_to}" if item.renamed_to else "was removed"
    return (
        f"{item.file}:{item.line}:{item.column}: {item.kind}/{item.id} {item.path} still names "
        f"{target} {item.target_id}, which {fate}"
    )


def as_text(result: RegistryDiff) -> str:
    lines = [f"Records since {safe(result.rev)} ({result.commit[:12]}): {_summary(result)}"]
    for record in result.records:
        lines.append("")
        lines.append(_title(record))
        lines += [f"  {_change_words(c)}" for c in record.changes]
    if result.broken:
        lines += ["", "References this change breaks:"]
        lines += [f"  {safe(_broken_words(b))}" for b in result.broken]
    if result.unreadable:
        lines += ["", "Not compared (the file does not load):"]
        lines += [f"  {safe(name)}" for name in result.unreadable]
    return "\n".join(lines) + "\n"


def as_json(result: RegistryDiff) -> str:
    return to_json(result.as_dict())


def _cell(value: Any, name: str | None) -> str:
    return "" if value is MISSING else markdown_escape(_value(value, name))


def as_markdown(result: RegistryDiff) -> str:
    lines = [
        f"## Records since {markdown_escape(result.rev)} ({result.commit[:12]})",
        "",
        f"{markdown_escape(_summary(result)).capitalize()}.",
    ]
    for record in result.records:
        lines += ["", f"### {markdown_escape(_title(record))}"]
        if record.changes:
            lines += ["", "| field | before | after |", "| --- | --- | --- |"]
            lines += [
                f"| {markdown_escape(c.path)} | {_cell(c.old, c.old_name)} "
                f"| {_cell(c.new, c.new_name)} |"
                for c in record.changes
            ]
    if result.broken:
        lines += ["", "### References this change breaks", ""]
        lines += [f"- {markdown_escape(_broken_words(b))}" for b in result.broken]
    if result.unreadable:
        lines += ["", "### Not compared (the file does not load)", ""]
        lines += [f"- {markdown_escape(name)}" for name in result.unreadable]
    return "\n".join(lines) + "\n"


def _writer(render: Callable[[RegistryDiff], str]) -> Callable[[RegistryDiff, Out], None]:
    return lambda diff, out: out.write(render(diff))


DIFF_FORMATS: Formats[RegistryDiff] = Formats(
    [
        Format("text", "what changed, in words", _writer(as_text)),
        Format("json", "the diff as data", lambda diff, out: out.write_json(as_json(diff))),
        Format("markdown", "a summary to paste in a pull request", _writer(as_markdown)),
    ],
    tty="text",
    pipe="text",
)

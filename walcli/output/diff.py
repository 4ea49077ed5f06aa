"""A registry diff, in words for a terminal, as JSON for scripts, as Markdown for a pull
request. Names and paths from the data are shown safely in every format."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from walcli.core.kinds import KINDS
from walcli.output.formats import Format, Formats, Out
from walcli.output.markdown import escape as markdown_escape
from walcli.output.safe import safe
from walcli.output.serialize import to_json

if TYPE_CHECKING:
    from walcli.analysis.diff import BrokenReference, FieldChange, RecordChange, RegistryDiff

_SHOWN = 100  # characters of a value shown in text and markdown


def _missing(value: Any) -> bool:
    from walcli.analysis.diff import MISSING

    return value is MISSING


def _t(key: str, lang: str, **fields: object) -> str:
    from walcli.i18n.catalog import t

    return t(key, lang, **fields)


def shown(value: Any, lang: str = "en") -> str:
    """A value on one line: text quoted, collections as compact JSON, long values cut."""
    if _missing(value):
        return _t("diff.none", lang)
    text = json.dumps(value, ensure_ascii=False, default=str, separators=(", ", ": "))
    text = safe(text)
    return text if len(text) <= _SHOWN else text[: _SHOWN - 1] + "…"


def _value(value: Any, name: str | None, lang: str) -> str:
    return shown(value, lang) + (f" ({safe(name)})" if name else "")


def _change_words(change: FieldChange, lang: str) -> str:
    path = safe(change.path)
    if change.change == "added":
        return _t("diff.added", lang, path=path, new=_value(change.new, change.new_name, lang))
    if change.change == "removed":
        return _t("diff.removed", lang, path=path, old=_value(change.old, change.old_name, lang))
    return _t(
        "diff.changed",
        lang,
        path=path,
        old=_value(change.old, change.old_name, lang),
        new=_value(change.new, change.new_name, lang),
    )


def _title(record: RecordChange, lang: str) -> str:
    from walcli.i18n.labels import kind_word

    name = f" ({safe(record.name)})" if record.name else ""
    singular = kind_word(KINDS[record.kind].singular, lang)
    if record.status == "renamed":
        return _t(
            "diff.renamed",
            lang,
            kind=singular,
            old=safe(record.old_id or ""),
            new=safe(record.id),
            name=name,
            percent=round((record.similarity or 0) * 100),
        )
    return _t(f"diff.{record.status}_record", lang, kind=singular, id=safe(record.id), name=name)


def _summary(result: RegistryDiff) -> str:
    tally = result.counts()
    parts = [_t(f"diff.count.{status}", result.lang, count=n) for status, n in tally.items() if n]
    return ", ".join(parts) if parts else _t("diff.nothing", result.lang)


def _broken_words(item: BrokenReference, lang: str) -> str:
    from walcli.i18n.labels import kind_word

    target = kind_word(KINDS[item.target_kind].singular, lang)
    fate = (
        _t("diff.fate_renamed", lang, new=item.renamed_to)
        if item.renamed_to
        else _t("diff.fate_removed", lang)
    )
    return _t(
        "diff.broken",
        lang,
        where=f"{item.file}:{item.line}:{item.column}",
        record=f"{item.kind}/{item.id}",
        path=item.path,
        kind=target,
        id=item.target_id,
        fate=fate,
    )


def as_text(result: RegistryDiff) -> str:
    lang = result.lang
    since = _t("diff.since", lang, rev=safe(result.rev), commit=result.commit[:12])
    lines = [_t("diff.header", lang, since=since, summary=_summary(result))]
    for record in result.records:
        lines.append("")
        lines.append(_title(record, lang))
        lines += [f"  {_change_words(c, lang)}" for c in record.changes]
    if result.broken:
        lines += ["", _t("diff.breaks", lang) + ":"]
        lines += [f"  {safe(_broken_words(b, lang))}" for b in result.broken]
    if result.unreadable:
        lines += ["", _t("diff.unread_text", lang) + ":"]
        lines += [f"  {safe(name)}" for name in result.unreadable]
    return "\n".join(lines) + "\n"


def as_json(result: RegistryDiff) -> str:
    return to_json(result.as_dict())


def _cell(value: Any, name: str | None, lang: str) -> str:
    return "" if _missing(value) else markdown_escape(_value(value, name, lang))


def as_markdown(result: RegistryDiff) -> str:
    lang = result.lang
    since = _t("diff.since", lang, rev=markdown_escape(result.rev), commit=result.commit[:12])
    summary = markdown_escape(_summary(result))
    lines = [f"## {since}", "", f"{summary[:1].upper()}{summary[1:]}."]
    for record in result.records:
        lines += ["", f"### {markdown_escape(_title(record, lang))}"]
        if record.changes:
            lines += ["", _t("diff.md.header", lang), "| --- | --- | --- |"]
            lines += [
                f"| {markdown_escape(c.path)} | {_cell(c.old, c.old_name, lang)} "
                f"| {_cell(c.new, c.new_name, lang)} |"
                for c in record.changes
            ]
    if result.broken:
        lines += ["", "### " + _t("diff.breaks", lang), ""]
        lines += [f"- {markdown_escape(_broken_words(b, lang))}" for b in result.broken]
    if result.unreadable:
        lines += ["", "### " + _t("diff.unread_markdown", lang), ""]
        lines += [f"- {markdown_escape(name)}" for name in result.unreadable]
    return "\n".join(lines) + "\n"


def _writer(render: Callable[[RegistryDiff], str]) -> Callable[[RegistryDiff, Out], None]:
    return lambda diff, out: out.write(render(diff))


DIFF_FORMATS: Formats[RegistryDiff] = Formats(
    [
        Format("text", "what changed, in words", _writer(as_text)),
        Format("json", "the diff as data", _writer(as_json)),
        Format("markdown", "a summary to paste in a pull request", _writer(as_markdown)),
    ],
    tty="text",
    pipe="text",
)

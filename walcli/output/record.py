"""One record, for reading: the record view as text (walcli.output.record_text: styled on a
terminal, plain in a pipe), or JSON and YAML of the record as stored, with its links."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from walcli.output.formats import Format, Formats, Out
from walcli.output.serialize import to_json, to_yaml

if TYPE_CHECKING:
    from walcli.analysis.views import RecordView


def _text(view: RecordView, out: Out) -> None:
    from walcli.output.record_text import render_text

    render_text(view, out)


def brief_view(view: RecordView) -> RecordView:
    """The short card: the same view with only its key sections and the sources they cite."""
    return replace(view, sections=view.brief, brief_card=True)


def _markdown(view: RecordView, out: Out) -> None:
    from walcli.report.build import record_markdown

    out.write(record_markdown(view))


RECORD_FORMATS: Formats[RecordView] = Formats(
    [
        Format("text", "the record to read, with its sources", _text, people=True),
        Format(
            "json",
            "the record as in the YAML, with its links",
            lambda v, o: o.write_json(to_json(v.as_data())),
        ),
        Format(
            "yaml",
            "the record as in the YAML, with its links",
            lambda v, o: o.write(to_yaml(v.as_data(), ascii=o.ascii)),
        ),
        Format(
            "markdown",
            "the record's page, as `wal report ID` writes it",
            _markdown,
            people=True,
        ),
    ],
    tty="text",
    pipe="text",
)

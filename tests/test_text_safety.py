"""Text from the data is shown literally in every output, whatever it holds."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests.conftest import Wal
from walcli.output.markdown import escape as markdown_escape
from walcli.output.markdown import table as to_markdown
from walcli.output.safe import safe
from walcli.output.sheet import csv_text as to_csv
from walcli.output.sheet import tsv as to_tsv

HOSTILE = '=HYPERLINK("http://x")|[bold red]boom[/] \x1b[2J\u202egnp.exe\tcol\nline'


def hostile_pole(root: Path) -> None:
    text = json.dumps(HOSTILE)  # a YAML double-quoted scalar is a JSON string
    (root / "data" / "poles" / "evil.yaml").write_text(
        "id: evil\n"
        f"name: {{fr: {text}, en: {text}}}\n"
        "summary: {fr: x, en: x}\n"
        "domain: biotech\n"
        "sources:\n  - {id: s, title: t, url: 'https://example.org/'}\n",
        encoding="utf-8",
    )


@pytest.fixture
def evil(mini: Path) -> Wal:
    hostile_pole(mini)
    return Wal(mini)


def visible(text: str) -> None:
    assert "\x1b" not in text and "\u202e" not in text


def test_tsv_keeps_one_row_per_record(evil: Wal) -> None:
    out = evil("poles", "list", "--where", "id=evil", "--columns", "id,name").stdout
    lines = out.splitlines()
    assert len(lines) == 2 and lines[1].count("\t") == 1
    visible(out)
    assert "[bold red]boom[/]" in out and "\\x1b[2J" in out and "\\u202e" in out


def test_table_shows_markup_literally(evil: Wal) -> None:
    out = evil("poles", "list", "--where", "id=evil", "--format", "table").stdout
    visible(out)
    assert "[bold" in out


def test_csv_is_never_a_live_formula(evil: Wal) -> None:
    out = evil("poles", "list", "--where", "id=evil", "--columns", "name", "--format", "csv").stdout
    rows = list(csv.reader(io.StringIO(out)))
    assert len(rows) == 2
    assert rows[1][0].startswith("'=HYPERLINK")


def test_markdown_row_stays_one_row(evil: Wal) -> None:
    out = evil("poles", "list", "--where", "id=evil", "--format", "markdown").stdout
    lines = out.splitlines()
    assert len(lines) == 3
    assert lines[2].count(" | ") == lines[0].count(" | ")  # the '|' in the name is escaped
    visible(out)


def test_json_and_show_are_literal(evil: Wal) -> None:
    record = json.loads(evil("poles", "show", "evil", "--format", "json").stdout)
    assert record["name"]["en"] == HOSTILE
    visible(evil("poles", "show", "evil").stdout)


def test_validate_messages_are_safe(evil: Wal, mini: Path) -> None:
    (mini / "data" / "poles" / "evil.yaml").write_text(
        'id: evil\nname: {fr: a, en: b}\nsummary: {fr: x, en: x}\ndomain: "bio\\e[31m"\n'
        "sources: [{id: s, title: t, url: 'https://example.org/'}]\n"
    )
    run = evil("validate")
    visible(run.stdout)
    assert run.exit_code == 1


CONTROL = st.characters(min_codepoint=0, max_codepoint=0x3000)


@given(st.text(alphabet=CONTROL, max_size=40))
def test_safe_text_has_no_control_or_bidi_characters(text: str) -> None:
    shown = safe(text)
    assert not any(ord(c) < 0x20 or 0x7F <= ord(c) <= 0x9F for c in shown)
    assert not any(c in shown for c in "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


@given(
    st.lists(st.lists(st.text(alphabet=CONTROL, max_size=12), min_size=2, max_size=2), max_size=5)
)
def test_rows_keep_their_shape_in_every_text_format(rows: list[list[str]]) -> None:
    header = ["a", "b"]
    assert len(to_tsv(header, rows).split("\n")) == len(rows) + 2
    assert len(to_markdown(header, rows).split("\n")) == len(rows) + 3
    parsed = list(csv.reader(io.StringIO(to_csv(header, rows))))
    assert len(parsed) == len(rows) + 1 and all(len(r) == 2 for r in parsed)


@given(st.text(max_size=30))
def test_markdown_escape_leaves_no_bare_pipe(text: str) -> None:
    escaped = markdown_escape(text)
    assert "|" not in escaped.replace("\\|", "")

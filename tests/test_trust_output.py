"""Text from the data reaches no terminal, log or file as a live sequence, in any format: human
formats show escapes; JSON and YAML carry the text exactly but never the characters raw."""

from __future__ import annotations

import io
import json
import os
from pathlib import Path

import pytest
import yaml

from tests.conftest import Wal
from walcli.core.claims import walk
from walcli.output.formats import Out
from walcli.output.safe import UNSAFE_IN_DOCUMENT

# A clipboard write (OSC 52), a hyperlink (OSC 8), a screen wipe, a bidi override, a C1 CSI,
# a next-line and a line separator.
HOSTILE = (
    "\x1b]52;c;cm0gLXJmIH4=\x07\x1b]8;;http://evil.example\x1b\\click\x1b]8;;\x1b\\"
    "\x1b[2J\u202egnp.exe\x9b31m\x85\u2028=cmd|' /C calc'!A0"
)


def hostile(root: Path, name: str = "evil") -> None:
    text = json.dumps(HOSTILE)  # a YAML double-quoted scalar is a JSON string
    (root / "data" / "poles" / f"{name}.yaml").write_text(
        f"id: {name}\n"
        f"name: {{fr: {text}, en: {text}}}\n"
        f"summary: {{fr: {text}, en: {text}}}\n"
        "domain: biotech\n"
        "labelled:\n  - value: 2006\n    sources: [s]\n"
        "sources:\n  - {id: s, title: t, url: 'https://example.org/'}\n",
        encoding="utf-8",
    )


def raw_free(text: str) -> None:
    """No escape, bidi or C1 character stands raw in the text."""
    assert "\x1b" not in text and "\x07" not in text
    assert not any(c in text for c in "\u202e\x9b\x85\u2028")


@pytest.fixture
def evil(mini: Path) -> Wal:
    hostile(mini)
    return Wal(mini)


@pytest.mark.parametrize("fmt", ["json", "yaml"])
def test_machine_formats_carry_the_text_exactly_but_never_raw(evil: Wal, fmt: str) -> None:
    for args in (("poles", "show", "evil"), ("poles", "list"), ("search", "gnp.exe")):
        run = evil(*args, "--format", fmt)
        assert run.exit_code == 0, run.stderr
        assert not UNSAFE_IN_DOCUMENT.search(run.stdout)
        data = json.loads(run.stdout) if fmt == "json" else yaml.safe_load(run.stdout)
        assert HOSTILE in [text for _, text in walk(data)]  # read back, the very text


def test_show_on_a_terminal_shows_escapes(mini: Path) -> None:
    hostile(mini)
    from walcli.analysis.views import record_view
    from walcli.io.scan import load_registry
    from walcli.output.record import RECORD_FORMATS

    registry = load_registry(mini)
    view = record_view(registry, registry.get("poles", "evil"), "en")
    shown = io.StringIO()
    RECORD_FORMATS.by_name["text"].render(view, Out(shown, True))  # the rich panel
    raw_free(shown.getvalue())
    assert "\\x1b]52;c;" in shown.getvalue() and "\\u202e" in shown.getvalue()


@pytest.mark.parametrize("fmt", ["table", "tsv", "csv", "markdown"])
def test_lists_show_escapes_and_no_live_formula(evil: Wal, fmt: str) -> None:
    run = evil("poles", "list", "--where", "id=evil", "--columns", "name", "--format", fmt)
    raw_free(run.stdout)
    if fmt in ("tsv", "csv"):
        assert not any(cell.startswith(("=", "+", "-", "@")) for cell in run.stdout.split("\t"))


def test_a_tsv_cell_is_formula_safe(mini: Path) -> None:
    from walcli.output.sheet import tsv

    assert tsv(["a"], [["=1+2"], ["+SUM(A1)"], ["-1"], ["@x"]]) == "a\n'=1+2\n'+SUM(A1)\n'-1\n'@x\n"


def test_validate_names_a_hostile_file_safely_in_every_format(mini: Path) -> None:
    from tests.helpers_validate import wal

    name = "evil\x1b[2J\u202e"
    (mini / "data" / "poles" / f"{name}.yaml").write_text("id: [\n", encoding="utf-8")
    for fmt in ("text", "github", "junit", "sarif", "markdown", "json"):
        run = wal("--root", str(mini), "validate", "--format", fmt)
        assert run.exit_code == 1
        raw_free(run.stdout)
        raw_free(run.stderr)


def test_diff_names_hostile_records_and_files_safely(tmp_path: Path) -> None:
    from tests.helpers_validate import Repo, wal

    repo = Repo.create(tmp_path)
    hostile(repo.root, "evil")
    os.rename(
        repo.root / "data" / "poles" / "evil.yaml", repo.root / "data" / "poles" / "ev\x1bil.yaml"
    )
    (repo.root / "data" / "poles" / "x\u202e\x1b[2J.yaml").write_text("id: [\n", encoding="utf-8")
    for fmt in ("text", "markdown", "json"):
        run = wal("--root", str(repo.root), "diff", "HEAD", "--format", fmt)
        assert run.exit_code == 0, run.stderr
        raw_free(run.stdout)
        raw_free(run.stderr)
        assert (
            "x1bil" in run.stdout or "u001bil" in run.stdout
        )  # the escape, as each format writes it

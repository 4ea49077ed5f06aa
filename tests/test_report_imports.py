"""jinja2 is imported by `wal report` (and the record's Markdown page) only: every other
command starts without it (read with `python -X importtime`, as tests/test_imports.py does)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.test_imports import _registry, imported

pytestmark = pytest.mark.slow  # fresh interpreters or many generated cases: the slow set


@pytest.mark.parametrize(
    "args",
    [
        ("poles", "list"),
        ("poles", "list", "--format", "markdown"),
        ("poles", "show", "biowin"),
        ("poles", "show", "biowin", "--format", "json"),
        ("validate",),
        ("stats", "--format", "markdown"),
    ],
    ids=" ".join,
)
def test_other_commands_do_not_import_jinja2(tmp_path: Path, args: tuple[str, ...]) -> None:
    names = imported(_registry(tmp_path), *args)
    assert not [n for n in names if n.split(".")[0] == "jinja2"]
    assert not [n for n in names if n.startswith("walcli.report")]


@pytest.mark.parametrize(
    "args",
    [("report",), ("report", "biowin"), ("poles", "show", "biowin", "--format", "markdown")],
    ids=" ".join,
)
def test_report_imports_jinja2(tmp_path: Path, args: tuple[str, ...]) -> None:
    names = imported(_registry(tmp_path), *args)
    assert "jinja2.sandbox" in names and "walcli.report.engine" in names

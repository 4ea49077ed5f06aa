"""Import hygiene: a command imports only what it needs (a deterministic check, not a timing).

Listing and showing records must start fast, so they never import the JSON Schema machinery
(jsonschema, referencing) and, when the output is piped, not rich either. Each case runs the
real CLI in a fresh interpreter with `-X importtime` and reads which modules were imported.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import build_registry, shared_registry

pytestmark = pytest.mark.slow  # fresh interpreters or many generated cases: the slow set

HEAVY = ("jsonschema", "referencing", "rich")


def _registry(root: Path) -> Path:
    """The mini registry, on the real schemas."""
    return build_registry(root / "registry")


def imported(root: Path, *args: str) -> set[str]:
    """The modules `python -m walcli ARGS` imports, output piped (not a terminal)."""
    env = {k: v for k, v in os.environ.items() if k not in ("WAL_ROOT", "GITHUB_ACTIONS")}
    done = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "walcli", "--root", str(root), *args],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    assert done.returncode in (0, 1), done.stderr[-2000:]
    assert done.stdout or args[0] == "validate", "the command printed nothing"
    names = set()
    for line in done.stderr.splitlines():
        if line.startswith("import time:") and "|" in line:
            names.add(line.rsplit("|", 1)[1].strip())
    assert "walcli.cli" in names, "no -X importtime report read"
    return names


def heavy(names: set[str]) -> list[str]:
    return sorted(n for n in names if n.split(".")[0] in HEAVY)


@pytest.mark.parametrize(
    "args",
    [
        ("poles", "list"),
        ("poles", "list", "--domain", "biotech"),
        ("poles", "list", "--format", "json"),
        ("domains", "list", "--format", "csv"),
        ("poles", "show", "biowin"),
        ("poles", "show", "biowin", "--format", "json"),
        ("--version",),
    ],
    ids=" ".join,
)
def test_piped_commands_import_neither_jsonschema_nor_rich(
    tmp_path: Path, args: tuple[str, ...]
) -> None:
    assert heavy(imported(_registry(tmp_path), *args)) == []


@pytest.mark.parametrize(
    "args",
    [
        ("poles", "list", "--domain", "biotech"),
        ("domains", "list", "--format", "csv"),
        ("poles", "show", "biowin", "--format", "json"),
    ],
    ids=" ".join,
)
def test_machine_formats_load_no_locale_data(tmp_path: Path, args: tuple[str, ...]) -> None:
    """Raw values need no Babel; nor does a table need the record view's builder."""
    names = imported(_registry(tmp_path), *args)
    assert sorted(n for n in names if n.split(".")[0] == "babel") == []
    assert "walcli.analysis.builder" not in names


def test_the_record_view_loads_babel_when_it_formats() -> None:
    assert "babel.numbers" in imported(shared_registry(), "plans", "show", "marshall-1")


def test_the_check_sees_imports_when_they_happen(tmp_path: Path) -> None:
    """The same probe does see the heavy modules where a command needs them."""
    root = _registry(tmp_path)
    assert "rich.table" in imported(root, "poles", "list", "--format", "table")
    validated = imported(root, "validate")
    assert "jsonschema" in validated and "referencing" in validated


def test_validate_skips_the_iri_grammars_no_schema_uses(tmp_path: Path) -> None:
    """rfc3987-syntax compiles IRI grammars on import (~0.7 s); no schema here asks for them."""
    names = imported(_registry(tmp_path), "validate")
    assert "lark" not in names and "rfc3987_syntax.syntax_helpers" not in names


def test_a_schema_with_an_iri_format_gets_it_checked(tmp_path: Path) -> None:
    pytest.importorskip("rfc3987_syntax")
    root = _registry(tmp_path)
    schema = {
        "$id": "domains.schema.json",
        "type": "object",
        "properties": {"home": {"type": "string", "format": "iri"}},
    }
    (root / "schemas" / "domains.schema.json").write_text(json.dumps(schema), encoding="utf-8")
    with (root / "data" / "domains" / "biotech.yaml").open("a", encoding="utf-8") as handle:
        handle.write("home: 'not an iri'\n")
    assert "rfc3987_syntax.syntax_helpers" in imported(root, "validate", "--format", "json")
    done = subprocess.run(
        [sys.executable, "-m", "walcli", "--root", str(root), "validate", "--format", "json"],
        capture_output=True,
        text=True,
        check=False,
    )
    problems = json.loads(done.stdout)["problems"]
    assert [p["path"] for p in problems] == ["/home"], problems


# What other commands need: their command modules and the library parts only they use.
OTHER_COMMANDS = (
    "walcli.cli.diff",
    "walcli.cli.export",
    "walcli.cli.graph",
    "walcli.cli.new",
    "walcli.cli.refs",
    "walcli.cli.report",
    "walcli.cli.search",
    "walcli.cli.stats",
    "walcli.cli.timeline",
    "walcli.cli.validate",
    "walcli.output.problems",
    "walcli.export",
    "walcli.report",
    "walcli.check",
    "walcli.analysis.graph",
    "walcli.analysis.timeline",
)


@pytest.mark.parametrize(
    "args",
    [
        ("poles", "list", "--domain", "biotech"),
        ("poles", "list", "--format", "table"),
        ("poles", "show", "biowin"),
        ("poles", "show", "biowin", "--format", "json"),
    ],
    ids=" ".join,
)
def test_list_and_show_import_no_other_command(tmp_path: Path, args: tuple[str, ...]) -> None:
    """Only the invoked command's module is imported and built (walcli.cli.lazy); click
    itself never is (typer carries its own copy, or is click), nor pydantic, which typer
    imports to coerce values that text, flags and lists of text need no coercion for
    (walcli.cli.coerce)."""
    names = imported(_registry(tmp_path), *args)
    assert sorted(n for n in names if n.startswith(OTHER_COMMANDS)) == []
    assert "walcli.cli.records" in names
    import typer

    if not hasattr(typer, "_click"):  # an older typer runs on click itself
        return
    assert sorted(n for n in names if n.split(".")[0] == "click") == []
    assert sorted(n for n in names if n.split(".")[0] in ("pydantic", "pydantic_core")) == []

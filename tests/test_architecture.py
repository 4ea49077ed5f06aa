"""The shape of walcli/: each stage in its folder, codes in one table, heavy libraries only
where they belong, modules a newcomer can read."""

from __future__ import annotations

import ast
import importlib
import pkgutil
from pathlib import Path

import pytest

import walcli
from walcli.check.codes import describe, table
from walcli.core.problems import Code

PACKAGE = Path(walcli.__file__).parent
MODULES = sorted(
    info.name
    for info in pkgutil.walk_packages([str(PACKAGE)], prefix="walcli.")
    if info.name != "walcli.__main__"  # importing it runs the CLI
)
MAX_LINES = 450
# Modules allowed past MAX_LINES, each with the reason.
LONG: dict[str, str] = {}


def _source(module: str) -> Path:
    spec = importlib.util.find_spec(module)
    assert spec is not None and spec.origin is not None
    return Path(spec.origin)


def _imports(module: str) -> set[str]:
    tree = ast.parse(_source(module).read_text(encoding="utf-8"))
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            found.add(node.module.split(".")[0])
    return found


def _codes_in(value: object) -> list[Code]:
    if isinstance(value, Code):
        return [value]
    if isinstance(value, dict):
        return [c for item in value.values() for c in _codes_in(item)]
    if isinstance(value, tuple | list):
        return [c for item in value for c in _codes_in(item)]
    return []


def test_every_code_defined_anywhere_is_in_the_table() -> None:
    defined: list[Code] = []
    for name in MODULES:
        module = importlib.import_module(name)
        for value in vars(module).values():
            defined += _codes_in(value)
            rule_codes = getattr(value, "codes", None)
            if isinstance(rule_codes, tuple):
                defined += _codes_in(rule_codes)
    assert len({c.name for c in defined}) >= 40
    for code in defined:
        if code.name == "schema-*":  # the description of keywords without a code of their own
            continue
        assert describe(code.name) == code, code.name


def test_the_table_names_codes_in_kebab_case_with_words_to_fix_them() -> None:
    for name, code in table().items():
        assert name == code.name
        assert name.replace("-", "").isalnum() and name == name.lower(), name
        assert code.description.strip() and code.hint.strip(), name


@pytest.mark.parametrize("module", MODULES)
def test_typer_only_in_the_cli_and_rich_only_in_output_and_cli(module: str) -> None:
    imported = _imports(module)
    if not module.startswith("walcli.cli"):
        assert "typer" not in imported, module
    if not module.startswith(("walcli.cli", "walcli.output")):
        assert "rich" not in imported, module


@pytest.mark.parametrize("module", MODULES)
def test_no_module_is_too_long_to_read(module: str) -> None:
    lines = len(_source(module).read_text(encoding="utf-8").splitlines())
    assert lines <= MAX_LINES or module in LONG, f"{module}: {lines} lines"


def test_each_stage_has_its_folder() -> None:
    stages = {"core", "io", "schema", "check", "query", "analysis", "output", "i18n", "cli"}
    assert stages <= {p.name for p in PACKAGE.iterdir() if (p / "__init__.py").exists()}
    top = {p.stem for p in PACKAGE.glob("*.py")}
    assert top <= {"__init__", "__main__", "api"}, top

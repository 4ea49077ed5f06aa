"""openpyxl and sqlite3 are imported only by the export that needs them (a deterministic
check with `python -X importtime`, not a timing)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.test_imports import _registry

pytestmark = pytest.mark.slow  # fresh interpreters or many generated cases: the slow set

EXPORT_ONLY = ("openpyxl", "sqlite3", "_sqlite3")


def imported(root: Path, *args: str) -> set[str]:
    env = {k: v for k, v in os.environ.items() if k not in ("WAL_ROOT", "GITHUB_ACTIONS")}
    done = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "walcli", "--root", str(root), *args],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    names = {
        line.rsplit("|", 1)[1].strip()
        for line in done.stderr.splitlines()
        if line.startswith("import time:") and "|" in line
    }
    assert "walcli.cli" in names, "no -X importtime report read"
    return names


def _export_only(names: set[str]) -> list[str]:
    return sorted(n for n in names if n.split(".")[0] in EXPORT_ONLY)


@pytest.mark.parametrize(
    "args",
    [("poles", "list"), ("poles", "show", "biowin", "--format", "json"), ("validate",)],
    ids=" ".join,
)
def test_other_commands_import_no_export_library(tmp_path: Path, args: tuple[str, ...]) -> None:
    assert _export_only(imported(_registry(tmp_path), *args)) == []


def test_each_export_imports_only_its_own_library(tmp_path: Path) -> None:
    root = _registry(tmp_path)
    csv = imported(root, "export", "--format", "csv", "--out", str(tmp_path / "csv"))
    assert _export_only(csv) == []
    db = imported(root, "export", "--format", "sqlite", "--out", str(tmp_path / "wal.db"))
    assert "sqlite3" in db and "openpyxl" not in db
    book = imported(root, "export", "--format", "xlsx", "--out", str(tmp_path / "wal.xlsx"))
    assert "openpyxl" in book and "sqlite3" not in book

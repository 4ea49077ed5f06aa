"""Shared fixtures: a small registry to copy and a runner that calls `wal` like the shell."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from hypothesis import settings
from typer.testing import CliRunner

from walcli.cli import app

TESTS = Path(__file__).parent
MINI = TESTS / "fixtures" / "mini"
REPO = TESTS.parent
GOLDEN = TESTS / "golden"


# Hypothesis: the same examples on every run (CI must not pass or fail by chance), unless
# seeds are asked for: `pytest --hypothesis-seed=N`, or WAL_HYPOTHESIS=random for fresh ones.
settings.register_profile("wal-ci", derandomize=True, database=None, deadline=None)
settings.register_profile("wal-random", derandomize=False, database=None, deadline=None)


def pytest_configure(config: pytest.Config) -> None:
    seeded = config.getoption("hypothesis_seed", default=None) is not None
    fresh = seeded or os.environ.get("WAL_HYPOTHESIS") == "random"
    settings.load_profile("wal-random" if fresh else "wal-ci")


@dataclass
class Run:
    stdout: str
    stderr: str
    exit_code: int


class Wal:
    """`wal ARGS` through typer's CliRunner, in a fixed environment."""

    def __init__(self, root: Path | None) -> None:
        self.root = root
        self.runner = CliRunner()

    def __call__(self, *args: str, env: dict[str, str] | None = None) -> Run:
        base = {
            "WAL_ROOT": str(self.root) if self.root else None,
            "WAL_LANG": "en",
            "LANG": "C",
            "GITHUB_ACTIONS": None,
            "COLUMNS": "100",
            "NO_COLOR": "1",
        }
        result = self.runner.invoke(
            app, list(args), env={**base, **(env or {})}, catch_exceptions=False
        )
        return Run(result.stdout, result.stderr, result.exit_code)


@pytest.fixture
def mini(tmp_path: Path) -> Path:
    """A private copy of the mini registry, safe to break."""
    root = tmp_path / "registry"
    shutil.copytree(MINI, root)
    return root


@pytest.fixture
def wal(mini: Path) -> Wal:
    return Wal(mini)


@pytest.fixture
def chdir(tmp_path: Path) -> Iterator[Path]:
    old = Path.cwd()
    os.chdir(tmp_path)
    try:
        yield tmp_path
    finally:
        os.chdir(old)


def golden(name: str, actual: str) -> None:
    """Compare with tests/golden/NAME; UPDATE_GOLDEN=1 rewrites it."""
    path = GOLDEN / name
    if os.environ.get("UPDATE_GOLDEN") == "1" or not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(actual, encoding="utf-8")
        if os.environ.get("UPDATE_GOLDEN") != "1":
            pytest.fail(f"golden file {name} was missing and has been written; rerun")
    assert actual == path.read_text(encoding="utf-8")

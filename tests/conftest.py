"""What every test shares: the registries to copy (data sets laid over the real `schemas/`),
one runner that calls `wal` like the shell, and one golden-file helper.

    python3 -m pytest -q                     the fast suite (what a change needs)
    python3 -m pytest -q -m slow             the slow set: properties, fresh interpreters, fuzz
    python3 -m pytest -q --update-goldens    rewrite tests/golden/ from the output (only that)
"""

from __future__ import annotations

import atexit
import os
import shutil
import sys
import tempfile
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import click
import pytest
import typer
from hypothesis import settings
from typer.testing import CliRunner

from walcli.cli import app
from walcli.core.registry import Registry
from walcli.io.scan import load_registry

TESTS = Path(__file__).parent
REPO = TESTS.parent
SCHEMAS = REPO / "schemas"
FIXTURES = TESTS / "fixtures"
MINI = FIXTURES / "mini"
GOLDEN = TESTS / "golden"

# Hypothesis: the same examples on every run (CI must not pass or fail by chance), unless
# seeds are asked for: `pytest --hypothesis-seed=N`, or WAL_HYPOTHESIS=random for fresh ones.
settings.register_profile("wal-ci", derandomize=True, database=None, deadline=None)
settings.register_profile("wal-random", derandomize=False, database=None, deadline=None)

_UPDATE_GOLDENS = False


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-goldens",
        action="store_true",
        help="rewrite the files of tests/golden/ from the current output (and nothing else)",
    )


def pytest_configure(config: pytest.Config) -> None:
    global _UPDATE_GOLDENS
    _UPDATE_GOLDENS = bool(config.getoption("update_goldens"))
    seeded = config.getoption("hypothesis_seed", default=None) is not None
    fresh = seeded or os.environ.get("WAL_HYPOTHESIS") == "random"
    settings.load_profile("wal-random" if fresh else "wal-ci")


_SLOW_MODULE = "\npytestmark = pytest.mark.slow"


def pytest_ignore_collect(collection_path: Path, config: pytest.Config) -> bool | None:
    """A module marked slow as a whole is not even imported when the slow set is left out
    (some import what takes seconds to load)."""
    if config.option.markexpr != "not slow" or collection_path.suffix != ".py":
        return None
    if not collection_path.name.startswith("test_"):
        return None
    return _SLOW_MODULE in collection_path.read_text(encoding="utf-8") or None


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """A property (hypothesis draws many cases) belongs to the slow set, like the tests that
    start interpreters or read the whole registry, which say so with @pytest.mark.slow."""
    for item in items:
        if getattr(getattr(item, "obj", None), "is_hypothesis_test", False):
            item.add_marker(pytest.mark.slow)


# -- registries ------------------------------------------------------------------------------


def build_registry(dest: Path, data: Path = MINI / "data") -> Path:
    """A registry at DEST: a data set's records over a copy of the repository's own schemas
    (fixtures hold records only, so a change to the contract reaches every test)."""
    shutil.copytree(data, dest / "data")
    shutil.copytree(SCHEMAS, dest / "schemas")
    return dest


@cache
def shared_registry(data: Path = MINI / "data") -> Path:
    """One read-only registry per data set for the whole run (for tests that only read)."""
    parent = Path(tempfile.mkdtemp(prefix="wal-tests-"))
    atexit.register(shutil.rmtree, parent, True)
    return build_registry(parent / "registry", data)


@cache
def loaded(root: Path) -> Registry:
    """A registry read once for the whole run, for tests that only read it through the API
    (the repository's own, a shared fixture)."""
    return load_registry(root)


@pytest.fixture
def mini(tmp_path: Path) -> Path:
    """A private copy of the mini registry, safe to break."""
    return build_registry(tmp_path / "registry")


# -- the runner ------------------------------------------------------------------------------

# What the CLI sees: no CI, no language, root or git refs from the machine running the tests.
BASE_ENV: dict[str, str | None] = {
    "WAL_ROOT": None,
    "WAL_LANG": "en",
    "LANG": "C",
    "GITHUB_ACTIONS": None,
    "PRE_COMMIT_FROM_REF": None,
    "PRE_COMMIT_TO_REF": None,
    "COLUMNS": "100",
    "NO_COLOR": "1",
}


@dataclass
class Run:
    stdout: str
    stderr: str
    exit_code: int
    stdout_bytes: bytes = b""


@cache
def _command() -> click.Command:
    # Built once: typer turns the app into click commands on every invoke otherwise, which is
    # most of the cost of a short command under test.
    return typer.main.get_command(app)


def invoke(
    args: list[str] | tuple[str, ...],
    env: Mapping[str, str | None] | None = None,
    input: str | bytes | None = None,
) -> Run:
    """`wal ARGS` in-process, as the shell would run it: stdout, stderr and the exit code. A
    traceback is never an answer: an exception escaping the CLI fails the test."""
    runner = CliRunner()
    code = 0
    with runner.isolation(input=input, env={**BASE_ENV, **(env or {})}) as (out, err, _):
        try:
            _command().main(args=list(args), prog_name="wal")
        except SystemExit as exit:
            code = exit.code if isinstance(exit.code, int) else (0 if exit.code is None else 1)
        finally:
            sys.stdout.flush()
            sys.stderr.flush()
        raw, said = out.getvalue(), err.getvalue()
    return Run(raw.decode("utf-8", "replace"), said.decode("utf-8", "replace"), code, raw)


class Wal:
    """`wal ARGS` on one registry (or on none: the root is then the caller's business)."""

    def __init__(self, root: Path | None) -> None:
        self.root = root

    def __call__(
        self, *args: str, env: Mapping[str, str | None] | None = None, input: str | None = None
    ) -> Run:
        rooted = {"WAL_ROOT": str(self.root)} if self.root else {}
        return invoke(args, {**rooted, **(env or {})}, input)


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


# -- goldens ---------------------------------------------------------------------------------


def golden(name: str, actual: str) -> None:
    """Compare with tests/golden/NAME; `pytest --update-goldens` rewrites it (a missing golden
    fails: it is written only when asked)."""
    path = GOLDEN / name
    if _UPDATE_GOLDENS:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(actual, encoding="utf-8")
        return
    assert path.exists(), f"no golden file {name}: run `python3 -m pytest --update-goldens`"
    assert actual == path.read_text(encoding="utf-8")

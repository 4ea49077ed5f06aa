"""Every command a message or a hint names (between backquotes) works where it is given: run
as given, it is neither refused nor unknown."""

from __future__ import annotations

import os
import re
import shlex
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.helpers_validate import Repo, Result, make_registry, wal

NAMED = re.compile(r"`((?:wal|git) [^`]+)`")


def named_commands(text: str) -> list[list[str]]:
    return [shlex.split(found) for found in NAMED.findall(text)]


def works(command: list[str], env: dict[str, str | None], stand_ins: dict[str, str]) -> None:
    args = [stand_ins.get(arg, arg) for arg in command]
    if args[0] == "git":
        done = subprocess.run(args, capture_output=True, text=True, check=False)
        assert done.returncode != 129 and "usage:" not in done.stderr, (args, done.stderr)
        return
    run = wal(*args[1:], env=env)
    assert run.exit_code in (0, 1), (args, run.stderr)
    assert "internal error" not in run.stderr


def unloaded_by_root_option(tmp: Path) -> tuple[Result, dict[str, str | None]]:
    root = make_registry(tmp)
    (root / "data" / "poles" / "biowin.yaml").write_text("id: [\n", encoding="utf-8")
    os.chdir(tmp)  # not inside the registry: `wal validate` alone would not find it
    return wal("--root", str(root), "poles", "list"), {}


def unloaded_by_environment(tmp: Path) -> tuple[Result, dict[str, str | None]]:
    root = make_registry(tmp)
    (root / "data" / "poles" / "biowin.yaml").write_text("id: [\n", encoding="utf-8")
    os.chdir(tmp)
    env: dict[str, str | None] = {"WAL_ROOT": str(root)}
    return wal("poles", "list", env=env), env


def unloaded_from_inside(tmp: Path) -> tuple[Result, dict[str, str | None]]:
    root = make_registry(tmp)
    (root / "data" / "poles" / "biowin.yaml").write_text("id: [\n", encoding="utf-8")
    os.chdir(root / "data" / "poles")
    return wal("stats"), {}


def outside_any_registry(tmp: Path) -> tuple[Result, dict[str, str | None]]:
    os.chdir(tmp)
    return wal("validate"), {}


def unknown_code(tmp: Path) -> tuple[Result, dict[str, str | None]]:
    os.chdir(tmp)
    return wal("validate", "--explain", "bogus"), {}


def damaged_repository(tmp: Path) -> tuple[Result, dict[str, str | None]]:
    repo = Repo.create(tmp)
    blob = repo.git("rev-parse", "HEAD:data/poles/biowin.yaml").strip()
    stored = repo.root / ".git" / "objects" / blob[:2] / blob[2:]
    stored.chmod(0o644)
    stored.write_bytes(b"damaged")
    os.chdir(tmp)
    return wal("--root", str(repo.root), "diff", "HEAD"), {}


SCENARIOS: list[Callable[[Path], tuple[Result, dict[str, str | None]]]] = [
    unloaded_by_root_option,
    unloaded_by_environment,
    unloaded_from_inside,
    outside_any_registry,
    unknown_code,
    damaged_repository,
]


@pytest.mark.parametrize("scenario", SCENARIOS, ids=lambda f: f.__name__)
def test_every_named_command_works(
    scenario: Callable[[Path], tuple[Result, dict[str, str | None]]], tmp_path: Path
) -> None:
    old = Path.cwd()
    try:
        run, env = scenario(tmp_path)
        commands = named_commands(run.stderr)
        assert commands, run.stderr  # each scenario names one
        stand_ins = {"DIR": str(make_registry(tmp_path, "another"))}
        for command in commands:
            works(command, env, stand_ins)
    finally:
        os.chdir(old)

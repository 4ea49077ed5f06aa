"""What the long fuzz run (`python bench/fuzz.py --runs 1000 --seed 1`) found after the
features landed, each kept as a test that fails without its fix."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent


def run(*args: str, **env: str) -> subprocess.CompletedProcess[str]:
    environment = {**os.environ, "WAL_ROOT": str(REPO), "PYTHONPATH": str(REPO), **env}
    return subprocess.run(
        [sys.executable, "-m", "walcli", *args],
        capture_output=True,
        text=True,
        env=environment,
        check=False,
        encoding="utf-8",
        errors="replace",
    )


@pytest.mark.slow
@pytest.mark.parametrize(
    "args",
    [("refs", "biowin", "--depth", "x"), ("new", "poles", "-x"), ("poles", "list", "--bogus")],
)
def test_a_usage_error_is_said_even_with_columns_zero(args: tuple[str, ...]) -> None:
    done = run(*args, COLUMNS="0")
    assert done.returncode == 2
    assert "--depth" in done.stderr or "-x" in done.stderr or "--bogus" in done.stderr


@pytest.mark.slow
@pytest.mark.parametrize(
    "args",
    [
        ("graph", "--format", "json"),
        ("timeline", "--record", "s3-2014-2020", "--format", "json"),
        ("refs", "s3-2014-2020", "--format", "json"),
    ],
)
def test_json_stays_json_when_stdout_cannot_hold_accents(args: tuple[str, ...]) -> None:
    done = run("--lang", "fr", *args, PYTHONIOENCODING="ascii")
    assert done.returncode == 0, done.stderr
    assert done.stdout.isascii()
    assert "é" in json.dumps(json.loads(done.stdout), ensure_ascii=False)

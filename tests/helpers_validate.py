"""Helpers for the tests of `wal validate`, `wal diff` and the hooks: the mini registry to
copy, the suite's runner, and git in a sandbox."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

from tests.conftest import BASE_ENV, MINI, REPO, TESTS, build_registry, invoke
from tests.conftest import Run as Result

EXAMPLES = TESTS / "examples"
INVALID = EXAMPLES / "invalid"
__all__ = ["BASE_ENV", "REPO", "Result", "edit", "make_registry", "wal"]


def wal(*args: str, env: dict[str, str | None] | None = None) -> Result:
    """`wal ARGS` through the suite's one runner."""
    return invoke(args, env)


def make_registry(parent: Path, name: str = "registry") -> Path:
    """A private copy of the mini registry (valid: `wal validate` finds nothing)."""
    return build_registry(parent / name, MINI / "data")


def edit(root: Path, rel: str, old: str, new: str) -> None:
    path = root / rel
    text = path.read_text(encoding="utf-8")
    assert old in text, (rel, old)
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


# -- git in a sandbox ---------------------------------------------------------------------------


def git_env(home: Path) -> dict[str, str]:
    """An environment where git reads no user or system configuration."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("GIT_", "PRE_COMMIT"))}
    env.update(
        HOME=str(home),
        GIT_CONFIG_NOSYSTEM="1",
        GIT_CONFIG_GLOBAL=os.devnull,
        GIT_AUTHOR_NAME="Test",
        GIT_AUTHOR_EMAIL="test@example.org",
        GIT_COMMITTER_NAME="Test",
        GIT_COMMITTER_EMAIL="test@example.org",
        GIT_AUTHOR_DATE="2026-01-01T00:00:00Z",
        GIT_COMMITTER_DATE="2026-01-01T00:00:00Z",
    )
    return env


class Repo:
    """A git repository holding a registry at its top."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.env = git_env(root.parent)

    def git(self, *args: str) -> str:
        done = subprocess.run(
            ["git", *args],
            cwd=self.root,
            env=self.env,
            capture_output=True,
            text=True,
            check=False,
        )
        assert done.returncode == 0, done.stderr
        return done.stdout

    def commit(self, message: str) -> None:
        self.git("add", "--all")
        self.git("commit", "--quiet", "--no-verify", "-m", message)

    @classmethod
    def create(cls, parent: Path) -> Repo:
        repo = cls(make_registry(parent))
        repo.git("init", "--quiet", "--initial-branch=main")
        repo.commit("the example registry")
        return repo

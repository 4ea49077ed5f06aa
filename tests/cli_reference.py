"""docs/cli.md, the CLI reference: every command's `--help`, generated from the CLI itself (as
sqlite-utils' docs are, with cog), so the reference cannot drift from the code.

    python3 -m tests.cli_reference --write     # rewrite docs/cli.md after changing the CLI

tests/test_cli_reference.py fails when docs/cli.md is stale, and when the README's command
summary leaves out a command or an option.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from functools import cache
from typing import Any

import typer

from tests.conftest import REPO, invoke
from walcli.cli import app

DOC = REPO / "docs" / "cli.md"
# Help as an 80-column terminal shows it, without colour: the same bytes on every machine.
ENV = {"COLUMNS": "80", "NO_COLOR": "1", "TERM": "dumb", "WAL_LANG": "en"}


@cache
def commands() -> list[tuple[list[str], Any]]:
    """Every visible command, as the words that call it and its click object, depth first."""

    def walk(command: Any, words: list[str]) -> Iterator[tuple[list[str], Any]]:
        yield words, command
        for name, sub in sorted(getattr(command, "commands", {}).items()):
            if not sub.hidden:
                yield from walk(sub, [*words, name])

    return list(walk(typer.main.get_command(app), []))


def options(command: Any) -> list[str]:
    """The long options a command takes (--help aside)."""
    found = []
    for param in command.params:
        if type(param).__name__.endswith("Option") and not getattr(param, "hidden", False):
            found += [o for o in param.opts if o.startswith("--") and o != "--help"]
    return found


def help_text(words: list[str]) -> str:
    run = invoke([*words, "--help"], ENV)
    assert run.exit_code == 0, run.stderr
    return "\n".join(line.rstrip() for line in run.stdout.splitlines()).strip() + "\n"


def reference() -> str:
    parts = [
        "# wal: command reference\n",
        "<!-- Generated from the CLI by `python3 -m tests.cli_reference --write`; do not edit"
        " by hand. -->\n",
        "Every command's `--help`, in English (`--lang fr` shows it in French).\n",
    ]
    for words, _ in commands():
        title = " ".join(["wal", *words])
        parts.append(f"## {title}\n\n```text\n{help_text(words)}```\n")
    return "\n".join(parts)


if __name__ == "__main__":
    if sys.argv[1:] != ["--write"]:
        sys.exit("usage: python3 -m tests.cli_reference --write")
    DOC.write_text(reference(), encoding="utf-8")
    print(f"wrote {DOC.relative_to(REPO)}")

"""The documentation follows the CLI: docs/cli.md is the CLI's own help, and the README's
command summary names every command and every option (a new option without a word in the
README fails here)."""

from __future__ import annotations

import pytest

from tests.cli_reference import DOC, commands, options, reference
from tests.conftest import REPO
from walcli.core.kinds import KINDS

README = (REPO / "README.md").read_text(encoding="utf-8")


def summary() -> dict[str, str]:
    """The README's command summary: 'wal WORDS' -> its line(s), options included."""
    block = README.split("## Commands\n", 1)[1].split("```\n", 1)[1].split("```", 1)[0]
    entries: dict[str, str] = {}
    key = ""
    for line in block.splitlines():
        if line.startswith("wal "):
            key = " ".join(_command_words(line.split()[1:]))
            entries[key] = entries.get(key, "") + line + "\n"
        elif key:
            entries[key] += line + "\n"
    return entries


def _command_words(tokens: list[str]) -> list[str]:
    """The words naming the command: lowercase words before the first argument or option
    (a summary line may start with KIND, standing for each kind)."""
    words = []
    for i, token in enumerate(tokens):
        if not (token.isalpha() and token.islower()) and not (i == 0 and token == "KIND"):
            break
        words.append(token)
    return words


def _as_summarised(words: list[str]) -> str:
    """`poles list` is summarised as `KIND list`, `new` as `new`."""
    return " ".join("KIND" if w in KINDS and i == 0 else w for i, w in enumerate(words))


def test_the_reference_is_the_clis_help() -> None:
    assert DOC.read_text(encoding="utf-8") == reference(), (
        "docs/cli.md is stale: python3 -m tests.cli_reference --write"
    )


# every command but the kind groups themselves (their commands are summarised as KIND ...)
SUMMARISED = [words for words, _ in commands() if not (len(words) == 1 and words[0] in KINDS)]


@pytest.mark.parametrize("words", SUMMARISED, ids=lambda words: " ".join(["wal", *words]))
def test_the_readme_summary_names_the_command_and_its_options(words: list[str]) -> None:
    command = dict((" ".join(w), c) for w, c in commands())[" ".join(words)]
    entry = summary().get(_as_summarised(words))
    assert entry is not None, f"README '## Commands' has no line for wal {' '.join(words)}"
    filters = {f"--{f.option}" for k in KINDS.values() for f in k.filters}
    missing = []
    for option in options(command):
        told = option in entry or (words[-1:] == ["list"] and option in filters)
        if not told:
            missing.append(option)
    assert missing == [], f"{' '.join(['wal', *words])}: options not in the README summary"


def test_each_filter_is_described_in_the_readme() -> None:
    listing = README.split("### list\n", 1)[1].split("\n### ", 1)[0]
    for kind in KINDS.values():
        for each in kind.filters:
            option = f"--{each.option}"
            assert option in listing, f"{kind.name}: {option} not in README '### list'"

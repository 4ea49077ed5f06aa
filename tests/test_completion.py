"""Shell completion (`wal --install-completion`): commands, options, kinds and record ids,
asked the way the shells ask, through the completion environment variables, in-process."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import invoke


def complete(words: str, env: dict[str, str | None] | None = None) -> list[str]:
    """What bash is offered for the last word of `words` (a trailing space: a new word)."""
    cword = len(words.split()) - (0 if words.endswith(" ") else 1)
    result = invoke(
        [],
        env={
            "_WAL_COMPLETE": "complete_bash",
            "COMP_WORDS": words,
            "COMP_CWORD": str(cword),
            "WAL_ROOT": None,
            **(env or {}),
        },
    )
    assert result.exit_code == 0, result.stderr
    return result.stdout.split()


def test_record_ids_complete_from_file_names(mini: Path) -> None:
    assert complete("wal poles show bio", {"WAL_ROOT": str(mini)}) == ["biowin"]
    assert complete("wal poles show ", {"WAL_ROOT": str(mini)}) == ["biowin", "mecatech"]
    assert complete("wal plans show m", {"WAL_ROOT": str(mini)}) == [
        "marshall-1",
        "marshall-2-vert",
    ]


def test_ids_follow_root_given_on_the_line(mini: Path) -> None:
    assert complete(f"wal --root {mini} domains show ") == ["biotech", "mechanical-engineering"]


def test_ids_come_from_file_names_without_reading_yaml(mini: Path) -> None:
    (mini / "data" / "poles" / "bioweird.yaml").write_text("id: [broken\n", encoding="utf-8")
    (mini / "data" / "poles" / "notes.txt").write_text("not a record\n", encoding="utf-8")
    assert complete("wal poles show bio", {"WAL_ROOT": str(mini)}) == ["bioweird", "biowin"]


def test_no_registry_offers_nothing(tmp_path: Path) -> None:
    assert complete(f"wal --root {tmp_path} poles show b") == []


@pytest.mark.parametrize(
    ("words", "offered"),
    [
        ("wal po", ["poles"]),
        ("wal ex", ["export"]),
        ("wal new ", ["domains", "poles", "plans", "shocks"]),
        ("wal new sh", ["shocks"]),
        ("wal export --f", ["--format", "--force"]),
        ("wal export --format ", ["csv", "xlsx", "sqlite", "datapackage", "json"]),
        ("wal poles list --dom", ["--domain"]),
    ],
)
def test_commands_options_and_kinds_complete(words: str, offered: list[str]) -> None:
    assert complete(words) == offered


def test_zsh_is_offered_ids_too(mini: Path) -> None:
    result = invoke(
        [],
        env={
            "_WAL_COMPLETE": "complete_zsh",
            "_TYPER_COMPLETE_ARGS": "wal poles show bio",
            "WAL_ROOT": str(mini),
        },
    )
    assert result.stdout == "_arguments '*: :((\"biowin\"))'\n"


def test_show_completion_prints_the_script() -> None:
    result = invoke(["--show-completion", "bash"])
    assert result.exit_code == 0
    assert "_WAL_COMPLETE=complete_bash" in result.stdout
    assert "complete -o default -F _wal_completion wal" in result.stdout


@pytest.mark.parametrize(
    ("words", "lang", "described"),
    [
        ("wal ", "en", '"diff":"What changed in the records since REV'),
        ("wal poles list --dom", "en", '"--domain":"Serving this domain'),
        ("wal poles list --dom", "fr", '"--domain":"Au service de ce domaine'),
    ],
)
def test_zsh_describes_commands_and_options_in_words(words: str, lang: str, described: str) -> None:
    result = invoke(
        [],
        env={
            "_WAL_COMPLETE": "complete_zsh",
            "_TYPER_COMPLETE_ARGS": words,
            "WAL_LANG": lang,
            "WAL_ROOT": None,
        },
    )
    assert described in result.stdout
    assert '"help.' not in result.stdout and '"report.help' not in result.stdout


def test_help_shown_before_does_not_set_the_language_of_completion() -> None:
    """The suite's runner reuses one command object, as a long-lived program would: help
    rendered in English must not leave English behind for a French completion."""
    assert invoke(["poles", "list", "--help"], env={"WAL_LANG": "en"}).exit_code == 0
    assert invoke(["--help"], env={"WAL_LANG": "en"}).exit_code == 0
    for words, described in (
        ("wal poles list --dom", '"--domain":"Au service de ce domaine'),
        ("wal ", '"diff":"Ce qui a changé'),
    ):
        env = {"_WAL_COMPLETE": "complete_zsh", "_TYPER_COMPLETE_ARGS": words}
        result = invoke([], env={**env, "WAL_LANG": "fr", "WAL_ROOT": None})
        assert described in result.stdout, result.stdout[:300]

"""The whole interface in one language: --lang anywhere, help that teaches in French and
English, ids that forgive, and `wal KIND fields`."""

from __future__ import annotations

import re

import pytest

from tests.conftest import Wal
from walcli.cli.framework import hoist_lang


def test_lang_is_accepted_after_the_command(wal: Wal) -> None:
    before = wal("--lang", "fr", "domains", "list", "--columns", "id,name")
    for args in (
        ("domains", "list", "--lang", "fr", "--columns", "id,name"),
        ("domains", "list", "--columns", "id,name", "--lang=fr"),
        ("domains", "--lang", "fr", "list", "--columns", "id,name"),
    ):
        run = wal(*args)
        assert (run.exit_code, run.stdout, run.stderr) == (0, before.stdout, "")
    assert "Génie mécanique" in before.stdout


def test_words_after_a_double_dash_are_left_alone() -> None:
    assert hoist_lang(["search", "--", "--lang", "fr"]) == ["search", "--", "--lang", "fr"]
    assert hoist_lang(["poles", "list", "--lang", "fr", "-w", "x=1"]) == [
        "--lang",
        "fr",
        "poles",
        "list",
        "-w",
        "x=1",
    ]


def test_a_bad_lang_anywhere_is_one_usage_error(wal: Wal) -> None:
    run = wal("poles", "list", "--lang", "de")
    assert (run.exit_code, run.stdout) == (2, "")
    assert run.stderr == "wal: --lang: expected fr or en, got 'de'\n"


def test_errors_speak_the_language_of_the_run(wal: Wal) -> None:
    run = wal("poles", "list", "--domain", "biotek", "--lang", "fr")
    assert run.exit_code == 2
    assert run.stderr == "wal: --domain : aucun domaine 'biotek' ; vouliez-vous dire biotech ?\n"
    unknown = wal("poles", "show", "biowinn", "--lang", "fr")
    assert unknown.exit_code == 1
    assert unknown.stderr == (
        "wal: aucun pôle ne porte l'identifiant 'biowinn' ; vouliez-vous dire biowin ?\n"
    )
    option = wal("poles", "list", "--colour", "--lang", "fr")
    assert option.exit_code == 2 and "Option inconnue : --colour" in option.stderr
    english = wal("poles", "list", "--colour")
    assert "No such option: --colour" in english.stderr
    extra = wal("poles", "list", "surplus", "--lang", "fr")
    assert extra.exit_code == 2 and "Arguments en trop : surplus" in extra.stderr
    missing = wal("poles", "show", "--lang", "fr")
    assert missing.exit_code == 2 and "Argument 'ID' manquant" in missing.stderr


def test_ids_forgive_case_and_suggest_what_starts_with_or_contains_the_text(wal: Wal) -> None:
    upper = wal("poles", "show", "BIOWIN", "-f", "json")
    assert upper.exit_code == 0 and '"id": "biowin"' in upper.stdout
    assert wal("poles", "list", "--domain", "BIOTECH", "--columns", "id").stdout == "id\nbiowin\n"
    run = Wal(None)("shocks", "show", "arcelor")
    assert run.exit_code == 1
    assert run.stderr == (
        "wal: no shock with id 'arcelor'; did you mean arcelormittal-liege-2011, "
        "arcelormittal-liege-2013?\n"
    )
    inside = Wal(None)("domains", "show", "engineering")
    assert "mechanical-engineering" in inside.stderr


def _commands() -> list[tuple[str, ...]]:
    """Every command of the app, read from it (a new command is checked without a list)."""
    import typer.main

    from walcli.cli import app

    found: list[tuple[str, ...]] = [()]
    root = typer.main.get_command(app)
    for name, command in getattr(root, "commands", {}).items():
        found.append((name,))
        found += [(name, sub) for sub in getattr(command, "commands", {})]
    return found


@pytest.mark.parametrize("command", _commands(), ids=lambda c: " ".join(c) or "wal")
@pytest.mark.parametrize("lang", ["fr", "en"])
def test_help_names_what_options_take_and_ends_with_examples(
    wal: Wal, command: tuple[str, ...], lang: str
) -> None:
    run = wal(*command, "--help", "--lang", lang, env={"COLUMNS": "120"})
    assert run.exit_code == 0, run.stderr
    out = run.stdout
    assert not re.search(r"<(bool|str|int|list\[str\])>", out), out
    assert not re.search(r"\bhelp\.[a-z]", out), out  # no catalog key left unrendered
    examples = [line for line in out.splitlines() if line.strip().startswith("$ wal ")]
    assert len(examples) >= 2, out
    heading = "Exemples :" if lang == "fr" else "Examples:"
    assert out.rstrip().splitlines()[-len(examples) - 1].strip() == heading


def test_help_is_french_under_lang_fr(wal: Wal) -> None:
    out = wal("poles", "list", "--help", "--lang", "fr", env={"COLUMNS": "120"}).stdout
    assert "Utilisation :" in out and "Au service de ce domaine" in out
    assert "Afficher cette aide." in out and "Show this message" not in out
    assert "--lang" in out  # declared on every command, for its help


@pytest.mark.slow
def test_fields_lists_the_paths_where_sort_and_columns_accept(wal: Wal) -> None:
    run = wal("poles", "fields")
    assert run.exit_code == 0
    rows = [line.split("\t") for line in run.stdout.splitlines()]
    assert rows[0] == ["path", "type", "label"]
    by_path = {row[0]: row for row in rows[1:]}
    assert by_path["domain"][1:] == ["id of a domain", "Domain"]
    assert by_path["labelled"][1].startswith("date (2006, 2006-07, 2006-07-12), per source")
    assert by_path["website"][1] == "URL"
    french = wal("poles", "fields", "--lang", "fr").stdout
    assert "domain\tidentifiant d'un domaine\tDomaine" in french
    for path in by_path:
        listed = wal("poles", "list", "--columns", path, "-f", "json")
        assert listed.exit_code == 0, (path, listed.stderr)

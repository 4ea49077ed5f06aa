"""Nothing vanishes without a word, and `wal validate` says what it checked: a record that
fails to load is named by every command that answers without it; validate refuses to check
data other than the registry it is in, and git refs from the environment are only refs."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from tests.conftest import Wal
from tests.helpers_validate import Repo, wal

DUPLICATE = "id: mecatech\nname: {fr: a, en: b}\nname: {fr: c, en: d}\n"
WARNING = (
    "wal: warning: data/poles/mecatech.yaml:3:1: not loaded, left out of this answer: "
    "duplicate key 'name' [yaml-duplicate-key]\n"
)


@pytest.fixture
def broken(mini: Path) -> Wal:
    (mini / "data" / "poles" / "mecatech.yaml").write_text(DUPLICATE, encoding="utf-8")
    return Wal(mini)


@pytest.mark.parametrize(
    "args",
    [
        ("poles", "list"),
        ("poles", "list", "--format", "json"),
        ("poles", "show", "biowin"),
        ("search", "biowin"),
        ("stats",),
    ],
)
def test_every_answering_command_names_what_did_not_load(
    broken: Wal, args: tuple[str, ...]
) -> None:
    run = broken(*args)
    assert run.exit_code == 0
    assert run.stderr == WARNING + "hint: `wal validate` lists every problem and how to fix it\n"
    assert "mecatech" not in run.stdout.replace("mechanical-engineering", "")


def test_a_command_about_other_kinds_says_nothing(broken: Wal) -> None:
    assert broken("plans", "list").stderr == ""


def test_show_of_a_record_that_did_not_load_names_its_file_and_problem(broken: Wal) -> None:
    run = broken("poles", "show", "mecatech")
    assert (run.exit_code, run.stdout) == (1, "")
    assert run.stderr.endswith(
        "wal: pole 'mecatech' did not load: data/poles/mecatech.yaml:3:1: duplicate key 'name'\n"
    )


def test_diff_names_what_did_not_load(tmp_path: Path) -> None:
    repo = Repo.create(tmp_path)
    (repo.root / "data" / "poles" / "biowin.yaml").write_text(DUPLICATE, encoding="utf-8")
    run = wal("--root", str(repo.root), "diff", "HEAD")
    assert run.exit_code == 0
    assert run.stderr.startswith("wal: warning: data/poles/biowin.yaml:3:1: not loaded")
    assert "data/poles/biowin.yaml" in run.stdout  # and listed as not compared


# -- validate checks the registry it is in -----------------------------------------------


def test_validate_outside_a_registry_refuses_with_the_fix(chdir: Path) -> None:
    run = wal("validate")
    assert (run.exit_code, run.stdout) == (2, "")
    assert run.stderr == (
        "wal: no registry here: neither this folder nor any above it holds data/ and schemas/\n"
        "hint: run it inside a checkout of the registry, or name one: "
        "`wal --root DIR validate` (or set WAL_ROOT=DIR)\n"
    )


def test_other_commands_still_answer_from_the_bundled_snapshot(chdir: Path) -> None:
    run = wal("domains", "list", "--columns", "id", "--where", "id=biotech")
    assert (run.exit_code, run.stdout) == (0, "id\nbiotech\n")


def test_validate_names_the_root_it_checked(mini: Path, chdir: Path) -> None:
    for run in (wal("--root", str(mini), "validate"), wal("validate", env={"WAL_ROOT": str(mini)})):
        assert run.exit_code == 0
        assert run.stderr == f"7 records, 0 errors, 0 warnings (registry {mini})\n"
    os.chdir(mini / "data")
    assert wal("validate").stderr.endswith(f"(registry {mini})\n")


# -- refs from the environment ------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "value"),
    [
        ("PRE_COMMIT_FROM_REF", "--output=FILE"),
        ("PRE_COMMIT_TO_REF", "--output=FILE"),
        ("PRE_COMMIT_FROM_REF", "no-such-branch"),
        ("PRE_COMMIT_TO_REF", ""),
    ],
)
def test_a_ref_from_the_environment_is_only_a_ref(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str, value: str
) -> None:
    repo = Repo.create(tmp_path)
    monkeypatch.chdir(repo.root)
    env: dict[str, str | None] = {"PRE_COMMIT_FROM_REF": "HEAD", "PRE_COMMIT_TO_REF": "HEAD"}
    env[name] = value
    env.update({k: v for k, v in repo.env.items() if k.startswith("GIT_CONFIG") or k == "HOME"})
    run = wal("validate", "--changed", env=env)
    assert not (repo.root / "FILE").exists()  # git never read it as an option
    if not value:  # unset: the staged change is checked, as without refs
        assert run.exit_code == 0
        return
    assert (run.exit_code, run.stdout) == (2, "")
    assert run.stderr.startswith(f"wal: {name}='{value}' is not a git revision of this repository")


def test_refs_that_name_commits_still_check_the_change(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    repo = Repo.create(tmp_path)
    first = repo.git("rev-parse", "HEAD").strip()
    removed = repo.root / "data" / "domains" / "mechanical-engineering.yaml"
    shutil.copyfile(removed, repo.root / "x.yaml")
    removed.unlink()
    repo.commit("remove mechanical-engineering")
    monkeypatch.chdir(repo.root)
    env: dict[str, str | None] = {"PRE_COMMIT_FROM_REF": first, "PRE_COMMIT_TO_REF": "HEAD"}
    env.update({k: v for k, v in repo.env.items() if k.startswith("GIT_CONFIG") or k == "HOME"})
    run = wal("validate", "--changed", env=env)
    assert run.exit_code == 1  # what named the domain is now broken
    assert "[unknown-reference]" in run.stdout

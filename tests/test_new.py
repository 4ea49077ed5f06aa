"""`wal new KIND ID`: a skeleton from the kind's schema whose problems are all in that file,
one per placeholder, until it is filled in."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
import yaml

from tests.conftest import REPO, Wal
from walcli.core.kinds import KINDS
from walcli.export.skeleton import skeleton
from walcli.schema.set import SchemaSet


@pytest.fixture
def real(tmp_path: Path) -> Path:
    """A registry with the repository's schemas and the rule fixtures' clean records."""
    root = tmp_path / "real"
    shutil.copytree(REPO / "schemas", root / "schemas")
    shutil.copytree(REPO / "tests" / "fixtures_rules" / "_base" / "data", root / "data")
    return root


def problems(wal: Wal) -> tuple[int, list[dict[str, object]]]:
    run = wal("validate", "--format", "json")
    return run.exit_code, json.loads(run.stdout)["problems"]


def placeholder_lines(text: str) -> list[int]:
    """Lines whose value (not comment) holds TODO."""
    return [
        number
        for number, line in enumerate(text.splitlines(), start=1)
        if "TODO" in line.split("#", 1)[0]
    ]


@pytest.mark.parametrize("kind", list(KINDS))
def test_new_then_validate_points_at_each_placeholder(real: Path, kind: str) -> None:
    wal = Wal(real)
    assert problems(wal) == (0, [])
    run = wal("new", kind, "my-record")
    rel = f"data/{kind}/my-record.yaml"
    assert run.exit_code == 0, run.stderr
    assert run.stdout == f"{real / rel}\n"
    assert (
        run.stderr
        == f"wrote {real / rel}: replace every TODO, then run wal validate {real / rel}\n"
    )
    text = (real / rel).read_text(encoding="utf-8")
    assert (
        text.splitlines()[0] == f"# yaml-language-server: $schema=../../schemas/{kind}.schema.json"
    )
    code, found = problems(wal)
    assert code == 1
    assert {p["file"] for p in found} == {rel}
    assert {p["code"] for p in found} == {"placeholder"}
    assert [p["line"] for p in found] == placeholder_lines(text)
    shown = wal("validate")
    assert "hint [placeholder]: Replace TODO with the real value" in shown.stderr


def test_the_skeleton_names_each_field_to_fill(real: Path) -> None:
    wal = Wal(real)
    assert wal("new", "poles", "my-pole").exit_code == 0
    run = wal("validate", str(real / "data" / "poles" / "my-pole.yaml"))
    assert run.exit_code == 1
    lines = run.stdout.splitlines()
    domain = "data/poles/my-pole.yaml:11:9: error [placeholder] domain is still TODO"
    assert f"{domain}: write the real value" in lines
    assert any("labelled.0.value is still TODO" in line for line in lines)
    assert any("sources.0.url is still TODO" in line for line in lines)
    text = (real / "data" / "poles" / "my-pole.yaml").read_text(encoding="utf-8")
    assert "domain: TODO  # The priority domain the pole serves (stored here only).\n" in text


def _fill(text: str, values: list[str]) -> str:
    """Replace each TODO value in turn."""
    found = iter(values)
    return re.sub(r"(?<=[:\[ ])TODO(?=[\],\s])", lambda _: next(found), text)


def test_a_filled_in_skeleton_validates(real: Path) -> None:
    """The placeholders are the only thing standing between the skeleton and a valid record."""
    wal = Wal(real)
    assert wal("new", "poles", "my-pole").exit_code == 0
    path = real / "data" / "poles" / "my-pole.yaml"
    text = path.read_text(encoding="utf-8").split("\n", 3)[3]  # the three header lines
    filled = _fill(
        text,
        [
            "Mon pôle",
            "My pole",
            "Un pôle de test.",
            "A test pole.",
            "biotech",
            "2006-07",
            "spw",
            "plan-one",
            "spw",
            "Plan Marshall",
            "https://economie.wallonie.be/",
        ],
    )
    path.write_text(filled, encoding="utf-8")
    run = wal("validate")
    assert (run.exit_code, run.stdout) == (0, "")


@pytest.mark.parametrize("kind", list(KINDS))
def test_the_skeleton_is_yaml_with_every_required_field(kind: str) -> None:
    documents = SchemaSet.load(REPO).documents
    text = skeleton(documents, kind, "x", "en")
    data = yaml.safe_load(text)
    assert data["id"] == "x"
    assert list(data)[-1] == "sources"
    required = set(documents[f"{kind}.schema.json"]["required"])
    assert required == set(data)
    assert data["name"] == {"fr": "TODO", "en": "TODO"}
    assert data["sources"] == [{"id": "TODO", "title": "TODO", "url": "TODO"}]


def test_an_existing_file_is_never_overwritten(wal: Wal, mini: Path) -> None:
    path = mini / "data" / "poles" / "biowin.yaml"
    before = path.read_bytes()
    run = wal("new", "poles", "biowin")
    assert (run.exit_code, run.stdout) == (2, "")
    assert run.stderr == (
        "wal: biowin is already the id of a pole (data/poles/biowin.yaml); "
        "ids are unique across the registry\n"
    )
    assert path.read_bytes() == before


def test_ids_are_unique_across_kinds(wal: Wal, mini: Path) -> None:
    run = wal("new", "shocks", "biotech")
    assert run.exit_code == 2
    assert run.stderr == (
        "wal: biotech is already the id of a domain (data/domains/biotech.yaml); "
        "ids are unique across the registry\n"
    )
    assert not (mini / "data" / "shocks" / "biotech.yaml").exists()


def test_a_broken_file_still_holds_its_id(wal: Wal, mini: Path) -> None:
    (mini / "data" / "plans" / "broken.yaml").write_text("id: [\n", encoding="utf-8")
    assert wal("new", "plans", "broken").exit_code == 2


@pytest.mark.parametrize("bad", ["My-Pole", "my_pole", "-pole", "pole-", "a--b", "é", "x" * 81])
def test_an_id_must_be_a_slug(wal: Wal, mini: Path, bad: str) -> None:
    run = wal("new", "poles", "--", bad)
    assert run.exit_code == 2
    assert run.stderr.startswith(f"wal: {bad!r} is not an id: ids are lowercase letters")
    assert sorted(p.name for p in (mini / "data" / "poles").iterdir()) == [
        "biowin.yaml",
        "mecatech.yaml",
    ]


def test_close_ids_are_warned_about(wal: Wal, mini: Path) -> None:
    run = wal("new", "poles", "biowinn")
    assert run.exit_code == 0
    assert run.stderr.splitlines()[0] == (
        "warning: biowinn is close to existing ids: biowin; is it really a new record?"
    )
    assert (mini / "data" / "poles" / "biowinn.yaml").exists()


def test_an_unknown_kind_is_a_usage_error(wal: Wal) -> None:
    run = wal("new", "pole", "x")
    assert (run.exit_code, run.stderr) == (
        2,
        "wal: no kind 'pole'; expected one of domains, poles, plans, shocks\n",
    )


def test_messages_follow_lang(wal: Wal, mini: Path) -> None:
    run = wal("--lang", "fr", "new", "plans", "plan-trois")
    assert run.exit_code == 0
    rel = mini / "data" / "plans" / "plan-trois.yaml"
    assert run.stderr == f"{rel} écrit : remplacez chaque TODO, puis lancez wal validate {rel}\n"
    second = rel.read_text(encoding="utf-8").splitlines()[1]
    assert second == (
        "# Nouvelle fiche (plan) : remplacez chaque TODO (les commentaires disent quoi y "
        "mettre), puis lancez"
    )


def test_the_path_is_shown_relative_to_where_you_are(
    mini: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(mini)
    run = Wal(mini)("new", "poles", "my-pole")
    assert run.stdout == "data/poles/my-pole.yaml\n"

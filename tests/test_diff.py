"""`wal diff REV`: the records at a git revision against the work tree, in words."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.helpers_validate import Repo, edit, make_registry, wal
from walcli.analysis.diff import MISSING, field_changes
from walcli.analysis.renames import similarity


@pytest.fixture
def repo(tmp_path: Path) -> Repo:
    return Repo.create(tmp_path)


def diff(repo: Repo, *args: str) -> str:
    run = wal("--root", str(repo.root), "diff", *args)
    assert run.exit_code == 0, run.stderr
    assert run.stderr == ""
    return run.stdout


def change_everything(repo: Repo) -> None:
    """One change of each sort: a field, a reference, an added, a removed, a renamed record."""
    edit(repo.root, "data/poles/biowin.yaml", "  - value: 2006-07", "  - value: 2006-08")
    edit(repo.root, "data/poles/biowin.yaml", "https://biowin.org/", "https://www.biowin.org/")
    edit(repo.root, "data/poles/biowin.yaml", "domain: biotech", "domain: biotechnology")
    repo.git("mv", "data/domains/biotech.yaml", "data/domains/biotechnology.yaml")
    edit(repo.root, "data/domains/biotechnology.yaml", "id: biotech", "id: biotechnology")
    edit(repo.root, "data/domains/biotechnology.yaml", "en: Biotechnology", "en: Biotechnologies")
    repo.git("rm", "--quiet", "data/shocks/arcelormittal-liege-2013.yaml")
    text = (repo.root / "data" / "plans" / "marshall-1.yaml").read_text(encoding="utf-8")
    (repo.root / "data" / "plans" / "marshall-4-0.yaml").write_text(
        text.replace("id: marshall-1", "id: marshall-4-0")
        .replace("fr: Plan d'actions prioritaires pour l'avenir wallon", "fr: Plan Marshall 4.0")
        .replace("en: Priority action plan for the Walloon future", "en: Marshall Plan 4.0")
        .replace("start: 2006", "start: 2015")
        .replace("end: 2009", "end: 2019")
        .replace("Premier Plan Marshall, de 2006 à 2009.", "Quatrième vague, de 2015 à 2019.")
        .replace("The first Marshall Plan, 2006 to 2009.", "The fourth wave, 2015 to 2019."),
        encoding="utf-8",
    )


def test_a_data_change_in_words(repo: Repo) -> None:
    change_everything(repo)
    repo.commit("a change of each sort")
    head = repo.git("rev-parse", "HEAD~1").strip()
    assert diff(repo, "HEAD~1") == (
        f"Records since HEAD~1 ({head[:12]}): 1 added, 1 removed, 1 renamed, 1 changed\n"
        "\n"
        "renamed domain biotech -> biotechnology (Biotechnologies), 89% of its fields unchanged\n"
        '  name.en: "Biotechnology" -> "Biotechnologies"\n'
        "\n"
        "changed pole biowin (BioWin)\n"
        '  domain: "biotech" (Biotechnology) -> "biotechnology" (Biotechnologies)\n'
        '  labelled.0.value: "2006-07" -> "2006-08"\n'
        '  website: "https://biowin.org/" -> "https://www.biowin.org/"\n'
        "\n"
        "added plan marshall-4-0 (Marshall Plan 4.0)\n"
        "\n"
        "removed shock arcelormittal-liege-2013 (ArcelorMittal Liège, cold phase (2013))\n"
    )


def test_the_work_tree_is_compared_as_it_is_and_left_alone(repo: Repo) -> None:
    change_everything(repo)  # not committed: staged and unstaged changes alike
    before = repo.git("status", "--porcelain")
    text = diff(repo, "HEAD")
    assert "1 added, 1 removed, 1 renamed, 1 changed" in text
    assert repo.git("status", "--porcelain") == before


def test_names_and_words_follow_the_language(repo: Repo) -> None:
    change_everything(repo)
    text = wal("--root", str(repo.root), "--lang", "fr", "diff", "HEAD").stdout
    assert text.startswith("Fiches depuis HEAD (")
    assert "plan ajouté : marshall-4-0 (Plan Marshall 4.0)" in text
    assert '"biotech" (Biotechnologie) -> "biotechnology" (Biotechnologie)' in text


def test_references_the_change_breaks(repo: Repo) -> None:
    repo.git("rm", "--quiet", "data/plans/marshall-1.yaml")
    repo.git("mv", "data/domains/biotech.yaml", "data/domains/biotechnology.yaml")
    edit(repo.root, "data/domains/biotechnology.yaml", "id: biotech", "id: biotechnology")
    text = diff(repo, "HEAD")
    assert text.endswith(
        "References this change breaks:\n"
        "  data/domains/biotechnology.yaml:9:16: domains/biotechnology introduced_by still "
        "names plan marshall-1, which was removed\n"
        "  data/domains/mechanical-engineering.yaml:9:16: domains/mechanical-engineering "
        "introduced_by still names plan marshall-1, which was removed\n"
        "  data/plans/marshall-2-vert.yaml:17:14: plans/marshall-2-vert predecessor still names "
        "plan marshall-1, which was removed\n"
        "  data/poles/biowin.yaml:8:9: poles/biowin domain still names domain biotech, which "
        "was renamed to biotechnology\n"
        "  data/poles/biowin.yaml:12:14: poles/biowin labelled_by still names plan marshall-1, "
        "which was removed\n"
        "  data/poles/mecatech.yaml:14:14: poles/mecatech labelled_by still names plan "
        "marshall-1, which was removed\n"
    )


def test_json_format(repo: Repo) -> None:
    change_everything(repo)
    result = json.loads(diff(repo, "HEAD", "--format", "json"))
    assert list(result) == ["rev", "commit", "counts", "records", "broken_references", "unreadable"]
    assert result["counts"] == {"added": 1, "removed": 1, "renamed": 1, "changed": 1}
    renamed, changed, added, removed = result["records"]
    assert (renamed["status"], renamed["old_id"], renamed["id"]) == (
        "renamed",
        "biotech",
        "biotechnology",
    )
    assert changed["changes"][0] == {
        "path": "domain",
        "change": "changed",
        "old": "biotech",
        "new": "biotechnology",
        "old_name": "Biotechnology",
        "new_name": "Biotechnologies",
    }
    assert (added["status"], added["kind"], added["changes"]) == ("added", "plans", [])
    assert removed["name"] == "ArcelorMittal Liège, cold phase (2013)"


def test_markdown_format(repo: Repo) -> None:
    change_everything(repo)
    text = diff(repo, "HEAD", "--format", "markdown")
    assert text.startswith("## Records since HEAD (")
    assert "| field | before | after |" in text
    assert '| labelled.0.value | "2006-07" | "2006-08" |' in text
    assert "### removed shock arcelormittal-liege-2013 (ArcelorMittal Liège, cold" in text


def test_nothing_changed(repo: Repo) -> None:
    assert diff(repo, "HEAD").endswith("): no record changed\n")


def test_unreadable_files_are_listed_not_compared(repo: Repo) -> None:
    (repo.root / "data" / "poles" / "biowin.yaml").write_text("id: [broken\n", encoding="utf-8")
    run = wal("--root", str(repo.root), "diff", "HEAD")
    assert run.exit_code == 0
    assert run.stderr.startswith(
        "wal: warning: data/poles/biowin.yaml:2:1: not loaded, left out of this answer: "
    )
    text = run.stdout
    assert text.endswith("Not compared (the file does not load):\n  data/poles/biowin.yaml\n")
    assert "removed pole biowin" not in text


def test_a_bad_revision_is_a_usage_error(repo: Repo) -> None:
    run = wal("--root", str(repo.root), "diff", "no-such-branch")
    assert (run.exit_code, run.stdout) == (2, "")
    assert run.stderr == (
        "wal: unknown git revision 'no-such-branch'\n"
        "hint: name a commit, branch or tag, e.g. HEAD~1, main or origin/main\n"
    )
    option_like = wal("--root", str(repo.root), "diff", "--", "--output=/tmp/x")
    assert option_like.exit_code == 2


def test_outside_git_is_a_usage_error(tmp_path: Path) -> None:
    root = make_registry(tmp_path)
    run = wal("--root", str(root), "diff", "HEAD")
    assert (run.exit_code, run.stdout) == (2, "")
    assert run.stderr == f"wal: {root}: not inside a git work tree\n"


def test_unknown_format_is_a_usage_error(repo: Repo) -> None:
    run = wal("--root", str(repo.root), "diff", "HEAD", "--format", "csv")
    assert run.exit_code == 2
    assert run.stderr == "wal: --format: expected one of text, json, markdown, got 'csv'\n"


# -- the comparison itself --------------------------------------------------------------------


def test_one_inserted_list_item_reads_as_one_addition() -> None:
    old = {"sources": [{"id": "a"}, {"id": "b"}]}
    new = {"sources": [{"id": "z"}, {"id": "a"}, {"id": "b"}]}
    (change,) = field_changes(old, new)
    assert (change.path, change.old, change.new) == ("sources.0", MISSING, {"id": "z"})


def test_fields_added_removed_and_changed() -> None:
    changes = field_changes({"a": 1, "b": {"c": 2}}, {"b": {"c": 3}, "d": [1]})
    assert [(c.path, c.change) for c in changes] == [
        ("a", "removed"),
        ("b.c", "changed"),
        ("d", "added"),
    ]


def test_similarity_ignores_the_id() -> None:
    assert similarity({"id": "a", "x": 1, "y": 2}, {"id": "b", "x": 1, "y": 2}) == 1.0
    assert similarity({"id": "a", "x": 1, "y": 2}, {"id": "b", "x": 1, "y": 3}) == 0.5

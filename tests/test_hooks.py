"""The pre-commit hook and the CI workflow.

The hook is run the way pre-commit runs it, in a real git repository: the staged files that
pre-commit would pass (added, copied, modified, renamed; never deleted), filtered by the
hook's `files` pattern, after the arguments of its `entry`, from the top of the work tree.
(`pre-commit try-repo` itself builds a virtualenv from the network, too slow for a test.)
"""

from __future__ import annotations

import re
import shlex
from pathlib import Path
from typing import Any

import pytest

from tests.helpers_validate import REPO, Repo, Result, edit, make_registry, wal

HOOKS_FILE = REPO / ".pre-commit-hooks.yaml"
WORKFLOW = REPO / ".github" / "workflows" / "ci.yml"


def hook() -> dict[str, Any]:
    """The wal-validate hook, as pre-commit reads it (defaults filled in, schema checked)."""
    from pre_commit.clientlib import load_manifest

    (found,) = [h for h in load_manifest(str(HOOKS_FILE)) if h["id"] == "wal-validate"]
    return dict(found)


def staged(repo: Repo) -> list[str]:
    """pre-commit's list of files for a commit (its git.get_staged_files)."""
    out = repo.git(
        "diff", "--staged", "--name-only", "--no-ext-diff", "-z", "--diff-filter=ACMRTUXB"
    )
    return [name for name in out.split("\0") if name]


def run_hook(
    repo: Repo,
    monkeypatch: pytest.MonkeyPatch,
    files: list[str] | None = None,
    env: dict[str, str | None] | None = None,
) -> Result | None:
    """Run the hook on the staged change (or on the given files); None if pre-commit would
    skip it."""
    spec = hook()
    candidates = staged(repo) if files is None else files
    chosen = [
        name
        for name in candidates
        if re.search(spec["files"], name) and not re.search(spec["exclude"], name)
    ]
    if not chosen and not spec["always_run"]:
        return None
    command = shlex.split(spec["entry"]) + list(spec["args"])
    assert command[:2] == ["wal", "validate"]
    monkeypatch.chdir(repo.root)
    git_env: dict[str, str | None] = {
        k: v for k, v in repo.env.items() if k.startswith("GIT_CONFIG") or k == "HOME"
    }
    return wal(
        *command[1:], *(chosen if spec["pass_filenames"] else []), env={**git_env, **(env or {})}
    )


@pytest.fixture
def repo(tmp_path: Path) -> Repo:
    return Repo.create(tmp_path)


# -- the manifest ---------------------------------------------------------------------------


def test_the_manifest_is_valid_for_pre_commit() -> None:
    spec = hook()
    assert spec["language"] == "python"
    assert spec["entry"].split()[:3] == ["wal", "validate", "--strict"]
    assert "--changed" in spec["entry"].split()
    assert spec["pass_filenames"] is True
    assert spec["always_run"] is True  # a commit that only deletes passes no file
    pattern = re.compile(spec["files"])
    for name in ("data/poles/biowin.yaml", "data/poles/notes.yml", "schemas/poles.schema.json"):
        assert pattern.search(name), name
    for name in ("README.md", "walcli/cli.py", "tests/examples/registry/data/poles/x.yaml"):
        assert not pattern.search(name), name


# -- a commit that breaks a record ------------------------------------------------------------


def test_a_broken_change_names_file_line_column_and_fix(
    repo: Repo, monkeypatch: pytest.MonkeyPatch
) -> None:
    edit(repo.root, "data/poles/biowin.yaml", "website: https://biowin.org/", "website: NO")
    edit(repo.root, "data/poles/biowin.yaml", "domain: biotech", "domain: biotec")
    repo.git("add", "data/poles/biowin.yaml")
    run = run_hook(repo, monkeypatch)
    assert run is not None and run.exit_code == 1
    assert run.stdout == (
        "data/poles/biowin.yaml:8:9: error [unknown-reference] no domain 'biotec'; "
        "did you mean biotech?\n"
        "data/poles/biowin.yaml:13:10: error [yaml-implicit-type] unquoted NO is read by YAML "
        "as false, but this field expects text; if you mean the text, quote it: 'NO'\n"
    )
    assert run.stderr.splitlines() == [
        "hint [unknown-reference]: Use one of the suggested ids, or add the missing record.",
        "hint [yaml-implicit-type]: Quote the value as the message shows ('NO', '12:30'); "
        "for a number, write it in plain decimals (8, not 010).",
        f"7 records, 1 file reported on, 2 errors, 0 warnings (registry {repo.root})",
    ]


def test_a_good_change_passes_even_if_other_files_are_broken(
    repo: Repo, monkeypatch: pytest.MonkeyPatch
) -> None:
    edit(repo.root, "data/shocks/arcelormittal-liege-2013.yaml", "site: Liège", "x: 1")
    repo.commit("broken before this change")
    edit(
        repo.root,
        "data/poles/biowin.yaml",
        "website: https://biowin.org/",
        "website: https://biowin.be/",
    )
    repo.git("add", "data/poles/biowin.yaml")
    run = run_hook(repo, monkeypatch)
    assert run is not None and (run.exit_code, run.stdout) == (0, "")


def test_a_commit_without_data_runs_and_checks_nothing(
    repo: Repo, monkeypatch: pytest.MonkeyPatch
) -> None:
    (repo.root / "README.md").write_text("# registry\n", encoding="utf-8")
    repo.git("add", "README.md")
    run = run_hook(repo, monkeypatch)
    assert run is not None
    assert (run.exit_code, run.stdout) == (0, "")
    assert run.stderr == "no data file changed: nothing to check\n"


def test_a_stray_file_fails_the_strict_hook(repo: Repo, monkeypatch: pytest.MonkeyPatch) -> None:
    (repo.root / "data" / "poles" / "skywin.yml").write_text("id: skywin\n", encoding="utf-8")
    repo.git("add", "data/poles/skywin.yml")
    run = run_hook(repo, monkeypatch)
    assert run is not None and run.exit_code == 1
    assert run.stdout == (
        "data/poles/skywin.yml:1:1: warning [stray-file] skipped file (rename it to .yaml)\n"
    )


# -- problems a change causes in other files -------------------------------------------------


def test_deleting_a_referenced_record_is_reported(
    repo: Repo, monkeypatch: pytest.MonkeyPatch
) -> None:
    repo.git("rm", "--quiet", "data/plans/marshall-1.yaml")
    assert staged(repo) == []  # pre-commit passes nothing: the hook must always run
    run = run_hook(repo, monkeypatch)
    assert run is not None and run.exit_code == 1
    assert run.stdout == "".join(
        f"{where}: error [unknown-reference] no plan 'marshall-1'; did you mean marshall-2-vert?\n"
        for where in (
            "data/domains/biotech.yaml:9:16",
            "data/domains/mechanical-engineering.yaml:9:16",
            "data/plans/marshall-2-vert.yaml:17:14",
            "data/poles/biowin.yaml:12:14",
            "data/poles/mecatech.yaml:14:14",
        )
    )


def test_renaming_a_referenced_record_is_reported_with_the_new_id(
    repo: Repo, monkeypatch: pytest.MonkeyPatch
) -> None:
    repo.git("mv", "data/domains/biotech.yaml", "data/domains/biotechnology.yaml")
    edit(repo.root, "data/domains/biotechnology.yaml", "id: biotech", "id: biotechnology")
    repo.git("add", "data/domains/biotechnology.yaml")
    assert staged(repo) == ["data/domains/biotechnology.yaml"]
    run = run_hook(repo, monkeypatch)
    assert run is not None and run.exit_code == 1
    assert run.stdout == (
        "data/poles/biowin.yaml:8:9: error [unknown-reference] no domain 'biotech'; "
        "did you mean biotechnology?\n"
    )


def test_an_id_taken_twice_is_reported_on_the_other_file(
    repo: Repo, monkeypatch: pytest.MonkeyPatch
) -> None:
    text = (repo.root / "data" / "poles" / "biowin.yaml").read_text(encoding="utf-8")
    (repo.root / "data" / "domains" / "biowin.yaml").write_text(text, encoding="utf-8")
    repo.git("add", "data/domains/biowin.yaml")
    run = run_hook(repo, monkeypatch)
    assert run is not None and run.exit_code == 1
    codes = re.findall(r"^(\S+): error \[([\w-]+)\]", run.stdout, re.MULTILINE)
    assert ("data/poles/biowin.yaml:1:5", "duplicate-id") in codes


def test_a_schema_change_rechecks_every_record(repo: Repo, monkeypatch: pytest.MonkeyPatch) -> None:
    edit(
        repo.root,
        "schemas/poles.schema.json",
        '"$ref": "defs.schema.json#/$defs/url"',
        '"type": "string", "maxLength": 3',
    )
    repo.git("add", "schemas/poles.schema.json")
    run = run_hook(repo, monkeypatch)
    assert run is not None and run.exit_code == 1
    assert run.stdout.startswith("data/poles/biowin.yaml:13:10: error [schema-max-length] ")


def test_pre_commit_from_and_to_refs_see_deletions_between_them(
    repo: Repo, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`pre-commit run --from-ref A --to-ref B` (CI) passes the files changed between A and B
    and sets PRE_COMMIT_FROM_REF / PRE_COMMIT_TO_REF; deletions come from those refs."""
    repo.git("rm", "--quiet", "data/plans/marshall-1.yaml")
    repo.git("commit", "--quiet", "--no-verify", "-m", "drop the plan")
    refs: dict[str, str | None] = {"PRE_COMMIT_FROM_REF": "HEAD~1", "PRE_COMMIT_TO_REF": "HEAD"}
    run = run_hook(repo, monkeypatch, files=[], env=refs)
    assert run is not None and run.exit_code == 1
    assert run.stdout.count("no plan 'marshall-1'") == 5
    # the same commit seen without the refs: nothing is staged, nothing to check
    clean = run_hook(repo, monkeypatch, files=[])
    assert clean is not None and (clean.exit_code, clean.stdout) == (0, "")


def test_changed_needs_a_git_work_tree(tmp_path: Path) -> None:
    root = make_registry(tmp_path)
    run = wal("--root", str(root), "validate", "--changed")
    assert run.exit_code == 2
    assert run.stderr == f"wal: {root}: not inside a git work tree\n"


def test_deletions_are_found_for_a_registry_in_a_subfolder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    top = tmp_path / "repo"
    top.mkdir()
    repo = Repo(top)
    make_registry(top, "registry")
    repo.git("init", "--quiet")
    repo.commit("a registry in a subfolder")
    repo.git("rm", "--quiet", "registry/data/plans/marshall-1.yaml")
    monkeypatch.chdir(top)
    env: dict[str, str | None] = {
        "HOME": repo.env["HOME"],
        "GIT_CONFIG_GLOBAL": repo.env["GIT_CONFIG_GLOBAL"],
    }
    run = wal("--root", "registry", "validate", "--changed", env=env)
    assert run.exit_code == 1
    assert run.stdout.count("no plan 'marshall-1'") == 5


# -- files given by hand ----------------------------------------------------------------------


def test_a_missing_file_argument_counts_as_a_deleted_record(tmp_path: Path) -> None:
    root = make_registry(tmp_path)
    (root / "data" / "plans" / "marshall-1.yaml").unlink()
    run = wal("--root", str(root), "validate", str(root / "data" / "plans" / "marshall-1.yaml"))
    assert run.exit_code == 1
    assert run.stdout.count("[unknown-reference] no plan 'marshall-1'") == 5


def test_a_file_outside_the_registry_is_a_usage_error(tmp_path: Path) -> None:
    root = make_registry(tmp_path)
    run = wal("--root", str(root), "validate", str(tmp_path / "elsewhere.yaml"))
    assert run.exit_code == 2
    assert run.stderr.startswith(f"wal: {tmp_path / 'elsewhere.yaml'}: not inside the registry")


# -- the workflow -----------------------------------------------------------------------------


def load_workflow() -> Any:
    """As GitHub reads it: YAML 1.2, where `on:` is a key, not the boolean YAML 1.1 makes it."""
    from ruamel.yaml import YAML

    return YAML(typ="safe", pure=True).load(WORKFLOW.read_text(encoding="utf-8"))


def test_the_workflow_is_a_valid_github_workflow() -> None:
    """Checked against the GitHub workflow schema that check-jsonschema ships."""
    import json
    from importlib.resources import files

    from jsonschema import Draft7Validator

    schema_file = files("check_jsonschema.builtin_schemas.vendor") / "github-workflows.json"
    schema = json.loads(schema_file.read_text(encoding="utf-8"))
    workflow = load_workflow()
    errors = [e.message for e in Draft7Validator(schema).iter_errors(workflow)]
    assert errors == []


def test_the_workflow_runs_ci_and_the_strict_validation() -> None:
    workflow = load_workflow()
    runs = [step.get("run", "") for job in workflow["jobs"].values() for step in job["steps"]]
    assert "bash .ci/run" in runs
    assert "wal validate --strict" in runs
    # annotations come from GITHUB_ACTIONS=true, which the runner sets: no --format there
    assert not any("validate --strict --format" in run for run in runs)


def test_a_folder_argument_stands_for_its_files(tmp_path: Path) -> None:
    root = make_registry(tmp_path)
    edit(root, "data/poles/biowin.yaml", "website: https://biowin.org/", "website: NO")
    poles = wal("--root", str(root), "validate", str(root / "data" / "poles"))
    assert poles.exit_code == 1
    assert poles.stdout.startswith("data/poles/biowin.yaml:13:10: error [yaml-implicit-type]")
    assert wal("--root", str(root), "validate", str(root / "data" / "plans")).exit_code == 0
    everything = wal("--root", str(root), "validate", str(root))
    assert (everything.exit_code, everything.stdout) == (1, poles.stdout)

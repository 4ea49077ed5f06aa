"""The README's Export and Contribute sections, run as written: the sqlite3, Datasette and
DuckDB queries, and the `repo: local` pre-commit set-up on a registry checkout."""

from __future__ import annotations

import re
import shlex
from pathlib import Path
from typing import Any

import pytest
import yaml

from tests.conftest import REPO, Wal
from tests.helpers_export import query
from tests.helpers_validate import Repo, wal

pytestmark = pytest.mark.slow  # the README recipes, run with external tools: the slow set

README = (REPO / "README.md").read_text(encoding="utf-8")


def _section(title: str) -> str:
    start = README.index(f"\n## {title}\n")
    end = README.index("\n## ", start + 1)
    return README[start:end]


def _blocks(section: str, language: str) -> list[str]:
    return re.findall(rf"```{language}\n(.*?)```", section, re.DOTALL)


def sqlite3_queries() -> list[str]:
    found = []
    for block in _blocks(_section("Export"), "sh"):
        for command in re.findall(r'^sqlite3 wal\.db "(.*?)"', block, re.DOTALL | re.MULTILINE):
            found.append(" ".join(command.split()))
    return found


@pytest.fixture(scope="module")
def exported(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("readme")
    runner = Wal(REPO)
    for fmt, name in (("sqlite", "wal.db"), ("csv", "wal-csv")):
        assert runner("export", "--format", fmt, "--out", str(folder / name)).exit_code == 0
    return folder


def test_the_readme_describes_every_exporter() -> None:
    from walcli.export import EXPORTERS

    section = _section("Export")
    for name in EXPORTERS:
        assert f"- **{name}**:" in section, name
        assert f"--format {name}" in section, name


def test_the_readme_has_sqlite3_queries() -> None:
    assert len(sqlite3_queries()) == 3


@pytest.mark.parametrize("sql", sqlite3_queries())
def test_each_sqlite3_query_of_the_readme_answers(exported: Path, sql: str) -> None:
    rows = query(exported / "wal.db", sql)
    assert rows, sql


def test_the_first_query_joins_poles_to_their_domains(exported: Path) -> None:
    rows = dict(query(exported / "wal.db", sqlite3_queries()[0]))
    assert (
        rows["biowin"]
        == query(exported / "wal.db", "SELECT name_en FROM domains WHERE id = 'biotech'")[0][0]
    )


def test_the_datasette_query_of_the_readme(exported: Path) -> None:
    pytest.importorskip("datasette")
    import asyncio

    from datasette.app import Datasette

    (path,) = re.findall(r"datasette wal\.db --get '(.*?)'", _section("Export"))

    async def ask() -> Any:
        response = await Datasette([str(exported / "wal.db")]).client.get(path)
        return response.status_code, response.json()

    status, rows = asyncio.run(ask())
    assert status == 200
    assert {"id": "biowin", "domain": "biotech"} in rows


def test_the_duckdb_csv_query_of_the_readme(exported: Path) -> None:
    duckdb = pytest.importorskip("duckdb")
    (block,) = _blocks(_section("Export"), "sql")
    sql = block.split("-- ... or on the CSV export, with nothing to download\n")[1]
    sql = sql.replace("wal-csv/", f"{exported / 'wal-csv'}/")
    rows = dict(duckdb.sql(sql).fetchall())
    assert (
        rows["biowin"]
        == query(exported / "wal.db", "SELECT name_en FROM domains WHERE id = 'biotech'")[0][0]
    )


# -- the repo: local hook ----------------------------------------------------------------------


def local_hook() -> dict[str, Any]:
    """The README's .pre-commit-config.yaml, as pre-commit reads it (schema checked)."""
    from pre_commit.clientlib import load_config

    (block,) = [b for b in _blocks(_section("Contribute a record"), "yaml") if "repo: local" in b]
    path = REPO / "tests" / ".readme-pre-commit-config.yaml"
    try:
        path.write_text(block, encoding="utf-8")
        config = load_config(str(path))
    finally:
        path.unlink(missing_ok=True)
    assert yaml.safe_load(block)["repos"][0]["repo"] == "local"
    ((hook,),) = [repo["hooks"] for repo in config["repos"]]
    return dict(hook)


def test_the_local_hook_is_valid_for_pre_commit() -> None:
    hook = local_hook()
    # pre-commit 4.4 reads `system` (what 3.x knows) as its new name, `unsupported`.
    assert hook["language"] in ("system", "unsupported")
    assert shlex.split(hook["entry"])[:2] == ["wal", "validate"]


def test_the_local_hook_catches_an_unfinished_new_record(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    hook = local_hook()
    repo = Repo.create(tmp_path)
    assert wal("--root", str(repo.root), "new", "poles", "my-pole").exit_code == 0
    repo.git("add", "--all")
    staged = [n for n in repo.git("diff", "--staged", "--name-only").split() if n]
    chosen = [n for n in staged if re.search(hook["files"], n)]
    assert chosen == ["data/poles/my-pole.yaml"]
    monkeypatch.chdir(repo.root)
    git_env: dict[str, str | None] = {
        k: v for k, v in repo.env.items() if k.startswith("GIT_CONFIG") or k == "HOME"
    }
    command = shlex.split(hook["entry"])[1:] + chosen
    run = wal(*command, env=git_env)
    assert run.exit_code == 1
    lines = run.stdout.splitlines()
    assert lines and all(
        line.startswith("data/poles/my-pole.yaml:") and "[placeholder]" in line for line in lines
    )

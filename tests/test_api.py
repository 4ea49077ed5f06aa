"""The Python API, as the README documents it: its example runs and prints what it says."""

from __future__ import annotations

import contextlib
import io
import re
from pathlib import Path

import pytest

import walcli
from walcli.core.errors import UsageError

REPO = Path(__file__).resolve().parent.parent


def readme_example() -> str:
    text = (REPO / "README.md").read_text(encoding="utf-8")
    section = text[text.index("## Python API") :]
    found = re.search(r"```python\n(.*?)```", section, re.DOTALL)
    assert found, "the README's Python API section has no python block"
    return found.group(1)


@pytest.mark.slow
def test_the_readme_example_runs_and_prints_what_its_comments_say(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.chdir(REPO)
    monkeypatch.delenv("WAL_ROOT", raising=False)
    printed = io.StringIO()
    with contextlib.redirect_stdout(printed):
        exec(compile(readme_example(), "README.md", "exec"), {})
    lines = printed.getvalue().splitlines()
    assert lines[0] == "['biowin']"
    assert "('domains', 'biotech')" in lines[1]
    assert "'biowin'" in lines[2]  # marshall-1 labelled BioWin


def test_select_refuses_an_unknown_kind_or_filter() -> None:
    registry = walcli.open_registry(REPO)
    with pytest.raises(UsageError, match="no kind 'pols'"):
        walcli.select(registry, "pols")
    with pytest.raises(UsageError, match="no filter 'colour'"):
        walcli.select(registry, "poles", colour="red")


def test_validate_returns_the_problems_as_values(tmp_path: Path) -> None:
    import shutil

    shutil.copytree(REPO / "schemas", tmp_path / "schemas")
    (tmp_path / "data" / "poles").mkdir(parents=True)
    (tmp_path / "data" / "poles" / "x.yaml").write_text("id: y\n", encoding="utf-8")
    problems = walcli.validate(walcli.open_registry(tmp_path))
    assert {p.code for p in problems} >= {"id-mismatch", "schema-required"}
    assert all(isinstance(p, walcli.Problem) for p in problems)

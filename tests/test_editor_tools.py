"""The schemas work in other tools as they are: check-jsonschema and yaml-language-server
resolve `defs.schema.json` next to each schema, from the repository root, without flags; the
editor settings map every kind's folder to its schema; and wal itself reads schemas with or
without `$id`."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import REPO, Wal
from walcli.core.kinds import KINDS

pytestmark = pytest.mark.slow  # fresh interpreters or many generated cases: the slow set


def test_schemas_have_no_id_that_would_move_their_references() -> None:
    """A relative `$id` makes tools resolve `defs.schema.json` against the working directory;
    without one, against the schema file itself."""
    for path in sorted((REPO / "schemas").glob("*.schema.json")):
        document = json.loads(path.read_text(encoding="utf-8"))
        given = document.get("$id")
        assert given is None or "://" in given, f"{path.name}: relative $id {given!r}"


@pytest.fixture
def checkout(tmp_path: Path) -> Path:
    """The repository's schemas beside a small valid registry."""
    root = tmp_path / "checkout"
    shutil.copytree(REPO / "schemas", root / "schemas")
    shutil.copytree(REPO / "tests" / "fixtures_rules" / "_base" / "data", root / "data")
    return root


def _check_jsonschema(root: Path, kind: str) -> subprocess.CompletedProcess[str]:
    files = sorted(str(p.relative_to(root)) for p in (root / "data" / kind).glob("*.yaml"))
    return subprocess.run(
        [
            sys.executable,
            "-m",
            "check_jsonschema",
            "--schemafile",
            f"schemas/{kind}.schema.json",
            *files,
        ],
        cwd=root,
        capture_output=True,
        text=True,
        check=False,
    )


def test_check_jsonschema_needs_no_flags_from_the_root(checkout: Path) -> None:
    pytest.importorskip("check_jsonschema")
    done = _check_jsonschema(checkout, "poles")  # the kind whose schema uses defs most
    assert done.returncode == 0, done.stdout + done.stderr
    # And it really reads the shared definitions: an id breaking defs' slug pattern fails.
    path = checkout / "data" / "poles" / "pole-one.yaml"
    path.write_text(
        path.read_text(encoding="utf-8").replace("id: pole-one", "id: Pole_One"), encoding="utf-8"
    )
    done = _check_jsonschema(checkout, "poles")
    assert done.returncode == 1
    assert "data/poles/pole-one.yaml" in done.stdout
    assert "Pole_One" in done.stdout


def test_wal_reads_the_schemas_without_id(checkout: Path) -> None:
    run = Wal(checkout)("validate")
    assert (run.exit_code, run.stdout) == (0, "")


def test_vscode_maps_each_kind_to_its_schema() -> None:
    settings = json.loads((REPO / ".vscode" / "settings.json").read_text(encoding="utf-8"))
    mapping = settings["yaml.schemas"]
    assert mapping == {f"./schemas/{k}.schema.json": f"data/{k}/*.yaml" for k in KINDS}
    for schema in mapping:
        assert (REPO / schema).is_file()

"""Adding a kind is a schema, a folder and one declaration: no command code. A new kind is
declared in a fresh interpreter, and list, show and validate work on it at once."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow  # fresh interpreters or many generated cases: the slow set

REPO = Path(__file__).resolve().parent.parent

DECLARE = textwrap.dedent(
    """
    import sys
    from walcli.core.kinds import KINDS, Filter, Kind, Match

    KINDS["programmes"] = Kind(
        "programmes",
        "programme",
        ("id", "name", "plan"),
        (Filter("plan", ("plan",), Match.REF, "Run under this plan.", "plans"),),
    )
    from walcli.cli import main

    sys.argv = ["wal", *sys.argv[1:]]
    main()
    """
)

SCHEMA = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "$id": "programmes.schema.json",
    "allOf": [{"$ref": "defs.schema.json#/$defs/sourced-record"}],
    "properties": {
        "id": True,
        "name": True,
        "summary": True,
        "sources": True,
        "plan": {"$ref": "defs.schema.json#/$defs/plan-ref"},
    },
    "required": ["plan"],
    "unevaluatedProperties": False,
}

RECORD = """\
id: trial-programme
name: {fr: Trial programme, en: Trial programme}
summary: {fr: Programme de créativité., en: A creativity programme.}
plan: marshall-2-vert
sources:
  - {id: s, title: A page, url: "https://example.org/creative"}
"""


def run(root: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "WAL_ROOT": str(root), "WAL_LANG": "en", "PYTHONPATH": str(REPO)}
    return subprocess.run(
        [sys.executable, "-c", DECLARE, *args],
        capture_output=True,
        text=True,
        env=env,
        check=False,
        cwd=root,
    )


def test_a_new_kind_lists_shows_and_validates(tmp_path: Path) -> None:
    root = tmp_path / "registry"
    shutil.copytree(REPO / "schemas", root / "schemas")
    shutil.copytree(REPO / "data", root / "data")
    (root / "schemas" / "programmes.schema.json").write_text(json.dumps(SCHEMA), "utf-8")
    (root / "data" / "programmes").mkdir()
    (root / "data" / "programmes" / "trial-programme.yaml").write_text(RECORD, "utf-8")

    listed = run(root, "programmes", "list", "--plan", "marshall-2-vert")
    assert (listed.returncode, listed.stderr) == (0, "")
    assert listed.stdout.splitlines()[1].split("\t")[:3] == [
        "trial-programme",
        "Trial programme",
        "marshall-2-vert",
    ]
    shown = run(root, "programmes", "show", "trial-programme", "--format", "json")
    assert shown.returncode == 0, shown.stderr
    links = json.loads(shown.stdout)["_links"]["references"]
    assert links == [{"kind": "plans", "id": "marshall-2-vert", "path": "plan"}]

    clean = run(root, "validate")
    assert clean.returncode == 0, clean.stdout + clean.stderr
    broken = root / "data" / "programmes" / "trial-programme.yaml"
    broken.write_text(RECORD.replace("plan: marshall-2-vert", "plan: marshall-9"), "utf-8")
    failed = run(root, "validate")
    assert failed.returncode == 1
    assert "data/programmes/trial-programme.yaml:4:7: error [unknown-reference]" in failed.stdout

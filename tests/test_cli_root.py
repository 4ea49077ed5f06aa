"""Where the registry comes from: --root, WAL_ROOT, the folders above, the bundled snapshot."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.conftest import REPO, Wal


def test_root_option_wins_over_environment(mini: Path, tmp_path: Path) -> None:
    run = Wal(tmp_path / "nowhere")("--root", str(mini), "poles", "list", "--columns", "id")
    assert run.stdout == "id\nbiowin\nmecatech\n"


def test_missing_root_is_a_usage_error(tmp_path: Path) -> None:
    run = Wal(tmp_path / "nowhere")("poles", "list")
    assert run.exit_code == 2
    assert run.stderr == (
        f"wal: WAL_ROOT {tmp_path / 'nowhere'}: no registry there "
        "(expected data/ and schemas/ folders)\n"
    )


def test_discovery_upward_from_the_working_directory(mini: Path, monkeypatch: object) -> None:
    import os

    deep = mini / "data" / "poles"
    old = Path.cwd()
    os.chdir(deep)
    try:
        run = Wal(None)("poles", "list", "--columns", "id")
    finally:
        os.chdir(old)
    assert run.stdout == "id\nbiowin\nmecatech\n"


def test_outside_any_registry_the_bundled_snapshot_answers(chdir: Path) -> None:
    run = Wal(None)("domains", "list", "--columns", "id", "--where", "id=biotech")
    assert (run.exit_code, run.stdout) == (0, "id\nbiotech\n")


def test_broken_schema_file_is_a_usage_error(mini: Path) -> None:
    (mini / "schemas" / "poles.schema.json").write_text('{"type": "object",\n  oops}\n')
    run = Wal(mini)("validate")
    assert run.exit_code == 2
    assert run.stderr == (
        "wal: schemas/poles.schema.json:2:3: broken schema file: "
        "Expecting property name enclosed in double quotes\n"
    )


def test_invalid_json_schema_is_a_usage_error(mini: Path) -> None:
    (mini / "schemas" / "poles.schema.json").write_text('{"type": "objet"}\n')
    run = Wal(mini)("validate")
    assert run.exit_code == 2
    assert run.stderr.startswith("wal: schemas/poles.schema.json: not a valid JSON Schema at /type")


def test_missing_schema_file_is_a_usage_error(mini: Path) -> None:
    (mini / "schemas" / "poles.schema.json").unlink()
    run = Wal(mini)("validate")
    assert (run.exit_code, run.stderr) == (
        2,
        "wal: schemas/poles.schema.json: schema file missing\n",
    )


def test_version(wal: Wal) -> None:
    from walcli import __version__

    assert wal("--version").stdout == f"wal {__version__}\n"


@pytest.mark.slow
def test_python_dash_m_works() -> None:
    import subprocess
    import sys

    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "walcli",
            "--root",
            str(REPO),
            "domains",
            "list",
            "--where",
            "id=biotech",
            "--columns",
            "id",
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert (done.returncode, done.stdout, done.stderr) == (0, "id\nbiotech\n", "")


def test_the_repository_is_its_own_registry() -> None:
    assert (REPO / "data").is_dir() and shutil.which("git")


@pytest.mark.slow
def test_installed_wheel_carries_the_registry(tmp_path: Path) -> None:
    """`pip install .` then `wal` from any folder: the wheel bundles data/ and schemas/."""
    import subprocess
    import sys

    build = subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--quiet",
            "--no-deps",
            "--no-build-isolation",
            "--wheel-dir",
            str(tmp_path / "wheel"),
            str(REPO),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert build.returncode == 0, build.stderr
    (wheel,) = (tmp_path / "wheel").glob("*.whl")
    site = tmp_path / "site"
    install = subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "install",
            "--quiet",
            "--no-deps",
            "--target",
            str(site),
            str(wheel),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert install.returncode == 0, install.stderr
    empty = tmp_path / "empty"
    empty.mkdir()
    run = subprocess.run(
        [sys.executable, "-m", "walcli", "poles", "list", "--domain", "biotech", "--columns", "id"],
        capture_output=True,
        text=True,
        check=False,
        cwd=empty,
        env={"PYTHONPATH": str(site), "PATH": "/usr/bin:/bin", "HOME": str(tmp_path)},
    )
    assert (run.returncode, run.stdout, run.stderr) == (0, "id\nbiowin\n", "")
    where = subprocess.run(
        [sys.executable, "-c", "import walcli.core.root as l; print(l.find_root())"],
        capture_output=True,
        text=True,
        check=False,
        cwd=empty,
        env={"PYTHONPATH": str(site)},
    )
    assert where.stdout.strip() == str(site / "walcli" / "_registry")

"""Whatever the environment (output closed, full or unable to encode, a terminal zero columns
wide, a root that cannot exist), `wal` ends with its output or one line and an exit code."""

from __future__ import annotations

import io
import os
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import Wal
from walcli.cli import main


class Broken(io.TextIOWrapper):
    """A stdout whose reader has gone (`wal ... | head`)."""

    def write(self, text: str) -> int:
        raise BrokenPipeError(32, "Broken pipe")


@pytest.fixture
def run_main(mini: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[object]:
    """`wal ARGS` through the real entry point, with the given stdout; (exit code, stderr)."""
    monkeypatch.setenv("WAL_ROOT", str(mini))
    monkeypatch.setenv("WAL_LANG", "en")
    monkeypatch.setenv("COLUMNS", "100")

    def run(stdout: object, *args: str) -> tuple[int, str]:
        stderr = io.StringIO()
        monkeypatch.setattr(sys, "argv", ["wal", *args])
        monkeypatch.setattr(sys, "stdout", stdout)
        monkeypatch.setattr(sys, "stderr", stderr)
        try:
            main()
        except SystemExit as done:
            code = done.code if isinstance(done.code, int) else 0
        else:
            code = 0
        return code, stderr.getvalue()

    yield run


def test_closed_stdout_is_one_line_and_exit_2(run_main: object) -> None:
    code, stderr = run_main(None, "poles", "list")  # type: ignore[operator]
    assert (code, stderr) == (2, "wal: standard output is closed: nothing can be written\n")


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="Linux's /dev/full")
def test_a_full_disk_is_one_line_and_exit_2(run_main: object) -> None:
    with open("/dev/full", "w", encoding="utf-8") as full:
        code, stderr = run_main(full, "poles", "list")  # type: ignore[operator]
        assert (code, stderr) == (2, "wal: cannot write the output: No space left on device\n")


def test_a_closed_pipe_ends_quietly(run_main: object) -> None:
    code, stderr = run_main(Broken(io.BytesIO()), "poles", "list")  # type: ignore[operator]
    assert (code, stderr) == (0, "")


def test_a_closed_pipe_keeps_validates_failure(run_main: object, mini: Path) -> None:
    (mini / "data" / "poles" / "broken.yaml").write_text("id: [\n", encoding="utf-8")
    code, _ = run_main(Broken(io.BytesIO()), "validate")  # type: ignore[operator]
    assert code in (0, 1)  # the pipe closed before or after the summary: never a traceback


@pytest.mark.parametrize("encoding", ["ascii", "latin-1"])
@pytest.mark.parametrize(
    "args",
    [
        ("poles", "show", "biowin"),
        ("poles", "list", "--format", "table"),
        ("poles", "list", "--format", "json"),
        ("search", "génie"),
        ("--lang", "fr", "poles", "list", "--columns", "name"),
        ("stats",),
    ],
)
def test_an_encoding_that_cannot_hold_the_text_gets_escapes(
    run_main: object, encoding: str, args: tuple[str, ...]
) -> None:
    raw = io.BytesIO()
    stdout = io.TextIOWrapper(raw, encoding=encoding)
    code, stderr = run_main(stdout, *args)  # type: ignore[operator]
    assert (code, stderr) == (0, "")
    stdout.flush()
    text = raw.getvalue().decode(encoding)
    assert text.strip()
    if args[0] == "--lang":  # what the encoding cannot hold comes out as an escape
        assert ("P\\xf4le MecaTech" if encoding == "ascii" else "Pôle MecaTech") in text


@pytest.mark.parametrize("columns", ["0", "3", "-5", "abc"])
def test_a_terminal_of_no_width_still_gets_the_table(wal: Wal, columns: str) -> None:
    run = wal("poles", "list", "--format", "table", env={"COLUMNS": columns})
    assert run.exit_code == 0
    assert "bio" in run.stdout and "meca" in run.stdout  # cells are cut, not dropped


def test_an_unknown_users_home_is_a_usage_error(wal: Wal) -> None:
    run = wal("--root", "~no-such-user-here", "poles", "list")
    assert (run.exit_code, run.stdout) == (2, "")
    assert run.stderr == (
        "wal: --root ~no-such-user-here: no such user's home folder\n"
        "hint: give the folder as a full path\n"
    )


def test_a_root_too_long_for_the_system_is_a_short_usage_error(wal: Wal) -> None:
    run = wal("--root", "x" * 5000, "poles", "list")
    assert (run.exit_code, run.stdout) == (2, "")
    assert run.stderr.startswith("wal: --root xxx")
    assert run.stderr.endswith(": no registry there (expected data/ and schemas/ folders)\n")
    assert len(run.stderr) < 300


@pytest.mark.parametrize(
    "args",
    [
        ("poles", "list", "--where", "x" * 100_000),
        ("poles", "list", "--where", "id=biowin", "--sort", "y" * 100_000),
        ("poles", "list", "--format", "z" * 100_000),
        ("poles", "show", "w" * 100_000),
        ("search", "v" * 100_000),
        ("validate", "--explain", "u" * 100_000),
        ("--lang", "t" * 100_000, "poles", "list"),
    ],
    ids=["where", "sort", "format", "show", "search", "explain", "lang"],
)
def test_a_long_argument_is_never_echoed_in_full(wal: Wal, args: tuple[str, ...]) -> None:
    run = wal(*args)
    assert run.exit_code in (1, 2)
    assert run.stderr.startswith("wal: ")
    assert all(len(line) <= 500 for line in run.stderr.splitlines())


def test_a_failure_nothing_foresaw_is_one_line(wal: Wal, monkeypatch: pytest.MonkeyPatch) -> None:
    from walcli.query import filters

    def broken(*_: object) -> None:
        raise ZeroDivisionError("division by zero")

    monkeypatch.setattr(filters.ListQuery, "run", broken)
    run = wal("poles", "list")
    assert (run.exit_code, run.stdout) == (2, "")
    assert run.stderr == (
        "wal: internal error: ZeroDivisionError: division by zero\n"
        "hint: please report it; WAL_DEBUG=1 shows where it happened\n"
    )


@pytest.mark.parametrize("encoding", ["ascii", "latin-1"])
@pytest.mark.parametrize(
    ("args", "parse"),
    [
        (("poles", "show", "biowin", "--format", "json"), "json"),
        (("poles", "list", "--format", "json"), "json"),
        (("poles", "list", "--format", "yaml"), "yaml"),
        (("poles", "show", "mecatech", "--format", "yaml"), "yaml"),
        (("search", "pôle", "--format", "json"), "json"),
        (("stats", "--format", "json"), "json"),
        (("validate", "--format", "sarif"), "json"),
        (("validate", "--format", "junit"), "xml"),
    ],
)
def test_documents_stay_valid_and_exact_in_any_encoding(
    run_main: object, encoding: str, args: tuple[str, ...], parse: str
) -> None:
    import json
    import xml.etree.ElementTree as ET

    import yaml

    def document(stream_encoding: str) -> object:
        raw = io.BytesIO()
        stdout = io.TextIOWrapper(raw, encoding=stream_encoding)
        code, stderr = run_main(stdout, "--lang", "fr", *args)  # type: ignore[operator]
        assert code == 0, stderr
        stdout.flush()
        text = raw.getvalue().decode(stream_encoding)
        if parse == "json":
            return json.loads(text)
        if parse == "yaml":
            return yaml.safe_load(text)
        return ET.tostring(ET.fromstring(text.split("\n", 1)[1]), encoding="unicode")

    assert document(encoding) == document("utf-8")

"""Whatever a file, a folder or a schema holds, every command answers with problems or one
message and the documented exit code: never a traceback, a hang or unbounded memory."""

from __future__ import annotations

import json
import os
import shutil
import time
from pathlib import Path

import pytest

from tests.conftest import Run, Wal, invoke
from walcli.io import files

# One command of each kind that reads the registry.
COMMANDS = [
    ("validate",),
    ("poles", "list"),
    ("poles", "show", "biowin"),
    ("stats",),
    ("search", "biowin"),
]
POSIX = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="POSIX links and pipes")


def every_command(wal: Wal) -> list[Run]:
    runs = [wal(*command) for command in COMMANDS]
    for command, run in zip(COMMANDS, runs, strict=True):
        assert run.exit_code in (0, 1), (command, run.stderr)
        assert "internal error" not in run.stderr, (command, run.stderr)
    return runs


def problems(wal: Wal) -> list[dict[str, object]]:
    run = wal("validate", "--format", "json")
    found: list[dict[str, object]] = json.loads(run.stdout)["problems"]
    return found


def replace(root: Path, rel: str, old: str, new: str) -> None:
    path = root / rel
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


# -- numbers --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "number",
    ["0x" + "f" * 4000, "0b" + "1" * 14000, "9" * 5000, "1" + ":30" * 2000, "1." + "5" * 5000],
    ids=["hex", "binary", "decimal", "base-60", "float"],
)
def test_a_number_too_large_is_a_located_problem(mini: Path, wal: Wal, number: str) -> None:
    replace(mini, "data/poles/mecatech.yaml", "value: 2006\n", f"value: {number}\n")
    every_command(wal)
    (found,) = [p for p in problems(wal) if p["file"] == "data/poles/mecatech.yaml"]
    assert (found["line"], found["column"], found["code"]) == (10, 12, "number-too-large")
    assert len(str(found["message"])) < 200


@pytest.mark.slow
def test_a_megabyte_of_base_60_is_refused_at_once(mini: Path, wal: Wal) -> None:
    sexagesimal = "1" + ":30" * (900 * 1024 // 3)
    replace(mini, "data/poles/mecatech.yaml", "value: 2006\n", f"value: {sexagesimal}\n")
    started = time.perf_counter()
    run = wal("poles", "list")
    # Converting it took 20 to 40 s; refusing it is a matter of reading the file.
    assert time.perf_counter() - started < 10
    assert run.exit_code == 0 and "number-too-large" in run.stderr


# -- files that are not regular files inside the root -------------------------------------


@POSIX
def test_a_symlink_loop_is_not_a_file(mini: Path, wal: Wal) -> None:
    (mini / "data" / "poles" / "loop.yaml").symlink_to("loop.yaml")
    every_command(wal)
    (found,) = problems(wal)
    assert (found["file"], found["code"]) == ("data/poles/loop.yaml", "not-a-file")
    assert "loop" in str(found["message"])


@POSIX
def test_a_pipe_and_a_device_are_not_read(mini: Path, wal: Wal) -> None:
    os.mkfifo(mini / "data" / "poles" / "pipe.yaml")
    (mini / "data" / "poles" / "zero.yaml").symlink_to("/dev/zero")
    every_command(wal)
    found = {(p["file"], p["code"]) for p in problems(wal)}
    assert found == {
        ("data/poles/pipe.yaml", "not-a-file"),
        ("data/poles/zero.yaml", "link-outside-root"),
    }


@POSIX
def test_a_device_is_not_a_file_even_when_reading_has_no_root() -> None:
    found = files.read_bytes(Path("/dev/zero"), "data/poles/zero.yaml", 1024)
    assert isinstance(found, files.Problem) and found.code == "not-a-file"


@POSIX
def test_a_kind_folder_linked_outside_the_root_is_not_read(
    mini: Path, wal: Wal, tmp_path: Path
) -> None:
    elsewhere = tmp_path / "elsewhere"
    shutil.move(mini / "data" / "poles", elsewhere)
    (mini / "data" / "poles").symlink_to(elsewhere)
    run = wal("poles", "list", "--columns", "id")
    assert run.stdout == "id\n"
    assert "data/poles:1:1: not loaded" in run.stderr
    assert "the folder is a link to outside the registry" in run.stderr
    (found,) = [p for p in problems(wal) if p["code"] == "link-outside-root"]
    assert found["file"] == "data/poles"


@POSIX
def test_a_link_swapped_while_opening_cannot_leak_an_outside_file(
    mini: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    secret = tmp_path / "secret.yaml"
    secret.write_text("id: secret\n", encoding="utf-8")
    link = mini / "data" / "poles" / "biowin.yaml"
    real_open = os.open

    def swapping_open(path: object, flags: int, *args: object) -> int:
        # Between any check of the path and its opening, the link now leads outside.
        if Path(str(path)) == link and not link.is_symlink():
            link.unlink()
            link.symlink_to(secret)
        return real_open(path, flags, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(files.os, "open", swapping_open)
    found = files.read_file(link, "data/poles/biowin.yaml", root=os.path.realpath(mini))
    assert isinstance(found, files.Problem) and found.code == "link-outside-root"


# -- file names that are not UTF-8 ----------------------------------------------------------


@POSIX
@pytest.mark.parametrize("fmt", ["text", "json", "github", "junit", "sarif", "markdown"])
def test_a_file_name_that_is_not_utf8_is_shown_safely(mini: Path, fmt: str) -> None:
    folder = os.fsencode(mini / "data" / "poles")
    shutil.copyfile(
        mini / "data" / "poles" / "biowin.yaml", os.path.join(folder, b"bio\xffwin.yaml")
    )
    result = invoke(
        ["validate", "--format", fmt], {"WAL_ROOT": str(mini), "PYTHONIOENCODING": "utf-8"}
    )
    assert result.exit_code == 1, result.stderr
    out = result.stdout_bytes.decode("utf-8")  # strict: every byte is UTF-8
    assert b"\xff" not in result.stdout_bytes
    assert "xffwin.yaml" in out  # the byte as an escape (itself escaped as each format does)
    if fmt == "json":
        (found,) = json.loads(out)["problems"]
        assert (found["file"], found["code"]) == ("data/poles/bio\\xffwin.yaml", "id-mismatch")
    if fmt == "junit":  # filed under its own name, not biowin's
        assert 'name="data/poles/bio\\xffwin.yaml"' in out
        assert out.count("<failure") == 1


# -- broken schema files --------------------------------------------------------------------


def _ref_typo(schemas: Path) -> None:
    path = schemas / "poles.schema.json"
    path.write_text(
        path.read_text().replace("#/$defs/date-claims", "#/$defs/date-claimz", 1),
        encoding="utf-8",
    )


def _self_reference(schemas: Path) -> None:
    path = schemas / "defs.schema.json"
    document = json.loads(path.read_text())
    document["$defs"]["slug"] = {"$ref": "#/$defs/slug"}
    path.write_text(json.dumps(document), encoding="utf-8")


def _mutual_reference(schemas: Path) -> None:
    path = schemas / "defs.schema.json"
    document = json.loads(path.read_text())
    document["$defs"]["slug"] = {"allOf": [{"$ref": "#/$defs/line"}]}
    document["$defs"]["line"] = {"anyOf": [{"$ref": "#/$defs/slug"}]}
    path.write_text(json.dumps(document), encoding="utf-8")


def _array(schemas: Path) -> None:
    (schemas / "poles.schema.json").write_text("[1, 2]", encoding="utf-8")


def _fifo(schemas: Path) -> None:
    (schemas / "poles.schema.json").unlink()
    os.mkfifo(schemas / "poles.schema.json")


def _dev_zero(schemas: Path) -> None:
    (schemas / "poles.schema.json").unlink()
    (schemas / "poles.schema.json").symlink_to("/dev/zero")


def _deep(schemas: Path) -> None:
    (schemas / "poles.schema.json").write_text("[" * 100_000 + "]" * 100_000, encoding="utf-8")


def _huge_number(schemas: Path) -> None:
    (schemas / "poles.schema.json").write_text('{"maximum": ' + "9" * 5000 + "}")


def _not_a_schema(schemas: Path) -> None:
    path = schemas / "poles.schema.json"
    document = json.loads(path.read_text())
    document["properties"]["sources"] = {"properties": 2006.0}
    path.write_text(json.dumps(document), encoding="utf-8")


def _missing_defs(schemas: Path) -> None:
    (schemas / "defs.schema.json").unlink()


def _root_self_reference(schemas: Path) -> None:
    (schemas / "poles.schema.json").write_text('{"$ref": "#"}', encoding="utf-8")


def _deep_object(schemas: Path) -> None:
    (schemas / "poles.schema.json").write_text('{"a":' * 5000 + "1" + "}" * 5000)


BROKEN_SCHEMAS = {
    _ref_typo: "schemas/poles.schema.json: /properties/founded/$ref: $ref "
    "'defs.schema.json#/$defs/date-claimz' names no schema of the set",
    _self_reference: "schemas/defs.schema.json: /$defs/slug: the schema refers back to itself",
    _mutual_reference: "schemas/defs.schema.json: /$defs/line: the schema refers back to itself",
    _array: "schemas/poles.schema.json: the schema is an array",
    _fifo: "schemas/poles.schema.json: cannot read schema file: a named pipe",
    _dev_zero: "schemas/poles.schema.json: cannot read schema file: the link points outside",
    _deep: "schemas/poles.schema.json: broken schema file: nested too deeply",
    _huge_number: "schemas/poles.schema.json: broken schema file: Exceeds the limit",
    _not_a_schema: "schemas/poles.schema.json: /properties/sources/properties: "
    "expected an object of schemas, got float",
    _missing_defs: "schemas/domains.schema.json: /properties/open_questions/$ref: $ref "
    "'defs.schema.json#/$defs/open-questions' names schemas/defs.schema.json, which is not there",
    _root_self_reference: "schemas/poles.schema.json: /: the schema refers back to itself",
    _deep_object: "schemas/poles.schema.json: broken schema file: nested too deeply",
}


@POSIX
@pytest.mark.parametrize("breakage", BROKEN_SCHEMAS, ids=lambda f: f.__name__)
def test_a_broken_schema_is_exit_2_naming_file_and_pointer(
    mini: Path, wal: Wal, breakage: object
) -> None:
    breakage(mini / "schemas")  # type: ignore[operator]
    for command in [("validate",), ("poles", "show", "biowin"), ("stats",), ("poles", "list")]:
        run = wal(*command)
        assert run.exit_code == 2, (command, run.stdout, run.stderr)
        assert run.stderr.startswith("wal: " + BROKEN_SCHEMAS[breakage]), run.stderr  # type: ignore[index]
        assert len(run.stderr.splitlines()[0]) <= 500


def test_a_schema_whose_id_is_not_its_file_name_is_refused(mini: Path, wal: Wal) -> None:
    path = mini / "schemas" / "defs.schema.json"
    document = json.loads(path.read_text())
    document["$id"] = "https://example.org/defs.schema.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    run = wal("validate")
    assert run.exit_code == 2
    assert run.stderr.startswith("wal: schemas/defs.schema.json: /$id: ")


# -- git ------------------------------------------------------------------------------------


def test_a_damaged_git_object_makes_diff_exit_2(tmp_path: Path) -> None:
    from tests.helpers_validate import Repo, wal

    repo = Repo.create(tmp_path)
    blob = repo.git("rev-parse", "HEAD:data/poles/biowin.yaml").strip()
    stored = repo.root / ".git" / "objects" / blob[:2] / blob[2:]
    stored.chmod(0o644)
    stored.write_bytes(b"not a zlib stream")
    repo.git("update-index", "--refresh")
    run = wal("--root", str(repo.root), "diff", "HEAD")
    assert (run.exit_code, run.stdout) == (2, "")
    assert run.stderr.startswith("wal: git: cannot read data/poles/biowin.yaml at ")
    assert (
        f"hint: the repository may be damaged: `git -C {repo.root} fsck` says where" in run.stderr
    )


@POSIX
def test_files_given_to_validate_may_be_loops_and_non_utf8_names(mini: Path, wal: Wal) -> None:
    poles = mini / "data" / "poles"
    (poles / "loop.yaml").symlink_to("loop.yaml")
    odd = os.path.join(os.fsencode(poles), b"bio\xffwin.yaml")
    shutil.copyfile(poles / "biowin.yaml", odd)
    run = wal("validate", str(poles / "loop.yaml"), os.fsdecode(odd), "--format", "json")
    assert run.exit_code == 1, run.stderr
    found = {(p["file"], p["code"]) for p in json.loads(run.stdout)["problems"]}
    assert found == {
        ("data/poles/loop.yaml", "not-a-file"),
        ("data/poles/bio\\xffwin.yaml", "id-mismatch"),
    }

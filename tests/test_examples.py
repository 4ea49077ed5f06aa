"""Bad input, one example per case. Each file of tests/examples/invalid/ is copied into a valid
registry and must give exactly the problems it announces, at their line and column.

An example announces its problems in leading comment lines, or in a sidecar NAME.expect when
its bytes cannot start with a comment (UTF-16, Latin-1):

    # expect: CODE LINE:COLUMN     (one line per problem; the file name starts with a code)
    # kind: domains                (the data folder it goes into; poles by default)
    # target: data/poles/x.yaml    (where it is copied; data/KIND/NAME by default)

Cases that cannot be committed as files (links, folders named x.yaml, pipes, huge files) are
made by the tests below the parametrized one.
"""

from __future__ import annotations

import json
import os
import re
import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.helpers_validate import INVALID, make_registry, wal
from walcli.check.codes import describe
from walcli.io.files import MAX_BYTES

_EXPECT = re.compile(r"^# expect: (\S+) (\d+):(\d+)$")


@dataclass(frozen=True)
class Example:
    path: Path
    expected: list[tuple[str, int, int]]
    target: str


def _example(path: Path) -> Example:
    sidecar = path.with_name(path.name + ".expect")
    source = sidecar if sidecar.exists() else path
    lines = source.read_bytes().decode("utf-8", "replace").splitlines()
    expected, kind, target = [], "poles", None
    for line in lines:
        if not line.startswith("# "):
            break
        if found := _EXPECT.match(line):
            expected.append((found.group(1), int(found.group(2)), int(found.group(3))))
        elif line.startswith("# kind: "):
            kind = line.removeprefix("# kind: ")
        elif line.startswith("# target: "):
            target = line.removeprefix("# target: ")
    assert expected, f"{path.name}: no '# expect: CODE LINE:COLUMN' line"
    return Example(path, sorted(expected), target or f"data/{kind}/{path.name}")


EXAMPLES = [
    _example(path)
    for path in sorted(INVALID.iterdir())
    if not path.name.startswith(".") and not path.name.endswith(".expect")
]


def problems_of(root: Path, *args: str) -> list[dict[str, object]]:
    run = wal("--root", str(root), "validate", "--format", "json", *args)
    assert run.exit_code in (0, 1), run.stderr
    report = json.loads(run.stdout)
    problems: list[dict[str, object]] = report["problems"]
    return problems


def test_the_folder_holds_examples() -> None:
    assert len(EXAMPLES) >= 30


def test_the_base_registry_is_valid(tmp_path: Path) -> None:
    assert problems_of(make_registry(tmp_path)) == []


@pytest.mark.parametrize("example", EXAMPLES, ids=[e.path.name for e in EXAMPLES])
def test_example_gives_its_problem_at_its_position(tmp_path: Path, example: Example) -> None:
    assert any(example.path.name.startswith(code) for code, _, _ in example.expected), (
        "name the example after the code it shows"
    )
    for code, _, _ in example.expected:
        assert describe(code) is not None, f"{code} is not a documented code"
    root = make_registry(tmp_path)
    shutil.copyfile(example.path, root / example.target)
    problems = problems_of(root)
    found = sorted((str(p["code"]), int(p["line"]), int(p["column"])) for p in problems)  # type: ignore[call-overload]
    assert found == example.expected
    assert {p["file"] for p in problems} == {example.target}
    # The text format says the same, with the message that explains it.
    run = wal("--root", str(root), "validate")
    errors = any(describe(code).severity == "error" for code, _, _ in example.expected)  # type: ignore[union-attr]
    assert run.exit_code == (1 if errors else 0)
    for code, line, column in example.expected:
        assert f"{example.target}:{line}:{column}: " in run.stdout
        assert f"[{code}]" in run.stdout
    assert "Traceback" not in run.stdout + run.stderr


# -- cases made by the tests ------------------------------------------------------------------


def only(problems: list[dict[str, object]]) -> tuple[object, ...]:
    assert len(problems) == 1, problems
    p = problems[0]
    return (p["file"], p["line"], p["column"], p["code"], p["severity"])


def test_a_folder_named_like_a_record_is_not_a_file(tmp_path: Path) -> None:
    root = make_registry(tmp_path)
    (root / "data" / "poles" / "x.yaml").mkdir()
    assert only(problems_of(root)) == ("data/poles/x.yaml", 1, 1, "not-a-file", "error")


def test_a_link_outside_the_registry_is_refused(tmp_path: Path) -> None:
    root = make_registry(tmp_path)
    outside = tmp_path / "elsewhere.yaml"
    shutil.copyfile(root / "data" / "poles" / "biowin.yaml", outside)
    (root / "data" / "poles" / "linked.yaml").symlink_to(outside)
    assert only(problems_of(root)) == (
        "data/poles/linked.yaml",
        1,
        1,
        "link-outside-root",
        "error",
    )


def test_a_dangling_link_is_not_a_file(tmp_path: Path) -> None:
    root = make_registry(tmp_path)
    (root / "data" / "poles" / "gone.yaml").symlink_to(root / "data" / "poles" / "nowhere.yaml")
    assert only(problems_of(root)) == ("data/poles/gone.yaml", 1, 1, "not-a-file", "error")


def test_a_link_inside_the_registry_is_read_through(tmp_path: Path) -> None:
    root = make_registry(tmp_path)
    (root / "data" / "poles" / "biowin-copy.yaml").symlink_to(
        root / "data" / "poles" / "biowin.yaml"
    )
    # read as a record whose id differs from its file name
    assert only(problems_of(root))[3] == "id-mismatch"


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are POSIX")
def test_a_named_pipe_is_not_read(tmp_path: Path) -> None:
    root = make_registry(tmp_path)
    os.mkfifo(root / "data" / "poles" / "pipe.yaml")  # reading it would block forever
    assert only(problems_of(root)) == ("data/poles/pipe.yaml", 1, 1, "not-a-file", "error")


def test_a_huge_file_is_refused_without_reading_it_all(tmp_path: Path) -> None:
    root = make_registry(tmp_path)
    huge = root / "data" / "poles" / "huge.yaml"
    with huge.open("wb") as handle:
        handle.truncate(64 * MAX_BYTES)  # sparse: 64 MiB on paper, nothing on disk
    assert only(problems_of(root)) == ("data/poles/huge.yaml", 1, 1, "file-too-large", "error")


def test_a_very_long_line_gives_a_short_message(tmp_path: Path) -> None:
    root = make_registry(tmp_path)
    text = (root / "data" / "poles" / "biowin.yaml").read_text(encoding="utf-8")
    long_line = "x" * (MAX_BYTES - len(text) - 100)
    (root / "data" / "poles" / "biowin.yaml").write_text(
        text.replace("  fr: BioWin", f"  fr: {long_line}"), encoding="utf-8"
    )
    problems = problems_of(root)
    assert [(p["code"], p["line"], p["column"]) for p in problems] == [("schema-max-length", 3, 7)]
    assert len(str(problems[0]["message"])) <= 300


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("a: " + "[" * 100_000 + "]" * 100_000, "yaml-too-deep"),
        ("a: " + "[" * 100_000, "yaml-too-deep"),  # found before the end is read
        ("a:\n" + "".join(" " * i + "- \n" for i in range(0, 200, 2)), "yaml-too-deep"),
    ],
    ids=["balanced", "unclosed", "block"],
)
def test_deep_nesting_is_refused_without_recursion(tmp_path: Path, text: str, code: str) -> None:
    root = make_registry(tmp_path)
    (root / "data" / "poles" / "deep.yaml").write_text(text, encoding="utf-8")
    assert only(problems_of(root))[3] == code


def test_stray_folders_and_dotfiles(tmp_path: Path) -> None:
    """A folder inside a kind's folder, and a folder in data/ that is no kind, are reported;
    hidden files (editor swap files, .gitkeep) are skipped silently, as documented."""
    root = make_registry(tmp_path)
    (root / "data" / "poles" / "drafts").mkdir()
    (root / "data" / "organisations").mkdir()
    (root / "data" / "poles" / ".biowin.yaml.swp").write_bytes(b"\0\1\2")
    (root / "data" / "poles" / ".gitkeep").write_text("")
    problems = problems_of(root)
    assert [(p["file"], p["code"], p["severity"]) for p in problems] == [
        ("data/organisations", "stray-file", "warning"),
        ("data/poles/drafts", "stray-file", "warning"),
    ]
    assert wal("--root", str(root), "validate").exit_code == 0
    assert wal("--root", str(root), "validate", "--strict").exit_code == 1

"""The loader: positions for every value, and a located problem for anything else."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from walcli.core.problems import Problem
from walcli.io.files import read_file
from walcli.io.yaml import Document, parse_text


def load(text: str) -> Document:
    result = parse_text(text, "f.yaml")
    assert isinstance(result, Document), result
    return result


def problem(text: str) -> Problem:
    result = parse_text(text, "f.yaml")
    assert isinstance(result, Problem), result
    return result


def test_every_value_has_its_line_and_column() -> None:
    doc = load("id: x\nname:\n  fr: Génie\n  en: Engineering\nlist:\n  - a\n  - b: 1\n")
    assert doc.positions[("id",)] == (1, 5)
    assert doc.positions[("name",)] == (2, 1)  # a collection points at its key
    assert doc.positions[("name", "en")] == (4, 7)
    assert doc.positions[("list", 1, "b")] == (7, 8)
    assert doc.key_positions[("name", "fr")] == (3, 3)


def test_dates_stay_text_and_years_stay_numbers() -> None:
    doc = load("a: 2009-12-03\nb: 2006-07\nc: 2006\n")
    assert doc.data == {"a": "2009-12-03", "b": "2006-07", "c": 2006}


def test_plain_scalars_read_as_non_text_are_remembered_with_their_spelling() -> None:
    doc = load("a: NO\nb: 010\nc: 1.10\nd: 12:30\ne: ~\nf: 'NO'\n")
    assert doc.data == {"a": False, "b": 8, "c": 1.1, "d": 750, "e": None, "f": "NO"}
    assert doc.implicit == {
        ("a",): "NO",
        ("b",): "010",
        ("c",): "1.10",
        ("d",): "12:30",
        ("e",): "~",
    }


@pytest.mark.parametrize(
    ("text", "code", "line", "column"),
    [
        ("a: 1\nb: 2\na: 3\n", "yaml-duplicate-key", 3, 1),
        ("a: !!python/object/apply:os.system [ls]\n", "yaml-tag", 1, 4),
        ("a: !custom 1\n", "yaml-tag", 1, 4),
        ("a: &x [1]\nb: *x\n", "yaml-alias", 1, 4),
        ("a: &x {k: 1}\nb:\n  <<: *x\n", "yaml-alias", 3, 3),
        ("a: *nowhere\n", "yaml-alias", 1, 4),
        ("a: 1\n---\nb: 2\n", "yaml-multiple-documents", 2, 1),
        ("a:\n\t- b\n", "yaml-tab", 2, 1),
        ("a: [1, 2\n", "yaml-syntax", 2, 1),
        ("a: b: c\n", "yaml-syntax", 1, 5),
        ("", "empty-file", 1, 1),
        ("# only a comment\n", "empty-file", 1, 1),
        ("- a\n- b\n", "not-a-mapping", 1, 1),
        ("just text\n", "not-a-mapping", 1, 1),
        ("a: .inf\n", "non-finite-number", 1, 4),
        ("a: .nan\n", "non-finite-number", 1, 4),
        ("a: " + "[" * 40 + "]" * 40 + "\n", "yaml-too-deep", 1, 36),
    ],
)
def test_bad_yaml_is_one_located_problem(text: str, code: str, line: int, column: int) -> None:
    found = problem(text)
    assert (found.code, found.line, found.column) == (code, line, column)
    assert found.file == "f.yaml"


def test_a_nesting_bomb_is_refused_on_its_first_line() -> None:
    # Where exactly depends on the libyaml inside PyYAML: ours stops at level 33, libyaml
    # 0.2.5+ stops at level 1000 by itself. Either way: one problem, at once, no recursion.
    found = problem("[" * 200_000 + "]" * 200_000)
    assert (found.code, found.line, found.message) == (
        "yaml-too-deep",
        1,
        "nesting deeper than 32 levels",
    )


def test_billion_laughs_is_refused_without_expanding() -> None:
    lines = ['a0: &a0 ["lol"]'] + [
        f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 10)}]" for i in range(1, 12)
    ]
    assert problem("\n".join(lines)).code == "yaml-alias"


def write(tmp_path: Path, raw: bytes) -> Document | Problem:
    path = tmp_path / "x.yaml"
    path.write_bytes(raw)
    return read_file(path, "data/poles/x.yaml")


def test_bom_and_crlf_are_accepted(tmp_path: Path) -> None:
    result = write(tmp_path, b"\xef\xbb\xbfid: x\r\nname: G\xc3\xa9nie\r\n")
    assert isinstance(result, Document)
    assert result.data == {"id": "x", "name": "Génie"}
    assert result.positions[("name",)] == (2, 7)


@pytest.mark.parametrize(
    ("raw", "line", "column", "words"),
    [
        ("id: x\n".encode("utf-16"), 1, 1, "UTF-16"),
        (b"id: x\nname: caf\xe9\n", 2, 10, "0xe9"),
    ],
)
def test_other_encodings_are_a_problem(
    tmp_path: Path, raw: bytes, line: int, column: int, words: str
) -> None:
    result = write(tmp_path, raw)
    assert isinstance(result, Problem)
    assert (result.code, result.line, result.column) == ("encoding", line, column)
    assert words in result.message


def test_a_file_larger_than_a_record_can_be_is_not_read_whole(tmp_path: Path) -> None:
    result = write(tmp_path, b"a: " + b"x" * (2 * 1024 * 1024))
    assert isinstance(result, Problem)
    assert result.code == "file-too-large"


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab:-[]{}&*!|>'\"#\n\t ?,%@`~01.")), max_size=80))
def test_any_text_gives_a_document_or_a_problem(text: str) -> None:
    result = parse_text(text, "f.yaml")
    assert isinstance(result, Document | Problem)
    if isinstance(result, Problem):
        assert result.line >= 1 and result.column >= 1 and result.code


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=60))
def test_any_unicode_text_gives_a_document_or_a_problem(text: str) -> None:
    assert isinstance(parse_text(text, "f.yaml"), Document | Problem)


def test_a_text_parsed_again_gives_its_own_data() -> None:
    """Parses are kept and reused by text; each caller must still own what it gets, since
    loading turns years into text in place."""
    text = "id: x\nperiod: {start: 2006}\nlist: [1, [2]]\n"
    first = parse_text(text, "data/poles/x.yaml")
    assert isinstance(first, Document)
    first.data["period"]["start"] = "2006"
    first.data["list"][1].append(3)
    for _ in range(3):  # read once (not kept), again (kept from now on), then from the kept
        again = parse_text(text, "data/poles/x.yaml")
        assert isinstance(again, Document)
        assert again.data == {"id": "x", "period": {"start": 2006}, "list": [1, [2]]}
        assert again.positions[("period", "start")] == (2, 17)
        again.data["period"]["start"] = "2006"
        again.data["list"][1].append(3)


def test_kept_parses_stay_within_their_budget(monkeypatch: pytest.MonkeyPatch) -> None:
    from walcli.io import kept as reader

    monkeypatch.setattr(reader, "_PARSED_MAX_BYTES", 50_000)
    for n in range(40):
        for _ in range(2):  # a text is kept from its second reading
            parse_text(f"id: x{n}\nsummary: {'y' * 2_000}\n", "data/poles/x.yaml")
    assert reader._PARSED
    assert reader._PARSED_BYTES[0] <= reader._PARSED_MAX_BYTES
    assert reader._PARSED_BYTES[0] == sum(len(text) for text in reader._PARSED)

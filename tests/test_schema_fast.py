"""The fast check (walcli.schema.fast) never calls valid what jsonschema calls invalid.

`SchemaSet` skips jsonschema for records the fast check passes, so a wrong "valid" would let a
bad record through; a wrong "invalid" only costs time. The two verdicts are compared on the
real records, on mutated copies of them (hypothesis), on values that are not JSON, and on the
official JSON Schema Test Suite for draft 2020-12 (from jsonschema's sdist, fetched once into
pytest's cache).
"""

from __future__ import annotations

import copy
import datetime
import decimal
import importlib.metadata
import json
import re
import subprocess
import sys
import tarfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from jsonschema import Draft202012Validator
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

from tests.conftest import REPO, shared_registry
from walcli.core.kinds import KINDS
from walcli.io.scan import load_registry
from walcli.schema.fast import Unsupported, compile_check, native_pattern
from walcli.schema.set import SchemaSet

pytestmark = pytest.mark.slow  # fresh interpreters or many generated cases: the slow set

Check = Callable[[Any], bool]
FAST = settings(derandomize=True, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def python_validator(documents: dict[str, Any], name: str) -> Any:
    """jsonschema as `SchemaSet` builds it: every document under its key (and $id, crawled)."""
    registry: Registry[Any] = Registry().with_resources(
        (key, Resource.from_contents(doc, default_specification=DRAFT202012))
        for key, doc in documents.items()
    )
    return Draft202012Validator(
        documents[name],
        registry=registry.crawl(),
        format_checker=Draft202012Validator.FORMAT_CHECKER,
    )


def python_valid(validator: Any, instance: Any) -> bool | None:
    """jsonschema's verdict, or None when it raises (a verdict the fast check may not claim)."""
    try:
        return bool(validator.is_valid(instance))
    except Exception:
        return None


def both(documents: dict[str, Any], name: str) -> tuple[Check, Any]:
    return compile_check(documents, name), python_validator(documents, name)


# -- (a) the real records --------------------------------------------------------------------


@pytest.mark.parametrize("root", [REPO, shared_registry()], ids=["repo", "mini"])
def test_every_real_record_gets_jsonschemas_verdict(root: Path) -> None:
    registry = load_registry(root)
    records = registry.all()
    assert records
    for record in records:
        validator = registry.schemas.validator(KINDS[record.kind].schema)
        assert validator.fast is not None, f"{record.kind}: no fast check, plain jsonschema"
        assert validator.fast(record.data) == validator.full.is_valid(record.data), record.file


def _absolute_ids(documents: dict[str, Any]) -> dict[str, Any]:
    """The schemas as they will be: $id an absolute URL, $refs still relative file names."""
    moved = copy.deepcopy(documents)
    for name, document in moved.items():
        document["$id"] = f"https://example.org/wal/schemas/{name}"
    return moved


def test_absolute_ids_resolve_like_relative_ones() -> None:
    registry = load_registry(REPO)
    relative = registry.schemas.documents
    absolute = _absolute_ids(relative)
    keyed_by_id = {doc["$id"]: doc for doc in absolute.values()}
    for kind in KINDS.values():
        fast_relative = compile_check(relative, kind.schema)
        fast_absolute, full = both({**absolute, **keyed_by_id}, kind.schema)
        fast_file_names_only = compile_check(absolute, kind.schema)
        broken = copy.deepcopy(registry.of(kind.name)[0].data)
        broken["id"] = "Not A Slug"  # the slug pattern lives in defs.schema.json
        for data in [*(r.data for r in registry.of(kind.name)), broken]:
            expected = python_valid(full, data)
            assert fast_absolute(data) == fast_relative(data) == expected
            assert fast_file_names_only(data) == expected


# -- (b) mutated real records ------------------------------------------------------------------

REAL = load_registry(REPO)
SCHEMAS = {kind: REAL.schemas.validator(KINDS[kind].schema) for kind in KINDS}
RECORDS = [(record.kind, record.data) for record in REAL.all()]

TRICKY_TEXT = "aZ09-é /.:\n\r\t\u2028\x1c\u0663"  # the engines disagree on some of these
json_scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-(2**53), 2**53),
    st.sampled_from([0, 1, -1, 1.0, 0.5, -0.0, 2.0**53, 1e300, 2750000000, 1800, 2100, 2101]),
    st.floats(allow_nan=False, allow_infinity=False),
    st.text(TRICKY_TEXT, max_size=6),
    st.sampled_from(
        [
            *("2009-12-03", "2006", "2009-13-03", "https://example.org/a", "https://a b"),
            *("x y", "not a url", "seed-deck", "unconfirmed", "euros", "about", "BAD ID", ""),
        ]
    ),
)
json_values = st.recursive(
    json_scalars,
    lambda inner: st.one_of(
        st.lists(inner, max_size=3),
        st.dictionaries(
            st.sampled_from(["id", "fr", "en", "value", "sources", "url", "kind", "zz"]),
            inner,
            max_size=3,
        ),
    ),
    max_leaves=6,
)


def _deep(levels: int) -> Any:
    value: Any = []
    for _ in range(levels):
        value = [value]
    return value


class Text(str):
    pass


HOSTILE: list[Any] = [
    (1, 2),
    ("fr", "en"),
    {1, 2},
    frozenset(),
    datetime.date(2009, 12, 3),
    datetime.datetime(2009, 12, 3, 1, 2),
    decimal.Decimal("1"),
    float("nan"),
    float("inf"),
    -float("inf"),
    10**4000,
    -(2**64),
    2**53 + 1,
    "\ud800",
    {1: "a"},
    Text("biowin"),
    b"biowin",
    object(),
    _deep(100_000),
]
hostile_values = st.one_of(st.sampled_from(HOSTILE), json_values)


def _spots(data: Any, here: tuple[Any, ...] = ()) -> Iterator[tuple[Any, ...]]:
    yield here
    if isinstance(data, dict):
        for key, item in data.items():
            yield from _spots(item, (*here, key))
    elif isinstance(data, list):
        for index, item in enumerate(data):
            yield from _spots(item, (*here, index))


def _mutate(draw: st.DrawFn, values: st.SearchStrategy[Any]) -> tuple[str, Any]:
    kind, original = draw(st.sampled_from(RECORDS))
    data = copy.deepcopy(original)
    # Places of the record as it was: a drawn value (which may be shared and 100,000 deep)
    # is put in place but never walked into or changed by a later step.
    spots = list(_spots(original))[1:]
    for _ in range(draw(st.integers(1, 3))):
        if not spots:
            break
        spot = draw(st.sampled_from(spots))
        try:
            parent = data
            for step in spot[:-1]:
                parent = parent[step]
            present = parent[spot[-1]]
        except (KeyError, IndexError, TypeError):
            continue  # an earlier step removed or replaced it
        action = draw(st.sampled_from(["replace", "replace", "delete", "extra", "repeat"]))
        if action == "replace":
            parent[spot[-1]] = draw(values)
        elif action == "delete":
            del parent[spot[-1]]
        elif action == "extra" and isinstance(parent, dict):
            parent[draw(st.sampled_from(["zz", "note", "weak", "kind"]))] = draw(values)
        elif isinstance(parent, list):
            parent.append(present)  # never walked into again: sharing it is safe
    return kind, data


@st.composite
def json_mutants(draw: st.DrawFn) -> tuple[str, Any]:
    return _mutate(draw, json_values)


@st.composite
def hostile_mutants(draw: st.DrawFn) -> tuple[str, Any]:
    return _mutate(draw, hostile_values)


@settings(FAST, max_examples=80)
@given(json_mutants())
def test_mutated_records_get_jsonschemas_verdict(mutant: tuple[str, Any]) -> None:
    kind, data = mutant
    validator = SCHEMAS[kind]
    assert validator.fast is not None
    assert validator.fast(data) == validator.full.is_valid(data)


@settings(FAST, max_examples=40)
@given(hostile_mutants())
def test_whatever_a_record_holds_the_check_answers_and_never_wrongly_valid(
    mutant: tuple[str, Any],
) -> None:
    kind, data = mutant
    validator = SCHEMAS[kind]
    assert validator.fast is not None
    verdict = validator.fast(data)
    assert isinstance(verdict, bool)
    if verdict:
        assert python_valid(validator.full, data) is True


@pytest.mark.parametrize("value", HOSTILE, ids=[type(v).__name__ for v in HOSTILE])
def test_a_value_that_is_not_plain_json_gets_no_and_no_exception(value: Any) -> None:
    documents = {
        "any.schema.json": {"$id": "any.schema.json", "items": {"$ref": "#"}},
        "array.schema.json": {"type": "array"},
    }
    for name in documents:
        assert compile_check(documents, name)(value) is False


def test_a_plain_deep_value_within_the_limit_is_still_checked() -> None:
    check, full = both({"a.schema.json": {"items": {"$ref": "#"}}}, "a.schema.json")
    assert check(_deep(50)) is True
    assert full.is_valid(_deep(50))


# -- what the check is held to -----------------------------------------------------------------

NEWLINE = "abc\n"  # Python's $ matches before a final newline, jsonschema-rs's alone does not
HELD: list[tuple[dict[str, Any], list[Any]]] = [
    ({"type": "integer"}, [1, 1.0, True, 1.5, 2**53, float(2**53), "1"]),
    ({"enum": [1, "a", None]}, [1, 1.0, True, "a", None, False, [1]]),
    ({"const": [1, {"a": False}]}, [[1, {"a": False}], [1.0, {"a": 0}], [True, {"a": False}]]),
    ({"uniqueItems": True}, [[1, 1.0], [1, True], [[1], [True]], ["a", "a"], ["a", "b"]]),
    ({"uniqueItems": True}, [[[1, True], [1, 1], [1, True]], [{"a": 0}, {"a": False}]]),
    ({"multipleOf": 0.1}, [0.3, 0.7, 1, 2**53, 1e300]),
    ({"multipleOf": 3}, [9, 9.0, 1e300, 4.5]),
    ({"maximum": 2**53}, [2**53, float(2**53), 2.0**53 + 2]),
    ({"dependencies": {"a": ["b"]}}, [{"a": 1}]),
    ({"pattern": "^[a-z]+$"}, ["abc", "ab c", 1, NEWLINE, "abc\n\n"]),
    ({"not": {"pattern": "^[a-z]+$"}}, ["abc", "ABC", NEWLINE]),  # jsonschema-rs alone: valid
    ({"patternProperties": {"^a$": {"type": "integer"}}}, [{"a": "x"}, {"a\n": "x"}]),
    ({"pattern": "^https?://[^\\s]+$"}, ["http://a", "http://a\x1c", "http://a\ufeff"]),
    ({"not": {"pattern": "\\d"}}, ["\u0663", "3", "x"]),
    ({"format": "uri"}, ["https://a.org/x", "a b", "//a", 3]),
    ({"not": {"format": "uri"}}, ["https://a.org/x", "a b"]),
    ({"format": "date"}, ["2009-12-03", "2009-13-03", "2009-12-3"]),
    ({"format": "no-such-format"}, ["x"]),
    ({"properties": {"a": True}, "unevaluatedProperties": False}, [{"a": 1}, {"b": 1}, {}]),
    (
        {
            "anyOf": [{"properties": {"a": {"type": "integer"}}, "required": ["a"]}],
            "unevaluatedProperties": False,
        },
        [{"a": 1}, {"a": "x"}, {"a": 1, "b": 2}],
    ),
    ({"propertyNames": {"pattern": "^[a-z]+$"}}, [{"a": 1}, {"A": 1}, {NEWLINE: 1}]),
]


@pytest.mark.parametrize(("schema", "instances"), HELD, ids=[json.dumps(s)[:50] for s, _ in HELD])
def test_the_verdict_is_jsonschemas_where_the_libraries_differ(
    schema: dict[str, Any], instances: list[Any]
) -> None:
    check, full = both({"s.schema.json": schema}, "s.schema.json")
    for instance in instances:
        assert check(instance) == full.is_valid(instance), instance


@pytest.mark.parametrize(
    ("schema", "instance", "jsonschema_says"),
    [
        ({"type": "integer"}, 2**53 + 1, True),
        ({"not": {"const": 2**53}}, 2**53 + 1, True),
        ({"const": 2**53}, 2**53 + 1, False),  # as floats they would be equal
    ],
)
def test_what_the_libraries_could_read_apart_goes_to_jsonschema(
    schema: dict[str, Any], instance: Any, jsonschema_says: bool
) -> None:
    check, full = both({"s.schema.json": schema}, "s.schema.json")
    assert full.is_valid(instance) is jsonschema_says
    assert check(instance) is False


@pytest.mark.parametrize(
    "documents",
    [
        {"s.schema.json": {"$schema": "http://json-schema.org/draft-07/schema#"}},
        {"s.schema.json": {"$ref": "https://json-schema.org/draft/2020-12/schema"}},
        {"s.schema.json": {"$ref": "missing.schema.json#/$defs/a"}},
        {"s.schema.json": {"$ref": "#/$defs/a/enum/0", "$defs": {"a": {"enum": [{}]}}}},
        {"s.schema.json": {"$ref": "#/$defs/a/%65num/0", "$defs": {"a": {"enum": [{}]}}}},
        {"s.schema.json": {"patternProperties": {"\\d": {}}}},
        {"s.schema.json": {"patternProperties": {"^a.b$": {}}}},
        {"s.schema.json": {"maximum": 2**64}},
        {"s.schema.json": {"wal:python-pattern": "x"}},
        {"s.schema.json": {"$id": "t.schema.json"}, "t.schema.json": {}},
        {"s.schema.json": {"pattern": "\\p{L}"}},
    ],
    ids=lambda d: json.dumps(d)[:60],
)
def test_what_cannot_be_held_to_jsonschema_is_refused(documents: dict[str, Any]) -> None:
    with pytest.raises(Unsupported):
        compile_check(documents, "s.schema.json")


def test_a_format_checker_that_judges_non_text_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    # jsonschema-rs calls format callbacks on text only, so such a checker cannot be mirrored.
    checkers = Draft202012Validator.FORMAT_CHECKER.checkers
    monkeypatch.setitem(checkers, "even", (lambda x: not isinstance(x, int) or x % 2 == 0, ()))
    monkeypatch.setitem(checkers, "short", (lambda x: not isinstance(x, str) or len(x) < 3, ()))
    with pytest.raises(Unsupported):
        compile_check({"s.schema.json": {"format": "even"}}, "s.schema.json")
    check, full = both({"s.schema.json": {"format": "short"}}, "s.schema.json")
    for instance in ["ab", "abc", 12345, None]:
        assert check(instance) == full.is_valid(instance)


def test_a_missing_document_is_refused() -> None:
    with pytest.raises(Unsupported):
        compile_check({}, "s.schema.json")


# -- patterns: the grammar the engines share ---------------------------------------------------

_ATOMS = ["a", "b", "é", "-", "/", " ", "\\.", "\\-", "\\/", "\\\\", "\\(", "\\u00e9", "\\t"]
_CLASSES = ["[a-c]", "[^a]", "[-ab]", "[é\\-]", "[^\\u0000-\\u001f]", "[0-9]", "[a-z0-9_.-]"]
_QUANTIFIERS = ["", "", "*", "+", "?", "{2}", "{1,}", "{0,2}", "*?", "+?"]


@st.composite
def portable_patterns(draw: st.DrawFn, depth: int = 2) -> str:
    def piece() -> str:
        atom = draw(st.sampled_from([*_ATOMS, *_CLASSES, "(", "(?:"] if depth else _ATOMS))
        if atom in ("(", "(?:"):
            atom += draw(portable_patterns(depth - 1)) + ")"
        return atom + draw(st.sampled_from(_QUANTIFIERS))

    branches = [
        "".join(piece() for _ in range(draw(st.integers(0, 3))))
        for _ in range(draw(st.integers(1, 2)))
    ]
    body = "|".join(branches)
    start = draw(st.sampled_from(["", "^"]))
    end = draw(st.sampled_from(["", "$"])) if depth == 2 else ""  # $ only last, at the top
    return start + (f"(?:{body})" if "|" in body and (start or end) else body) + end


@settings(FAST, max_examples=100)
@given(portable_patterns(), st.lists(st.text("abé-/ .\\(\t\n\r\u2028\x1c0", max_size=5)))
def test_a_portable_pattern_means_the_same_in_both_engines(pattern: str, texts: list[str]) -> None:
    assert native_pattern(pattern) is not None, pattern
    check = compile_check({"p.schema.json": {"pattern": pattern}}, "p.schema.json")
    for text in texts:
        python = re.search(pattern, text) is not None
        assert check(text) == python, (pattern, text)


@pytest.mark.parametrize(
    ("pattern", "text"),
    [
        (".", "\r"),
        ("^.$", "\u2028"),
        ("\\d", "\u0663"),
        ("\\w", "é"),
        ("^\\s$", "\x1c"),
        ("^[^\\s]+$", "a\x1c"),
        ("(?i)a", "A"),
        ("a(?=b)", "ab"),
        ("a{,2}", "a"),
        ("[[:alpha:]]", "a"),
        ("[a&&b]", "&"),
        ("[a--b]", "-"),
        ("a]", "a]"),
        ("[]a]", "]"),
        ("\\bx", "x"),
        ("a**", "a"),
        ("a*+", "a"),
        ("{1}", "{1}"),
        ("(a", "a"),
        ("a)", "a"),
        ("(a$)", "a\n"),
        ("a$|b", "a\n"),
        ("a$b", "a"),
    ],
)
@pytest.mark.filterwarnings("ignore:Possible:FutureWarning")  # Python's re on [[ && --
def test_other_patterns_are_checked_by_python(pattern: str, text: str) -> None:
    assert native_pattern(pattern) is None
    documents = {"p.schema.json": {"pattern": pattern}}
    try:
        expected = python_validator(documents, "p.schema.json").is_valid(text)
    except re.error:
        with pytest.raises(Unsupported):
            compile_check(documents, "p.schema.json")
        return
    assert compile_check(documents, "p.schema.json")(text) == expected


# -- SchemaSet uses the check and still reports jsonschema's errors ----------------------------


def test_failing_records_still_get_jsonschemas_errors(tmp_path: Path) -> None:
    (tmp_path / "schemas").mkdir()
    schema = {"$id": "x.schema.json", "type": "object", "required": ["id"]}
    (tmp_path / "schemas" / "x.schema.json").write_text(json.dumps(schema), encoding="utf-8")
    validator = SchemaSet.load(tmp_path).validator("x.schema.json")
    assert validator.fast is not None
    assert validator.passes({"id": "a"})
    assert list(validator.iter_errors({"id": "a"})) == []
    assert [e.message for e in validator.iter_errors({})] == ["'id' is a required property"]


def test_schemas_the_check_refuses_go_to_jsonschema(tmp_path: Path) -> None:
    (tmp_path / "schemas").mkdir()
    schema = {"$id": "x.schema.json", "patternProperties": {"^\\d+$": {"type": "string"}}}
    (tmp_path / "schemas" / "x.schema.json").write_text(json.dumps(schema), encoding="utf-8")
    validator = SchemaSet.load(tmp_path).validator("x.schema.json")
    assert validator.fast is None
    assert not validator.passes({"1": "a"})
    assert list(validator.iter_errors({"1": "a"})) == []
    assert [e.message for e in validator.iter_errors({"1": 2})] == ["2 is not of type 'string'"]


# -- (c) the official JSON Schema Test Suite, draft 2020-12 ------------------------------------

REMOTE = "http://localhost:1234/"
# Remotes for other drafts, and the custom meta-schemas of the vocabulary and format-assertion
# cases (they $ref the 2020-12 meta-schemas): kept out of the documents, because the fast check
# refuses a whole set that holds one of them. The cases that need them count as refused.
OTHER_DRAFTS = ("draft3", "draft4", "draft6", "draft7", "draft2019-09", "draft-next")


def _kept(folder: str, text: str) -> bool:
    return folder not in OTHER_DRAFTS and "json-schema.org/draft/2020-12/meta" not in text


@dataclass
class Suite:
    remotes: dict[str, Any] = field(default_factory=dict)
    cases: list[tuple[str, dict[str, Any]]] = field(default_factory=list)  # (file, group)


def _download_sdist(cache: Path, version: str) -> Path:
    tarball = cache / f"jsonschema-{version}.tar.gz"
    if tarball.is_file():
        return tarball
    command = [sys.executable, "-m", "pip", "download", "--no-deps", "--no-binary", ":all:"]
    command += ["--quiet", "--dest", str(cache), f"jsonschema=={version}"]
    try:
        done = subprocess.run(command, capture_output=True, text=True, timeout=600)
    except (OSError, subprocess.TimeoutExpired) as exc:
        pytest.skip(f"cannot download jsonschema's sdist (the test suite is in it): {exc}")
    if done.returncode or not tarball.is_file():
        why = (done.stderr.strip().splitlines() or ["no sdist"])[-1]
        pytest.skip(f"cannot download jsonschema's sdist (the test suite is in it): {why}")
    return tarball


@pytest.fixture(scope="session")
def suite(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Suite:
    version = importlib.metadata.version("jsonschema")
    cache_provider = getattr(request.config, "cache", None)  # None under -p no:cacheprovider
    cache = (
        cache_provider.mkdir("jsonschema-sdist")
        if cache_provider is not None
        else tmp_path_factory.mktemp("jsonschema-sdist")
    )
    found = Suite()
    with tarfile.open(_download_sdist(cache, version)) as tar:
        for member in tar.getmembers():
            parts = member.name.split("/")
            if not member.isfile() or not member.name.endswith(".json") or parts[1:2] != ["json"]:
                continue
            handle = tar.extractfile(member)
            assert handle is not None
            text = handle.read().decode("utf-8")
            if parts[2:4] == ["tests", "draft2020-12"]:
                file = "/".join(parts[4:])
                found.cases += [(file, group) for group in json.loads(text)]
            elif parts[2] == "remotes" and _kept(parts[3], text):
                found.remotes[REMOTE + "/".join(parts[3:])] = json.loads(text)
    if not found.cases:
        pytest.skip(f"jsonschema {version}'s sdist holds no draft2020-12 tests")
    return found


def test_the_official_suite_never_gets_a_wrong_valid(suite: Suite) -> None:
    case = "case.schema.json"
    unsound: list[str] = []
    slower: list[str] = []
    agree = refused_groups = refused_tests = 0
    for file, group in suite.cases:
        documents = {**suite.remotes, case: group["schema"]}
        full = python_validator(documents, case)
        try:
            check = compile_check(documents, case)
        except Unsupported:
            refused_groups += 1
            refused_tests += len(group["tests"])
            continue
        for test in group["tests"]:
            where = f"{file}: {group['description']}: {test['description']}"
            expected, got = python_valid(full, test["data"]), check(test["data"])
            if got and expected is not True:
                unsound.append(where)
            elif got == expected:
                agree += 1
            else:
                slower.append(where)
    assert not unsound, unsound
    total = agree + len(slower) + refused_tests
    # Counted, not exact: what this version holds, with room for a few more refusals later.
    assert refused_groups <= 0.08 * len(suite.cases), (refused_groups, len(suite.cases))
    assert agree >= 0.99 * (agree + len(slower)), slower
    assert total > 1500

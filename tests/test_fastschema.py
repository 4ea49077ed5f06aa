"""The compiled schema check (walcli.fastschema) gives exactly jsonschema's verdict.

`SchemaSet` skips jsonschema for records the compiled check passes, so a wrong "valid" would
let a problem slip through. These tests compare the two verdicts keyword by keyword, on
hypothesis-generated instances, and on mutated copies of real records.
"""

from __future__ import annotations

import copy
import json
import random
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from jsonschema import Draft202012Validator
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

from walcli.core.kinds import KINDS
from walcli.io.scan import load_registry
from walcli.schema.fastschema import Unsupported, compile_check
from walcli.schema.set import SchemaSet

TESTS = Path(__file__).parent
REPO = TESTS.parent

DEFS = {
    "$id": "defs.schema.json",
    "$defs": {
        "slug": {"type": "string", "pattern": "^[a-z0-9]+(-[a-z0-9]+)*$"},
        "text": {
            "type": "object",
            "properties": {"fr": {"type": "string"}, "en": {"type": "string"}},
            "required": ["fr"],
            "unevaluatedProperties": False,
        },
        "base": {"properties": {"id": {"$ref": "#/$defs/slug"}}, "required": ["id"]},
        "tree": {"type": "object", "properties": {"kids": {"items": {"$ref": "#/$defs/tree"}}}},
    },
}

# Each schema exercises keywords and the corners where Python and JSON Schema disagree
# (1 == True, 1.0 an integer), and unevaluatedProperties through every in-place applicator.
SCHEMAS: list[Any] = [
    True,
    False,
    {"type": "integer"},
    {"type": ["number", "null"]},
    {"type": "boolean"},
    {"enum": ["a", "b", 1, True, None, [1], {"a": 1}]},
    {"enum": ["a", "b"]},
    {"const": 1},
    {"const": False},
    {"const": {"a": [1, True]}},
    {"uniqueItems": True},
    {"uniqueItems": False, "minItems": 1, "maxItems": 2},
    {"minLength": 1, "maxLength": 2, "pattern": "^a"},
    {"minimum": 0, "maximum": 3, "exclusiveMinimum": -1, "exclusiveMaximum": 3},
    {"multipleOf": 0.5},
    {"multipleOf": 2},
    {"format": "uri"},
    {"format": "date"},
    {"minProperties": 1, "maxProperties": 2},
    {"required": ["a", "b"]},
    {"properties": {"a": {"type": "string"}, "b": {"type": "integer"}}},
    {"properties": {"a": True}, "additionalProperties": False},
    {
        "properties": {"a": True},
        "patternProperties": {"^b": {"type": "null"}},
        "additionalProperties": {"type": "boolean"},
    },
    {"patternProperties": {"^b": {"type": "null"}}, "additionalProperties": False},
    {"propertyNames": {"maxLength": 1}},
    {"dependentRequired": {"a": ["b"]}},
    {"dependentSchemas": {"a": {"required": ["c"]}}},
    {"prefixItems": [{"type": "integer"}, {"type": "string"}], "items": False},
    {"prefixItems": [{"type": "integer"}], "items": {"type": "string"}},
    {"items": {"type": "integer"}},
    {"contains": {"type": "integer"}},
    {"contains": {"type": "integer"}, "minContains": 2, "maxContains": 3},
    {"contains": {"type": "integer"}, "minContains": 0},
    {"allOf": [{"type": "object"}, {"required": ["a"]}]},
    {"anyOf": [{"type": "string"}, {"type": "integer"}]},
    {"oneOf": [{"type": "integer"}, {"type": "number"}]},
    {"not": {"type": "string"}},
    {"if": {"required": ["a"]}, "then": {"required": ["b"]}, "else": {"required": ["c"]}},
    {"if": {"required": ["a"]}, "then": {"required": ["b"]}},
    {"if": {"required": ["a"]}, "else": {"required": ["c"]}},
    {"then": {"required": ["b"]}},
    {"$ref": "defs.schema.json#/$defs/text"},
    {"$ref": "defs.schema.json#/$defs/tree"},
    {
        "allOf": [{"$ref": "defs.schema.json#/$defs/base"}],
        "properties": {"name": True},
        "unevaluatedProperties": False,
    },
    {"$ref": "defs.schema.json#/$defs/base", "unevaluatedProperties": False},
    {
        "anyOf": [
            {"properties": {"a": {"type": "integer"}}, "required": ["a"]},
            {"properties": {"b": True}},
        ],
        "unevaluatedProperties": False,
    },
    {
        "oneOf": [{"properties": {"a": {"type": "integer"}}}, {"properties": {"b": True}}],
        "unevaluatedProperties": False,
    },
    {
        "if": {"properties": {"a": {"const": 1}}, "required": ["a"]},
        "then": {"properties": {"b": True}},
        "else": {"properties": {"c": True}},
        "unevaluatedProperties": False,
    },
    {
        "dependentSchemas": {"a": {"properties": {"b": True}}},
        "properties": {"a": True},
        "unevaluatedProperties": False,
    },
    {"patternProperties": {"^x": True}, "unevaluatedProperties": {"type": "integer"}},
    {"additionalProperties": {"type": "integer"}, "unevaluatedProperties": False},
    {
        "allOf": [{"unevaluatedProperties": {"type": "string"}}],
        "properties": {"a": True},
        "unevaluatedProperties": False,
    },
    {
        "properties": {"a": {"properties": {"b": True}, "unevaluatedProperties": False}},
        "description": "annotations",
        "x-ref": "domains",
        "examples": [{"a": 1}],
    },
]

KEYS = st.sampled_from(["a", "b", "c", "id", "name", "fr", "en", "x1", "kids"])
SCALARS = (
    st.none()
    | st.booleans()
    | st.integers(-3, 5)
    | st.sampled_from([0.5, 1.0, 2.0, -1.5, 1e300, 3.0])
    | st.sampled_from(
        [
            "",
            "a",
            "ab",
            "abc",
            "b",
            "x",
            "http://x.org/a",
            "not uri",
            "2009-12-03",
            "2009-13-03",
            "ok-slug",
            "Bad Slug",
        ]
    )
)
JSON = st.recursive(
    SCALARS,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(KEYS, inner, max_size=4),
    max_leaves=12,
)


_PAIRS: dict[str, tuple[Any, Any]] = {}


def _pair(schema: Any) -> tuple[Any, Any]:
    key = json.dumps(schema)
    if key not in _PAIRS:
        _PAIRS[key] = _build_pair(schema)
    return _PAIRS[key]


def _build_pair(schema: Any) -> tuple[Any, Any]:
    documents = {"defs.schema.json": DEFS, "s.schema.json": schema}
    registry: Registry[Any] = Registry().with_resources(
        (name, Resource.from_contents(doc, default_specification=DRAFT202012))
        for name, doc in documents.items()
        if isinstance(doc, dict)
    )
    full = Draft202012Validator(
        schema, registry=registry, format_checker=Draft202012Validator.FORMAT_CHECKER
    )
    return full, compile_check(full, list(documents.values()))


@pytest.mark.parametrize("schema", SCHEMAS, ids=lambda s: json.dumps(s)[:60])
@settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(instance=JSON)
def test_the_verdict_is_jsonschemas(schema: Any, instance: Any) -> None:
    full, fast = _pair(schema)
    assert fast(instance) == full.is_valid(instance)


@pytest.mark.parametrize(
    "schema",
    [
        {"type": "text"},
        {"unevaluatedItems": False},
        {"$dynamicRef": "#x"},
        {"properties": {"a": {"$id": "other.json", "type": "string"}}},
        {"$ref": "missing.schema.json"},
        {"pattern": "("},
        {"items": {"$schema": "http://json-schema.org/draft-07/schema#"}},
    ],
)
def test_what_is_not_mirrored_is_refused(schema: Any) -> None:
    with pytest.raises(Unsupported):
        _pair(schema)


def _mutations(data: Any, rng: random.Random, count: int) -> list[Any]:
    values = [
        None,
        True,
        0,
        1.0,
        -5,
        "",
        "x",
        "2006-13-01",
        "not a url",
        [],
        ["a", "a"],
        {},
        {"fr": "a"},
        {"zz": 1},
        "BAD ID",
    ]

    def paths(x: Any, p: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
        found = [p]
        if isinstance(x, dict):
            for k, v in x.items():
                found += paths(v, (*p, k))
        elif isinstance(x, list):
            for i, v in enumerate(x):
                found += paths(v, (*p, i))
        return found

    out = []
    for _ in range(count):
        copied = copy.deepcopy(data)
        for _ in range(rng.choice([1, 1, 2])):
            spots = paths(copied)[1:]
            if not spots:
                break
            spot = rng.choice(spots)
            parent = copied
            for step in spot[:-1]:
                parent = parent[step]
            op = rng.random()
            if op < 0.4:
                parent[spot[-1]] = copy.deepcopy(rng.choice(values))
            elif op < 0.65:
                del parent[spot[-1]]
            elif op < 0.8 and isinstance(parent, dict):
                parent["zz_unknown"] = 1
            elif isinstance(parent, list):
                parent.append(copy.deepcopy(parent[spot[-1]]))
        out.append(copied)
    return out


@pytest.mark.parametrize("root", [REPO, TESTS / "fixtures" / "mini"], ids=["repo", "mini"])
def test_real_records_and_their_mutations_get_jsonschemas_verdict(root: Path) -> None:
    if not (root / "schemas").is_dir():
        pytest.skip(f"no registry at {root}")
    registry = load_registry(root)
    rng = random.Random(4)
    checked = 0
    for record in registry.all():
        validator = registry.schemas.validator(KINDS[record.kind].schema)
        assert validator.fast is not None, f"{record.kind}: the compiled check fell back"
        for instance in [record.data, *_mutations(record.data, rng, 25)]:
            assert validator.fast(instance) == validator.full.is_valid(instance), record.file
            checked += 1
    assert checked


def test_errors_still_come_from_jsonschema(tmp_path: Path) -> None:
    (tmp_path / "schemas").mkdir()
    schema = {"$id": "x.schema.json", "type": "object", "required": ["id"]}
    (tmp_path / "schemas" / "x.schema.json").write_text(json.dumps(schema), encoding="utf-8")
    validator = SchemaSet.load(tmp_path).validator("x.schema.json")
    assert validator.fast is not None
    assert list(validator.iter_errors({"id": "a"})) == []
    assert [e.message for e in validator.iter_errors({})] == ["'id' is a required property"]


def test_a_keyword_jsonschema_knows_and_the_compiler_does_not_is_refused(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import walcli.schema.fastschema as fastschema

    monkeypatch.setattr(fastschema, "KEYWORDS", fastschema.KEYWORDS | {"newKeyword"})
    with pytest.raises(Unsupported):
        _build_pair({"newKeyword": 1})

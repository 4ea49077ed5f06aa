"""Where the schemas keep references and dates, found by walking only what can reach them
(walcli.schema.walker.marked), with what was learnt shared between kinds: the same places as
the full walk over every subschema finds."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from walcli.core.paths import Pattern
from walcli.schema.set import SchemaSet
from walcli.schema.walker import (
    DATE_KEYWORD,
    REF_KEYWORD,
    Marks,
    date_patterns,
    reference_patterns,
    subschemas,
)

REPO = Path(__file__).resolve().parent.parent
KINDS = ("domains", "poles", "plans", "shocks")


def _full_dates(documents: dict[str, Any], name: str) -> list[Pattern]:
    return sorted({p for p, node in subschemas(documents, name) if node.get(DATE_KEYWORD) is True})


def _full_refs(documents: dict[str, Any], name: str) -> list[tuple[Pattern, str]]:
    return sorted(
        {
            (p, node[REF_KEYWORD])
            for p, node in subschemas(documents, name)
            if isinstance(node.get(REF_KEYWORD), str)
        }
    )


def _check(documents: dict[str, Any], names: list[str]) -> None:
    """Each document alone, and all in turn with what the walks learn shared between them."""
    references, dates = Marks.references(), Marks.dates()
    for name in names:
        assert date_patterns(documents, name, dates) == _full_dates(documents, name), name
        assert reference_patterns(documents, name, references) == _full_refs(documents, name)
        assert date_patterns(documents, name) == _full_dates(documents, name), name
        assert reference_patterns(documents, name) == _full_refs(documents, name), name


def test_the_registry_schemas() -> None:
    schemas = SchemaSet.load(REPO)
    names = [f"{kind}.schema.json" for kind in KINDS]
    _check(schemas.documents, names)
    # and through the schema set, which shares what it learns between kinds
    for name in reversed(names):
        assert schemas.dates(name) == _full_dates(schemas.documents, name)
        assert schemas.references(name) == _full_refs(schemas.documents, name)
    assert any(schemas.dates(name) for name in names)
    assert any(schemas.references(name) for name in names)


# -- generated schema sets: nesting, shared definitions, cycles, marks anywhere -------------

DOCS = ("a.json", "b.json")
REFS = [f"{doc}#/$defs/{d}" for doc in DOCS for d in ("x", "y")] + ["#/$defs/x", "#", "b.json"]


def _schemas() -> st.SearchStrategy[Any]:
    leaf: st.SearchStrategy[Any] = st.one_of(
        st.just({}),
        st.just({DATE_KEYWORD: True}),
        st.just({REF_KEYWORD: "poles"}),
        st.sampled_from(REFS).map(lambda ref: {"$ref": ref}),
        st.just(True),
    )

    def extend(children: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
        return st.one_of(
            st.dictionaries(st.sampled_from("pqr"), children, max_size=3).map(
                lambda props: {"properties": props}
            ),
            children.map(lambda sub: {"items": sub}),
            children.map(lambda sub: {"additionalProperties": sub, DATE_KEYWORD: True}),
            st.lists(children, max_size=3).map(lambda subs: {"allOf": subs}),
            st.tuples(children, st.sampled_from(REFS)).map(
                lambda pair: {"$ref": pair[1], "properties": {"s": pair[0]}}
            ),
            st.tuples(children, children).map(
                lambda pair: {"if": pair[0], "then": pair[1], REF_KEYWORD: "plans"}
            ),
        )

    return st.recursive(leaf, extend, max_leaves=6)


@st.composite
def _documents(draw: st.DrawFn) -> dict[str, Any]:
    documents = {}
    for doc in DOCS:
        body = draw(_schemas())
        document = dict(body) if isinstance(body, dict) else {}
        document["$defs"] = {"x": draw(_schemas()), "y": draw(_schemas())}
        documents[doc] = json.loads(json.dumps(document))  # separate objects, as read
    return documents


@pytest.mark.property
@settings(max_examples=100, derandomize=True, deadline=None)
@given(_documents())
def test_generated_schema_sets(documents: dict[str, Any]) -> None:
    _check(documents, list(DOCS))
    _check(documents, list(reversed(DOCS)))

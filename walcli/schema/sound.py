"""The checks that make a set of schema documents safe to walk and to compile, before anything
reads them: each is a JSON object named by its own file, nests within bounds, every `$ref`
names a subschema of the set, and no subschema refers back to itself without descending into
the value (which would send any validator into endless recursion). A broken schema is a
SchemaError naming the file and the JSON Pointer at fault."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from walcli.core.errors import SchemaError
from walcli.core.paths import JsonPath, pointer

MAX_NESTING = 64
# Keywords whose values are instance data, not schemas: a "$ref" inside them is just data.
_DATA_KEYWORDS = frozenset({"enum", "const", "default", "examples"})
# Keywords whose subschemas apply to the very same value (no descent into it).
_SAME_PLACE_ONE = ("not", "if", "then", "else")
_SAME_PLACE_MANY = ("allOf", "anyOf", "oneOf")
_SAME_PLACE_KEYS = frozenset({"$ref", *_SAME_PLACE_ONE, *_SAME_PLACE_MANY})


def _mappings(name: str, document: Any) -> Iterator[tuple[dict[str, Any], JsonPath]]:
    """Every mapping of a document that may be a schema, with its path (iteratively, and
    refusing nesting beyond MAX_NESTING)."""
    stack: list[tuple[Any, JsonPath]] = [(document, ())]
    while stack:
        node, path = stack.pop()
        if len(path) > MAX_NESTING:
            raise SchemaError(
                f"schemas/{name}: {pointer(path)}: the schema nests deeper than "
                f"{MAX_NESTING} levels"
            )
        if isinstance(node, dict):
            yield node, path
            stack.extend(
                (value, (*path, key))
                for key, value in node.items()
                if key not in _DATA_KEYWORDS and isinstance(value, dict | list)
            )
        elif isinstance(node, list):
            stack.extend(
                (value, (*path, index))
                for index, value in enumerate(node)
                if isinstance(value, dict | list)
            )


def _target(documents: Mapping[str, Any], ref: str, current: str) -> tuple[Any, str] | None:
    """What a $ref names inside the set: a file name of the set (or nothing, for the same
    document) and a JSON Pointer fragment."""
    doc_name, _, fragment = ref.partition("#")
    doc_name = doc_name or current
    if doc_name not in documents or (fragment and not fragment.startswith("/")):
        return None
    node = documents[doc_name]
    for part in fragment.split("/")[1:]:
        key = part.replace("~1", "/").replace("~0", "~")
        if isinstance(node, dict) and key in node:
            node = node[key]
        elif isinstance(node, list) and key.isdigit() and int(key) < len(node):
            node = node[int(key)]
        else:
            return None
    return node, doc_name


_SCHEMA_MAPS = ("properties", "patternProperties", "$defs", "definitions", "dependentSchemas")
_ONE_SCHEMA = (
    "not",
    "if",
    "then",
    "else",
    "items",
    "additionalItems",
    "additionalProperties",
    "unevaluatedProperties",
    "unevaluatedItems",
    "contains",
    "propertyNames",
)
_SCHEMA_LISTS = ("allOf", "anyOf", "oneOf", "prefixItems")


def _is_schema(value: Any) -> bool:
    return isinstance(value, dict | bool)


def _subschemas(node: dict[str, Any], path: JsonPath) -> Iterator[tuple[Any, JsonPath, str]]:
    """(value, path, what it must be) for every place of node where a schema goes."""
    for keyword in _SCHEMA_MAPS:
        if keyword in node:
            value = node[keyword]
            if not isinstance(value, dict):
                yield value, (*path, keyword), "an object of schemas"
                continue
            for key, sub in value.items():
                yield sub, (*path, keyword, key), "a schema"
    for keyword in _ONE_SCHEMA:
        if keyword in node:
            yield node[keyword], (*path, keyword), "a schema"
    for keyword in _SCHEMA_LISTS:
        if keyword in node:
            value = node[keyword]
            if not isinstance(value, list) or not value:
                yield value, (*path, keyword), "a non-empty array of schemas"
                continue
            for index, sub in enumerate(value):
                yield sub, (*path, keyword, index), "a schema"


def _check_shapes(name: str, document: dict[str, Any]) -> None:
    """Every place where a schema goes holds one (an object or a boolean), and every $ref is
    text: what the walkers and the validators take for granted, checked before they run."""
    stack: list[tuple[dict[str, Any], JsonPath]] = [(document, ())]
    while stack:
        node, path = stack.pop()
        if "$ref" in node and not isinstance(node["$ref"], str):
            raise SchemaError(f"schemas/{name}: {pointer((*path, '$ref'))}: $ref must be text")
        for value, where, what in _subschemas(node, path):
            if what != "a schema" or not _is_schema(value):
                kind = type(value).__name__
                raise SchemaError(f"schemas/{name}: {pointer(where)}: expected {what}, got {kind}")
            if isinstance(value, dict):
                if len(where) > MAX_NESTING:
                    raise SchemaError(
                        f"schemas/{name}: {pointer(where)}: the schema nests deeper than "
                        f"{MAX_NESTING} levels"
                    )
                stack.append((value, where))


def check_documents(documents: Mapping[str, Any]) -> None:
    """Raise a SchemaError for the first fault of the set, else return."""
    located: dict[int, tuple[str, JsonPath]] = {}  # every mapping, by identity
    nodes: dict[int, dict[str, Any]] = {}
    for name, document in documents.items():
        if not isinstance(document, dict):
            kind = "an array" if isinstance(document, list) else type(document).__name__
            raise SchemaError(
                f"schemas/{name}: the schema is {kind}; a schema file holds an object"
            )
        _check_shapes(name, document)
        own_id = document.get("$id")
        if own_id is not None and own_id != name:
            raise SchemaError(
                f"schemas/{name}: /$id: {own_id!r} differs from the file name; "
                "the set knows each schema by its file name"
            )
        for node, path in _mappings(name, document):
            located.setdefault(id(node), (name, path))
            nodes.setdefault(id(node), node)
    edges = {
        key: found
        for key, node in nodes.items()
        if (found := _same_place(documents, node, located[key]))
    }
    _refuse_cycles(edges, located)


def _same_place(
    documents: Mapping[str, Any], node: dict[str, Any], where: tuple[str, JsonPath]
) -> list[int]:
    """The subschemas that apply to the same value as node (by identity); a $ref that names
    nothing is refused here."""
    if node.keys().isdisjoint(_SAME_PLACE_KEYS):
        return []
    name, path = where
    found: list[int] = []
    ref = node.get("$ref")
    if isinstance(ref, str):
        missing = ref.partition("#")[0]
        if missing and missing not in documents:
            raise SchemaError(
                f"schemas/{name}: {pointer((*path, '$ref'))}: $ref {ref!r} names "
                f"schemas/{missing}, which is not there"
            )
        target = _target(documents, ref, name)
        if target is None:
            raise SchemaError(
                f"schemas/{name}: {pointer((*path, '$ref'))}: $ref {ref!r} names no schema "
                "of the set (refs are FILE.schema.json#/pointer or #/pointer)"
            )
        if isinstance(target[0], dict):
            found.append(id(target[0]))
    for keyword in _SAME_PLACE_ONE:
        if isinstance(node.get(keyword), dict):
            found.append(id(node[keyword]))
    for keyword in _SAME_PLACE_MANY:
        subs = node.get(keyword)
        found += [
            id(sub) for sub in (subs if isinstance(subs, list) else []) if isinstance(sub, dict)
        ]
    return found


def _refuse_cycles(edges: dict[int, list[int]], located: dict[int, tuple[str, JsonPath]]) -> None:
    """A path of same-place subschemas that comes back to where it started never ends."""
    state: dict[int, int] = {}  # 1 on the current path, 2 done
    for start in edges:
        if state.get(start):
            continue
        trail: list[int] = [start]
        stack: list[Iterator[int]] = [iter(edges[start])]
        state[start] = 1
        while stack:
            target = next(stack[-1], None)
            if target is None:
                state[trail.pop()] = 2
                stack.pop()
                continue
            if state.get(target) == 1:
                loop = [*trail[trail.index(target) :], target]
                doc, at = located[target]
                chain = " -> ".join(pointer(located[key][1]) or "/" for key in loop)
                raise SchemaError(
                    f"schemas/{doc}: {pointer(at) or '/'}: the schema refers back to itself "
                    f"without descending into the value ({chain}): no validator could ever "
                    "finish"
                )
            if not state.get(target):
                state[target] = 1
                trail.append(target)
                stack.append(iter(edges.get(target, [])))

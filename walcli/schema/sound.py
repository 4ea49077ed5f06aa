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

Where = tuple[str, str]  # (document name, JSON Pointer)


def _nodes(name: str, document: Any) -> Iterator[tuple[Any, tuple[str | int, ...]]]:
    """Every value of a document that may be a schema, with its path (iteratively)."""
    stack: list[tuple[Any, tuple[str | int, ...]]] = [(document, ())]
    while stack:
        node, path = stack.pop()
        if len(path) > MAX_NESTING:
            raise SchemaError(
                f"schemas/{name}: {pointer(path)}: the schema nests deeper than "
                f"{MAX_NESTING} levels"
            )
        yield node, path
        if isinstance(node, dict):
            stack.extend(
                (value, (*path, key)) for key, value in node.items() if key not in _DATA_KEYWORDS
            )
        elif isinstance(node, list):
            stack.extend((value, (*path, index)) for index, value in enumerate(node))


def _target(documents: Mapping[str, Any], ref: str, current: str) -> tuple[Any, Where] | None:
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
    return node, (doc_name, fragment)


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
    located: dict[int, Where] = {}
    edges: dict[Where, list[tuple[Where, str]]] = {}
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
        for node, path in _nodes(name, document):
            if isinstance(node, dict):
                located.setdefault(id(node), (name, pointer(path)))
    for name, document in documents.items():
        for node, path in _nodes(name, document):
            if isinstance(node, dict):
                edges[(name, pointer(path))] = _same_place(documents, name, node, path, located)
    _refuse_cycles(edges)


def _same_place(
    documents: Mapping[str, Any],
    name: str,
    node: dict[str, Any],
    path: tuple[str | int, ...],
    located: dict[int, Where],
) -> list[tuple[Where, str]]:
    """The subschemas that apply to the same value as node, each with the keyword leading
    there; a $ref that names nothing is refused here."""
    found: list[tuple[Where, str]] = []
    ref = node.get("$ref")
    if isinstance(ref, str):
        target = _target(documents, ref, name)
        missing = ref.partition("#")[0]
        if missing and missing not in documents:
            raise SchemaError(
                f"schemas/{name}: {pointer((*path, '$ref'))}: $ref {ref!r} names "
                f"schemas/{missing}, which is not there"
            )
        if target is None:
            raise SchemaError(
                f"schemas/{name}: {pointer((*path, '$ref'))}: $ref {ref!r} names no schema "
                "of the set (refs are FILE.schema.json#/pointer or #/pointer)"
            )
        where = located.get(id(target[0]), target[1])
        found.append((where, "$ref"))
    for keyword in _SAME_PLACE_ONE:
        if isinstance(node.get(keyword), dict):
            found.append(((name, pointer((*path, keyword))), keyword))
    for keyword in _SAME_PLACE_MANY:
        subs = node.get(keyword)
        for index, sub in enumerate(subs if isinstance(subs, list) else []):
            if isinstance(sub, dict):
                found.append(((name, pointer((*path, keyword, index))), keyword))
    return found


def _refuse_cycles(edges: dict[Where, list[tuple[Where, str]]]) -> None:
    """A path of same-place subschemas that comes back to where it started never ends."""
    state: dict[Where, int] = {}  # 1 on the current path, 2 done
    for start in sorted(edges):
        if state.get(start):
            continue
        trail: list[Where] = [start]
        stack: list[Iterator[tuple[Where, str]]] = [iter(edges.get(start, []))]
        state[start] = 1
        while stack:
            step = next(stack[-1], None)
            if step is None:
                state[trail.pop()] = 2
                stack.pop()
                continue
            target, _ = step
            if state.get(target) == 1:
                loop = [*trail[trail.index(target) :], target]
                doc, at = target
                chain = " -> ".join(where[1] or "/" for where in loop)
                raise SchemaError(
                    f"schemas/{doc}: {at or '/'}: the schema refers back to itself without "
                    f"descending into the value ({chain}): no validator could ever finish"
                )
            if not state.get(target):
                state[target] = 1
                trail.append(target)
                stack.append(iter(edges.get(target, [])))

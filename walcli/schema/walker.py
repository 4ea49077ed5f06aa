"""The one walker over a registry's schemas: every subschema reachable from a kind's schema,
with the pattern of instance places it applies to. What the code learns from the schemas
(references marked `x-ref`, series kept in date order, field labels and types) is read here.

Pure Python over the schema JSON, so listing and showing records never import jsonschema.
The walk is iterative and bounded: a schema that refers to itself, or nests without end,
cannot make it loop or overflow the stack.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from typing import Any

from walcli.core.paths import Pattern

# Keywords whose subschemas apply to the same place of the instance.
SAME_PLACE = ("allOf", "anyOf", "oneOf", "if", "then", "else", "not")
# Keywords whose subschemas apply to any item or any value below.
ANY_CHILD = ("additionalProperties", "unevaluatedProperties", "items")
MAX_PATTERN = 24
REF_KEYWORD = "x-ref"
ORDER_KEYWORD = "x-order"
DATE_DEFINITION = "date"  # the shared definition every date field refers to ($defs/date)
_IN_DATE_ORDER = re.compile(r"\bin date order\b", re.IGNORECASE)


def resolve(documents: Mapping[str, Any], ref: str, current: str) -> tuple[Any, str] | None:
    """The subschema a $ref names (within the set: by file name), and its document's name."""
    doc_name, _, fragment = ref.partition("#")
    doc_name = doc_name.rsplit("/", 1)[-1] or current
    node = documents.get(doc_name)
    for part in [p for p in fragment.split("/") if p]:
        if isinstance(node, dict):
            node = node.get(part.replace("~1", "/").replace("~0", "~"))
        elif isinstance(node, list) and part.isdigit() and int(part) < len(node):
            node = node[int(part)]
        else:
            return None
    return (node, doc_name) if node is not None else None


def _children(schema: dict[str, Any], pattern: Pattern) -> Iterator[tuple[Any, Pattern]]:
    for keyword in SAME_PLACE:
        subs = schema.get(keyword)
        for sub in subs if isinstance(subs, list) else [subs]:
            yield sub, pattern
    properties = schema.get("properties")
    for name, sub in (properties if isinstance(properties, dict) else {}).items():
        yield sub, (*pattern, str(name))
    patterns = schema.get("patternProperties")
    for sub in (patterns if isinstance(patterns, dict) else {}).values():
        yield sub, (*pattern, "*")
    for keyword in ANY_CHILD:
        yield schema.get(keyword), (*pattern, "*")
    prefix = schema.get("prefixItems")
    for sub in prefix if isinstance(prefix, list) else []:
        yield sub, (*pattern, "*")


def subschemas(documents: Mapping[str, Any], name: str) -> Iterator[tuple[Pattern, dict[str, Any]]]:
    """(pattern, subschema) for every subschema reachable from one document, $refs followed."""
    seen: set[tuple[int, Pattern]] = set()
    stack: list[tuple[Any, Pattern, str]] = [(documents.get(name), (), name)]
    while stack:
        schema, pattern, doc = stack.pop()
        if not isinstance(schema, dict) or len(pattern) > MAX_PATTERN:
            continue
        marker = (id(schema), pattern)
        if marker in seen:
            continue
        seen.add(marker)
        yield pattern, schema
        ref = schema.get("$ref")
        if isinstance(ref, str):
            resolved = resolve(documents, ref, doc)
            if resolved is not None:
                stack.append((resolved[0], pattern, resolved[1]))
        stack.extend((sub, sub_pattern, doc) for sub, sub_pattern in _children(schema, pattern))


def reference_patterns(documents: Mapping[str, Any], name: str) -> list[tuple[Pattern, str]]:
    """(pattern, target kind) for every x-ref reachable from one schema document."""
    found = {
        (pattern, node[REF_KEYWORD])
        for pattern, node in subschemas(documents, name)
        if isinstance(node.get(REF_KEYWORD), str)
    }
    return sorted(found)


def _declares_order(schema: dict[str, Any]) -> bool:
    if schema.get(ORDER_KEYWORD) == "date":
        return True
    described = schema.get("description")
    return isinstance(described, str) and bool(_IN_DATE_ORDER.search(described))


def series_patterns(documents: Mapping[str, Any], name: str) -> list[Pattern]:
    """Where a schema keeps series: arrays it declares in date order (by `"x-order": "date"`
    or a description saying "in date order")."""
    return sorted(
        {pattern for pattern, node in subschemas(documents, name) if _declares_order(node)}
    )


def _is_date(schema: dict[str, Any]) -> bool:
    ref = schema.get("$ref")
    return isinstance(ref, str) and ref.rpartition("/")[2] == DATE_DEFINITION


def date_patterns(documents: Mapping[str, Any], name: str) -> list[Pattern]:
    """Where a schema keeps dates: every place whose subschema refers to the shared date
    definition (`$ref: ...#/$defs/date`), date claims' values included. A new date field
    is found here without code."""
    return sorted({pattern for pattern, node in subschemas(documents, name) if _is_date(node)})

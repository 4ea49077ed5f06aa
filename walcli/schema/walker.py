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
from dataclasses import dataclass, field
from typing import Any

from walcli.core.paths import Pattern

# Keywords whose subschemas apply to the same place of the instance.
SAME_PLACE = ("allOf", "anyOf", "oneOf", "if", "then", "else", "not")
# Keywords whose subschemas apply to any item or any value below.
ANY_CHILD = ("additionalProperties", "unevaluatedProperties", "items")
MAX_PATTERN = 24
REF_KEYWORD = "x-ref"
ORDER_KEYWORD = "x-order"
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


def subschemas(
    documents: Mapping[str, Any], name: str, depth: int = MAX_PATTERN
) -> Iterator[tuple[Pattern, dict[str, Any]]]:
    """(pattern, subschema) for every subschema reachable from one document, $refs followed,
    depth first in the order the schema is written."""
    seen: set[tuple[int, Pattern]] = set()
    stack: list[tuple[Any, Pattern, str]] = [(documents.get(name), (), name)]
    while stack:
        schema, pattern, doc = stack.pop()
        if not isinstance(schema, dict) or len(pattern) > min(depth, MAX_PATTERN):
            continue
        marker = (id(schema), pattern)
        if marker in seen:
            continue
        seen.add(marker)
        yield pattern, schema
        # Pushed in reverse, so that subschemas come out in the order the schema writes them
        # (a $ref first, then its siblings): the order a record view and `fields` show.
        children = [(sub, sub_pattern, doc) for sub, sub_pattern in _children(schema, pattern)]
        stack.extend(reversed(children))
        ref = schema.get("$ref")
        if isinstance(ref, str):
            resolved = resolve(documents, ref, doc)
            if resolved is not None:
                stack.append((resolved[0], pattern, resolved[1]))


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


LABEL_KEYWORD = "x-label"
# What a shared definition holds, by its name in $defs: the type `fields` shows and the form
# a record view gives the value (a date at its precision, money, a count...).
DEF_TYPES = {
    "date": "date",
    "euros": "money",
    "count": "count",
    "url": "url",
    "text": "text",
    "long-text": "text",
    "line": "string",
    "paragraph": "string",
    "slug": "id",
    "source-id": "source-id",
    "period": "period",
    "date-claims": "claims",
    "euro-claims": "claims",
    "count-claims": "claims",
    "text-claims": "claims",
    "id-list-claims": "claims",
    "figure": "figure",
    "figures": "list",
    "qualifier": "enum",
    "unit": "enum",
    "attribution": "enum",
}
JSON_TYPES = ("boolean", "integer", "number", "string", "array", "object")


@dataclass
class FieldInfo:
    """What the schemas say about one place of a record (a pattern, "*" for list items)."""

    pattern: Pattern
    label: Any = None  # x-label ({fr, en}) or title, as the schema gives it
    defs: list[str] = field(default_factory=list)  # $defs names referenced here, in order
    refs: list[str] = field(default_factory=list)  # the kinds x-refs here name
    enum: list[Any] = field(default_factory=list)
    types: list[str] = field(default_factory=list)
    description: str | None = None

    @property
    def ref(self) -> str | None:
        """The kind an x-ref here names (the first, should several)."""
        return self.refs[0] if self.refs else None

    @property
    def dotted(self) -> str:
        return ".".join(part for part in self.pattern if part != "*")

    @property
    def type(self) -> str:
        """reference, date, money, count, url, text, claims, ..., else the JSON type."""
        if self.ref:
            return "reference"
        for name in self.defs:
            if name in DEF_TYPES:
                return DEF_TYPES[name]
        if self.enum:
            return "enum"
        for name in JSON_TYPES:
            if name in self.types:
                return "list" if name == "array" else name
        return "any"

    def merge(self, node: dict[str, Any]) -> None:
        ref = node.get("$ref")
        if isinstance(ref, str) and "#/$defs/" in ref:
            name = ref.rsplit("/", 1)[-1]
            if name not in self.defs:
                self.defs.append(name)
        target = node.get(REF_KEYWORD)
        if isinstance(target, str) and target not in self.refs:
            self.refs.append(target)
        label = node.get(LABEL_KEYWORD, node.get("title"))
        if self.label is None and isinstance(label, str | dict):
            self.label = label
        if isinstance(node.get("enum"), list):
            self.enum += [v for v in node["enum"] if v not in self.enum]
        if "const" in node and node["const"] not in self.enum:
            self.enum.append(node["const"])
        kinds = node.get("type")
        for kind in kinds if isinstance(kinds, list) else [kinds]:
            if isinstance(kind, str) and kind not in self.types:
                self.types.append(kind)
        if self.description is None and isinstance(node.get("description"), str):
            self.description = node["description"]


def fields(
    documents: Mapping[str, Any], name: str, depth: int = MAX_PATTERN
) -> dict[Pattern, FieldInfo]:
    """What the schema says of every place of a record (down to `depth` steps), in the order
    the schema writes them (the kind's own properties after those it takes from shared
    definitions)."""
    found: dict[Pattern, FieldInfo] = {}
    document = documents.get(name)
    for pattern, node in subschemas(documents, name, depth):
        if not pattern:
            continue
        info = found.get(pattern)
        if info is None:
            info = found[pattern] = FieldInfo(pattern)
        if node is not document:
            info.merge(node)
    return found


def top_level(documents: Mapping[str, Any], name: str) -> list[str]:
    """The kind's top-level fields: its own `properties` in the order written, then those only
    the definitions it takes (allOf) declare."""
    document = documents.get(name)
    own = document.get("properties") if isinstance(document, dict) else None
    names = [str(key) for key in own] if isinstance(own, dict) else []
    for pattern in fields(documents, name, depth=1):
        if len(pattern) == 1 and pattern[0] != "*" and pattern[0] not in names:
            names.append(pattern[0])
    return names


def references_in(infos: Mapping[Pattern, FieldInfo]) -> list[tuple[Pattern, str]]:
    """(pattern, target kind) for every x-ref of a walk already made (as reference_patterns,
    without walking again)."""
    return sorted({(pattern, ref) for pattern, info in infos.items() for ref in info.refs})

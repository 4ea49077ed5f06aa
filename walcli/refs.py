"""Reference fields, discovered from the schemas: any subschema annotated with x-ref.

Pure Python over the schema JSON, so listing and showing records never import jsonschema.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from walcli.loader import JsonPath

Pattern = tuple[str, ...]  # field names, with "*" for any list item or mapping value
REF_KEYWORD = "x-ref"
_SAME_PLACE = ("allOf", "anyOf", "oneOf", "then", "else", "if", "not")
_MAX_PATTERN = 24


class _Walker:
    def __init__(self, documents: Mapping[str, Any]) -> None:
        self.documents = documents
        self.found: set[tuple[Pattern, str]] = set()
        self.seen: set[tuple[int, Pattern]] = set()

    def resolve(self, ref: str, current: str) -> tuple[Any, str] | None:
        doc_name, _, pointer = ref.partition("#")
        doc_name = doc_name.rsplit("/", 1)[-1] or current
        node = self.documents.get(doc_name)
        for part in [p for p in pointer.split("/") if p]:
            if not isinstance(node, dict):
                return None
            node = node.get(part.replace("~1", "/").replace("~0", "~"))
        return (node, doc_name) if node is not None else None

    def walk(self, schema: Any, pattern: Pattern, doc: str) -> None:
        if not isinstance(schema, dict) or len(pattern) > _MAX_PATTERN:
            return
        marker = (id(schema), pattern)
        if marker in self.seen:
            return
        self.seen.add(marker)
        target = schema.get(REF_KEYWORD)
        if isinstance(target, str):
            self.found.add((pattern, target))
        if isinstance(schema.get("$ref"), str):
            resolved = self.resolve(schema["$ref"], doc)
            if resolved is not None:
                self.walk(resolved[0], pattern, resolved[1])
        for keyword in _SAME_PLACE:
            subs = schema.get(keyword)
            for sub in subs if isinstance(subs, list) else [subs]:
                self.walk(sub, pattern, doc)
        for name, sub in (schema.get("properties") or {}).items():
            self.walk(sub, (*pattern, name), doc)
        for sub in (schema.get("patternProperties") or {}).values():
            self.walk(sub, (*pattern, "*"), doc)
        for keyword in ("additionalProperties", "unevaluatedProperties", "items"):
            self.walk(schema.get(keyword), (*pattern, "*"), doc)
        for sub in schema.get("prefixItems") or []:
            self.walk(sub, (*pattern, "*"), doc)


def reference_patterns(documents: Mapping[str, Any], schema_name: str) -> list[tuple[Pattern, str]]:
    """(pattern, target kind) for every x-ref reachable from one schema document."""
    walker = _Walker(documents)
    walker.walk(documents.get(schema_name), (), schema_name)
    return sorted(walker.found)


def values_at(data: Any, pattern: Pattern, path: JsonPath = ()) -> Iterator[tuple[JsonPath, Any]]:
    """Every (path, value) in data that a pattern matches."""
    if not pattern:
        yield path, data
        return
    head, rest = pattern[0], pattern[1:]
    if head == "*":
        if isinstance(data, list):
            for index, item in enumerate(data):
                yield from values_at(item, rest, (*path, index))
        elif isinstance(data, dict):
            for key, item in data.items():
                yield from values_at(item, rest, (*path, key))
    elif isinstance(data, dict) and head in data:
        yield from values_at(data[head], rest, (*path, head))

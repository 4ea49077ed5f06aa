"""The one walker over a registry's schemas: every subschema reachable from a kind's schema,
with the pattern of instance places it applies to. What the code learns from the schemas
(references marked `x-ref`, series kept in date order, field labels and types) is read here.

Pure Python over the schema JSON, so listing and showing records never import jsonschema.
The walk is iterative and bounded: a schema that refers to itself, or nests without end,
cannot make it loop or overflow the stack.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Mapping
from typing import Any

from walcli.core.paths import Pattern

# Keywords whose subschemas apply to the same place of the instance.
SAME_PLACE = ("allOf", "anyOf", "oneOf", "if", "then", "else", "not")
# Keywords whose subschemas apply to any item or any value below.
ANY_CHILD = ("additionalProperties", "unevaluatedProperties", "items")
MAX_PATTERN = 24
MAX_NESTING = 100  # subschemas deep: past it, a walk prunes nothing
REF_KEYWORD = "x-ref"
DATE_KEYWORD = "x-date"
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


def _steps(schema: dict[str, Any]) -> Iterator[tuple[Any, str | None]]:
    """Each subschema of one schema (not $ref) with the step of the instance it applies at:
    None for the same place, a property's name, "*" for any item or value."""
    for keyword in SAME_PLACE:
        subs = schema.get(keyword)
        for sub in subs if isinstance(subs, list) else [subs]:
            yield sub, None
    properties = schema.get("properties")
    for name, sub in (properties if isinstance(properties, dict) else {}).items():
        yield sub, str(name)
    patterns = schema.get("patternProperties")
    for sub in (patterns if isinstance(patterns, dict) else {}).values():
        yield sub, "*"
    for keyword in ANY_CHILD:
        yield schema.get(keyword), "*"
    prefix = schema.get("prefixItems")
    for sub in prefix if isinstance(prefix, list) else []:
        yield sub, "*"


def _children(schema: dict[str, Any], pattern: Pattern) -> Iterator[tuple[Any, Pattern]]:
    for sub, step in _steps(schema):
        yield sub, pattern if step is None else (*pattern, step)


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


Mark = Callable[[dict[str, Any]], bool]
# A subschema that leads to a marked one: the subschema, its document, the step it applies at.
Lead = tuple[dict[str, Any], str, str | None]


class Marks:
    """What walks for one mark (x-ref, x-date) learnt of the nodes of a schema set: whether a
    subschema the mark accepts is reachable from a node, and through which of its own. Given
    to every kind's walk, it judges the shared definitions once."""

    __slots__ = ("holds", "leads", "mark")

    def __init__(self, mark: Mark) -> None:
        self.mark = mark
        self.holds: dict[int, bool] = {}
        self.leads: dict[int, list[Lead]] = {}

    @classmethod
    def references(cls) -> Marks:
        return cls(lambda schema: isinstance(schema.get(REF_KEYWORD), str))

    @classmethod
    def dates(cls) -> Marks:
        return cls(lambda schema: schema.get(DATE_KEYWORD) is True)


def marked(
    documents: Mapping[str, Any], name: str, marks: Marks
) -> Iterator[tuple[Pattern, dict[str, Any]]]:
    """(pattern, subschema) for every subschema reachable from one document that the mark
    accepts: what `subschemas` yields, walking only what leads to such a subschema. Most of
    a schema (texts, claims, figures) holds no reference, and listing and showing records
    pay for these walks on every run."""
    seen: set[tuple[int, Pattern]] = set()
    stack: list[tuple[Any, Pattern, str]] = [(documents.get(name), (), name)]
    while stack:
        schema, pattern, doc = stack.pop()
        if not isinstance(schema, dict) or len(pattern) > MAX_PATTERN:
            continue
        if (id(schema), pattern) in seen or not _holds(documents, schema, doc, marks):
            continue
        seen.add((id(schema), pattern))
        if marks.mark(schema):
            yield pattern, schema
        for sub, sub_doc, step in marks.leads[id(schema)]:
            stack.append((sub, pattern if step is None else (*pattern, step), sub_doc))


def reference_patterns(
    documents: Mapping[str, Any], name: str, marks: Marks | None = None
) -> list[tuple[Pattern, str]]:
    """(pattern, target kind) for every x-ref reachable from one schema document (`marks`:
    Marks.references(), kept for the other documents of the set)."""
    walk = marked(documents, name, marks or Marks.references())
    return sorted({(pattern, node[REF_KEYWORD]) for pattern, node in walk})


def _holds(
    documents: Mapping[str, Any],
    schema: dict[str, Any],
    doc: str,
    marks: Marks,
    depth: int = 0,
) -> bool:
    """Whether a subschema the mark accepts is reachable from this one; its subschemas that
    lead to one are kept in marks.leads. A node reached again while its answer is pending
    counts as holding one, which only prunes less; so does a node nested deeper than
    MAX_NESTING, so a hostile schema cannot exhaust the stack. Once answered at depth 0, a
    node has its answer and its leads."""
    key = id(schema)
    known = marks.holds.get(key)
    if known is not None:
        return known
    if depth > MAX_NESTING:
        return True
    marks.holds[key] = True  # pending: cycles must not prune what they reach
    subs: list[tuple[Any, str, str | None]] = [(sub, doc, step) for sub, step in _steps(schema)]
    ref = schema.get("$ref")
    resolved = resolve(documents, ref, doc) if isinstance(ref, str) else None
    if resolved is not None:
        subs.append((resolved[0], resolved[1], None))
    leads: list[Lead] = [
        (sub, sub_doc, step)
        for sub, sub_doc, step in subs
        if isinstance(sub, dict) and _holds(documents, sub, sub_doc, marks, depth + 1)
    ]
    marks.leads[key] = leads
    marks.holds[key] = result = bool(leads) or marks.mark(schema)
    return result


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


class FieldInfo:
    """What the schemas say about one place of a record (a pattern, "*" for list items).
    A plain class: it is defined on every start of the CLI, and a dataclass costs more."""

    __slots__ = ("defs", "description", "enum", "label", "pattern", "refs", "types")

    def __init__(self, pattern: Pattern) -> None:
        self.pattern = pattern
        self.label: Any = None  # x-label ({fr, en}) or title, as the schema gives it
        self.defs: list[str] = []  # $defs names referenced here, in order
        self.refs: list[str] = []  # the kinds x-refs here name
        self.enum: list[Any] = []
        self.types: list[str] = []
        self.description: str | None = None

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


def references_in(infos: Mapping[Pattern, FieldInfo]) -> list[tuple[Pattern, str]]:
    """(pattern, target kind) for every x-ref of a walk already made (as reference_patterns,
    without walking again)."""
    return sorted({(pattern, ref) for pattern, info in infos.items() for ref in info.refs})


class Navigator:
    """What the schema says at one place of a record, found by walking down to that place
    only (a record view asks about the few paths a record has, not every path a schema
    allows). Agrees with `fields`: the same subschemas apply, merged in the same order."""

    def __init__(self, documents: Mapping[str, Any], name: str) -> None:
        self.documents = documents
        self._nodes: dict[Pattern, list[tuple[dict[str, Any], str]]] = {
            (): self._expand([(documents.get(name), name)])
        }
        self._infos: dict[Pattern, FieldInfo | None] = {}

    def _expand(self, start: list[tuple[Any, str]]) -> list[tuple[dict[str, Any], str]]:
        """The nodes and every subschema that applies at the same place ($ref, allOf...)."""
        found: list[tuple[dict[str, Any], str]] = []
        seen: set[int] = set()
        stack = list(reversed(start))
        while stack:
            node, doc = stack.pop()
            if not isinstance(node, dict) or id(node) in seen or len(found) > 10_000:
                continue
            seen.add(id(node))
            found.append((node, doc))
            same: list[tuple[Any, str]] = []
            ref = node.get("$ref")
            if isinstance(ref, str):
                resolved = resolve(self.documents, ref, doc)
                if resolved is not None:
                    same.append(resolved)
            for keyword in SAME_PLACE:
                subs = node.get(keyword)
                same += [(sub, doc) for sub in (subs if isinstance(subs, list) else [subs])]
            stack.extend(reversed(same))
        return found

    def nodes(self, pattern: Pattern) -> list[tuple[dict[str, Any], str]]:
        if pattern in self._nodes:
            return self._nodes[pattern]
        if len(pattern) > MAX_PATTERN:
            return []
        key = pattern[-1]
        step: list[tuple[Any, str]] = []
        for node, doc in self.nodes(pattern[:-1]):
            if key == "*":
                patterns = node.get("patternProperties")
                named = patterns.values() if isinstance(patterns, dict) else []
                step += [(sub, doc) for sub in named]
                step += [(node.get(keyword), doc) for keyword in ANY_CHILD]
                prefix = node.get("prefixItems")
                step += [(sub, doc) for sub in (prefix if isinstance(prefix, list) else [])]
            else:
                properties = node.get("properties")
                if isinstance(properties, dict) and key in properties:
                    step.append((properties[key], doc))
        found = self._nodes[pattern] = self._expand(step)
        return found

    def info(self, pattern: Pattern) -> FieldInfo | None:
        """What the schema says at pattern ("*" for a list item), None where it says nothing."""
        if pattern not in self._infos:
            nodes = self.nodes(pattern)
            info = None
            if pattern and nodes:
                info = FieldInfo(pattern)
                for node, _ in nodes:
                    info.merge(node)
            self._infos[pattern] = info
        return self._infos[pattern]

    def top_level(self) -> list[str]:
        """The top-level fields: the document's own properties in the order written, then
        those only the subschemas it takes (allOf, $ref) declare."""
        names: list[str] = []
        for node, _ in self.nodes(()):
            properties = node.get("properties")
            for name in properties if isinstance(properties, dict) else {}:
                if str(name) not in names:
                    names.append(str(name))
        return names


def date_patterns(
    documents: Mapping[str, Any], name: str, marks: Marks | None = None
) -> list[Pattern]:
    """Where a schema keeps dates: subschemas annotated `"x-date": true` (defs.schema.json's
    date definition, wherever it is referred to). A new date field is found without code."""
    return sorted({pattern for pattern, _ in marked(documents, name, marks or Marks.dates())})

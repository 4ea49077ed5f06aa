"""A compiled yes/no check for JSON Schema 2020-12 that mirrors jsonschema's own semantics.

jsonschema spends most of its time on machinery (a validator object evolved per subschema, a
reference lookup per $ref), not on checks. For the common case, a record that is valid, we
only need the verdict: this module compiles a schema once into closures that give exactly
jsonschema's verdict (keyword by keyword, including unevaluatedProperties' evaluated keys,
bool/int distinctions, format checks through the same FormatChecker). `SchemaSet` runs it
first and asks jsonschema for the detailed errors only when a record fails it, so reported
problems are jsonschema's, unchanged.

Anything this compiler does not mirror exactly (an unknown type name, $dynamicRef,
unevaluatedItems, a nested $id or $schema, an unresolvable $ref, a pattern that does not
compile) raises `Unsupported` at compile time, and the caller keeps plain jsonschema.
"""

from __future__ import annotations

import numbers
import re
from collections.abc import Callable
from fractions import Fraction
from typing import TYPE_CHECKING, Any, TypeAlias

from jsonschema import Draft202012Validator
from jsonschema._utils import equal, uniq
from jsonschema.protocols import Validator
from referencing.exceptions import Unresolvable

if TYPE_CHECKING:
    from referencing._core import Resolver

Check = Callable[[Any], bool]
Keys = Callable[[dict[str, Any]], set[str]]
R: TypeAlias = "Resolver[Any]"

KEYWORDS = frozenset(Draft202012Validator.VALIDATORS)  # what jsonschema acts on; all else is
# an annotation or unknown keyword, which jsonschema ignores too
_DIALECTS = {Draft202012Validator.META_SCHEMA["$id"], Draft202012Validator.META_SCHEMA["$id"] + "#"}
_UNSUPPORTED = frozenset({"$dynamicRef", "unevaluatedItems"})


class Unsupported(Exception):
    """The schema uses something this compiler does not mirror exactly."""


def _is_integer(x: Any) -> bool:
    return not isinstance(x, bool) and (
        isinstance(x, int) or (isinstance(x, float) and x.is_integer())
    )


def _is_number(x: Any) -> bool:
    return not isinstance(x, bool) and isinstance(x, numbers.Number)


# Draft 2020-12's type checker, as jsonschema defines it.
_TYPES: dict[str, Check] = {
    "array": lambda x: isinstance(x, list),
    "boolean": lambda x: isinstance(x, bool),
    "integer": _is_integer,
    "null": lambda x: x is None,
    "number": _is_number,
    "object": lambda x: isinstance(x, dict),
    "string": lambda x: isinstance(x, str),
}


def _always(_: Any) -> bool:
    return True


def _never(_: Any) -> bool:
    return False


def _no_keys(_: dict[str, Any]) -> set[str]:
    return set()


class Node:
    """One compiled (sub)schema: its verdict, and the property keys it evaluates."""

    __slots__ = ("keys", "schema", "valid")

    def __init__(self, schema: Any) -> None:
        self.schema = schema  # kept alive: the cache is keyed by id()
        self.valid: Check = _always
        self.keys: Keys = _no_keys


_TRUE, _FALSE = Node(True), Node(False)
_FALSE.valid = _never


def _all(checks: list[Check]) -> Check:
    if not checks:
        return _always
    if len(checks) == 1:
        return checks[0]

    def valid(x: Any) -> bool:
        for check in checks:  # noqa: SIM110 (a loop is faster than all() here)
            if not check(x):
                return False
        return True

    return valid


def _search(pattern: Any) -> Callable[[str], Any]:
    if not isinstance(pattern, str):
        raise Unsupported(f"pattern {pattern!r}")
    try:
        return re.compile(pattern).search
    except re.error as exc:
        raise Unsupported(f"pattern {pattern!r}: {exc}") from None


class Compiler:
    def __init__(self, validator: Validator, roots: list[Any]) -> None:
        """For schemas a jsonschema validator checks: its format checker and its resolver."""
        resolver = getattr(validator, "_resolver", None)
        if resolver is None or not hasattr(resolver, "lookup"):
            raise Unsupported("this jsonschema keeps no referencing resolver")
        self.root_resolver: R = resolver
        self.format_checker = getattr(validator, "format_checker", None)
        self.roots = {id(root) for root in roots}  # documents: the only places $id may stand
        self.cache: dict[tuple[int, str], Node] = {}

    def compile(self, schema: Any) -> Check:
        return self.node(schema, self.root_resolver).valid

    def node(self, schema: Any, resolver: R) -> Node:
        if schema is True:
            return _TRUE
        if schema is False:
            return _FALSE
        if not isinstance(schema, dict):
            raise Unsupported(f"schema {schema!r}")
        key = (id(schema), str(getattr(resolver, "_base_uri", "")))
        found = self.cache.get(key)
        if found is None:
            found = self.cache[key] = Node(schema)
            self._build(found, schema, resolver)
        return found

    def _build(self, node: Node, schema: dict[str, Any], resolver: R) -> None:
        if "$schema" in schema and schema["$schema"] not in _DIALECTS:
            raise Unsupported(f"$schema {schema['$schema']!r}")
        if "$id" in schema and id(schema) not in self.roots:
            # Nested base URIs: jsonschema switches resolvers in some places and not others.
            raise Unsupported("$id inside a schema document")
        used = _UNSUPPORTED.intersection(schema)
        if used:
            raise Unsupported(", ".join(sorted(used)))
        checks: list[Check] = []
        for keyword, value in schema.items():
            if keyword in KEYWORDS:
                compile_keyword = getattr(self, "_k_" + keyword.lstrip("$"), None)
                if compile_keyword is None:  # a keyword of a newer jsonschema
                    raise Unsupported(keyword)
                check = compile_keyword(value, schema, resolver)
                if check is not None:
                    checks.append(check)
        node.valid = _all(checks)
        node.keys = self._keys(schema, resolver)

    # -- the property keys a schema evaluates (find_evaluated_property_keys_by_schema) -------

    def _keys(self, schema: dict[str, Any], resolver: R) -> Keys:
        parts: list[Keys] = []
        if "$ref" in schema:
            parts.append(self._ref_node(schema["$ref"], resolver).keys)
        properties = schema.get("properties")
        if isinstance(properties, dict):
            names = properties.keys()
            parts.append(lambda x: set(names & x.keys()))
        for keyword in ("additionalProperties", "unevaluatedProperties"):
            if schema.get(keyword) is not None:
                parts.append(self._valid_keys(self.node(schema[keyword], resolver)))
        if "patternProperties" in schema:
            searches = [_search(p) for p in schema["patternProperties"]]
            parts.append(lambda x: {k for k in x if any(s(k) for s in searches)})
        if "dependentSchemas" in schema:
            deps = [(p, self.node(s, resolver)) for p, s in schema["dependentSchemas"].items()]

            def dependent(x: dict[str, Any]) -> set[str]:
                found: set[str] = set()
                for name, sub in deps:
                    if name in x:
                        found |= sub.keys(x)
                return found

            parts.append(dependent)
        for keyword in ("allOf", "oneOf", "anyOf"):
            subs = [self.node(s, resolver) for s in schema.get(keyword, [])]
            if subs:

                def applied(x: dict[str, Any], subs: list[Node] = subs) -> set[str]:
                    found: set[str] = set()
                    for sub in subs:
                        if sub.valid(x):
                            found |= sub.keys(x)
                    return found

                parts.append(applied)
        if "if" in schema:
            if_ = self.node(schema["if"], resolver)
            then = self.node(schema["then"], resolver) if "then" in schema else None
            else_ = self.node(schema["else"], resolver) if "else" in schema else None

            def conditional(x: dict[str, Any]) -> set[str]:
                if if_.valid(x):
                    return if_.keys(x) | (then.keys(x) if then else set())
                return else_.keys(x) if else_ else set()

            parts.append(conditional)
        if not parts:
            return _no_keys
        if len(parts) == 1:
            return parts[0]

        def union(x: dict[str, Any]) -> set[str]:
            found: set[str] = set()
            for part in parts:
                found |= part(x)
            return found

        return union

    @staticmethod
    def _valid_keys(sub: Node) -> Keys:
        return lambda x: {k for k, v in x.items() if sub.valid(v)}

    # -- keywords: each returns a check, or None when it can never fail ----------------------

    def _ref_node(self, ref: Any, resolver: R) -> Node:
        if not isinstance(ref, str):
            raise Unsupported(f"$ref {ref!r}")
        try:
            resolved = resolver.lookup(ref)
        except Unresolvable as exc:
            raise Unsupported(f"$ref {ref!r}: {exc}") from None
        return self.node(resolved.contents, resolved.resolver)

    def _k_ref(self, ref: Any, schema: Any, resolver: R) -> Check | None:
        target = self._ref_node(ref, resolver)
        return lambda x: target.valid(x)

    def _k_type(self, types: Any, schema: Any, resolver: R) -> Check | None:
        names = [types] if isinstance(types, str) else types
        if not isinstance(names, list) or not all(isinstance(n, str) for n in names):
            raise Unsupported(f"type {types!r}")
        try:
            preds = [_TYPES[name] for name in names]
        except KeyError as exc:
            raise Unsupported(f"type {exc}") from None
        if len(preds) == 1:
            return preds[0]
        return lambda x: any(pred(x) for pred in preds)

    def _k_enum(self, enums: Any, schema: Any, resolver: R) -> Check | None:
        if isinstance(enums, list) and all(type(e) is str for e in enums):
            # equal() compares with == as soon as one side is text: set membership for text.
            texts = frozenset(enums)
            return lambda x: isinstance(x, str) and x in texts
        return lambda x: any(equal(each, x) for each in enums)

    def _k_const(self, const: Any, schema: Any, resolver: R) -> Check | None:
        return lambda x: bool(equal(x, const))

    def _k_properties(self, properties: Any, schema: Any, resolver: R) -> Check | None:
        if not isinstance(properties, dict):
            raise Unsupported("properties")
        table = {name: self.node(sub, resolver) for name, sub in properties.items()}

        def valid(x: Any) -> bool:
            if not isinstance(x, dict):
                return True
            for name, value in x.items():
                sub = table.get(name)
                if sub is not None and not sub.valid(value):
                    return False
            return True

        return valid

    def _k_required(self, required: Any, schema: Any, resolver: R) -> Check | None:
        return lambda x: not isinstance(x, dict) or all(name in x for name in required)

    def _k_additionalProperties(self, extra: Any, schema: Any, resolver: R) -> Check | None:
        properties = schema.get("properties", {})
        joined = "|".join(schema.get("patternProperties", {}))
        search = _search(joined) if joined else None

        def extras(x: dict[str, Any]) -> list[str]:
            return [k for k in x if k not in properties and not (search is not None and search(k))]

        if isinstance(extra, dict):
            sub = self.node(extra, resolver)
            return lambda x: not isinstance(x, dict) or all(sub.valid(x[k]) for k in extras(x))
        if not extra:
            return lambda x: not isinstance(x, dict) or not extras(x)
        return None

    def _k_patternProperties(self, patterns: Any, schema: Any, resolver: R) -> Check | None:
        pairs = [(_search(p), self.node(sub, resolver)) for p, sub in patterns.items()]

        def valid(x: Any) -> bool:
            if not isinstance(x, dict):
                return True
            for search, sub in pairs:
                for k, v in x.items():
                    if search(k) and not sub.valid(v):
                        return False
            return True

        return valid

    def _k_propertyNames(self, names: Any, schema: Any, resolver: R) -> Check | None:
        sub = self.node(names, resolver)
        return lambda x: not isinstance(x, dict) or all(sub.valid(k) for k in x)

    def _k_items(self, items: Any, schema: Any, resolver: R) -> Check | None:
        prefix = len(schema.get("prefixItems", []))
        if items is False:
            return lambda x: not isinstance(x, list) or len(x) <= prefix
        sub = self.node(items, resolver)
        if prefix:
            return lambda x: not isinstance(x, list) or all(sub.valid(i) for i in x[prefix:])

        def valid(x: Any) -> bool:
            if isinstance(x, list):
                for item in x:
                    if not sub.valid(item):
                        return False
            return True

        return valid

    def _k_prefixItems(self, prefix: Any, schema: Any, resolver: R) -> Check | None:
        subs = [self.node(sub, resolver) for sub in prefix]
        return lambda x: (
            not isinstance(x, list)
            or all(sub.valid(item) for item, sub in zip(x, subs, strict=False))
        )

    def _k_contains(self, contains: Any, schema: Any, resolver: R) -> Check | None:
        sub = self.node(contains, resolver)
        least = schema.get("minContains", 1)

        def valid(x: Any) -> bool:
            if not isinstance(x, list):
                return True
            most = schema.get("maxContains", len(x))
            matches = 0
            for item in x:
                if sub.valid(item):
                    matches += 1
                    if matches > most:
                        return False
            return not matches < least

        return valid

    def _k_minItems(self, n: Any, schema: Any, resolver: R) -> Check | None:
        return lambda x: not (isinstance(x, list) and len(x) < n)

    def _k_maxItems(self, n: Any, schema: Any, resolver: R) -> Check | None:
        return lambda x: not (isinstance(x, list) and len(x) > n)

    def _k_minProperties(self, n: Any, schema: Any, resolver: R) -> Check | None:
        return lambda x: not (isinstance(x, dict) and len(x) < n)

    def _k_maxProperties(self, n: Any, schema: Any, resolver: R) -> Check | None:
        return lambda x: not (isinstance(x, dict) and len(x) > n)

    def _k_minLength(self, n: Any, schema: Any, resolver: R) -> Check | None:
        return lambda x: not (isinstance(x, str) and len(x) < n)

    def _k_maxLength(self, n: Any, schema: Any, resolver: R) -> Check | None:
        return lambda x: not (isinstance(x, str) and len(x) > n)

    def _k_uniqueItems(self, unique: Any, schema: Any, resolver: R) -> Check | None:
        if not unique:
            return None
        return lambda x: not isinstance(x, list) or bool(uniq(x))

    def _k_pattern(self, pattern: Any, schema: Any, resolver: R) -> Check | None:
        search = _search(pattern)
        return lambda x: not isinstance(x, str) or search(x) is not None

    def _k_format(self, fmt: Any, schema: Any, resolver: R) -> Check | None:
        checker = self.format_checker
        if checker is None:
            return None
        return lambda x: checker.conforms(x, fmt)

    def _k_minimum(self, n: Any, schema: Any, resolver: R) -> Check | None:
        return lambda x: not (_is_number(x) and x < n)

    def _k_maximum(self, n: Any, schema: Any, resolver: R) -> Check | None:
        return lambda x: not (_is_number(x) and x > n)

    def _k_exclusiveMinimum(self, n: Any, schema: Any, resolver: R) -> Check | None:
        return lambda x: not (_is_number(x) and x <= n)

    def _k_exclusiveMaximum(self, n: Any, schema: Any, resolver: R) -> Check | None:
        return lambda x: not (_is_number(x) and x >= n)

    def _k_multipleOf(self, d: Any, schema: Any, resolver: R) -> Check | None:
        def valid(x: Any) -> bool:
            if not _is_number(x):
                return True
            if isinstance(d, float):
                quotient = x / d
                try:
                    failed = int(quotient) != quotient
                except OverflowError:
                    failed = (Fraction(x) / Fraction(d)).denominator != 1
            else:
                failed = x % d
            return not failed

        return valid

    def _k_dependentRequired(self, deps: Any, schema: Any, resolver: R) -> Check | None:
        return lambda x: (
            not isinstance(x, dict)
            or all(each in x for name, needed in deps.items() if name in x for each in needed)
        )

    def _k_dependentSchemas(self, deps: Any, schema: Any, resolver: R) -> Check | None:
        pairs = [(name, self.node(sub, resolver)) for name, sub in deps.items()]
        return lambda x: (
            not isinstance(x, dict) or all(sub.valid(x) for name, sub in pairs if name in x)
        )

    def _k_allOf(self, subs: Any, schema: Any, resolver: R) -> Check | None:
        nodes = [self.node(sub, resolver) for sub in subs]
        return lambda x: all(node.valid(x) for node in nodes)

    def _k_anyOf(self, subs: Any, schema: Any, resolver: R) -> Check | None:
        nodes = [self.node(sub, resolver) for sub in subs]
        return lambda x: any(node.valid(x) for node in nodes)

    def _k_oneOf(self, subs: Any, schema: Any, resolver: R) -> Check | None:
        nodes = [self.node(sub, resolver) for sub in subs]

        def valid(x: Any) -> bool:
            passed = 0
            for node in nodes:
                if node.valid(x):
                    passed += 1
                    if passed > 1:
                        return False
            return passed == 1

        return valid

    def _k_not(self, sub: Any, schema: Any, resolver: R) -> Check | None:
        node = self.node(sub, resolver)
        return lambda x: not node.valid(x)

    def _k_if(self, if_schema: Any, schema: Any, resolver: R) -> Check | None:
        if_ = self.node(if_schema, resolver)
        then = self.node(schema["then"], resolver) if "then" in schema else _TRUE
        else_ = self.node(schema["else"], resolver) if "else" in schema else _TRUE
        return lambda x: then.valid(x) if if_.valid(x) else else_.valid(x)

    def _k_unevaluatedProperties(self, unevaluated: Any, schema: Any, resolver: R) -> Check | None:
        sub = self.node(unevaluated, resolver)
        this = self.node(schema, resolver)  # being built: its keys are set before any call

        def valid(x: Any) -> bool:
            if not isinstance(x, dict):
                return True
            evaluated = this.keys(x)
            for k, v in x.items():  # noqa: SIM110
                if k not in evaluated and not sub.valid(v):
                    return False
            return True

        return valid


def compile_check(validator: Validator, roots: list[Any]) -> Check:
    """The verdict of `validator` on any instance, fast; Unsupported if it cannot be mirrored."""
    return Compiler(validator, roots).compile(validator.schema)

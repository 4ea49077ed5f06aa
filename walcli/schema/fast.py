"""A fast yes/no verdict for a kind's schema: jsonschema-rs, held to jsonschema's semantics.

Most records are valid, and for a valid record only the verdict matters. jsonschema-rs (a
compiled Draft 2020-12 validator) gives it in a fraction of jsonschema's time; the caller asks
jsonschema for the detailed errors of a record only when this check says no. So the check must
be sound with respect to jsonschema (Draft202012Validator with its FORMAT_CHECKER): when it
says yes, jsonschema finds no error. Where the two libraries could disagree, this module makes
them agree, or declines:

- Values: only plain JSON reaches jsonschema-rs (dict, list, str, bool, None, finite float,
  int within +-2**53, nesting at most 64 deep); anything else gets "no" and goes to jsonschema.
  jsonschema-rs would read a tuple as an array, compare integers beyond 2**53 as floats and
  overflow its stack on very deep values.
- Formats: each format name is checked by jsonschema's own format checker (a callback);
  names jsonschema does not know are ignored, as jsonschema ignores them.
- Patterns: jsonschema uses Python's `re`. A pattern written in a small grammar on which
  Python's `re` and jsonschema-rs's engine agree runs natively (a final `$` made to match
  before a final newline too, as Python's does); any other is checked with `re.search` (a
  callback). A patternProperties regex outside that grammar is refused (its matches decide
  which subschema applies).
- Keywords: `multipleOf` and `uniqueItems` are jsonschema's own verdict (jsonschema-rs differs
  on float quotients and on 1 vs 1.0); `dependencies`, which jsonschema's 2020-12 validator
  ignores, is ignored.
- Anything else that could differ raises Unsupported at compile time (another dialect, a
  reference to the meta-schemas, an integer beyond 2**53 in a schema, a patternProperties
  regex outside the shared grammar, a schema jsonschema-rs refuses), and the caller keeps
  plain jsonschema.

tests/test_schema_fast.py holds this against jsonschema on the real records, on mutations of
them and on the official JSON Schema Test Suite.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any, ClassVar
from urllib.parse import unquote, urldefrag, urljoin, urlsplit

Check = Callable[[Any], bool]

DIALECT = "https://json-schema.org/draft/2020-12/schema"
BASE_URI = "https://wal.invalid/schemas/"  # .invalid never resolves: nothing is fetched
MAX_DEPTH = 64
PYTHON_PATTERN = "wal:python-pattern"  # the keyword for patterns checked with Python's re
MAX_INT = 2**53  # integers up to this compare exactly with floats in both libraries
_NOT_STRINGS: tuple[Any, ...] = (0, 1.5, True, None, [], {})


class Unsupported(Exception):
    """jsonschema-rs cannot be made to give jsonschema's exact verdict for these schemas."""


def compile_check(documents: Mapping[str, Any], name: str) -> Check:
    """The verdict of schema `name` (a key of `documents`) on any value, fast and never raising.

    `documents` maps schema file names (or absolute URIs) to parsed JSON. Each is registered
    under its file name and under its `$id`, both resolved against BASE_URI, so `$ref`s work
    whether the `$id`s are relative file names or absolute URLs. Formats are those of
    jsonschema's Draft202012Validator.FORMAT_CHECKER, as imported by then.
    """
    if name not in documents:
        raise Unsupported(f"no schema document {name!r}")
    try:
        import jsonschema_rs
    except ImportError as exc:
        raise Unsupported(f"jsonschema-rs is not installed: {exc}") from None
    facts = _scan(documents.values())
    if facts.refused:
        raise Unsupported("; ".join(sorted(facts.refused)))
    unportable = sorted(k for k in facts.property_patterns if native_pattern(k) is None)
    if unportable:
        raise Unsupported(f"patternProperties regex {unportable[0]!r}")
    formats = _format_checks(facts.formats)
    try:
        uris = _uris(documents)
        rewritten = {doc: _rewritten(document) for doc, document in documents.items()}
        registry = jsonschema_rs.Registry(
            [(uri, rewritten[doc]) for uri, doc in uris.items()],
            draft=jsonschema_rs.Draft202012,
            retriever=_refuse,
        )
        validator = jsonschema_rs.Draft202012Validator(
            rewritten[name],
            registry=registry,
            base_uri=_file_uri(name),
            formats=formats,
            validate_formats=True,
            ignore_unknown_formats=True,
            pattern_options=jsonschema_rs.RegexOptions(),
            keywords=_KEYWORDS,
            retriever=_refuse,
        )
    except Unsupported:
        raise
    except Exception as exc:  # jsonschema-rs refuses the schema (unresolvable $ref, bad regex)
        raise Unsupported(f"jsonschema-rs: {exc}") from None
    is_valid = validator.is_valid

    def check(instance: Any) -> bool:
        try:
            return _plain(instance, 0) and is_valid(instance)
        except Exception:  # a value jsonschema-rs cannot take (lone surrogate...): jsonschema
            return False

    return check


# -- the documents ---------------------------------------------------------------------------


@dataclass
class _Facts:
    """What a plain scan of every key and value of the documents finds (a superset of the
    keywords actually in force, which only makes the choices below more cautious)."""

    property_patterns: set[str] = field(default_factory=set)
    formats: set[str] = field(default_factory=set)
    refused: set[str] = field(default_factory=set)


def _scan(documents: Any) -> _Facts:
    facts = _Facts()
    stack: list[Any] = list(documents)
    while stack:
        node = stack.pop()
        if isinstance(node, dict):
            for key, value in node.items():
                _note(facts, key, value)
                stack.append(value)
        elif isinstance(node, list):
            stack.extend(node)
        elif type(node) is int and abs(node) > MAX_INT:
            facts.refused.add(f"the number {node} (beyond 2**53)")
    return facts


def _note(facts: _Facts, key: str, value: Any) -> None:
    if key == "patternProperties" and isinstance(value, dict):
        facts.property_patterns.update(value)
    elif key == "format" and isinstance(value, str):
        facts.formats.add(value)
    elif key == "$schema" and value not in (DIALECT, DIALECT + "#"):
        facts.refused.add(f"$schema {value!r}")
    elif key in ("$ref", "$dynamicRef", "$id") and _meta_schema_host(value):
        facts.refused.add(f"{key} {value!r} (the meta-schemas)")
    elif key in ("$ref", "$dynamicRef") and _DATA.intersection(_pointer(value)):
        facts.refused.add(f"{key} {value!r} (into a const or enum, left as written)")
    elif key == PYTHON_PATTERN:
        facts.refused.add(f"the keyword {key!r}, which this module uses")


def _pointer(uri: Any) -> list[str]:
    return unquote(urldefrag(str(uri))[1]).split("/")


def _meta_schema_host(uri: Any) -> bool:
    """jsonschema-rs carries the meta-schemas, for other drafts too: keep away from them."""
    try:
        return isinstance(uri, str) and urlsplit(uri).hostname == "json-schema.org"
    except ValueError:
        return True


def _file_uri(file_name: str) -> str:
    return urldefrag(urljoin(BASE_URI, file_name))[0]


def _uris(documents: Mapping[str, Any]) -> dict[str, str]:
    """Each registration URI and the key of the document it names (one document may come
    under several keys, say its file name and its $id, as jsonschema's registry holds it)."""
    found: dict[str, str] = {}
    for file_name, document in documents.items():
        here = _file_uri(file_name)
        names = {here}
        if isinstance(document, dict) and isinstance(document.get("$id"), str):
            names.add(urldefrag(urljoin(here, document["$id"]))[0])
        for uri in names:
            other = found.setdefault(uri, file_name)
            if other != file_name and documents[other] != document:
                raise Unsupported(f"{other} and {file_name} both claim {uri}")
    return found


def _refuse(uri: str) -> Any:
    raise LookupError(f"{uri} is not one of the registry's schemas")


_DATA = frozenset({"const", "enum"})  # values compared as data, never schemas
_NAMED = frozenset({"properties", "patternProperties", "$defs", "definitions", "dependentSchemas"})


def _rewritten(node: Any) -> Any:
    """A copy of a document for jsonschema-rs: each portable regex in its native form, and each
    other `pattern` moved to PYTHON_PATTERN, checked with Python's `re` (_PythonPattern).

    Every `pattern` key is rewritten, wherever it stands, except inside const and enum values
    (data) and except where it names a property; a `$ref` into a const or enum is refused
    by _scan, so every schema jsonschema-rs can reach has been rewritten.
    """
    if isinstance(node, list):
        return [_rewritten(item) for item in node]
    if not isinstance(node, dict):
        return node
    out: dict[str, Any] = {}
    for key, value in node.items():
        if key in _DATA:
            out[key] = value
        elif key == "pattern" and isinstance(value, str):
            native = native_pattern(value)
            if native is None:
                out[PYTHON_PATTERN] = value
            else:
                out[key] = native
        elif key == "patternProperties" and isinstance(value, dict):  # all native (_scan)
            out[key] = {_native(name): _rewritten(sub) for name, sub in value.items()}
        elif key in _NAMED and isinstance(value, dict):
            out[key] = {name: _rewritten(sub) for name, sub in value.items()}
        else:
            out[key] = _rewritten(value)
    return out


# -- formats -----------------------------------------------------------------------------------


def _format_checks(names: set[str]) -> dict[str, Callable[[str], bool]]:
    """jsonschema's FORMAT_CHECKER for each format name the schemas use.

    jsonschema-rs calls a format callback for text only; jsonschema calls the checker on any
    value, and its checkers accept every non-text value: that is checked here, not assumed.
    """
    from jsonschema import Draft202012Validator

    checker = Draft202012Validator.FORMAT_CHECKER
    checks: dict[str, Callable[[str], bool]] = {}
    for name in sorted(names):
        if name not in checker.checkers:
            checks[name] = _any_text
            continue
        if not _accepts_non_text(checker, name):
            raise Unsupported(f"jsonschema's {name!r} format checks non-text values")
        checks[name] = _conforms(checker, name)
    return checks


def _accepts_non_text(checker: Any, name: str) -> bool:
    try:
        return all(checker.conforms(value, name) for value in _NOT_STRINGS)
    except Exception:
        return False


def _any_text(_: str) -> bool:
    return True


def _conforms(checker: Any, name: str) -> Callable[[str], bool]:
    def conforms(text: str) -> bool:
        try:
            return bool(checker.conforms(text, name))
        except Exception:  # jsonschema would raise here too; the caller's run shows it
            return False

    return conforms


# -- patterns ------------------------------------------------------------------------------------

_ESCAPED = frozenset("\\^$.|?*+()[]{}/-ntr")  # \x means the same to Python and jsonschema-rs
_HEX4 = re.compile(r"u[0-9A-Fa-f]{4}")
_COUNT = re.compile(r"\{[0-9]{1,4}(,[0-9]{0,4})?\}")
_OUTSIDE = frozenset("^$|()[]{}*+?.\\")
_CLASS_OPERATORS = ("&&", "--", "~~", "[")


def native_pattern(pattern: str) -> str | None:
    """`pattern` as jsonschema-rs must read it to match what Python's `re` matches, or None
    when the pattern is outside the grammar on which the two engines agree.

    The shared grammar: literal characters, the escapes in _ESCAPED and \\uXXXX, bracket
    classes of literals and ranges, groups (plain or (?:), alternation, the quantifiers
    * + ? {n} {n,} {n,m} (lazy too), the anchor ^, and $ as the last character. Not `.`, class
    escapes (\\d, \\s, \\w), look-arounds or flags, on which the engines differ (jsonschema-rs
    follows ECMA-262: `.` does not match \\r, `\\d` is ASCII...). Python's `$` matches at the
    end and also before a final newline, jsonschema-rs's only at the end: as nothing follows
    a final `$`, `\\n?$` means there exactly what Python's `$` means.
    """
    i, depth, atom = 0, 0, False  # atom: what precedes may take a quantifier
    while i < len(pattern):
        char = pattern[i]
        if char == "\\":
            step = _escape(pattern, i)
        elif char == "[":
            step = _class(pattern, i)
        elif char == "(":
            step = 3 if pattern.startswith("(?:", i) else 0 if pattern.startswith("(?", i) else 1
            depth += 1
        elif char == ")":
            depth, step = depth - 1, 1
        elif char in "*+?{":
            match = _COUNT.match(pattern, i) if char == "{" else None
            step = (match.end() - i if match else 0) if char == "{" else 1
            if not atom or not step:
                return None
            i += step + (pattern.startswith("?", i + step))
            atom = False
            continue
        elif char == "$":
            final = i == len(pattern) - 1 and depth == 0
            return pattern[:-1] + "\\n?$" if final else None
        elif char in _OUTSIDE and char != "^" and char != "|":
            return None  # `.`, a stray ] or }
        else:
            step = 1
        if not step or depth < 0:
            return None
        atom = char not in "(^|"
        i += step
    return pattern if depth == 0 else None


def _native(pattern: str) -> str:
    native = native_pattern(pattern)
    if native is None:
        raise Unsupported(f"the regex {pattern!r}")
    return native


def _escape(pattern: str, i: int) -> int:
    """The length of the escape at i, or 0 when it is outside the shared grammar."""
    rest = pattern[i + 1 : i + 6]
    if _HEX4.match(rest):
        return 6
    return 2 if rest[:1] and rest[0] in _ESCAPED else 0


def _class(pattern: str, i: int) -> int:
    j = i + 1 + pattern.startswith("^", i + 1)
    start = j
    while j < len(pattern) and pattern[j] != "]":
        if pattern.startswith(_CLASS_OPERATORS, j):
            return 0  # set operations in Rust, literals in Python
        step = _escape(pattern, j) if pattern[j] == "\\" else 1
        if not step:
            return 0
        j += step
    if j >= len(pattern) or j == start:
        return 0
    return j + 1 - i


# -- keywords held to jsonschema's verdict -------------------------------------------------------


class _Delegated:
    """A keyword checked by jsonschema itself, on a schema of that keyword alone."""

    keyword: ClassVar[str]

    def __init__(self, parent_schema: Any, value: Any, schema_path: Any) -> None:
        from jsonschema import Draft202012Validator

        self.value = value
        self.valid = Draft202012Validator({self.keyword: value}).is_valid

    def validate(self, instance: Any) -> None:
        if not self.valid(instance):
            raise ValueError(f"{self.keyword}: jsonschema finds an error")


class _MultipleOf(_Delegated):
    keyword = "multipleOf"


class _UniqueItems(_Delegated):
    keyword = "uniqueItems"

    def validate(self, instance: Any) -> None:
        # The common case, a list of text, without the round trip: jsonschema compares text
        # with ==, exactly what a set does.
        if type(instance) is list and all(type(item) is str for item in instance):
            if self.value and len(set(instance)) < len(instance):
                raise ValueError("uniqueItems: repeated items")
            return
        super().validate(instance)


class _Ignored:
    """A keyword jsonschema's Draft 2020-12 validator does not act on."""

    def __init__(self, parent_schema: Any, value: Any, schema_path: Any) -> None:
        pass

    def validate(self, instance: Any) -> None:
        pass


class _PythonPattern:
    """`pattern` as jsonschema checks it: re.search on text."""

    def __init__(self, parent_schema: Any, value: Any, schema_path: Any) -> None:
        self.search = re.compile(value).search

    def validate(self, instance: Any) -> None:
        if type(instance) is str and self.search(instance) is None:
            raise ValueError("pattern: no match")


_KEYWORDS: dict[str, type[Any]] = {
    "multipleOf": _MultipleOf,
    "uniqueItems": _UniqueItems,
    "dependencies": _Ignored,
    PYTHON_PATTERN: _PythonPattern,
}


# -- values --------------------------------------------------------------------------------------


def _plain(value: Any, depth: int) -> bool:
    """Plain JSON that jsonschema-rs reads exactly as jsonschema does (see the module doc)."""
    kind = type(value)
    if kind is str:
        return True
    if kind is dict:
        if depth >= MAX_DEPTH:
            return False
        for key, item in value.items():
            if type(key) is not str or not _plain(item, depth + 1):
                return False
        return True
    if kind is list:
        if depth >= MAX_DEPTH:
            return False
        for item in value:  # noqa: SIM110 (a loop is faster than all() here)
            if not _plain(item, depth + 1):
                return False
        return True
    if kind is int:
        whole: int = value
        return -MAX_INT <= whole <= MAX_INT
    if kind is float:
        real: float = value
        return real - real == 0.0  # finite: not nan, not +-inf
    return kind is bool or value is None

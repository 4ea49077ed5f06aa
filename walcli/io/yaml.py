"""Read YAML text into plain data with a position for every value.

Built on libyaml (CSafeLoader's parser and composer); construction is ours so that each value
keeps its line and column, duplicate keys, tags and aliases are refused, and dates stay text.
"""

from __future__ import annotations

import math
import re
import sys
from collections.abc import Callable
from typing import Any

import yaml

from walcli.core.paths import JsonPath, Position
from walcli.core.problems import Code, E, Problem
from walcli.i18n.catalog import Msg, msg

MAX_BYTES = 1024 * 1024
MAX_DEPTH = 32
# The longest number a record may write: a trillion euros takes 13 digits. Beyond, reading is
# refused before converting: a 4,000-digit hex number converts but can never be printed (the
# int-string limit), and a megabyte of base-60 `1:30:30:...` takes minutes to convert.
MAX_NUMBER_CHARS = 40
_TOO_DEEP = msg("loader.too_deep", depth=MAX_DEPTH)
# libyaml's composer recurses in C; past a few ten thousand levels it overflows the stack.
# Every nesting level needs one of these characters, so their count bounds the depth.
_NESTING_CHARS = "[{-?:\n"
_SAFE_COMPOSE_BOUND = 5000


YAML_SYNTAX = Code(
    "yaml-syntax",
    E,
    "The file is not well-formed YAML.",
    "Fix the YAML at the position given; check indentation and quotes.",
)
YAML_TAB = Code(
    "yaml-tab",
    E,
    "A tab character is used for indentation.",
    "Indent with spaces only; YAML forbids tabs there.",
)
YAML_DUPLICATE_KEY = Code(
    "yaml-duplicate-key",
    E,
    "A mapping has the same key twice; YAML would silently keep the last.",
    "Remove or rename one of the two keys.",
)
YAML_TAG = Code(
    "yaml-tag",
    E,
    "An explicit or language-specific tag (!!python/..., !custom) is used.",
    "Remove the tag; records hold plain strings, numbers, lists and mappings.",
)
YAML_ALIAS = Code(
    "yaml-alias",
    E,
    "Anchors, aliases and merge keys are refused (they hide repetition and enable alias bombs).",
    "Write the value out in full where it is used.",
)
YAML_TOO_DEEP = Code(
    "yaml-too-deep",
    E,
    "The document nests deeper than any record needs.",
    "Flatten the structure; records nest at most 32 levels.",
)
YAML_MULTIPLE_DOCUMENTS = Code(
    "yaml-multiple-documents",
    E,
    "The file holds more than one YAML document.",
    "Keep one record per file; remove the extra '---' documents.",
)
NON_FINITE_NUMBER = Code(
    "non-finite-number",
    E,
    "A number is .inf or .nan, which JSON cannot hold.",
    "Write the real figure, or quote the text if it is not a number.",
)
NUMBER_TOO_LARGE = Code(
    "number-too-large",
    E,
    f"A number is written with more than {MAX_NUMBER_CHARS} characters: no figure in a record needs that many, and reading it could take minutes.",
    "Write the real figure in plain decimals, or quote the value if it is text.",
)
EMPTY_FILE = Code(
    "empty-file", E, "The file holds no record.", "Write the record, or delete the file."
)
NOT_A_MAPPING = Code(
    "not-a-mapping",
    E,
    "The document is not a mapping of fields.",
    "A record is a mapping: 'id: ...', 'name: ...' at the top level.",
)
YAML_IMPLICIT_TYPE = Code(
    "yaml-implicit-type",
    E,
    "An unquoted value was read by YAML as something else (NO as false, 010 as 8, 1.10 as 1.1, 12:30 as 750, ~ as null).",
    "Quote the value as the message shows ('NO', '12:30'); for a number, write it in plain decimals (8, not 010).",
)
CODES = (
    YAML_SYNTAX,
    YAML_TAB,
    YAML_DUPLICATE_KEY,
    YAML_TAG,
    YAML_ALIAS,
    YAML_TOO_DEEP,
    YAML_MULTIPLE_DOCUMENTS,
    NON_FINITE_NUMBER,
    NUMBER_TOO_LARGE,
    EMPTY_FILE,
    NOT_A_MAPPING,
    YAML_IMPLICIT_TYPE,
)

_TAG = "tag:yaml.org,2002:"
_STR, _INT, _FLOAT, _BOOL, _NULL = (_TAG + t for t in ("str", "int", "float", "bool", "null"))
_MAP, _SEQ = _TAG + "map", _TAG + "seq"


# YAML 1.1 scalars except timestamps (dates stay text as written), by first character, the
# resolvers for any first character after those for this one (as yaml.resolver does it).
_IMPLICIT: dict[str | None, list[tuple[str, re.Pattern[str]]]] = {
    first: [(tag, rx) for tag, rx in resolvers if tag != _TAG + "timestamp"]
    for first, resolvers in yaml.CSafeLoader.yaml_implicit_resolvers.items()
}
_ANY_FIRST = tuple(_IMPLICIT.get(None, []))
_BY_FIRST = {
    first: (*resolvers, *_ANY_FIRST) for first, resolvers in _IMPLICIT.items() if first is not None
}


class _Loader(yaml.CSafeLoader):
    """libyaml with YAML 1.1 scalars except timestamps: dates stay text as written.

    libyaml calls back into Python for every node: to resolve its tag, and to track the path
    for path resolvers. The safe loader has no path resolvers, so the tag depends only on the
    node (and a scalar's first character); these callbacks answer that directly, which makes
    reading a record about a fifth faster (tests/test_yaml_resolve.py holds them to
    yaml.resolver's answers).
    """

    yaml_implicit_resolvers = _IMPLICIT

    def resolve(self, kind: type[yaml.Node], value: Any, implicit: tuple[bool, bool]) -> str:
        if kind is yaml.ScalarNode:
            if implicit[0]:  # plain: the first implicit resolver that matches, else text
                for tag, regexp in _BY_FIRST.get(value[:1], _ANY_FIRST):
                    if regexp.match(value):
                        return tag
            return _STR
        return _SEQ if kind is yaml.SequenceNode else _MAP

    def descend_resolver(self, current_node: Any, current_index: Any) -> None:
        return None  # no path resolvers: nothing to track

    def ascend_resolver(self) -> None:
        return None


class Document:
    """One file's data, where each value stands, and how plain scalars were written.

    Positions are worked out when first asked for: the file is read without them and its text
    kept, then read again with them. Most records are valid and never asked where a value
    stands, and positions take several times the memory of the data.
    """

    __slots__ = ("_key_positions", "_positions", "_text", "data", "implicit")

    def __init__(
        self,
        data: Any,
        positions: dict[JsonPath, Position] | None = None,
        key_positions: dict[JsonPath, Position] | None = None,
        implicit: dict[JsonPath, str] | None = None,
        *,
        text: str | None = None,
    ) -> None:
        self.data = data
        # Plain (unquoted) scalars that YAML read as something other than text, by path.
        self.implicit: dict[JsonPath, str] = {} if implicit is None else implicit
        self._text = text  # kept until the positions are known
        lazy = text is not None and positions is None
        self._positions = None if lazy else (positions or {})
        self._key_positions = None if lazy else (key_positions or {})

    @property
    def positions(self) -> dict[JsonPath, Position]:
        if self._positions is None:
            self._find_positions()
        assert self._positions is not None
        return self._positions

    @property
    def key_positions(self) -> dict[JsonPath, Position]:
        if self._key_positions is None:
            self._find_positions()
        assert self._key_positions is not None
        return self._key_positions

    def _find_positions(self) -> None:
        again = _parse(self._text or "", "", positions=True)
        found = again if isinstance(again, Document) else Document(None)
        self._positions, self._key_positions = found.positions, found.key_positions
        self._text = None

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Document):
            return NotImplemented
        return (self.data, self.positions, self.key_positions, self.implicit) == (
            other.data,
            other.positions,
            other.key_positions,
            other.implicit,
        )

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return (
            f"Document(data={self.data!r}, positions={self.positions!r}, "
            f"key_positions={self.key_positions!r}, implicit={self.implicit!r})"
        )

    def locate(self, path: JsonPath, *, key: bool = False) -> Position:
        """The nearest known position of a path (the key's, when asked and known)."""
        if key and path in self.key_positions:
            return self.key_positions[path]
        positions = self.positions
        while path not in positions and path:
            path = path[:-1]
        return positions.get(path, (1, 1))


class _Refused(Exception):
    def __init__(self, code: Code, line: int, column: int, message: str | Msg) -> None:
        super().__init__(message)
        self.code, self.line, self.column, self.message = code, line, column, message


def _pos(node: yaml.Node) -> Position:
    return node.start_mark.line + 1, node.start_mark.column + 1


class _Builder:
    def __init__(self, loader: _Loader, track: bool) -> None:
        self.loader = loader
        self.track = track
        self.doc = Document(None, {}, {})
        self.seen: set[int] = set()
        self.scalars: dict[str, Callable[[yaml.ScalarNode], Any]] = {
            _INT: loader.construct_yaml_int,
            _FLOAT: loader.construct_yaml_float,
            _BOOL: loader.construct_yaml_bool,
            _NULL: loader.construct_yaml_null,
        }

    def build(self, node: yaml.Node, path: JsonPath, depth: int) -> Any:
        if id(node) in self.seen:
            raise _Refused(YAML_ALIAS, *_pos(node), msg("loader.alias"))
        self.seen.add(id(node))
        if depth > MAX_DEPTH:
            raise _Refused(YAML_TOO_DEEP, *_pos(node), _TOO_DEEP)
        if isinstance(node, yaml.MappingNode):
            return self._mapping(node, path, depth)
        if isinstance(node, yaml.SequenceNode):
            if node.tag != _SEQ:
                raise _Refused(YAML_TAG, *_pos(node), msg("loader.tag", tag=node.tag))
            return [self._child(item, (*path, i), depth) for i, item in enumerate(node.value)]
        assert isinstance(node, yaml.ScalarNode)
        return self._scalar(node, path)

    def _child(self, node: yaml.Node, path: JsonPath, depth: int) -> Any:
        if self.track:
            self.doc.positions[path] = _pos(node)
        return self.build(node, path, depth + 1)

    def _mapping(self, node: yaml.MappingNode, path: JsonPath, depth: int) -> dict[str, Any]:
        if node.tag != _MAP:
            raise _Refused(YAML_TAG, *_pos(node), msg("loader.tag", tag=node.tag))
        result: dict[str, Any] = {}
        for key_node, value_node in node.value:
            if key_node.tag == _TAG + "merge":
                raise _Refused(YAML_ALIAS, *_pos(key_node), msg("loader.merge"))
            if not isinstance(key_node, yaml.ScalarNode):
                raise _Refused(YAML_SYNTAX, *_pos(key_node), msg("loader.key"))
            key = sys.intern(str(key_node.value))  # one object per field name, not per use
            if key in result:
                line, col = _pos(key_node)
                raise _Refused(YAML_DUPLICATE_KEY, line, col, msg("loader.duplicate_key", key=key))
            child = (*path, key)
            if self.track:
                self.doc.key_positions[child] = _pos(key_node)
                # Point at the key for collections: their own start is on the next line.
                scalar = isinstance(value_node, yaml.ScalarNode)
                self.doc.positions[child] = _pos(value_node if scalar else key_node)
            result[key] = self.build(value_node, child, depth + 1)
        return result

    def _scalar(self, node: yaml.ScalarNode, path: JsonPath) -> Any:
        if node.tag == _STR:
            return node.value
        convert = self.scalars.get(node.tag)
        if convert is None:
            raise _Refused(YAML_TAG, *_pos(node), msg("loader.tag", tag=node.tag))
        if not node.style:  # libyaml marks plain scalars with an empty style
            self.doc.implicit[path] = node.value
        if node.tag in (_INT, _FLOAT) and len(node.value) > MAX_NUMBER_CHARS:
            raise _Refused(
                NUMBER_TOO_LARGE,
                *_pos(node),
                msg(
                    "loader.number_too_large",
                    count=len(node.value),
                    limit=MAX_NUMBER_CHARS,
                    start=node.value[:20],
                ),
            )
        try:
            value = convert(node)
        except (ValueError, OverflowError) as exc:
            raise _Refused(
                YAML_SYNTAX,
                *_pos(node),
                msg("loader.unreadable_value", english=f"unreadable value: {exc}", detail=str(exc)),
            ) from None
        if isinstance(value, float) and not math.isfinite(value):
            # JSON has no NaN or infinity, and no figure in a record is either.
            raise _Refused(
                NON_FINITE_NUMBER, *_pos(node), msg("loader.not_finite", value=node.value)
            )
        return value


def _problem(rel: str, code: Code, line: int, column: int, message: str | Msg) -> Problem:
    return code.at(rel, line, column, "", message)


def _too_deep_at(text: str) -> Position | None:
    """Where nesting first goes past MAX_DEPTH, from libyaml's event stream (iterative, so
    any depth is safe); None when it never does.

    Stops at the first level too many: libyaml's scanner slows down quadratically with flow
    nesting, so reading a bomb to its end would take minutes where its first levels suffice.
    """
    depth = 0
    for event in yaml.parse(text, Loader=_Loader):
        if isinstance(event, yaml.CollectionStartEvent):
            depth += 1
            if depth > MAX_DEPTH:
                mark = event.start_mark
                return (mark.line + 1, mark.column + 1) if mark else (1, 1)
        elif isinstance(event, (yaml.SequenceEndEvent, yaml.MappingEndEvent)):
            depth -= 1
    return None


def _char_at(text: str, line: int, column: int) -> str:
    lines = text.split("\n", line)
    if len(lines) < line:
        return ""
    row = lines[line - 1]
    return row[column - 1] if 0 < column <= len(row) else ""


def _yaml_error(rel: str, exc: yaml.YAMLError, text: str) -> Problem:
    mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
    if mark is not None:
        line, column = mark.line + 1, mark.column + 1
    else:
        index = getattr(exc, "position", 0) or 0
        line = text.count("\n", 0, index) + 1
        column = index - (text.rfind("\n", 0, index) + 1) + 1
    problem = " ".join(str(getattr(exc, "problem", None) or exc).split())
    # libyaml words the problem in English: the catalog says where it is in other languages.
    said: Msg = msg("loader.libyaml", english=problem, detail=problem)
    code = YAML_SYNTAX
    if "expected a single document" in problem or "another document" in problem:
        code, said = YAML_MULTIPLE_DOCUMENTS, msg("loader.documents")
    elif _char_at(text, line, column) == "\t" or "'\\t'" in problem:
        code, said = YAML_TAB, msg("loader.tab")
    elif "maximum nesting depth" in problem:  # libyaml 0.2.5+ stops at 1000 levels itself
        code, said = YAML_TOO_DEEP, _TOO_DEEP
    elif "found undefined alias" in problem or "recursive" in problem:
        code = YAML_ALIAS
    return _problem(rel, code, line, column, said)


def parse_text(text: str, rel: str, *, track: bool = True) -> Document | Problem:
    """Parse YAML text into a Document, or say why not with a located Problem.

    With track (the default) the Document can tell where each value stands; it works that
    out when first asked (see Document). Without, it knows no positions.
    """
    from walcli.io import kept

    known = kept.take(text)
    parsed = known if known is not None else _parse(text, rel, positions=False)
    if isinstance(parsed, Problem):
        return parsed  # not kept: a problem names its file, and broken files are few
    data, implicit = parsed.data, parsed.implicit
    if known is not None or kept.worth_keeping(text):
        kept.keep(text, parsed)
        # each caller gets its own data: loading turns years into text in place
        data, implicit = kept.copied(data), dict(implicit)
    return Document(data, implicit=implicit, text=text if track else None)


def _parse(text: str, rel: str, *, positions: bool) -> Document | Problem:
    try:
        suspicious = sum(text.count(c) for c in _NESTING_CHARS) > _SAFE_COMPOSE_BOUND
        deep = _too_deep_at(text) if suspicious else None
        if deep is not None:
            return _problem(rel, YAML_TOO_DEEP, *deep, _TOO_DEEP)
        loader = _Loader(text)
        try:
            root = loader.get_single_node()
            if root is None:
                return _problem(rel, EMPTY_FILE, 1, 1, msg("loader.empty"))
            builder = _Builder(loader, positions)
            if positions:
                builder.doc.positions[()] = _pos(root)
            builder.doc.data = builder.build(root, (), 0)
        finally:
            loader.dispose()
    except _Refused as exc:
        return _problem(rel, exc.code, exc.line, exc.column, exc.message)
    except yaml.YAMLError as exc:
        return _yaml_error(rel, exc, text)
    if not isinstance(builder.doc.data, dict):
        line, column = _pos(root)
        kind = type(builder.doc.data).__name__
        return _problem(rel, NOT_A_MAPPING, line, column, msg("loader.not_mapping", kind=kind))
    return builder.doc

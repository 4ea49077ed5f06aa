"""Find the registry and read one YAML file into plain data with a position for every value.

Built on libyaml (CSafeLoader's parser and composer); construction is ours so that each value
keeps its line and column, duplicate keys, tags and aliases are refused, and dates stay text.
"""

from __future__ import annotations

import math
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import yaml

from walcli.errors import RegistryNotFound
from walcli.problems import CODES, Problem

MAX_BYTES = 1024 * 1024
MAX_DEPTH = 32
_TOO_DEEP = f"nesting deeper than {MAX_DEPTH} levels"
# libyaml's composer recurses in C; past a few ten thousand levels it overflows the stack.
# Every nesting level needs one of these characters, so their count bounds the depth.
_NESTING_CHARS = "[{-?:\n"
_SAFE_COMPOSE_BOUND = 5000

JsonPath = tuple[str | int, ...]
Position = tuple[int, int]

_TAG = "tag:yaml.org,2002:"
_STR, _INT, _FLOAT, _BOOL, _NULL = (_TAG + t for t in ("str", "int", "float", "bool", "null"))
_MAP, _SEQ = _TAG + "map", _TAG + "seq"


class _Loader(yaml.CSafeLoader):
    """libyaml with YAML 1.1 scalars except timestamps: dates stay text as written."""


_Loader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag != _TAG + "timestamp"]
    for first, resolvers in yaml.CSafeLoader.yaml_implicit_resolvers.items()
}


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
    def __init__(self, code: str, line: int, column: int, message: str) -> None:
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
            raise _Refused("yaml-alias", *_pos(node), "an alias (*name) repeats an anchored value")
        self.seen.add(id(node))
        if depth > MAX_DEPTH:
            raise _Refused("yaml-too-deep", *_pos(node), _TOO_DEEP)
        if isinstance(node, yaml.MappingNode):
            return self._mapping(node, path, depth)
        if isinstance(node, yaml.SequenceNode):
            if node.tag != _SEQ:
                raise _Refused("yaml-tag", *_pos(node), f"tag {node.tag!r} is not allowed")
            return [self._child(item, (*path, i), depth) for i, item in enumerate(node.value)]
        assert isinstance(node, yaml.ScalarNode)
        return self._scalar(node, path)

    def _child(self, node: yaml.Node, path: JsonPath, depth: int) -> Any:
        if self.track:
            self.doc.positions[path] = _pos(node)
        return self.build(node, path, depth + 1)

    def _mapping(self, node: yaml.MappingNode, path: JsonPath, depth: int) -> dict[str, Any]:
        if node.tag != _MAP:
            raise _Refused("yaml-tag", *_pos(node), f"tag {node.tag!r} is not allowed")
        result: dict[str, Any] = {}
        for key_node, value_node in node.value:
            if key_node.tag == _TAG + "merge":
                raise _Refused("yaml-alias", *_pos(key_node), "merge keys (<<) are not allowed")
            if not isinstance(key_node, yaml.ScalarNode):
                raise _Refused("yaml-syntax", *_pos(key_node), "a mapping key must be plain text")
            key = sys.intern(str(key_node.value))  # one object per field name, not per use
            if key in result:
                line, col = _pos(key_node)
                raise _Refused("yaml-duplicate-key", line, col, f"duplicate key {key!r}")
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
            raise _Refused("yaml-tag", *_pos(node), f"tag {node.tag!r} is not allowed")
        if not node.style:  # libyaml marks plain scalars with an empty style
            self.doc.implicit[path] = node.value
        try:
            value = convert(node)
        except (ValueError, OverflowError) as exc:
            raise _Refused("yaml-syntax", *_pos(node), f"unreadable value: {exc}") from None
        if isinstance(value, float) and not math.isfinite(value):
            # JSON has no NaN or infinity, and no figure in a record is either.
            raise _Refused(
                "non-finite-number", *_pos(node), f"{node.value!r} is not a finite number"
            )
        return value


def _problem(rel: str, code: str, line: int, column: int, message: str) -> Problem:
    return Problem(rel, line, column, "", code, CODES[code].severity, message)


def _decode(raw: bytes, rel: str) -> str | Problem:
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return _problem(rel, "encoding", 1, 1, "the file is UTF-16 or UTF-32; save it as UTF-8")
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        before = raw[: exc.start].decode("utf-8")
        line = before.count("\n") + 1
        column = len(before) - (before.rfind("\n") + 1) + 1
        return _problem(rel, "encoding", line, column, f"byte 0x{raw[exc.start]:02x} is not UTF-8")
    nul = text.find("\0")
    if nul >= 0:  # valid UTF-8, but no text file holds NUL: UTF-16/32 without BOM, or binary
        line = text.count("\n", 0, nul) + 1
        column = nul - (text.rfind("\n", 0, nul) + 1) + 1
        return _problem(
            rel,
            "encoding",
            line,
            column,
            "a NUL character: the file looks like UTF-16 or UTF-32 without a byte-order mark, "
            "or binary; save it as UTF-8 text",
        )
    return text


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
    problem = str(getattr(exc, "problem", None) or exc).strip()
    code = "yaml-syntax"
    if "expected a single document" in problem or "another document" in problem:
        code, problem = "yaml-multiple-documents", "more than one YAML document in the file"
    elif _char_at(text, line, column) == "\t" or "'\\t'" in problem:
        code, problem = "yaml-tab", "a tab character where YAML expects indentation or a value"
    elif "maximum nesting depth" in problem:  # libyaml 0.2.5+ stops at 1000 levels itself
        code, problem = "yaml-too-deep", _TOO_DEEP
    elif "found undefined alias" in problem or "recursive" in problem:
        code = "yaml-alias"
    return _problem(rel, code, line, column, " ".join(problem.split()))


def parse_text(text: str, rel: str, *, track: bool = True) -> Document | Problem:
    """Parse YAML text into a Document, or say why not with a located Problem.

    With track (the default) the Document can tell where each value stands; it works that
    out when first asked (see Document). Without, it knows no positions.
    """
    parsed = _parse(text, rel, positions=False)
    if track and isinstance(parsed, Document):
        return Document(parsed.data, implicit=parsed.implicit, text=text)
    return parsed


def _parse(text: str, rel: str, *, positions: bool) -> Document | Problem:
    try:
        suspicious = sum(text.count(c) for c in _NESTING_CHARS) > _SAFE_COMPOSE_BOUND
        deep = _too_deep_at(text) if suspicious else None
        if deep is not None:
            return _problem(rel, "yaml-too-deep", *deep, _TOO_DEEP)
        loader = _Loader(text)
        try:
            root = loader.get_single_node()
            if root is None:
                return _problem(rel, "empty-file", 1, 1, "the file holds no YAML document")
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
        return _problem(
            rel, "not-a-mapping", line, column, f"the document is a {kind}, not a mapping"
        )
    return builder.doc


def read_file(path: Path, rel: str, *, track: bool = True) -> Document | Problem:
    """Read one record file. Whatever it holds, the answer is a Document or a Problem."""
    try:
        with path.open("rb") as handle:
            raw = handle.read(MAX_BYTES + 1)
    except OSError as exc:
        return _problem(rel, "not-a-file", 1, 1, f"cannot read the file: {exc.strerror or exc}")
    if len(raw) > MAX_BYTES:
        return _problem(rel, "file-too-large", 1, 1, f"larger than {MAX_BYTES} bytes")
    text = _decode(raw, rel)
    if isinstance(text, Problem):
        return text
    return parse_text(text, rel, track=track)


ROOT_ENV = "WAL_ROOT"


def is_root(folder: Path) -> bool:
    return (folder / "data").is_dir() and (folder / "schemas").is_dir()


def bundled_root() -> Path | None:
    """The snapshot shipped in the wheel, or the source tree of an editable install."""
    package = Path(__file__).resolve().parent
    for candidate in (package / "_registry", package.parent):
        if is_root(candidate):
            return candidate
    return None


def find_root(explicit: str | None = None, cwd: Path | None = None) -> Path:
    """--root, else WAL_ROOT, else the nearest folder upward holding the registry, else bundled."""
    for given, origin in ((explicit, "--root"), (os.environ.get(ROOT_ENV), ROOT_ENV)):
        if given:
            folder = Path(given).expanduser()
            if not is_root(folder):
                raise RegistryNotFound(
                    f"{origin} {given}: no registry there (expected data/ and schemas/ folders)"
                )
            return folder.resolve()
    start = (cwd or Path.cwd()).resolve()
    for folder in (start, *start.parents):
        if is_root(folder):
            return folder
    bundled = bundled_root()
    if bundled is None:
        raise RegistryNotFound(
            "no registry found: run inside a checkout, or pass --root / set WAL_ROOT"
        )
    return bundled

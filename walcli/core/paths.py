"""Paths into a record (tuples of keys and list indexes), their JSON Pointer and dotted forms,
and the path of a record file inside a registry."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

JsonPath = tuple[str | int, ...]
Position = tuple[int, int]

RECORD_SUFFIX = ".yaml"


def pointer(path: Iterable[str | int]) -> str:
    """A JSON Pointer (RFC 6901) for a path into a record."""
    return "".join("/" + str(p).replace("~", "~0").replace("/", "~1") for p in path)


def from_pointer(text: str) -> JsonPath:
    """The path a JSON Pointer names (list indexes as ints, as in Document paths)."""
    if not text:
        return ()
    parts: list[str | int] = []
    for part in text[1:].split("/"):
        raw = part.replace("~1", "/").replace("~0", "~")
        parts.append(int(raw) if raw.isdigit() else raw)
    return tuple(parts)


def dotted(path: Iterable[str | int]) -> str:
    """sources.2.url: the form people type and read."""
    return ".".join(str(p) for p in path)


def shown_name(name: str) -> str:
    """A file name as text: bytes that are not UTF-8 (which Python keeps as lone surrogates)
    shown as \\xff escapes, so that every output can carry the name and no two names
    collide."""
    try:
        raw = name.encode("utf-8", "surrogateescape")
    except UnicodeEncodeError:  # a lone surrogate that no byte stands for
        return name.encode("utf-8", "backslashreplace").decode("utf-8")
    return raw.decode("utf-8", "backslashreplace")


def record_file(rel: str, kinds: Iterable[str]) -> tuple[str, str] | None:
    """(kind, id) of `data/KIND/ID.yaml` (relative to the root, POSIX), else None.

    Only `.yaml` names a record: a `.yml` file is a stray that the registry skips.
    """
    parts = rel.split("/")
    if len(parts) != 3 or parts[0] != "data" or parts[1] not in set(kinds):
        return None
    name = parts[2]
    if not name.endswith(RECORD_SUFFIX) or name == RECORD_SUFFIX:
        return None
    return parts[1], name[: -len(RECORD_SUFFIX)]


Pattern = tuple[str, ...]  # field names, with "*" for any list item or mapping value


def values_at(
    data: object, pattern: Pattern, path: JsonPath = ()
) -> Iterator[tuple[JsonPath, Any]]:
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

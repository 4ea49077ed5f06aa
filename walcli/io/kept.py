"""Parses this process has made, by text: reading a file again with the same text (a registry
opened twice, the same records in another folder) costs a copy instead of a parse.

A text is kept from its second reading on: a single run that reads each file once keeps
nothing and copies nothing."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from walcli.io.yaml import Document

# The most recent last, up to a total size.
_PARSED: dict[str, Document] = {}
_PARSED_BYTES = [0]
_PARSED_MAX_BYTES = 16 * 1024 * 1024
# Texts read once, by hash (a collision only keeps a parse that need not be).
_SEEN: set[int] = set()
_SEEN_MAX = 100_000


def take(text: str) -> Document | None:
    """The parse of this text, if kept (it is kept again by `keep`, as the most recent)."""
    found = _PARSED.pop(text, None)
    if found is not None:
        _PARSED_BYTES[0] -= len(text)
    return found


def worth_keeping(text: str) -> bool:
    """Whether this text was read before (and so may be again); notes it otherwise."""
    if hash(text) in _SEEN:
        return len(text) <= _PARSED_MAX_BYTES // 16
    if len(_SEEN) >= _SEEN_MAX:
        _SEEN.clear()
    _SEEN.add(hash(text))
    return False


def keep(text: str, parsed: Document) -> None:
    _PARSED[text] = parsed
    _PARSED_BYTES[0] += len(text)
    while _PARSED_BYTES[0] > _PARSED_MAX_BYTES:
        oldest = next(iter(_PARSED))
        del _PARSED[oldest]
        _PARSED_BYTES[0] -= len(oldest)


def copied(value: Any) -> Any:
    """A copy of parsed data: mappings and lists anew, scalars (immutable) shared."""
    if type(value) is dict:
        return {key: copied(item) for key, item in value.items()}
    if type(value) is list:
        return [copied(item) for item in value]
    return value

"""Full-text search over every record: which fact says it, where, and on which sources.

Matching ignores case and accents and needs every word of the query in the same text.
Each hit carries the sources cited nearest to it (the fact's own `sources`, a sibling
`FIELD_sources`, else the record's), so a reader can follow it to the page it rests on.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from walcli.core.paths import JsonPath, dotted
from walcli.core.registry import Record, Registry
from walcli.core.text import LANGS, fold, is_text, scalar_text


@dataclass(frozen=True)
class Hit:
    kind: str
    id: str
    path: str
    text: str
    sources: tuple[str, ...]  # URLs (or the seed deck's title) of the sources that support it

    def as_dict(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "id": self.id,
            "path": self.path,
            "text": self.text,
            "sources": list(self.sources),
        }


def _leaves(value: Any, path: JsonPath, lang: str) -> Iterator[tuple[JsonPath, str, list[str]]]:
    """(path, text shown, texts searched) for every leaf; a bilingual text is one leaf."""
    if is_text(value):
        shown = value.get(lang) or next(iter(value.values()))
        yield path, str(shown), [str(v) for v in value.values()]
    elif isinstance(value, dict):
        for key, item in value.items():
            if key != "sources" and not key.endswith("_sources"):
                yield from _leaves(item, (*path, key), lang)
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _leaves(item, (*path, index), lang)
    elif value is not None and not isinstance(value, bool):
        yield path, scalar_text(value), [scalar_text(value)]


def nearest_sources(record: Record, path: JsonPath) -> list[str]:
    """The source ids cited nearest to a path: on the enclosing objects, innermost first."""
    data: Any = record.data
    chain: list[Any] = [data]
    for step in path:
        data = data[step]
        chain.append(data)
    field = path[0] if path else None
    for node in reversed(chain[1:]):
        if isinstance(node, dict) and isinstance(node.get("sources"), list):
            return [s for s in node["sources"] if isinstance(s, str)]
    sibling = record.data.get(f"{field}_sources") if isinstance(field, str) else None
    return [s for s in sibling if isinstance(s, str)] if isinstance(sibling, list) else []


def _source_labels(record: Record, ids: list[str]) -> tuple[str, ...]:
    listed = [s for s in record.data.get("sources") or [] if isinstance(s, dict)]
    by_id = {s["id"]: s for s in listed if isinstance(s.get("id"), str)}
    chosen = [by_id[i] for i in ids if i in by_id] or listed
    return tuple(str(s.get("url") or s.get("title") or s.get("id")) for s in chosen)


def search(registry: Registry, query: str, lang: str, kinds: list[str] | None = None) -> list[Hit]:
    words = fold(query).split()
    if not words:
        return []
    hits = []
    for record in registry.all():
        if kinds and record.kind not in kinds:
            continue
        for path, shown, texts in _leaves(record.data, (), lang if lang in LANGS else "en"):
            if any(all(w in fold(t) for w in words) for t in texts):
                sources = _source_labels(record, nearest_sources(record, path))
                hits.append(Hit(record.kind, record.id, dotted(path), shown, sources))
    return hits

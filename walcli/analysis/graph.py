"""Records as nodes, references as edges: plain data (Node, Edge, Graph) for `wal graph` and
the reports' diagrams.

An edge goes from the record that writes a reference to the record it names, labelled by the
field (the dotted path without list indexes: programmes.domains). References written several
times along the same field between the same two records make one edge. A reference to a
record the registry lacks makes no edge (`wal validate` reports it).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from walcli.analysis.refs import Key, Links, field_of, key_of, name_of
from walcli.core.registry import Record, Registry


@dataclass(frozen=True, order=True)
class Node:
    kind: str
    id: str
    label: str  # the record's name, in the language asked

    @property
    def key(self) -> Key:
        return self.kind, self.id

    def as_dict(self) -> dict[str, Any]:
        return {"kind": self.kind, "id": self.id, "label": self.label}


@dataclass(frozen=True, order=True)
class Edge:
    source: Key  # the record that writes the reference
    target: Key  # the record it names
    field: str

    def as_dict(self) -> dict[str, Any]:
        return {
            "from": self.source[1],
            "to": self.target[1],
            "field": self.field,
            "from_kind": self.source[0],
            "to_kind": self.target[0],
        }


@dataclass(frozen=True)
class Graph:
    nodes: tuple[Node, ...]  # sorted by kind, then id
    edges: tuple[Edge, ...]  # sorted by source, target, field

    def as_dict(self) -> dict[str, Any]:
        return {
            "nodes": [node.as_dict() for node in self.nodes],
            "edges": [edge.as_dict() for edge in self.edges],
        }


def graph(
    registry: Registry,
    lang: str,
    *,
    center: Record | None = None,
    depth: int = 1,
    kinds: list[str] | None = None,
    links: Links | None = None,
) -> Graph:
    """The whole registry, or the records within depth links of center (links followed both
    ways, through records of any kind); then only the kinds asked (center always stays).
    Edges join two kept records."""
    links = links or Links.of(registry)
    if center is not None:
        keys = set(links.around(key_of(center), depth))
    else:
        keys = {key_of(record) for record in registry.all()}
    if kinds:
        keys = {key for key in keys if key[0] in kinds or (center and key == key_of(center))}
    nodes = sorted(
        Node(kind, record_id, name_of(registry, (kind, record_id), lang))
        for kind, record_id in keys
    )
    edges = {
        Edge(source, (ref.target_kind, ref.target_id), field_of(ref.path))
        for source in keys
        for ref in links.out.get(source, ())
        if (ref.target_kind, ref.target_id) in keys
    }
    return Graph(tuple(nodes), tuple(sorted(edges)))

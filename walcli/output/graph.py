"""A graph of records, rendered: a Mermaid flowchart (GitHub renders it), Graphviz DOT, or
JSON. Labels go through output/diagram.py, node ids are derived from kind and id."""

from __future__ import annotations

from typing import TYPE_CHECKING

from walcli.output.diagram import dot_string, kind_class, mermaid_label, node_id
from walcli.output.formats import Format, Formats
from walcli.output.serialize import to_json

if TYPE_CHECKING:
    from walcli.analysis.graph import Graph, Node

# One look per kind (a kind not listed here gets the default): Mermaid shape brackets, DOT
# shape, and colours readable on light and dark pages.
_DEFAULT = ("[", "]", "box", "#f5f5f5", "#616161")
STYLES: dict[str, tuple[str, str, str, str, str]] = {
    "domains": ("([", "])", "ellipse", "#e3f2fd", "#1565c0"),
    "plans": ("[", "]", "box", "#fff3e0", "#e65100"),
    "poles": ("{{", "}}", "hexagon", "#e8f5e9", "#2e7d32"),
    "shocks": ("[/", "/]", "parallelogram", "#fce4ec", "#ad1457"),
}


def _style(kind: str) -> tuple[str, str, str, str, str]:
    return STYLES.get(kind, _DEFAULT)


def mermaid(graph: Graph) -> str:
    lines = ["flowchart LR"]
    kinds = sorted({node.kind for node in graph.nodes})
    for kind in kinds:
        _, _, _, fill, stroke = _style(kind)
        lines.append(f"  classDef {kind_class(kind)} fill:{fill},stroke:{stroke},color:#212121")
    for node in graph.nodes:
        opening, closing, *_ = _style(node.kind)
        label = mermaid_label(node.label)
        lines.append(f"  {node_id(node.kind, node.id)}{opening}{label}{closing}")
    for edge in graph.edges:
        lines.append(
            f"  {node_id(*edge.source)} -->|{mermaid_label(edge.field)}| {node_id(*edge.target)}"
        )
    for kind in kinds:
        members = [node_id(node.kind, node.id) for node in graph.nodes if node.kind == kind]
        lines.append(f"  class {','.join(members)} {kind_class(kind)}")
    return "\n".join(lines) + "\n"


def _dot_node(node: Node) -> str:
    _, _, shape, fill, stroke = _style(node.kind)
    return (
        f"  {dot_string(node_id(node.kind, node.id))} [label={dot_string(node.label)}, "
        f'shape={shape}, fillcolor="{fill}", color="{stroke}", '
        f"class={dot_string(kind_class(node.kind))}];"
    )


def dot(graph: Graph) -> str:
    lines = [
        "digraph wal {",
        '  graph [rankdir=LR, fontname="Helvetica"];',
        '  node [style=filled, fontname="Helvetica", fontsize=11];',
        '  edge [fontname="Helvetica", fontsize=9, color="#757575"];',
    ]
    lines += [_dot_node(node) for node in graph.nodes]
    lines += [
        f"  {dot_string(node_id(*edge.source))} -> {dot_string(node_id(*edge.target))} "
        f"[label={dot_string(edge.field)}];"
        for edge in graph.edges
    ]
    return "\n".join([*lines, "}"]) + "\n"


GRAPH_FORMATS: Formats[Graph] = Formats(
    [
        Format(
            "mermaid",
            "a Mermaid flowchart (GitHub renders it)",
            lambda g, o: o.write(mermaid(g)),
        ),
        Format("dot", "Graphviz DOT (dot -Tsvg)", lambda g, o: o.write(dot(g))),
        Format(
            "json",
            "strict JSON: {nodes: [{kind, id, label}], edges: [{from, to, field}]}",
            lambda g, o: o.write_json(to_json(g.as_dict())),
        ),
    ],
    tty="mermaid",
    pipe="mermaid",
)

"""`wal graph [ID]`: records as nodes and references as edges, as Mermaid, DOT or JSON."""

from __future__ import annotations

import typer

from walcli.cli.app import boundary, command, out, settings
from walcli.cli.framework import EXAMPLES, help_key
from walcli.cli.refs import check_depth, settled, warn_unread
from walcli.core.errors import UsageError
from walcli.i18n import t
from walcli.output.graph import GRAPH_FORMATS


@command(
    help="help.graph",
    epilog="\n".join(
        [
            EXAMPLES,
            "wal graph --kind poles --kind domains",
            "wal graph marshall-1 --depth 2 -f dot",
            "wal graph -f json --lang fr",
        ]
    ),
)
@boundary
def graph(
    ctx: typer.Context,
    record_id: str | None = typer.Argument(None, metavar="[ID]", help="help.graph.id"),
    depth: int | None = typer.Option(None, "--depth", "-d", metavar="N", help="help.graph.depth"),
    kind: list[str] | None = typer.Option(
        None, "--kind", "-k", metavar="KIND", help="help.xref.kinds"
    ),
    fmt: str | None = typer.Option(
        None, "--format", "-f", metavar="FORMAT", help=help_key(*GRAPH_FORMATS.help_message())
    ),
) -> None:
    """Records as nodes (labelled with their name, shaped by kind) and references as edges
    labelled by field: a Mermaid flowchart, Graphviz DOT or JSON."""
    from walcli.analysis.graph import graph as build_graph
    from walcli.analysis.refs import check_kinds, find_record
    from walcli.io.scan import load_registry

    run = settings(ctx)
    chosen = GRAPH_FORMATS.choose(fmt, out().tty)
    kinds = check_kinds(kind, run.lang)
    if depth is not None and record_id is None:
        raise UsageError(t("graph.error.depth_without_id", run.lang))
    steps = check_depth(depth, run.lang) if depth is not None else 1
    # Positions are not needed: the files are read without them (less memory).
    registry = load_registry(run.root(), None if record_id else kinds or None, track=False)
    center = find_record(registry, record_id, run.lang) if record_id else None
    with settled():
        found = build_graph(registry, run.lang, center=center, depth=steps, kinds=kinds)
        chosen.render(found, out())
    warn_unread(registry, run.lang)

"""The `wal` command: typer, one module per command group. Each parses its options, calls the
library, renders through a format registry, and lets failures reach the one boundary."""

from walcli.cli import diff, graph, records, refs, report, search, stats, timeline, validate
from walcli.cli.app import app, main

__all__ = [
    "app",
    "diff",
    "graph",
    "main",
    "records",
    "refs",
    "report",
    "search",
    "stats",
    "timeline",
    "validate",
]

"""The `wal` command: typer, one module per command group. Each parses its options, calls the
library, renders through a format registry, and lets failures reach the one boundary."""

from walcli.cli import diff, graph, records, refs, report, search, stats, timeline, validate
from walcli.cli import export as export_command
from walcli.cli import new as new_command
from walcli.cli.app import app, main

__all__ = [
    "app",
    "diff",
    "export_command",
    "graph",
    "main",
    "new_command",
    "records",
    "refs",
    "report",
    "search",
    "stats",
    "timeline",
    "validate",
]

"""The `wal` command: typer, one module per command group. Each parses its options, calls the
library, renders through a format registry, and lets failures reach the one boundary."""

from walcli.cli import diff, records, report, search, stats, validate
from walcli.cli.app import app, main

__all__ = ["app", "diff", "main", "records", "report", "search", "stats", "validate"]

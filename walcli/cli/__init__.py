"""The `wal` command: typer, one module per command group. Each parses its options, calls the
library, renders through a format registry, and lets failures reach the one boundary.

The command modules are imported when their command runs (walcli.cli.lazy), not here."""

from walcli.cli.app import app, main

__all__ = ["app", "main"]

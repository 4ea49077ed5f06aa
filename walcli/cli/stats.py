"""`wal stats`: per kind, records, field completeness, sourced facts, conflicts."""

from __future__ import annotations

import typer

from walcli.cli.app import app, boundary, out, settings
from walcli.output.sheet import SHEET_FORMATS


@app.command()
@boundary
def stats(
    ctx: typer.Context,
    fmt: str | None = typer.Option(None, "--format", "-f", help=SHEET_FORMATS.help()),
) -> None:
    """Per kind: records, field completeness, sourced facts, conflicts and seed-deck claims."""
    from walcli.analysis.stats import compute
    from walcli.output.stats import stats_sheet

    chosen = SHEET_FORMATS.choose(fmt, out().tty)
    registry = settings(ctx).registry()
    chosen.render(stats_sheet(compute(registry)), out())

"""`wal stats`: per kind, records, field completeness, sourced facts, conflicts."""

from __future__ import annotations

import typer

from walcli.cli.app import boundary, command, out, settings
from walcli.cli.framework import EXAMPLES, help_key
from walcli.core.problems import Severity
from walcli.i18n.catalog import t
from walcli.output.sheet import SHEET_FORMATS


@command(
    help="help.stats",
    epilog="\n".join([EXAMPLES, "wal stats", "wal stats --lang fr", "wal stats --format json"]),
)
@boundary
def stats(
    ctx: typer.Context,
    fmt: str | None = typer.Option(
        None, "--format", "-f", metavar="FORMAT", help=help_key(*SHEET_FORMATS.help_message())
    ),
) -> None:
    from walcli.analysis.stats import compute
    from walcli.output.stats import stats_sheet

    chosen = SHEET_FORMATS.choose(fmt, out().tty)
    run = settings(ctx)
    registry = run.registry()
    sheet = stats_sheet(compute(registry), run.lang if chosen.people else None)
    chosen.render(sheet, out())
    unread = sum(p.severity is Severity.ERROR for p in registry.problems)
    if unread:
        typer.echo("wal: " + t("errors.unread_files", run.lang, count=unread), err=True)

"""`wal diff REV`: what changed in the records since a git revision."""

from __future__ import annotations

import typer

from walcli.cli.app import boundary, command, out, settings
from walcli.cli.framework import EXAMPLES, help_key
from walcli.output.diff import DIFF_FORMATS


@command(
    help="help.diff",
    epilog="\n".join([EXAMPLES, "wal diff HEAD~1", "wal diff main --format json"]),
)
@boundary
def diff(
    ctx: typer.Context,
    rev: str = typer.Argument(..., metavar="REV", help="help.diff.rev"),
    fmt: str | None = typer.Option(
        None, "--format", "-f", metavar="FORMAT", help=help_key(*DIFF_FORMATS.help_message())
    ),
) -> None:
    from walcli.analysis.diff import diff_registry

    chosen = DIFF_FORMATS.choose(fmt, out().tty)
    run = settings(ctx)
    result = diff_registry(run.root(), rev, run.lang)
    result.lang = run.lang
    chosen.render(result, out())

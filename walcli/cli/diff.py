"""`wal diff REV`: what changed in the records since a git revision."""

from __future__ import annotations

import typer

from walcli.cli.app import app, boundary, out, settings
from walcli.output.diff import DIFF_FORMATS


@app.command()
@boundary
def diff(
    ctx: typer.Context,
    rev: str = typer.Argument(..., metavar="REV", help="A git revision: HEAD~1, main, a tag."),
    fmt: str | None = typer.Option(None, "--format", "-f", help=DIFF_FORMATS.help()),
) -> None:
    """What changed in the records since REV: added, removed, renamed and changed records, each
    changed field old -> new, and references the change breaks. The work tree is compared, as
    it is on disk; git is only read."""
    from walcli.analysis.diff import diff_registry

    chosen = DIFF_FORMATS.choose(fmt, out().tty)
    run = settings(ctx)
    chosen.render(diff_registry(run.registry(), rev, run.lang), out())

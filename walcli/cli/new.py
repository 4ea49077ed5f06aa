"""`wal new KIND ID`: start a record from its kind's schema."""

from __future__ import annotations

from pathlib import Path

import typer

from walcli.cli.app import boundary, command, settings
from walcli.cli.complete import kinds
from walcli.cli.framework import EXAMPLES
from walcli.output.safe import safe


def _shown(path: Path) -> str:
    """The path as the person can use it from where they are."""
    here = Path.cwd().resolve()
    return path.relative_to(here).as_posix() if path.is_relative_to(here) else str(path)


@command(
    name="new",
    help="help.new",
    epilog="\n".join([EXAMPLES, "wal new poles my-pole", "wal validate data/poles/my-pole.yaml"]),
)
@boundary
def new_command(
    ctx: typer.Context,
    kind: str = typer.Argument(..., metavar="KIND", help="help.new.kind", autocompletion=kinds),
    record_id: str = typer.Argument(..., metavar="ID", help="help.new.id"),
) -> None:
    """Write data/KIND/ID.yaml: every required field a TODO to fill in (never over a file)."""
    from walcli.export.skeleton import create
    from walcli.i18n.catalog import t

    run = settings(ctx)
    path, close = create(run.root(), kind, record_id, run.lang)
    if close:
        typer.echo(safe(t("new.close", run.lang, id=record_id, ids=", ".join(close))), err=True)
    shown = _shown(path)
    typer.echo(safe(shown))
    typer.echo(safe(t("new.wrote", run.lang, path=shown)), err=True)

"""`wal export`: the whole registry as CSV, xlsx, SQLite, a Frictionless data package or JSON."""

from __future__ import annotations

import typer

from walcli.cli.app import boundary, command, settings
from walcli.cli.framework import EXAMPLES, help_key
from walcli.core.problems import Severity
from walcli.export import EXPORTERS


def _formats() -> list[str]:
    return list(EXPORTERS)


@command(
    name="export",
    help="help.export",
    epilog="\n".join(
        [
            EXAMPLES,
            "wal export --format sqlite --out wal.db",
            "wal export --format csv --excel --out export/",
            "wal --lang fr export --out registre.xlsx",
        ]
    ),
)
@boundary
def export_command(
    ctx: typer.Context,
    fmt: str | None = typer.Option(
        None,
        "--format",
        "-f",
        metavar="FORMAT",
        help=help_key("help.export.format", {"formats": ", ".join(EXPORTERS)}),
        autocompletion=_formats,
    ),
    out: str = typer.Option(..., "--out", "-o", metavar="PATH", help="help.export.out"),
    force: bool = typer.Option(False, "--force", help="help.export.force"),
    excel: bool = typer.Option(False, "--excel", help="help.export.excel"),
) -> None:
    """Export every record: a table per kind, claims, sources and links. Writes atomically."""
    from walcli.export import Options, choose, export, prepare
    from walcli.export.report import summary

    run = settings(ctx)
    exporter = choose(fmt, out)
    options = Options(run.lang, excel)
    prepare(exporter, out, force=force, options=options)  # fail before loading anything
    from walcli.io.scan import load_registry

    registry = load_registry(run.root(), track=False)  # link lines are found file by file
    tables = export(registry, exporter, out, force=force, options=options)
    unread = sum(p.severity is Severity.ERROR for p in registry.problems)
    for line in summary(tables, exporter.name, out, unread, run.lang):
        typer.echo(line, err=True)
    if unread:
        raise typer.Exit(1)

"""`wal export`: the whole registry as CSV, xlsx, SQLite, a Frictionless data package or JSON."""

from __future__ import annotations

import typer

from walcli.cli.app import app, boundary, settings
from walcli.core.problems import Severity
from walcli.export import EXPORTERS


def _formats() -> list[str]:
    return list(EXPORTERS)


def _format_help() -> str:
    return (
        f"One of {', '.join(EXPORTERS)}. Default: from the --out suffix "
        "(.db, .sqlite, .xlsx, .json)."
    )


@app.command("export")
@boundary
def export_command(
    ctx: typer.Context,
    fmt: str | None = typer.Option(
        None, "--format", "-f", help=_format_help(), autocompletion=_formats
    ),
    out: str = typer.Option(
        ...,
        "--out",
        "-o",
        help="The file or folder to write (- for stdout, json only). Never replaced without "
        "--force.",
    ),
    force: bool = typer.Option(
        False,
        "--force",
        help="Replace an existing --out (a file by a file, an export folder "
        "by a folder), atomically.",
    ),
    excel: bool = typer.Option(
        False,
        "--excel",
        help="csv only: UTF-8 with BOM, ';' separators, CRLF and decimal commas, as Excel "
        "opens them in Belgium and France.",
    ),
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

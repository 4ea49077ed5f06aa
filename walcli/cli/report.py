"""`wal report`: Markdown pages of the registry, a kind or a record, from templates a writer
can change; `--check` says whether a committed report is current."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

import typer

from walcli.cli.app import app, boundary, resolve_lang, settings
from walcli.core.errors import UsageError
from walcli.core.problems import Problem, Severity
from walcli.output.safe import safe

if TYPE_CHECKING:
    from walcli.core.registry import Registry
    from walcli.report.write import Finding


@app.command()
@boundary
def report(
    ctx: typer.Context,
    target: str | None = typer.Argument(
        None,
        metavar="[KIND | ID]",
        help="A kind (poles), a record id (biowin, or poles/biowin), or nothing for the whole "
        "registry.",
    ),
    out_path: Path | None = typer.Option(
        None,
        "--out",
        "-o",
        help="A FILE.md for one document, or a folder for a site (index, timeline, a page per "
        "kind and per record). Default: the document on stdout.",
    ),
    templates: Path | None = typer.Option(
        None,
        "--template",
        help="A folder of templates (from --export-templates) used before the built-in ones.",
    ),
    check: bool = typer.Option(
        False,
        "--check",
        help="Write nothing; exit 1 naming each stale, missing or extra page of --out.",
    ),
    force: bool = typer.Option(False, "--force", help="Overwrite files that are in the way."),
    export: Path | None = typer.Option(
        None,
        "--export-templates",
        metavar="DIR",
        help="Write the built-in templates into DIR, to edit and use with --template.",
    ),
    lang: str | None = typer.Option(None, "--lang", help="fr or en (as wal --lang)."),
) -> None:
    """Markdown for writers: the whole registry, a kind or a record, as one document or a site
    of linked pages (--out DIR), with numbered sources and Mermaid diagrams."""
    from walcli.report.engine import export as export_templates

    if export is not None:
        written = export_templates(export, force)
        typer.echo(f"wrote {len(written)} templates to {safe(str(export))}", err=True)
        return
    if check and out_path is None:
        raise UsageError("--check compares with --out: give the FILE or folder to check")
    run = settings(ctx)
    chosen_lang = resolve_lang(lang) if lang else run.lang
    registry = run.registry()
    _warn_unread(registry.problems)
    _run(registry, target, out_path, templates, check, force, chosen_lang)


def _run(
    registry: Registry,
    target_text: str | None,
    out_path: Path | None,
    templates: Path | None,
    check: bool,
    force: bool,
    lang: str,
) -> None:
    from walcli.cli.refs import settled
    from walcli.report import write
    from walcli.report.build import build, document
    from walcli.report.pages import resolve_target

    target = resolve_target(registry, target_text)
    as_document = out_path is None or write.is_document(out_path)
    with settled():  # the registry is read: the collector need not walk it again and again
        pages = build(registry, target, lang, document=as_document, templates=templates)
    if out_path is None:
        sys.stdout.write(document(pages))
        return
    if as_document:
        text = document(pages)
        if check:
            _report_check(write.check_document(text, out_path), out_path, 1)
            return
        write.write_document(text, out_path, force)
        typer.echo(f"wrote {safe(str(out_path))}", err=True)
        return
    if check:
        _report_check(write.check_site(pages, out_path, target), out_path, len(pages))
        return
    written, removed = write.write_site(pages, out_path, target, force)
    gone = f", removed {len(removed)} it no longer has" if removed else ""
    typer.echo(
        f"wrote {written} of {len(pages)} pages to {safe(str(out_path))} "
        f"({len(pages) - written} unchanged)" + gone,
        err=True,
    )


def _report_check(findings: list[Finding], out_path: Path, pages: int) -> None:
    for finding in findings:
        sys.stdout.write(f"{finding.state}: {safe(finding.path)}\n")
    if findings:
        typer.echo(
            f"wal: the report in {safe(str(out_path))} is not current: {len(findings)} "
            "page(s) to write (run the same command without --check)",
            err=True,
        )
        raise typer.Exit(1)
    typer.echo(f"the report in {safe(str(out_path))} is current ({pages} page(s))", err=True)


def _warn_unread(problems: list[Problem]) -> None:
    unread = sum(p.severity is Severity.ERROR for p in problems)
    if unread:
        typer.echo(f"wal: {unread} files could not be read and are not in the report", err=True)

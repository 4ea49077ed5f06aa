"""`wal report`: Markdown pages of the registry, a kind or a record, from templates a writer
can change; `--check` says whether a committed report is current."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

import typer

from walcli.cli.app import boundary, command, settings
from walcli.cli.framework import EXAMPLES
from walcli.core.errors import UsageError
from walcli.core.problems import Severity
from walcli.i18n.catalog import msg, t
from walcli.output.safe import safe

if TYPE_CHECKING:
    from walcli.core.registry import Registry
    from walcli.report.write import Finding


@command(
    help="report.help",
    epilog="\n".join(
        [
            EXAMPLES,
            "wal --lang fr report --out rapport/",
            "wal report biowin > biowin.md",
            "wal report --out docs/report --check",
        ]
    ),
)
@boundary
def report(
    ctx: typer.Context,
    target: str | None = typer.Argument(None, metavar="[KIND | ID]", help="report.help.target"),
    out_path: Path | None = typer.Option(
        None, "--out", "-o", metavar="FILE|DIR", help="report.help.out"
    ),
    templates: Path | None = typer.Option(
        None, "--template", metavar="DIR", help="report.help.template"
    ),
    check: bool = typer.Option(False, "--check", help="report.help.check"),
    force: bool = typer.Option(False, "--force", help="report.help.force"),
    export: Path | None = typer.Option(
        None, "--export-templates", metavar="DIR", help="report.help.export"
    ),
) -> None:
    from walcli.report.engine import export as export_templates

    run = settings(ctx)
    if export is not None:
        written = export_templates(export, force)
        _say(t("report.done.templates", run.lang, count=len(written), folder=safe(str(export))))
        return
    if check and out_path is None:
        raise UsageError(msg("report.error.check_needs_out"))
    registry = run.registry()
    unread = sum(p.severity is Severity.ERROR for p in registry.problems)
    if unread:
        _say("wal: " + t("report.unread", run.lang, count=unread))
    _run(registry, target, out_path, templates, check, force, run.lang)


def _say(text: str) -> None:
    typer.echo(text, err=True)


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
    shown = safe(str(out_path))
    if as_document:
        text = document(pages)
        if check:
            _report_check(write.check_document(text, out_path), shown, 1, lang)
            return
        write.write_document(text, out_path, force)
        _say(t("report.done.file", lang, path=shown))
        return
    if check:
        _report_check(write.check_site(pages, out_path, target), shown, len(pages), lang)
        return
    written, removed = write.write_site(pages, out_path, target, force)
    done = t(
        "report.done.site",
        lang,
        written=written,
        count=len(pages),
        folder=shown,
        unchanged=len(pages) - written,
    )
    _say(done + (t("report.done.removed", lang, count=len(removed)) if removed else ""))


def _report_check(findings: list[Finding], shown: str, pages: int, lang: str) -> None:
    """Each finding on stdout (`stale: poles/biowin.md`: the states are fixed words a CI
    script can read, in every language), the verdict on stderr; exit 1 unless current."""
    for finding in findings:
        sys.stdout.write(f"{finding.state}: {safe(finding.path)}\n")
    if findings:
        _say("wal: " + t("report.check.stale", lang, folder=shown, count=len(findings)))
        raise typer.Exit(1)
    _say(t("report.check.fresh", lang, folder=shown, count=pages))

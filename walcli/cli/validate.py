"""`wal validate`: every problem of the registry, or of some files, in the format CI reads."""

from __future__ import annotations

import os
import sys

import typer

from walcli.cli.app import boundary, command, out, settings
from walcli.cli.framework import EXAMPLES, help_key
from walcli.i18n.catalog import t
from walcli.output.problems import PROBLEM_FORMATS

EXPLAIN_ALL = "all"


def _count(key: str, count: int, lang: str) -> str:
    """A count with its noun, by the language's plural rules: 1 error, 0 errors, 0 erreur."""
    from walcli.i18n.format import plural_form

    return t(f"{key}.{plural_form(count, lang)}", lang, count=count)


def _default_format() -> str:
    return "github" if os.environ.get("GITHUB_ACTIONS") == "true" else "text"


@command(
    help="help.validate",
    epilog="\n".join(
        [
            EXAMPLES,
            "wal validate",
            "wal validate data/poles/biowin.yaml --format json",
            "wal validate --explain unknown-reference --lang fr",
        ]
    ),
)
@boundary
def validate(
    ctx: typer.Context,
    files: list[str] | None = typer.Argument(
        None, metavar="FILES", help="help.validate.files", show_default=False
    ),
    fmt: str | None = typer.Option(
        None,
        "--format",
        "-f",
        metavar="FORMAT",
        help=help_key("help.validate.format", {"choices": ", ".join(PROBLEM_FORMATS.names)}),
    ),
    strict: bool = typer.Option(False, "--strict", help="help.validate.strict"),
    changed: bool = typer.Option(False, "--changed", help="help.validate.changed"),
    explain: str | None = typer.Option(
        None, "--explain", metavar="CODE", help="help.validate.explain"
    ),
) -> None:
    run_settings = settings(ctx)
    lang = run_settings.lang
    if explain is not None:
        from walcli.check.explain import explain as explain_code
        from walcli.check.explain import listing

        sys.stdout.write(listing(lang) if explain == EXPLAIN_ALL else explain_code(explain, lang))
        return
    from walcli.check.run import Report
    from walcli.check.run import validate as run_validation
    from walcli.output.problems import hints_text

    chosen = PROBLEM_FORMATS.choose(fmt, False, _default_format())
    run = run_validation(run_settings.root(), files or [], changed=changed, strict=strict)
    if run is None:
        chosen.render(Report.of([]).localized(lang), out())
        typer.echo(t("validate.nothing_changed", lang), err=True)
        return
    report = run.report.localized(lang)
    chosen.render(report, out())
    if chosen.name == "text":
        sys.stderr.write(hints_text(report))
    tally = run.counts
    scope = ""
    if run.given:
        count = len(run.given)
        scope = t(f"validate.scope.{'one' if count == 1 else 'other'}", lang, count=count)
    summary = t(
        "validate.summary",
        lang,
        records=_count("validate.records", run.records, lang),
        scope=scope,
        errors=_count("validate.md.errors", tally["error"], lang),
        warnings=_count("validate.md.warnings", tally["warning"], lang),
    )
    typer.echo(summary, err=True)
    if run.failed:
        raise typer.Exit(1)

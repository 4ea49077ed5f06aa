"""`wal validate`: every problem of the registry, or of some files, in the format CI reads."""

from __future__ import annotations

import os
import sys

import typer

from walcli.cli.app import app, boundary, out, say, settings
from walcli.output.problems import PROBLEM_FORMATS

EXPLAIN_ALL = "all"


def _default_format() -> str:
    return "github" if os.environ.get("GITHUB_ACTIONS") == "true" else "text"


@app.command()
@boundary
def validate(
    ctx: typer.Context,
    files: list[str] | None = typer.Argument(
        None,
        help="Report only on these files and the problems they cause elsewhere (the whole "
        "registry is still loaded). A path that no longer exists counts as a deleted record.",
    ),
    fmt: str | None = typer.Option(
        None,
        "--format",
        "-f",
        help=f"One of {', '.join(PROBLEM_FORMATS.names)}. "
        "Default: github when GITHUB_ACTIONS=true, else text.",
    ),
    strict: bool = typer.Option(False, "--strict", help="Warnings fail the run too."),
    changed: bool = typer.Option(
        False,
        "--changed",
        help="Hook mode: check FILES and the record files git deletes in this change (staged, "
        "or between PRE_COMMIT_FROM_REF and PRE_COMMIT_TO_REF); nothing given and nothing "
        "deleted means nothing to check.",
    ),
    explain: str | None = typer.Option(
        None,
        "--explain",
        metavar="CODE",
        help="Print what a problem code means and how to fix it; --explain all lists every code.",
    ),
) -> None:
    """Check every record: YAML, schema, ids, references and rules. Exit 1 if problems."""
    if explain is not None:
        from walcli.check.explain import explain as explain_code
        from walcli.check.explain import listing

        sys.stdout.write(listing() if explain == EXPLAIN_ALL else explain_code(explain))
        return
    from walcli.check.run import Report
    from walcli.check.run import validate as run_validation
    from walcli.output.problems import hints_text

    chosen = PROBLEM_FORMATS.choose(fmt, False, _default_format())
    # Never the bundled snapshot: in CI that would pass against data other than the checkout's.
    root = settings(ctx).root(bundled=False)
    run = run_validation(root, files or [], changed=changed, strict=strict)
    if run is None:
        chosen.render(Report.of([]), out())
        typer.echo("no data file changed: nothing to check", err=True)
        return
    chosen.render(run.report, out())
    if chosen.name == "text":
        sys.stderr.write(hints_text(run.report))
    tally = run.counts
    scope = ""
    if run.given:
        plural = "" if len(run.given) == 1 else "s"
        scope = f", {len(run.given)} file{plural} reported on"
    say(
        f"{run.records} records{scope}, {tally['error']} errors, {tally['warning']} warnings "
        f"(registry {root})"
    )
    if run.failed:
        raise typer.Exit(1)

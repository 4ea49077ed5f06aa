"""`wal search TEXT`: every fact that mentions it, with its sources."""

from __future__ import annotations

import typer

from walcli.cli.app import app, boundary, out, say, settings
from walcli.core.errors import UsageError
from walcli.core.kinds import KINDS
from walcli.core.problems import shown
from walcli.output.sheet import SHEET_FORMATS, Sheet

SEARCH_COLUMNS = ["kind", "id", "path", "text", "sources"]


@app.command()
@boundary
def search(
    ctx: typer.Context,
    query: str = typer.Argument(..., metavar="TEXT", help="Words to find (all of them)."),
    kind: list[str] | None = typer.Option(
        None, "--kind", "-k", metavar="KIND", help="Only these kinds (repeatable)."
    ),
    fmt: str | None = typer.Option(None, "--format", "-f", help=SHEET_FORMATS.help()),
) -> None:
    """Find every fact that mentions TEXT (case and accents ignored), with its sources."""
    from walcli.query.search import search as run_search

    for name in kind or []:
        if name not in KINDS:
            raise UsageError(f"--kind: no kind {shown(name)}; expected one of {', '.join(KINDS)}")
    chosen = SHEET_FORMATS.choose(fmt, out().tty)
    run = settings(ctx)
    hits = run_search(run.registry(kind or None), query, run.lang, kind)
    rows = [[h.kind, h.id, h.path, h.text, " ".join(h.sources)] for h in hits]
    chosen.render(Sheet.one(SEARCH_COLUMNS, rows, [hit.as_dict() for hit in hits]), out())
    if not hits:
        say(f"wal: nothing mentions {shown(query)}")
        raise typer.Exit(1)

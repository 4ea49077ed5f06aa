"""`wal search TEXT`: every fact that mentions it, with its sources."""

from __future__ import annotations

import typer

from walcli.cli.app import boundary, command, out, settings
from walcli.cli.framework import EXAMPLES, help_key
from walcli.core.errors import UsageError
from walcli.core.kinds import KINDS
from walcli.i18n.catalog import msg, t
from walcli.output.safe import safe
from walcli.output.sheet import SHEET_FORMATS, Rows, Sheet

SEARCH_COLUMNS = ["kind", "id", "path", "text", "sources"]
ROLES = ["text", "id", "id", "text", "url"]


@command(
    help="help.search",
    epilog="\n".join(
        [
            EXAMPLES,
            "wal search hydrogène",
            "wal search 'task force' --kind shocks",
            "wal search marshall -f json",
        ]
    ),
)
@boundary
def search(
    ctx: typer.Context,
    query: str = typer.Argument(..., metavar="TEXT", help="help.search.text"),
    kind: list[str] | None = typer.Option(
        None, "--kind", "-k", metavar="KIND", help="help.search.kind"
    ),
    fmt: str | None = typer.Option(
        None, "--format", "-f", metavar="FORMAT", help=help_key(*SHEET_FORMATS.help_message())
    ),
) -> None:
    from walcli.query.search import search as run_search

    for name in kind or []:
        if name not in KINDS:
            raise UsageError(msg("errors.kind", value=name, choices=", ".join(KINDS)))
    chosen = SHEET_FORMATS.choose(fmt, out().tty)
    run = settings(ctx)
    hits = run_search(run.registry(kind or None), query, run.lang, kind)
    rows = [[h.kind, h.id, h.path, h.text, " ".join(h.sources)] for h in hits]
    header = SEARCH_COLUMNS
    if chosen.people:
        from walcli.i18n.labels import kind_word

        header = [t(f"search.header.{name}", run.lang) for name in SEARCH_COLUMNS]
        rows = [[kind_word(row[0], run.lang), *row[1:]] for row in rows]
    sheet = Sheet([Rows(header, rows, roles=ROLES)], [hit.as_dict() for hit in hits])
    chosen.render(sheet, out())
    if not hits:
        typer.echo("wal: " + t("errors.nothing_found", run.lang, query=safe(query)), err=True)
        raise typer.Exit(1)

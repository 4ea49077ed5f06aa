"""`wal refs ID`: what a record references and what references it, with where each link is
written (file:line); --depth follows links further, both ways."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

import typer

from walcli.cli.app import boundary, command, out, settings
from walcli.cli.framework import EXAMPLES, help_key
from walcli.core.errors import UsageError
from walcli.core.problems import Severity
from walcli.core.registry import Registry
from walcli.i18n import t
from walcli.output.refs import REFS_FORMATS


def check_depth(depth: int, lang: str) -> int:
    if depth < 1:
        raise UsageError(t("xref.error.depth", lang, given=depth))
    return depth


@contextmanager
def settled() -> Iterator[None]:
    """While a command works on a loaded registry: the registry lives until the command ends
    and holds no garbage, so its objects leave the collector's generations (gc.freeze) and
    building links and events does not make the collector walk the whole registry again and
    again (a third of the time spent making events on 10,000 records). They go back after."""
    gc.freeze()
    try:
        yield
    finally:
        gc.unfreeze()


def warn_unread(registry: Registry, lang: str) -> None:
    """Files that did not load are left out of what a command shows: say so on stderr."""
    unread = sum(p.severity is Severity.ERROR for p in registry.problems)
    if unread:
        typer.echo(f"wal: {t('xref.unread', lang, count=unread)}", err=True)


@command(
    help="help.refs",
    epilog="\n".join(
        [
            EXAMPLES,
            "wal refs marshall-1",
            "wal refs biowin --depth 2 --lang fr",
            "wal refs biotech -f json",
        ]
    ),
)
@boundary
def refs(
    ctx: typer.Context,
    record_id: str = typer.Argument(..., metavar="ID", help="help.refs.id"),
    kind: str | None = typer.Option(None, "--kind", "-k", metavar="KIND", help="help.refs.kind"),
    depth: int = typer.Option(1, "--depth", "-d", metavar="N", help="help.refs.depth"),
    fmt: str | None = typer.Option(
        None, "--format", "-f", metavar="FORMAT", help=help_key(*REFS_FORMATS.help_message())
    ),
) -> None:
    """What a record references and what references it: kind, id, name, field path and the
    file:line where each link is written."""
    from walcli.analysis.refs import find_record, kind_named
    from walcli.analysis.refs import refs as find_refs

    run = settings(ctx)
    chosen = REFS_FORMATS.choose(fmt, out().tty)
    check_depth(depth, run.lang)
    asked = kind_named(kind, run.lang) if kind else None
    registry = run.registry()
    record = find_record(registry, record_id, run.lang, asked)
    with settled():
        chosen.render(find_refs(registry, record, run.lang, depth), out())
    warn_unread(registry, run.lang)

"""`wal timeline`: every dated fact of the registry as an event, in date order."""

from __future__ import annotations

import re

import typer

from walcli.cli.app import boundary, command, out, settings
from walcli.cli.framework import EXAMPLES, help_key
from walcli.cli.refs import check_depth, settled, warn_unread
from walcli.core.errors import UsageError
from walcli.i18n import t
from walcli.output.events import EVENT_FORMATS

_YEAR = re.compile(r"^[0-9]{4}$")


def parse_year(value: str | None, option: str, lang: str) -> int | None:
    if value is None:
        return None
    if not _YEAR.match(value.strip()):
        raise UsageError(t("timeline.error.year", lang, option=option, given=value))
    return int(value)


@command(
    help="help.timeline",
    epilog="\n".join(
        [
            EXAMPLES,
            "wal timeline --from 2005 --to 2009",
            "wal timeline --record arcelormittal-liege-2013 --lang fr",
            "wal timeline --kind plans -f markdown",
        ]
    ),
)
@boundary
def timeline(
    ctx: typer.Context,
    since: str | None = typer.Option(None, "--from", metavar="YEAR", help="help.timeline.from"),
    until: str | None = typer.Option(None, "--to", metavar="YEAR", help="help.timeline.to"),
    kind: list[str] | None = typer.Option(
        None, "--kind", "-k", metavar="KIND", help="help.xref.kinds"
    ),
    record: str | None = typer.Option(
        None, "--record", "-r", metavar="ID", help="help.timeline.record"
    ),
    depth: int | None = typer.Option(
        None,
        "--depth",
        "-d",
        metavar="N",
        help="help.timeline.depth",
    ),
    observations: bool = typer.Option(
        False,
        "--all",
        help="help.timeline.all",
    ),
    fmt: str | None = typer.Option(
        None, "--format", "-f", metavar="FORMAT", help=help_key(*EVENT_FORMATS.help_message())
    ),
) -> None:
    """Every dated fact as an event in date order: plans presented and adopted, periods,
    programmes, poles founded and labelled, shocks, task forces, actions, timeline entries;
    each with its sources, marked when sources disagree or when the seed deck claims it."""
    from walcli.analysis.refs import check_kinds, find_record
    from walcli.analysis.timeline import Selection, Timeline, around
    from walcli.analysis.timeline import timeline as find_events
    from walcli.io.scan import load_registry

    run = settings(ctx)
    chosen = EVENT_FORMATS.choose(fmt, out().tty)
    first, last = parse_year(since, "--from", run.lang), parse_year(until, "--to", run.lang)
    if first is not None and last is not None and first > last:
        raise UsageError(t("timeline.error.range", run.lang, since=first, until=last))
    kinds = check_kinds(kind, run.lang)
    if depth is not None and record is None:
        raise UsageError(t("timeline.error.depth_without_record", run.lang))
    # Positions are not needed: the files are read without them (less memory).
    registry = load_registry(run.root(), None if record else kinds or None, track=False)
    keys = None
    if record is not None:
        center = find_record(registry, record, run.lang)
        keys = around(registry, center, check_depth(depth, run.lang) if depth else 0)
    selection = Selection(first, last, tuple(kinds), keys, observations)
    with settled():
        events = find_events(registry, run.lang, selection)
        chosen.render(Timeline(events, run.lang, selection), out())
    warn_unread(registry, run.lang)
    if not events:
        typer.echo(f"wal: {t('timeline.empty', run.lang)}", err=True)

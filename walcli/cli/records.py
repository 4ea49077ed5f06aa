"""`wal KIND list` and `wal KIND show`, generated for every kind from its declaration."""

from __future__ import annotations

import inspect
from collections.abc import Callable
from typing import Any

import typer

from walcli.cli.app import app, boundary, out, settings
from walcli.cli.complete import ids_of
from walcli.core.kinds import KINDS, Kind
from walcli.output.record import RECORD_FORMATS
from walcli.output.sheet import SHEET_FORMATS, Sheet
from walcli.query.filters import ListQuery, parse_columns


def _run_list(kind: Kind, ctx: typer.Context, options: dict[str, Any]) -> None:
    from walcli.analysis.views import projected
    from walcli.output.cells import rows

    chosen = SHEET_FORMATS.choose(options["format"], out().tty)
    query = ListQuery(
        kind,
        {f.option: options[f.option] for f in kind.filters if options[f.option] is not None},
        options["where"] or [],
        options["sort"],
        parse_columns(options["columns"]),
    )
    run = settings(ctx)
    registry = run.registry(query.kinds_needed())
    records = query.run(registry)
    header = query.columns or list(kind.columns)
    body = rows(records, header, run.lang)
    via = None if query.columns else query.via(registry, records)
    if via is not None:  # some matched through another link: say how each did
        header = [*header, "via"]
        body = [[*row, link] for row, link in zip(body, via, strict=True)]
    sheet = Sheet.one(header, body, projected(records, query.columns))
    chosen.render(sheet, out())


def _option(name: str, annotation: Any, default: Any) -> inspect.Parameter:
    return inspect.Parameter(
        name, inspect.Parameter.KEYWORD_ONLY, annotation=annotation, default=default
    )


def _list_command(kind: Kind) -> Callable[..., None]:
    def command(ctx: typer.Context, **options: Any) -> None:
        _run_list(kind, ctx, options)

    parameters = [
        inspect.Parameter("ctx", inspect.Parameter.POSITIONAL_OR_KEYWORD, annotation=typer.Context)
    ]
    for spec in kind.filters:
        parameters.append(
            _option(spec.option, str | None, typer.Option(None, f"--{spec.option}", help=spec.help))
        )
    parameters += [
        _option(
            "where",
            list[str] | None,
            typer.Option(
                None,
                "--where",
                "-w",
                help="PATH OP VALUE with OP in = != ~ < > <= >= "
                "(dotted paths; repeatable; case and accents ignored).",
            ),
        ),
        _option(
            "sort",
            str | None,
            typer.Option(None, "--sort", help="Field to sort by; prefix with - for descending."),
        ),
        _option(
            "columns",
            str | None,
            typer.Option(None, "--columns", help="Comma-separated field paths to show."),
        ),
        _option(
            "format",
            str | None,
            typer.Option(None, "--format", "-f", help=SHEET_FORMATS.help()),
        ),
    ]
    command.__signature__ = inspect.Signature(parameters)  # type: ignore[attr-defined]
    command.__doc__ = f"List {kind.name}, filtered and sorted."
    return boundary(command)


def _show_command(kind: Kind) -> Callable[..., None]:
    @boundary
    def command(
        ctx: typer.Context,
        record_id: str = typer.Argument(
            ...,
            metavar="ID",
            help=f"The {kind.singular}'s id.",
            autocompletion=ids_of(kind.name),
        ),
        fmt: str | None = typer.Option(None, "--format", "-f", help=RECORD_FORMATS.help()),
    ) -> None:
        from walcli.analysis.views import record_view

        chosen = RECORD_FORMATS.choose(fmt, out().tty)
        run = settings(ctx)
        registry = run.registry()
        view = record_view(registry, registry.get(kind.name, record_id), run.lang)
        chosen.render(view, out())

    command.__doc__ = (
        f"Show one {kind.singular}: every field, its references and what refers to it."
    )
    return command


for _kind in KINDS.values():
    _sub = typer.Typer(help=f"The {_kind.name}.", no_args_is_help=True)
    _sub.command("list")(_list_command(_kind))
    _sub.command("show")(_show_command(_kind))
    app.add_typer(_sub, name=_kind.name)

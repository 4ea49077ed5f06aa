"""`wal KIND list`, `wal KIND show` and `wal KIND fields`, generated for every kind from its
declaration. A kind's commands are declared when the root group first looks the kind up
(walcli.cli.lazy calls `declare`): `wal poles list` builds the commands of poles only."""

from __future__ import annotations

import inspect
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import typer

from walcli.cli.app import app, boundary, out, settings
from walcli.cli.complete import ids_of
from walcli.cli.framework import EXAMPLES, WalCommand, WalGroup, help_key
from walcli.core.kinds import KINDS, Kind
from walcli.output.record import RECORD_FORMATS
from walcli.output.sheet import SHEET_FORMATS, Rows, Sheet

if TYPE_CHECKING:
    from walcli.query.filters import ListQuery

SHEET_HELP = help_key(*SHEET_FORMATS.help_message())
RECORD_HELP = help_key(*RECORD_FORMATS.help_message())


def _run_list(kind: Kind, ctx: typer.Context, options: dict[str, Any]) -> None:
    from walcli.query.filters import ListQuery, parse_columns  # list only: not for show

    chosen = SHEET_FORMATS.choose(options["format"], out().tty)
    query = ListQuery(
        kind,
        {f.option: options[f.option] for f in kind.filters if options[f.option] is not None},
        options["where"] or [],
        options["sort"],
        parse_columns(options["columns"]),
    )
    run = settings(ctx)
    if chosen.people:
        sheet = _people_sheet(kind, query, run.root(), run.lang)
    else:
        from walcli.analysis.projection import projected
        from walcli.output.cells import rows

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


def _people_sheet(kind: Kind, query: ListQuery, root: Any, lang: str) -> Sheet:
    """Labels for headers, names for references, formatted dates and money."""
    from walcli.analysis.tables import people_table, referenced_kinds
    from walcli.i18n.catalog import t
    from walcli.io.scan import load_registry
    from walcli.schema.set import SchemaSet

    schemas = SchemaSet.load(root)
    columns = query.columns or list(kind.table_columns)
    kinds = [*query.kinds_needed(), *referenced_kinds(schemas, kind.name, columns)]
    registry = load_registry(root, kinds)
    registry.schemas = schemas
    table = people_table(registry, kind.name, query.run(registry), columns, lang)
    note = t("list.disputed_note", lang, kind=kind.name) if table.disputed else None
    return Sheet([Rows(table.header, table.rows, roles=table.roles, note=note)])


def _option(name: str, annotation: Any, default: Any) -> inspect.Parameter:
    return inspect.Parameter(
        name, inspect.Parameter.KEYWORD_ONLY, annotation=annotation, default=default
    )


def _examples(lines: list[str]) -> str:
    return "\n".join([EXAMPLES, *lines])


def _list_command(kind: Kind) -> Callable[..., None]:
    def command(ctx: typer.Context, **options: Any) -> None:
        _run_list(kind, ctx, options)

    parameters = [
        inspect.Parameter("ctx", inspect.Parameter.POSITIONAL_OR_KEYWORD, annotation=typer.Context)
    ]
    for spec in kind.filters:
        metavar = "YEAR" if spec.option == "year" else ("ID" if spec.target else "TEXT")
        parameters.append(
            _option(
                spec.option,
                str | None,
                typer.Option(
                    None,
                    f"--{spec.option}",
                    metavar=metavar,
                    help=f"help.filter.{kind.name}.{spec.option}",
                ),
            )
        )
    parameters += [
        _option(
            "where",
            list[str] | None,
            typer.Option(None, "--where", "-w", metavar="EXPR", help="help.option.where"),
        ),
        _option(
            "sort",
            str | None,
            typer.Option(None, "--sort", metavar="FIELD", help="help.option.sort"),
        ),
        _option(
            "columns",
            str | None,
            typer.Option(None, "--columns", metavar="FIELDS", help="help.option.columns"),
        ),
        _option(
            "format",
            str | None,
            typer.Option(None, "--format", "-f", metavar="FORMAT", help=SHEET_HELP),
        ),
    ]
    command.__signature__ = inspect.Signature(parameters)  # type: ignore[attr-defined]
    return boundary(command)


def _show_command(kind: Kind) -> Callable[..., None]:
    @boundary
    def command(
        ctx: typer.Context,
        record_id: str = typer.Argument(
            ..., metavar="ID", help=f"help.show.id.{kind.name}", autocompletion=ids_of(kind.name)
        ),
        brief: bool = typer.Option(False, "--brief", help="help.option.brief"),
        fmt: str | None = typer.Option(None, "--format", "-f", metavar="FORMAT", help=RECORD_HELP),
    ) -> None:
        from walcli.analysis.views import record_view
        from walcli.output.record import brief_view

        chosen = RECORD_FORMATS.choose(fmt, out().tty)
        run = settings(ctx)
        registry = run.registry()
        record = registry.get(kind.name, record_id)
        view = record_view(registry, record, run.lang, people=chosen.people)
        chosen.render(brief_view(view) if brief else view, out())

    return command


def _fields_command(kind: Kind) -> Callable[..., None]:
    @boundary
    def command(
        ctx: typer.Context,
        fmt: str | None = typer.Option(None, "--format", "-f", metavar="FORMAT", help=SHEET_HELP),
    ) -> None:
        from walcli.analysis.fields import field_rows
        from walcli.schema.set import SchemaSet

        chosen = SHEET_FORMATS.choose(fmt, out().tty)
        run = settings(ctx)
        found = field_rows(SchemaSet.load(run.root()), kind.name, run.lang)
        rows = [[f.path, f.type, f.label] for f in found]
        header = ["path", "type", "label"]
        if chosen.people:
            from walcli.i18n.catalog import t

            header = [t(f"fields.header.{name}", run.lang) for name in header]
        sheet = Sheet(
            [Rows(header, rows, roles=["id", "text", "text"])], [f.as_dict() for f in found]
        )
        chosen.render(sheet, out())

    return command


_DECLARED: set[str] = set()


def declare(name: str) -> None:
    """Declare the commands of the kind of that name on the app (once)."""
    if name in _DECLARED:
        return
    _DECLARED.add(name)
    _register(KINDS[name])


def _register(kind: Kind) -> None:
    sample = kind.sample
    sub = typer.Typer(
        cls=WalGroup,
        help=f"help.kind.{kind.name}",
        epilog=_examples(
            [
                f"wal {kind.name} list {kind.examples[0]}" if kind.examples else "",
                f"wal {kind.name} show {sample}",
                f"wal {kind.name} fields",
            ]
        ),
        no_args_is_help=True,
        context_settings={"help_option_names": ["-h", "--help"]},
    )
    sub.command(
        "list",
        cls=WalCommand,
        help=f"help.list.{kind.name}",
        epilog=_examples([f"wal {kind.name} list {args}" for args in kind.examples]),
    )(_list_command(kind))
    sub.command(
        "show",
        cls=WalCommand,
        help=f"help.show.{kind.name}",
        epilog=_examples(
            [
                f"wal {kind.name} show {sample}",
                f"wal {kind.name} show {sample.upper()} --brief --lang fr",
                f"wal {kind.name} show {sample} --format json",
            ]
        ),
    )(_show_command(kind))
    sub.command(
        "fields",
        cls=WalCommand,
        help=f"help.fields.{kind.name}",
        epilog=_examples(
            [f"wal {kind.name} fields", f"wal {kind.name} fields --lang fr --format markdown"]
        ),
    )(_fields_command(kind))
    app.add_typer(sub, name=kind.name)

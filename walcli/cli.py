"""The `wal` command: parse, call the core, render, map failures to exit codes. No logic."""

from __future__ import annotations

import functools
import inspect
import os
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import typer

from walcli import __version__
from walcli.errors import UsageError, WalError
from walcli.kinds import KINDS, Kind, Match
from walcli.loader import find_root
from walcli.model import Registry, load_registry
from walcli.query import LANGS, Where, check_paths, check_year, matches, select, sort_records
from walcli.render import ROW_FORMATS, TEXT_RENDERERS, safe, to_json, to_table, to_yaml

SHOW_FORMATS = ("text", "json", "yaml")
PROBLEM_FORMATS = ("text", "json", "github", "junit", "sarif", "markdown")

app = typer.Typer(
    name="wal",
    help="The registry of Wallonia's industrial policy: query, show and validate its records.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)


@dataclass(frozen=True)
class Settings:
    root_option: str | None
    lang: str

    def root(self) -> Path:
        return find_root(self.root_option)

    def registry(self, kinds: list[str] | None = None) -> Registry:
        return load_registry(self.root(), kinds)


def resolve_lang(option: str | None) -> str:
    """--lang, else WAL_LANG, else French when LANG starts with fr, else English."""
    for value, origin in ((option, "--lang"), (os.environ.get("WAL_LANG"), "WAL_LANG")):
        if value:
            if value not in LANGS:
                raise UsageError(f"{origin}: expected fr or en, got {value!r}")
            return value
    return "fr" if os.environ.get("LANG", "").lower().startswith("fr") else "en"


def _fail(error: WalError) -> typer.Exit:
    typer.echo(f"wal: {safe(error.message)}", err=True)
    if error.hint:
        typer.echo(f"hint: {safe(error.hint)}", err=True)
    return typer.Exit(error.exit_code)


def boundary(func: Callable[..., None]) -> Callable[..., None]:
    """The one place where failures become a message on stderr and an exit code."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> None:
        try:
            func(*args, **kwargs)
        except WalError as error:
            raise _fail(error) from None
        except BrokenPipeError:
            # `wal ... | head` closed the pipe: nothing is wrong, stop quietly.
            sys.stderr.close()
            raise typer.Exit(0) from None

    return wrapper


def _version(value: bool) -> None:
    if value:
        typer.echo(f"wal {__version__}")
        raise typer.Exit()


@app.callback()
@boundary
def main_options(
    ctx: typer.Context,
    root: str | None = typer.Option(
        None,
        "--root",
        help="Registry folder (holding data/ and schemas/). Else WAL_ROOT, "
        "else the nearest such folder upward, else the bundled snapshot.",
    ),
    lang: str | None = typer.Option(
        None, "--lang", help="fr or en. Else WAL_LANG, else fr when LANG starts with fr."
    ),
    version: bool = typer.Option(
        False, "--version", callback=_version, is_eager=True, help="Print the version."
    ),
) -> None:
    ctx.obj = Settings(root, resolve_lang(lang))


def _settings(ctx: typer.Context) -> Settings:
    settings: Settings = ctx.find_object(Settings) or Settings(None, resolve_lang(None))
    return settings


def _is_terminal() -> bool:
    return sys.stdout.isatty()


def _print_rich(renderable: Any) -> None:
    from rich.console import Console

    Console(markup=False, highlight=False, emoji=False).print(renderable)


def _check_format(value: str | None, allowed: tuple[str, ...]) -> str | None:
    if value is not None and value not in allowed:
        raise UsageError(f"--format: expected one of {', '.join(allowed)}, got {value!r}")
    return value


# -- list ---------------------------------------------------------------------------------------


def _run_list(kind: Kind, settings: Settings, options: dict[str, Any]) -> None:
    fmt = _check_format(options["format"], ROW_FORMATS) or ("table" if _is_terminal() else "tsv")
    wheres = [Where.parse(text) for text in options["where"] or []]
    columns = [c.strip() for c in options["columns"].split(",")] if options["columns"] else None
    if columns is not None and not all(columns):
        raise UsageError("--columns: expected comma-separated field paths, e.g. id,name,domain")
    targets = {f.target for f in kind.filters if f.target and options[f.option] is not None}
    registry = settings.registry([kind.name, *targets])
    tests: list[Callable[..., bool]] = []
    for spec in kind.filters:
        wanted = options[spec.option]
        if wanted is None:
            continue
        if spec.match is Match.REF and spec.target:
            registry.check_id(spec.target, wanted, f"--{spec.option}")
        if spec.match in (Match.ACTIVE, Match.YEAR):
            wanted = check_year(spec.option, wanted)
        tests.append(functools.partial(lambda r, s, w: matches(r, s, w), s=spec, w=wanted))
    records = registry.of(kind.name)
    check_paths([w.path for w in wheres] + (columns or []), records, "--where/--columns")
    if options["sort"]:
        check_paths([options["sort"].lstrip("-")], records, "--sort")
    tests += [where.test for where in wheres]
    chosen = sort_records(select(records, tests), options["sort"])
    _render_list(kind, chosen, columns, fmt, settings.lang)


def _render_list(
    kind: Kind, records: list[Any], columns: list[str] | None, fmt: str, lang: str
) -> None:
    from walcli.views import projected, rows

    if fmt == "json":
        sys.stdout.write(to_json(projected(records, columns)))
    elif fmt == "yaml":
        sys.stdout.write(to_yaml(projected(records, columns)))
    else:
        header = columns or list(kind.columns)
        body = rows(records, header, lang)
        if fmt == "table":
            _print_rich(to_table(header, body))
        else:
            sys.stdout.write(TEXT_RENDERERS[fmt](header, body))


def _list_command(kind: Kind) -> Callable[..., None]:
    def command(ctx: typer.Context, **options: Any) -> None:
        _run_list(kind, _settings(ctx), options)

    parameters = [
        inspect.Parameter("ctx", inspect.Parameter.POSITIONAL_OR_KEYWORD, annotation=typer.Context)
    ]
    option = functools.partial(inspect.Parameter, kind=inspect.Parameter.KEYWORD_ONLY)
    for spec in kind.filters:
        parameters.append(
            option(
                spec.option,
                annotation=str | None,
                default=typer.Option(None, f"--{spec.option}", help=spec.help),
            )
        )
    parameters += [
        option(
            "where",
            annotation=list[str] | None,
            default=typer.Option(
                None,
                "--where",
                "-w",
                help="PATH OP VALUE with OP in = != ~ < > <= >= "
                "(dotted paths; repeatable; case and accents ignored).",
            ),
        ),
        option(
            "sort",
            annotation=str | None,
            default=typer.Option(
                None, "--sort", help="Field to sort by; prefix with - for descending."
            ),
        ),
        option(
            "columns",
            annotation=str | None,
            default=typer.Option(None, "--columns", help="Comma-separated field paths to show."),
        ),
        option(
            "format",
            annotation=str | None,
            default=typer.Option(
                None,
                "--format",
                "-f",
                help=f"One of {', '.join(ROW_FORMATS)}. "
                "Default: table on a terminal, tsv otherwise.",
            ),
        ),
    ]
    command.__signature__ = inspect.Signature(parameters)  # type: ignore[attr-defined]
    command.__doc__ = f"List {kind.name}, filtered and sorted."
    return boundary(command)


# -- show ---------------------------------------------------------------------------------------


def _show_text(view: Any, boxed: bool) -> None:
    from walcli.render import human, safe_lines

    body = "\n".join(human(view.fields))
    sections = [body]
    if view.references:
        sections.append(
            "references:\n"
            + "\n".join(
                f"  {link.path} -> {link.kind}/{link.id} ({link.name})" for link in view.references
            )
        )
    if view.referenced_by:
        sections.append(
            "referenced by:\n"
            + "\n".join(
                f"  {link.kind}/{link.id} ({link.name}) via {link.path}"
                for link in view.referenced_by
            )
        )
    text = "\n\n".join(sections)
    if boxed:
        from rich.panel import Panel
        from rich.text import Text

        _print_rich(Panel(Text(text), title=Text(safe(view.title)), title_align="left"))
    else:
        sys.stdout.write(safe(view.title) + "\n\n" + safe_lines(text) + "\n")


def _show_command(kind: Kind) -> Callable[..., None]:
    @boundary
    def command(
        ctx: typer.Context,
        record_id: str = typer.Argument(..., metavar="ID", help=f"The {kind.singular}'s id."),
        fmt: str | None = typer.Option(
            None, "--format", "-f", help=f"One of {', '.join(SHOW_FORMATS)}."
        ),
    ) -> None:
        from walcli.views import record_view

        settings = _settings(ctx)
        chosen = _check_format(fmt, SHOW_FORMATS) or "text"
        registry = settings.registry()
        view = record_view(registry, registry.get(kind.name, record_id), settings.lang)
        if chosen == "json":
            sys.stdout.write(to_json(view.as_data()))
        elif chosen == "yaml":
            sys.stdout.write(to_yaml(view.as_data()))
        else:
            _show_text(view, boxed=_is_terminal())

    command.__doc__ = (
        f"Show one {kind.singular}: every field, its references and what refers to it."
    )
    return command


for _kind in KINDS.values():
    _sub = typer.Typer(help=f"The {_kind.name}.", no_args_is_help=True)
    _sub.command("list")(_list_command(_kind))
    _sub.command("show")(_show_command(_kind))
    app.add_typer(_sub, name=_kind.name)


# -- search -------------------------------------------------------------------------------------

SEARCH_COLUMNS = ["kind", "id", "path", "text", "sources"]


@app.command()
@boundary
def search(
    ctx: typer.Context,
    query: str = typer.Argument(..., metavar="TEXT", help="Words to find (all of them)."),
    kind: list[str] | None = typer.Option(
        None, "--kind", "-k", metavar="KIND", help="Only these kinds (repeatable)."
    ),
    fmt: str | None = typer.Option(
        None, "--format", "-f", help=f"One of {', '.join(ROW_FORMATS)}."
    ),
) -> None:
    """Find every fact that mentions TEXT (case and accents ignored), with its sources."""
    from walcli.search import search as run_search

    for name in kind or []:
        if name not in KINDS:
            raise UsageError(f"--kind: no kind {name!r}; expected one of {', '.join(KINDS)}")
    chosen = _check_format(fmt, ROW_FORMATS) or ("table" if _is_terminal() else "tsv")
    settings = _settings(ctx)
    hits = run_search(settings.registry(kind or None), query, settings.lang, kind)
    if chosen == "json":
        sys.stdout.write(to_json([hit.as_dict() for hit in hits]))
    elif chosen == "yaml":
        sys.stdout.write(to_yaml([hit.as_dict() for hit in hits]))
    else:
        rows = [[h.kind, h.id, h.path, h.text, " ".join(h.sources)] for h in hits]
        if chosen == "table":
            _print_rich(to_table(SEARCH_COLUMNS, rows))
        else:
            sys.stdout.write(TEXT_RENDERERS[chosen](SEARCH_COLUMNS, rows))
    if not hits:
        typer.echo(f"wal: nothing mentions {safe(query)!r}", err=True)
        raise typer.Exit(1)


# -- validate -----------------------------------------------------------------------------------

_EXPLAIN_ALL = "all"


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
        help=f"One of {', '.join(PROBLEM_FORMATS)}. "
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
        from walcli.explain import explain as explain_code
        from walcli.explain import listing

        sys.stdout.write(listing() if explain == _EXPLAIN_ALL else explain_code(explain))
        return
    from walcli.reporters import REPORTERS, Report, counts, hints_text

    default = "github" if os.environ.get("GITHUB_ACTIONS") == "true" else "text"
    chosen = _check_format(fmt, PROBLEM_FORMATS) or default
    root = _settings(ctx).root()
    given = sorted({name for f in files or [] for name in _record_files(f, root)})
    if changed:
        from walcli.gitrev import deleted_files

        given = sorted(set(given) | set(deleted_files(root)))
        if not given:
            sys.stdout.write(REPORTERS[chosen](Report.of([])))
            typer.echo("no data file changed: nothing to check", err=True)
            return
    from walcli.validate import check, restrict

    registry = load_registry(root)
    outcome = check(registry)
    if given:
        problems = restrict(outcome.problems, given, registry, outcome.cross)
        checked = given
    else:
        problems, checked = outcome.problems, [record.file for record in registry.all()]
    report = Report.of(problems, checked, strict=strict)
    sys.stdout.write(REPORTERS[chosen](report))
    if chosen == "text":
        sys.stderr.write(hints_text(report))
    tally = counts(report.problems)
    records = sum(len(by_id) for by_id in registry.records.values())
    plural = "" if len(checked) == 1 else "s"
    scope = f", {len(checked)} file{plural} reported on" if given else ""
    typer.echo(
        f"{records} records{scope}, {tally['error']} errors, {tally['warning']} warnings",
        err=True,
    )
    if tally["error"] or (strict and tally["warning"]):
        raise typer.Exit(1)


def _record_files(given: str, root: Path) -> list[str]:
    """A FILES argument as paths relative to the root: a folder stands for every file in it
    (the root itself for the whole registry, as if no FILES were given)."""
    relative = _relative(given, root)
    folder = root / relative
    if not folder.is_dir() or folder.is_symlink() or relative.endswith((".yaml", ".yml")):
        return [relative]  # a file, a path since deleted, or a folder posing as a record
    if relative == ".":
        return []
    found = sorted(
        (Path(relative) / path.relative_to(folder)).as_posix()
        for path in folder.rglob("*")
        if not path.is_dir() or path.is_symlink()
    )
    return found or [relative]


def _relative(given: str, root: Path) -> str:
    path = Path(given)
    absolute = (path if path.is_absolute() else Path.cwd() / path).resolve()
    try:
        return absolute.relative_to(root.resolve()).as_posix()
    except ValueError:
        raise UsageError(f"{given}: not inside the registry at {root}") from None


# -- diff ---------------------------------------------------------------------------------------

DIFF_FORMATS = ("text", "json", "markdown")


@app.command()
@boundary
def diff(
    ctx: typer.Context,
    rev: str = typer.Argument(..., metavar="REV", help="A git revision: HEAD~1, main, a tag."),
    fmt: str | None = typer.Option(
        None, "--format", "-f", help=f"One of {', '.join(DIFF_FORMATS)}. Default: text."
    ),
) -> None:
    """What changed in the records since REV: added, removed, renamed and changed records, each
    changed field old -> new, and references the change breaks. The work tree is compared, as
    it is on disk; git is only read."""
    from walcli.diff import DIFF_RENDERERS, diff_registry

    chosen = _check_format(fmt, DIFF_FORMATS) or "text"
    settings = _settings(ctx)
    result = diff_registry(settings.root(), rev, settings.lang)
    sys.stdout.write(DIFF_RENDERERS[chosen](result))


# -- stats --------------------------------------------------------------------------------------

STATS_FORMATS = ("table", "json", "tsv", "markdown")


@app.command()
@boundary
def stats(
    ctx: typer.Context,
    fmt: str | None = typer.Option(
        None,
        "--format",
        "-f",
        help=f"One of {', '.join(STATS_FORMATS)}. Default: table on a terminal, tsv otherwise.",
    ),
) -> None:
    """Per kind: records, field completeness, sourced facts, conflicts and seed-deck claims."""
    from walcli.stats import as_text, compute, tables

    chosen = _check_format(fmt, STATS_FORMATS) or ("table" if _is_terminal() else "tsv")
    registry = _settings(ctx).registry()
    result = compute(registry)
    if chosen == "json":
        sys.stdout.write(to_json(result.as_dict()))
    elif chosen == "table":
        for title, header, rows in tables(result):
            _print_rich(to_table(header, rows, title=title))
    else:
        sys.stdout.write(as_text(result, chosen))
    unread = sum(p.severity.value == "error" for p in registry.problems)
    if unread:
        typer.echo(f"wal: {unread} files could not be read and are not counted", err=True)


def main() -> None:
    app()

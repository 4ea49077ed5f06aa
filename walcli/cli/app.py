"""The typer app, its global options, and the one boundary where failures become a message on
stderr and an exit code."""

from __future__ import annotations

import functools
import os
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import typer

from walcli import __version__
from walcli.cli.framework import EXAMPLES, Context, WalCommand, WalGroup, run_lang
from walcli.core.errors import UsageError, WalError
from walcli.core.registry import Registry
from walcli.core.root import find_root
from walcli.core.text import LANGS
from walcli.i18n.catalog import msg, t
from walcli.output.formats import Out
from walcli.output.safe import safe

app = typer.Typer(
    name="wal",
    cls=WalGroup,
    help="help.wal",
    epilog="\n".join(
        [
            EXAMPLES,
            "wal poles list --domain biotech",
            "wal plans show marshall-1 --lang fr",
            "wal search hydrogène",
        ]
    ),
    no_args_is_help=True,
    add_completion=True,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def command(**settings: Any) -> Callable[[Callable[..., None]], Callable[..., None]]:
    """`@app.command` with wal's command class (help in the reader's language)."""
    return app.command(cls=WalCommand, **settings)


@dataclass(frozen=True)
class Settings:
    root_option: str | None
    lang: str

    def root(self) -> Path:
        return find_root(self.root_option)

    def registry(self, kinds: list[str] | None = None) -> Registry:
        from walcli.io.scan import load_registry

        return load_registry(self.root(), kinds)


def resolve_lang(option: str | None) -> str:
    """--lang, else WAL_LANG, else French when LANG starts with fr, else English."""
    for value, origin in ((option, "--lang"), (os.environ.get("WAL_LANG"), "WAL_LANG")):
        if value:
            if value not in LANGS:
                raise UsageError(msg("errors.lang", origin=origin, value=value))
            return value
    return "fr" if os.environ.get("LANG", "").lower().startswith("fr") else "en"


def default_lang() -> str:
    """The language when --lang is not given (or not valid yet): as resolve_lang, English
    when WAL_LANG holds something else."""
    try:
        return resolve_lang(None)
    except UsageError:
        return "en"


def _fail(error: WalError, lang: str) -> typer.Exit:
    message, hint = error.localized(lang)
    typer.echo(f"wal: {safe(message)}", err=True)
    if hint:
        typer.echo(t("cli.hint", lang, hint=safe(hint)), err=True)
    return typer.Exit(error.exit_code)


def _lang_now(args: tuple[Any, ...], kwargs: dict[str, Any]) -> str:
    """The run's language, from the command's context (its first argument, by convention)."""
    ctx = next((a for a in (*args, *kwargs.values()) if isinstance(a, Context)), None)
    if ctx is None:
        return default_lang()
    found = ctx.find_object(Settings)
    return found.lang if found is not None else run_lang(ctx)


def boundary(func: Callable[..., None]) -> Callable[..., None]:
    """The one place where failures become a message on stderr and an exit code."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> None:
        try:
            func(*args, **kwargs)
        except WalError as error:
            raise _fail(error, _lang_now(args, kwargs)) from None
        except BrokenPipeError:
            # `wal ... | head` closed the pipe: nothing is wrong, stop quietly.
            sys.stderr.close()
            raise typer.Exit(0) from None

    return wrapper


def _version(value: bool) -> None:
    if value:
        typer.echo(f"wal {__version__}")
        raise typer.Exit()


LANG_HELP = "help.option.lang"


@app.callback()
@boundary
def main_options(
    ctx: typer.Context,
    root: str | None = typer.Option(None, "--root", metavar="DIR", help="help.option.root"),
    lang: str | None = typer.Option(None, "--lang", metavar="fr|en", help=LANG_HELP),
    version: bool = typer.Option(
        False, "--version", callback=_version, is_eager=True, help="help.option.version"
    ),
) -> None:
    ctx.obj = Settings(root, resolve_lang(lang))


def settings(ctx: typer.Context) -> Settings:
    found: Settings = ctx.find_object(Settings) or Settings(None, resolve_lang(None))
    return found


def out() -> Out:
    return Out.stdout()


def main() -> None:
    app()

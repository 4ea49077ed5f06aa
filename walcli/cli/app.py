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
from walcli.core.errors import UsageError, WalError
from walcli.core.registry import Registry
from walcli.core.root import find_root
from walcli.core.text import LANGS
from walcli.output.formats import Out
from walcli.output.safe import safe

app = typer.Typer(
    name="wal",
    help="The registry of Wallonia's industrial policy: query, show and validate its records.",
    no_args_is_help=True,
    add_completion=True,
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
        from walcli.io.scan import load_registry

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


def settings(ctx: typer.Context) -> Settings:
    found: Settings = ctx.find_object(Settings) or Settings(None, resolve_lang(None))
    return found


def out() -> Out:
    return Out.stdout()


def main() -> None:
    app()

"""The typer app, its global options, and the one boundary where failures become a message on
stderr and an exit code."""

from __future__ import annotations

import errno
import functools
import os
import shlex
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import typer

from walcli import __version__
from walcli.cli.framework import EXAMPLES, Context, WalCommand, run_lang
from walcli.cli.lazy import RootGroup
from walcli.core.errors import OutputError, UsageError, WalError
from walcli.core.problems import Severity, cut
from walcli.core.registry import Registry
from walcli.core.root import ROOT_ENV, find_root, nearest_root
from walcli.core.text import LANGS
from walcli.i18n.catalog import msg, t
from walcli.output.formats import Out
from walcli.output.safe import safe

app = typer.Typer(
    name="wal",
    cls=RootGroup,
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

    def root(self, *, bundled: bool = True) -> Path:
        return find_root(self.root_option, bundled=bundled)

    def registry(self, kinds: list[str] | None = None) -> Registry:
        """The registry every answering command reads (list, show, search, stats, diff, and
        any command added later): loaded, and every record that failed to load named on
        stderr, so that nothing leaves an answer without a word."""
        from walcli.io.scan import load_registry

        root = self.root()
        registry = load_registry(root, kinds)
        warn_unloaded(registry, self.validate_command(root), self.lang)
        return registry

    def validate_command(self, root: Path) -> str:
        """`wal validate` as it works from here: with --root when the registry was not found
        from the environment or the working directory."""
        if self.root_option is None and (os.environ.get(ROOT_ENV) or nearest_root() == root):
            return "wal validate"
        return f"wal --root {shlex.quote(str(root))} validate"


def warn_unloaded(registry: Registry, validate: str, lang: str) -> None:
    """One line per file that failed to load (file:line:col, what went wrong), then how to
    see every problem."""
    failed = sorted(
        (p for p in registry.problems if p.severity is Severity.ERROR), key=lambda p: p.file
    )
    for problem in {p.file: p for p in reversed(failed)}.values():
        where = f"{problem.file}:{problem.line}:{problem.column}"
        say(t("cli.not_loaded", lang, where=where, why=problem.message, code=problem.code))
    if failed:
        say(t("cli.hint", lang, hint=t("cli.validate_lists", lang, command=validate)))


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


MAX_SHOWN = 500  # characters of one message line: a 100 kB argument is never echoed in full
DEBUG_ENV = "WAL_DEBUG"


def say(text: str) -> None:
    """One line on stderr, shown safely and cut; nothing if stderr is closed or broken."""
    line = f"{cut(safe(text), MAX_SHOWN)}\n"
    stream = sys.stderr
    if stream is None:
        return
    try:
        stream.write(line)
        stream.flush()
    except (OSError, ValueError):  # stderr closed or full: nowhere left to say it
        pass


def _fail(error: WalError, lang: str) -> typer.Exit:
    message, hint = error.localized(lang)
    say(f"wal: {message}")
    if hint:
        say(t("cli.hint", lang, hint=hint))
    return typer.Exit(error.exit_code)


def _lang_now(args: tuple[Any, ...], kwargs: dict[str, Any]) -> str:
    """The run's language, from the command's context (its first argument, by convention)."""
    ctx = next((a for a in (*args, *kwargs.values()) if isinstance(a, Context)), None)
    if ctx is None:
        return default_lang()
    found = ctx.find_object(Settings)
    return found.lang if found is not None else run_lang(ctx)


def _silence_stdout() -> None:
    """Point stdout at /dev/null, so that what is left in its buffer cannot fail again when
    Python flushes it on exit (a closed pipe, a full disk)."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (AttributeError, OSError, ValueError):  # not a real file (tests): nothing to do
        pass


def _flush() -> None:
    """Write out what stdout holds while the boundary can still report a failure."""
    if sys.stdout is not None:
        sys.stdout.flush()


def _output_failed(exc: OSError, lang: str) -> typer.Exit:
    _silence_stdout()
    if isinstance(exc, BrokenPipeError) or exc.errno == errno.EPIPE:
        # `wal ... | head` closed the pipe: nothing is wrong, stop quietly.
        return typer.Exit(0)
    return _fail(OutputError(msg("errors.output", reason=exc.strerror or str(exc))), lang)


def _exits() -> tuple[type[BaseException], ...]:
    """The exits a command chose: typer's, and click's once click is loaded. An older typer
    runs on click, a newer one on its own copy; wal does not import click just to name its
    classes (nothing raises a class of a module not imported)."""
    click = sys.modules.get("click")
    if click is None:
        return (typer.Exit, typer.Abort)
    return (typer.Exit, typer.Abort, click.exceptions.Exit, click.ClickException)


def boundary(func: Callable[..., None]) -> Callable[..., None]:
    """The one place where failures become one line on stderr and an exit code: 1 for data
    problems and records not found, 2 for usage errors, broken schemas, no registry and an
    output that cannot be written, 130 when interrupted. A failure no code foresaw is still
    one line (exit 2), never a traceback (WAL_DEBUG=1 shows it, for developers)."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> None:
        try:
            func(*args, **kwargs)
            _flush()
        except WalError as error:
            raise _fail(error, _lang_now(args, kwargs)) from None
        except _exits():
            _flush_then_exit(_lang_now(args, kwargs))
            raise
        except OSError as exc:  # reading fails as problems or WalErrors: this is the output
            raise _output_failed(exc, _lang_now(args, kwargs)) from None
        except UnicodeEncodeError as exc:
            unwritable = OutputError(msg("errors.output", reason=exc.reason))
            raise _fail(unwritable, _lang_now(args, kwargs)) from None
        except KeyboardInterrupt:
            say(t("cli.interrupted", _lang_now(args, kwargs)))
            raise typer.Exit(130) from None
        except Exception as exc:
            if os.environ.get(DEBUG_ENV):
                raise
            internal = WalError(
                msg("errors.internal", error=f"{type(exc).__name__}: {exc}"),
                msg("errors.internal_hint", env=DEBUG_ENV),
            )
            raise _fail(internal, _lang_now(args, kwargs)) from None

    return wrapper


def _flush_then_exit(lang: str) -> None:
    """Before an exit the command chose: a closed pipe keeps its exit code (validate's 1
    still fails a pipeline), any other failure to write is reported."""
    try:
        _flush()
    except OSError as exc:
        failed = _output_failed(exc, lang)
        if failed.exit_code != 0:
            raise failed from None


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

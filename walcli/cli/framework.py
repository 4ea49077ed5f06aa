"""What `wal` changes in typer's commands: `--lang` anywhere on the line, help and framework
errors in the reader's language, and help that shows no `<bool>` placeholders.

- `--lang X` (or `--lang=X`) may follow the command (`wal poles list --lang fr`): the root
  group moves it to the front before parsing, leaving everything after `--` alone. A word
  that an option takes as its value is still moved when it is `--lang` (`--where --lang`):
  write such a value after `--`, or as `--where=--lang`.
- Help texts are catalog keys (`help.validate`), rendered when help is printed, in the
  language of the run; so are typer's own panel titles and the framework's usage errors
  (unknown option, missing argument...), which stay typer's English under `--lang en`.
- Options take a named metavar (`--domain ID`); flags show none.
"""

from __future__ import annotations

import copy
import functools
import json
import re
from collections.abc import Sequence
from typing import Any

from typer.core import TyperArgument, TyperCommand, TyperGroup, TyperOption

try:  # newer typer carries its own copy of click
    from typer import _click
    from typer._click import exceptions as errors
except ImportError:  # pragma: no cover - older typer runs on click itself
    import click as _click  # type: ignore[no-redef]
    from click import exceptions as errors  # type: ignore[no-redef]

from walcli.cli.coerce import take_as_given
from walcli.core.text import LANGS

# What a command receives as its context (typer's own Context, or click's before it), and
# what a group holds.
Context = _click.Context
Command = _click.Command
LANG_OPTION = "--lang"
LANG_KEY = "wal.lang"
LANG_COPY = "wal.lang-option"
EXAMPLES = "@examples"


def hoist_lang(args: Sequence[str]) -> list[str]:
    """`--lang X` and `--lang=X` moved to the front, in order; nothing after `--` moves."""
    moved: list[str] = []
    rest: list[str] = []
    index = 0
    while index < len(args):
        arg = args[index]
        if arg == "--":
            rest += args[index:]
            break
        if arg == LANG_OPTION and index + 1 < len(args):
            moved += [arg, args[index + 1]]
            index += 2
            continue
        if arg.startswith(LANG_OPTION + "="):
            moved.append(arg)
        else:
            rest.append(arg)
        index += 1
    return moved + rest


def lang_in(args: Sequence[str]) -> str | None:
    """The last valid --lang value of a hoisted command line, if any."""
    found = None
    for index, arg in enumerate(args):
        if arg == "--":
            break
        value = None
        if arg == LANG_OPTION and index + 1 < len(args):
            value = args[index + 1]
        elif arg.startswith(LANG_OPTION + "="):
            value = arg.partition("=")[2]
        if value in LANGS:
            found = value
    return found


def run_lang(ctx: _click.Context) -> str:
    """The language of this run, as the root group read it (before its callback runs)."""
    found = ctx.find_root().meta.get(LANG_KEY)
    if isinstance(found, str):
        return found
    from walcli.cli.app import default_lang

    return default_lang()


# -- help -----------------------------------------------------------------------------------


def _text(value: str | None, lang: str) -> str | None:
    """A help text: a catalog key rendered in lang, or examples under their heading; escaped
    so that typer's rich markup reads it literally."""
    from rich.markup import escape

    from walcli.i18n.catalog import t

    if not value:
        return value
    if value.startswith(EXAMPLES):
        lines = value.split("\n")[1:]
        heading = t("help.examples", lang)
        return escape(heading + "\n" + "\n".join("  $ " + line for line in lines))
    return escape(_message(value, lang) or value)


def _message(value: str | None, lang: str) -> str | None:
    """The text of a help key (as `help_key` writes it, fields included) in lang, as plain
    text; None when the value is no key of the catalog."""
    from walcli.i18n.catalog import has, t

    key, _, fields = (value or "").partition("?")
    return t(key, lang, **(json.loads(fields) if fields else {})) if has(key) else None


def help_key(key: str, fields: dict[str, str] | None = None) -> str:
    """A help text that is a catalog message with fields (`--format`'s choices)."""
    return f"{key}?{json.dumps(fields)}" if fields else key


def localize_completions(
    command: _click.Command, items: list[Any], ctx: _click.Context
) -> list[Any]:
    """What the shells show beside each completion (zsh, fish): the help of an option or a
    command, rendered from its catalog key in the run's language (a command's cut short, as
    click cuts it), as plain text. The key is the one the object first held: help rendered
    earlier by the same object does not leak its language here."""
    from typer._click.utils import make_default_short_help

    lang = run_lang(ctx)
    options = {opt: param for param in command.params for opt in param.opts}
    commands = getattr(command, "commands", {})
    for item in items:
        name = str(item.value)
        if name in options:
            source, short = _key(options[name], "help"), False
        elif name in commands:
            sub = commands[name]
            source, short = _key(sub, "short_help") or _key(sub, "help"), True
        else:
            continue
        text = _message(source, lang)
        if text is not None:
            item.help = make_default_short_help(text) if short else text
    return items


def _no_type(ctx: _click.Context) -> str | None:
    return None


def _key(thing: object, attr: str) -> str | None:
    """The catalog key first held by THING.ATTR: the text is rendered from it again on every
    call, so a command object used for several runs speaks each run's language."""
    keys: dict[str, str | None] = thing.__dict__.setdefault("_wal_help_keys", {})
    if attr not in keys:
        keys[attr] = getattr(thing, attr)
    return keys[attr]


def localize_help(command: _click.Command, ctx: _click.Context) -> None:
    """Render the help texts of a command (and of the commands a group lists) in the run's
    language, and name what options take."""
    lang = run_lang(ctx)
    _framework_words(lang)
    commands = [command]
    if isinstance(command, TyperGroup):
        commands += list(command.commands.values())
    for each in commands:
        each.help = _text(_key(each, "help"), lang)
        each.short_help = _text(_key(each, "short_help"), lang)
        each.epilog = _text(_key(each, "epilog"), lang)
    for param in command.get_params(ctx):
        if isinstance(param, TyperOption | TyperArgument):
            key = "cli.help_option" if param.name == "help" else _key(param, "help")
            param.help = _text(key, lang)
        if isinstance(param, TyperOption) and param.metavar is None:
            # typer shows <bool> for a flag and <str> for a text option
            param.metavar = "" if param.is_flag else (param.name or "").upper()
        if isinstance(param, TyperArgument):
            # an argument is named by its metavar already; its Python type says nothing
            param.display_type_rich = _no_type  # type: ignore[method-assign]


_ORIGINAL: dict[str, str] = {}
_FRAMEWORK_WORDS = {
    "ARGUMENTS_PANEL_TITLE": "cli.arguments",
    "OPTIONS_PANEL_TITLE": "cli.options",
    "COMMANDS_PANEL_TITLE": "cli.commands",
    "ERRORS_PANEL_TITLE": "cli.error",
    "RICH_HELP": "cli.try_help",
    "REQUIRED_LONG_STRING": "cli.required",
    "DEFAULT_STRING": "cli.default",
}


def _framework_words(lang: str) -> None:
    """typer's own words (panel titles, "Try ... for help") in lang; typer's English under
    en. Only when help or an error is printed: this imports rich."""
    from typer import rich_utils

    from walcli.i18n.catalog import t

    for name, key in _FRAMEWORK_WORDS.items():
        _ORIGINAL.setdefault(name, getattr(rich_utils, name))
        setattr(rich_utils, name, _ORIGINAL[name] if lang == "en" else t(key, lang))


def _usage(command: _click.Command, ctx: _click.Context, formatter: _click.HelpFormatter) -> None:
    from walcli.i18n.catalog import t

    pieces = command.collect_usage_pieces(ctx)
    prefix = t("cli.usage", run_lang(ctx)) + " "
    formatter.write_usage(ctx.command_path, " ".join(pieces), prefix=prefix)


# -- framework errors -----------------------------------------------------------------------


@functools.cache
def _patterns() -> dict[str, re.Pattern[str]]:
    """typer's own English messages, matched (compiled only when one is to be translated)."""
    return {
        "extra": re.compile(
            r"^Got unexpected extra argument(?:s|\(s\))? \((?P<args>.*)\)$", re.DOTALL
        ),
        "command": re.compile(
            r"^No such command '(?P<name>.*)'\.(?: Did you mean (?P<close>.*)\?)?$"
        ),
        "requires": re.compile(r"^Option '(?P<option>.*)' requires an argument\.$"),
    }


def localized_error(error: errors.UsageError, lang: str) -> errors.UsageError:
    """A framework usage error in lang (itself under en: typer's words are English)."""
    if lang == "en":
        return error
    _framework_words(lang)
    text = _translate(error, lang)
    if text is None:
        return error
    localized = errors.UsageError(text, error.ctx)
    localized.exit_code = error.exit_code
    return localized


def _translate(error: errors.UsageError, lang: str) -> str | None:
    from walcli.i18n.catalog import t

    if isinstance(error, errors.NoSuchOption):
        text = t("cli.no_such_option", lang, option=error.option_name)
        if error.possibilities:
            close = ", ".join(sorted(error.possibilities))
            text += " " + t("errors.did_you_mean", lang, choices=close)
        return text
    if isinstance(error, errors.MissingParameter):
        hint = error.param.get_error_hint() if error.param is not None else ""
        kind = "argument" if isinstance(error.param, TyperArgument) else "option"
        return t(f"cli.missing_{kind}", lang, name=hint)
    if isinstance(error, errors.BadParameter):
        hint = error.param.get_error_hint() if error.param is not None else ""
        return t("cli.invalid_value", lang, name=hint, message=error.message)
    message = error.message
    if message == "Missing command.":
        return t("cli.missing_command", lang)
    patterns = _patterns()
    for name, key in (("extra", "cli.extra_arguments"), ("requires", "cli.requires_argument")):
        found = patterns[name].match(message)
        if found:
            return t(key, lang, **found.groupdict())
    found = patterns["command"].match(message)
    if found:
        text = t("cli.no_such_command", lang, name=found.group("name"))
        if found.group("close"):
            text += " " + t("errors.did_you_mean", lang, choices=found.group("close"))
        return text
    return None


# -- the classes ----------------------------------------------------------------------------


def _with_lang(params: list[_click.Parameter], ctx: _click.Context) -> list[_click.Parameter]:
    """A command's parameters and, for its help, the root's --lang (which the root group has
    already taken off the line: here it never receives a value, nor passes one on)."""
    root = ctx.find_root()
    if root is ctx or any(p.name == "lang" for p in params):
        return params
    shown = ctx.meta.get(LANG_COPY)
    if shown is None:
        for param in root.command.params:
            if param.name == "lang":
                shown = ctx.meta[LANG_COPY] = copy.copy(param)
                shown.expose_value = False
    if shown is None:
        return params
    return [*params[:-1], shown, *params[-1:]] if params else [shown]


class WalCommand(TyperCommand):
    def get_params(self, ctx: _click.Context) -> list[_click.Parameter]:
        params = super().get_params(ctx)
        take_as_given(params)
        return _with_lang(params, ctx)

    def parse_args(self, ctx: _click.Context, args: list[str]) -> list[str]:
        try:
            return super().parse_args(ctx, args)
        except errors.UsageError as error:
            raise localized_error(error, run_lang(ctx)) from None

    def format_help(self, ctx: _click.Context, formatter: _click.HelpFormatter) -> None:
        localize_help(self, ctx)
        super().format_help(ctx, formatter)

    def format_usage(self, ctx: _click.Context, formatter: _click.HelpFormatter) -> None:
        _usage(self, ctx, formatter)

    def shell_complete(self, ctx: _click.Context, incomplete: str) -> list[Any]:
        return localize_completions(self, super().shell_complete(ctx, incomplete), ctx)


def sane_columns() -> None:
    """COLUMNS that is not a positive number (COLUMNS=0, COLUMNS=abc) is dropped: rich would
    print nothing at all at width 0, not even an error."""
    import os

    given = os.environ.get("COLUMNS")
    if given is not None and not (given.isdigit() and int(given) > 0):
        del os.environ["COLUMNS"]


class WalGroup(TyperGroup):
    def main(self, *args: Any, **kwargs: Any) -> Any:
        sane_columns()
        return super().main(*args, **kwargs)

    def get_params(self, ctx: _click.Context) -> list[_click.Parameter]:
        params = super().get_params(ctx)
        take_as_given(params)
        return _with_lang(params, ctx)

    def parse_args(self, ctx: _click.Context, args: list[str]) -> list[str]:
        if ctx.parent is None:
            args = hoist_lang(args)
            from walcli.cli.app import default_lang

            ctx.meta[LANG_KEY] = lang_in(args) or default_lang()
        try:
            return super().parse_args(ctx, args)
        except errors.UsageError as error:
            raise localized_error(error, run_lang(ctx)) from None

    def resolve_command(
        self, ctx: _click.Context, args: list[str]
    ) -> tuple[str | None, _click.Command | None, list[str]]:
        try:
            return super().resolve_command(ctx, args)
        except errors.UsageError as error:
            raise localized_error(error, run_lang(ctx)) from None

    def invoke(self, ctx: _click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except errors.UsageError as error:
            if error.__class__ is not errors.UsageError or error.ctx is None:
                raise
            raise localized_error(error, run_lang(ctx)) from None

    def format_help(self, ctx: _click.Context, formatter: _click.HelpFormatter) -> None:
        localize_help(self, ctx)
        super().format_help(ctx, formatter)

    def format_usage(self, ctx: _click.Context, formatter: _click.HelpFormatter) -> None:
        _usage(self, ctx, formatter)

    def shell_complete(self, ctx: _click.Context, incomplete: str) -> list[Any]:
        return localize_completions(self, super().shell_complete(ctx, incomplete), ctx)

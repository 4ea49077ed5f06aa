"""Conditions that stop a command. Each carries the exit code the CLI maps it to.

A message is plain text or a catalog message (`walcli.i18n.catalog.Msg`): the CLI's boundary
renders the latter in the language of the run; `str(error)` and `error.message` are English.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from walcli.i18n.catalog import Msg


def _text(value: str | Msg | None, lang: str) -> str | None:
    if value is None or isinstance(value, str):
        return value
    return value.render(lang)


class WalError(Exception):
    """A failure that ends the command with one message and an exit code."""

    exit_code = 2

    def __init__(self, message: str | Msg, hint: str | Msg | None = None) -> None:
        english = _text(message, "en") or ""
        super().__init__(english)
        self.message = english
        self.hint = _text(hint, "en")
        self._message = message
        self._hint = hint

    def localized(self, lang: str) -> tuple[str, str | None]:
        """(message, hint) in lang."""
        return _text(self._message, lang) or "", _text(self._hint, lang)


class UsageError(WalError):
    """Bad arguments: unknown kind, option or filter value."""

    exit_code = 2


class RegistryNotFound(WalError):
    """No folder with data/ and schemas/ could be found."""

    exit_code = 2


class SchemaError(WalError):
    """A schema file is missing, unreadable or not valid JSON Schema."""

    exit_code = 2


class RecordNotFound(WalError):
    """The asked id is not in the registry."""

    exit_code = 1

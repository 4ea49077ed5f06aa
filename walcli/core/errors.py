"""Conditions that stop a command. Each carries the exit code the CLI maps it to."""

from __future__ import annotations


class WalError(Exception):
    """A failure that ends the command with one message and an exit code."""

    exit_code = 2

    def __init__(self, message: str, hint: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint


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


class OutputError(WalError):
    """The output cannot be written: stdout closed, a full disk, an encoding that fails."""

    exit_code = 2

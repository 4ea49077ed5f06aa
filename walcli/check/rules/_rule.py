"""What a rule is: its codes (each with severity, description and fix), an example of what it
catches, and its check, over one record or over the whole registry."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from walcli.core.problems import Code, Problem

if TYPE_CHECKING:
    from walcli.core.registry import Record, Registry


@dataclass(frozen=True)
class RecordRule:
    """Checks one record at a time; linear in the size of the record."""

    codes: tuple[Code, ...]
    check: Callable[[Record], list[Problem]]
    example: str  # a YAML excerpt that breaks the rule


@dataclass(frozen=True)
class RegistryRule:
    """Checks across records; builds its indexes once, linear in the size of the registry.
    What it finds in one file may be caused by a change to another."""

    codes: tuple[Code, ...]
    check: Callable[[Registry], list[Problem]]
    example: str


Rule = RecordRule | RegistryRule

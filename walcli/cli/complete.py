"""Shell completion of what the registry holds: kinds, and record ids read from file names
(no YAML is parsed, so completion answers at once on any registry)."""

from __future__ import annotations

import os
from collections.abc import Callable

import typer

from walcli.core.errors import WalError
from walcli.core.kinds import KINDS
from walcli.core.paths import RECORD_SUFFIX


def kinds(incomplete: str) -> list[str]:
    return [name for name in KINDS if name.startswith(incomplete)]


def _root_option(ctx: typer.Context) -> str | None:
    given = ctx.find_root().params.get("root")
    return given if isinstance(given, str) else None


def ids_of(kind: str) -> Callable[[typer.Context, str], list[str]]:
    """A completion callback listing the ids of one kind that start with what was typed."""

    def complete(ctx: typer.Context, incomplete: str) -> list[str]:
        from walcli.core.root import find_root

        try:
            folder = find_root(_root_option(ctx)) / KINDS[kind].folder
            names = os.listdir(folder)
        except (WalError, OSError):
            return []
        return sorted(
            stem
            for name in names
            if name.endswith(RECORD_SUFFIX)
            and not name.startswith(".")
            and (stem := name[: -len(RECORD_SUFFIX)]).startswith(incomplete)
        )

    return complete

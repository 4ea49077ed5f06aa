"""The library behind `wal`, for Python users: open a registry, select records, validate,
follow references. The CLI is a thin layer over these same calls."""

from __future__ import annotations

from pathlib import Path

from walcli.core.problems import Problem, shown
from walcli.core.registry import Record, Registry
from walcli.query.filters import ListQuery


def open_registry(root: str | Path | None = None) -> Registry:
    """The registry at root; without one, found as the CLI finds it (WAL_ROOT, then the
    nearest folder upward holding data/ and schemas/, then the bundled snapshot)."""
    from walcli.core.root import find_root
    from walcli.io.scan import load_registry

    return load_registry(find_root(str(root) if root is not None else None))


def select(
    registry: Registry,
    kind: str,
    *,
    where: list[str] | None = None,
    sort: str | None = None,
    **filters: str,
) -> list[Record]:
    """The records of a kind that pass the kind's filters (as on the command line:
    domain="biotech", year="2006") and every --where expression, sorted by id or by sort."""
    from walcli.core.errors import UsageError
    from walcli.core.kinds import KINDS

    if kind not in KINDS:
        raise UsageError(f"no kind {shown(kind)}; expected one of {', '.join(KINDS)}")
    query = ListQuery(KINDS[kind], dict(filters), list(where or []), sort)
    unknown = sorted(set(filters) - {f.option for f in KINDS[kind].filters})
    if unknown:
        raise UsageError(f"{kind} have no filter {shown(unknown[0])}")
    return query.run(registry)


def validate(registry: Registry) -> list[Problem]:
    """Every problem of the registry (files that did not load included), sorted."""
    from walcli.check.engine import check

    return check(registry).problems

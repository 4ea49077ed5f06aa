"""wal: the registry of Wallonia's industrial policy.

>>> import walcli
>>> registry = walcli.open_registry()
>>> [pole.id for pole in walcli.select(registry, "poles", domain="biotech")]
['biowin']
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"
__all__ = ["Problem", "Record", "Registry", "open_registry", "select", "validate"]

if TYPE_CHECKING:
    from walcli.api import open_registry, select, validate
    from walcli.core.problems import Problem
    from walcli.core.registry import Record, Registry


def __getattr__(name: str) -> Any:
    # Imported on first use: `wal --version` and the CLI's start-up stay light.
    if name in ("open_registry", "select", "validate"):
        from walcli import api

        return getattr(api, name)
    if name in ("Record", "Registry"):
        from walcli.core import registry

        return getattr(registry, name)
    if name == "Problem":
        from walcli.core.problems import Problem

        return Problem
    raise AttributeError(name)

"""Where the registry is: --root, else WAL_ROOT, else the nearest folder upward holding data/
and schemas/, else the snapshot bundled in the installed package."""

from __future__ import annotations

import os
from pathlib import Path

from walcli.core.errors import RegistryNotFound
from walcli.core.problems import cut

ROOT_ENV = "WAL_ROOT"
_SHOWN = 120  # characters of a given root echoed in a message


def is_root(folder: Path) -> bool:
    try:
        return (folder / "data").is_dir() and (folder / "schemas").is_dir()
    except (OSError, ValueError):  # a name too long, a NUL byte: no registry there
        return False


def bundled_root() -> Path | None:
    """The snapshot shipped in the wheel, or the source tree of an editable install."""
    package = Path(__file__).resolve().parent.parent
    for candidate in (package / "_registry", package.parent):
        if is_root(candidate):
            return candidate
    return None


def _explicit(given: str, origin: str) -> Path:
    shown = cut(given, _SHOWN)
    try:
        folder = Path(given).expanduser()
    except RuntimeError:  # ~name of a user this system does not know
        raise RegistryNotFound(
            f"{origin} {shown}: no such user's home folder", "give the folder as a full path"
        ) from None
    if not is_root(folder):
        raise RegistryNotFound(
            f"{origin} {shown}: no registry there (expected data/ and schemas/ folders)"
        )
    try:
        return folder.resolve()
    except (OSError, RuntimeError) as exc:
        raise RegistryNotFound(f"{origin} {shown}: {exc}") from None


def nearest_root(cwd: Path | None = None) -> Path | None:
    """The nearest folder at or above the working directory holding a registry."""
    try:
        start = (cwd or Path.cwd()).resolve()
    except (OSError, RuntimeError):  # the working directory was deleted, or cannot be read
        return None
    for folder in (start, *start.parents):
        if is_root(folder):
            return folder
    return None


def find_root(
    explicit: str | None = None, cwd: Path | None = None, *, bundled: bool = True
) -> Path:
    """--root, else WAL_ROOT, else the nearest folder upward holding the registry, else the
    bundled snapshot (unless the caller refuses it: `wal validate` checks real folders only)."""
    for given, origin in ((explicit, "--root"), (os.environ.get(ROOT_ENV), ROOT_ENV)):
        if given:
            return _explicit(given, origin)
    found = nearest_root(cwd)
    if found is not None:
        return found
    if not bundled:
        raise RegistryNotFound(
            "no registry here: neither this folder nor any above it holds data/ and schemas/",
            "run it inside a checkout of the registry, or name one: "
            "`wal --root DIR validate` (or set WAL_ROOT=DIR)",
        )
    snapshot = bundled_root()
    if snapshot is None:
        raise RegistryNotFound(
            "no registry found: run inside a checkout, or pass --root / set WAL_ROOT"
        )
    return snapshot

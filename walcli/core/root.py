"""Where the registry is: --root, else WAL_ROOT, else the nearest folder upward holding data/
and schemas/, else the snapshot bundled in the installed package."""

from __future__ import annotations

import os
from pathlib import Path

from walcli.core.errors import RegistryNotFound

ROOT_ENV = "WAL_ROOT"


def is_root(folder: Path) -> bool:
    return (folder / "data").is_dir() and (folder / "schemas").is_dir()


def bundled_root() -> Path | None:
    """The snapshot shipped in the wheel, or the source tree of an editable install."""
    package = Path(__file__).resolve().parent.parent
    for candidate in (package / "_registry", package.parent):
        if is_root(candidate):
            return candidate
    return None


def find_root(explicit: str | None = None, cwd: Path | None = None) -> Path:
    """--root, else WAL_ROOT, else the nearest folder upward holding the registry, else bundled."""
    for given, origin in ((explicit, "--root"), (os.environ.get(ROOT_ENV), ROOT_ENV)):
        if given:
            folder = Path(given).expanduser()
            if not is_root(folder):
                raise RegistryNotFound(
                    f"{origin} {given}: no registry there (expected data/ and schemas/ folders)"
                )
            return folder.resolve()
    start = (cwd or Path.cwd()).resolve()
    for folder in (start, *start.parents):
        if is_root(folder):
            return folder
    bundled = bundled_root()
    if bundled is None:
        raise RegistryNotFound(
            "no registry found: run inside a checkout, or pass --root / set WAL_ROOT"
        )
    return bundled

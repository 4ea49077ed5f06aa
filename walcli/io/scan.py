"""Load a registry from its folders: every `data/KIND/ID.yaml`, each file read on its own.
Files that fail to load become problems (and their ids stay known, as broken)."""

from __future__ import annotations

import gc
import os
from collections.abc import Iterable
from pathlib import Path

from walcli.core.kinds import KINDS, Kind
from walcli.core.paths import RECORD_SUFFIX
from walcli.core.problems import Code, E, Problem, W
from walcli.core.registry import Record, Registry
from walcli.io.files import NOT_A_FILE, read_file
from walcli.io.yaml import Document

LINK_OUTSIDE_ROOT = Code(
    "link-outside-root",
    E,
    "A symbolic link in a data folder points outside the registry.",
    "Copy the record into the registry instead of linking to it.",
)
STRAY_FILE = Code(
    "stray-file",
    W,
    "A file in a data folder that is not a record (.yaml) is skipped.",
    "Rename it to <id>.yaml if it is a record, or move it out of data/.",
)
CODES = (LINK_OUTSIDE_ROOT, STRAY_FILE)


def _scan_kind(registry: Registry, kind: Kind, track: bool) -> None:
    folder = registry.root / kind.folder
    registry.records[kind.name] = {}
    registry.broken[kind.name] = set()
    if not folder.is_dir():
        return
    root_real = registry.root.resolve()
    with os.scandir(folder) as entries:
        names = sorted((entry.name, entry) for entry in entries if not entry.name.startswith("."))
    for name, entry in names:
        rel = f"{kind.folder}/{name}"
        if not name.endswith(RECORD_SUFFIX):
            what = "folder" if entry.is_dir() else "file"
            hint = " (rename it to .yaml)" if name.endswith(".yml") else ""
            registry.problems.append(STRAY_FILE.in_file(rel, f"skipped {what}{hint}"))
            continue
        stem = name[: -len(RECORD_SUFFIX)]
        loaded = _read_entry(entry, rel, root_real, track)
        if isinstance(loaded, Problem):
            registry.problems.append(loaded)
            registry.broken[kind.name].add(stem)
        else:
            registry.records[kind.name][stem] = Record(kind.name, stem, rel, loaded)


def _read_entry(entry: os.DirEntry[str], rel: str, root: Path, track: bool) -> Document | Problem:
    path = Path(entry.path)
    if entry.is_symlink():
        target = path.resolve()
        if not target.is_relative_to(root):
            return LINK_OUTSIDE_ROOT.in_file(rel, "the link points outside the registry")
    if not entry.is_file():
        return NOT_A_FILE.in_file(rel, "not a regular file")
    return read_file(path, rel, track=track)


def _scan_strays(registry: Registry) -> None:
    data = registry.root / "data"
    for entry in sorted(os.scandir(data), key=lambda e: e.name):
        if entry.name not in KINDS and not entry.name.startswith("."):
            registry.problems.append(
                STRAY_FILE.in_file(f"data/{entry.name}", "not a kind's folder: skipped")
            )


def load_registry(
    root: Path, kinds: Iterable[str] | None = None, *, track: bool = True
) -> Registry:
    """Read the given kinds (all by default). Files that fail to load become problems."""
    registry = Registry(root)
    chosen = list(KINDS) if kinds is None else sorted(set(kinds))
    # Loading only adds objects that live on (and short-lived node trees that reference
    # counting frees), so the cyclic collector has nothing to find; yet its passes over the
    # growing registry would double the load time. It resumes, as it was, once loaded.
    collecting = gc.isenabled()
    gc.disable()
    try:
        for name in chosen:
            _scan_kind(registry, KINDS[name], track)
        if kinds is None:
            _scan_strays(registry)
    finally:
        if collecting:
            gc.enable()
    return registry

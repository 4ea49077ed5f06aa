"""Load a registry from its folders: every `data/KIND/ID.yaml`, each file read on its own.
Files that fail to load become problems (and their ids stay known, as broken)."""

from __future__ import annotations

import gc
import os
from collections.abc import Iterable
from pathlib import Path

from walcli.core.dates import years_as_text
from walcli.core.kinds import KINDS, Kind
from walcli.core.paths import RECORD_SUFFIX, shown_name
from walcli.core.problems import Code, Problem, W
from walcli.core.registry import Record, Registry
from walcli.i18n.catalog import msg
from walcli.io.files import LINK_OUTSIDE_ROOT, NOT_A_FILE, inside, read_file

STRAY_FILE = Code(
    "stray-file",
    W,
    "A file in a data folder that is not a record (.yaml) is skipped.",
    "Rename it to <id>.yaml if it is a record, or move it out of data/.",
)
CODES = (STRAY_FILE,)


def _entries(registry: Registry, folder: Path, rel: str) -> list[os.DirEntry[str]] | None:
    """The entries of a folder by name (hidden ones aside), or None, with a problem, when it
    cannot be listed or lies outside the registry (a kind's folder linked elsewhere)."""
    if not inside(os.path.realpath(folder), registry.real_root):
        registry.problems.append(LINK_OUTSIDE_ROOT.in_file(rel, msg("loader.folder_outside")))
        return None
    try:
        with os.scandir(folder) as found:
            return sorted((e for e in found if not e.name.startswith(".")), key=lambda e: e.name)
    except OSError as exc:
        registry.problems.append(
            NOT_A_FILE.in_file(
                rel, msg("loader.folder_unreadable", reason=exc.strerror or str(exc))
            )
        )
        return None


def _scan_kind(registry: Registry, kind: Kind, track: bool) -> None:
    folder = registry.root / kind.folder
    registry.records[kind.name] = {}
    registry.broken[kind.name] = set()
    if not os.path.lexists(folder):
        return
    if not folder.is_dir():
        registry.problems.append(STRAY_FILE.in_file(kind.folder, msg("loader.kind_not_folder")))
        return
    entries = _entries(registry, folder, kind.folder)
    for entry in entries or []:
        name = shown_name(entry.name)  # a name that is not UTF-8 is shown with \xff escapes
        rel = f"{kind.folder}/{name}"
        if not name.endswith(RECORD_SUFFIX):
            what = "folder" if entry.is_dir() else "yml" if name.endswith(".yml") else "file"
            registry.problems.append(STRAY_FILE.in_file(rel, msg(f"loader.stray.{what}")))
            continue
        stem = name[: -len(RECORD_SUFFIX)]
        loaded = read_file(Path(entry.path), rel, track=track, root=registry.real_root)
        if isinstance(loaded, Problem):
            registry.problems.append(loaded)
            registry.broken[kind.name].add(stem)
        else:
            registry.records[kind.name][stem] = Record(kind.name, stem, rel, loaded)


def _scan_strays(registry: Registry) -> None:
    for entry in _entries(registry, registry.root / "data", "data") or []:
        if entry.name not in KINDS:
            registry.problems.append(
                STRAY_FILE.in_file(f"data/{shown_name(entry.name)}", msg("loader.stray.kind"))
            )


def _dates_as_text(registry: Registry, kind: Kind) -> None:
    """Years at the schema's date places become text, as DESIGN.md §2 wants them in every
    output (the schema is only read when the kind has records)."""
    records = registry.records[kind.name]
    if not records:
        return
    patterns = registry.schemas.dates(kind.schema)
    for record in records.values():
        years_as_text(record.doc, patterns)


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
            _dates_as_text(registry, KINDS[name])
        if kinds is None:
            _scan_strays(registry)
    finally:
        if collecting:
            gc.enable()
    return registry

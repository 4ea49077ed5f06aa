"""Exports of the whole registry: the one table of exporters.

Each exporter is a module of this package with `write(tables, path, options)`; it is imported
only when chosen, so openpyxl and sqlite3 load only for the export that needs them. Every
export goes through `export()`: the target is checked first (never replaced without
`force`), the registry is turned into tables once (`tables.build`), and the result is written
beside the target and renamed into place (`atomic`).
"""

from __future__ import annotations

import importlib
import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from walcli.core.errors import UsageError

if TYPE_CHECKING:
    from walcli.core.registry import Registry
    from walcli.export.tables import Tables


@dataclass(frozen=True)
class Options:
    lang: str = "en"
    excel: bool = False  # csv: UTF-8 with BOM, ';' and CRLF, decimal commas


class Writer(Protocol):
    def __call__(self, tables: Tables, path: Path, options: Options) -> None: ...


def _csv_file(name: str) -> bool:
    return name.endswith(".csv")


def _package_file(name: str) -> bool:
    return name.endswith(".csv") or name == "datapackage.json"


@dataclass(frozen=True)
class Exporter:
    name: str
    description: str
    folder: bool  # writes a folder (else one file)
    module: str
    suffixes: tuple[str, ...] = ()  # --out suffixes that choose this format
    allowed: Callable[[str], bool] | None = None  # names a folder it may replace may hold

    def writer(self, options: Options) -> Writer:
        """The module's write function, once its preflight (if any) passed."""
        module = importlib.import_module(self.module)
        preflight = getattr(module, "preflight", None)
        if preflight is not None:
            preflight(options)
        found: Writer = module.write
        return found


EXPORTERS: dict[str, Exporter] = {
    exporter.name: exporter
    for exporter in (
        Exporter(
            "csv",
            "a folder: a CSV file per kind, plus records, claims, sources and links",
            True,
            "walcli.export.csv",
            allowed=_csv_file,
        ),
        Exporter(
            "xlsx",
            "an Excel workbook: a sheet per kind, plus records, claims, sources and links",
            False,
            "walcli.export.xlsx",
            (".xlsx",),
        ),
        Exporter(
            "sqlite",
            "a SQLite database: a table per kind, claims, sources, links, full-text search",
            False,
            "walcli.export.sqlite",
            (".db", ".sqlite", ".sqlite3"),
        ),
        Exporter(
            "datapackage",
            "a folder: a Frictionless data package (datapackage.json and CSV resources)",
            True,
            "walcli.export.datapackage",
            allowed=_package_file,
        ),
        Exporter(
            "json",
            "one JSON document: every record by kind, and the links",
            False,
            "walcli.export.json",
            (".json",),
        ),
    )
}
STDOUT = "-"


def choose(name: str | None, out: str) -> Exporter:
    """The exporter named, else the one the --out suffix implies."""
    if name is None:
        suffix = Path(out).suffix.lower()
        found = [e for e in EXPORTERS.values() if suffix and suffix in e.suffixes]
        if not found:
            raise UsageError(
                f"--format: missing; expected one of {', '.join(EXPORTERS)}",
                "wal export --format sqlite --out wal.db",
            )
        return found[0]
    exporter = EXPORTERS.get(name)
    if exporter is None:
        raise UsageError(f"--format: expected one of {', '.join(EXPORTERS)}, got {name!r}")
    return exporter


def target_path(out: str) -> Path:
    """--out as an absolute path (`.` has no name to write beside), links not followed."""
    return Path(os.path.abspath(out)) if out != STDOUT else Path(STDOUT)


def prepare(exporter: Exporter, out: str, *, force: bool, options: Options) -> Writer:
    """Check the options and the target before any work: the writer to use."""
    from walcli.export import atomic

    if options.excel and exporter.name != "csv":
        raise UsageError("--excel: only for --format csv")
    if out == STDOUT:
        if exporter.name != "json":
            raise UsageError("--out -: only --format json can be written to stdout")
    else:
        atomic.check_target(target_path(out), exporter.folder, force, exporter.allowed)
    return exporter.writer(options)


def export(
    registry: Registry, exporter: Exporter, out: str, *, force: bool, options: Options
) -> Tables:
    """Write the registry to out (a file or a folder, per the exporter, or stdout for json);
    the tables written."""
    from walcli.export import atomic
    from walcli.export.tables import build

    write = prepare(exporter, out, force=force, options=options)
    tables = build(registry)

    def fill(path: Path) -> None:
        write(tables, path, options)

    target = target_path(out)
    if out == STDOUT:
        fill(target)
    elif exporter.folder:
        assert exporter.allowed is not None
        atomic.write_folder(target, fill, force=force, allowed=exporter.allowed)
    else:
        atomic.write_file(target, fill, force=force)
    return tables

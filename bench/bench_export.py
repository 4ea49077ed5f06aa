"""Benchmark (issue 12): `wal export` in every format, against `wal validate` in the same run.

    python bench/bench_export.py                      # repository data, then 2,000 and 10,000
    python bench/bench_export.py --sizes 2000,20000   # other clone sizes

Two measures, each contender a fresh process, interleaved (the order flips every round), the
median kept:

1. On the repository's own data: each export (`wal export --format F --out ... --force`)
   against `wal validate`. Target: every export at most 3x validate.
2. On clones of the repository's clean records (bench_validate.py's builder: ids and
   references rewritten per copy, so each clone is a valid registry) at two sizes: each
   export and validate, with peak memory. Target: from the smaller size to the larger, each
   export's time and peak memory grow at most 1.25x as fast as the record count (linear).
   The export / validate ratio at each size is printed too.

Before timing, every export of the smaller clone is read back and must hold every record.
Temporary folders are removed. Exit status 1 when a target is missed.
"""

from __future__ import annotations

import argparse
import csv
import json
import math
import sqlite3
import sys
import tempfile
from pathlib import Path

from _timing import REPO, Contender, fmt_seconds, interleave
from bench_validate import LINEAR_SLACK, build, clean_records

FORMATS = {
    "csv": "out-csv",
    "xlsx": "wal.xlsx",
    "sqlite": "wal.db",
    "datapackage": "out-package",
    "json": "wal.json",
}
AT_MOST_VALIDATE = 3.0
VALIDATE = "wal validate"


def contenders(root: Path, out: Path) -> list[Contender]:
    python = sys.executable
    base = [python, "-m", "walcli", "--root", str(root)]
    found = [Contender(VALIDATE, [*base, "validate"], cwd=REPO)]
    for fmt, name in FORMATS.items():
        command = [*base, "export", "--format", fmt, "--out", str(out / name), "--force"]
        found.append(Contender(f"wal export --format {fmt}", command, cwd=REPO))
    return found


def records_in(fmt: str, path: Path) -> int:
    """How many records an export holds, read back (the records table / document)."""
    if fmt == "sqlite":
        with sqlite3.connect(path) as connection:
            (count,) = connection.execute("SELECT count(*) FROM records").fetchone()
            return int(count)
    if fmt == "json":
        return sum(json.loads(path.read_text(encoding="utf-8"))["counts"].values())
    if fmt == "xlsx":
        from openpyxl import load_workbook

        book = load_workbook(path, read_only=True)
        try:
            return sum(1 for _ in book["records"].iter_rows(min_row=2, max_col=1))
        finally:
            book.close()
    with (path / "records.csv").open(encoding="utf-8", newline="") as handle:
        return sum(1 for _ in csv.reader(handle)) - 1


def measure(root: Path, runs: int, label: str, expected: int | None = None) -> dict[str, Contender]:
    with tempfile.TemporaryDirectory(prefix="wal-bench-export-out-") as tmp:
        out = Path(tmp)
        everyone = contenders(root, out)
        interleave(everyone, runs, memory=True)
        if expected is not None:
            for fmt, name in FORMATS.items():
                held = records_in(fmt, out / name)
                if held != expected:
                    raise SystemExit(f"{fmt}: {held} records exported, expected {expected}")
    print(f"\n== {label}, {runs} run(s) each")
    validate = everyone[0].median
    for contender in everyone:
        print(
            f"  {contender.name:30} median {fmt_seconds(contender.median)}"
            f"  {contender.median / validate:5.2f}x validate  peak {contender.peak_mib:7.1f} MiB"
        )
    return {c.name: c for c in everyone}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="2000,10000", help="two clone sizes (records)")
    parser.add_argument("--runs", type=int, default=5, help="timed runs on the repository data")
    parser.add_argument("--runs-clone", type=int, default=3, help="timed runs per clone size")
    args = parser.parse_args(argv)
    sizes = sorted(int(s) for s in args.sizes.split(","))
    if len(sizes) != 2:
        raise SystemExit("--sizes: give two sizes")

    checks: list[tuple[str, float, float]] = []  # what, measured, bound (measured <= bound)
    repo = measure(REPO, args.runs, f"repository data ({REPO / 'data'})")
    for name, contender in repo.items():
        if name != VALIDATE:
            ratio = contender.median / repo[VALIDATE].median
            checks.append((f"{name} / validate, repository data", ratio, AT_MOST_VALIDATE))

    bases = clean_records(REPO)
    results = []
    for size in sizes:
        with tempfile.TemporaryDirectory(prefix="wal-bench-export-") as tmp:
            root = Path(tmp)
            count = build(bases, size, root)
            label = f"{count} records ({math.ceil(size / len(bases))} copies of {len(bases)})"
            results.append((count, measure(root, args.runs_clone, label, expected=count)))

    (small, first), (large, last) = results
    scale = large / small
    for name in first:
        for what, before, after in (
            ("time", first[name].median, last[name].median),
            ("peak memory", first[name].peak_mib, last[name].peak_mib),
        ):
            checks.append(
                (
                    f"{name} {what} {large}/{small} (x{scale:.1f})",
                    after / before,
                    scale * LINEAR_SLACK,
                )
            )

    print("\ntargets (measured <= bound):")
    for what, measured, bound in checks:
        verdict = "met" if measured <= bound else "MISSED"
        print(f"  {what:62} {measured:6.2f}x  (<= {bound:.2f}x)  {verdict}")
    return 0 if all(measured <= bound for _, measured, bound in checks) else 1


if __name__ == "__main__":
    sys.exit(main())

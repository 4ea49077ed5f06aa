"""Benchmark 3 (issue 11): `wal report` against `wal validate`, on the repository's data and
on clones of it.

    python bench/bench_report.py                      # repository data, then 2,500 and 10,000
    python bench/bench_report.py --sizes 10000,20000  # other clone sizes

For each registry, times interleaved fresh processes (median of --runs):

  validate   `python -m walcli --root DIR validate`
  report     `python -m walcli --root DIR report --out OUT`: the whole site (index, timeline,
             a page per kind and per record) written to a folder emptied before each run
             (removing the previous run's pages is counted in the report's time)

The clones are bench/bench_validate.py's: copies of the records of data/ that validate
cleanly, ids and references rewritten per copy. Temporary folders are removed.

Targets (exit status 1 if one is missed): on the repository's data the report costs at most
3x `wal validate`; from the smaller clone to the larger, the report's time grows at most 1.25x
as fast as the record count (linear).
"""

from __future__ import annotations

import argparse
import math
import sys
import tempfile
from pathlib import Path

from _timing import REPO, Contender, clean_env, fmt_seconds, interleave
from bench_validate import build, clean_records

AT_MOST_VALIDATE = 3.0  # the report of the repository's data, against wal validate
LINEAR_SLACK = 1.25  # per-record time may grow by at most 25% from size to size


def contenders(root: Path, out: Path) -> tuple[Contender, Contender]:
    python = sys.executable
    env = clean_env({"PYTHONPATH": str(REPO)})  # this checkout's walcli, installed or not
    validate = Contender(
        "wal validate", [python, "-m", "walcli", "--root", str(root), "validate"], env=env
    )
    report = Contender(
        "wal report --out DIR",
        [
            "sh",
            "-c",
            'rm -rf "$1" && exec "$2" -m walcli --root "$3" report --out "$1"',
            "sh",
            str(out),
            python,
            str(root),
        ],
        env=env,
    )
    return validate, report


def measure(root: Path, records: int, runs: int, label: str) -> tuple[float, float]:
    """(validate, report) medians on one registry, and the site it gives checked once."""
    with tempfile.TemporaryDirectory(prefix="wal-bench-report-out-") as tmp:
        out = Path(tmp) / "site"
        validate, report = contenders(root, out)
        interleave([validate, report], runs)
        pages = sum(1 for _ in out.rglob("*.md"))
    if pages < records:
        raise SystemExit(f"{label}: the report wrote {pages} pages for {records} records")
    print(
        f"  {label:28} {records:6} records  validate {fmt_seconds(validate.median)}"
        f"  report {fmt_seconds(report.median)}  ({pages} pages)"
        f"  report/validate {report.median / validate.median:5.2f}x"
    )
    return validate.median, report.median


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="2500,10000", help="two clone sizes, comma-separated")
    parser.add_argument("--runs", type=int, default=5, help="timed runs on the repository's data")
    parser.add_argument("--runs-clone", type=int, default=3, help="timed runs on each clone")
    args = parser.parse_args(argv)
    sizes = sorted(int(s) for s in args.sizes.split(","))
    if len(sizes) != 2:
        raise SystemExit("--sizes: give two sizes")

    from walcli.io.scan import load_registry

    records = load_registry(REPO).count()
    print(f"repository data ({records} records), {args.runs} runs each, interleaved:")
    validate, report = measure(REPO, records, args.runs, "repository")
    checks = [
        ("report / validate, repository data", report / validate, AT_MOST_VALIDATE),
    ]

    bases = clean_records(REPO)
    print(f"\nclones of {len(bases)} clean records, {args.runs_clone} runs each, interleaved:")
    times = []
    for size in sizes:
        with tempfile.TemporaryDirectory(prefix="wal-bench-report-") as tmp:
            root = Path(tmp)
            count = build(bases, size, root)
            label = f"clone x{math.ceil(size / len(bases))}"
            times.append((count, measure(root, count, args.runs_clone, label)[1]))
    (small, small_time), (large, large_time) = times
    scale = large / small
    what = f"report time {large} / {small} (records x{scale:.2f})"
    checks.append((what, large_time / small_time, scale * LINEAR_SLACK))
    print("\ntargets:")
    for what, measured, bound in checks:
        verdict = "met" if measured <= bound else "MISSED"
        print(f"  {what:48} {measured:6.2f}x  (want <= {bound:.2f}x)  {verdict}")
    return 0 if all(measured <= bound for _, measured, bound in checks) else 1


if __name__ == "__main__":
    sys.exit(main())

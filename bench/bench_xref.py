"""Benchmark 3 (issue 10): `wal refs`, `wal timeline` and `wal graph` against `wal validate`.

    python bench/bench_xref.py                          # repository, then 2,500 and 10,000
    python bench/bench_xref.py --sizes 1000,4000 --runs 1 --repo-runs 5   # a quick look

Two parts, each timed in fresh processes, interleaved (the order flipped every round), the
median kept (see bench/_timing.py):

1. The repository's data: `wal validate`, `wal refs marshall-1`, `wal timeline` (piped, so
   tsv), `wal timeline --format table`, `wal graph` (mermaid), `wal graph --format json` and
   `--format dot`. Target: each costs no more than `wal validate` (ratio <= 1.00).
2. Clones of the repository's clean records (bench/bench_validate.py's builder: ids and
   references rewritten per copy) at each size: `wal validate`, `wal timeline`,
   `wal graph --format json` and, for information, `wal refs` of one cloned plan; wall time
   and peak RSS. Target: linear, i.e. the cost per record of `wal timeline` and
   `wal graph --format json` at the largest size is at most 1.3x that at the smallest.

Before timing each clone, an untimed check runs `wal timeline --format json` and
`wal graph --format json` on it and makes sure they did the whole work: as many events as
one copy of the records has, times the number of copies; a node per record.
Exit status 1 when a target is missed. Temporary folders are removed.
"""

from __future__ import annotations

import argparse
import json
import math
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

from _timing import REPO, Contender, clean_env, fmt_seconds, interleave
from bench_validate import Base, build, clean_records

LINEAR_SLACK = 1.3  # cost per record may grow by at most 30% from the smallest size
NOT_ABOVE_VALIDATE = 1.0
VALIDATE = "wal validate"
LINEAR = ("wal timeline", "wal graph --format json")
REFS = "wal refs PLAN (a cloned plan)"


@dataclass
class Size:
    records: int
    contenders: dict[str, Contender]


def wal(root: Path, *args: str) -> list[str]:
    return [sys.executable, "-m", "walcli", "--root", str(root), *args]


def repository_contenders() -> list[Contender]:
    found = [Contender(VALIDATE, wal(REPO, "validate"), cwd=REPO)]
    for args in (
        ("refs", "marshall-1"),
        ("timeline",),
        ("timeline", "--format", "table"),
        ("graph",),
        ("graph", "--format", "json"),
        ("graph", "--format", "dot"),
    ):
        found.append(Contender("wal " + " ".join(args), wal(REPO, *args), cwd=REPO))
    return found


def clone_contenders(root: Path, plan: str) -> list[Contender]:
    # Run from the repository, so that `python -m walcli` is this checkout's.
    return [
        Contender(VALIDATE, wal(root, "validate"), cwd=REPO),
        Contender("wal timeline", wal(root, "timeline"), cwd=REPO),
        Contender("wal graph --format json", wal(root, "graph", "--format", "json"), cwd=REPO),
        Contender(REFS, wal(root, "refs", plan), cwd=REPO),
    ]


def _json(command: list[str]) -> object:
    done = subprocess.run(
        command, capture_output=True, text=True, env=clean_env(), cwd=REPO, check=False
    )
    if done.returncode != 0:
        raise SystemExit(f"{' '.join(command)}: exit {done.returncode}\n{done.stderr[-2000:]}")
    return json.loads(done.stdout)


def events_per_copy(bases: list[Base]) -> int:
    with tempfile.TemporaryDirectory(prefix="wal-bench-xref-") as tmp:
        root = Path(tmp)
        build(bases, len(bases), root)
        found = _json(wal(root, "timeline", "--format", "json"))
        assert isinstance(found, list)
        return len(found)


def check_clone(root: Path, copies: int, per_copy: int, records: int) -> None:
    events = _json(wal(root, "timeline", "--format", "json"))
    graph = _json(wal(root, "graph", "--format", "json"))
    assert isinstance(events, list) and isinstance(graph, dict)
    if len(events) != copies * per_copy:
        raise SystemExit(f"timeline: {len(events)} events, expected {copies} x {per_copy}")
    if len(graph["nodes"]) != records:
        raise SystemExit(f"graph: {len(graph['nodes'])} nodes, expected {records}")
    print(
        f"  check: {len(events)} events ({copies} copies x {per_copy}), "
        f"{len(graph['nodes'])} nodes, {len(graph['edges'])} edges"
    )


def run_repository(runs: int) -> list[tuple[str, str, float, float, bool]]:
    contenders = repository_contenders()
    print(f"\nrepository data ({REPO / 'data'}): {runs} interleaved runs each")
    interleave(contenders, runs)
    base = contenders[0].median
    print(f"  {'command':36} {'median':>11} {'min':>11}  vs validate")
    checks = []
    for contender in contenders:
        ratio = contender.median / base
        print(
            f"  {contender.name:36} {fmt_seconds(contender.median)} "
            f"{fmt_seconds(min(contender.seconds))}  {ratio:5.2f}x"
        )
        if contender.name != VALIDATE:
            what = f"{contender.name} / validate, repository"
            met = ratio <= NOT_ABOVE_VALIDATE
            checks.append((what, "<=", ratio, NOT_ABOVE_VALIDATE, met))
    return checks


def run_size(bases: list[Base], size: int, runs: int, per_copy: int) -> Size:
    with tempfile.TemporaryDirectory(prefix="wal-bench-xref-") as tmp:
        root = Path(tmp)
        records = build(bases, size, root)
        copies = math.ceil(size / len(bases))
        plan = next(b.id for b in bases if b.kind == "plans") + "-c0"
        print(f"\n{records} records ({copies} copies): {runs} interleaved runs each")
        check_clone(root, copies, per_copy, records)
        contenders = clone_contenders(root, plan)
        interleave(contenders, runs, memory=True)
        base = contenders[0].median
        print(f"  {'command':36} {'median':>11} {'per record':>11} {'peak MiB':>9}  vs validate")
        for contender in contenders:
            print(
                f"  {contender.name:36} {fmt_seconds(contender.median)} "
                f"{contender.median / records * 1e6:8.0f} us {contender.peak_mib:9.1f}"
                f"  {contender.median / base:5.2f}x"
            )
        return Size(records, {contender.name: contender for contender in contenders})


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="2500,10000", help="comma-separated record counts")
    parser.add_argument("--runs", type=int, default=3, help="timed runs per clone size")
    parser.add_argument("--repo-runs", type=int, default=10, help="timed runs on the repository")
    args = parser.parse_args(argv)
    sizes = sorted(int(s) for s in args.sizes.split(","))

    checks = run_repository(args.repo_runs)
    bases = clean_records(REPO)
    if not bases:
        raise SystemExit("no record of data/ validates cleanly: nothing to clone")
    per_copy = events_per_copy(bases)
    print(f"\ncloning {len(bases)} clean records of {REPO / 'data'} ({per_copy} events a copy)")
    results = [run_size(bases, size, args.runs, per_copy) for size in sizes]

    if len(results) > 1:
        first, last = results[0], results[-1]
        print(f"\ncost per record, {last.records} / {first.records} records:")
        for name in (VALIDATE, *LINEAR, REFS):
            growth = (last.contenders[name].median / last.records) / (
                first.contenders[name].median / first.records
            )
            print(f"  {name:36} {growth:5.2f}x")
            if name in LINEAR:
                what = f"{name}: per-record cost {last.records} / {first.records}"
                checks.append((what, "<=", growth, LINEAR_SLACK, growth <= LINEAR_SLACK))
    print("\ntargets:")
    for what, relation, measured, bound, met in checks:
        print(
            f"  {what:56} {measured:6.2f}x  (want {relation} {bound:.2f}x)  "
            f"{'met' if met else 'MISSED'}"
        )
    return 0 if all(check[-1] for check in checks) else 1


if __name__ == "__main__":
    sys.exit(main())

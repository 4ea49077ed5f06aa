"""The schema verdict alone (issue 8): jsonschema-rs check against jsonschema, in one process.

    python bench/bench_schema_check.py                  # 3,000 pole records
    python bench/bench_schema_check.py --kind all -n 10000

Takes the records of the repository's data/ for one kind (or every kind), already parsed as
wal parses them, and deep-copies them round-robin into N records (distinct objects, real size).
Then times, interleaved over --rounds rounds (order alternated, median kept), the verdict on all
N records for:

  jsonschema-rs     walcli.schema.fast.compile_check: what `wal validate` asks first
  jsonschema        the kind's Draft202012Validator (same registry and format checker as wal),
                    list(iter_errors(record)): what wal would pay without the fast check
  fastschema        walcli.fastschema, the hand-written compiler it replaced, when the tree
                    still has it (run this script on the commit before, to compare)

Every contender must reach the same verdicts (the script exits 1 otherwise). Prints seconds,
microseconds per record and each contender's time as a multiple of jsonschema-rs's.
"""

from __future__ import annotations

import argparse
import copy
import statistics
import sys
import time
from collections.abc import Callable
from typing import Any

from _timing import REPO

from walcli.core.kinds import KINDS
from walcli.io.scan import load_registry
from walcli.schema.fast import compile_check

Verdict = Callable[[Any], bool]


def contenders(kind: str) -> dict[str, Verdict]:
    """name -> verdict function, for one kind's schema."""
    registry = load_registry(REPO)
    schemas = registry.schemas
    name = KINDS[kind].schema
    full = schemas.validator(name).full
    found: dict[str, Verdict] = {
        "jsonschema-rs": compile_check(schemas.documents, name),
        "jsonschema": lambda record: not list(full.iter_errors(record)),
    }
    try:
        from walcli import fastschema
    except ImportError:
        return found
    found["fastschema"] = fastschema.compile_check(full, list(schemas.documents.values()))
    return found


def records(kinds: list[str], count: int) -> dict[str, list[Any]]:
    """kind -> its share of `count` records, deep copies of data/'s records taken in turn."""
    registry = load_registry(REPO)
    pool = [(kind, record.data) for kind in kinds for record in registry.of(kind)]
    out: dict[str, list[Any]] = {kind: [] for kind in kinds}
    for index in range(count):
        kind, data = pool[index % len(pool)]
        out[kind].append(copy.deepcopy(data))
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--kind", default="poles", choices=[*sorted(KINDS), "all"])
    parser.add_argument("-n", "--records", type=int, default=3000)
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args(argv)
    kinds = sorted(KINDS) if args.kind == "all" else [args.kind]
    batches = records(kinds, args.records)
    checks = {kind: contenders(kind) for kind in kinds}
    names = list(checks[kinds[0]])
    verdicts: dict[str, list[bool]] = {}
    seconds: dict[str, list[float]] = {name: [] for name in names}
    for round_ in range(args.rounds):
        for name in names if round_ % 2 == 0 else reversed(names):
            start = time.perf_counter()
            got = [checks[kind][name](r) for kind in kinds for r in batches[kind]]
            seconds[name].append(time.perf_counter() - start)
            verdicts.setdefault(name, got)
    total = sum(len(batch) for batch in batches.values())
    valid = {name: sum(got) for name, got in verdicts.items()}
    print(f"{total} records ({', '.join(kinds)}), {args.rounds} rounds, median:")
    base = statistics.median(seconds["jsonschema-rs"])
    for name in names:
        median = statistics.median(seconds[name])
        print(
            f"  {name:<14} {median:8.3f} s  {median / total * 1e6:8.1f} us/record"
            f"  {median / base:6.2f}x  ({valid[name]} valid)"
        )
    if len({tuple(got) for got in verdicts.values()}) != 1:
        print("the contenders disagree on some verdict", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())

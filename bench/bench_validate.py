"""Benchmark 2 (issue 4): `wal validate` at scale, against check-jsonschema and the floor.

    python bench/bench_validate.py                        # 10,000 records
    python bench/bench_validate.py --sizes 10000,100000   # and the scaling check

By default check-jsonschema and the floor run at the smallest size only (they serve the
targets measured there; check-jsonschema takes about 30 ms a record); at larger sizes only
wal runs, for the scaling targets. See --help.

For each size, builds a registry in a temporary folder by cloning the records of the
repository's data/ that validate cleanly (ids, file names and references rewritten per copy,
so the clone validates cleanly too), with the repository's schemas/, then times, interleaved:

  wal              `python -m walcli --root DIR validate`: schemas, references, positions, rules
  check-jsonschema `check-jsonschema --base-uri ... --schemafile schemas/KIND.schema.json FILES`,
                   once per kind (batched under the system's argument limit)
  floor            bench/floor_validate.py: libyaml + one reused validator per kind, nothing else

Each measurement runs in a fresh wrapper process that reports the child's wall time and peak
RSS. Before timing, a self-check on one copy of the clean records makes sure every contender
passes it, then breaks one cloned file and makes sure every contender reports it (so
check-jsonschema really resolves defs.schema.json). Temporary folders are removed.

Targets (exit status 1 if one is missed): wal at least 5x faster than check-jsonschema and
within 1.5x of the floor at the smallest size; from the smallest size to the largest, wal's
time and peak memory grow at most 1.25x as fast as the record count.
"""

from __future__ import annotations

import argparse
import math
import os
import re
import shutil
import sys
import tempfile
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from _timing import REPO, Contender, fmt_seconds, interleave, run_once

from walcli.check.engine import check as check_registry
from walcli.core.kinds import KINDS
from walcli.io.scan import load_registry

FASTER_THAN_CJS = 5.0  # wal at least 5x faster than check-jsonschema
NEAR_FLOOR = 1.5  # wal within 1.5x of the floor
LINEAR_SLACK = 1.25  # per-record time and memory may grow by at most 25% from size to size
SLUG_CHAR = re.compile(r"[a-z0-9-]")


@dataclass(frozen=True)
class Base:
    """One clean source record: its text and where its id and reference values stand."""

    kind: str
    id: str
    text: str
    spots: tuple[tuple[int, int, str], ...]  # (line, column, value) for the id and references


def clean_records(source: Path) -> list[Base]:
    """The records of SOURCE with no problem at all, and only references among themselves."""
    registry = load_registry(source)
    bad = {p.file for p in check_registry(registry).problems}
    keep = {(r.kind, r.id): r for r in registry.all() if r.file not in bad and "id" in r.data}
    while True:  # drop records whose references now dangle, until none does
        dangling = [
            key
            for key, record in keep.items()
            if any(
                (ref.target_kind, ref.target_id) not in keep
                for ref in registry.references_of(record)
            )
        ]
        if not dangling:
            break
        for key in dangling:
            del keep[key]
    bases = []
    for (kind, record_id), record in sorted(keep.items()):
        spots = [(*record.doc.positions[("id",)], record_id)]
        for ref in registry.references_of(record):
            spots.append((*record.doc.positions[ref.path], ref.target_id))
        text = (source / record.file).read_text(encoding="utf-8-sig")
        bases.append(Base(kind, record_id, text, tuple(spots)))
    return bases


def _insertion_points(base: Base) -> list[int]:
    """Character offsets just after each id value, found on its line near its column."""
    starts = [0]
    for line in base.text.split("\n"):
        starts.append(starts[-1] + len(line) + 1)
    points = []
    for line, column, value in base.spots:
        row = base.text[starts[line - 1] : starts[line] - 1]
        found = [
            m.start()
            for m in re.finditer(re.escape(value), row)
            if (m.start() == 0 or not SLUG_CHAR.match(row[m.start() - 1]))
            and (m.end() == len(row) or not SLUG_CHAR.match(row[m.end()]))
        ]
        if not found:
            raise SystemExit(f"{base.kind}/{base.id}: cannot find {value!r} on line {line}")
        nearest = min(found, key=lambda start: abs(start - (column - 1)))
        points.append(starts[line - 1] + nearest + len(value))
    return sorted(set(points), reverse=True)


def build(bases: list[Base], size: int, root: Path) -> int:
    """Whole copies of the clean records, ids suffixed -cK, until at least SIZE records."""
    shutil.copytree(REPO / "schemas", root / "schemas")
    for kind in KINDS:
        (root / "data" / kind).mkdir(parents=True)
    copies = math.ceil(size / len(bases))
    for base in bases:
        points = _insertion_points(base)
        pieces = []
        previous = len(base.text)
        for point in points:  # split the text at each insertion point
            pieces.append(base.text[point:previous])
            previous = point
        pieces.append(base.text[:previous])
        pieces.reverse()
        folder = root / "data" / base.kind
        for copy in range(copies):
            suffix = f"-c{copy}"
            with open(folder / f"{base.id}{suffix}.yaml", "w", encoding="utf-8") as out:
                out.write(suffix.join(pieces))
    return copies * len(bases)


def _arg_limit() -> int:
    """Room for file arguments on one command line, like xargs: half of ARG_MAX, minus env."""
    try:
        arg_max = os.sysconf("SC_ARG_MAX")
    except (ValueError, OSError):
        arg_max = 131072
    env = sum(len(k) + len(v) + 2 for k, v in os.environ.items())
    return max(32768, arg_max // 2 - env - 4096)


def cjs_driver(root: Path) -> Path:
    """A script running check-jsonschema once per kind (batched), failing if any run fails."""
    script = root / "run_check_jsonschema.py"
    exe = shutil.which("check-jsonschema")
    if exe is None:
        raise SystemExit("check-jsonschema not found: pip install -e '.[bench]'")
    script.write_text(
        f"""import os, subprocess, sys
root, exe, limit = {str(root)!r}, {exe!r}, {_arg_limit()}
failed = 0
for kind in {list(KINDS)!r}:
    names = sorted(n for n in os.listdir(os.path.join(root, "data", kind)) if n.endswith(".yaml"))
    schema = os.path.join(root, "schemas", kind + ".schema.json")
    # --base-uri: defs.schema.json resolves next to the schema even if a schema gets a
    # relative $id again (one would make it resolve against the working directory).
    head = [exe, "--base-uri", "file://" + schema, "--schemafile", schema]
    batch, length = [], 0
    for name in names + [None]:
        path = None if name is None else "data/" + kind + "/" + name
        if batch and (path is None or length + len(path) + 1 > limit):
            failed |= subprocess.run(head + batch, cwd=root).returncode != 0
            batch, length = [], 0
        if path is not None:
            batch.append(path)
            length += len(path) + 1
sys.exit(1 if failed else 0)
""",
        encoding="utf-8",
    )
    return script


def contenders(root: Path, driver: Path, with_cjs: bool, with_floor: bool) -> list[Contender]:
    python = sys.executable
    found = [Contender(WAL, [python, "-m", "walcli", "--root", str(root), "validate"])]
    if with_cjs:
        found.append(Contender(CJS, [python, str(driver)], cwd=root))
    if with_floor:
        found.append(Contender(FLOOR, [python, str(REPO / "bench/floor_validate.py"), str(root)]))
    return found


def self_check(bases: list[Base]) -> None:
    """On one copy of the clean records: every contender passes it; then, with one record's
    id broken (a pattern that lives in defs.schema.json), every contender fails and names
    the file. So check-jsonschema really resolves the shared definitions."""
    with tempfile.TemporaryDirectory(prefix="wal-bench-check-") as tmp:
        root = Path(tmp)
        build(bases, len(bases), root)
        everyone = contenders(root, cjs_driver(root), with_cjs=True, with_floor=True)
        for contender in everyone:
            run_once(contender)  # exits with a message unless the clean clone passes
        base = next((b for b in bases if b.kind == "poles"), bases[0])
        path = root / "data" / base.kind / f"{base.id}-c0.yaml"
        original = path.read_text(encoding="utf-8")
        broken = re.sub(r"(?m)^id: .*$", "id: Not_A_Slug", original, count=1)
        assert broken != original
        path.write_text(broken, encoding="utf-8")
        for contender in everyone:
            probe = Contender(contender.name, contender.command, cwd=contender.cwd, ok_codes=(1,))
            done = run_once(probe)
            if path.name not in done.stdout + done.stderr:
                raise SystemExit(f"self-check: {contender.name} did not name {path.name}")
    print(
        f"self-check: on {len(bases)} cloned records every contender passes, and every one "
        f"reports a broken id in {path.relative_to(root)}"
    )


@dataclass
class Result:
    size: int
    contenders: dict[str, Contender]


def run_size(bases: list[Base], size: int, runs: int, with_cjs: bool, with_floor: bool) -> Result:
    with tempfile.TemporaryDirectory(prefix="wal-bench-") as tmp:
        root = Path(tmp)
        count = build(bases, size, root)
        print(
            f"\n== {count} records ({math.ceil(size / len(bases))} copies of {len(bases)}), "
            f"{runs} run(s) each"
        )
        everyone = contenders(root, cjs_driver(root), with_cjs, with_floor)
        interleave(everyone, runs, memory=True)
        for contender in everyone:
            print(
                f"  {contender.name:30} median {fmt_seconds(contender.median)}"
                f"  (runs: {', '.join(f'{s:.2f}' for s in contender.seconds)} s)"
                f"  peak {contender.peak_mib:7.1f} MiB"
            )
        return Result(count, {c.name: c for c in everyone})


def _sizes(value: str, sizes: list[int]) -> set[int]:
    if value == "smallest":
        return {sizes[0]}
    if value == "all":
        return set(sizes)
    if value == "none":
        return set()
    return {int(s) for s in value.split(",")}


WAL, CJS, FLOOR = "wal validate", "check-jsonschema", "floor (libyaml + jsonschema)"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="10000", help="comma-separated record counts")
    parser.add_argument("--runs", type=int, default=3, help="timed runs at the smallest size")
    parser.add_argument("--runs-large", type=int, default=1, help="timed runs at larger sizes")
    parser.add_argument(
        "--cjs-sizes",
        default="smallest",
        help="where to run check-jsonschema: smallest, all, "
        "none or a list of sizes (it takes about 30 ms a record)",
    )
    parser.add_argument(
        "--floor-sizes", default="smallest", help="where to run the floor (same choices)"
    )
    parser.add_argument("--no-self-check", action="store_true")
    args = parser.parse_args(argv)
    sizes = sorted(int(s) for s in args.sizes.split(","))
    cjs_sizes = _sizes(args.cjs_sizes, sizes)
    floor_sizes = _sizes(args.floor_sizes, sizes)

    bases = clean_records(REPO)
    if not bases:
        raise SystemExit("no record of data/ validates cleanly: nothing to clone")
    by_kind: dict[str, int] = defaultdict(int)
    for base in bases:
        by_kind[base.kind] += 1
    print(
        f"cloning {len(bases)} clean records of {REPO / 'data'}: "
        + ", ".join(f"{n} {k}" for k, n in sorted(by_kind.items()))
    )
    if not args.no_self_check:
        self_check(bases)

    results = [
        run_size(
            bases,
            size,
            args.runs if i == 0 else args.runs_large,
            size in cjs_sizes,
            size in floor_sizes,
        )
        for i, size in enumerate(sizes)
    ]

    print("\n" + "=" * 78)
    print(
        f"{'records':>8} {'contender':30} {'median':>11} {'per record':>11} {'peak MiB':>9}"
        f" {'vs wal':>7}"
    )
    for result in results:
        wal = result.contenders[WAL]
        for name, contender in result.contenders.items():
            print(
                f"{result.size:8} {name:30} {fmt_seconds(contender.median)} "
                f"{contender.median / result.size * 1e6:8.0f} us {contender.peak_mib:9.1f}"
                f" {contender.median / wal.median:6.2f}x"
            )
    checks: list[tuple[str, str, float, float, bool]] = []  # what, relation, value, bound, met
    first = results[0]
    wal_time = first.contenders[WAL].median
    if CJS in first.contenders:
        speedup = first.contenders[CJS].median / wal_time
        what = f"check-jsonschema / wal, {first.size} records"
        checks.append((what, ">=", speedup, FASTER_THAN_CJS, speedup >= FASTER_THAN_CJS))
    if FLOOR in first.contenders:
        near = wal_time / first.contenders[FLOOR].median
        checks.append(
            (f"wal / floor, {first.size} records", "<=", near, NEAR_FLOOR, near <= NEAR_FLOOR)
        )
    if len(results) > 1:
        last = results[-1]
        scale = last.size / first.size
        bound = scale * LINEAR_SLACK
        time_ratio = last.contenders[WAL].median / wal_time
        memory_ratio = last.contenders[WAL].peak_mib / first.contenders[WAL].peak_mib
        for what, ratio in (("time", time_ratio), ("peak memory", memory_ratio)):
            checks.append(
                (
                    f"wal {what} {last.size} / {first.size} (records x{scale:.2f})",
                    "<=",
                    ratio,
                    bound,
                    ratio <= bound,
                )
            )
    print("\ntargets:")
    for what, relation, measured, bound, met in checks:
        print(
            f"  {what:50} {measured:7.2f}x  (want {relation} {bound:.2f}x)  "
            f"{'met' if met else 'MISSED'}"
        )
    return 0 if all(check[-1] for check in checks) else 1


if __name__ == "__main__":
    sys.exit(main())

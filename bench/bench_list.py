"""Benchmark 1 (issues 2 and 9): `wal poles list --domain biotech` and `wal plans show
marshall-1`, output piped, against the floor.

The floor is bench/baseline_app.py: a minimal typer app printing a small rich table. All run
as fresh `python` processes, interleaved, N times each; the medians are compared.

    python bench/bench_list.py            # 20 runs each, targets 1.3 (list) and 1.5 (show)
    python bench/bench_list.py --runs 40 --target 1.3 --show-target 1.5

Exit status 1 when a median ratio wal / baseline exceeds its target.
"""

from __future__ import annotations

import argparse
import sys

from _timing import REPO, Contender, fmt_seconds, interleave

WAL_ARGS = ["poles", "list", "--domain", "biotech"]
# The record view: the whole registry (for what refers to the record), its schemas, the
# catalog and Babel's locale data for one language.
SHOW_ARGS = ["plans", "show", "marshall-1"]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=20, help="timed runs of each (default 20)")
    parser.add_argument("--warmup", type=int, default=2, help="untimed runs of each first")
    parser.add_argument("--target", type=float, default=1.3, help="max list ratio (default 1.3)")
    parser.add_argument(
        "--show-target", type=float, default=1.5, help="max show ratio (default 1.5)"
    )
    args = parser.parse_args(argv)

    python = sys.executable
    contenders = [
        Contender(
            "baseline (typer + rich table)", [python, str(REPO / "bench/baseline_app.py")], cwd=REPO
        ),
        Contender("wal " + " ".join(WAL_ARGS), [python, "-m", "walcli", *WAL_ARGS], cwd=REPO),
        Contender("wal " + " ".join(SHOW_ARGS), [python, "-m", "walcli", *SHOW_ARGS], cwd=REPO),
        # For information: the same listing rendered as a rich table, as on a terminal.
        Contender(
            "wal ... --format table", [python, "-m", "walcli", *WAL_ARGS, "-f", "table"], cwd=REPO
        ),
    ]
    interleave(contenders, args.warmup)
    for contender in contenders:
        contender.seconds.clear()
    interleave(contenders, args.runs)

    base = contenders[0].median
    print(f"{'command':44} {'median':>11} {'min':>11}  ratio")
    for contender in contenders:
        print(
            f"{contender.name:44} {fmt_seconds(contender.median)} "
            f"{fmt_seconds(min(contender.seconds))}  {contender.median / base:.2f}x"
        )
    verdicts = []
    for contender, target in ((contenders[1], args.target), (contenders[2], args.show_target)):
        ratio = contender.median / base
        met = ratio <= target
        verdicts.append(met)
        print(
            f"target: {contender.name} <= {target:.2f}x baseline; measured {ratio:.2f}x: "
            f"{'met' if met else 'MISSED'} ({args.runs} interleaved runs each, medians)"
        )
    return 0 if all(verdicts) else 1


if __name__ == "__main__":
    sys.exit(main())

"""Benchmark 1 (issue 2): `wal poles list --domain biotech`, output piped, against the floor.

The floor is bench/baseline_app.py: a minimal typer app printing a small rich table. Both run
as fresh `python` processes, interleaved, N times each; the medians are compared.

    python bench/bench_list.py            # 20 runs each, target ratio 1.3
    python bench/bench_list.py --runs 40 --target 1.3

Exit status 1 when the median ratio wal / baseline exceeds the target.
"""

from __future__ import annotations

import argparse
import sys

from _timing import REPO, Contender, fmt_seconds, interleave

WAL_ARGS = ["poles", "list", "--domain", "biotech"]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=20, help="timed runs of each (default 20)")
    parser.add_argument("--warmup", type=int, default=2, help="untimed runs of each first")
    parser.add_argument("--target", type=float, default=1.3, help="max ratio (default 1.3)")
    args = parser.parse_args(argv)

    python = sys.executable
    contenders = [
        Contender(
            "baseline (typer + rich table)", [python, str(REPO / "bench/baseline_app.py")], cwd=REPO
        ),
        Contender("wal " + " ".join(WAL_ARGS), [python, "-m", "walcli", *WAL_ARGS], cwd=REPO),
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
    ratio = contenders[1].median / base
    verdict = "met" if ratio <= args.target else "MISSED"
    print(
        f"\ntarget: wal list <= {args.target:.2f}x baseline; measured {ratio:.2f}x: {verdict}"
        f" ({args.runs} interleaved runs each, medians)"
    )
    return 0 if ratio <= args.target else 1


if __name__ == "__main__":
    sys.exit(main())

"""Benchmark (issue 7): `wal diff HEAD` is linear in renamed records.

Builds git repositories of N poles (distinct names, summaries, sites and sources; domains,
years and a source title shared by many), commits, then either renames every record (new
file name and id, one field edited) or edits every record in place. Times, interleaved,
`wal --root REPO diff HEAD --format json` on:

- baseline: 400 records changed in place (no rename to find);
- 100 records renamed;
- 400 records renamed.

    python bench/bench_diff.py              # 5 runs each
    python bench/bench_diff.py --runs 9

Targets: renamed(400) / baseline <= 2.0 (finding renames costs about what diffing the same
records costs) and renamed(400) / renamed(100) <= 6.0 (4x the records, 4x the time plus the
fixed start-up; quadratic matching gave 15x: 8 s -> 119 s). Exit 1 when a target is missed.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from _timing import REPO, Contender, clean_env, fmt_seconds, interleave

DOMAINS = ["biotech", "aerospace", "logistics", "agrifood", "mechanical-engineering"]


def pole(n: int, record_id: str, site: str) -> str:
    return (
        f"id: {record_id}\n"
        f"name:\n  fr: Pôle numéro {n}\n  en: Cluster number {n}\n"
        f"summary:\n  fr: Le pôle {n} réunit entreprises et centres de recherche.\n"
        f"  en: Cluster {n} brings firms and research centres together.\n"
        f"domain: {DOMAINS[n % len(DOMAINS)]}\n"
        f"labelled:\n  - value: {2006 + n % 4}\n    sources: [gazette]\n"
        f"website: https://{site}.example.org/\n"
        "sources:\n"
        "  - id: gazette\n"
        "    title: Pôles de compétitivité labellisés\n"
        f"    url: https://news.example.org/poles/{n}\n"
    )


def git(root: Path, *args: str) -> None:
    env = {
        **os.environ,
        "GIT_CONFIG_NOSYSTEM": "1",
        "GIT_CONFIG_GLOBAL": os.devnull,
        "GIT_AUTHOR_NAME": "bench",
        "GIT_AUTHOR_EMAIL": "bench@example.org",
        "GIT_COMMITTER_NAME": "bench",
        "GIT_COMMITTER_EMAIL": "bench@example.org",
    }
    subprocess.run(["git", *args], cwd=root, env=env, check=True, capture_output=True)


def build(parent: Path, name: str, size: int, rename: bool) -> Path:
    """A repository of `size` poles, committed, then renamed (or edited) in the work tree."""
    root = parent / name
    shutil.copytree(REPO / "schemas", root / "schemas")
    poles = root / "data" / "poles"
    poles.mkdir(parents=True)
    for n in range(size):
        (poles / f"pole-{n}.yaml").write_text(pole(n, f"pole-{n}", f"pole-{n}"), "utf-8")
    git(root, "init", "--quiet")
    git(root, "add", "--all")
    git(root, "commit", "--quiet", "--no-verify", "-m", "poles")
    for n in range(size):
        (poles / f"pole-{n}.yaml").unlink()
        new_id = f"renamed-{n}" if rename else f"pole-{n}"
        (poles / f"{new_id}.yaml").write_text(pole(n, new_id, f"new-{n}"), "utf-8")
    return root


def check(contender: Contender, expected: dict[str, int]) -> None:
    done = subprocess.run(
        list(contender.command), env=clean_env(), capture_output=True, text=True, check=True
    )
    counts = json.loads(done.stdout)["counts"]
    if {k: v for k, v in counts.items() if v} != expected:
        raise SystemExit(f"{contender.name}: unexpected diff {counts}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=5, help="timed runs of each (default 5)")
    args = parser.parse_args(argv)

    with tempfile.TemporaryDirectory(prefix="wal-bench-diff-") as tmp:
        parent = Path(tmp)
        cases = [
            ("baseline: 400 changed", 400, False, {"changed": 400}),
            ("100 renamed", 100, True, {"renamed": 100}),
            ("400 renamed", 400, True, {"renamed": 400}),
        ]
        contenders = []
        for label, size, rename, expected in cases:
            root = build(parent, label.split(":")[0].replace(" ", "-"), size, rename)
            command = [sys.executable, "-m", "walcli", "--root", str(root)]
            contender = Contender(label, [*command, "diff", "HEAD", "--format", "json"], cwd=REPO)
            check(contender, expected)
            contenders.append(contender)
        interleave(contenders, args.runs)

    base, small, large = (c.median for c in contenders)
    print(f"{'wal diff HEAD on':26} {'median':>11} {'min':>11}  ratio")
    for contender in contenders:
        print(
            f"{contender.name:26} {fmt_seconds(contender.median)} "
            f"{fmt_seconds(min(contender.seconds))}  {contender.median / base:.2f}x"
        )
    against_base, scaling = large / base, large / small
    met = against_base <= 2.0 and scaling <= 6.0
    print(
        f"\ntargets: 400 renamed <= 2.00x baseline, measured {against_base:.2f}x; "
        f"400 renamed <= 6.00x 100 renamed, measured {scaling:.2f}x: "
        f"{'met' if met else 'MISSED'} ({args.runs} interleaved runs each, medians)"
    )
    return 0 if met else 1


if __name__ == "__main__":
    sys.exit(main())

"""Shared helpers for the benchmarks: repeated, interleaved subprocess runs and peak memory.

No external tool: each run is a fresh child process timed with perf_counter; contenders are
interleaved (and their order alternated) so that a noisy neighbour hits them alike; the figure
kept is the median.
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent

# Runs one command and prints, as JSON, its wall time and its own peak RSS. A fresh wrapper per
# measurement: RUSAGE_CHILDREN's ru_maxrss is the maximum over every child the process waited
# for, so reusing one process would report the largest child seen so far.
_WRAPPER = r"""
import json, resource, subprocess, sys, time
cmd = json.loads(sys.argv[1])
cwd = sys.argv[2] or None
start = time.perf_counter()
done = subprocess.run(cmd, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
elapsed = time.perf_counter() - start
peak_kib = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss  # KiB on Linux
print(json.dumps({"seconds": elapsed, "peak_kib": peak_kib, "rc": done.returncode,
                  "stdout": done.stdout.decode("utf-8", "replace")[-2000:],
                  "stderr": done.stderr.decode("utf-8", "replace")[-2000:]}))
"""


@dataclass
class Contender:
    name: str
    command: Sequence[str]
    cwd: Path | None = None
    env: Mapping[str, str] | None = None
    ok_codes: tuple[int, ...] = (0,)
    seconds: list[float] = field(default_factory=list)
    peaks_kib: list[int] = field(default_factory=list)

    @property
    def median(self) -> float:
        return statistics.median(self.seconds)

    @property
    def peak_mib(self) -> float:
        return max(self.peaks_kib) / 1024 if self.peaks_kib else float("nan")


def clean_env(extra: Mapping[str, str] | None = None) -> dict[str, str]:
    """The current environment without settings that would change what wal reads or prints,
    nor PYTHONDONTWRITEBYTECODE: an installed wal runs from compiled bytecode, as the
    baseline's typer and rich do, so the warm-up runs may leave __pycache__ (git ignores it)
    rather than every timed run compiling wal's sources again."""
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in ("WAL_ROOT", "WAL_LANG", "COLUMNS", "PYTHONDONTWRITEBYTECODE")
    }
    env.pop("GITHUB_ACTIONS", None)
    env.update(extra or {})
    return env


def run_once(contender: Contender, *, memory: bool = False) -> subprocess.CompletedProcess[str]:
    """One run: time it (and its peak RSS through a fresh wrapper process when asked)."""
    env = dict(contender.env) if contender.env is not None else clean_env()
    if memory:
        wrapped = subprocess.run(
            [
                sys.executable,
                "-c",
                _WRAPPER,
                json.dumps(list(contender.command)),
                str(contender.cwd or ""),
            ],
            env=env,
            capture_output=True,
            text=True,
            check=True,
        )
        report = json.loads(wrapped.stdout)
        contender.seconds.append(report["seconds"])
        contender.peaks_kib.append(report["peak_kib"])
        done = subprocess.CompletedProcess(
            contender.command, report["rc"], report["stdout"], report["stderr"]
        )
    else:
        start = time.perf_counter()
        done = subprocess.run(
            list(contender.command),
            cwd=contender.cwd,
            env=env,
            capture_output=True,
            text=True,
        )
        contender.seconds.append(time.perf_counter() - start)
    if done.returncode not in contender.ok_codes:
        raise SystemExit(
            f"{contender.name}: exit code {done.returncode} (expected {contender.ok_codes})\n"
            f"command: {' '.join(contender.command)}\nstderr:\n{done.stderr[-2000:]}"
        )
    return done


def interleave(contenders: Sequence[Contender], runs: int, *, memory: bool = False) -> None:
    """`runs` timed runs of each, interleaved; the order flips every round."""
    for round_ in range(runs):
        order = contenders if round_ % 2 == 0 else list(reversed(contenders))
        for contender in order:
            run_once(contender, memory=memory)


def fmt_seconds(value: float) -> str:
    return f"{value * 1000:8.1f} ms" if value < 10 else f"{value:8.2f} s "

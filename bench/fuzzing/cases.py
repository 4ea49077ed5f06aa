"""A case end to end: the template folder, a mutated copy of it, its runs and their verdicts."""

from __future__ import annotations

import contextlib
import os
import random
import re
import shutil
import subprocess
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .commands import WRITERS, Command, Invocation, plan
from .mutations import mutate
from .oracles import Failure, Snapshot, judge, listed_files, no_filter
from .running import Outcome, invoke, invoke_real
from .values import CANARY, KEEP_ME, KINDS, REPO, Pools, dump_yaml, load_yaml, walk

# -- the case folder ------------------------------------------------------------------------


def _git(root: Path, *args: str) -> None:
    env = {
        **os.environ,
        "GIT_AUTHOR_NAME": "fuzz",
        "GIT_AUTHOR_EMAIL": "fuzz@example.invalid",
        "GIT_COMMITTER_NAME": "fuzz",
        "GIT_COMMITTER_EMAIL": "fuzz@example.invalid",
        "GIT_AUTHOR_DATE": "2024-01-01T00:00:00Z",
        "GIT_COMMITTER_DATE": "2024-01-01T00:00:00Z",
        "GIT_CONFIG_NOSYSTEM": "1",
        "GIT_CONFIG_GLOBAL": os.devnull,
    }
    subprocess.run(["git", *args], cwd=root, env=env, check=True, capture_output=True)


class Template:
    """The unmutated case folder, built once per process; each case is a copy of it."""

    def __init__(self, base: Path, repo: Path = REPO) -> None:
        self.dir = base / "template"
        reg = self.dir / "reg"
        for folder in ("data", "schemas"):
            shutil.copytree(repo / folder, reg / folder)
        self.pools = _pools(reg)
        outside = self.dir / "outside"
        shutil.copytree(reg / "data", outside / "data")
        for path in sorted((outside / "data").rglob("*.yaml")):
            data = load_yaml(path.read_bytes())
            if isinstance(data, dict):
                data["name"] = {"fr": CANARY, "en": CANARY}
                data["summary"] = {"fr": CANARY, "en": CANARY}
                path.write_bytes(dump_yaml(data))
        (outside / "canary.txt").write_text(f"{CANARY}: {CANARY}\n")
        (self.dir / "out").mkdir()
        (self.dir / "out" / "existing.md").write_text(KEEP_ME)
        self.git = shutil.which("git") is not None
        if self.git:
            _git(reg, "init", "-q", "-b", "main")
            _git(reg, "add", "-A")
            _git(reg, "commit", "-q", "-m", "registry")

    def instantiate(self, dest: Path) -> Path:
        shutil.copytree(self.dir, dest, symlinks=True)
        return dest


def _pools(reg: Path) -> Pools:
    pools = Pools()
    sources: set[str] = set()
    words: set[str] = set()
    texts: dict[tuple[str, str], set[str]] = {}
    for kind in KINDS:
        pools.ids[kind] = sorted(p.stem for p in (reg / "data" / kind).glob("*.yaml"))
        paths: set[str] = set()
        for file in sorted((reg / "data" / kind).glob("*.yaml")):
            data = load_yaml(file.read_bytes())
            texts[(kind, file.stem)] = {v for _, v in walk(data) if isinstance(v, str)}
            for path, value in walk(data):
                dotted = ".".join(str(s) for s in path if not isinstance(s, int))
                if dotted:
                    paths.add(dotted)
                if path[-1:] == ("id",) and len(path) == 3 and path[0] == "sources":
                    sources.add(str(value))
                if isinstance(value, str) and len(words) < 400:
                    words.update(w for w in re.findall(r"\w{5,}", value)[:3])
        pools.paths[kind] = sorted(paths)
    pools.sources = sorted(sources)
    pools.words = sorted(words)
    every = {i for ids in pools.ids.values() for i in ids}
    for record, values in sorted(texts.items()):
        for named in sorted(values & every - {record[1]}):
            pools.referrers.setdefault(named, []).append(record)
    return pools


# -- a case, end to end ----------------------------------------------------------------------


@dataclass
class CaseResult:
    index: int
    mutations: list[tuple[str, str]]
    runs: int
    failures: list[Failure]
    seconds: float


def case_rng(seed: int, index: int) -> random.Random:
    return random.Random(f"{seed}:{index}")


def build_case(
    template: Template,
    dest: Path,
    seed: int,
    index: int,
    commands: list[Command],
    formats_per_command: int,
) -> tuple[list[tuple[str, str]], list[Invocation]]:
    """The case's folder (mutated) and its invocations; the same for the same seed and index."""
    rng = case_rng(seed, index)
    template.instantiate(dest)
    mutations, touched = mutate(rng, dest, template.pools)
    return mutations, plan(rng, template.pools, commands, formats_per_command, touched)


def context_for(case: Path, inv: Invocation) -> dict[str, Any]:
    """What the oracles need to know before the run."""
    context: dict[str, Any] = {}
    if inv.key == "KIND list" and no_filter(inv):
        context["expected_records"] = listed_files(case, inv.command.split()[0])
    return context


def run_one(
    app: Any,
    case: Path,
    inv: Invocation,
    *,
    timeout: float,
    memory_mb: int,
    real: bool = False,
) -> tuple[Outcome, list[Failure]]:
    """Run one invocation and judge it."""
    context = context_for(case, inv)
    writes = inv.command.split()[0] in WRITERS
    before = Snapshot.of(case) if not writes else None
    keep = (case / "out" / "existing.md").read_bytes() if writes else None
    if real or inv.real:
        outcome = invoke_real(inv, case, timeout=timeout, memory_mb=memory_mb)
    else:
        outcome = invoke(app, inv, case, timeout=timeout, memory_mb=memory_mb)
    if before is not None and not outcome.timed_out:
        context["changed"] = before.changes(Snapshot.of(case))
    if writes and "--force" not in inv.args:
        path = case / "out" / "existing.md"
        context["overwrote"] = not path.is_file() or path.read_bytes() != keep
    return outcome, judge(inv, outcome, context)


def run_case(
    app: Any,
    template: Template,
    base: Path,
    seed: int,
    index: int,
    commands: list[Command],
    *,
    formats_per_command: int = 2,
    pick: Callable[[list[Invocation]], list[Invocation]] | None = None,
    timeout: float = 20.0,
    memory_mb: int = 1536,
) -> CaseResult:
    """Build a case, run its invocations in this process, judge each, remove the case."""
    start = time.perf_counter()
    dest = base / f"case-{seed}-{index}"
    try:
        mutations, runs = build_case(template, dest, seed, index, commands, formats_per_command)
        if pick is not None:
            runs = pick(runs)
        failures: list[Failure] = []
        hangs = 0
        for inv in runs:
            if hangs >= 2:
                break
            outcome, found = run_one(app, dest, inv, timeout=timeout, memory_mb=memory_mb)
            hangs += outcome.timed_out
            for failure in found:
                failure.mutations, failure.seed, failure.index = mutations, seed, index
            failures += found
        return CaseResult(index, mutations, len(runs), failures, time.perf_counter() - start)
    finally:
        remove_tree(dest)


def remove_tree(path: Path) -> None:
    if not os.path.lexists(path):
        return

    def onerror(func: Any, name: str, exc: Any) -> None:
        with contextlib.suppress(OSError):
            os.chmod(name, 0o700)
            func(name)

    shutil.rmtree(path, onerror=onerror)

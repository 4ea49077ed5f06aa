"""Fuzz `wal` for as long as you like: mutate copies of the repository's registry, run every
command of the CLI on each, and report every run that breaks an oracle (see bench/fuzzing).

    python bench/fuzz.py                      # 1000 mutations, seed 0, one worker per core
    python bench/fuzz.py --runs 5000 --seed 7 --jobs 2 --keep /tmp/fuzz-failures

Each worker is a subprocess that runs the commands in-process (typer's CliRunner) with an alarm
and an address-space limit per run; the parent is the watchdog: a worker silent for longer than
the timeout plus a grace is killed and the run recorded as a hang. A share of runs (and every
run with a closed stdout) goes through a real `python -m walcli` process instead.

Prints the number of mutations run and of failures (each distinct failure once, with a count),
and exits 1 if any run failed. With --keep DIR, each distinct failure gets a folder: case.json
(what happened), recipe.sh (rebuilds the case from the repository and runs the command) and the
files it needs, minimized when the mutation is a file's content.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import random
import re
import selectors
import signal
import subprocess
import sys
import tempfile
import time
from collections import Counter
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path
from typing import IO, Any

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))  # walcli and bench.fuzzing from this checkout

from bench.fuzzing import (  # noqa: E402
    Failure,
    Invocation,
    Template,
    build_case,
    discover,
    remove_tree,
    run_one,
    shell_quote,
)

GRACE = 15.0  # seconds past the timeout before the watchdog kills a worker
RECYCLE = 100


# -- the worker ------------------------------------------------------------------------------


def worker(options: argparse.Namespace) -> None:
    """Read jobs (JSON lines) on stdin, answer on the original stdout; the commands under test
    never see that stream."""
    proto = os.fdopen(os.dup(1), "w", buffering=1)
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, 1)
    from walcli.cli import app

    base = Path(tempfile.mkdtemp(prefix="worker-", dir=options.base))
    template = Template(base)
    commands = discover(app)

    def say(**message: Any) -> None:
        proto.write(json.dumps(message) + "\n")

    say(ready=[c.name for c in commands])
    try:
        for line in sys.stdin:
            job = json.loads(line)
            if "replay" in job:
                _replay(app, job["replay"], options, say)
            else:
                _case(app, template, base, commands, job, options, say)
    finally:
        remove_tree(base)


def _case(
    app: Any,
    template: Template,
    base: Path,
    commands: list[Any],
    job: dict[str, Any],
    options: argparse.Namespace,
    say: Any,
) -> None:
    seed, index, start = job["seed"], job["index"], job.get("from", 0)
    dest = base / f"case-{index}"
    try:
        mutations, runs = build_case(template, dest, seed, index, commands, options.formats)
        say(case=index, mutations=mutations, runs=len(runs))
        for k, inv in enumerate(runs):
            if k < start:
                continue
            if random.Random(f"{seed}:{index}:{k}:real").random() < options.real_share:
                inv = replace(inv, real=True)
            say(start=k, command=inv.command, invocation=asdict(inv))
            outcome, found = run_one(
                app, dest, inv, timeout=options.timeout, memory_mb=options.memory_mb
            )
            for failure in found:
                failure.mutations, failure.seed, failure.index = mutations, seed, index
            say(
                end=k,
                timed_out=outcome.timed_out,
                seconds=outcome.seconds,
                failures=[f.as_dict() for f in found],
            )
    except Exception as exc:  # a bug of the harness: say so, keep going
        import traceback

        say(harness_error=f"{type(exc).__name__}: {exc}", trace=traceback.format_exc()[-3000:])
    finally:
        remove_tree(dest)
    say(done=index)


def _replay(app: Any, job: dict[str, Any], options: argparse.Namespace, say: Any) -> None:
    inv = Invocation.from_dict(job["invocation"])
    _, found = run_one(
        app, Path(job["dir"]), inv, timeout=options.timeout, memory_mb=options.memory_mb
    )
    say(replayed=[f.signature for f in found])


# -- the parent ------------------------------------------------------------------------------


@dataclass
class Worker:
    proc: subprocess.Popen[bytes]
    stderr: IO[bytes]
    job: dict[str, Any] | None = None
    current: dict[str, Any] | None = None  # the run in progress (its "start" message)
    deadline: float = 0.0
    mutations: list[Any] = field(default_factory=list)
    hangs: int = 0
    cases: int = 0  # cases done; a worker is replaced after RECYCLE (caches grow per root)
    buffer: bytes = b""


class Pool:
    """Workers, restarted when they die or hang; one job each at a time."""

    def __init__(self, options: argparse.Namespace, argv: list[str]) -> None:
        self.options = options
        self.argv = argv
        self.selector = selectors.DefaultSelector()
        self.workers: list[Worker] = []

    def spawn(self) -> Worker:
        err = tempfile.TemporaryFile()  # noqa: SIM115 (the worker's stderr, closed by kill)
        proc = subprocess.Popen(
            [sys.executable, str(Path(__file__).resolve()), "--worker", *self.argv],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=err,
            start_new_session=True,  # so that killing it kills the git it runs too
        )
        worker = Worker(proc, err)
        ready = self.read_line(worker, time.monotonic() + 120)
        if ready is None or "ready" not in ready:
            raise SystemExit(f"fuzz: a worker did not start: {self._tail(worker)}")
        self.selector.register(self._fd(worker), selectors.EVENT_READ, worker)
        self.workers.append(worker)
        return worker

    @staticmethod
    def _fd(worker: Worker) -> int:
        assert worker.proc.stdout is not None
        return worker.proc.stdout.fileno()

    def read_line(self, worker: Worker, deadline: float) -> dict[str, Any] | None:
        """The worker's next message, or None if it ended or the deadline passed."""
        while b"\n" not in worker.buffer:
            left = deadline - time.monotonic()
            if left <= 0:
                return None
            with selectors.DefaultSelector() as sel:
                sel.register(self._fd(worker), selectors.EVENT_READ)
                if not sel.select(left):
                    continue
            chunk = os.read(self._fd(worker), 1 << 16)
            if not chunk:
                return None
            worker.buffer += chunk
        line, _, worker.buffer = worker.buffer.partition(b"\n")
        parsed: dict[str, Any] = json.loads(line)
        return parsed

    def send(self, worker: Worker, job: dict[str, Any]) -> None:
        assert worker.proc.stdin is not None
        worker.job, worker.current = job, None
        worker.deadline = time.monotonic() + 300  # building the case
        worker.proc.stdin.write(json.dumps(job).encode() + b"\n")
        worker.proc.stdin.flush()

    def kill(self, worker: Worker) -> str:
        with contextlib.suppress(OSError):
            os.killpg(worker.proc.pid, signal.SIGKILL)
        worker.proc.wait()
        tail = self._tail(worker)
        with contextlib.suppress(KeyError, ValueError):
            self.selector.unregister(self._fd(worker))
        if worker in self.workers:
            self.workers.remove(worker)
        worker.stderr.close()
        return tail

    @staticmethod
    def _tail(worker: Worker) -> str:
        try:
            worker.stderr.seek(0)
            return worker.stderr.read()[-3000:].decode("utf-8", "replace")
        except (OSError, ValueError):
            return ""

    def messages(self, timeout: float) -> list[tuple[Worker, dict[str, Any] | None]]:
        """Messages from any worker; (worker, None) when a worker's output ended (it died)."""
        found: list[tuple[Worker, dict[str, Any] | None]] = []
        for key, _ in self.selector.select(timeout):
            worker: Worker = key.data
            chunk = os.read(self._fd(worker), 1 << 16)
            if not chunk:
                found.append((worker, None))
                continue
            worker.buffer += chunk
            while b"\n" in worker.buffer:
                line, _, worker.buffer = worker.buffer.partition(b"\n")
                found.append((worker, json.loads(line)))
        return found

    def retire(self, worker: Worker) -> None:
        """Let an idle worker finish (it cleans its folder), then forget it."""
        with contextlib.suppress(OSError, ValueError):
            assert worker.proc.stdin is not None
            worker.proc.stdin.close()
        with contextlib.suppress(subprocess.TimeoutExpired):
            worker.proc.wait(10)
        self.kill(worker)

    def close(self) -> None:
        for worker in list(self.workers):
            self.retire(worker)


@dataclass
class Tally:
    cases: int = 0
    runs: int = 0
    failures: list[Failure] = field(default_factory=list)
    harness_errors: list[str] = field(default_factory=list)
    by_signature: Counter[str] = field(default_factory=Counter)
    first: dict[str, Failure] = field(default_factory=dict)
    seconds_by_command: dict[str, float] = field(default_factory=dict)
    seconds_by_family: dict[str, float] = field(default_factory=dict)
    slowest: list[tuple[float, str, list[str]]] = field(default_factory=list)
    seconds: float = 0.0

    def timing(self, command: str, mutations: list[Any], seconds: float) -> None:
        self.seconds_by_command[command] = self.seconds_by_command.get(command, 0.0) + seconds
        for family, _ in mutations:
            share = seconds / len(mutations)
            self.seconds_by_family[family] = self.seconds_by_family.get(family, 0.0) + share
        self.slowest.append((seconds, command, [what for _, what in mutations]))
        self.slowest = sorted(self.slowest, reverse=True)[:8]

    def add(self, failure: Failure) -> None:
        self.failures.append(failure)
        self.by_signature[failure.signature] += 1
        self.first.setdefault(failure.signature, failure)


def _watchdog_failure(worker: Worker, klass: str, detail: str, tail: str) -> Failure:
    assert worker.current is not None and worker.job is not None
    inv = Invocation.from_dict(worker.current["invocation"])
    return Failure(
        klass,
        f"{klass} | {inv.key} | watchdog",
        f"{inv.command}: {detail}",
        inv,
        mutations=[tuple(m) for m in worker.mutations],
        trace=tail,
        seed=worker.job["seed"],
        index=worker.job["index"],
    )


def fuzz(options: argparse.Namespace, argv: list[str]) -> Tally:
    pool = Pool(options, argv)
    tally = Tally()
    queue: list[dict[str, Any]] = [
        {"seed": options.seed, "index": i}
        for i in range(options.start, options.start + options.runs)
    ]
    queue.reverse()
    started = time.monotonic()
    last_report = started
    try:
        for _ in range(max(1, options.jobs)):
            if queue:
                pool.send(pool.spawn(), queue.pop())
        while pool.workers:
            now = time.monotonic()
            for worker in list(pool.workers):
                if worker.job is not None and now > worker.deadline:
                    _on_stuck(pool, worker, tally, queue)
            for worker, message in pool.messages(1.0):
                if worker not in pool.workers:
                    continue
                if message is None:
                    _on_death(pool, worker, tally, queue)
                else:
                    _on_message(pool, worker, message, tally, queue, options)
            for worker in list(pool.workers):
                if worker.job is None and not queue:
                    pool.retire(worker)
            if time.monotonic() - last_report > 10 and not options.quiet:
                last_report = time.monotonic()
                _progress(tally, options, time.monotonic() - started)
    finally:
        pool.close()
    tally.seconds = time.monotonic() - started
    return tally


def _on_message(
    pool: Pool,
    worker: Worker,
    message: dict[str, Any],
    tally: Tally,
    queue: list[dict[str, Any]],
    options: argparse.Namespace,
) -> None:
    if "case" in message:
        worker.mutations = message["mutations"]
        worker.hangs = 0
    elif "start" in message:
        worker.current = message
        worker.deadline = time.monotonic() + options.timeout + GRACE
    elif "end" in message:
        tally.runs += 1
        if worker.current is not None:
            tally.timing(worker.current["command"], worker.mutations, message["seconds"])
        worker.current = None
        worker.deadline = time.monotonic() + 300
        for item in message["failures"]:
            tally.add(Failure.from_dict(item))
        if message["timed_out"]:
            worker.hangs += 1
            if worker.hangs >= 2:  # every run of this case would hang: move on
                tally.cases += 1
                _restart(pool, worker, queue)
    elif "harness_error" in message:
        tally.harness_errors.append(
            f"case {worker.job}: {message['harness_error']}\n{message['trace']}"
        )
    elif "done" in message:
        tally.cases += 1
        worker.job = None
        worker.cases += 1
        if worker.cases >= RECYCLE and queue:
            pool.retire(worker)
            worker = pool.spawn()
        if queue:
            pool.send(worker, queue.pop())


def _on_stuck(pool: Pool, worker: Worker, tally: Tally, queue: list[dict[str, Any]]) -> None:
    """The alarm inside the worker did not fire (stuck in C code, say): kill it, record a hang,
    go on with the case's next run in a new worker."""
    tail = pool.kill(worker)
    if worker.current is not None:
        tally.runs += 1
        tally.add(_watchdog_failure(worker, "hang", "no answer; the worker was killed", tail))
        _resume(pool, worker, queue, worker.current["start"] + 1, worker.hangs + 1)
    else:
        tally.harness_errors.append(f"case {worker.job}: stuck outside any run\n{tail}")
        tally.cases += 1
        _resume(pool, worker, queue, None, 0)


def _on_death(pool: Pool, worker: Worker, tally: Tally, queue: list[dict[str, Any]]) -> None:
    code = worker.proc.poll()
    tail = pool.kill(worker)
    if worker.current is not None:
        tally.runs += 1
        what = f"the worker died (exit {code}) during the run"
        tally.add(_watchdog_failure(worker, "worker-died", what, tail))
        _resume(pool, worker, queue, worker.current["start"] + 1, worker.hangs)
    elif worker.job is not None:
        tally.harness_errors.append(f"case {worker.job}: the worker died (exit {code})\n{tail}")
        tally.cases += 1
        _resume(pool, worker, queue, None, 0)


def _resume(
    pool: Pool, old: Worker, queue: list[dict[str, Any]], start: int | None, hangs: int
) -> None:
    new = pool.spawn()
    if start is not None and old.job is not None and hangs < 2:
        new.hangs = hangs
        pool.send(new, {**old.job, "from": start})
        new.mutations = old.mutations
    else:
        if start is not None:
            pass  # two hangs: the case's remaining runs are skipped
        if queue:
            pool.send(new, queue.pop())


def _restart(pool: Pool, worker: Worker, queue: list[dict[str, Any]]) -> None:
    pool.kill(worker)
    new = pool.spawn()
    if queue:
        pool.send(new, queue.pop())


def _progress(tally: Tally, options: argparse.Namespace, seconds: float) -> None:
    print(
        f"fuzz: {tally.cases}/{options.runs} mutations, {tally.runs} runs, "
        f"{len(tally.failures)} failures ({len(tally.by_signature)} distinct), "
        f"{tally.cases / seconds:.2f} mutations/s",
        file=sys.stderr,
        flush=True,
    )


# -- keeping failures ------------------------------------------------------------------------


def keep(tally: Tally, folder: Path, options: argparse.Namespace, argv: list[str]) -> None:
    """A folder per distinct failure: case.json, recipe.sh and the files it needs."""
    folder.mkdir(parents=True, exist_ok=True)
    with (folder / "failures.jsonl").open("w") as every:
        for failure in tally.failures:
            every.write(json.dumps(failure.as_dict(), ensure_ascii=True) + "\n")
    from walcli.cli import app

    base = Path(tempfile.mkdtemp(prefix="keep-", dir=options.base))
    pool = Pool(options, argv) if options.minimize > 0 else None
    try:
        template = Template(base)
        commands = discover(app)
        for n, (signature, failure) in enumerate(sorted(tally.first.items()), 1):
            slug = re.sub(r"[^a-z0-9]+", "-", signature.lower()).strip("-")[:80]
            dest = folder / f"{n:03d}-{slug}"
            remove_tree(dest)
            dest.mkdir()
            count = tally.by_signature[signature]
            keep_one(failure, count, dest, template, base, commands, options.formats)
            if pool is not None and failure.klass not in ("hang", "worker-died"):
                minimize(pool, failure, dest, template, base, commands, options)
    finally:
        if pool is not None:
            pool.close()
        remove_tree(base)


def _case_dir(
    template: Template, base: Path, failure: Failure, commands: list[Any], formats: int
) -> Path:
    dest = base / f"case-{failure.seed}-{failure.index}-{time.monotonic_ns()}"
    assert failure.seed is not None and failure.index is not None
    build_case(template, dest, failure.seed, failure.index, commands, formats)
    return dest


def keep_one(
    failure: Failure,
    count: int,
    dest: Path,
    template: Template,
    base: Path,
    commands: list[Any],
    formats: int,
) -> None:
    case = _case_dir(template, base, failure, commands, formats)
    try:
        steps = tree_diff(template.dir, case, dest / "files")
    finally:
        remove_tree(case)
    info = {**failure.as_dict(), "count": count, "recipe_steps": steps}
    (dest / "case.json").write_text(json.dumps(info, indent=2, ensure_ascii=True) + "\n")
    write_recipe(dest, failure, steps)


def write_recipe(dest: Path, failure: Failure, steps: list[str]) -> None:
    header = "\n".join("# " + line for line in failure.report().splitlines())
    inv = failure.invocation
    git = "diff" in inv.key or "--changed" in inv.args or any(".git" in s for s in steps)
    lines = [
        "#!/usr/bin/env bash",
        header,
        "# Rebuilds the case from the repository (REPO, by default the checkout this was made",
        "# in) and runs the command. Needs bash; a terminal run needs script(1).",
        "set -u",
        f"REPO=${{REPO:-{shell_quote(str(REPO))}}}",
        'HERE=$(cd "$(dirname "$0")" && pwd)',
        'CASE=$(mktemp -d) && ROOT="$CASE/reg"',
        'mkdir -p "$ROOT" "$CASE/out" && cp -r "$REPO/data" "$REPO/schemas" "$ROOT/"',
        "printf 'this file existed before the command ran\\n' > \"$CASE/out/existing.md\"",
    ]
    if git:
        lines += [
            "export GIT_AUTHOR_NAME=fuzz GIT_AUTHOR_EMAIL=fuzz@example.invalid "
            "GIT_COMMITTER_NAME=fuzz GIT_COMMITTER_EMAIL=fuzz@example.invalid "
            "GIT_AUTHOR_DATE=2024-01-01T00:00:00Z GIT_COMMITTER_DATE=2024-01-01T00:00:00Z",
            '(cd "$ROOT" && git init -q -b main && git add -A && git commit -q -m registry)',
        ]
    lines += steps
    lines += [
        'export PYTHONPATH="$REPO"',
        inv.shell(),
        'echo "exit: $?   (case folder: $CASE)"',
    ]
    recipe = dest / "recipe.sh"
    recipe.write_text("\n".join(lines) + "\n")
    recipe.chmod(0o755)


def _entries(top: Path, sub: str) -> dict[str, os.stat_result]:
    found: dict[str, os.stat_result] = {}
    start = top / sub
    if not os.path.lexists(start):
        return found
    found[sub] = os.lstat(start)
    for folder, dirs, files in os.walk(start):
        for name in dirs + files:
            path = os.path.join(folder, name)
            rel = os.path.relpath(path, top)
            if rel.startswith("reg/.git/") and not re.match(r"reg/\.git/(objects/|HEAD$)", rel):
                continue
            found[rel] = os.lstat(path)
    return found


def tree_diff(before: Path, after: Path, files: Path) -> list[str]:
    """Shell steps turning the template's tree into the case's (under $CASE)."""
    import stat

    old = {**_entries(before, "reg"), **_entries(before, "outside")}
    new = {**_entries(after, "reg"), **_entries(after, "outside")}
    needs_outside = any(
        stat.S_ISLNK(st.st_mode) and "outside" in os.readlink(after / rel)
        for rel, st in new.items()
    )
    steps: list[str] = []
    if needs_outside:  # the recipe starts without outside/: write all of it
        old = {rel: st for rel, st in old.items() if not rel.startswith("outside")}

    def q(rel: str) -> str:
        return '"$CASE"/' + shell_quote(rel)

    for rel in sorted(old, key=lambda r: -r.count("/")):
        if rel not in new and not rel.startswith("outside"):
            steps.append(f"rm -rf {q(rel)}")
    counter = 0
    for rel in sorted(new, key=lambda r: (r.count("/"), r)):
        if rel.startswith("outside") and not needs_outside:
            continue
        st, was = new[rel], old.get(rel)
        path = after / rel
        same_kind = was is not None and stat.S_IFMT(was.st_mode) == stat.S_IFMT(st.st_mode)
        if stat.S_ISDIR(st.st_mode):
            if not same_kind:
                steps += [f"rm -rf {q(rel)}", f"mkdir -p {q(rel)}"]
        elif stat.S_ISLNK(st.st_mode):
            target = os.readlink(path)
            if not same_kind or os.readlink(before / rel) != target:
                steps += [f"rm -rf {q(rel)}", f"ln -s {shell_quote(target)} {q(rel)}"]
        elif stat.S_ISFIFO(st.st_mode):
            if not same_kind:
                steps += [f"rm -rf {q(rel)}", f"mkfifo {q(rel)}"]
        elif stat.S_ISSOCK(st.st_mode):
            if not same_kind:
                bind = "import socket,sys; socket.socket(socket.AF_UNIX).bind(sys.argv[1])"
                steps += [f"rm -rf {q(rel)}", f"python3 -c {shell_quote(bind)} {q(rel)}"]
        elif stat.S_ISREG(st.st_mode):
            content = path.read_bytes()
            if same_kind and (before / rel).read_bytes() == content:
                continue
            files.mkdir(parents=True, exist_ok=True)
            counter += 1
            (files / str(counter)).write_bytes(content)
            steps += [f"rm -rf {q(rel)}", f'cp "$HERE/files/{counter}" {q(rel)}']
    return steps


def minimize(
    pool: Pool,
    failure: Failure,
    dest: Path,
    template: Template,
    base: Path,
    commands: list[Any],
    options: argparse.Namespace,
) -> None:
    """Shrink the changed files of a kept case (lines, then characters of short files) while
    the same failure recurs; rewrite files/ and recipe.sh with the result."""
    info = json.loads((dest / "case.json").read_text())
    steps: list[str] = info["recipe_steps"]
    copies = [(s, re.search(r'"\$HERE/files/(\d+)" "\$CASE"/(.+)$', s)) for s in steps]
    targets = [(m.group(1), m.group(2)) for s, m in copies if m]
    if not targets or any(s.startswith(("ln ", "mkfifo", "python3")) for s in steps):
        return
    worker = pool.spawn()
    deadline = time.monotonic() + options.minimize
    tries = 0

    def reproduces(number: str, content: bytes) -> bool:
        nonlocal tries
        if time.monotonic() > deadline:
            return False
        tries += 1
        case = _case_dir(template, base, failure, commands, options.formats)
        try:
            (dest / "files" / number).read_bytes()
            target = _changed_path(case, info, number)
            if target is None:
                return False
            target.write_bytes(content)
            job = {"dir": str(case), **{"invocation": asdict(failure.invocation)}}
            pool.send(worker, {"replay": job})
            reply = pool.read_line(worker, time.monotonic() + options.timeout + GRACE)
            return reply is not None and failure.signature in reply.get("replayed", [])
        finally:
            remove_tree(case)

    for number, _ in targets:
        content = (dest / "files" / number).read_bytes()
        if not reproduces(number, content):
            continue  # not reproducible alone (or out of time): keep as is
        content = _ddmin(content, lambda c, n=number: reproduces(n, c))
        (dest / "files" / number).write_bytes(content)
    info["minimized"] = {"tries": tries}
    (dest / "case.json").write_text(json.dumps(info, indent=2, ensure_ascii=True) + "\n")
    with contextlib.suppress(ValueError):
        pool.kill(worker)


def _changed_path(case: Path, info: dict[str, Any], number: str) -> Path | None:
    """Where files/NUMBER goes in the case (from the recipe step that copies it)."""
    for step in info["recipe_steps"]:
        match = re.search(rf'"\$HERE/files/{number}" "\$CASE"/(.+)$', step)
        if match:
            rel = _unquote(match.group(1))
            return Path(os.fsdecode(os.fsencode(str(case)) + b"/" + rel))
    return None


def _unquote(word: str) -> bytes:
    """The bytes of a word shell_quote wrote ('...' or $'...' pieces)."""
    out = b""
    for plain, ansi in re.findall(r"'([^']*)'|\$'((?:[^'\\]|\\.)*)'", word):
        if ansi:
            out += re.sub(
                rb"\\x([0-9a-f]{2})|\\(.)",
                lambda m: bytes([int(m.group(1), 16)]) if m.group(1) else m.group(2),
                ansi.encode(),
            )
        else:
            out += plain.encode()
    if not out:
        out = word.encode()
    return out


def _ddmin(content: bytes, still_fails: Any) -> bytes:
    """Remove chunks of lines (halves, quarters... single lines) while the failure recurs; then
    characters when what is left is short."""
    for unit in ("lines", "chars"):
        pieces: list[bytes] = (
            content.splitlines(keepends=True) if unit == "lines" else [bytes([b]) for b in content]
        )
        if unit == "chars" and len(pieces) > 400:
            break
        size = max(1, len(pieces) // 2)
        while size >= 1:
            at = 0
            while at < len(pieces):
                trial = pieces[:at] + pieces[at + size :]
                if trial != pieces and still_fails(b"".join(trial)):
                    pieces = trial
                else:
                    at += size
            if size == 1:
                break
            size //= 2
        content = b"".join(pieces)
    return content


# -- main ------------------------------------------------------------------------------------


def summary(tally: Tally, options: argparse.Namespace) -> str:
    lines = []
    for signature, count in sorted(tally.by_signature.items(), key=lambda x: (-x[1], x[0])):
        failure = tally.first[signature]
        lines.append(f"{count:6d}  {signature}")
        lines.append(
            f"        e.g. seed {failure.seed} mutation {failure.index}: {failure.detail[:200]}"
        )
    if tally.slowest:
        lines.append("slowest runs:")
        for seconds, command, mutations in tally.slowest:
            lines.append(f"  {seconds:6.1f} s  {command}  after  {'; '.join(mutations)[:200]}")
        for name, spent in (
            ("mutation family", tally.seconds_by_family),
            ("command", tally.seconds_by_command),
        ):
            top = sorted(spent.items(), key=lambda item: -item[1])[:6]
            lines.append(f"time by {name}: " + ", ".join(f"{k} {v:.0f} s" for k, v in top))
    for error in tally.harness_errors:
        lines.append(f"harness error: {error}")
    seconds = tally.seconds or 1e-9
    rates = f"{tally.cases / seconds:.2f} mutations/s, {tally.runs / seconds:.1f} runs/s"
    lines.append(
        f"fuzz: {tally.cases} mutations run ({tally.runs} command runs, seed {options.seed}, "
        f"{options.jobs} jobs, {seconds:.0f} s, {rates})"
    )
    distinct = len(tally.by_signature)
    lines.append(f"fuzz: {len(tally.failures)} failures ({distinct} distinct)")
    return "\n".join(lines)


def parse(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=1000, help="mutations to run (default 1000)")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--start", type=int, default=0, help="first mutation index (default 0)")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1, help="worker processes")
    parser.add_argument("--keep", type=Path, help="write each distinct failure to this folder")
    parser.add_argument("--timeout", type=float, default=20.0, help="seconds per command run")
    parser.add_argument("--memory-mb", type=int, default=1536, help="memory per command run")
    parser.add_argument("--formats", type=int, default=2, help="formats per command and mutation")
    parser.add_argument(
        "--real-share",
        type=float,
        default=0.02,
        help="share of runs made as a real `python -m walcli` process (default 0.02)",
    )
    parser.add_argument(
        "--minimize", type=float, default=20.0, help="seconds to minimize each kept failure"
    )
    parser.add_argument("--quiet", action="store_true", help="no progress lines")
    parser.add_argument("--worker", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--base", help=argparse.SUPPRESS)  # the parent's scratch folder
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    options = parse(argv)
    if options.worker:
        worker(options)
        return 0
    # Workers work in one scratch folder, removed at the end (a killed worker cannot clean).
    options.base = tempfile.mkdtemp(prefix="walfuzz-")
    passed = [a for a in argv if a != "--worker"] + ["--base", options.base]
    try:
        tally = fuzz(options, passed)
        print(summary(tally, options))
        if options.keep and tally.first:
            keep(tally, options.keep, options, passed)
            print(f"fuzz: {len(tally.first)} failures kept in {options.keep}")
    finally:
        remove_tree(Path(options.base))
    return 1 if tally.failures or tally.harness_errors else 0


if __name__ == "__main__":
    sys.exit(main())

"""Running one invocation: in this process through typer's CliRunner (with a timeout and a
memory limit), or as `python -m walcli` with real streams."""

from __future__ import annotations

import contextlib
import errno
import io
import os
import re
import signal
import subprocess
import sys
import tempfile
import time
import traceback
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .commands import Invocation
from .values import REPO

# -- running ---------------------------------------------------------------------------------


class FuzzTimeout(BaseException):
    """Raised by the alarm in the code under test; a BaseException so that no `except
    Exception` on the way swallows it."""


@dataclass
class Outcome:
    exit_code: int | None
    stdout: bytes
    stderr: bytes
    exception: str | None = None  # type name of an uncaught exception
    frames: list[tuple[str, int, str]] = field(default_factory=list)  # file, line, function
    trace: str = ""  # the last frames and the message, as Python prints them
    timed_out: bool = False
    seconds: float = 0.0


class _Faulty(io.RawIOBase):
    """A stdout that fails like a closed pipe or a full disk, until disarmed."""

    def __init__(self, fault: str) -> None:
        self.fault: str | None = fault
        # A real descriptor, as a process's stdout has: rich, on a broken pipe, points it at
        # /dev/null with dup2.
        self.fd = os.open(os.devnull, os.O_WRONLY)

    def fileno(self) -> int:
        return self.fd

    def writable(self) -> bool:
        return True

    def write(self, data: Any) -> int:
        if self.fault == "full":
            raise OSError(errno.ENOSPC, "No space left on device")
        if self.fault == "broken-pipe":
            raise BrokenPipeError(errno.EPIPE, "Broken pipe")
        return len(data)


def _runner(inv: Invocation) -> tuple[Any, _Faulty | None]:
    from typer.testing import CliRunner

    faulty = _Faulty(inv.fault) if inv.fault else None

    class Runner(CliRunner):
        @contextlib.contextmanager
        def isolation(self, *args: Any, **kwargs: Any) -> Iterator[Any]:
            with super().isolation(*args, **kwargs) as streams:
                for stream in (sys.stdout, sys.stderr, sys.stdin):
                    # The runner reads its buffers after the command: closing them (as a
                    # command may on a broken pipe) must not lose what was written.
                    stream.close = stream.flush  # type: ignore[method-assign]
                    if inv.tty:
                        stream.isatty = lambda: True  # type: ignore[method-assign]
                if faulty is not None:
                    # A process's stdout meets a closed pipe or a full disk at the write that
                    # overflows it (as measured: python -m walcli ... >/dev/full fails in the
                    # command's own write, not at exit), so nothing waits in a buffer here.
                    buffer = io.BufferedWriter(faulty, buffer_size=1)
                    sys.stdout = io.TextIOWrapper(buffer, encoding=inv.charset, write_through=True)
                yield streams

    return Runner(charset=inv.charset), faulty


def _vm_bytes() -> int:
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmSize:"):
                return int(line.split()[1]) * 1024
    except OSError:
        pass
    return 0


@contextlib.contextmanager
def limits(seconds: float, memory_mb: int) -> Iterator[None]:
    """An alarm that raises FuzzTimeout, and a soft address-space limit of the current size
    plus memory_mb (so MemoryError rather than the machine's memory), both undone after."""

    def ring(signum: int, frame: Any) -> None:
        raise FuzzTimeout(f"no answer within {seconds} s")

    old_handler = signal.signal(signal.SIGALRM, ring)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    old_limit = None
    try:
        import resource

        vm = _vm_bytes()
        if vm and memory_mb:
            old_limit = resource.getrlimit(resource.RLIMIT_AS)
            hard = old_limit[1]
            want = vm + memory_mb * 1024 * 1024
            resource.setrlimit(resource.RLIMIT_AS, (want if hard < 0 else min(want, hard), hard))
    except (ImportError, ValueError, OSError):
        old_limit = None
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, old_handler)
        if old_limit is not None:
            import resource

            resource.setrlimit(resource.RLIMIT_AS, old_limit)


def _frames(tb: Any) -> list[tuple[str, int, str]]:
    return [(f.filename, f.lineno or 0, f.name) for f in traceback.extract_tb(tb)]


def _trace(exc: BaseException, depth: int = 6) -> str:
    lines = traceback.format_exception(type(exc), exc, exc.__traceback__, limit=-depth)
    text = "".join(lines)
    return text if len(text) < 6000 else text[:3000] + "\n[...]\n" + text[-3000:]


def invoke(app: Any, inv: Invocation, case: Path, *, timeout: float, memory_mb: int) -> Outcome:
    """Run one invocation in this process through typer's CliRunner."""
    args, env, cwd = inv.expand(case)
    runner, faulty = _runner(inv)
    old_cwd = os.getcwd()
    start = time.perf_counter()
    try:
        os.chdir(cwd)
        with limits(timeout, memory_mb):
            result = runner.invoke(app, args, env=env, catch_exceptions=True, color=True)
    except OSError as exc:
        if faulty is None:
            raise
        # What the command left unwritten fails again when the interpreter flushes stdout at
        # exit: Python then prints "Exception ignored" and exits 120.
        message = f"Exception ignored while flushing sys.stdout: {exc!r}"
        return Outcome(120, b"", message.encode(), seconds=time.perf_counter() - start)
    except FuzzTimeout as exc:
        return Outcome(
            None,
            b"",
            b"",
            "FuzzTimeout",
            _frames(exc.__traceback__),
            _trace(exc, 12),
            True,
            time.perf_counter() - start,
        )
    except FileNotFoundError as exc:  # the working directory was removed by a mutation
        return Outcome(2, b"", f"cannot enter {cwd}: {exc}".encode(), seconds=0.0)
    finally:
        os.chdir(old_cwd)
        if faulty is not None:
            faulty.fault = None  # the wrapper may still flush when collected
            os.close(faulty.fd)
    seconds = time.perf_counter() - start
    raised = result.exception
    if raised is not None and not isinstance(raised, SystemExit):
        return Outcome(
            result.exit_code,
            result.stdout_bytes,
            result.stderr_bytes,
            type(raised).__name__,
            _frames(raised.__traceback__),
            _trace(raised),
            seconds=seconds,
        )
    return Outcome(result.exit_code, result.stdout_bytes, result.stderr_bytes, seconds=seconds)


def invoke_real(inv: Invocation, case: Path, *, timeout: float, memory_mb: int) -> Outcome:
    """Run one invocation as `python -m walcli` with real streams: a pipe, a terminal (a pty in
    raw mode), a closed stdout, /dev/full, a pipe nobody reads, PYTHONIOENCODING. Its address
    space is limited to memory_mb more than an interpreter needs to start."""
    args, env, cwd = inv.expand(case)
    full_env = {k: v for k, v in os.environ.items() if env.get(k, "") is not None}
    full_env.update({k: v for k, v in env.items() if v is not None})
    full_env["PYTHONPATH"] = str(REPO)
    if inv.charset != "utf-8":
        full_env["PYTHONIOENCODING"] = inv.charset
    reader, writer = _stdout_for(inv)
    with tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        try:
            proc = subprocess.Popen(
                [sys.executable, "-m", "walcli", *args],
                cwd=cwd,
                env=full_env,
                stdin=subprocess.DEVNULL,
                stdout=writer,
                stderr=err,
                start_new_session=True,
                preexec_fn=lambda: _child_setup(inv, memory_mb),
            )
        except OSError as exc:  # the working directory was removed by a mutation
            if reader is not None:
                os.close(reader)
            return Outcome(2, b"", f"cannot start: {exc}".encode())
        finally:
            if writer is not None:
                os.close(writer)
        out, timed_out = _drain(proc, reader, start + timeout)
        seconds = time.perf_counter() - start
        err.seek(0)
        stderr = err.read()
    if timed_out:
        return Outcome(None, out, stderr, "FuzzTimeout", [], "", True, seconds)
    outcome = Outcome(proc.returncode, out, stderr, seconds=seconds)
    text = stderr.decode("utf-8", "replace")
    if "Traceback (most recent call last)" in text:
        tail = text[text.index("Traceback (most recent call last)") :]
        last = tail.strip().splitlines()[-1]
        outcome.exception = last.split(":", 1)[0].strip() or "Traceback"
        outcome.frames = [
            (m.group(1), int(m.group(2)), m.group(3))
            for m in re.finditer(r'File "([^"]+)", line (\d+), in (\S+)', tail)
        ]
        outcome.trace = tail[-3000:]
    return outcome


_START_MB = 512  # what python -m walcli maps before it reads anything (with room to spare)


def _child_setup(inv: Invocation, memory_mb: int) -> None:
    import resource

    limit = (memory_mb + _START_MB) * 1024 * 1024
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    if inv.fault == "closed":
        os.close(1)


def _stdout_for(inv: Invocation) -> tuple[int | None, int | None]:
    """(fd the harness reads, fd the command writes) for the invocation's stdout."""
    if inv.fault == "full":
        return None, os.open("/dev/full", os.O_WRONLY)
    if inv.fault == "closed":
        return None, None
    if inv.fault == "broken-pipe":
        read, write = os.pipe()
        os.close(read)  # nobody will read: writing gets EPIPE
        return None, write
    if inv.tty:
        import pty
        import tty

        master, slave = pty.openpty()
        tty.setraw(slave)  # no \n -> \r\n: the bytes as the command wrote them
        return master, slave
    read, write = os.pipe()
    return read, write


def _drain(proc: subprocess.Popen[bytes], fd: int | None, deadline: float) -> tuple[bytes, bool]:
    """Read the command's stdout until it ends or the deadline passes (then kill it)."""
    import select

    chunks: list[bytes] = []
    try:
        while fd is not None:
            left = deadline - time.perf_counter()
            if left <= 0:
                break
            ready, _, _ = select.select([fd], [], [], min(left, 1.0))
            if not ready:
                if proc.poll() is not None:
                    break
                continue
            try:
                chunk = os.read(fd, 65536)
            except OSError:  # a pty whose other side closed
                chunk = b""
            if not chunk:
                break
            chunks.append(chunk)
        try:
            proc.wait(max(0.0, deadline - time.perf_counter()))
            return b"".join(chunks), False
        except subprocess.TimeoutExpired:
            with contextlib.suppress(OSError):
                os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
            return b"".join(chunks), True
    finally:
        if fd is not None:
            os.close(fd)

"""The oracles: what must hold for every run, whatever the input."""

from __future__ import annotations

import json
import os
import re
import xml.etree.ElementTree as ET
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .commands import Invocation
from .running import Outcome
from .values import CANARY, DateLoader, short

# -- oracles ---------------------------------------------------------------------------------


@dataclass
class Failure:
    klass: str  # crash, hang, memory, bad-exit, invalid-json, unsafe-output, ...
    signature: str  # what makes two failures the same bug
    detail: str
    invocation: Invocation
    mutations: list[tuple[str, str]] = field(default_factory=list)
    trace: str = ""
    stdout: str = ""
    stderr: str = ""
    seed: int | None = None
    index: int | None = None

    def as_dict(self) -> dict[str, Any]:
        item = asdict(self)
        item["invocation"] = asdict(self.invocation)
        return item

    @classmethod
    def from_dict(cls, item: dict[str, Any]) -> Failure:
        fields = {**item, "invocation": Invocation.from_dict(item["invocation"])}
        fields["mutations"] = [tuple(m) for m in item.get("mutations", [])]
        return cls(**fields)

    def report(self) -> str:
        lines = [f"[{self.klass}] {self.detail}", f"  signature: {self.signature}"]
        lines += [f"  mutation: {family}: {what}" for family, what in self.mutations]
        lines.append(f"  command: {self.invocation.shell()}")
        if self.invocation.tty or self.invocation.fault or self.invocation.charset != "utf-8":
            lines.append(
                f"  (stdout: tty={self.invocation.tty} fault={self.invocation.fault} "
                f"charset={self.invocation.charset})"
            )
        if self.trace:
            lines += ["  " + line for line in self.trace.rstrip().splitlines()[-8:]]
        return "\n".join(lines)


# What no output may hold raw: C0 controls but tab and line feed, DEL, C1, bidi controls.
UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")
_UNSAFE_NAMES = {"\x1b": "ESC", "\x9b": "CSI", "\x9d": "OSC", "\r": "CR", "\x07": "BEL"}
JSON_FORMATS = ("json", "sarif")
MAX_MESSAGE = 2000  # characters of one line on stderr


def _strict_json(text: str) -> None:
    def refuse(name: str) -> None:
        raise ValueError(f"{name} is not JSON")

    json.loads(text, parse_constant=refuse)


def _where(frames: list[tuple[str, int, str]]) -> str:
    """The innermost frame in walcli (else the innermost), as file:function."""
    ours = [f for f in frames if "/walcli/" in f[0]]
    file, _line, function = (ours or frames or [("?", 0, "?")])[-1]
    short = file.split("/walcli/", 1)[-1] if "/walcli/" in file else Path(file).name
    return f"{'walcli/' if '/walcli/' in file else ''}{short}:{function}"


@dataclass
class Snapshot:
    """What a case folder holds (names, sizes, times), to tell whether a command wrote."""

    entries: dict[str, tuple[int, int]]

    @classmethod
    def of(cls, case: Path) -> Snapshot:
        entries: dict[str, tuple[int, int]] = {}
        for folder, dirs, files in os.walk(case):
            dirs[:] = [d for d in dirs if d != ".git"]
            for name in files + dirs:
                path = os.path.join(folder, name)
                try:
                    st = os.lstat(path)
                except OSError:
                    continue
                entries[os.path.relpath(path, case)] = (st.st_size, st.st_mtime_ns)
        return cls(entries)

    def changes(self, other: Snapshot) -> list[str]:
        names = set(self.entries) | set(other.entries)
        return sorted(n for n in names if self.entries.get(n) != other.entries.get(n))


def listed_files(case: Path, kind: str) -> int:
    """How many record files a listing of the kind should account for: regular .yaml files
    with a valid id as name, in the kind's own folder inside the root."""
    folder = case / "reg" / "data" / kind
    if not folder.is_dir() or folder.is_symlink():
        return 0
    pattern = re.compile(r"[a-z0-9]+(-[a-z0-9]+)*\.yaml")
    return sum(
        1
        for p in folder.iterdir()
        if pattern.fullmatch(p.name) and p.is_file() and not p.is_symlink()
    )


def judge(inv: Invocation, out: Outcome, context: dict[str, Any]) -> list[Failure]:
    """Every oracle on one outcome. `context` may hold `changed` (paths a read-only command
    changed) and `expected_records` (for a plain listing)."""
    found: list[Failure] = []
    cmd, fmt = inv.key, inv.fmt or "default"

    def fail(klass: str, signature: str, detail: str, trace: str = "") -> None:
        found.append(
            Failure(
                klass,
                f"{klass} | {signature}",
                detail,
                inv,
                trace=trace,
                stdout=_excerpt(out.stdout),
                stderr=_excerpt(out.stderr),
            )
        )

    if out.timed_out:
        where = _where(out.frames) if out.frames else "?"
        fail("hang", f"{cmd} | {where}", f"{inv.command}: no answer (stuck in {where})", out.trace)
        return found
    if out.exception == "MemoryError":
        where = _where(out.frames)
        fail("memory", f"{cmd} | {where}", f"{inv.command}: MemoryError in {where}", out.trace)
        return found
    if out.exception is not None:
        where = _where(out.frames)
        stream = inv.fault or (inv.charset if inv.charset != "utf-8" else None)
        fail(
            "crash",
            # one root cause (the output stream is not handled), whichever command meets it
            f"{out.exception} | stdout {stream}" if stream else f"{out.exception} | {where}",
            f"{inv.command} --format {fmt}: {out.exception} in {where}",
            out.trace,
        )
        return found
    if out.exit_code not in (0, 1, 2):
        where = f"stdout {inv.fault}" if inv.fault else cmd
        fail("bad-exit", f"exit {out.exit_code} | {where}", f"{inv.command}: exit {out.exit_code}")
    stdout = out.stdout.decode(inv.charset, "surrogateescape")  # as the command wrote it
    stderr = out.stderr.decode(inv.charset, "surrogateescape")
    if out.exit_code != 0 and not stderr.strip() and not inv.fault:
        fail(
            "silent-failure",
            f"{cmd} | exit {out.exit_code}",
            f"{inv.command}: exit {out.exit_code} with nothing on stderr",
        )
    printed = bool(stdout.strip()) or inv.fault is not None
    if out.exit_code == 0 and not printed and inv.key in _NEVER_EMPTY and no_filter(inv):
        fail("empty-output", f"{cmd} | {fmt}", f"{inv.command}: exit 0 and nothing printed")
    if not inv.fault and stdout.strip() and "--explain" not in inv.args:
        _formats(inv, stdout, fail)
    for stream, text in (("stdout", stdout), ("stderr", stderr)):
        bad = UNSAFE.search(text)
        if bad:
            char = bad.group()
            name = _UNSAFE_NAMES.get(char, f"U+{ord(char):04X}")
            category = "bidi" if ord(char) > 0x9F else ("C1" if ord(char) >= 0x7F else "C0")
            fail(
                "unsafe-output",
                f"{cmd} | {fmt} | {stream} | {category}",
                f"{inv.command} --format {fmt}: raw {name} on {stream} "
                f"(tty={inv.tty}): ...{short(text[max(0, bad.start() - 40) : bad.end() + 40])}...",
            )
    longest = max((len(line) for line in stderr.splitlines()), default=0)
    if longest > MAX_MESSAGE:
        fail("long-message", f"{cmd}", f"{inv.command}: a {longest}-character line on stderr")
    if CANARY in stdout or CANARY in stderr:
        fail("read-outside-root", f"{cmd}", f"{inv.command}: printed a file from outside the root")
    if context.get("changed"):
        fail(
            "wrote-files",
            f"{cmd} | {context['changed'][0]}",
            f"{inv.command} (reads only) changed {context['changed'][:3]}",
        )
    if context.get("overwrote"):
        fail("overwrote", f"{cmd}", f"{inv.command} overwrote out/existing.md without --force")
    expected = context.get("expected_records")
    if expected and fmt == "json" and out.exit_code == 0 and not stderr.strip():
        try:
            got = json.loads(stdout)
        except ValueError:
            got = None
        if isinstance(got, list) and len(got) < expected:
            fail(
                "silent-loss",
                f"{cmd}",
                f"{inv.command}: {len(got)} records listed of {expected} files, no word on stderr",
            )
    return found


_NEVER_EMPTY = ("KIND list", "stats")


def no_filter(inv: Invocation) -> bool:
    words = inv.args[inv.args.index(inv.command.split()[-1]) + 1 :]
    return not any(w.startswith("--") and w not in ("--format", "--root", "--lang") for w in words)


def _formats(inv: Invocation, stdout: str, fail: Callable[..., None]) -> None:
    cmd, fmt = inv.key, inv.fmt or "default"
    if fmt in JSON_FORMATS:
        try:
            _strict_json(stdout)
        except ValueError as exc:
            reason = re.sub(r"[\d]+", "N", str(exc).split(":")[0])
            fail(
                "invalid-json", f"{cmd} | {fmt} | {reason}", f"{inv.command} --format {fmt}: {exc}"
            )
    elif fmt == "junit":
        try:
            ET.fromstring(stdout.encode("utf-8", "surrogateescape"))
        except ET.ParseError as exc:
            fail("invalid-xml", f"{cmd} | {fmt}", f"{inv.command} --format junit: {exc}")
    elif fmt == "yaml":
        try:
            yaml.load(stdout, Loader=DateLoader)
        except (yaml.YAMLError, RecursionError) as exc:
            fail(
                "invalid-yaml", f"{cmd} | {fmt}", f"{inv.command} --format yaml: {short(str(exc))}"
            )
    elif fmt == "github":
        bad = [line for line in stdout.splitlines() if line and not line.startswith("::")]
        if bad:
            fail(
                "github-injection",
                f"{cmd} | {fmt}",
                f"{inv.command} --format github: a line that is not an annotation: {short(bad[0])}",
            )


def _excerpt(raw: bytes, limit: int = 1500) -> str:
    text = raw.decode("utf-8", "backslashreplace")
    return text if len(text) <= limit else text[:limit] + f"... [{len(text)} chars]"

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
        if self.seed is not None:
            lines.append(
                f"  replay: python bench/fuzz.py --seed {self.seed} --start {self.index} "
                "--runs 1 --keep DIR   (DIR/*/recipe.sh rebuilds the case)"
            )
        return "\n".join(lines)


# What no output may hold raw: C0 controls but tab and line feed, DEL, C1, bidi controls.
UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")
_UNSAFE_NAMES = {"\x1b": "ESC", "\x9b": "CSI", "\x9d": "OSC", "\r": "CR", "\x07": "BEL"}
MAX_MESSAGE = 2000  # characters of one line on stderr


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


@dataclass(frozen=True)
class Run:
    """What the oracles look at: the invocation, its outcome decoded, and facts from before."""

    inv: Invocation
    out: Outcome
    stdout: str
    stderr: str
    context: dict[str, Any]

    @property
    def cmd(self) -> str:
        return self.inv.key

    @property
    def fmt(self) -> str:
        return self.inv.fmt or "default"


Verdict = tuple[str, str, str]  # (class, signature, detail)


def judge(inv: Invocation, out: Outcome, context: dict[str, Any]) -> list[Failure]:
    """Every oracle on one outcome. `context` may hold `changed` (paths a command that only
    reads changed), `overwrote` (a writer replaced a file it was not told to) and
    `expected_records` (record files a plain listing must account for)."""

    def failure(klass: str, signature: str, detail: str, trace: str = "") -> Failure:
        return Failure(
            klass,
            f"{klass} | {signature}",
            detail,
            inv,
            trace=trace,
            stdout=_excerpt(out.stdout),
            stderr=_excerpt(out.stderr),
        )

    stopped = _stopped(inv, out)
    if stopped is not None:  # nothing else to judge in a run that did not end
        return [failure(*stopped, trace=out.trace)]
    run = Run(
        inv,
        out,
        out.stdout.decode(inv.charset, "surrogateescape"),  # as the command encoded it
        out.stderr.decode(inv.charset, "surrogateescape"),
        context,
    )
    return [failure(*verdict) for oracle in ORACLES for verdict in oracle(run)]


# What writing to a closed, full or narrow (ascii) stdout raises.
_STREAM_ERRORS = ("OSError", "BrokenPipeError", "UnicodeEncodeError", "AttributeError")


def _stopped(inv: Invocation, out: Outcome) -> Verdict | None:
    """A hang, a MemoryError or an uncaught exception."""
    where = _where(out.frames) if out.frames else "?"
    if out.timed_out:
        return "hang", f"{inv.key} | {where}", f"{inv.command}: no answer (stuck in {where})"
    if out.exception == "MemoryError":
        return "memory", f"{inv.key} | {where}", f"{inv.command}: MemoryError in {where}"
    if out.exception is not None:
        stream = inv.fault or (inv.charset if inv.charset != "utf-8" else None)
        # One root cause (the output stream is not handled), whichever command meets it.
        key = f"stdout {stream}" if stream and out.exception in _STREAM_ERRORS else where
        detail = f"{inv.command} --format {inv.fmt}: {out.exception} in {where}"
        return "crash", f"{out.exception} | {key}", detail
    return None


def exit_codes(run: Run) -> list[Verdict]:
    code = run.out.exit_code
    if code in (0, 1, 2):
        return []
    where = f"stdout {run.inv.fault}" if run.inv.fault else run.cmd
    return [("bad-exit", f"exit {code} | {where}", f"{run.inv.command}: exit {code}")]


def a_message_when_failing(run: Run) -> list[Verdict]:
    if run.out.exit_code == 0 or run.stderr.strip() or run.inv.fault:
        return []
    code = run.out.exit_code
    detail = f"{run.inv.command}: exit {code} with nothing on stderr"
    return [("silent-failure", f"{run.cmd} | exit {code}", detail)]


_NEVER_EMPTY = ("KIND list", "stats")  # with no filter, these always have something to show


def never_empty(run: Run) -> list[Verdict]:
    if run.out.exit_code != 0 or run.stdout.strip() or run.inv.fault:
        return []
    if run.cmd not in _NEVER_EMPTY or not no_filter(run.inv):
        return []
    detail = f"{run.inv.command}: exit 0 and nothing printed"
    return [("empty-output", f"{run.cmd} | {run.fmt}", detail)]


def no_filter(inv: Invocation) -> bool:
    words = inv.args[inv.args.index(inv.command.split()[-1]) + 1 :]
    return not any(w.startswith("--") and w not in ("--format", "--root", "--lang") for w in words)


def formats_parse(run: Run) -> list[Verdict]:
    """JSON is strict JSON, JUnit is XML, YAML reads back, GitHub output is annotations only."""
    if run.inv.fault or not run.stdout.strip() or "--explain" in run.inv.args:
        return []
    check = _PARSERS.get(run.fmt)
    problem = check(run.stdout) if check else None
    if problem is None:
        return []
    klass, reason = problem
    signature = f"{run.cmd} | {run.fmt}" + (" | " + reason if klass == "invalid-json" else "")
    return [(klass, signature, f"{run.inv.command} --format {run.fmt}: {short(reason, 300)}")]


def _json(text: str) -> tuple[str, str] | None:
    def refuse(name: str) -> None:
        raise ValueError(f"{name} is not JSON")

    try:
        json.loads(text, parse_constant=refuse)
    except ValueError as exc:
        return "invalid-json", re.sub(r"\d+", "N", str(exc).split(":")[0])
    return None


def _junit(text: str) -> tuple[str, str] | None:
    try:
        ET.fromstring(text.encode("utf-8", "surrogateescape"))
    except ET.ParseError as exc:
        return "invalid-xml", str(exc)
    return None


def _yaml(text: str) -> tuple[str, str] | None:
    try:
        yaml.load(text, Loader=DateLoader)
    except (yaml.YAMLError, RecursionError) as exc:
        return "invalid-yaml", str(exc)
    return None


def _github(text: str) -> tuple[str, str] | None:
    bad = [line for line in text.splitlines() if line and not line.startswith("::")]
    return ("github-injection", f"a line that is not an annotation: {bad[0]}") if bad else None


_PARSERS: dict[str, Callable[[str], tuple[str, str] | None]] = {
    "json": _json,
    "sarif": _json,
    "junit": _junit,
    "yaml": _yaml,
    "github": _github,
}


def safe_characters(run: Run) -> list[Verdict]:
    """No raw control or bidi character on either stream, in any format (JSON included: it
    may escape them, and must, for what a terminal would act on)."""
    found = []
    for stream, text in (("stdout", run.stdout), ("stderr", run.stderr)):
        bad = UNSAFE.search(text)
        if bad is None:
            continue
        char = bad.group()
        name = _UNSAFE_NAMES.get(char, f"U+{ord(char):04X}")
        category = "bidi" if ord(char) > 0x9F else ("C1" if ord(char) >= 0x7F else "C0")
        around = short(text[max(0, bad.start() - 40) : bad.end() + 40])
        detail = f"{run.inv.command} --format {run.fmt}: raw {name} on {stream} "
        detail += f"(tty={run.inv.tty}): ...{around}..."
        found.append(("unsafe-output", f"{run.cmd} | {run.fmt} | {stream} | {category}", detail))
    return found


def short_messages(run: Run) -> list[Verdict]:
    longest = max((len(line) for line in run.stderr.splitlines()), default=0)
    if longest <= MAX_MESSAGE:
        return []
    return [("long-message", run.cmd, f"{run.inv.command}: a {longest}-character line on stderr")]


def inside_the_root(run: Run) -> list[Verdict]:
    if CANARY not in run.stdout and CANARY not in run.stderr:
        return []
    return [("read-outside-root", run.cmd, f"{run.inv.command}: printed a file outside the root")]


def reads_only(run: Run) -> list[Verdict]:
    changed = run.context.get("changed")
    if not changed:
        return []
    detail = f"{run.inv.command} (reads only) changed {changed[:3]}"
    return [("wrote-files", f"{run.cmd} | {changed[0]}", detail)]


def no_overwrite(run: Run) -> list[Verdict]:
    if not run.context.get("overwrote"):
        return []
    detail = f"{run.inv.command} overwrote out/existing.md without --force"
    return [("overwrote", run.cmd, detail)]


def nothing_vanishes(run: Run) -> list[Verdict]:
    """A plain JSON listing accounts for every record file, or says on stderr why not."""
    expected = run.context.get("expected_records")
    if not expected or run.fmt != "json" or run.out.exit_code != 0 or run.stderr.strip():
        return []
    try:
        got = json.loads(run.stdout)
    except ValueError:
        return []
    if not isinstance(got, list) or len(got) >= expected:
        return []
    detail = f"{run.inv.command}: {len(got)} records listed of {expected} files, no word on stderr"
    return [("silent-loss", run.cmd, detail)]


ORACLES: tuple[Callable[[Run], list[Verdict]], ...] = (
    exit_codes,
    a_message_when_failing,
    never_empty,
    formats_parse,
    safe_characters,
    short_messages,
    inside_the_root,
    reads_only,
    no_overwrite,
    nothing_vanishes,
)


def _excerpt(raw: bytes, limit: int = 1500) -> str:
    text = raw.decode("utf-8", "backslashreplace")
    return text if len(text) <= limit else text[:limit] + f"... [{len(text)} chars]"

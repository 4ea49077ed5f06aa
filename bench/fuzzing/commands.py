"""The commands of the CLI, found in the typer app, and the invocations a case runs: arguments
from a table per command (a generic fallback for the rest), environment, stream faults."""

from __future__ import annotations

import random
import re
import shlex
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .values import DATES, KINDS, Pools, escape_text, random_text

# -- commands --------------------------------------------------------------------------------


@dataclass(frozen=True)
class Param:
    name: str
    opts: tuple[str, ...]  # ("--format", "-f"); empty for an argument
    flag: bool
    multiple: bool
    required: bool
    choices: tuple[str, ...]
    type: str  # click's type name: text, integer, choice, path, ...
    metavar: str
    help: str


@dataclass(frozen=True)
class Command:
    path: tuple[str, ...]  # ("poles", "list"), ("validate",)
    params: tuple[Param, ...]

    @property
    def key(self) -> str:
        """The name the argument table knows it by: a kind's commands as `KIND list`."""
        head = ("KIND",) if self.path[0] in KINDS else self.path[:1]
        return " ".join((*head, *self.path[1:]))

    @property
    def name(self) -> str:
        return " ".join(self.path)

    def param(self, option: str) -> Param | None:
        return next((p for p in self.params if option in p.opts), None)

    @property
    def formats(self) -> tuple[str, ...]:
        """--format's values, from its choices or its help (`One of a, b, c.`)."""
        fmt = self.param("--format")
        if fmt is None:
            return ()
        if fmt.choices:
            return fmt.choices
        found = re.search(r"[Oo]ne of ([\w-]+(?:, [\w-]+)*)", fmt.help)
        return tuple(found.group(1).split(", ")) if found else FALLBACK_FORMATS


FALLBACK_FORMATS = ("text", "table", "tsv", "csv", "json", "yaml", "markdown")
WRITERS = ("report", "export", "new")  # commands that may write files, by first word


def discover(app: Any) -> list[Command]:
    """Every leaf command of the typer app, with its parameters, as click sees them. (Duck
    typed: recent typer carries its own copy of click.)"""
    import typer.main

    def params(command: Any) -> tuple[Param, ...]:
        found = []
        for p in command.params:
            if p.name == "help":
                continue
            option = p.param_type_name == "option"
            found.append(
                Param(
                    name=p.name or "",
                    opts=tuple(p.opts) if option else (),
                    flag=bool(getattr(p, "is_flag", False)),
                    multiple=bool(p.multiple) or p.nargs == -1,
                    required=bool(p.required),
                    choices=_param_type(p)[1],
                    type=_param_type(p)[0],
                    metavar=str(p.metavar or p.name or "").upper(),
                    help=getattr(p, "help", None) or "",
                )
            )
        return tuple(found)

    found: list[Command] = []

    def visit(command: Any, path: tuple[str, ...]) -> None:
        children = getattr(command, "commands", None)
        if isinstance(children, Mapping):  # wal's root holds a mapping built on demand
            for name in sorted(children):
                visit(children[name], (*path, name))
        elif path:
            found.append(Command(path, params(command)))

    visit(typer.main.get_command(app), ())
    return found


def _param_type(p: Any) -> tuple[str, tuple[str, ...]]:
    """(type name, choices) of a click parameter, or of a typer one that keeps its Python
    annotation instead of a click type."""
    import enum
    import typing

    if hasattr(p, "type"):
        return str(p.type.name), tuple(str(c) for c in getattr(p.type, "choices", ()) or ())
    annotation = getattr(getattr(p, "type_descriptor", None), "annotation", str)
    while typing.get_args(annotation) and typing.get_origin(annotation) is not typing.Literal:
        annotation = next(a for a in typing.get_args(annotation) if a is not type(None))
    if typing.get_origin(annotation) is typing.Literal:
        return "choice", tuple(str(a) for a in typing.get_args(annotation))
    if isinstance(annotation, type) and issubclass(annotation, enum.Enum):
        return "choice", tuple(str(m.value) for m in annotation)
    names = {int: "integer", float: "float", bool: "boolean", str: "text", Path: "path"}
    return names.get(annotation, getattr(annotation, "__name__", "text").lower()), ()


@dataclass(frozen=True)
class Invocation:
    """One run of `wal`. Paths are written {ROOT} (the registry) and {CASE} (the case
    folder) so a run can be replayed in another folder."""

    command: str  # the command's name: "poles list"
    key: str  # its key in the argument table: "KIND list"
    args: tuple[str, ...]  # after `wal`, global options included
    fmt: str | None
    env: tuple[tuple[str, str | None], ...] = ()
    cwd: str = "{CASE}"
    tty: bool = False
    charset: str = "utf-8"
    fault: str | None = None  # stdout: "broken-pipe", "full" or "closed"
    real: bool = False  # run as `python -m walcli` (always for a closed stdout)

    @classmethod
    def from_dict(cls, item: dict[str, Any]) -> Invocation:
        fields = {**item, "args": tuple(item["args"])}
        fields["env"] = tuple((k, v) for k, v in item["env"])
        return cls(**fields)

    def expand(self, case: Path) -> tuple[list[str], dict[str, str | None], Path]:
        def sub(text: str) -> str:
            return text.replace("{ROOT}", str(case / "reg")).replace("{CASE}", str(case))

        env = {k: (sub(v) if v is not None else None) for k, v in self.env}
        return [sub(a) for a in self.args], env, Path(sub(self.cwd))

    def shell(self) -> str:
        """The command as a person pastes it, with "$ROOT" and "$CASE" for the folders and
        PYTHONPATH pointing at the repository."""
        defaults = {("TERM", "dumb"), ("NO_COLOR", "1"), ("COLUMNS", "100"), ("LANG", "C.UTF-8")}
        env = [
            f"{k}={shell_quote(v)}"
            for k, v in self.env
            if v is not None and (k, v) not in defaults and k != "GIT_CEILING_DIRECTORIES"
        ]
        if self.charset != "utf-8":
            env.append(f"PYTHONIOENCODING={self.charset}")
        words = " ".join(shell_quote(a) for a in ("python3", "-m", "walcli", *self.args))
        line = " ".join([*env, words])
        if self.tty:  # a real terminal: script(1) gives the command a pty
            line = f"TERM=dumb script -qec {shlex.quote(line)} /dev/null"
        line += {"full": " >/dev/full", "broken-pipe": " | true", "closed": " >&-"}.get(
            self.fault or "", ""
        )
        return f"cd {shell_quote(self.cwd)} && {line}"


def shell_quote(text: str) -> str:
    """Text as one shell word; {ROOT} and {CASE} become "$ROOT" and "$CASE"."""
    out = []
    for part in re.split(r"(\{ROOT\}|\{CASE\})", text):
        if part in ("{ROOT}", "{CASE}"):
            out.append(f'"${part[1:-1]}"')
        elif len(part) > 300:
            out.append(f"\"$(python3 -c '{_py_expr(part)}')\"")
        elif part and all(c.isprintable() and ord(c) < 0x80 for c in part):
            out.append(shlex.quote(part))
        elif part:
            out.append("$'" + "".join(_ansi_c(ch) for ch in part) + "'")
    return "".join(out) or "''"


def _ansi_c(ch: str) -> str:
    if ch in "'\\":
        return "\\" + ch
    if ch.isprintable() and ord(ch) < 0x80:
        return ch
    return "".join(f"\\x{b:02x}" for b in ch.encode("utf-8", "surrogateescape"))


def _py_expr(text: str) -> str:
    """A Python program (without single quotes) that writes the text's bytes: long runs of
    one character as repetitions."""
    pieces = []
    for match in re.finditer(r"(.)\1{49,}|(?:(.)(?!\2{49}))+", text, re.DOTALL):
        run = match.group()
        if len(run) >= 50 and run == run[0] * len(run):
            pieces.append(f"{_py_literal(run[0])}*{len(run)}")
        else:
            pieces.append(_py_literal(run))
    body = "+".join(pieces) or '""'
    return f'import sys; sys.stdout.buffer.write(({body}).encode("utf-8", "surrogateescape"))'


def _py_literal(text: str) -> str:
    def esc(ch: str) -> str:
        if ch.isprintable() and ord(ch) < 0x80 and ch not in "\"'\\":
            return ch
        code = ord(ch)
        return (
            f"\\x{code:02x}"
            if code < 0x100
            else f"\\u{code:04x}"
            if code < 0x10000
            else f"\\U{code:08x}"
        )

    return '"' + "".join(esc(ch) for ch in text) + '"'


# -- arguments -------------------------------------------------------------------------------

Gen = Callable[["ArgContext"], list[str]]


@dataclass
class ArgContext:
    rng: random.Random
    pools: Pools
    command: Command
    hot: list[tuple[str, str]] = field(default_factory=list)  # records the mutations changed

    @property
    def kind(self) -> str | None:
        return self.command.path[0] if self.command.path[0] in KINDS else None

    def record_id(self) -> str:
        rng, kind = self.rng, self.kind
        near = self._near_hot()
        if near and rng.random() < 0.5:
            return rng.choice(near)
        if kind and self.pools.ids.get(kind) and rng.random() < 0.75:
            return rng.choice(self.pools.ids[kind])
        return rng.choice(
            (
                self.pools.any_id(rng),
                "nope",
                "",
                "-",
                "../../etc/passwd",
                escape_text(rng, "biowin"),
                "x" * 100_000,
                "BIOWIN",
                "bio\udcffwin",
            )
        )

    def _near_hot(self) -> list[str]:
        """Ids of this kind among the changed records and the records that name them (whose
        `show` prints the changed record's name)."""
        near = set(self.hot)
        for _, hot_id in self.hot:
            near.update(self.pools.referrers.get(hot_id, []))
        return sorted(i for k, i in near if self.kind in (None, k))

    def field_path(self) -> str:
        kind = self.kind or self.rng.choice(KINDS)
        paths = self.pools.paths.get(kind) or ["id"]
        if self.rng.random() < 0.8:
            return self.rng.choice(paths)
        return self.rng.choice(
            ("", ".", "..", "name.", "a.b.c.d.e", "0", "name.fr.x", "é", "\x1b[2J")
        )

    def where(self) -> str:
        op = self.rng.choice(("=", "!=", "~", "<", ">", "<=", ">=", "==", "=~", "<>", ""))
        value = self.rng.choice(
            (
                self.pools.any_id(self.rng),
                self.rng.choice(DATES),
                "1300",
                "9" * 5000,
                "",
                escape_text(self.rng, "x"),
                "génie",
                "nan",
                "1e400",
            )
        )
        return f"{self.field_path()}{op}{value}"

    def text(self) -> str:
        return random_text(self.rng, self.pools)

    def scratch(self) -> str:
        return self.rng.choice(("{CASE}/out/new", "{CASE}/out/existing.md", "{CASE}/out", "-"))


def _list_args(c: ArgContext) -> list[str]:
    args: list[str] = []
    for p in c.command.params:
        if not p.opts or p.opts[0] in ("--format", "--where", "--sort", "--columns"):
            continue
        if c.rng.random() < 0.15:
            value = c.rng.choice(
                (c.pools.any_id(c.rng), c.rng.choice(DATES), "2010", "-5", "9" * 5000, c.text())
            )
            args += [p.opts[0], value]
    for _ in range(c.rng.choice((0, 0, 1, 2))):
        args += ["--where", c.where()]
    if c.rng.random() < 0.3:
        args += ["--sort", c.rng.choice(("", "-")) + c.field_path()]
    if c.rng.random() < 0.3:
        args += ["--columns", ",".join(c.field_path() for _ in range(c.rng.randint(1, 4)))]
    return args


def _show_args(c: ArgContext) -> list[str]:
    return [c.record_id()]


def _search_args(c: ArgContext) -> list[str]:
    text = c.rng.choice(
        (c.text(), c.rng.choice(c.pools.words or ["bio"]), "(a+)+$", "*", "%", "é", "Liège")
    )
    args = ["--", text] if text.startswith("-") else [text]
    if c.rng.random() < 0.3:
        args += ["--kind", c.rng.choice((*KINDS, "things", ""))]
    return args


def _validate_args(c: ArgContext) -> list[str]:
    rng = c.rng
    args: list[str] = []
    if rng.random() < 0.3:
        args += [
            rng.choice(
                (
                    "{ROOT}/data/poles/biowin.yaml",
                    "{ROOT}/data",
                    "{ROOT}",
                    "{ROOT}/data/poles/gone.yaml",
                    "{CASE}/outside/canary.txt",
                    "/etc/passwd",
                    "{ROOT}/schemas/poles.schema.json",
                    "{ROOT}/data/poles/\x1b[2J.yaml",
                )
            )
        ]
    if rng.random() < 0.2:
        args.append("--strict")
    if rng.random() < 0.15:
        args.append("--changed")
    if rng.random() < 0.1:
        args += ["--explain", rng.choice(("yaml-syntax", "all", "bogus", "\x1b[2J", "x" * 10_000))]
    return args


def _validate_env(c: ArgContext) -> list[tuple[str, str | None]]:
    if c.rng.random() < 0.2:
        ref = c.rng.choice(("HEAD", "--output={ROOT}/written.txt", "nope", "HEAD~5", "-", ""))
        return [("PRE_COMMIT_FROM_REF", ref), ("PRE_COMMIT_TO_REF", "HEAD")]
    if c.rng.random() < 0.1:
        return [("GITHUB_ACTIONS", "true")]
    return []


def _diff_args(c: ArgContext) -> list[str]:
    rev = c.rng.choice(
        (
            "HEAD",
            "HEAD",
            "HEAD",
            "main",
            "HEAD~1",
            "nope",
            "",
            "HEAD:data",
            "--output=x",
            "@{u}",
            "x" * 10000,
            "\x1b[2J",
            "HEAD^{tree}",
        )
    )
    return ["--", rev] if rev.startswith("-") else [rev]


def _refs_args(c: ArgContext) -> list[str]:
    args = [c.record_id()]
    if c.rng.random() < 0.3 and c.command.param("--kind"):
        args += ["--kind", c.rng.choice((*KINDS, "things"))]
    if c.rng.random() < 0.3 and c.command.param("--depth"):
        args += ["--depth", c.rng.choice(("0", "1", "3", "-1", "1000000", "x"))]
    return args


def _timeline_args(c: ArgContext) -> list[str]:
    args: list[str] = []
    for option in ("--from", "--to"):
        if c.rng.random() < 0.3 and c.command.param(option):
            args += [option, c.rng.choice(("2006", "2013", "0", "-1", "99999", "x", "9" * 5000))]
    if c.rng.random() < 0.3 and c.command.param("--kind"):
        args += ["--kind", c.rng.choice((*KINDS, "things"))]
    if c.rng.random() < 0.3 and c.command.param("--record"):
        args += ["--record", c.record_id()]
    return args


def _graph_args(c: ArgContext) -> list[str]:
    args = [c.record_id()] if c.rng.random() < 0.5 else []
    if c.rng.random() < 0.3 and c.command.param("--depth"):
        args += ["--depth", c.rng.choice(("0", "1", "2", "-1", "1000000"))]
    if c.rng.random() < 0.3 and c.command.param("--kind"):
        args += ["--kind", c.rng.choice((*KINDS, "things"))]
    return args


def _report_args(c: ArgContext) -> list[str]:
    args: list[str] = []
    if c.rng.random() < 0.5:
        args.append(c.rng.choice((*KINDS, c.record_id())))
    if c.command.param("--out"):
        args += ["--out", c.rng.choice(("{CASE}/out/report", "{CASE}/out/existing.md"))]
    if c.rng.random() < 0.2 and c.command.param("--check"):
        args.append("--check")
    return args


def _export_args(c: ArgContext) -> list[str]:
    args: list[str] = []
    if c.command.param("--out"):
        args += ["--out", c.rng.choice(("{CASE}/out/export", "{CASE}/out/existing.md"))]
    if c.rng.random() < 0.2 and c.command.param("--force"):
        args.append("--force")
    return args


def _new_args(c: ArgContext) -> list[str]:
    kind = c.rng.choice((*KINDS, "things"))
    name = c.rng.choice(("new-record", "biowin", "Bad Id", escape_text(c.rng, "x"), "-x", ""))
    return [kind, name]


# The table of argument generators: a command's positional arguments and the options that need
# meaning; any other option gets a value from its type (see _generic_args).
ARGS: dict[str, Gen] = {
    "KIND list": _list_args,
    "KIND show": _show_args,
    "search": _search_args,
    "validate": _validate_args,
    "diff": _diff_args,
    "stats": lambda c: [],
    "refs": _refs_args,
    "timeline": _timeline_args,
    "graph": _graph_args,
    "report": _report_args,
    "export": _export_args,
    "new": _new_args,
}
ENVS: dict[str, Callable[[ArgContext], list[tuple[str, str | None]]]] = {
    "validate": _validate_env,
}


def _generic_value(c: ArgContext, p: Param) -> str:
    if p.choices:
        return c.rng.choice(p.choices)
    name = f"{p.name} {p.metavar}".lower()
    if p.type in ("integer", "float") or "depth" in name:
        return c.rng.choice(("0", "1", "3", "-1", "100000", "9" * 5000, "x"))
    if any(w in name for w in ("out", "file", "dir", "path", "template")):
        return c.scratch()
    if "kind" in name:
        return c.rng.choice((*KINDS, "things"))
    if "id" in name.split() or name.endswith("_id id"):
        return c.record_id()
    if any(w in name for w in ("year", "from", "to")):
        return c.rng.choice(DATES)
    return c.text()


def _generic_args(c: ArgContext, known: set[str]) -> list[str]:
    """Options the table does not fill: sometimes given, with a value from their type."""
    args: list[str] = []
    for p in c.command.params:
        if not p.opts or p.opts[0] in known or p.opts[0] == "--format":
            continue
        if c.rng.random() < (0.6 if p.required else 0.1):
            args += [p.opts[0]] if p.flag else [p.opts[0], _generic_value(c, p)]
    if c.command.key not in ARGS:  # positional arguments of a command nobody described
        for p in c.command.params:
            if not p.opts:
                args.append(_generic_value(c, p))
    return args


def plan(
    rng: random.Random,
    pools: Pools,
    commands: list[Command],
    formats_per_command: int,
    hot: list[tuple[str, str]] | None = None,
) -> list[Invocation]:
    """Every command, each with up to `formats_per_command` of its formats (at random); ids
    are often those of the changed records `hot` or of records that name them."""
    runs: list[Invocation] = []
    ordered = [c for c in commands if c.path[0] not in WRITERS]
    ordered += [c for c in commands if c.path[0] in WRITERS]  # writers last
    for command in ordered:
        formats: list[str | None] = list(command.formats) or [None]
        rng.shuffle(formats)
        chosen = formats[: max(1, formats_per_command)]
        if command.formats and rng.random() < 0.03:
            chosen.append("no-such-format")
        for fmt in chosen:
            runs.append(invocation(rng, pools, command, fmt, hot or []))
    return runs


def invocation(
    rng: random.Random,
    pools: Pools,
    command: Command,
    fmt: str | None,
    hot: list[tuple[str, str]],
) -> Invocation:
    c = ArgContext(rng, pools, command, hot)
    generator = ARGS.get(command.key)
    args = generator(c) if generator else []
    args = args + _generic_args(c, {a for a in args if a.startswith("--")})
    if fmt is not None:
        args = [
            *args[: _before_positionals(args)],
            "--format",
            fmt,
            *args[_before_positionals(args) :],
        ]
    env: list[tuple[str, str | None]] = [
        ("WAL_LANG", None),
        ("LANG", rng.choice(("C.UTF-8", "C.UTF-8", "fr_BE.UTF-8"))),
        ("TERM", "dumb"),
        ("NO_COLOR", "1"),
        ("COLUMNS", rng.choice(("100",) * 8 + ("0", "1", "7", "40", "1000"))),
        ("GITHUB_ACTIONS", None),
        ("PRE_COMMIT_FROM_REF", None),
        ("PRE_COMMIT_TO_REF", None),
        ("GIT_CEILING_DIRECTORIES", "{CASE}"),
    ]
    extra = ENVS.get(command.key)
    env += extra(c) if extra else []
    front: list[str] = []
    where = rng.random()
    cwd = "{CASE}"
    if where < 0.6:
        front = ["--root", "{ROOT}"]
        env.append(("WAL_ROOT", None))
    elif where < 0.9:
        env.append(("WAL_ROOT", "{ROOT}"))
    else:  # found from the working directory
        env.append(("WAL_ROOT", None))
        cwd = rng.choice(("{ROOT}", "{ROOT}/data"))
    if rng.random() < 0.3:
        front += ["--lang", rng.choice(("fr", "en", "fr", "en", "de", ""))]
    pick = rng.random()
    fault = rng.choice(("broken-pipe", "full", "closed")) if 0.03 <= pick < 0.06 else None
    return Invocation(
        command=command.name,
        key=command.key,
        args=(*front, *command.path, *args),
        fmt=fmt,
        env=tuple(dict(env).items()),
        cwd=cwd,
        tty=rng.random() < 0.25,
        charset=rng.choice(("ascii", "latin-1")) if pick < 0.03 else "utf-8",
        fault=fault,
        real=fault == "closed",
    )


def _before_positionals(args: list[str]) -> int:
    return args.index("--") if "--" in args else len(args)

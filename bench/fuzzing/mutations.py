"""Mutations of a case folder: one function each, drawn by weight from MUTATIONS. Each returns
a description of what it did (or None when it does not apply to what it found)."""

from __future__ import annotations

import json
import os
import random
import re
import shutil
import socket
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .values import (
    KINDS,
    SCHEMAS,
    Path_,
    Pools,
    dump_yaml,
    escape_text,
    flow,
    get_at,
    load_yaml,
    odd_sources,
    pointer,
    random_scalar,
    random_value,
    raw_fragment,
    set_at,
    short,
    walk,
)

# -- mutations -------------------------------------------------------------------------------


@dataclass
class Mutator:
    rng: random.Random
    case: Path
    pools: Pools
    touched: list[tuple[str, str]] = field(default_factory=list)  # records changed: (kind, id)

    @property
    def reg(self) -> Path:
        return self.case / "reg"

    def rel(self, path: Path) -> str:
        return os.fsdecode(path.relative_to(self.case)).encode("unicode_escape").decode()

    def record_files(self) -> list[Path]:
        found = []
        for kind in KINDS:
            folder = self.reg / "data" / kind
            if folder.is_dir() and not folder.is_symlink():
                found += [p for p in sorted(folder.iterdir()) if p.is_file() and not p.is_symlink()]
        return found

    def record(self) -> Path | None:
        """A record file to change (remembered: commands are then pointed at it)."""
        files = self.record_files()
        if not files:
            return None
        chosen = self.rng.choice(files)
        self.touched.append((chosen.parent.name, chosen.stem))
        return chosen

    def schema(self) -> Path:
        return self.reg / "schemas" / f"{self.rng.choice(SCHEMAS)}.schema.json"


Op = Callable[[Mutator], str | None]


def _structural(change: Callable[[Mutator, Any], tuple[str, dict[str, str]] | None]) -> Op:
    """An op on a record's data: the file is read as YAML, changed, written back."""

    def op(m: Mutator) -> str | None:
        path = m.record()
        if path is None:
            return None
        data = load_yaml(path.read_bytes())
        if not isinstance(data, dict | list):
            return None
        done = change(m, data)
        if done is None:
            return None
        what, raws = done
        path.write_bytes(dump_yaml(data, raws))
        return f"{m.rel(path)}: {what}"

    op.__name__ = change.__name__
    return op


def _paths(data: Any, *, root: bool = False) -> list[Path_]:
    return [p for p, _ in walk(data) if p or root]


@_structural
def set_value(m: Mutator, data: Any) -> tuple[str, dict[str, str]] | None:
    paths = _paths(data)
    if not paths:
        return None
    path = m.rng.choice(paths)
    value = random_value(m.rng, m.pools)
    set_at(data, path, value)
    return f"{pointer(path)} = {short(flow(value))}", {}


@_structural
def set_raw(m: Mutator, data: Any) -> tuple[str, dict[str, str]] | None:
    paths = _paths(data)
    if not paths:
        return None
    path = m.rng.choice(paths)
    family, raw = raw_fragment(m.rng, m.pools)
    set_at(data, path, "FUZZRAWMARKER0")
    return f"{pointer(path)} = YAML {short(raw)} ({family})", {"FUZZRAWMARKER0": raw}


@_structural
def delete_key(m: Mutator, data: Any) -> tuple[str, dict[str, str]] | None:
    paths = [p for p in _paths(data) if isinstance(p[-1], str)]
    if not paths:
        return None
    path = m.rng.choice(paths)
    parent = get_at(data, path[:-1])
    del parent[path[-1]]
    return f"delete {pointer(path)}", {}


@_structural
def odd_key(m: Mutator, data: Any) -> tuple[str, dict[str, str]] | None:
    maps = [p for p, v in walk(data) if isinstance(v, dict)]
    path = m.rng.choice(maps)
    key = m.rng.choice(
        (
            "[a, b]",
            "{a: 1}",
            "1",
            "-1",
            "0x1F",
            "null",
            "~",
            "true",
            "2006-07-01",
            "1.5",
            "!!python/tuple [1, 2]",
            "*nope",
            "&k key",
            '"\\e[2Jkey"',
            "<<",
            '""',
            "'id'",
            '"name\\u202e"',
            "FUZZ" + "K" * 100_000,
        )
    )
    get_at(data, path)["FUZZKEYMARKER0"] = random_scalar(m.rng, m.pools)
    return f"{pointer(path)}: odd key {short(key)}", {"FUZZKEYMARKER0": key}


@_structural
def duplicate_key(m: Mutator, data: Any) -> tuple[str, dict[str, str]] | None:
    maps = [p for p, v in walk(data) if isinstance(v, dict) and v]
    if not maps:
        return None
    path = m.rng.choice(maps)
    mapping = get_at(data, path)
    key = m.rng.choice(sorted(mapping))
    if not re.fullmatch(r"[A-Za-z_][\w-]*", key):
        return None
    mapping["FUZZDUPMARKER0"] = random_scalar(m.rng, m.pools)
    return f"{pointer((*path, key))}: duplicate key", {"FUZZDUPMARKER0": key}


@_structural
def nested_sources(m: Mutator, data: Any) -> tuple[str, dict[str, str]] | None:
    """Issue 7's `sources: [[x]]` / `[{id: x}]` on a claim, often beside attributed_to."""
    paths = [p for p, _ in walk(data) if p[-1:] == ("sources",)]
    ids = [p for p, _ in walk(data) if len(p) == 3 and p[0] == "sources" and p[2] == "id"]
    if m.rng.random() < 0.2 and ids:
        at = m.rng.choice(ids)
        odd: Any = m.rng.choice(([["x"]], {"id": "x"}, None, 12, ["a", "b"]))
        set_at(data, at, odd)
        return f"{pointer(at)} = {flow(odd)}", {}
    if not paths:
        return None
    path = m.rng.choice(paths)
    value = odd_sources(m.rng, m.pools)
    set_at(data, path, value)
    what = f"{pointer(path)} = {short(flow(value))}"
    parent = get_at(data, path[:-1])
    if isinstance(parent, dict) and m.rng.random() < 0.6:
        parent["attributed_to"] = "seed-deck"
        what += ", attributed_to: seed-deck"
    return what, {}


@_structural
def escape_in_text(m: Mutator, data: Any) -> tuple[str, dict[str, str]] | None:
    texts = [p for p, v in walk(data) if isinstance(v, str)]
    shown = [p for p in texts if p[:1] in (("name",), ("id",), ("summary",)) or "title" in p]
    pool = shown if shown and m.rng.random() < 0.6 else texts
    if not pool:
        return None
    path = m.rng.choice(pool)
    value = escape_text(m.rng, get_at(data, path))
    set_at(data, path, value)
    return f"{pointer(path)} = {flow(value)}", {}


@_structural
def swap_reference(m: Mutator, data: Any) -> tuple[str, dict[str, str]] | None:
    known = {i for ids in m.pools.ids.values() for i in ids}
    refs = [p for p, v in walk(data) if isinstance(v, str) and v in known and p != ("id",)]
    if not refs:
        return None
    path = m.rng.choice(refs)
    own = data.get("id") if isinstance(data, dict) else None
    value = m.rng.choice((m.pools.any_id(m.rng), own, "nope", escape_text(m.rng, "x"), ["a"]))
    set_at(data, path, value)
    return f"{pointer(path)} = {short(flow(value))}", {}


@_structural
def alias_between(m: Mutator, data: Any) -> tuple[str, dict[str, str]] | None:
    paths = _paths(data)
    if len(paths) < 2:
        return None
    first, second = m.rng.sample(paths, 2)
    if first[: len(second)] == second or second[: len(first)] == first:
        return None
    value = get_at(data, first)
    set_at(data, first, "FUZZANCMARKER0")
    set_at(data, second, "FUZZALIMARKER0")
    return (
        f"{pointer(second)} = *alias of {pointer(first)}",
        {"FUZZANCMARKER0": "&anc " + flow(value), "FUZZALIMARKER0": "*anc"},
    )


def _text_op(change: Callable[[Mutator, bytes], tuple[str, bytes] | None]) -> Op:
    """An op on a record's bytes."""

    def op(m: Mutator) -> str | None:
        path = m.record()
        if path is None:
            return None
        done = change(m, path.read_bytes())
        if done is None:
            return None
        what, raw = done
        path.write_bytes(raw)
        return f"{m.rel(path)}: {what}"

    op.__name__ = change.__name__
    return op


@_text_op
def truncate(m: Mutator, raw: bytes) -> tuple[str, bytes] | None:
    at = m.rng.randrange(len(raw) + 1)
    return f"truncated at byte {at}", raw[:at]


@_text_op
def flip_bytes(m: Mutator, raw: bytes) -> tuple[str, bytes] | None:
    if not raw:
        return None
    data = bytearray(raw)
    spots = sorted(m.rng.randrange(len(data)) for _ in range(m.rng.randint(1, 4)))
    for at in spots:
        data[at] = (
            m.rng.randrange(256) if m.rng.random() < 0.5 else data[at] ^ (1 << m.rng.randrange(8))
        )
    return f"bytes changed at {spots}", bytes(data)


@_text_op
def insert_bytes(m: Mutator, raw: bytes) -> tuple[str, bytes] | None:
    """Invalid UTF-8 and raw control characters, straight into the file."""
    chunk = m.rng.choice(
        (
            b"\xff",
            b"\xc3",
            b"\xc0\xaf",
            b"\xed\xa0\x80",
            b"\xf4\x90\x80\x80",
            b"\x00",
            b"\x1b[2J",
            b"\x1b]8;;https://evil.example/\x07x",
            b"\xc2\x9b2J",
            b"\xe2\x80\xae",
            b"\x85",
            b"\r",
            b"\x0c",
            b"\x7f",
            b"\xef\xbb\xbf",
        )
    )
    at = m.rng.randrange(len(raw) + 1)
    return f"inserted {chunk!r} at byte {at}", raw[:at] + chunk + raw[at:]


@_text_op
def reindent(m: Mutator, raw: bytes) -> tuple[str, bytes] | None:
    lines = raw.split(b"\n")
    index = m.rng.randrange(len(lines))
    change = m.rng.choice((b" ", b"  ", b"\t", b"    ", b"", b"\t  "))
    old = lines[index]
    stripped = old.lstrip(b" ")
    if m.rng.random() < 0.5:
        lines[index] = change + old
    else:
        lines[index] = change + stripped
    return f"line {index + 1} re-indented with {change!r}", b"\n".join(lines)


@_text_op
def shuffle_lines(m: Mutator, raw: bytes) -> tuple[str, bytes] | None:
    lines = raw.split(b"\n")
    index = m.rng.randrange(len(lines))
    how = m.rng.choice(("duplicated", "deleted", "swapped with the next", "repeated 5000 times"))
    if how == "duplicated":
        lines.insert(index, lines[index])
    elif how == "deleted":
        del lines[index]
    elif how == "repeated 5000 times":
        lines[index : index + 1] = [lines[index]] * 5000
    elif index + 1 < len(lines):
        lines[index], lines[index + 1] = lines[index + 1], lines[index]
    return f"line {index + 1} {how}", b"\n".join(lines)


@_text_op
def encoding(m: Mutator, raw: bytes) -> tuple[str, bytes] | None:
    how = m.rng.choice(("CRLF", "CR", "BOM", "UTF-16", "UTF-16 no BOM", "latin-1", "UTF-32"))
    text = raw.decode("utf-8", "replace")
    converted = {
        "CRLF": lambda: raw.replace(b"\n", b"\r\n"),
        "CR": lambda: raw.replace(b"\n", b"\r"),
        "BOM": lambda: b"\xef\xbb\xbf" + raw,
        "UTF-16": lambda: text.encode("utf-16"),
        "UTF-16 no BOM": lambda: text.encode("utf-16-le"),
        "latin-1": lambda: text.encode("latin-1", "replace"),
        "UTF-32": lambda: text.encode("utf-32"),
    }[how]()
    return f"re-encoded as {how}", converted


@_text_op
def documents(m: Mutator, raw: bytes) -> tuple[str, bytes] | None:
    how = m.rng.choice(
        (
            (b"---\n", b"", "a leading ---"),
            (b"", b"\n---\nid: other\n", "a second document"),
            (b"", b"\n...\n", "a document end marker"),
            (b"", b"\n---\n", "an empty second document"),
            (b"%YAML 1.1\n---\n", b"", "a %YAML directive"),
            (b"%YAML 2.0\n---\n", b"", "a %YAML 2.0 directive"),
            (b"%TAG ! tag:evil.example,2024:\n---\n", b"", "a %TAG directive"),
            (b"", b"\nid: duplicate\n", "a duplicate id key at the end"),
            (b"# \x1b[2J comment\n", b"", "a comment holding an escape"),
        )
    )
    return how[2], how[0] + raw + how[1]


@_text_op
def replace_file(m: Mutator, raw: bytes) -> tuple[str, bytes] | None:
    content = m.rng.choice(
        (
            b"",
            b"   \n\n",
            b"~\n",
            b"null\n",
            b"[]\n",
            b"{}\n",
            b"- a\n- b\n",
            b"42\n",
            b'"text"\n',
            b"---\n",
            b"--- \n...\n",
            b"# only a comment\n",
            b"&a [*a]\n",
            b'!!python/object/apply:os.system ["touch pwned"]\n',
            b"a: b: c\n",
            b"{\n",
            b"key: 'unterminated\n",
            b"\t- tab\n",
            b"id: x\n" * 3,
            b"[" * 100_000,
            b"- " * 50_000 + b"x\n",
            b"".join(b"  " * i + b"a:\n" for i in range(3000)),
            b"\x00" * 100,
            b"\xff\xfe" + "id: x\n".encode("utf-16-le"),
            b"A" * (1024 * 1024 + 1),
            b"a: " + b"1:30" * 260_000 + b"\n",
        )
    )
    return f"replaced by {short(repr(content))} ({len(content)} bytes)", content


ODD_NAMES = (
    b"bio\xffwin.yaml",
    b"\x1b[31mred\x1b[0m.yaml",
    "\u202eelif.yaml".encode(),
    b"a\nb.yaml",
    b"-rf.yaml",
    b" spaced .yaml",
    b"UPPER.yaml",
    b"x.yml",
    b"x.YAML",
    b".hidden.yaml",
    b"y" * 250 + b".yaml",
    "e\u0301t\u00e9.yaml".encode(),
    b"with:colon.yaml",
    b"$(touch pwned).yaml",
    b"x.yaml~",
    b"noext",
    b"x.yaml.yaml",
    b"back\\slash.yaml",
    b"\x1b]8;;https:evil.example\x07link\x1b]8;;\x07.yaml",
    b"tab\tname.yaml",
    b"%s%n.yaml",
)


def odd_file_name(m: Mutator) -> str | None:
    path = m.record()
    if path is None:
        return None
    name = m.rng.choice(ODD_NAMES)
    target = path.parent / os.fsdecode(name)
    how = m.rng.choice(("renamed", "copied"))
    if how == "renamed":
        path.rename(target)
    else:
        shutil.copyfile(path, target)
    return f"{m.rel(path)} {how} to {m.rel(target)}"


def symlink(m: Mutator) -> str | None:
    kind = m.rng.choice(KINDS)
    folder = m.reg / "data" / kind
    if not folder.is_dir():
        return None
    how = m.rng.choice(
        (
            "loop",
            "loop2",
            "dangling",
            "dev-zero",
            "dev-null",
            "dev-urandom",
            "outside-file",
            "outside-text",
            "other-record",
            "directory",
            "dir-loop",
            "kind-outside",
            "schema-dev-zero",
            "schemas-outside",
        )
    )
    link = folder / "link.yaml"
    target: str
    if how == "loop":
        target = "link.yaml"
    elif how == "loop2":
        os.symlink("link2.yaml", folder / "link.yaml")
        os.symlink("link.yaml", folder / "link2.yaml")
        return f"data/{kind}/link.yaml <-> link2.yaml (symlink loop)"
    elif how == "dangling":
        target = "nowhere.yaml"
    elif how.startswith("dev-"):
        target = "/dev/" + how[4:]
    elif how == "outside-file":
        source = m.rng.choice(sorted((m.case / "outside" / "data" / kind).glob("*.yaml")))
        link = folder / source.name
        link.unlink(missing_ok=True)
        target = os.path.relpath(source, folder)
    elif how == "outside-text":
        target = os.path.relpath(m.case / "outside" / "canary.txt", folder)
    elif how == "other-record":
        others = sorted(p.name for p in folder.glob("*.yaml"))
        if not others:
            return None
        target = m.rng.choice(others)
    elif how == "directory":
        target = "."
    elif how == "dir-loop":
        link = folder / "sub"
        target = ".."
    elif how == "kind-outside":
        shutil.rmtree(folder)
        os.symlink(os.path.relpath(m.case / "outside" / "data" / kind, folder.parent), folder)
        return f"data/{kind} -> outside/data/{kind} (kind folder outside the root)"
    elif how == "schema-dev-zero":
        schema = m.schema()
        schema.unlink()
        os.symlink("/dev/zero", schema)
        return f"{m.rel(schema)} -> /dev/zero"
    else:
        shutil.copytree(m.reg / "schemas", m.case / "outside" / "schemas", ignore=_specials)
        shutil.rmtree(m.reg / "schemas")
        os.symlink("../outside/schemas", m.reg / "schemas")
        return "schemas -> ../outside/schemas (outside the root)"
    os.symlink(target, link)
    return f"{m.rel(link)} -> {target} (symlink, {how})"


def _specials(folder: str, names: list[str]) -> list[str]:
    """What copytree must skip: anything but folders and regular files (a FIFO blocks)."""
    return [n for n in names if not (os.path.isdir(os.path.join(folder, n)) or _regular(folder, n))]


def _regular(folder: str, name: str) -> bool:
    import stat

    try:
        return stat.S_ISREG(os.stat(os.path.join(folder, name)).st_mode)
    except OSError:
        return False


def special_file(m: Mutator) -> str | None:
    """A FIFO or a socket where a record or a schema is expected: opening must not block."""
    how = m.rng.choice(("fifo-record", "fifo-schema", "socket-record"))
    if how == "fifo-schema":
        path = m.schema()
        path.unlink()
        os.mkfifo(path)
        return f"{m.rel(path)} is a FIFO"
    path = m.reg / "data" / m.rng.choice(KINDS) / "special.yaml"
    if not path.parent.is_dir():
        return None
    if how == "fifo-record":
        os.mkfifo(path)
        return f"{m.rel(path)} is a FIFO"
    if len(os.fsencode(path)) > 100:  # AF_UNIX paths are short
        return None
    with socket.socket(socket.AF_UNIX) as sock:
        sock.bind(os.fsdecode(path))
    return f"{m.rel(path)} is a unix socket"


def folders(m: Mutator) -> str | None:
    kind = m.rng.choice(KINDS)
    folder = m.reg / "data" / kind
    if not folder.is_dir() or folder.is_symlink():
        return None
    how = m.rng.choice(
        (
            "record-is-folder",
            "kind-is-file",
            "kind-missing",
            "kind-empty",
            "subfolder",
            "unknown-kind",
            "schemas-empty",
            "schema-missing",
            "schema-is-folder",
            "data-empty",
            "moved-kind",
            "copied-kind",
            "many-copies",
        )
    )
    # Regular files only: copying a FIFO an earlier mutation made would wait for a writer.
    records = sorted(p for p in folder.glob("*.yaml") if p.is_file() and not p.is_symlink())
    if how == "record-is-folder":
        (folder / "folder.yaml").mkdir()
        (folder / "folder.yaml" / "x.yaml").write_text("id: x\n")
        return f"data/{kind}/folder.yaml is a folder"
    if how == "kind-is-file":
        shutil.rmtree(folder)
        folder.write_text("id: x\n")
        return f"data/{kind} is a file"
    if how == "kind-missing":
        shutil.rmtree(folder)
        return f"data/{kind} removed"
    if how == "kind-empty":
        for record in records:
            record.unlink()
        return f"data/{kind} emptied"
    if how == "subfolder" and records:
        (folder / "sub").mkdir()
        shutil.copy(m.rng.choice(records), folder / "sub")
        return f"a record copied into data/{kind}/sub/"
    if how == "unknown-kind" and records:
        (m.reg / "data" / "things").mkdir(exist_ok=True)
        shutil.copy(m.rng.choice(records), m.reg / "data" / "things")
        return "a record copied into data/things/ (no such kind)"
    if how == "schemas-empty":
        for schema in (m.reg / "schemas").glob("*"):
            schema.unlink()
        return "schemas/ emptied"
    if how == "schema-missing":
        schema = m.schema()
        schema.unlink()
        return f"{m.rel(schema)} removed"
    if how == "schema-is-folder":
        schema = m.schema()
        schema.unlink()
        schema.mkdir()
        return f"{m.rel(schema)} is a folder"
    if how == "data-empty":
        shutil.rmtree(m.reg / "data")
        (m.reg / "data").mkdir()
        return "data/ emptied"
    if how in ("moved-kind", "copied-kind") and records:
        record = m.rng.choice(records)
        other = m.rng.choice([k for k in KINDS if k != kind])
        (shutil.move if how == "moved-kind" else shutil.copy)(record, m.reg / "data" / other)
        return f"data/{kind}/{record.name} {how.split('-')[0]} into data/{other}/"
    if how == "many-copies" and records:
        record = m.rng.choice(records)
        for n in range(300):
            shutil.copy(record, folder / f"{record.stem}-copy-{n}.yaml")
        return f"data/{kind}/{record.name} copied 300 times"
    return None


def rename_record(m: Mutator) -> str | None:
    """A record renamed as an editor would (new file name and id): `wal diff` sees a rename."""
    path = m.record()
    if path is None:
        return None
    data = load_yaml(path.read_bytes())
    new = path.stem + "-renamed"
    if isinstance(data, dict):
        data["id"] = new
        path.write_bytes(dump_yaml(data))
    path.rename(path.with_name(new + ".yaml"))
    return f"{m.rel(path)} renamed to {new}.yaml with id {new}"


SCHEMA_TEXTS = (
    b"",
    b"[]",
    b"null",
    b"true",
    b"false",
    b"42",
    b'"x"',
    b"{}",
    b'{"$ref": "#"}',
    b'{"$ref": "#/$defs/nope"}',
    b'{"$ref": "defs.schema.json#/$defs/nope"}',
    b'{"$ref": "nope.schema.json"}',
    b'{"$ref": "https://example.invalid/s.json"}',
    b'{"$ref": "file:///etc/passwd"}',
    b'{"type": "objet"}',
    b'{"type": "object", "properties": {"id": {"pattern": "["}}}',
    b'{"$schema": "http://json-schema.org/draft-04/schema#", "type": "object"}',
    b'{"$schema": "https://example.invalid/unknown", "type": "object"}',
    b"[" * 100_000,
    b'{"a":' * 5000 + b"1" + b"}" * 5000,
    b'{"type": "object", "type": "array"}',
    b'{"minimum": 1e999}',
    b'{"maxLength": ' + b"9" * 5000 + b"}",
    b'{"maximum": NaN}',
    b'{"title": "\x1b[2J\\u001b]8;;x\\u0007"}',
    b'{"$defs": {"a": {"$ref": "#/$defs/b"}, "b": {"$ref": "#/$defs/a"}}, "$ref": "#/$defs/a"}',
    b"\xff\xfe{}",
    b"\xef\xbb\xbf{}",
)


def schema_text(m: Mutator) -> str | None:
    schema = m.schema()
    if not schema.is_file():
        return None
    raw = schema.read_bytes()
    pick = m.rng.random()
    if pick < 0.5:
        content = m.rng.choice(SCHEMA_TEXTS)
        schema.write_bytes(content)
        return f"{m.rel(schema)} replaced by {short(repr(content))}"
    if pick < 0.7:
        at = m.rng.randrange(len(raw) + 1)
        schema.write_bytes(raw[:at])
        return f"{m.rel(schema)} truncated at byte {at}"
    data = bytearray(raw)
    at = m.rng.randrange(len(data))
    data[at] = m.rng.randrange(256)
    schema.write_bytes(bytes(data))
    return f"{m.rel(schema)}: byte {at} set to {data[at]:#04x}"


SCHEMA_VALUES: tuple[Any, ...] = (
    {"$ref": "#"},
    {"$ref": "#/$defs/nope"},
    {"$ref": "defs.schema.json#/$defs/nope"},
    "objet",
    -1,
    True,
    False,
    [],
    {},
    None,
    {"type": "objet"},
    {"pattern": "(a+)+["},
    {"x-ref": "things"},
    {"x-ref": ["poles"]},
    {"x-ref": 42},
    {"enum": []},
    {"format": "no-such-format"},
    {"$dynamicRef": "#meta"},
)


def schema_value(m: Mutator) -> str | None:
    schema = m.schema()
    if not schema.is_file():
        return None
    try:
        data = json.loads(schema.read_bytes())
    except ValueError:
        return None
    paths = _paths(data)
    refs = [p for p, v in walk(data) if p and p[-1] in ("$ref", "x-ref")]
    if refs and m.rng.random() < 0.4:
        path = m.rng.choice(refs)
        value: Any = m.rng.choice(("#", "#/$defs/nope", "nope.schema.json#", "", "things", 7, []))
    elif paths:
        path = m.rng.choice(paths)
        value = (
            m.rng.choice(SCHEMA_VALUES) if m.rng.random() < 0.7 else random_value(m.rng, m.pools)
        )
    else:
        return None
    set_at(data, path, value)
    schema.write_text(json.dumps(data, ensure_ascii=False, indent=2))
    return f"{m.rel(schema)}: {pointer(path)} = {short(flow(value))}"


def git_damage(m: Mutator) -> str | None:
    git = m.reg / ".git"
    if not git.is_dir():
        return None
    objects = sorted(p for p in (git / "objects").glob("??/*") if p.is_file())
    how = m.rng.choice(
        (
            "corrupt-object",
            "truncate-object",
            "delete-object",
            "head-garbage",
            "head-nowhere",
            "no-git",
            "gitfile-nowhere",
        )
    )
    if how in ("corrupt-object", "truncate-object", "delete-object") and objects:
        target = m.rng.choice(objects)
        raw = target.read_bytes()
        target.chmod(0o644)
        if how == "delete-object":
            target.unlink()
        elif how == "truncate-object":
            target.write_bytes(raw[: m.rng.randrange(len(raw))])
        else:
            data = bytearray(raw)
            for _ in range(4):
                data[m.rng.randrange(len(data))] = m.rng.randrange(256)
            target.write_bytes(bytes(data))
        return f"{m.rel(target)}: {how}"
    if how == "head-garbage":
        (git / "HEAD").write_bytes(b"\x1b[2J garbage\n")
    elif how == "head-nowhere":
        (git / "HEAD").write_text("ref: refs/heads/nowhere\n")
    elif how == "no-git":
        shutil.rmtree(git)
    elif how == "gitfile-nowhere":
        shutil.rmtree(git)
        git.write_text("gitdir: /nonexistent/.git\n")
    else:
        return None
    return f".git: {how}"


# Weights: most mutations change what a record holds, as contributors do.
MUTATIONS: tuple[tuple[str, Op, int], ...] = (
    ("value", set_value, 18),
    ("raw-yaml", set_raw, 16),
    ("delete-key", delete_key, 3),
    ("odd-key", odd_key, 4),
    ("duplicate-key", duplicate_key, 3),
    ("nested-sources", nested_sources, 7),
    ("escape-text", escape_in_text, 9),
    ("reference", swap_reference, 4),
    ("alias", alias_between, 2),
    ("truncate", truncate, 4),
    ("bytes", flip_bytes, 4),
    ("insert-bytes", insert_bytes, 4),
    ("indent", reindent, 3),
    ("lines", shuffle_lines, 3),
    ("encoding", encoding, 2),
    ("documents", documents, 2),
    ("whole-file", replace_file, 3),
    ("file-name", odd_file_name, 3),
    ("symlink", symlink, 3),
    ("special-file", special_file, 1),
    ("folders", folders, 2),
    ("rename", rename_record, 2),
    ("schema-text", schema_text, 2),
    ("schema-value", schema_value, 2),
    ("git", git_damage, 2),
)


def mutate(
    rng: random.Random, case: Path, pools: Pools
) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    """Apply one to three mutations: ([(family, description)], [(kind, id) of records changed])."""
    m = Mutator(rng, case, pools)
    done: list[tuple[str, str]] = []
    count = rng.choices((1, 2, 3), weights=(70, 20, 10))[0]
    names = [name for name, _, _ in MUTATIONS]
    weights = [weight for _, _, weight in MUTATIONS]
    attempts = 0
    while len(done) < count and attempts < 20:
        attempts += 1
        index = names.index(rng.choices(names, weights=weights)[0])
        try:
            what = MUTATIONS[index][1](m)
        except OSError:  # the folder as earlier mutations left it does not allow this one
            what = None
        if what is not None:
            done.append((names[index], what))
    return done, m.touched

"""`wal new KIND ID`: a new record file, from the kind's schema.

The skeleton holds every field the schema requires, nested required fields too, each value a
placeholder `TODO` with the schema's description as a comment (what goes there, the allowed
values), and a first line that tells yaml-language-server which schema to check it against.
Until every `TODO` is replaced, `wal validate` reports each one (code `placeholder`) in that
file, and nothing elsewhere: the new record names no other record and nothing names it yet.

The id is checked first: an ASCII slug, used by no record of any kind (ids are unique across
the registry), and never over an existing file; ids close to existing ones are warned about.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from walcli.core.errors import UsageError
from walcli.core.kinds import KINDS
from walcli.core.paths import RECORD_SUFFIX
from walcli.core.suggest import suggest
from walcli.core.text import LANGS
from walcli.i18n.catalog import t
from walcli.schema.walker import resolve

PLACEHOLDER = "TODO"
SLUG = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
MAX_ID = 80
MAX_DEPTH = 16
FIRST = ("id", "name", "summary")
LAST = ("sources",)
_PLAIN = re.compile(r"^[A-Za-z][A-Za-z0-9_.-]*$")
_YAML_WORDS = frozenset({"true", "false", "yes", "no", "on", "off", "null", "y", "n"})

Node = tuple[Any, str]  # a subschema and the name of the document it lives in
_NONE = object()


@dataclass
class Flat:
    """What a subschema says once its $ref, allOf and else branches are merged."""

    types: set[str] = field(default_factory=set)
    required: list[str] = field(default_factory=list)
    properties: dict[str, list[Node]] = field(default_factory=dict)
    items: list[Node] = field(default_factory=list)
    enum: list[Any] | None = None
    const: Any = _NONE
    description: str | None = None
    branches: list[list[Node]] = field(default_factory=list)


def _merge(documents: Mapping[str, Any], node: Node, flat: Flat, depth: int) -> None:
    schema, doc = node
    if not isinstance(schema, dict) or depth > MAX_DEPTH:
        return
    described = schema.get("description")
    if flat.description is None and isinstance(described, str):
        flat.description = described
    kinds = schema.get("type")
    flat.types.update([kinds] if isinstance(kinds, str) else kinds or [])
    for name in schema.get("required") or []:
        if isinstance(name, str) and name not in flat.required:
            flat.required.append(name)
    for name, sub in (schema.get("properties") or {}).items():
        flat.properties.setdefault(str(name), []).append((sub, doc))
    if isinstance(schema.get("items"), dict):
        flat.items.append((schema["items"], doc))
    if isinstance(schema.get("enum"), list) and flat.enum is None:
        flat.enum = schema["enum"]
    if "const" in schema and flat.const is _NONE:
        flat.const = schema["const"]
    for keyword in ("anyOf", "oneOf"):
        if isinstance(schema.get(keyword), list):
            flat.branches.append([(sub, doc) for sub in schema[keyword]])
    ref = schema.get("$ref")
    if isinstance(ref, str):
        found = resolve(documents, ref, doc)
        if found is not None:
            _merge(documents, found, flat, depth + 1)
    for sub in schema.get("allOf") or []:
        _merge(documents, (sub, doc), flat, depth + 1)
    if "if" in schema and "else" in schema:  # the shape that holds unless a marker is set
        _merge(documents, (schema["else"], doc), flat, depth + 1)


def flatten(documents: Mapping[str, Any], nodes: list[Node], depth: int = 0) -> Flat:
    flat = Flat()
    for node in nodes:
        _merge(documents, node, flat, depth)
    return flat


@dataclass
class Slot:
    """A value of the skeleton and the comment that says what it holds."""

    value: Any  # PLACEHOLDER, a constant, dict[str, Slot] or list[Slot]
    comment: str | None = None


def _comment(flat: Flat) -> str | None:
    parts = []
    if flat.description:
        parts.append(" ".join(flat.description.split()))
    if flat.enum and len(flat.enum) > 1:
        parts.append("one of: " + ", ".join(str(v) for v in flat.enum))
    return " ".join(parts) or None


def _is_container(flat: Flat) -> bool:
    return bool(flat.types & {"object", "array"} or flat.properties or flat.items)


def slot(documents: Mapping[str, Any], nodes: list[Node], depth: int = 0) -> Slot:
    """The placeholder for a value the nodes describe."""
    flat = flatten(documents, nodes, depth)
    comment = _comment(flat)
    if depth > MAX_DEPTH:
        return Slot(PLACEHOLDER, comment)
    if flat.const is not _NONE:
        return Slot(flat.const, comment)
    if flat.enum is not None and len(flat.enum) == 1:
        return Slot(flat.enum[0], comment)
    if not _is_container(flat):
        for branch in flat.branches:  # a value of several shapes: the first that is a container
            for alternative in branch:
                if _is_container(flatten(documents, [alternative], depth + 1)):
                    return slot(documents, [alternative], depth + 1)
        return Slot(PLACEHOLDER, comment)
    if "array" in flat.types or (flat.items and "object" not in flat.types):
        item = slot(documents, flat.items, depth + 1) if flat.items else Slot(PLACEHOLDER)
        return Slot([item], comment)
    fields = {}
    for name in flat.required:
        found = slot(documents, flat.properties.get(name, []), depth + 1)
        if name in LANGS:  # the key says it all
            found.comment = None
        fields[name] = found
    return Slot(fields, comment)


def record_slot(documents: Mapping[str, Any], kind: str, record_id: str) -> Slot:
    """The skeleton of a record: the kind's required fields, id first and sources last."""
    name = KINDS[kind].schema
    found = slot(documents, [(documents.get(name), name)])
    fields = found.value if isinstance(found.value, dict) else {}
    order = [n for n in FIRST if n in fields]
    order += [n for n in fields if n not in FIRST and n not in LAST]
    order += [n for n in LAST if n in fields]
    chosen = {n: fields[n] for n in order}
    if "id" in chosen:
        chosen["id"] = Slot(record_id)
    else:
        chosen = {"id": Slot(record_id), **chosen}
    return Slot(chosen)


# -- YAML text ---------------------------------------------------------------------------------


def _scalar(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if value is None:
        return "null"
    if isinstance(value, int | float):
        return json.dumps(value)
    text = str(value)
    if _PLAIN.match(text) and text.lower() not in _YAML_WORDS:
        return text
    return json.dumps(text, ensure_ascii=False)


def _with_comment(line: str, comment: str | None) -> str:
    if not comment:
        return line
    return f"{line}  # {' '.join(comment.split())}"


def _flow(item: Slot) -> bool:
    """A list of scalars: written inline, [TODO]."""
    return not isinstance(item.value, dict | list)


def _lines(mapping: dict[str, Slot], indent: int, first_prefix: str | None = None) -> list[str]:
    lines = []
    for index, (key, item) in enumerate(mapping.items()):
        lead = " " * indent
        if index == 0 and first_prefix is not None:
            lead = first_prefix
        head = f"{lead}{_scalar(key)}:"
        value = item.value
        if isinstance(value, dict):
            lines.append(_with_comment(head, item.comment))
            lines += _lines(value, indent + 2)
        elif isinstance(value, list) and all(_flow(v) for v in value):
            inner = ", ".join(_scalar(v.value) for v in value)
            lines.append(_with_comment(f"{head} [{inner}]", item.comment))
        elif isinstance(value, list):
            lines.append(_with_comment(head, item.comment))
            for entry in value:
                lines += _entry(entry, indent + 2)
        else:
            lines.append(_with_comment(f"{head} {_scalar(value)}", item.comment))
    return lines


def _entry(entry: Slot, indent: int) -> list[str]:
    if isinstance(entry.value, dict) and entry.value:
        return _lines(entry.value, indent + 2, first_prefix=" " * indent + "- ")
    return [_with_comment(" " * indent + f"- {_scalar(entry.value)}", entry.comment)]


def skeleton(documents: Mapping[str, Any], kind: str, record_id: str, lang: str) -> str:
    """The text of a new record file."""
    rel = f"{KINDS[kind].folder}/{record_id}{RECORD_SUFFIX}"
    header = [
        f"# yaml-language-server: $schema=../../schemas/{KINDS[kind].schema}",
        "# " + t("new.header", lang, kind=t(f"common.kind.{KINDS[kind].singular}", lang)),
        "#   wal validate " + rel,
    ]
    body = record_slot(documents, kind, record_id).value
    return "\n".join(header + _lines(body, 0)) + "\n"


# -- the id ------------------------------------------------------------------------------------


def existing_ids(root: Path) -> dict[str, str]:
    """Every record id of the registry (file stems, no YAML read) -> its kind."""
    found: dict[str, str] = {}
    for kind in KINDS.values():
        folder = root / kind.folder
        if not folder.is_dir():
            continue
        for name in sorted(os.listdir(folder)):
            if name.endswith(RECORD_SUFFIX) and not name.startswith("."):
                found.setdefault(name[: -len(RECORD_SUFFIX)], kind.name)
    return found


def check_id(root: Path, kind: str, record_id: str, lang: str) -> list[str]:
    """Raise UsageError for an id that cannot be used; the close ids to warn about."""
    if kind not in KINDS:
        raise UsageError(t("new.unknown_kind", lang, kind=kind, kinds=", ".join(KINDS)))
    if not SLUG.match(record_id) or len(record_id) > MAX_ID:
        raise UsageError(t("new.bad_id", lang, id=record_id))
    ids = existing_ids(root)
    if record_id in ids:
        other = ids[record_id]
        raise UsageError(
            t(
                "new.taken",
                lang,
                id=record_id,
                kind=t(f"common.kind.{KINDS[other].singular}", lang),
                file=f"{KINDS[other].folder}/{record_id}{RECORD_SUFFIX}",
            )
        )
    return suggest(record_id, frozenset(ids))


def create(root: Path, kind: str, record_id: str, lang: str) -> tuple[Path, list[str]]:
    """Write data/KIND/ID.yaml (never over an existing file); its path and the close ids."""
    from walcli.export.atomic import write_file
    from walcli.schema.set import SchemaSet

    close = check_id(root, kind, record_id, lang)
    schemas = SchemaSet.load(root)
    schemas.document(KINDS[kind].schema)  # a missing schema file is a broken registry
    text = skeleton(schemas.documents, kind, record_id, lang)
    folder = root / KINDS[kind].folder
    folder.mkdir(exist_ok=True)
    target = folder / f"{record_id}{RECORD_SUFFIX}"

    def fill(path: Path) -> None:
        path.write_text(text, encoding="utf-8")

    write_file(target, fill, force=False)
    return target, close

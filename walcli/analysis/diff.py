"""A semantic diff of the registry for review: the records at a git revision against the work
tree, record by record. Added, removed, renamed (same content under a new id, found by
similarity) and changed records, each changed field as a dotted path with its old and new
value, and the references the change breaks. Git is only read (ls-tree and cat-file)."""

from __future__ import annotations

import difflib
import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from walcli.core.kinds import KINDS
from walcli.core.paths import record_file
from walcli.core.registry import Registry
from walcli.core.text import localize, scalar_text
from walcli.io.files import MAX_BYTES
from walcli.io.git import commit_of, files_at
from walcli.io.scan import load_registry
from walcli.io.yaml import Document, parse_text

RENAME_SIMILARITY = 0.5  # share of leaf values two records must have in common to be a rename


class _Missing:
    def __repr__(self) -> str:
        return "MISSING"


MISSING: Any = _Missing()


@dataclass(frozen=True)
class FieldChange:
    path: str  # dotted, list items by index: sources.2.url
    old: Any  # MISSING when the field was added
    new: Any  # MISSING when the field was removed
    old_name: str | None = None  # the referenced record's name, for reference fields
    new_name: str | None = None

    @property
    def change(self) -> str:
        if self.old is MISSING:
            return "added"
        if self.new is MISSING:
            return "removed"
        return "changed"

    def as_dict(self) -> dict[str, Any]:
        item: dict[str, Any] = {"path": self.path, "change": self.change}
        if self.old is not MISSING:
            item["old"] = self.old
        if self.new is not MISSING:
            item["new"] = self.new
        if self.old_name is not None:
            item["old_name"] = self.old_name
        if self.new_name is not None:
            item["new_name"] = self.new_name
        return item


@dataclass(frozen=True)
class RecordChange:
    status: str  # added, removed, renamed, changed
    kind: str
    id: str  # the id now (the old id for a removed record)
    name: str  # in the chosen language, from the new side when there is one
    old_id: str | None = None  # for a renamed record
    similarity: float | None = None  # for a renamed record
    changes: list[FieldChange] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        item: dict[str, Any] = {"status": self.status, "kind": self.kind, "id": self.id}
        if self.old_id is not None:
            item["old_id"] = self.old_id
            item["similarity"] = self.similarity
        item["name"] = self.name
        item["changes"] = [c.as_dict() for c in self.changes]
        return item


@dataclass(frozen=True)
class BrokenReference:
    file: str
    line: int
    column: int
    path: str  # dotted
    kind: str
    id: str
    target_kind: str
    target_id: str
    renamed_to: str | None  # when the target was renamed, else it was removed

    def as_dict(self) -> dict[str, Any]:
        return {
            "file": self.file,
            "line": self.line,
            "column": self.column,
            "path": self.path,
            "kind": self.kind,
            "id": self.id,
            "target_kind": self.target_kind,
            "target_id": self.target_id,
            "renamed_to": self.renamed_to,
        }


@dataclass
class RegistryDiff:
    rev: str
    commit: str
    records: list[RecordChange]
    broken: list[BrokenReference]
    unreadable: list[str]  # record files that did not load, at the revision or now
    lang: str = "en"  # the language names were read in, and the words around them

    def counts(self) -> dict[str, int]:
        tally = {status: 0 for status in ("added", "removed", "renamed", "changed")}
        for record in self.records:
            tally[record.status] += 1
        return tally

    def as_dict(self) -> dict[str, Any]:
        return {
            "rev": self.rev,
            "commit": self.commit,
            "counts": self.counts(),
            "records": [r.as_dict() for r in self.records],
            "broken_references": [b.as_dict() for b in self.broken],
            "unreadable": self.unreadable,
        }


# -- reading both sides -----------------------------------------------------------------------

Side = dict[str, dict[str, dict[str, Any]]]  # kind -> id -> data


def _parse(raw: bytes | None, rel: str) -> dict[str, Any] | None:
    if raw is None:
        return None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        return None
    doc = parse_text(text, rel, track=False)
    return doc.data if isinstance(doc, Document) else None


def read_revision(root: Path, commit: str) -> tuple[Side, list[str]]:
    side: Side = {kind: {} for kind in KINDS}
    unreadable = []
    for blob in files_at(root, commit, "data", MAX_BYTES):
        where = record_file(blob.path, KINDS)
        if where is None:
            continue
        data = _parse(blob.content, blob.path)
        if data is None:
            unreadable.append(blob.path)
        else:
            side[where[0]][where[1]] = data
    return side, unreadable


def read_work_tree(registry: Registry) -> tuple[Side, list[str]]:
    side: Side = {kind: {r.id: r.data for r in registry.of(kind)} for kind in KINDS}
    unreadable = sorted(
        f"data/{kind}/{record_id}.yaml"
        for kind, ids in registry.broken.items()
        for record_id in ids
    )
    return side, unreadable


# -- comparing ----------------------------------------------------------------------------------


def _key(value: Any) -> str:
    return json.dumps(value, sort_keys=True, ensure_ascii=False, default=str)


def flatten(value: Any, path: tuple[str, ...] = ()) -> Iterator[tuple[tuple[str, ...], Any]]:
    """Every scalar (and empty collection) under a value, with its dotted path."""
    if isinstance(value, dict) and value:
        for key, item in value.items():
            yield from flatten(item, (*path, str(key)))
    elif isinstance(value, list) and value:
        for index, item in enumerate(value):
            yield from flatten(item, (*path, str(index)))
    else:
        yield path, value


def similarity(old: dict[str, Any], new: dict[str, Any]) -> float:
    """The share of leaf values (path and value, the id aside) two records have in common."""
    a = {(p, _key(v)) for p, v in flatten(old) if p != ("id",)}
    b = {(p, _key(v)) for p, v in flatten(new) if p != ("id",)}
    if not a and not b:
        return 1.0
    return len(a & b) / max(len(a), len(b))


def field_changes(old: Any, new: Any, path: tuple[str, ...] = ()) -> list[FieldChange]:
    """Changed, added and removed fields between two values, as dotted paths. Lists are
    aligned on equal items first, so one inserted item reads as one addition."""
    if _key(old) == _key(new):
        return []
    dotted = ".".join(path)
    if isinstance(old, dict) and isinstance(new, dict):
        changes = []
        for key in list(old) + [k for k in new if k not in old]:
            sub = (*path, str(key))
            if key not in new:
                changes.append(FieldChange(".".join(sub), old[key], MISSING))
            elif key not in old:
                changes.append(FieldChange(".".join(sub), MISSING, new[key]))
            else:
                changes += field_changes(old[key], new[key], sub)
        return changes
    if isinstance(old, list) and isinstance(new, list):
        return _list_changes(old, new, path)
    return [FieldChange(dotted, old, new)]


def _list_changes(old: list[Any], new: list[Any], path: tuple[str, ...]) -> list[FieldChange]:
    changes: list[FieldChange] = []
    matcher = difflib.SequenceMatcher(
        a=[_key(v) for v in old], b=[_key(v) for v in new], autojunk=False
    )
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            continue
        paired = min(i2 - i1, j2 - j1) if tag == "replace" else 0
        for offset in range(paired):
            changes += field_changes(old[i1 + offset], new[j1 + offset], (*path, str(j1 + offset)))
        for index in range(i1 + paired, i2):
            changes.append(FieldChange(".".join((*path, str(index))), old[index], MISSING))
        for index in range(j1 + paired, j2):
            changes.append(FieldChange(".".join((*path, str(index))), MISSING, new[index]))
    return changes


def record_name(data: dict[str, Any] | None, lang: str) -> str:
    if not data:
        return ""
    return scalar_text(localize(data.get("name"), lang))


def _renames(
    removed: list[str], added: list[str], old: dict[str, Any], new: dict[str, Any]
) -> list[tuple[str, str, float]]:
    """Pairs (old id, new id, similarity) of records alike enough to be one renamed record."""
    candidates = sorted(
        (
            (-score, old_id, new_id)
            for old_id in removed
            for new_id in added
            if (score := similarity(old[old_id], new[new_id])) >= RENAME_SIMILARITY
        ),
    )
    used_old: set[str] = set()
    used_new: set[str] = set()
    pairs = []
    for negative, old_id, new_id in candidates:
        if old_id not in used_old and new_id not in used_new:
            used_old.add(old_id)
            used_new.add(new_id)
            pairs.append((old_id, new_id, round(-negative, 2)))
    return pairs


def diff_registry(root: Path, rev: str, lang: str) -> RegistryDiff:
    """The registry at rev compared with the work tree, in the given language."""
    commit = commit_of(root, rev)
    before, unreadable_before = read_revision(root, commit)
    registry = load_registry(root)
    after, unreadable_after = read_work_tree(registry)
    skipped = {
        where for rel in unreadable_before + unreadable_after if (where := record_file(rel, KINDS))
    }
    records: list[RecordChange] = []
    renamed_to: dict[tuple[str, str], str] = {}
    for kind in KINDS:
        old = {k: v for k, v in before[kind].items() if (kind, k) not in skipped}
        new = {k: v for k, v in after[kind].items() if (kind, k) not in skipped}

        def named(changes: list[FieldChange], kind: str = kind) -> list[FieldChange]:
            refs = dict(registry.schemas.references(KINDS[kind].schema))
            return [_with_names(c, refs, before, after, lang) for c in changes]

        removed = sorted(set(old) - set(new))
        added = sorted(set(new) - set(old))
        pairs = _renames(removed, added, old, new)
        for old_id, new_id, score in pairs:
            renamed_to[(kind, old_id)] = new_id
            changes = [c for c in field_changes(old[old_id], new[new_id]) if c.path != "id"]
            records.append(
                RecordChange(
                    "renamed",
                    kind,
                    new_id,
                    record_name(new[new_id], lang),
                    old_id,
                    score,
                    named(changes),
                )
            )
        paired_old = {p[0] for p in pairs}
        paired_new = {p[1] for p in pairs}
        for record_id in added:
            if record_id not in paired_new:
                records.append(
                    RecordChange("added", kind, record_id, record_name(new[record_id], lang))
                )
        for record_id in removed:
            if record_id not in paired_old:
                records.append(
                    RecordChange("removed", kind, record_id, record_name(old[record_id], lang))
                )
        for record_id in sorted(set(old) & set(new)):
            changes = field_changes(old[record_id], new[record_id])
            if changes:
                records.append(
                    RecordChange(
                        "changed",
                        kind,
                        record_id,
                        record_name(new[record_id], lang),
                        changes=named(changes),
                    )
                )
    records.sort(key=lambda r: (list(KINDS).index(r.kind), r.id, r.status))
    broken = _broken_references(registry, before, renamed_to)
    return RegistryDiff(
        rev, commit, records, broken, sorted(set(unreadable_before + unreadable_after))
    )


def _matches(path: str, pattern: tuple[str, ...]) -> bool:
    parts = path.split(".")
    return len(parts) == len(pattern) and all(
        p == "*" or p == part for p, part in zip(pattern, parts, strict=True)
    )


def _with_names(
    change: FieldChange,
    refs: dict[tuple[str, ...], str],
    before: Side,
    after: Side,
    lang: str,
) -> FieldChange:
    """A change of a reference field, with the names of the records it names."""
    for pattern, target in refs.items():
        if _matches(change.path, pattern):
            return FieldChange(
                change.path,
                change.old,
                change.new,
                _ref_name(change.old, before[target], lang),
                _ref_name(change.new, after[target], lang),
            )
    return change


def _ref_name(value: Any, records: dict[str, dict[str, Any]], lang: str) -> str | None:
    if not isinstance(value, str):
        return None
    return record_name(records.get(value), lang) or "(missing)"


def _broken_references(
    registry: Registry, before: Side, renamed_to: dict[tuple[str, str], str]
) -> list[BrokenReference]:
    """References in the work tree to records that existed at the revision and no longer do."""
    broken = []
    for record in registry.all():
        for ref in registry.references_of(record):
            if ref.target_id in registry.ids(ref.target_kind):
                continue
            if ref.target_id not in before.get(ref.target_kind, {}):
                continue  # already missing at the revision: not this change's doing
            line, column = record.doc.locate(ref.path)
            broken.append(
                BrokenReference(
                    record.file,
                    line,
                    column,
                    ".".join(str(p) for p in ref.path),
                    record.kind,
                    record.id,
                    ref.target_kind,
                    ref.target_id,
                    renamed_to.get((ref.target_kind, ref.target_id)),
                )
            )
    return sorted(broken, key=lambda b: (b.file, b.line, b.column, b.path))

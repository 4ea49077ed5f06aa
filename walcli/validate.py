"""Check a registry: schemas, ids, references and rules. Every problem found, in one run."""

from __future__ import annotations

import json
import re
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from walcli.hazards import implicit_numbers, mojibake
from walcli.kinds import KINDS
from walcli.loader import JsonPath
from walcli.model import Record, Registry, did_you_mean, load_registry
from walcli.problems import Problem, pointer, schema_code, sorted_problems
from walcli.rules import RECORD_RULES, REGISTRY_RULES

if TYPE_CHECKING:
    from jsonschema.exceptions import ValidationError

_UNEXPECTED = re.compile(r"\('([^']*)'")
_BRANCHING = ("anyOf", "oneOf")
_TYPE_NAMES = {
    "string": "text",
    "integer": "a whole number",
    "number": "a number",
    "boolean": "true or false",
    "object": "a mapping",
    "array": "a list",
    "null": "null",
}


def _short(value: Any) -> str:
    text = json.dumps(value, ensure_ascii=False, default=str)
    return text if len(text) <= 60 else text[:57] + "..."


def _branch_choice(error: ValidationError) -> tuple[list[ValidationError], int]:
    """The errors of the closest failing branch of an anyOf/oneOf, and how many branches failed.

    A branch is a candidate when the value has its type; the closest candidate is the one whose
    errors lie deepest in the value (it matched the most before failing), then the one with
    the fewest errors, then the first. No candidate: no branch is chosen.
    """
    branches: dict[int, list[ValidationError]] = defaultdict(list)
    for sub in error.context or []:
        branches[int(sub.relative_schema_path[0])].append(sub)
    fitting = [
        (index, errs)
        for index, errs in sorted(branches.items())
        if not any(e.validator == "type" and not e.relative_path for e in errs)
    ]
    if not fitting:
        return [], len(branches)
    _, best = min(
        fitting,
        key=lambda item: (-max(len(e.relative_path) for e in item[1]), len(item[1]), item[0]),
    )
    return best, len(branches)


def _schema_problems(record: Record, error: ValidationError, suffix: str = "") -> list[Problem]:
    """The problems one schema error stands for (a failed anyOf/oneOf stands for the errors of
    its closest branch, each saying how many other branches failed)."""
    path: JsonPath = tuple(error.absolute_path)
    validator = str(error.validator)
    message = error.message
    if validator in _BRANCHING:
        chosen, count = _branch_choice(error)
        described = error.schema.get("description") if isinstance(error.schema, dict) else None
        # A mapping or list is told what failed in its closest branch; a plain value is told
        # what the field takes, if the schema says it in words (a date: 2006, 2006-07 or
        # 2009-12-03), rather than which regex it missed.
        composite = isinstance(error.instance, dict | list)
        if chosen and (composite or not described):
            others = f" ({count - 1} other {'branch' if count == 2 else 'branches'} also failed)"
            extra = others if count > 1 and not suffix else ""
            return [p for sub in chosen for p in _schema_problems(record, sub, suffix + extra)]
        if described:
            message = f"{_short(error.instance)} is not valid here: {described}"
        else:
            types = [str(s.validator_value) for s in error.context or [] if s.validator == "type"]
            message = f"{_short(error.instance)} is not of type {' or '.join(map(repr, types))}"
    key = False
    if validator in ("unevaluatedProperties", "additionalProperties"):
        found = _UNEXPECTED.search(message)
        if found:
            path, key = (*path, found.group(1)), True
            message = f"unexpected field {found.group(1)!r}" + _field_hint(error, found.group(1))
    elif validator == "enum":
        options = (
            [str(v) for v in error.validator_value]
            if isinstance(error.validator_value, list)
            else []
        )
        message += did_you_mean(str(error.instance), options)
    raw = record.doc.implicit.get(path)
    if raw is not None and not key and validator not in ("required", "minimum", "maximum"):
        return [
            record.problem(
                path, "yaml-implicit-type", _implicit_message(raw, validator, error, message)
            )
        ]
    where = pointer(path) or "record"
    return [record.problem(path, schema_code(validator), f"{where}: {message}{suffix}", key=key)]


def _implicit_message(raw: str, validator: str, error: ValidationError, message: str) -> str:
    """Why a plain scalar broke the schema: YAML read it as a number, boolean or null."""
    read_as = _short(error.instance)
    if validator == "type":
        wanted = error.validator_value
        names = wanted if isinstance(wanted, list) else [wanted]
        expected = (
            f"this field expects {' or '.join(_TYPE_NAMES.get(str(n), str(n)) for n in names)}"
        )
    else:
        expected = message
    if raw == "":
        return f"the value is empty, which YAML reads as null; {expected}: write the value"
    quoted = raw.replace("'", "''")
    return (
        f"unquoted {raw} is read by YAML as {read_as}, but {expected}; "
        f"if you mean the text, quote it: '{quoted}'"
    )


def _field_hint(error: ValidationError, name: str) -> str:
    schema = error.schema if isinstance(error.schema, dict) else {}
    known = list((schema.get("properties") or {}).keys())
    return did_you_mean(name, known) if known else ""


def schema_problems(registry: Registry, record: Record) -> list[Problem]:
    validator = registry.schemas.validator(KINDS[record.kind].schema)
    return [
        p for error in validator.iter_errors(record.data) for p in _schema_problems(record, error)
    ]


def reference_problems(registry: Registry) -> list[Problem]:
    problems = []
    kinds_of: dict[str, list[str]] = defaultdict(list)
    for kind in KINDS:
        for known in registry.ids(kind):
            kinds_of[known].append(kind)
    for record in registry.all():
        for ref in registry.references_of(record):
            if ref.target_id in registry.ids(ref.target_kind):
                continue
            wanted = KINDS[ref.target_kind].singular
            if kinds_of.get(ref.target_id):
                actual = KINDS[kinds_of[ref.target_id][0]].singular
                problems.append(
                    record.problem(
                        ref.path,
                        "wrong-kind-reference",
                        f"{ref.target_id!r} is a {actual}, but this field names a {wanted}",
                    )
                )
            else:
                hint = did_you_mean(ref.target_id, registry.ids(ref.target_kind))
                problems.append(
                    record.problem(
                        ref.path, "unknown-reference", f"no {wanted} {ref.target_id!r}{hint}"
                    )
                )
    return problems


@dataclass
class Outcome:
    """Every problem of a registry, sorted; and those that registry-wide rules found, which a
    change to one record can cause in another record's file."""

    problems: list[Problem]
    cross: set[Problem] = field(default_factory=set)


def check(registry: Registry) -> Outcome:
    """Every problem of a loaded registry, sorted by file, line, column and code."""
    problems = list(registry.problems)
    for record in registry.all():
        found = schema_problems(registry, record)
        implicit = {tuple(_path_of(p)) for p in found if p.code == "yaml-implicit-type"}
        problems += found
        problems += implicit_numbers(record, implicit)
        problems += mojibake(record)
        for rule in RECORD_RULES:
            problems += rule(record)
    cross: list[Problem] = []
    for registry_rule in (reference_problems, *REGISTRY_RULES):
        cross += registry_rule(registry)
    problems += cross
    return Outcome(sorted_problems(list(dict.fromkeys(problems))), set(cross))


def _path_of(problem: Problem) -> list[str | int]:
    """The path of a problem's JSON Pointer (list indexes as ints, as in Document paths)."""
    if not problem.path:
        return []
    parts: list[str | int] = []
    for part in problem.path[1:].split("/"):
        text = part.replace("~1", "/").replace("~0", "~")
        parts.append(int(text) if text.isdigit() else text)
    return parts


def validate(registry: Registry) -> list[Problem]:
    """Every problem of a loaded registry, sorted by file, line, column and code."""
    return check(registry).problems


def validate_root(root: Path) -> list[Problem]:
    return validate(load_registry(root))


def touched_records(files: list[str]) -> set[tuple[str, str]]:
    """(kind, id) of the records that files hold (or held, for files since deleted)."""
    touched = set()
    for name in files:
        parts = name.split("/")
        if len(parts) == 3 and parts[0] == "data" and parts[1] in KINDS:
            stem, dot, suffix = parts[2].rpartition(".")
            if dot and suffix in ("yaml", "yml") and stem:
                touched.add((parts[1], stem))
    return touched


def affected_files(registry: Registry, touched: set[tuple[str, str]]) -> set[str]:
    """Files of records a change to the touched records can break: records that reference one
    of them (by id, whatever kind the field expects, so wrong-kind references count), through a
    chain of same-kind references too (where cycles form), and records that share an id."""
    referrers: dict[str, set[tuple[str, str, str]]] = defaultdict(set)
    for record in registry.all():
        for ref in registry.references_of(record):
            referrers[ref.target_id].add((ref.target_kind, record.kind, record.id))
    found: set[tuple[str, str]] = set()
    queue = sorted(touched)
    for kind, record_id in queue:
        for target_kind, source_kind, source_id in sorted(referrers.get(record_id, set())):
            source = (source_kind, source_id)
            if source not in found:
                found.add(source)
                if source_kind == target_kind == kind:
                    queue.append(source)
    ids = {record_id for _, record_id in touched}
    files = {registry.records[kind][record_id].file for kind, record_id in found}
    return files | {record.file for record in registry.all() if record.id in ids}


def restrict(
    problems: list[Problem],
    files: list[str],
    registry: Registry,
    cross: set[Problem] | None = None,
) -> list[Problem]:
    """The problems that concern the given files (relative to the root, POSIX; deleted files
    too): problems in those files, and problems that registry-wide rules (references, unique
    ids, cycles, periods) find in other records that refer to what those files hold or held.

    A file under schemas/ concerns every record: then nothing is left out.
    """
    if any(name.startswith("schemas/") for name in files):
        return list(problems)
    if cross is None:
        cross = set(check(registry).cross)
    chosen = set(files)
    elsewhere = affected_files(registry, touched_records(files))

    def concerns(problem: Problem) -> bool:
        if problem.file in chosen or any(name.startswith(problem.file + "/") for name in chosen):
            return True
        return problem in cross and problem.file in elsewhere

    return [p for p in problems if concerns(p)]

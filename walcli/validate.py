"""Check a registry: schemas, ids, references and rules. Every problem found, in one run."""

from __future__ import annotations

import json
import re
from collections import defaultdict
from pathlib import Path
from typing import TYPE_CHECKING, Any

from walcli.kinds import KINDS
from walcli.loader import JsonPath
from walcli.model import Record, Registry, did_you_mean, load_registry
from walcli.problems import SCHEMA_CODE_PREFIX, Problem, pointer, sorted_problems
from walcli.rules import RECORD_RULES, REGISTRY_RULES

if TYPE_CHECKING:
    from jsonschema.exceptions import ValidationError

_UNEXPECTED = re.compile(r"\('([^']*)'")
_BRANCHING = ("anyOf", "oneOf")


def _short(value: Any) -> str:
    text = json.dumps(value, ensure_ascii=False, default=str)
    return text if len(text) <= 60 else text[:57] + "..."


def _branch_choice(error: ValidationError) -> tuple[ValidationError | None, int]:
    """The failing branch whose type fitted the value, and how many branches failed in all."""
    branches: dict[int, list[ValidationError]] = defaultdict(list)
    for sub in error.context or []:
        branches[int(sub.relative_schema_path[0])].append(sub)
    fitting = [
        errs
        for errs in branches.values()
        if not any(e.validator == "type" and not e.relative_path for e in errs)
    ]
    if not fitting:
        return None, len(branches)
    deepest = max(fitting[0], key=lambda e: len(e.relative_path))
    return deepest, len(branches)


def _schema_problem(record: Record, error: ValidationError) -> Problem:
    path: JsonPath = tuple(error.absolute_path)
    validator = str(error.validator)
    message = error.message
    if validator in _BRANCHING:
        chosen, count = _branch_choice(error)
        described = error.schema.get("description") if isinstance(error.schema, dict) else None
        if chosen is not None:
            path = tuple(chosen.absolute_path)
            validator = str(chosen.validator)
            others = f" ({count - 1} other {'branch' if count == 2 else 'branches'} also failed)"
            message = chosen.message + (others if count > 1 else "")
        elif described:
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
        quoted = raw.replace("'", "''")
        return record.problem(
            path,
            "yaml-implicit-type",
            f"unquoted {raw} was read by YAML as {_short(error.instance)}; "
            f"if you mean the text, quote it: '{quoted}' ({message})",
        )
    where = pointer(path) or "record"
    return record.problem(path, SCHEMA_CODE_PREFIX + validator, f"{where}: {message}", key=key)


def _field_hint(error: ValidationError, name: str) -> str:
    schema = error.schema if isinstance(error.schema, dict) else {}
    known = list((schema.get("properties") or {}).keys())
    return did_you_mean(name, known) if known else ""


def schema_problems(registry: Registry, record: Record) -> list[Problem]:
    validator = registry.schemas.validator(KINDS[record.kind].schema)
    return [_schema_problem(record, error) for error in validator.iter_errors(record.data)]


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


def validate(registry: Registry) -> list[Problem]:
    """Every problem of a loaded registry, sorted by file, line, column and code."""
    problems = list(registry.problems)
    for record in registry.all():
        problems += schema_problems(registry, record)
        for rule in RECORD_RULES:
            problems += rule(record)
    for registry_rule in (reference_problems, *REGISTRY_RULES):
        problems += registry_rule(registry)
    return sorted_problems(list(dict.fromkeys(problems)))


def validate_root(root: Path) -> list[Problem]:
    return validate(load_registry(root))


def restrict(problems: list[Problem], files: list[str], registry: Registry) -> list[Problem]:
    """Problems in the given files, and problems elsewhere that point at records they hold."""
    chosen = set(files)
    touched_ids = {Path(f).name.removesuffix(".yaml") for f in files}

    def concerns(problem: Problem) -> bool:
        if problem.file in chosen:
            return True
        if problem.code not in ("unknown-reference", "wrong-kind-reference", "duplicate-id"):
            return False
        return any(f"'{touched}'" in problem.message for touched in touched_ids)

    return [p for p in problems if concerns(p)]

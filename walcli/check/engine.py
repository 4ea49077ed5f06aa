"""Check a registry: schemas, then every rule. Every problem found, in one run, sorted; and a
restriction of them to what a change to some files concerns (pre-commit, `validate FILES`)."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from walcli.check.rules import RECORD_RULES, REGISTRY_RULES
from walcli.check.rules.placeholder import quiet
from walcli.core.kinds import KINDS
from walcli.core.paths import record_file
from walcli.core.problems import Problem, sorted_problems
from walcli.core.registry import Record, Registry
from walcli.schema.errors import schema_problems


@dataclass
class Outcome:
    """Every problem of a registry, sorted; and those that registry-wide rules found, which a
    change to one record can cause in another record's file."""

    problems: list[Problem]
    cross: set[Problem] = field(default_factory=set)


def record_problems(registry: Registry, record: Record) -> list[Problem]:
    """The schema's problems with a record, then the record rules'. Where the schema already
    reported a code at a path, a rule's problem of the same code there is dropped: the
    schema's message is the one that says what the field expects."""
    found = schema_problems(registry, record)
    said = {(p.code, p.path) for p in found}
    for rule in RECORD_RULES:
        found += [p for p in rule.check(record) if (p.code, p.path) not in said]
    return found


def check(registry: Registry) -> Outcome:
    """Every problem of a loaded registry, sorted by file, line, column and code."""
    problems = list(registry.problems)
    for record in registry.all():
        problems += record_problems(registry, record)
    cross = [p for rule in REGISTRY_RULES for p in rule.check(registry)]
    problems += cross
    return Outcome(sorted_problems(quiet(list(dict.fromkeys(problems)))), set(cross))


def touched_records(files: list[str]) -> set[tuple[str, str]]:
    """(kind, id) of the records that files hold (or held, for files since deleted)."""
    return {found for name in files if (found := record_file(name, KINDS))}


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

"""Ids are unique across the registry."""

from __future__ import annotations

from collections import defaultdict
from typing import TYPE_CHECKING

from walcli.check.rules._rule import RegistryRule
from walcli.core.problems import Code, E, Problem
from walcli.i18n.catalog import msg

if TYPE_CHECKING:
    from walcli.core.registry import Record, Registry

CODE = Code(
    "duplicate-id",
    E,
    "Two records share an id.",
    "Ids are unique across the registry; rename one of them.",
)


def ids_are_unique(registry: Registry) -> list[Problem]:
    holders: dict[str, list[Record]] = defaultdict(list)
    for record in registry.all():
        holders[record.id].append(record)
    problems = []
    for record_id, records in holders.items():
        for record in records[1:] if len(records) > 1 else []:
            first = records[0]
            problems.append(
                record.problem(
                    ("id",),
                    CODE,
                    msg("rules.duplicate_id", id=record_id, file=first.file),
                )
            )
    return problems


RULE = RegistryRule(
    (CODE,), ids_are_unique, "# data/poles/biowin.yaml and data/domains/biowin.yaml\nid: biowin"
)

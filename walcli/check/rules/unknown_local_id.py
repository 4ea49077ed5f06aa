"""Ids local to a record name one of its items."""

from __future__ import annotations

from typing import TYPE_CHECKING

from walcli.check.rules._rule import RecordRule
from walcli.check.rules.duplicate_local_id import local_key
from walcli.core.kinds import INDEX, LOCAL_REFERENCES
from walcli.core.paths import Pattern, values_at
from walcli.core.problems import Code, E, Problem
from walcli.core.suggest import suffix
from walcli.i18n.catalog import msg

if TYPE_CHECKING:
    from walcli.core.registry import Record

CODE = Code(
    "unknown-local-id",
    E,
    "An id local to the record (an actor named by an action or a body, an axis named by a programme, an objective named by an outcome) names no item of the record.",
    "Use one of the suggested ids, or add the missing item.",
)


# The table of local ids is declared with the kinds (a record view names them too).


def _known(record: Record, listed: Pattern, key: str) -> set[object]:
    found: set[object] = set()
    for _, items in values_at(record.data, listed):
        if not isinstance(items, list):
            continue
        if key == INDEX:
            found.update(range(len(items)))
        else:
            found.update(
                item[key] for item in items if isinstance(item, dict) and local_key(item.get(key))
            )
    return found


def local_references_exist(record: Record) -> list[Problem]:
    problems = []
    for kind, used, listed, key in LOCAL_REFERENCES:
        if record.kind != kind:
            continue
        known = _known(record, listed, key)
        where = ".".join(listed)
        for path, value in values_at(record.data, used):
            if not local_key(value) or value in known:
                continue
            if key == INDEX:
                message = msg(
                    "rules.unknown_local_index", value=value, where=where, count=len(known)
                )
            else:
                hint = suffix(str(value), [str(k) for k in known])
                message = msg(
                    "rules.unknown_local_id", key=key, value=value, where=where, hint=hint
                )
            problems.append(record.problem(path, CODE, message))
    return problems


RULE = RecordRule(
    (CODE,),
    local_references_exist,
    "actions:\n  - actors: [regoin]   # the record's actors: region, unions",
)

"""Ids local to a record name one of its items."""

from __future__ import annotations

from typing import TYPE_CHECKING

from walcli.check.rules._rule import RecordRule
from walcli.check.rules.duplicate_local_id import local_key
from walcli.core.kinds import LOCAL_REFERENCES
from walcli.core.paths import values_at
from walcli.core.problems import Code, E, Problem
from walcli.core.suggest import did_you_mean

if TYPE_CHECKING:
    from walcli.core.registry import Record

CODE = Code(
    "unknown-local-id",
    E,
    "An id local to the record (an actor named by an action or a body, an axis named by a programme) names no item of the record.",
    "Use one of the suggested ids, or add the missing item.",
)


# The table of local ids is declared with the kinds (a record view names them too).


def local_references_exist(record: Record) -> list[Problem]:
    problems = []
    for kind, used, listed, key in LOCAL_REFERENCES:
        if record.kind != kind:
            continue
        known = {
            item[key]
            for _, items in values_at(record.data, listed)
            if isinstance(items, list)
            for item in items
            if isinstance(item, dict) and local_key(item.get(key))
        }
        where = ".".join(listed)
        for path, value in values_at(record.data, used):
            if local_key(value) and value not in known:
                hint = did_you_mean(str(value), [str(k) for k in known])
                problems.append(
                    record.problem(
                        path,
                        CODE,
                        f"no item with {key} {value!r} in {where}{hint}",
                    )
                )
    return problems


RULE = RecordRule(
    (CODE,),
    local_references_exist,
    "actions:\n  - actors: [regoin]   # the record's actors: region, unions",
)

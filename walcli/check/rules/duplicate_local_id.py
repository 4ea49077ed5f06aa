"""Items of one list have distinct ids (axes distinct numbers)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from walcli.check.rules._rule import RecordRule
from walcli.core.claims import walk
from walcli.core.paths import pointer
from walcli.core.problems import Code, E, Problem
from walcli.i18n.catalog import msg

if TYPE_CHECKING:
    from walcli.core.registry import Record

CODE = Code(
    "duplicate-local-id",
    E,
    "Two items of one list in a record (actors, actions, bodies, programmes) share an id, or two axes a number.",
    "Give each item its own id.",
)


# Keys that name an item within its list: actors, actions and bodies by id, axes by number.
LOCAL_KEYS = ("id", "number")


def local_key(value: Any) -> bool:
    return isinstance(value, str | int) and not isinstance(value, bool)


def local_ids_are_unique(record: Record) -> list[Problem]:
    """Items of one list (actors, actions, bodies, programmes; axes by number) have distinct
    ids. The record's sources have their own rule (duplicate-source)."""
    problems = []
    for path, value in walk(record.data):
        if path == ("sources",) or not isinstance(value, list):
            continue
        for key in LOCAL_KEYS:
            seen: dict[Any, int] = {}
            for index, item in enumerate(value):
                local = item.get(key) if isinstance(item, dict) else None
                if not local_key(local):
                    continue
                if local in seen:
                    problems.append(
                        record.problem(
                            (*path, index, key),
                            CODE,
                            msg(
                                "rules.duplicate_local_id",
                                key=key,
                                value=local,
                                where=pointer((*path, seen[local])),
                            ),
                        )
                    )
                else:
                    seen[local] = index
    return problems


RULE = RecordRule(
    (CODE,), local_ids_are_unique, "actors:\n  - {id: region, ...}\n  - {id: region, ...}"
)

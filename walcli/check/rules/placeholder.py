"""A value still holds the placeholder `wal new` wrote.

`wal new KIND ID` writes every required field as `TODO`. Each one left is reported here, at
its line, with what to do; other problems at the same place (a TODO is not a date, not a URL,
not the id of a record) are left out by the engine (`quiet`), so each field to fill in is
reported once.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from walcli.check.rules._rule import RecordRule
from walcli.core.claims import walk
from walcli.core.paths import dotted
from walcli.core.problems import Code, E, Problem
from walcli.i18n.catalog import msg

if TYPE_CHECKING:
    from walcli.core.registry import Record

PLACEHOLDER = "TODO"

CODE = Code(
    "placeholder",
    E,
    "A value is still the placeholder TODO that wal new wrote.",
    "Replace TODO with the real value; the comment on its line (from the schema) says what goes there.",
)


def placeholders_filled(record: Record) -> list[Problem]:
    return [
        record.problem(path, CODE, msg("rules.placeholder", path=dotted(path), todo=PLACEHOLDER))
        for path, value in walk(record.data)
        if value == PLACEHOLDER and path
    ]


def quiet(problems: list[Problem]) -> list[Problem]:
    """The problems without those at (or below) a placeholder: it is not filled in yet."""
    spots = {(p.file, p.path) for p in problems if p.code == CODE.name}
    if not spots:
        return problems

    def under(problem: Problem) -> bool:
        if problem.code == CODE.name:
            return False
        path = problem.path
        while True:
            if (problem.file, path) in spots:
                return True
            if not path:
                return False
            path = path.rsplit("/", 1)[0]

    return [p for p in problems if not under(p)]


RULE = RecordRule(
    (CODE,),
    placeholders_filled,
    "# data/poles/my-pole.yaml, as wal new wrote it\ndomain: TODO  # The priority domain the pole serves",
)

"""Every record's id is its file name."""

from __future__ import annotations

from typing import TYPE_CHECKING

from walcli.check.rules._rule import RecordRule
from walcli.core.problems import Code, E, Problem
from walcli.i18n.catalog import msg

if TYPE_CHECKING:
    from walcli.core.registry import Record

CODE = Code(
    "id-mismatch",
    E,
    "The record's id differs from its file name.",
    "Rename the file to <id>.yaml or change the id to the file stem.",
)


def id_matches_file(record: Record) -> list[Problem]:
    given = record.data.get("id")
    if given is None or given == record.id:
        return []
    return [
        record.problem(
            ("id",),
            CODE,
            msg("rules.id_mismatch", id=given, file=record.id),
        )
    ]


RULE = RecordRule((CODE,), id_matches_file, "# data/poles/biowin.yaml\nid: bio-win")

"""A fact cites only sources its record lists."""

from __future__ import annotations

from typing import TYPE_CHECKING

from walcli.check.rules._rule import RecordRule
from walcli.core.claims import walk
from walcli.core.problems import Code, E, Problem
from walcli.i18n.catalog import msg

if TYPE_CHECKING:
    from walcli.core.registry import Record

CODE = Code(
    "unknown-source",
    E,
    "A fact cites a source id that the record does not list.",
    "Add the source to the record's 'sources' or cite one of its ids.",
)


def citations_exist(record: Record) -> list[Problem]:
    sources = record.data.get("sources")
    known = (
        {s["id"] for s in sources if isinstance(s, dict) and isinstance(s.get("id"), str)}
        if isinstance(sources, list)
        else set()
    )
    problems = []
    for path, value in walk(record.data):
        if not path or path == ("sources",) or path[-1] != "sources" or not isinstance(value, list):
            continue
        for index, cited in enumerate(value):
            if isinstance(cited, str) and cited not in known:
                problems.append(
                    record.problem(
                        (*path, index),
                        CODE,
                        msg("rules.unknown_source", source=cited),
                    )
                )
    return problems


RULE = RecordRule(
    (CODE,),
    citations_exist,
    "budget:\n  - value: 1100000000\n    sources: [spw-pm]   # the record lists spw-pm1",
)

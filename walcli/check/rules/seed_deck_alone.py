"""A seed-deck claim stands beside a sourced claim, never alone."""

from __future__ import annotations

from typing import TYPE_CHECKING

from walcli.check.rules._rule import RecordRule
from walcli.core.claims import is_claims, is_seed, walk
from walcli.core.problems import Code, E, Problem
from walcli.i18n.catalog import msg

if TYPE_CHECKING:
    from walcli.core.registry import Record

CODE = Code(
    "seed-deck-alone",
    E,
    "Every claim of a fact is the seed deck's: the fact is unconfirmed, yet would read as a value.",
    "Keep the deck's claim beside a sourced claim, or move it to open_questions.",
)


def seed_deck_is_not_alone(record: Record) -> list[Problem]:
    """A seed-deck claim stands beside a sourced claim of the same fact, never alone: a fact
    only the seed deck gives is UNCONFIRMED and belongs in open_questions (lists and reports
    would otherwise show the deck's figure as the value). Statements in lists (scope, notes)
    are separate items, not claims of one fact, and may be the deck's alone."""
    problems = []
    for path, value in walk(record.data):
        if is_claims(value) and all(is_seed(claim) for claim in value):
            problems.append(
                record.problem(
                    (*path, 0, "attributed_to"),
                    CODE,
                    msg("rules.seed_deck_alone"),
                )
            )
    return problems


RULE = RecordRule(
    (CODE,),
    seed_deck_is_not_alone,
    "budget:\n  - value: 2750000000\n    sources: [seed-deck]\n    attributed_to: seed-deck",
)

"""The seed deck is cited only by claims marked as the deck's, and they cite it."""

from __future__ import annotations

from typing import TYPE_CHECKING

from walcli.check.rules._rule import RecordRule
from walcli.core.claims import SEED_DECK, is_seed, walk
from walcli.core.claims import cited as cited_sources
from walcli.core.problems import Code, E, Problem
from walcli.i18n.catalog import msg

if TYPE_CHECKING:
    from walcli.core.registry import Record

CODE = Code(
    "seed-deck-citation",
    E,
    "The seed deck is cited by a fact not marked attributed_to: seed-deck, or a fact so marked does not cite it.",
    "Mark the claim attributed_to: seed-deck beside the sourced one, or cite a real source.",
)


def seed_deck_is_attributed(record: Record) -> list[Problem]:
    """The seed deck is cited only by facts marked attributed_to: seed-deck, and a fact so
    marked cites the seed deck: its claims are kept beside sourced ones, never as fact."""
    sources = record.data.get("sources")
    seeds: set[str] = {
        s["id"]
        for s in (sources if isinstance(sources, list) else [])
        if isinstance(s, dict) and s.get("kind") == SEED_DECK and isinstance(s.get("id"), str)
    }
    problems = []
    for path, value in walk(record.data):
        if not isinstance(value, dict) or not path:
            continue
        for key, cited in value.items():
            if key != "sources" and not key.endswith("_sources"):
                continue
            if not isinstance(cited, list):
                continue
            cites_seed = [i for i, c in enumerate(cited) if isinstance(c, str) and c in seeds]
            marked = key == "sources" and is_seed(value)
            if cites_seed and not marked:
                problems.append(
                    record.problem(
                        (*path, key, cites_seed[0]),
                        CODE,
                        msg("rules.seed_not_marked", source=cited[cites_seed[0]]),
                    )
                )
        if is_seed(value) and not any(c in seeds for c in cited_sources(value)):
            hint = (
                msg("rules.seed_cite", source=sorted(seeds)[0])
                if seeds
                else msg("rules.seed_list_it")
            )
            problems.append(
                record.problem(
                    (*path, "attributed_to"),
                    CODE,
                    msg("rules.seed_not_cited", hint=hint),
                )
            )
    return problems


RULE = RecordRule(
    (CODE,),
    seed_deck_is_attributed,
    "budget:\n  - value: 2750000000\n    sources: [seed-deck]   # no attributed_to: seed-deck",
)

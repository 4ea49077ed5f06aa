"""The table of rules: what `wal validate` checks beyond YAML and the schemas. Adding a rule
is one module (its codes, example and check) and one entry here; the code table, the README,
`--explain` and the tests (a case folder per code) are built from this table."""

from __future__ import annotations

from walcli.check.rules import (
    bad_date,
    duplicate_id,
    duplicate_local_id,
    duplicate_source,
    id_mismatch,
    label_outside_plan,
    linked_axis,
    mojibake,
    period_order,
    placeholder,
    range_order,
    reference_cycle,
    references,
    seed_deck_alone,
    seed_deck_citation,
    series_order,
    unknown_local_id,
    unknown_source,
    yaml_implicit_type,
)
from walcli.check.rules._rule import RecordRule, RegistryRule, Rule

RULES: tuple[Rule, ...] = (
    yaml_implicit_type.RULE,
    id_mismatch.RULE,
    duplicate_id.RULE,
    references.RULE,
    unknown_source.RULE,
    duplicate_source.RULE,
    bad_date.RULE,
    period_order.RULE,
    range_order.RULE,
    label_outside_plan.RULE,
    reference_cycle.RULE,
    series_order.RULE,
    seed_deck_citation.RULE,
    duplicate_local_id.RULE,
    unknown_local_id.RULE,
    linked_axis.RULE,
    seed_deck_alone.RULE,
    mojibake.RULE,
    placeholder.RULE,
)
RECORD_RULES = tuple(rule for rule in RULES if isinstance(rule, RecordRule))
REGISTRY_RULES = tuple(rule for rule in RULES if isinstance(rule, RegistryRule))

"""References name a record that exists, of the kind the field expects."""

from __future__ import annotations

from collections import defaultdict
from typing import TYPE_CHECKING

from walcli.check.rules._rule import RegistryRule
from walcli.core.kinds import KINDS
from walcli.core.problems import Code, E, Problem
from walcli.core.suggest import suffix
from walcli.i18n.catalog import msg

if TYPE_CHECKING:
    from walcli.core.registry import Registry

UNKNOWN = Code(
    "unknown-reference",
    E,
    "A reference names a record that does not exist.",
    "Use one of the suggested ids, or add the missing record.",
)

WRONG_KIND = Code(
    "wrong-kind-reference",
    E,
    "A reference names a record of another kind than the field expects.",
    "Point the field at a record of the expected kind.",
)


def references_exist(registry: Registry) -> list[Problem]:
    problems = []
    kinds_of: dict[str, list[str]] = defaultdict(list)
    for kind in KINDS:
        for known in registry.ids(kind):
            kinds_of[known].append(kind)
    for record in registry.all():
        for ref in registry.references_of(record):
            if ref.target_id in registry.ids(ref.target_kind):
                continue
            wanted = KINDS[ref.target_kind].singular
            if kinds_of.get(ref.target_id):
                actual = KINDS[kinds_of[ref.target_id][0]].singular
                problems.append(
                    record.problem(
                        ref.path,
                        WRONG_KIND,
                        msg(
                            "rules.wrong_kind",
                            id=ref.target_id,
                            actual=msg(f"common.kind.{actual}"),
                            wanted=msg(f"common.kind.{wanted}"),
                        ),
                    )
                )
            else:
                hint = suffix(ref.target_id, registry.ids(ref.target_kind))
                problems.append(
                    record.problem(
                        ref.path,
                        UNKNOWN,
                        msg(
                            "rules.unknown_reference",
                            kind=msg(f"common.kind.{wanted}"),
                            id=ref.target_id,
                            hint=hint,
                        ),
                    )
                )
    return problems


RULE = RegistryRule((UNKNOWN, WRONG_KIND), references_exist, "# poles/biowin.yaml\ndomain: biotek")

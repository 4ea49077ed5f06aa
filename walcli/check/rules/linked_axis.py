"""A link to an axis of another plan names an axis that plan has."""

from __future__ import annotations

from typing import TYPE_CHECKING

from walcli.check.rules._rule import RegistryRule
from walcli.core.problems import Code, E, Problem
from walcli.core.suggest import suffix
from walcli.i18n.catalog import msg

if TYPE_CHECKING:
    from walcli.core.registry import Registry

CODE = Code(
    "unknown-linked-axis",
    E,
    "A link to an axis of another plan (plan_links with axis) names an axis number that plan does not have.",
    "Use one of the axis numbers of the plan linked to, or drop axis if the link is to the plan as a whole.",
)


def _axes(data: dict[str, object]) -> set[int]:
    axes = data.get("axes")
    return {
        item["number"]
        for item in (axes if isinstance(axes, list) else [])
        if isinstance(item, dict)
        and isinstance(item.get("number"), int)
        and not isinstance(item.get("number"), bool)
    }


def linked_axes_exist(registry: Registry) -> list[Problem]:
    problems = []
    plans = registry.records.get("plans", {})
    for record in registry.of("plans"):
        links = record.data.get("plan_links")
        for index, link in enumerate(links if isinstance(links, list) else []):
            if not isinstance(link, dict) or "axis" not in link:
                continue
            name = link.get("plan")
            target = plans.get(name) if isinstance(name, str) else None
            axis = link["axis"]
            if target is None or not isinstance(axis, int) or isinstance(axis, bool):
                continue  # a missing plan is unknown-reference's to report
            known = _axes(target.data)
            if known and axis not in known:
                hint = suffix(str(axis), [str(n) for n in sorted(known)])
                problems.append(
                    record.problem(
                        ("plan_links", index, "axis"),
                        CODE,
                        msg(
                            "rules.linked_axis",
                            plan=target.id,
                            axis=axis,
                            axes=", ".join(map(str, sorted(known))),
                            hint=hint,
                        ),
                    )
                )
    return problems


RULE = RegistryRule(
    (CODE,),
    linked_axes_exist,
    "plan_links:\n  - plan: marshall-1   # axes 1 to 5\n    type: axis\n    axis: 7",
)

"""A pole is labelled within the period of the plan that labelled it."""

from __future__ import annotations

from typing import TYPE_CHECKING

from walcli.check.rules._rule import RegistryRule
from walcli.core.claims import is_claims, is_seed
from walcli.core.dates import span
from walcli.core.kinds import KINDS
from walcli.core.problems import Code, E, Problem
from walcli.i18n.catalog import msg

if TYPE_CHECKING:
    from walcli.core.registry import Registry

CODE = Code(
    "label-outside-plan",
    E,
    "No sourced labelling date of a pole lies within the period of the plan in labelled_by.",
    "Correct labelled or labelled_by, or the plan's period; one sourced claim inside suffices.",
)


# A record's date claims that must fall within the period of the record a sibling field names:
# (kind, date field, reference field, kind referenced, problem code).
WITHIN_PERIOD: tuple[tuple[str, str, str, str, Code], ...] = (
    ("poles", "labelled", "labelled_by", "plans", CODE),
)


def labels_within_plans(registry: Registry) -> list[Problem]:
    """A pole is labelled within the period of the plan that labelled it.

    Where sources disagree on the date (MecaTech: 2006 or 2007), the record keeps every claim
    on purpose, and one of them is the true date: the rule passes when any sourced claim (not
    the seed deck's) lies within the period, and reports when none does. Seed-deck claims only
    count when they are all there is. Dates compare at the precision given: 2006 lies within
    2006-2009, and 2005 lies within a period starting 2005-08. An open end runs to today.
    """
    problems = []
    for kind, field, ref_field, target_kind, code in WITHIN_PERIOD:
        targets = registry.records.get(target_kind, {})
        for record in registry.of(kind):
            target_id = record.data.get(ref_field)
            claims = record.data.get(field)
            target = targets.get(target_id) if isinstance(target_id, str) else None
            if target is None or not is_claims(claims):
                continue
            period = target.data.get("period")
            if not isinstance(period, dict):
                continue
            start, end = span(period.get("start")), span(period.get("end"))
            if start is None or (end is not None and start.after(end)):
                continue  # no period, or a broken one (period-order reports it)
            sourced = [i for i, claim in enumerate(claims) if not is_seed(claim)]
            chosen = sourced or list(range(len(claims)))
            spans = [(i, span(claims[i]["value"])) for i in chosen]
            known = [(i, s) for i, s in spans if s is not None]
            if not known:
                continue
            inside = [
                s for _, s in known if not start.after(s) and (end is None or not s.after(end))
            ]
            if inside:
                continue
            values = ", ".join(s.text for _, s in known)
            period_text = (
                msg("rules.period_to", start=start.text, end=end.text)
                if end
                else msg("rules.period_on", start=start.text)
            )
            set_aside = [str(claims[i]["value"]) for i in range(len(claims)) if i not in chosen]
            note = msg("rules.seed_set_aside", values=", ".join(set_aside)) if set_aside else ""
            problems.append(
                record.problem(
                    (field, known[0][0], "value"),
                    code,
                    msg(
                        "rules.label_outside_plan",
                        field=field,
                        values=values,
                        period=period_text,
                        kind=msg(f"common.kind.{KINDS[target_kind].singular}"),
                        id=target_id,
                        ref=ref_field,
                        note=note,
                    ),
                )
            )
    return problems


RULE = RegistryRule(
    (CODE,),
    labels_within_plans,
    "# poles/x.yaml\nlabelled:\n  - {value: 2014, sources: [s]}\nlabelled_by: marshall-1   # period 2006-2009",
)

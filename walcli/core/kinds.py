"""The kinds of record, declared once: folder, schema, list columns and filters.

Adding a kind is a schema, a folder and one entry here; the CLI builds its commands from this.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from walcli.core.paths import Pattern


class Match(StrEnum):
    REF = "ref"  # names a record of the target kind: any reference to it counts (checked)
    EXACT = "exact"  # equal, ignoring case and accents
    TEXT = "text"  # contains, ignoring case and accents
    ACTIVE = "active"  # a year within [start, end] (an open end means still running)
    YEAR = "year"  # the year of a date equals the value


@dataclass(frozen=True)
class Filter:
    option: str
    paths: tuple[str, ...]  # dotted paths; ACTIVE takes (start, end); REF follows every link
    match: Match
    help: str
    target: str | None = None  # the kind a REF filter names


@dataclass(frozen=True)
class Kind:
    name: str  # plural, as on the command line
    singular: str
    columns: tuple[str, ...]  # what `list` prints for machines (tsv, csv, json, yaml)
    filters: tuple[Filter, ...]
    table: tuple[str, ...] = ()  # what a person reads (table, markdown), if other than columns
    examples: tuple[str, ...] = ()  # `wal KIND list` arguments the help shows as examples
    sample: str = ""  # an id the help of `show` uses in its examples

    @property
    def table_columns(self) -> tuple[str, ...]:
        return self.table or self.columns

    @property
    def folder(self) -> str:
        return f"data/{self.name}"

    @property
    def schema(self) -> str:
        return f"{self.name}.schema.json"


KINDS: dict[str, Kind] = {
    kind.name: kind
    for kind in (
        Kind(
            "domains",
            "domain",
            ("id", "name", "type", "introduced_by"),
            (
                Filter("type", ("type",), Match.EXACT, "Domain type (priority-domain, ...)."),
                Filter(
                    "plan",
                    ("introduced_by",),
                    Match.REF,
                    "Linked to this plan (introduced by).",
                    "plans",
                ),
            ),
            examples=("--type priority-domain", "--plan marshall-1"),
            sample="biotech",
        ),
        Kind(
            "poles",
            "pole",
            ("id", "name", "domain", "labelled", "website"),
            (
                Filter(
                    "domain",
                    ("domain",),
                    Match.REF,
                    "Serving this domain (or its S3 role).",
                    "domains",
                ),
                Filter("plan", ("labelled_by",), Match.REF, "Labelled under this plan.", "plans"),
                Filter("year", ("labelled", ""), Match.ACTIVE, "Labelled by this year."),
            ),
            table=("id", "name", "domain", "labelled"),
            examples=("--domain biotech", "--year 2010 --sort labelled"),
            sample="biowin",
        ),
        Kind(
            "plans",
            "plan",
            ("id", "name", "period.start", "period.end", "budget"),
            (
                Filter(
                    "year", ("period.start", "period.end"), Match.ACTIVE, "Running in this year."
                ),
                Filter("type", ("type",), Match.EXACT, "Plan type (plan-wave, programme, ...)."),
                Filter("domain", ("domains",), Match.REF, "Linked to this domain.", "domains"),
                Filter("plan", ("predecessor",), Match.REF, "Linked to this plan.", "plans"),
            ),
            table=("id", "name", "period", "budget"),
            examples=("--year 2012", "--where 'budget>2000000000' --sort -budget"),
            sample="marshall-1",
        ),
        Kind(
            "shocks",
            "shock",
            ("id", "name", "company", "announced", "jobs_affected"),
            (
                Filter("year", ("announced",), Match.YEAR, "Announced in this year."),
                Filter("company", ("company",), Match.TEXT, "Company name contains this."),
                Filter("pole", ("poles",), Match.REF, "Involving this pole.", "poles"),
                Filter("domain", ("domains",), Match.REF, "Linked to this domain.", "domains"),
                Filter("plan", ("plans",), Match.REF, "Linked to this plan.", "plans"),
            ),
            table=("id", "name", "announced", "jobs_affected"),
            examples=("--year 2013", "--company arcelor --columns id,announced"),
            sample="arcelormittal-liege-2013",
        ),
    )
}


# Ids local to a record: (kind, where they are used, the list whose items they name, by which
# key). A programme linked as an axis of its plan names one of the plan's axes by number; an
# outcome names the objective it measures by its place in the list (INDEX, from 0). The
# unknown-local-id rule checks them; a record view shows the item's name in their place.
INDEX = "#"
LOCAL_REFERENCES: tuple[tuple[str, Pattern, Pattern, str], ...] = (
    ("shocks", ("actions", "*", "actors", "*"), ("actors",), "id"),
    ("shocks", ("bodies", "*", "members", "*", "value", "*"), ("actors",), "id"),
    ("shocks", ("bodies", "*", "chair"), ("actors",), "id"),
    ("shocks", ("bodies", "*", "coordinator"), ("actors",), "id"),
    ("plans", ("programmes", "*", "link", "axis"), ("axes",), "number"),
    ("shocks", ("outcomes", "*", "objective"), ("objectives",), INDEX),
)

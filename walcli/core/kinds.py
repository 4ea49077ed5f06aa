"""The kinds of record, declared once: folder, schema, list columns and filters.

Adding a kind is a schema, a folder and one entry here; the CLI builds its commands from this.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


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
    columns: tuple[str, ...]
    filters: tuple[Filter, ...]

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
        ),
    )
}

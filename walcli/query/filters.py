"""Listing records of a kind: its filters (declared with the kind), --where expressions and
--sort, checked against the registry (a filter naming a record must name one)."""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from walcli.core.dates import year_of
from walcli.core.errors import UsageError
from walcli.core.kinds import Filter, Kind, Match
from walcli.core.registry import Record, Registry
from walcli.core.text import fold
from walcli.i18n.catalog import msg
from walcli.query.values import scalars
from walcli.query.where import Where, check_paths, sort_records


def _same(values: list[Any], wanted: str) -> bool:
    return any(fold(str(v)) == fold(wanted) for v in values)


def _contains(values: list[Any], wanted: str) -> bool:
    return any(fold(wanted) in fold(str(v)) for v in values)


def _in_year(values: list[Any], wanted: str) -> bool:
    return any(year_of(v) == int(wanted) for v in values)


def _active(record: Record, spec: Filter, year: int) -> bool:
    starts = [y for v in scalars(record.data, spec.paths[0]) if (y := year_of(v)) is not None]
    if not starts or min(starts) > year:
        return False
    if len(spec.paths) < 2 or not spec.paths[1]:
        return True
    ends = [y for v in scalars(record.data, spec.paths[1]) if (y := year_of(v)) is not None]
    return not ends or max(ends) >= year


_TESTS: dict[Match, Callable[[list[Any], str], bool]] = {
    Match.EXACT: _same,
    Match.TEXT: _contains,
    Match.YEAR: _in_year,
}


def links_to(registry: Registry, record: Record, kind: str, wanted: str) -> list[str]:
    """How a record links to a record of a kind: the dotted field of every reference to it
    (any field: a pole serves a domain by `domain` or by an S3 role), with the role or type
    the link's item gives, e.g. `s3_roles.domain (coordinator)`."""
    found = []
    for ref in registry.references_of(record):
        if ref.target_kind != kind or fold(ref.target_id) != fold(wanted):
            continue
        field = ".".join(str(p) for p in ref.path if not isinstance(p, int))
        item = _parent(record.data, ref.path)
        role = item.get("role") or item.get("type") if isinstance(item, dict) else None
        found.append(f"{field} ({role})" if isinstance(role, str) and len(ref.path) > 1 else field)
    return sorted(set(found))


def _parent(data: Any, path: tuple[str | int, ...]) -> Any:
    for step in path[:-1]:
        data = data[step]
    return data


def matches(record: Record, spec: Filter, wanted: str, registry: Registry | None = None) -> bool:
    if spec.match is Match.REF and registry is not None and spec.target:
        return bool(links_to(registry, record, spec.target, wanted))
    if spec.match is Match.ACTIVE:
        return _active(record, spec, int(wanted))
    values = [v for path in spec.paths for v in scalars(record.data, path)]
    return _TESTS.get(spec.match, _same)(values, wanted)


def _matches(record: Record, *, spec: Filter, wanted: str, registry: Registry) -> bool:
    return matches(record, spec, wanted, registry)


def check_year(option: str, value: str) -> str:
    if not re.fullmatch(r"\d{4}", value.strip()):
        raise UsageError(msg("errors.year", option=f"--{option}", value=value))
    return value.strip()


def parse_columns(text: str | None) -> list[str] | None:
    if text is None:
        return None
    columns = [c.strip() for c in text.split(",")]
    if not all(columns):
        raise UsageError(msg("errors.columns"))
    return columns


@dataclass
class ListQuery:
    """What `wal KIND list` asks: filter values by option, --where, --sort and --columns."""

    kind: Kind
    filters: dict[str, str] = field(default_factory=dict)
    where: list[str] = field(default_factory=list)
    sort: str | None = None
    columns: list[str] | None = None

    def via(self, registry: Registry, records: list[Record]) -> list[str] | None:
        """How each listed record links to the records its filters name, when one at least
        matched through another field than the filter's own (`--domain dis-5` matches a pole
        by its S3 role: `s3_roles.domain (coordinator)`); None when all matched directly."""
        specs = [
            spec
            for spec in self.kind.filters
            if spec.match is Match.REF and spec.target and spec.option in self.filters
        ]
        found = [
            ", ".join(
                link
                for spec in specs
                for link in links_to(registry, record, spec.target or "", self.filters[spec.option])
            )
            for record in records
        ]
        direct = {path for spec in specs for path in spec.paths}
        if all(not part or part in direct for text in found for part in text.split(", ")):
            return None
        return found

    def kinds_needed(self) -> list[str]:
        """The kind listed and the kinds its filters name (to check the ids given)."""
        targets = {f.target for f in self.kind.filters if f.target and f.option in self.filters}
        return [self.kind.name, *sorted(t for t in targets if t)]

    def run(self, registry: Registry) -> list[Record]:
        wheres = [Where.parse(text) for text in self.where]
        tests: list[Callable[[Record], bool]] = []
        for spec in self.kind.filters:
            wanted = self.filters.get(spec.option)
            if wanted is None:
                continue
            if spec.match is Match.REF and spec.target:
                wanted = registry.resolve_id(spec.target, wanted, f"--{spec.option}")
            if spec.match in (Match.ACTIVE, Match.YEAR):
                wanted = check_year(spec.option, wanted)
            tests.append(functools.partial(_matches, spec=spec, wanted=wanted, registry=registry))
        records = registry.of(self.kind.name)

        def declared() -> set[str]:
            infos = registry.schemas.fields(self.kind.schema)
            return {info.dotted for info in infos.values() if info.dotted}

        paths = [w.path for w in wheres] + (self.columns or [])
        check_paths(paths, records, "--where/--columns", declared)
        if self.sort:
            check_paths([self.sort.lstrip("-")], records, "--sort", declared)
        tests += [where.test for where in wheres]
        chosen = [record for record in records if all(test(record) for test in tests)]
        return sort_records(chosen, self.sort)

"""A record lists each source once (by id and by URL)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from walcli.check.rules._rule import RecordRule
from walcli.core.problems import Code, E, Problem
from walcli.i18n.catalog import msg

if TYPE_CHECKING:
    from walcli.core.registry import Record

CODE = Code(
    "duplicate-source",
    E,
    "A source id or URL appears twice in one record.",
    "Keep one entry per source and cite it by its id.",
)


def _url_key(url: str) -> str:
    """A URL as compared for duplicates: scheme and host case, fragment and final / ignored."""
    url = url.split("#", 1)[0]
    scheme, sep, rest = url.partition("://")
    if not sep:
        return url.rstrip("/")
    host, slash, tail = rest.partition("/")
    return f"{scheme.lower()}://{host.lower()}{slash}{tail}".rstrip("/")


def sources_are_unique(record: Record) -> list[Problem]:
    problems = []
    seen: dict[str, dict[Any, int]] = {"id": {}, "url": {}}
    sources = record.data.get("sources")
    for index, source in enumerate(sources if isinstance(sources, list) else []):
        if not isinstance(source, dict):
            continue
        for field in ("id", "url"):
            value = source.get(field)
            if not isinstance(value, str):
                continue
            key = _url_key(value) if field == "url" else value
            if key in seen[field]:
                first = seen[field][key]
                problems.append(
                    record.problem(
                        ("sources", index, field),
                        CODE,
                        msg("rules.duplicate_source", field=field, value=value, first=first),
                    )
                )
            else:
                seen[field][key] = index
    return problems


RULE = RecordRule(
    (CODE,),
    sources_are_unique,
    "sources:\n  - {id: spw, title: SPW, url: https://www.wallonie.be/}\n  - {id: spw-2, title: SPW, url: https://www.wallonie.be}",
)

"""Facts as the records keep them: claims (one value as one source gives it), the sources a
fact cites, and the seed deck's claims kept beside sourced ones.

A claim is a mapping with `value` and `sources` (defs.schema.json#/$defs/claim). A figure also
has value and sources, but a label and a unit too: it is not a claim.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any, TypeGuard

from walcli.core.dates import span
from walcli.core.paths import JsonPath

SEED_DECK = "seed-deck"
CLAIM_KEYS = frozenset(
    {
        "value",
        "sources",
        "note",
        "attributed_to",
        "qualifier",
        "superseded",
        "superseded_by",
        "as_of",
    }
)


def walk(value: Any, path: JsonPath = ()) -> Iterator[tuple[JsonPath, Any]]:
    """Every value under a value, with its path, the value itself first."""
    yield path, value
    if isinstance(value, dict):
        for key, item in value.items():
            yield from walk(item, (*path, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from walk(item, (*path, index))


def has_value(value: Any) -> TypeGuard[dict[str, Any]]:
    """A mapping that holds a value of a fact: a claim, a figure, a series point. Where a
    reader wants the value, this is what they read."""
    return isinstance(value, dict) and "value" in value


def is_claim(value: Any) -> bool:
    """Strictly a claim: a value, its sources, and only the keys a claim may have."""
    return (
        isinstance(value, dict)
        and "value" in value
        and "sources" in value
        and CLAIM_KEYS.issuperset(value)
    )


def is_claims(value: Any) -> TypeGuard[list[dict[str, Any]]]:
    return isinstance(value, list) and bool(value) and all(is_claim(item) for item in value)


def is_seed(item: Any) -> bool:
    return isinstance(item, dict) and item.get("attributed_to") == SEED_DECK


def cited(value: Any) -> list[str]:
    """The source ids a mapping cites in its own `sources` (ids that are text only)."""
    found = value.get("sources") if isinstance(value, dict) else None
    return [s for s in found if isinstance(s, str)] if isinstance(found, list) else []


def _date_prefix_agree(values: list[str]) -> bool:
    longest = max(values, key=len)
    return all(longest == v or longest.startswith(v + "-") for v in values)


def _canonical(value: Any) -> str:
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        value = sorted(value)
    return json.dumps(value, sort_keys=True, ensure_ascii=False, default=str)


def disagree(claims: list[dict[str, Any]]) -> bool:
    """Whether the values of claims disagree (dates at mixed precision agree when one is a
    coarser form of the other). Superseded claims are history, not disagreement."""
    values = [claim.get("value") for claim in claims if claim.get("superseded") is not True]
    if len(values) < 2:
        return False
    spans = [span(v) for v in values]
    if all(s is not None for s in spans):
        return not _date_prefix_agree([s.text for s in spans if s is not None])
    return len({_canonical(v) for v in values}) > 1

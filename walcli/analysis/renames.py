"""Which removed records came back under a new id: pairs of records that share most of their
leaf values (the id aside). Found by prefix filtering over each record's leaves, rarest
first, so that only pairs that can reach the threshold are compared: linear in the records
renamed, not quadratic."""

from __future__ import annotations

import json
import math
from collections.abc import Iterator
from typing import Any

RENAME_SIMILARITY = 0.5  # share of leaf values two records must have in common to be a rename


def key(value: Any) -> str:
    return json.dumps(value, sort_keys=True, ensure_ascii=False, default=str)


def flatten(value: Any, path: tuple[str, ...] = ()) -> Iterator[tuple[tuple[str, ...], Any]]:
    """Every scalar (and empty collection) under a value, with its dotted path."""
    if isinstance(value, dict) and value:
        for key, item in value.items():
            yield from flatten(item, (*path, str(key)))
    elif isinstance(value, list) and value:
        for index, item in enumerate(value):
            yield from flatten(item, (*path, str(index)))
    else:
        yield path, value


Leaves = frozenset[tuple[tuple[str, ...], str]]


def leaves(data: dict[str, Any]) -> Leaves:
    """A record's leaf values (path and value), the id aside: what renames are judged on."""
    return frozenset((p, key(v)) for p, v in flatten(data) if p != ("id",))


def similarity(old: dict[str, Any], new: dict[str, Any]) -> float:
    """The share of leaf values (path and value, the id aside) two records have in common."""
    return shared(leaves(old), leaves(new))


def shared(a: Leaves, b: Leaves) -> float:
    if not a and not b:
        return 1.0
    return len(a & b) / max(len(a), len(b))


def _prefixes(sets: dict[str, Leaves], order: dict[Any, int]) -> dict[str, list[Any]]:
    """For each set, its rarest leaves: as many as a rename can leave out plus one.

    Two records alike enough (sharing at least RENAME_SIMILARITY of the larger one's leaves)
    share at least ceil(RENAME_SIMILARITY * n) of each one's n leaves; so with all leaves in
    one order, rarest first, the first leaf they share lies among the first
    n - ceil(RENAME_SIMILARITY * n) + 1 of each (prefix filtering). Only records whose
    prefixes meet are compared: common leaves (a shared source, a type) lie at the end and
    are left out, so renames are found in time linear in the records, not quadratic.
    """
    found = {}
    for name, items in sets.items():
        needed = math.ceil(RENAME_SIMILARITY * len(items))
        ranked = sorted(items, key=order.__getitem__)
        found[name] = ranked[: len(items) - needed + 1]
    return found


def renames(
    removed: list[str], added: list[str], old: dict[str, Any], new: dict[str, Any]
) -> list[tuple[str, str, float]]:
    """Pairs (old id, new id, similarity) of records alike enough to be one renamed record:
    those comparing every removed record with every added one would pair (the best first,
    ties by id), found in time linear in the records."""
    before = {name: leaves(old[name]) for name in removed}
    after = {name: leaves(new[name]) for name in added}
    pairs = _identical(before, after)
    return pairs + _alike(before, after)


def _identical(before: dict[str, Leaves], after: dict[str, Leaves]) -> list[tuple[str, str, float]]:
    """Records renamed without a change, paired in id order, and taken out of both sides:
    copies of one record renamed together would otherwise all meet one another."""
    groups: dict[Leaves, tuple[list[str], list[str]]] = {}
    for name in sorted(before):
        groups.setdefault(before[name], ([], []))[0].append(name)
    for name in sorted(after):
        if after[name] in groups:
            groups[after[name]][1].append(name)
    pairs = [
        (old_id, new_id, 1.0)
        for olds, news in groups.values()
        for old_id, new_id in zip(olds, news, strict=False)
    ]
    for old_id, new_id, _ in pairs:
        del before[old_id], after[new_id]
    return pairs


def _alike(before: dict[str, Leaves], after: dict[str, Leaves]) -> list[tuple[str, str, float]]:
    """Pairs of records alike enough, compared only where their rarest leaves meet."""
    frequency: dict[Any, int] = {}
    for items in (*before.values(), *after.values()):
        for leaf in items:
            frequency[leaf] = frequency.get(leaf, 0) + 1
    order = {
        leaf: rank for rank, leaf in enumerate(sorted(frequency, key=lambda x: (frequency[x], x)))
    }
    index: dict[Any, list[str]] = {}
    for name, prefix in _prefixes(after, order).items():
        for leaf in prefix:
            index.setdefault(leaf, []).append(name)
    empty_after = [name for name, items in after.items() if not items]
    candidates = []
    for old_id, prefix in _prefixes(before, order).items():
        meeting = {new_id for leaf in prefix for new_id in index.get(leaf, [])}
        if not before[old_id]:
            meeting.update(empty_after)
        for new_id in sorted(meeting):
            score = shared(before[old_id], after[new_id])
            if score >= RENAME_SIMILARITY:
                candidates.append((-score, old_id, new_id))
    candidates.sort()
    used_old: set[str] = set()
    used_new: set[str] = set()
    pairs = []
    for negative, old_id, new_id in candidates:
        if old_id not in used_old and new_id not in used_new:
            used_old.add(old_id)
            used_new.add(new_id)
            pairs.append((old_id, new_id, round(-negative, 2)))
    return pairs

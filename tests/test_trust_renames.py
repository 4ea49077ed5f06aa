"""`wal diff` finds renamed records in time linear in their number: it compares only records
whose rarest leaves meet (prefix filtering), and finds exactly the pairs comparing every
removed record with every added one would find. Counted, not timed."""

from __future__ import annotations

import itertools
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from walcli.analysis import renames as diff
from walcli.analysis.renames import RENAME_SIMILARITY, similarity
from walcli.analysis.renames import renames as _renames

DOMAINS = ["biotech", "aerospace", "logistics", "agrifood"]


def record(n: int) -> dict[str, Any]:
    """A pole like the registry's: its own name, summary, site and source; a domain, a year
    and a source title that many share."""
    return {
        "id": f"pole-{n}",
        "name": {"fr": f"Pôle numéro {n}", "en": f"Cluster number {n}"},
        "summary": {"fr": f"Le pôle {n} réunit des entreprises.", "en": f"Cluster {n} at work."},
        "domain": DOMAINS[n % len(DOMAINS)],
        "labelled": [{"value": str(2006 + n % 3), "sources": ["gazette"]}],
        "website": f"https://pole-{n}.example.org/",
        "sources": [
            {"id": "gazette", "title": "Pôles labellisés", "url": f"https://news.example/{n}"}
        ],
    }


def renamed(n: int) -> dict[str, Any]:
    data = record(n)
    data["id"] = f"renamed-{n}"
    data["website"] = f"https://new-{n}.example.org/"  # renamed, and one field edited
    return data


def count_comparisons(monkeypatch: pytest.MonkeyPatch, size: int) -> int:
    calls = 0
    real = diff.shared

    def counting(a: Any, b: Any) -> float:
        nonlocal calls
        calls += 1
        return real(a, b)

    monkeypatch.setattr(diff, "shared", counting)
    old = {f"pole-{n}": record(n) for n in range(size)}
    new = {f"renamed-{n}": renamed(n) for n in range(size)}
    pairs = _renames(sorted(old), sorted(new), old, new)
    assert sorted(pairs) == sorted((f"pole-{n}", f"renamed-{n}", 0.91) for n in range(size))
    return calls


def test_renames_are_found_with_comparisons_linear_in_their_number(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    small, large = count_comparisons(monkeypatch, 100), count_comparisons(monkeypatch, 400)
    # Comparing every pair would take 10,000 and 160,000 comparisons.
    assert small <= 2 * 100 and large <= 2 * 400
    assert large <= 4 * small + 10


def test_copies_of_one_record_renamed_together_need_no_comparison(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    calls = 0
    real = diff.shared

    def counting(a: Any, b: Any) -> float:
        nonlocal calls
        calls += 1
        return real(a, b)

    monkeypatch.setattr(diff, "shared", counting)
    copy = record(0)
    old = {f"clone-{n}": {**copy, "id": f"clone-{n}"} for n in range(400)}
    new = {f"renamed-{n}": {**copy, "id": f"renamed-{n}"} for n in range(400)}
    pairs = _renames(sorted(old), sorted(new), old, new)
    assert calls == 0  # each of the 160,000 pairs is alike: none is compared
    assert sorted(pairs) == [(a, b, 1.0) for a, b in zip(sorted(old), sorted(new), strict=True)]
    assert ("clone-7", "renamed-7", 1.0) in pairs
    few = {k: old[k] for k in sorted(old)[:30]}, {k: new[k] for k in sorted(new)[:30]}
    assert sorted(_renames(sorted(few[0]), sorted(few[1]), *few)) == sorted(
        brute_force(sorted(few[0]), sorted(few[1]), *few)
    )


def brute_force(
    removed: list[str], added: list[str], old: dict[str, Any], new: dict[str, Any]
) -> list[tuple[str, str, float]]:
    """Every removed record against every added one: the answer prefix filtering must give."""
    candidates = sorted(
        (-score, a, b)
        for a, b in itertools.product(removed, added)
        if (score := similarity(old[a], new[b])) >= RENAME_SIMILARITY
    )
    used_a: set[str] = set()
    used_b: set[str] = set()
    pairs = []
    for negative, a, b in candidates:
        if a not in used_a and b not in used_b:
            used_a.add(a)
            used_b.add(b)
            pairs.append((a, b, round(-negative, 2)))
    return pairs


leaf = st.one_of(st.sampled_from(["a", "b", "c", 1, 2]), st.booleans(), st.none())
# Few keys and values: records often coincide, whole or in part.
records = st.dictionaries(st.sampled_from(["p", "q", "r", "s", "t", "u"]), leaf, max_size=6)


@settings(max_examples=200)
@given(
    st.lists(records, max_size=5),
    st.lists(records, max_size=5),
)
def test_prefix_filtering_finds_what_comparing_every_pair_finds(
    olds: list[dict[str, Any]], news: list[dict[str, Any]]
) -> None:
    old = {f"o{i}": data for i, data in enumerate(olds)}
    new = {f"n{i}": data for i, data in enumerate(news)}
    assert sorted(_renames(sorted(old), sorted(new), old, new)) == sorted(
        brute_force(sorted(old), sorted(new), old, new)
    )

"""Selection properties: filters return a subset that satisfies them, in a stable order."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.conftest import Wal, shared_registry
from walcli.core.kinds import KINDS
from walcli.core.registry import Record
from walcli.core.text import fold
from walcli.io.scan import load_registry
from walcli.query.filters import matches
from walcli.query.values import scalars
from walcli.query.where import Where, sort_records


def select(records: list[Record], tests: list[Callable[[Record], bool]]) -> list[Record]:
    return [record for record in records if all(test(record) for test in tests)]


REGISTRY = load_registry(shared_registry())
RECORDS = {kind: REGISTRY.of(kind) for kind in KINDS}

paths = st.sampled_from(["id", "name", "domain", "budget", "period.start", "labelled", "type"])
ops = st.sampled_from(["=", "!=", "~", "<", ">", "<=", ">="])
values = st.one_of(
    st.sampled_from(["biotech", "2006", "2009", "marshall-1", "génie", "1100000000"]),
    st.text(max_size=6),
)


# What each --where selects in the mini registry, read off its files by hand (not computed
# by the code under test): numbers compare as numbers, dates and text as folded text, and a
# field with several values (claims, both languages) matches when one of them does.
WHERE_CASES = [
    ("poles", "domain=biotech", ["biowin"]),
    ("poles", "domain!=biotech", ["mecatech"]),
    ("plans", "period.start>=2009", ["marshall-2-vert"]),
    ("plans", "period.start<2009", ["marshall-1"]),
    ("plans", "budget>1500000000", ["marshall-1", "marshall-2-vert"]),  # 1.6 bn is a claim
    ("plans", "budget<1500000000", ["marshall-1"]),  # so is 1.1 bn
    ("poles", "name~WIN", ["biowin"]),
    ("plans", "name.fr~wallon", ["marshall-1"]),
    ("domains", "name=BIOTECHNOLOGIE", ["biotech"]),
    ("poles", "labelled=2006-07", ["biowin"]),
    ("poles", "labelled<2007", ["biowin", "mecatech"]),  # mecatech: 2006 and 2007 claimed
    ("shocks", "jobs_affected>=1300", ["arcelormittal-liege-2013"]),
    ("shocks", "site~liege", ["arcelormittal-liege-2013"]),  # accents folded
    ("shocks", "site~anvers", []),
]


@pytest.mark.parametrize(("kind", "where", "ids"), WHERE_CASES, ids=[w for _, w, _ in WHERE_CASES])
def test_where_selects_what_the_files_say(kind: str, where: str, ids: list[str]) -> None:
    run = Wal(shared_registry())(kind, "list", "--where", where, "--columns", "id", "-f", "tsv")
    assert (run.exit_code, run.stderr) == (0, "")
    assert run.stdout.splitlines()[1:] == ids


@settings(max_examples=100, deadline=None)
@given(path=paths, op=ops, value=values)
def test_equal_and_not_equal_split_the_records(path: str, op: str, value: str) -> None:
    records = RECORDS["poles"] + RECORDS["plans"]
    equal = select(records, [Where(path, "=", value).test])
    differ = select(records, [Where(path, "!=", value).test])
    assert {r.id for r in equal}.isdisjoint({r.id for r in differ})
    assert {r.id for r in equal} | {r.id for r in differ} == {r.id for r in records}


@given(st.sampled_from(list(KINDS)), paths, st.booleans())
def test_sorting_is_a_permutation(kind: str, path: str, descending: bool) -> None:
    spec = ("-" if descending else "") + path
    ordered = sort_records(list(reversed(RECORDS[kind])), spec)
    assert sorted(r.id for r in ordered) == sorted(r.id for r in RECORDS[kind])
    missing = [r for r in ordered if not scalars(r.data, path)]
    assert ordered[len(ordered) - len(missing) :] == missing


@given(st.text(max_size=20))
def test_fold_is_idempotent_and_blind_to_case(text: str) -> None:
    assert fold(fold(text)) == fold(text)
    assert fold(text.upper()) == fold(text.lower()) or not text.isascii()


def test_domain_filter_matches_only_its_domain() -> None:
    spec = next(f for f in KINDS["poles"].filters if f.option == "domain")
    chosen: list[Record] = [r for r in RECORDS["poles"] if matches(r, spec, "biotech")]
    assert [r.id for r in chosen] == ["biowin"]


def test_where_parses_every_operator() -> None:
    assert Where.parse("period.start>=2006") == Where("period.start", ">=", "2006")
    assert Where.parse("name ~ génie") == Where("name", "~", "génie")
    assert Where.parse("a!=b") == Where("a", "!=", "b")

"""Selection properties: filters return a subset that satisfies them, in a stable order."""

from __future__ import annotations

from collections.abc import Callable

from hypothesis import given, settings
from hypothesis import strategies as st

from tests.conftest import shared_registry
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


@settings(max_examples=200, deadline=None)
@given(kind=st.sampled_from(list(KINDS)), path=paths, op=ops, value=values)
def test_where_selects_exactly_the_records_that_satisfy_it(
    kind: str, path: str, op: str, value: str
) -> None:
    where = Where(path, op, value)
    chosen = select(RECORDS[kind], [where.test])
    assert {r.id for r in chosen} <= {r.id for r in RECORDS[kind]}
    assert all(where.test(r) for r in chosen)
    assert all(not where.test(r) for r in RECORDS[kind] if r not in chosen)


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

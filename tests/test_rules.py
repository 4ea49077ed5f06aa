"""The rules JSON Schema cannot express: each on a small bad registry and a good one.

The registries are built in tmp_path from tests/fixtures_rules (see its README) with the real
schemas/ copied in, so the fixtures are held to the current contract.
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests.conftest import build_registry
from walcli.check.engine import check as check_registry
from walcli.check.rules import RULES
from walcli.check.rules.reference_cycle import references_are_acyclic
from walcli.check.rules.series_order import series_order_problems
from walcli.core.dates import span
from walcli.core.problems import Problem
from walcli.core.registry import Record, Registry
from walcli.io.scan import load_registry
from walcli.io.yaml import Document
from walcli.schema.set import SchemaSet
from walcli.schema.walker import series_patterns

TESTS = Path(__file__).resolve().parent
REPO = TESTS.parent
FIXTURES = TESTS / "fixtures_rules"
BASE = FIXTURES / "_base" / "data"
CASES = sorted(p for p in FIXTURES.iterdir() if p.is_dir() and not p.name.startswith("_"))


def build(tmp_path: Path, case: Path | None = None) -> Path:
    root = build_registry(tmp_path / "registry", BASE)
    if case is not None:
        shutil.copytree(case / "data", root / "data", dirs_exist_ok=True)
    return root


_SCHEMAS: list[SchemaSet] = []


def check(root: Path) -> list[Problem]:
    """`wal validate` on a registry, reusing one compiled copy of the real schemas (the
    registry holds the same files) so that the suite stays fast."""
    if not _SCHEMAS:
        _SCHEMAS.append(SchemaSet.load(REPO))
    registry = load_registry(root)
    assert (root / "schemas").is_dir()
    registry.__dict__["schemas"] = _SCHEMAS[0]  # the cached_property, filled in advance
    return check_registry(registry).problems


def located(problems: list[Problem]) -> list[str]:
    return [f"{p.file}:{p.line}:{p.column}: {p.code}" for p in problems]


def expected(case: Path) -> list[str]:
    lines = (case / "expected.txt").read_text(encoding="utf-8").splitlines()
    return [line for line in lines if line.strip() and not line.startswith("#")]


def problems_of(root: Path, code: str) -> list[Problem]:
    return [p for p in check(root) if p.code == code]


# -- the fixture folder ------------------------------------------------------------------------


def test_base_registry_is_valid_and_breaks_no_rule(tmp_path: Path) -> None:
    assert located(check(build(tmp_path))) == []


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_case(case: Path, tmp_path: Path) -> None:
    assert located(check(build(tmp_path, case))) == expected(case)


def test_rules_are_registered() -> None:
    names = {rule.check.__name__ for rule in RULES}
    assert {
        "periods_are_ordered",
        "labels_within_plans",
        "references_are_acyclic",
        "series_are_ordered",
        "sources_are_unique",
    } <= names


# -- messages ------------------------------------------------------------------------------


def test_period_order_message(tmp_path: Path) -> None:
    (found,) = problems_of(build(tmp_path, FIXTURES / "period-order-start-end"), "period-order")
    assert (found.path, found.message) == ("/period/start", "start 2010 is after end 2009")
    assert found.severity.value == "error"


def test_label_outside_plan_message_names_the_plan_and_the_seed_claim(tmp_path: Path) -> None:
    root = build(tmp_path, FIXTURES / "label-outside-plan-seed-inside")
    (found,) = problems_of(root, "label-outside-plan")
    assert found.message == (
        "labelled 2011, 2012 lies outside the period from 2006 to 2009 of plan 'plan-one' "
        "(labelled_by) (the seed deck's 2007 does not count)"
    )


def test_label_outside_plan_skips_a_broken_period(tmp_path: Path) -> None:
    # The period runs backwards: period-order reports it; the label is not judged against it.
    root = build(tmp_path, FIXTURES / "period-order-start-end")
    assert problems_of(root, "label-outside-plan") == []


def test_reference_cycle_is_reported_once_naming_the_cycle(tmp_path: Path) -> None:
    root = build(tmp_path, FIXTURES / "reference-cycle-mixed-fields")
    (found,) = problems_of(root, "reference-cycle")
    assert found.file == "data/plans/plan-one.yaml"
    assert found.path == "/informed_by/0"
    assert found.message == (
        "plan references come back to 'plan-one': 'plan-one' -informed_by-> 'plan-three' "
        "-predecessor-> 'plan-two' -predecessor-> 'plan-one'"
    )


def test_series_order_message_points_at_the_later_item(tmp_path: Path) -> None:
    (found,) = problems_of(build(tmp_path, FIXTURES / "series-order"), "series-order")
    assert found.message == (
        "as_of 2006-07 comes after 2007 (/members/0); the series is in date order"
    )


def test_duplicate_source_names_the_first_entry(tmp_path: Path) -> None:
    found = problems_of(build(tmp_path, FIXTURES / "duplicate-source"), "duplicate-source")
    assert [p.message for p in found] == [
        "source url 'https://EXAMPLE.org/pole-one/' is listed twice (also at /sources/0)",
        "source id 'src' is listed twice (also at /sources/0)",
    ]


def test_unknown_local_id_suggests(tmp_path: Path) -> None:
    found = problems_of(build(tmp_path, FIXTURES / "unknown-local-id"), "unknown-local-id")
    assert found[-1].message == "no item with id 'regoin' in actors; did you mean region?"


# -- series in the schemas -------------------------------------------------------------------------


def test_series_are_found_from_the_schemas() -> None:
    documents = SchemaSet.load(REPO).documents
    poles = series_patterns(documents, "poles.schema.json")
    assert {("members",), ("timeline",)} <= set(poles)
    for not_series in [("figures",), ("notes",), ("sources",), ("labels",), ("leaders",)]:
        assert not_series not in poles


def test_series_may_be_declared_with_x_order() -> None:
    documents = {
        "k.schema.json": {
            "properties": {
                "history": {"type": "array", "x-order": "date"},
                "items": {"type": "array", "description": "Unordered."},
            }
        }
    }
    assert series_patterns(documents, "k.schema.json") == [("history",)]


# -- dates at mixed precision ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("later", "earlier", "after"),
    [
        ("2007", "2006", True),
        (2007, "2006-12-31", True),
        ("2006-07", "2006", False),
        ("2006", "2006-07", False),
        ("2006-08", "2006-07-31", True),
        ("2006-07-01", "2006-07", False),
    ],
)
def test_span_after(later: Any, earlier: Any, after: bool) -> None:
    first, second = span(later), span(earlier)
    assert first is not None and second is not None
    assert first.after(second) is after


@pytest.mark.parametrize("value", ["2006-7", "06", "", None, True, 2006.0, "2006-07-01T10:00"])
def test_span_refuses_what_is_not_an_iso_date(value: Any) -> None:
    assert span(value) is None


def _record(data: dict[str, Any], kind: str = "poles") -> Record:
    return Record(kind, "p", f"data/{kind}/p.yaml", Document(data))


def _full_dates() -> st.SearchStrategy[tuple[int, int, int]]:
    return st.tuples(st.integers(1990, 2030), st.integers(1, 12), st.integers(1, 28))


def _written(day: tuple[int, int, int], precision: int) -> Any:
    year, month, dom = day
    return [year, f"{year}-{month:02d}", f"{year}-{month:02d}-{dom:02d}"][precision]


@given(st.lists(st.tuples(_full_dates(), st.integers(0, 2)), max_size=12))
def test_a_sorted_series_at_mixed_precision_is_in_order(dates: list[Any]) -> None:
    items = [{"as_of": _written(day, precision)} for day, precision in sorted(dates)]
    assert series_order_problems(_record({}), ("members",), items) == []


@given(
    st.lists(st.tuples(_full_dates(), st.integers(0, 2)), min_size=2, max_size=12),
    st.data(),
)
def test_swapping_two_distinct_years_is_out_of_order(dates: list[Any], data: Any) -> None:
    ordered = sorted(dates)
    years = [day[0] for day, _ in ordered]
    pairs = [(i, j) for i in range(len(ordered)) for j in range(i + 1, len(ordered))]
    distinct = [(i, j) for i, j in pairs if years[i] != years[j]]
    if not distinct:
        return
    i, j = data.draw(st.sampled_from(distinct))
    ordered[i], ordered[j] = ordered[j], ordered[i]
    items = [{"date": _written(day, precision)} for day, precision in ordered]
    assert series_order_problems(_record({}), ("timeline",), items) != []


@given(st.lists(st.tuples(_full_dates(), st.integers(0, 2)), max_size=6), st.integers(0, 3))
def test_undated_items_belong_last(dates: list[Any], undated: int) -> None:
    items: list[dict[str, Any]] = [
        {"as_of": _written(day, precision)} for day, precision in sorted(dates)
    ]
    items.append({"undated": True})
    assert series_order_problems(_record({}), ("members",), items) == []
    if items[:-1]:
        moved = [items[-1], *items[:-1]]
        assert len(series_order_problems(_record({}), ("members",), moved)) == 1


@given(_full_dates(), _full_dates(), st.integers(0, 2), st.integers(0, 2))
def test_after_is_never_both_ways(a: Any, b: Any, pa: int, pb: int) -> None:
    first, second = span(_written(a, pa)), span(_written(b, pb))
    assert first is not None and second is not None
    assert not (first.after(second) and second.after(first))
    if a <= b:  # the real days are in order, so the written dates cannot say otherwise
        assert not first.after(second)


# -- scale ---------------------------------------------------------------------------------------


def test_a_long_cycle_is_found_without_recursion(tmp_path: Path) -> None:
    """Thousands of plans in one predecessor ring: found once, at the smallest id."""
    root = build(tmp_path)
    registry: Registry = load_registry(root)
    count = 5000
    plans = {}
    for n in range(count):
        plan_id = f"p{n:05d}"
        data = {"id": plan_id, "predecessor": f"p{(n + 1) % count:05d}"}
        plans[plan_id] = Record("plans", plan_id, f"data/plans/{plan_id}.yaml", Document(data))
    registry.records["plans"] = plans
    (found,) = references_are_acyclic(registry)
    assert found.file == "data/plans/p00000.yaml"
    assert found.message == (
        "plan references come back to 'p00000': 'p00000' -predecessor-> 'p00001' "
        "-predecessor-> 'p00002' ... (5000 records) ... -predecessor-> 'p04999' "
        "-predecessor-> 'p00000'"
    )

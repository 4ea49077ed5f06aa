"""Whatever a record holds, `wal validate` answers with problems, never a traceback."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.conftest import REPO
from walcli.check.engine import check as check_registry
from walcli.core.claims import walk
from walcli.core.problems import Problem
from walcli.core.registry import Record, Registry
from walcli.io.scan import load_registry
from walcli.io.yaml import Document

pytestmark = pytest.mark.slow  # fresh interpreters or many generated cases: the slow set

BASE = load_registry(REPO)
RECORDS = BASE.all()

scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-(2**70), 2**70),
    st.floats(allow_nan=False, allow_infinity=False),
    st.text(max_size=8),
    st.sampled_from(["biowin", "2006-02-30", ""]),
)
values = st.recursive(
    scalars,
    lambda inner: st.one_of(
        st.lists(inner, max_size=3),
        st.dictionaries(
            st.sampled_from(["id", "value", "sources", "start", "end", "as_of", "fr", "en", "x"]),
            inner,
            max_size=3,
        ),
    ),
    max_leaves=6,
)


def _set(data: Any, path: tuple[Any, ...], value: Any) -> None:
    for step in path[:-1]:
        data = data[step]
    data[path[-1]] = value


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(index=st.integers(0, len(RECORDS) - 1), pick=st.integers(0, 10_000), value=values)
def test_any_value_anywhere_gives_problems_not_a_crash(index: int, pick: int, value: Any) -> None:
    data = copy.deepcopy(RECORDS[index].data)
    paths = [path for path, _ in walk(data) if path]
    _set(data, paths[pick % len(paths)], value)
    check(RECORDS[index], data)


@pytest.mark.parametrize("value", [[], {}, 12, None, True])
@pytest.mark.parametrize("field", ["id", "url", "title"])
def test_a_source_of_any_shape_gives_problems(field: str, value: Any) -> None:
    record = BASE.get("poles", "biowin")
    data = copy.deepcopy(record.data)
    data["sources"][0][field] = value
    assert check(record, data)


def check(record: Record, data: Any) -> list[Problem]:
    mutated = Record(record.kind, record.id, record.file, Document(data))
    registry = Registry(Path(REPO), problems=[], broken={k: set() for k in BASE.records})
    registry.records = {kind: dict(by_id) for kind, by_id in BASE.records.items()}
    registry.records[record.kind][record.id] = mutated
    registry.__dict__["schemas"] = BASE.schemas  # compiled once: the schemas do not change
    problems = check_registry(registry).problems
    assert all(p.line >= 1 and p.column >= 1 and p.code for p in problems)
    return problems

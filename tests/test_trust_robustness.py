"""Whatever value a record holds anywhere, every stage answers: stats, search, the record view,
sorting, --where and every sheet format (validation has its own property in
test_robustness.py)."""

from __future__ import annotations

import copy
import io
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.conftest import Wal
from tests.test_robustness import RECORDS, values
from walcli.analysis.stats import compute
from walcli.analysis.views import projected, record_view
from walcli.core.claims import walk
from walcli.core.registry import Record
from walcli.io.yaml import Document
from walcli.output.cells import rows
from walcli.output.formats import Out
from walcli.output.record import RECORD_FORMATS
from walcli.output.sheet import SHEET_FORMATS, Sheet
from walcli.query.search import search
from walcli.query.values import known_paths
from walcli.query.where import Where, sort_records

pytestmark = pytest.mark.slow  # fresh interpreters or many generated cases: the slow set


@pytest.mark.parametrize("cited", ["[[x]]", "[{id: x}]", "[[]]", "[{}]", "[1, true, null]"])
def test_a_citation_of_any_shape_breaks_no_command(mini: Path, wal: Wal, cited: str) -> None:
    path = mini / "data" / "poles" / "mecatech.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(
        text.replace(
            "sources: [european-times]", f"sources: {cited}\n    attributed_to: seed-deck", 1
        ),
        encoding="utf-8",
    )
    for args in (
        ("validate",),
        ("stats",),
        ("stats", "--format", "json"),
        ("search", "mecatech"),
        ("poles", "show", "mecatech"),
        ("poles", "list", "--format", "json"),
    ):
        run = wal(*args)
        assert run.exit_code in (0, 1), (args, run.stderr)
        assert run.stderr == "" or "internal error" not in run.stderr


def _registry_with(index: int, data: dict[str, Any]) -> tuple[Any, Record]:
    record = RECORDS[index]
    mutated = Record(record.kind, record.id, record.file, Document(data))
    from tests.test_robustness import BASE
    from walcli.core.registry import Registry

    registry = Registry(BASE.root, problems=[], broken={k: set() for k in BASE.records})
    registry.records = {kind: dict(by_id) for kind, by_id in BASE.records.items()}
    registry.records[record.kind][record.id] = mutated
    return registry, mutated


@settings(max_examples=30, suppress_health_check=[HealthCheck.too_slow])
@given(index=st.integers(0, len(RECORDS) - 1), pick=st.integers(0, 10_000), value=values)
def test_any_value_anywhere_breaks_no_stage(index: int, pick: int, value: Any) -> None:
    data = copy.deepcopy(RECORDS[index].data)
    paths = [path for path, _ in walk(data) if path]
    target: Any = data
    for step in paths[pick % len(paths)][:-1]:
        target = target[step]
    target[paths[pick % len(paths)][-1]] = value
    registry, mutated = _registry_with(index, data)
    compute(registry)
    search(registry, "2013", "fr")
    view = record_view(registry, mutated, "en")
    for fmt in RECORD_FORMATS.by_name.values():
        fmt.render(view, Out(io.StringIO(), False))
    records = registry.of(mutated.kind)
    for column in sorted(known_paths([mutated.data]))[:: max(1, len(mutated.data) // 3)]:
        sort_records(records, column)
        Where(column, ">", "2013").test(mutated)
        sheet = Sheet.one([column], rows(records, [column], "fr"), projected(records, [column]))
        for fmt in SHEET_FORMATS.by_name.values():
            fmt.render(sheet, Out(io.StringIO(), False))

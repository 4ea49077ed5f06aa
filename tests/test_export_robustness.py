"""Whatever a record holds, every export writes it: no traceback, every record present."""

from __future__ import annotations

import copy
import json
import sqlite3
import tempfile
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.test_robustness import BASE, RECORDS, _set, values
from walcli.core.claims import walk
from walcli.core.registry import Record, Registry
from walcli.export import EXPORTERS, Options
from walcli.export.tables import build
from walcli.io.yaml import Document

pytestmark = pytest.mark.slow  # fresh interpreters or many generated cases: the slow set

tops = st.one_of(values, st.dictionaries(st.sampled_from(["fr", "en"]), st.text(max_size=4)))


def mutated(index: int, pick: int, value: Any) -> Registry:
    record = RECORDS[index]
    data = copy.deepcopy(record.data)
    paths = [path for path, _ in walk(data) if path]
    _set(data, paths[pick % len(paths)], value)
    registry = Registry(BASE.root, problems=[], broken={k: set() for k in BASE.records})
    registry.__dict__["schemas"] = BASE.schemas
    registry.records = {kind: dict(by_id) for kind, by_id in BASE.records.items()}
    registry.records[record.kind][record.id] = Record(
        record.kind, record.id, record.file, Document(data)
    )
    return registry


@settings(
    max_examples=15, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow]
)
@given(index=st.integers(0, len(RECORDS) - 1), pick=st.integers(0, 10_000), value=tops)
def test_any_value_anywhere_is_exported(index: int, pick: int, value: Any) -> None:
    tables = build(mutated(index, pick, value))
    total = len(RECORDS)
    assert len(tables.table("records").rows) == total
    with tempfile.TemporaryDirectory() as folder:
        for name in ("sqlite", "csv", "json", "xlsx"):
            exporter = EXPORTERS[name]
            out = Path(folder) / name
            if exporter.folder:
                out.mkdir()
            exporter.writer(Options())(tables, out, Options())
        connection = sqlite3.connect(Path(folder) / "sqlite")
        try:
            assert connection.execute("SELECT count(*) FROM records").fetchone() == (total,)
        finally:
            connection.close()
        document = json.loads((Path(folder) / "json").read_text(encoding="utf-8"))
        assert sum(document["counts"].values()) == total

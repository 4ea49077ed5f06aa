"""Whatever a record holds, its report pages render as valid Markdown, never a traceback: the
record's page, its kind's table, the timeline and the index."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.conftest import REPO
from tests.helpers_report import tokens
from tests.test_robustness import BASE, RECORDS, _set, values
from walcli.core.claims import walk
from walcli.core.registry import Record, Registry
from walcli.io.yaml import Document
from walcli.report import context
from walcli.report.engine import TEMPLATES, environment, render
from walcli.report.pages import Links, Page, Role, kind_page, record_page

pytestmark = pytest.mark.slow  # fresh interpreters or many generated cases: the slow set

ENV = environment(None)


def pages_of(record: Record, data: Any, lang: str) -> list[str]:
    mutated = Record(record.kind, record.id, record.file, Document(data))
    registry = Registry(Path(REPO), problems=[], broken={k: set() for k in BASE.records})
    registry.records = {kind: dict(by_id) for kind, by_id in BASE.records.items()}
    registry.records[record.kind][record.id] = mutated
    registry.__dict__["schemas"] = BASE.schemas
    plan = [
        Page(Role.INDEX, "index.md"),
        Page(Role.TIMELINE, "timeline.md"),
        kind_page(record.kind),
        record_page(mutated),
    ]
    site = context.Site(registry, lang, Links(plan, document=False))
    found = [
        context.index(site, plan[0]),
        context.timeline(site, plan[1]),
        context.kind(site, plan[2], record.kind),
        context.record(site, plan[3], mutated),
    ]
    return [render(ENV, TEMPLATES[p.role], c, None) for p, c in zip(plan, found, strict=True)]


@settings(
    max_examples=20, derandomize=True, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
@given(
    index=st.integers(0, len(RECORDS) - 1),
    pick=st.integers(0, 10_000),
    value=values,
    lang=st.sampled_from(["fr", "en"]),
)
def test_any_value_anywhere_gives_valid_pages(index: int, pick: int, value: Any, lang: str) -> None:
    data = copy.deepcopy(RECORDS[index].data)
    paths = [path for path, _ in walk(data) if path]
    _set(data, paths[pick % len(paths)], value)
    for text in pages_of(RECORDS[index], data, lang):
        kinds = {t.type for t in tokens(text)}
        assert not kinds & {"html_block", "html_inline"}
        assert text.startswith("# ") and text.endswith("\n") and not text.endswith("\n\n")


def test_a_record_that_is_only_an_id_still_has_a_page() -> None:
    record = BASE.get("poles", "biowin")
    texts = pages_of(record, {"id": "biowin"}, "en")
    assert texts[3].startswith("# biowin\n\nPole `biowin`")

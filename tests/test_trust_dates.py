"""Dates are text end to end (DESIGN.md §2): a year written without quotes comes out as the
text "2006" in every output, validation still takes it and still flags what is not a date,
and sorting by a date orders mixed precisions by date."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
import yaml

from tests.conftest import REPO, Wal
from tests.helpers_validate import Repo, edit, wal
from walcli.core.paths import values_at
from walcli.io.scan import load_registry


def test_every_date_of_the_registry_is_text_once_loaded() -> None:
    registry = load_registry(REPO)
    found = 0
    for record in registry.all():
        for pattern in registry.schemas.dates(f"{record.kind}.schema.json"):
            for path, value in values_at(record.data, pattern):
                assert isinstance(value, str), (record.file, path, value)
                found += 1
    assert found > 100  # the registry has dates in every kind


@pytest.mark.parametrize("fmt", ["json", "yaml"])
def test_a_year_is_text_in_machine_formats(wal: Wal, fmt: str) -> None:
    run = wal("poles", "show", "mecatech", "--format", fmt)
    data = json.loads(run.stdout) if fmt == "json" else yaml.safe_load(run.stdout)
    assert [claim["value"] for claim in data["labelled"]] == ["2006", "2007"]
    listed = wal("poles", "list", "--format", fmt, "--columns", "id,labelled.value").stdout
    rows = json.loads(listed) if fmt == "json" else yaml.safe_load(listed)
    assert rows[1]["labelled.value"] == ["2006", "2007"]


def test_a_year_is_text_in_sheets_and_search(wal: Wal) -> None:
    csv_rows = list(csv.reader(io.StringIO(wal("poles", "list", "--format", "csv").stdout)))
    assert csv_rows[2][3] == "2006 / 2007"
    hits = json.loads(wal("search", "2007", "--format", "json").stdout)
    assert {"kind": "poles", "id": "mecatech", "path": "labelled.1.value", "text": "2007"} in [
        {k: hit[k] for k in ("kind", "id", "path", "text")} for hit in hits
    ]


def test_a_year_is_text_in_diff(tmp_path: Path) -> None:
    repo = Repo.create(tmp_path)
    text = (repo.root / "data" / "plans" / "marshall-1.yaml").read_text(encoding="utf-8")
    assert "  end: 2009\n" in text
    edit(repo.root, "data/plans/marshall-1.yaml", "  end: 2009\n", "  end: 2010\n")
    run = wal("--root", str(repo.root), "diff", "HEAD", "--format", "json")
    (record,) = json.loads(run.stdout)["records"]
    assert {"path": "period.end", "change": "changed", "old": "2009", "new": "2010"} in record[
        "changes"
    ]


def add_shock(root: Path, name: str, announced: str) -> None:
    (root / "data" / "shocks" / f"{name}.yaml").write_text(
        f"id: {name}\n"
        "name: {fr: x, en: x}\n"
        "summary: {fr: x, en: x}\n"
        "company: X\n"
        "site: Y\n"
        f"announced:\n  - value: {announced}\n    sources: [s]\n"
        "sources:\n  - {id: s, title: t, url: 'https://example.org/'}\n",
        encoding="utf-8",
    )


def test_sorting_by_a_date_orders_mixed_precisions_by_date(mini: Path, wal: Wal) -> None:
    add_shock(mini, "nlmk-la-louviere-2013", "2013")
    add_shock(mini, "caterpillar-gosselies-2016", "2016-09-02")
    add_shock(mini, "duferco-la-louviere-2013", "2013-03")
    run = wal("shocks", "list", "--sort", "announced", "--columns", "id,announced")
    assert run.stdout.splitlines()[1:] == [
        "nlmk-la-louviere-2013\t2013",
        "arcelormittal-liege-2013\t2013-01-24",
        "duferco-la-louviere-2013\t2013-03",
        "caterpillar-gosselies-2016\t2016-09-02",
    ]
    descending = wal("shocks", "list", "--sort", "-announced", "--columns", "id").stdout
    assert descending.split()[1] == "caterpillar-gosselies-2016"


@pytest.mark.parametrize(
    ("written", "code"),
    [
        ("2006", None),
        ("'2006'", None),
        ("2006-07", None),
        ("1700", "schema-any-of"),
        ("2101", "schema-any-of"),
        ("20060", "schema-any-of"),
        ("0x7D6", "schema-any-of"),
        ("2006.0", "schema-any-of"),
        ("1_999", "schema-any-of"),
        ("yes", "yaml-implicit-type"),
    ],
)
def test_validation_takes_a_bare_year_and_flags_what_is_no_date(
    mini: Path, wal: Wal, written: str, code: str | None
) -> None:
    path = mini / "data" / "plans" / "marshall-1.yaml"
    text = path.read_text(encoding="utf-8")
    assert "  start: 2006\n" in text
    path.write_text(text.replace("  start: 2006\n", f"  start: {written}\n"), encoding="utf-8")
    run = wal("validate", "--format", "json")
    found = [
        p["code"]
        for p in json.loads(run.stdout)["problems"]
        if p["path"] == "/period/start" and p["code"] != "period-order"  # 2101 is after 2009
    ]
    assert found == ([code] if code else [])

"""The tables every export writes, built from a registry (no CLI)."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import REPO, build_registry, shared_registry
from walcli.export.tables import build
from walcli.io.scan import load_registry
from walcli.schema.set import SchemaSet
from walcli.schema.walker import date_patterns


def test_dates_are_found_in_the_schemas() -> None:
    documents = SchemaSet.load(REPO).documents
    plans = date_patterns(documents, "plans.schema.json")
    assert ("period", "start") in plans
    assert ("period", "end") in plans
    assert ("adopted", "*", "value") in plans
    assert ("sources", "*", "date") in plans
    assert ("budget", "*", "value") not in plans


def test_link_lines_are_the_same_with_or_without_positions_kept() -> None:
    kept = build(load_registry(shared_registry(), track=True)).table("links").rows
    read_again = build(load_registry(shared_registry(), track=False)).table("links").rows
    assert kept == read_again
    assert ("poles", "mecatech", "domain", "domains", "mechanical-engineering") in [
        row[:5] for row in kept
    ]
    assert all(isinstance(row[6], int) and row[6] > 1 for row in kept)


def test_the_repository_links_point_at_their_lines() -> None:
    registry = load_registry(REPO, track=False)
    for row in build(registry).table("links").rows:
        _, _, field, _, to_id, file, line = row
        text = (REPO / file).read_text(encoding="utf-8").splitlines()[line - 1]
        assert to_id in text, (file, line, field)


def test_a_file_gone_since_loading_gives_links_without_lines(tmp_path: Path) -> None:
    root = build_registry(tmp_path / "registry")
    registry = load_registry(root, track=False)
    (root / "data" / "poles" / "biowin.yaml").unlink()
    rows = [r for r in build(registry).table("links").rows if r[1] == "biowin"]
    assert rows and all(r[6] is None for r in rows)

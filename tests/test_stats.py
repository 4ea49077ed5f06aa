"""`wal stats`: the counting (pure) and the command (golden files tests/golden/stats_*)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import REPO, build_registry, golden, invoke
from walcli.analysis.stats import KindStats, compute
from walcli.core.claims import disagree
from walcli.core.registry import Record
from walcli.io.scan import load_registry
from walcli.io.yaml import Document
from walcli.output.stats import fields_table, summary_table

TESTS = Path(__file__).resolve().parent
BASE = TESTS / "fixtures_rules" / "_base" / "data"

# A domain with what the base registry lacks: a weak-only fact, an open question and a
# seed-deck statement, so that every column of the summary counts something.
EXTRA_DOMAIN = """\
id: logistics
name:
  fr: Logistique
  en: Logistics
summary:
  fr: Un domaine.
  en: A domain.
type: priority-domain
scope:
  - text:
      fr: Transport et logistique.
      en: Transport and logistics.
    sources: [blog]
  - text:
      fr: Selon le diaporama.
      en: According to the deck.
    sources: [deck]
    attributed_to: seed-deck
open_questions:
  - topic: hq
    status: unconfirmed
    note:
      fr: Siège non sourcé.
      en: HQ not sourced.
sources:
  - id: blog
    title: A blog
    url: https://example.org/blog
    weak: true
  - id: deck
    kind: seed-deck
    title: The seed deck
"""


@pytest.fixture
def registry_root(tmp_path: Path) -> Path:
    root = build_registry(tmp_path / "registry", BASE)
    (root / "data" / "domains" / "logistics.yaml").write_text(EXTRA_DOMAIN, encoding="utf-8")
    return root


def wal(root: Path, *args: str) -> tuple[str, str, int]:
    run = invoke(args, {"WAL_ROOT": str(root)})
    return run.stdout, run.stderr, run.exit_code


# -- the command ---------------------------------------------------------------------------------


def test_fixture_registry_is_valid(registry_root: Path) -> None:
    assert wal(registry_root, "validate") == (
        "",
        f"7 records, 0 errors, 0 warnings (registry {registry_root})\n",
        0,
    )


@pytest.mark.parametrize(("fmt", "suffix"), [("json", "json"), ("markdown", "md"), ("tsv", "tsv")])
def test_stats_golden(registry_root: Path, fmt: str, suffix: str) -> None:
    stdout, stderr, code = wal(registry_root, "stats", "--format", fmt)
    assert (stderr, code) == ("", 0)
    golden(f"stats_base.{suffix}", stdout)


def test_stats_defaults_to_tsv_when_not_a_terminal(registry_root: Path) -> None:
    assert wal(registry_root, "stats") == wal(registry_root, "stats", "-f", "tsv")


def test_stats_json_shape(registry_root: Path) -> None:
    stdout, _, _ = wal(registry_root, "stats", "-f", "json")
    data = json.loads(stdout)
    assert [k["kind"] for k in data["kinds"]] == ["domains", "poles", "plans", "shocks"]
    domains = data["kinds"][0]
    assert {key: domains[key] for key in ("records", "facts", "weak_only", "seed_deck")} == {
        "records": 3,
        "facts": 4,
        "weak_only": 1,
        "seed_deck": 1,
    }
    assert {"field": "continues", "present": 1, "share": 0.3333} in domains["fields"]
    assert data["total"]["open_questions"] == 1


def test_stats_table_on_request(registry_root: Path) -> None:
    stdout, stderr, code = wal(registry_root, "stats", "-f", "table")
    assert (stderr, code) == ("", 0)
    assert "Records and facts" in stdout and "Field completeness" in stdout
    assert "open-questions" in stdout and "…" not in stdout  # fits in 100 columns


def test_stats_refuses_an_unknown_format(registry_root: Path) -> None:
    stdout, stderr, code = wal(registry_root, "stats", "-f", "xml")
    assert (stdout, code) == ("", 2)
    assert stderr == (
        "wal: --format: expected one of table, tsv, csv, json, yaml, markdown, got 'xml'\n"
    )


def test_stats_counts_what_loads_and_says_what_did_not(registry_root: Path) -> None:
    (registry_root / "data" / "poles" / "broken.yaml").write_text("id: [\n", encoding="utf-8")
    stdout, stderr, code = wal(registry_root, "stats", "-f", "json")
    assert code == 0
    assert stderr == (
        "wal: warning: data/poles/broken.yaml:2:1: not loaded, left out of this answer: "
        "did not find expected node content [yaml-syntax]\n"
        "hint: `wal validate` lists every problem and how to fix it\n"
    )
    assert json.loads(stdout)["kinds"][1]["records"] == 1


def test_stats_without_a_registry_is_a_usage_error(tmp_path: Path) -> None:
    stdout, stderr, code = wal(tmp_path / "nowhere", "stats")
    assert (stdout, code) == ("", 2)
    assert stderr.startswith("wal: ")


# -- the counting ----------------------------------------------------------------------------------


def _claims(*values: Any) -> list[dict[str, Any]]:
    return [{"value": v, "sources": ["s"]} for v in values]


@pytest.mark.parametrize(
    ("values", "conflict"),
    [
        (("2006-07", "2006-07-01"), False),
        (("2006", "2006-07", "2006-07-01"), False),
        ((2006, "2006-07"), False),
        (("2006-07", "2006-08"), True),
        ((2005, "2006-07"), True),
        ((1100000000, 1100000000), False),
        ((1100000000, 1500000000), True),
        ((["a", "b"], ["b", "a"]), False),
        ((["a", "b"], ["a"]), True),
        (({"fr": "x", "en": "y"}, {"en": "y", "fr": "x"}), False),
        (("2006",), False),
    ],
)
def test_conflicts(values: tuple[Any, ...], conflict: bool) -> None:
    assert disagree(_claims(*values)) is conflict


def test_counts_in_memory(registry_root: Path) -> None:
    registry = load_registry(registry_root)
    data = {
        "id": "p",
        "labelled_by": "plan-one",
        "labelled_by_sources": ["s"],
        "labelled": _claims("2006", "2007"),
        "acronym": {"expansion": "P", "sources": ["s"]},  # a mapping with sources
        "members": [{"as_of": 2006, "period": {"start": 2005}, "sources": []}],  # unsourced
        "figures": [
            {"label": {"fr": "a", "en": "a"}, "value": 1, "unit": "count", "sources": ["s"]},
            {"label": {"fr": "b", "en": "b"}, "value": 2, "unit": "count", "sources": ["s"]},
        ],  # figures are facts, not claims of one fact: no conflict
        "open_questions": [{"topic": "hq", "status": "unconfirmed", "note": {}}],
        "sources": [{"id": "s", "title": "S", "url": "https://example.org"}],
    }
    registry.records["poles"] = {"p": Record("poles", "p", "data/poles/p.yaml", Document(data))}
    poles = compute(registry).kinds[1]
    assert (poles.records, poles.facts, poles.sourced, poles.unsourced) == (1, 7, 6, 1)
    assert (poles.conflicts, poles.seed_deck, poles.open_questions) == (1, 0, 1)
    assert poles.fields["labelled"] == 1 and poles.fields["website"] == 0


def test_fields_follow_the_schema_then_unknown_fields_sorted(registry_root: Path) -> None:
    registry = load_registry(registry_root)
    record = registry.records["plans"]["plan-two"]
    record.data["zeta"] = 1
    record.data["alpha"] = 1
    names = list(compute(registry).kinds[2].fields)
    assert names[:4] == ["id", "name", "summary", "sources"]
    assert names[-2:] == ["alpha", "zeta"]


def test_tables_show_shares_rounded_down_and_a_dash_for_no_records() -> None:
    from walcli.analysis.stats import Stats

    stats = Stats(
        [
            KindStats("domains", 3, {"id": 3, "number": 2}),
            KindStats("shocks", 0, {"id": 0}),
        ]
    )
    assert fields_table(stats)[1] == [
        ["domains", "id", "3", "100%"],
        ["domains", "number", "2", "66%"],
        ["shocks", "id", "0", "-"],
    ]
    header, rows = summary_table(stats)
    assert header == ["measure", "domains", "shocks", "total"]
    assert rows[0] == ["records", "3", "0", "3"]
    assert [row[0] for row in rows] == [
        "records",
        "facts",
        "sourced",
        "unsourced",
        "weak-only",
        "conflicts",
        "seed-deck",
        "open-questions",
        "qualified",
        "superseded",
        "links",
        "sourced-links",
    ]


def test_qualifiers_superseded_claims_and_links_are_counted(tmp_path: Path) -> None:
    """The data's second pass (issue 13): "more than" and superseded figures, and links that
    carry their own sources, show in the statistics."""
    root = REPO
    stdout, _, code = wal(root, "stats", "-f", "json")
    assert code == 0
    total = json.loads(stdout)["total"]
    assert total["superseded"] >= 1  # Marshall 4.0's EUR 2.5bn, replaced by EUR 2.9bn
    assert total["qualified"] >= 5  # Skywin's >85 % of SMEs, NLMK's "up to" EUR 100M, ...
    assert total["links"] >= total["sourced_links"] >= 1

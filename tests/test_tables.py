"""`wal KIND list` for people: labels, names, formatted values, ids that never shrink; for
machines: raw values."""

from __future__ import annotations

import json

import pytest

from tests.conftest import REPO, TESTS, Wal, golden, shared_registry
from walcli.core.kinds import KINDS
from walcli.io.scan import load_registry

SHOWCASE = shared_registry(TESTS / "fixtures" / "showcase" / "data")


@pytest.fixture
def showcase() -> Wal:
    return Wal(SHOWCASE)


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_poles_table_golden_at_80_columns(showcase: Wal, lang: str) -> None:
    run = showcase("poles", "list", "-f", "table", "--lang", lang, env={"COLUMNS": "80"})
    assert (run.exit_code, run.stderr) == (0, "")
    golden(f"poles_list_80.{lang}.txt", run.stdout)


def test_a_table_shows_names_formatted_values_and_marks(showcase: Wal) -> None:
    out = showcase("plans", "list", "-f", "table", env={"COLUMNS": "120"}).stdout
    assert "€1.1bn – €1.6bn ≠" in out  # disagreeing budgets: their range, marked
    assert "2006 – 2009" in out
    assert "≠ sources disagree" in out.splitlines()[-2] + out.splitlines()[-1]
    poles = showcase("poles", "list", "-f", "table", "--lang", "fr").stdout
    assert "Biotechnologie" in poles and "| biotech " not in poles  # a name, not an id
    assert "juil. 2006" in poles


@pytest.mark.parametrize("kind", list(KINDS))
@pytest.mark.parametrize("lang", ["fr", "en"])
def test_no_id_is_cut_on_an_80_column_terminal(kind: str, lang: str) -> None:
    """Text columns wrap; the id column keeps the width of its longest id."""
    run = Wal(REPO)(kind, "list", "-f", "table", "--lang", lang, env={"COLUMNS": "80"})
    assert run.exit_code == 0
    cells = [line.split("│")[1].strip() for line in run.stdout.splitlines() if line.startswith("│")]
    ids = [record.id for record in load_registry(REPO, [kind]).of(kind)]
    assert [c for c in cells if c] == ids
    assert "…" not in run.stdout


def test_machine_formats_keep_raw_values(showcase: Wal) -> None:
    tsv = showcase("plans", "list", "--where", "id=marshall-1", "--columns", "id,budget").stdout
    assert tsv == "id\tbudget\nmarshall-1\t1100000000 / 1200000000 / 1500000000 / 1600000000\n"
    rows = json.loads(
        showcase("plans", "list", "-f", "json", "-w", "id=marshall-1", "--columns", "budget").stdout
    )
    assert rows[0]["budget"][0]["value"] == 1100000000
    csv = showcase("poles", "list", "-f", "csv", "--lang", "fr").stdout
    assert csv.splitlines()[0] == "id,name,domain,labelled,website"


def test_columns_chosen_for_people_get_labels(showcase: Wal) -> None:
    out = showcase(
        "plans", "list", "-f", "markdown", "--lang", "fr", "--columns", "id,period.start,budget"
    ).stdout
    assert out.splitlines()[0] == "| Identifiant | Période (début) | Budget |"


def test_a_path_the_schema_declares_is_accepted_even_if_no_record_has_it(showcase: Wal) -> None:
    run = showcase("domains", "list", "--where", "continues=x", "--columns", "id")
    assert (run.exit_code, run.stdout) == (0, "id\n")

"""Dotted paths reach into bilingual text and claims in --where, --sort and --columns, as the
README says (`name.fr`, `budget.value`)."""

from __future__ import annotations

import json

from tests.conftest import Wal


def test_where_reaches_one_language(wal: Wal) -> None:
    run = wal("domains", "list", "--where", "name.fr~génie", "--columns", "id,name.fr")
    assert (run.exit_code, run.stdout) == (
        0,
        "id\tname.fr\nmechanical-engineering\tGénie mécanique\n",
    )
    assert (
        wal("domains", "list", "--where", "name.en~génie").stdout
        == "id\tname\ttype\tintroduced_by\n"
    )


def test_where_sort_and_columns_reach_claim_values(wal: Wal) -> None:
    run = wal(
        "plans",
        "list",
        "--where",
        "budget.value>1500000000",
        "--sort",
        "-budget.value",
        "--columns",
        "id,budget.value",
    )
    assert (
        run.stdout
        == "id\tbudget.value\nmarshall-2-vert\t2750000000\nmarshall-1\t1100000000, 1600000000\n"
    )
    as_json = wal("plans", "list", "--columns", "id,budget.value", "--format", "json").stdout
    assert json.loads(as_json)[0] == {"id": "marshall-1", "budget.value": [1100000000, 1600000000]}


def test_an_unknown_path_is_refused_with_the_nearest(wal: Wal) -> None:
    run = wal("domains", "list", "--where", "name.fx=x")
    assert run.exit_code == 2
    assert "no field 'name.fx'" in run.stderr and "name.fr" in run.stderr

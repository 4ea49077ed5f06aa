"""`wal KIND show ID`: the record, what it points to and what points to it."""

from __future__ import annotations

import json

from tests.conftest import Wal, golden


def test_show_json_is_one_strict_object_with_links(wal: Wal) -> None:
    run = wal("poles", "show", "biowin", "--format", "json")
    assert (run.exit_code, run.stderr) == (0, "")
    record = json.loads(run.stdout, parse_constant=lambda c: (_ for _ in ()).throw(ValueError(c)))
    assert record["id"] == "biowin"
    assert record["_links"] == {
        "references": [
            {"kind": "domains", "id": "biotech", "path": "domain"},
            {"kind": "plans", "id": "marshall-1", "path": "labelled_by"},
        ],
        "referenced_by": [],
    }


def test_show_lists_referencing_records_with_their_kind(wal: Wal) -> None:
    record = json.loads(wal("plans", "show", "marshall-1", "--format", "json").stdout)
    assert record["_links"]["referenced_by"] == [
        {"kind": "domains", "id": "biotech", "path": "introduced_by"},
        {"kind": "domains", "id": "mechanical-engineering", "path": "introduced_by"},
        {"kind": "plans", "id": "marshall-2-vert", "path": "predecessor"},
        {"kind": "poles", "id": "biowin", "path": "labelled_by"},
        {"kind": "poles", "id": "mecatech", "path": "labelled_by"},
    ]


def test_show_text_golden_in_both_languages(wal: Wal) -> None:
    golden("show_marshall-2-vert.en.txt", wal("plans", "show", "marshall-2-vert").stdout)
    golden(
        "show_marshall-2-vert.fr.txt",
        wal("--lang", "fr", "plans", "show", "marshall-2-vert").stdout,
    )


def test_unknown_id_exits_1_with_close_ids(wal: Wal) -> None:
    run = wal("poles", "show", "biowinn")
    assert (run.exit_code, run.stdout) == (1, "")
    assert run.stderr == "wal: no pole with id 'biowinn'; did you mean biowin?\n"

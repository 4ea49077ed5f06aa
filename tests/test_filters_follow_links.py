"""A filter naming a record follows every link to it, and says how a record matched when it
was not through the filter's own field (issue 13: Wagralim coordinates DIS 5)."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import Wal

REPO = Path(__file__).resolve().parent.parent
wal = Wal(REPO)


def _rows(stdout: str) -> list[list[str]]:
    return [line.split("\t") for line in stdout.splitlines()]


def test_poles_of_a_domain_include_those_linked_by_an_s3_role() -> None:
    run = wal("poles", "list", "--domain", "dis-5-agrifood-chains-environment")
    assert (run.exit_code, run.stderr) == (0, "")
    rows = _rows(run.stdout)
    assert rows[0][-1] == "via"
    assert [(row[0], row[-1]) for row in rows[1:]] == [
        ("greenwin", "s3_roles.domain (support)"),
        ("wagralim", "s3_roles.domain (coordinator)"),
    ]


def test_a_direct_match_adds_no_column() -> None:
    run = wal("poles", "list", "--domain", "biotech")
    assert _rows(run.stdout)[0] == ["id", "name", "domain", "labelled", "website"]
    assert [row[0] for row in _rows(run.stdout)[1:]] == ["biowin"]


def test_plans_filter_by_type_and_by_any_link_to_a_domain() -> None:
    programmes = wal("plans", "list", "--type", "programme", "--columns", "id")
    assert "competitiveness-poles" in programmes.stdout
    assert "marshall-1" not in programmes.stdout
    linked = wal("plans", "list", "--domain", "biotech", "--columns", "id")
    assert linked.exit_code == 0
    assert "s3-2014-2020" in linked.stdout


def test_a_superseded_claim_is_not_shown_as_a_rival_in_a_table() -> None:
    run = wal("plans", "list", "--columns", "id,budget", "--where", "id=marshall-4-0")
    assert _rows(run.stdout)[1] == ["marshall-4-0", "2900000000"]


def test_a_filter_naming_no_record_still_fails_with_a_suggestion() -> None:
    run = wal("poles", "list", "--domain", "dis-5-agrifood")
    assert run.exit_code == 2
    assert "dis-5-agrifood-chains-environment" in run.stderr

"""`wal KIND list`: filters, --where, --sort, --columns and every format, as a user types them."""

from __future__ import annotations

import csv
import io
import json

import yaml

from tests.conftest import Wal, golden


def test_poles_by_domain_prints_plain_rows_when_piped(wal: Wal) -> None:
    run = wal("poles", "list", "--domain", "biotech")
    assert (run.exit_code, run.stderr) == (0, "")
    assert run.stdout == (
        "id\tname\tdomain\tlabelled\twebsite\n"
        "biowin\tBioWin\tbiotech\t2006-07\thttps://biowin.org/\n"
    )


def test_disagreeing_claims_are_shown_side_by_side(wal: Wal) -> None:
    run = wal("poles", "list", "--where", "id=mecatech", "--columns", "id,labelled")
    assert run.stdout.splitlines()[1] == "mecatech\t2006 / 2007"


def test_unknown_domain_is_a_usage_error_with_suggestions(wal: Wal) -> None:
    run = wal("poles", "list", "--domain", "biotek")
    assert run.exit_code == 2
    assert run.stdout == ""
    assert run.stderr == "wal: --domain: no domain 'biotek'; did you mean biotech?\n"


def test_matching_ignores_case_and_accents(wal: Wal) -> None:
    accented = wal("domains", "list", "--where", "name~GÉNIE", "--columns", "id")
    plain = wal("domains", "list", "--where", "name~genie", "--columns", "id")
    assert accented.stdout == plain.stdout == "id\nmechanical-engineering\n"


def test_french_names_with_lang_fr(wal: Wal) -> None:
    run = wal("--lang", "fr", "domains", "list", "--columns", "id,name")
    assert (
        run.stdout == "id\tname\nbiotech\tBiotechnologie\nmechanical-engineering\tGénie mécanique\n"
    )


def test_lang_comes_from_the_environment(wal: Wal) -> None:
    run = wal("domains", "list", "--columns", "name", env={"WAL_LANG": "", "LANG": "fr_BE.UTF-8"})
    assert "Génie mécanique" in run.stdout
    bad = wal("domains", "list", env={"WAL_LANG": "de"})
    assert (bad.exit_code, bad.stderr) == (2, "wal: WAL_LANG: expected fr or en, got 'de'\n")


def test_year_filters(wal: Wal) -> None:
    assert (
        wal("plans", "list", "--year", "2012", "--columns", "id").stdout == "id\nmarshall-2-vert\n"
    )
    assert wal("plans", "list", "--year", "2009", "--columns", "id").stdout.split()[1:] == [
        "marshall-1",
        "marshall-2-vert",
    ]
    assert wal("poles", "list", "--year", "2006", "--columns", "id").stdout == (
        "id\nbiowin\nmecatech\n"
    )
    assert wal("shocks", "list", "--year", "2013", "--columns", "id").stdout == (
        "id\narcelormittal-liege-2013\n"
    )
    bad = wal("plans", "list", "--year", "twenty")
    assert bad.exit_code == 2
    assert "expected a year" in bad.stderr


def test_company_filter_is_a_forgiving_substring(wal: Wal) -> None:
    assert wal("shocks", "list", "--company", "arcelor", "--columns", "id").stdout == (
        "id\narcelormittal-liege-2013\n"
    )


def test_where_operators(wal: Wal) -> None:
    def ids(*where: str) -> list[str]:
        args = [a for w in where for a in ("--where", w)]
        return wal("plans", "list", *args, "--columns", "id").stdout.split()[1:]

    assert ids("budget>2000000000") == ["marshall-2-vert"]
    assert ids("budget<1200000000") == ["marshall-1"]
    assert ids("predecessor!=marshall-1") == ["marshall-1"]
    assert ids("period.start>=2006", "period.end<=2009") == ["marshall-1"]
    assert ids("name~MARSHALL") == ["marshall-2-vert"]


def test_bad_where_and_unknown_fields_are_usage_errors(wal: Wal) -> None:
    bad = wal("poles", "list", "--where", "domain biotech")
    assert bad.exit_code == 2 and "expected PATH OP VALUE" in bad.stderr
    unknown = wal("poles", "list", "--where", "domian=biotech")
    assert unknown.exit_code == 2
    assert unknown.stderr == (
        "wal: --where/--columns: no field 'domian' in these records; "
        "did you mean domain, domain_sources?\n"
    )


def test_sort_descending_and_missing_last(wal: Wal) -> None:
    run = wal("plans", "list", "--sort", "-budget", "--columns", "id,budget")
    assert run.stdout.splitlines()[1:] == [
        "marshall-2-vert\t2750000000",
        "marshall-1\t1100000000 / 1600000000",
    ]
    run = wal("plans", "list", "--sort", "predecessor", "--columns", "id")
    assert run.stdout.split()[1:] == ["marshall-2-vert", "marshall-1"]


def test_json_is_an_array_of_whole_records(wal: Wal) -> None:
    run = wal("poles", "list", "--format", "json")
    records = json.loads(run.stdout)
    assert [r["id"] for r in records] == ["biowin", "mecatech"]
    assert records[0]["name"] == {"fr": "BioWin", "en": "BioWin"}


def test_json_with_columns_and_yaml(wal: Wal) -> None:
    run = wal("poles", "list", "--format", "json", "--columns", "id,domain")
    assert json.loads(run.stdout) == [
        {"id": "biowin", "domain": "biotech"},
        {"id": "mecatech", "domain": "mechanical-engineering"},
    ]
    assert yaml.safe_load(wal("poles", "list", "--format", "yaml").stdout)[1]["id"] == "mecatech"


def test_csv_parses_back(wal: Wal) -> None:
    rows = list(csv.reader(io.StringIO(wal("poles", "list", "--format", "csv").stdout)))
    assert rows[0] == ["id", "name", "domain", "labelled", "website"]
    assert rows[2][:3] == ["mecatech", "MecaTech Cluster", "mechanical-engineering"]


def test_table_and_markdown_golden(wal: Wal) -> None:
    golden("poles_list_table.txt", wal("poles", "list", "--format", "table").stdout)
    golden("plans_list.md", wal("plans", "list", "--format", "markdown").stdout)


def test_unknown_format_is_a_usage_error(wal: Wal) -> None:
    run = wal("poles", "list", "--format", "xml")
    assert run.exit_code == 2
    assert run.stderr.startswith("wal: --format: expected one of table, tsv, csv")


def test_unknown_kind_or_option_is_a_usage_error(wal: Wal) -> None:
    assert wal("pole", "list").exit_code == 2
    assert wal("poles", "list", "--colour").exit_code == 2

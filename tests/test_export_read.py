"""What each export holds, read back with the tools people use: sqlite3, the csv module,
openpyxl, Frictionless, json (and Datasette and DuckDB where installed)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import REPO, Wal
from tests.helpers_export import csv_rows, query

pytestmark = pytest.mark.slow  # exports read back by external tools: the slow set

HOSTILE = {
    "company": '=HYPERLINK("http://evil.example","click")',
    "site": "+1-2",
    "name_en": "@SUM(A1:A9) \x1b[31mred\x1b[0m",
}


def export(wal: Wal, fmt: str, out: Path, *args: str) -> Path:
    run = wal("export", "--format", fmt, "--out", str(out), *args)
    assert run.exit_code == 0, run.stderr
    return out


def make_hostile(mini: Path) -> None:
    """Text a spreadsheet would run as formulas, and a terminal escape, in the shock."""
    path = mini / "data" / "shocks" / "arcelormittal-liege-2013.yaml"
    text = path.read_text(encoding="utf-8")
    text = text.replace("company: ArcelorMittal", f"company: {json.dumps(HOSTILE['company'])}")
    text = text.replace("site: Liège", "site: '+1-2'")
    text = text.replace(
        "  en: ArcelorMittal Liège, cold phase (2013)", '  en: "@SUM(A1:A9) \\e[31mred\\e[0m"'
    )
    path.write_text(text, encoding="utf-8")


# -- sqlite ------------------------------------------------------------------------------------


def test_sqlite_answers_questions_across_kinds(wal: Wal, tmp_path: Path) -> None:
    db = export(wal, "sqlite", tmp_path / "wal.db")
    # The README's query: poles with the name of the domain they serve.
    assert query(
        db,
        "SELECT poles.id, domains.name_en FROM poles JOIN domains ON domains.id = poles.domain "
        "ORDER BY poles.id",
    ) == [("biowin", "Biotechnology"), ("mecatech", "Mechanical engineering")]
    # Which records refer to marshall-1, through the links table.
    assert query(
        db,
        "SELECT from_kind, from_id, field FROM links WHERE to_kind = 'plans' "
        "AND to_id = 'marshall-1' ORDER BY from_kind, from_id, field",
    ) == [
        ("domains", "biotech", "introduced_by"),
        ("domains", "mechanical-engineering", "introduced_by"),
        ("plans", "marshall-2-vert", "predecessor"),
        ("poles", "biowin", "labelled_by"),
        ("poles", "mecatech", "labelled_by"),
    ]
    assert query(
        db, "SELECT file, line FROM links WHERE from_id = 'biowin' AND field = 'domain'"
    ) == [("data/poles/biowin.yaml", 8)]


def test_sqlite_claims_keep_disagreements_and_dates_as_text(wal: Wal, tmp_path: Path) -> None:
    db = export(wal, "sqlite", tmp_path / "wal.db")
    assert query(
        db,
        "SELECT path, value, number, sources, disputed FROM claims WHERE id = 'marshall-1' "
        "ORDER BY path",
    ) == [
        ("adopted.0", "2005-08", None, '["spw"]', 0),
        ("budget.0", "1100000000", 1100000000, '["spw"]', 1),
        ("budget.1", "1600000000", 1600000000, '["crisp"]', 1),
    ]
    assert query(
        db, "SELECT path, value, typeof(value), disputed FROM claims WHERE id = 'mecatech'"
    ) == [
        ("labelled.0", "2006", "text", 1),
        ("labelled.1", "2007", "text", 1),
    ]
    # A year stays text in the kind's own table too.
    (period,) = query(db, "SELECT period FROM plans WHERE id = 'marshall-1'")[0]
    assert json.loads(period) == {"start": "2006", "end": "2009"}
    # A claim's sources is a JSON array SQLite's json functions read.
    assert query(
        db,
        "SELECT s.title FROM claims c, json_each(c.sources) j JOIN sources s "
        "ON s.kind = c.kind AND s.id = c.id AND s.source = j.value "
        "WHERE c.id = 'marshall-1' AND c.path = 'budget.1'",
    ) == [("Courrier hebdomadaire du CRISP 2009",)]


def test_sqlite_declares_keys_and_they_hold(wal: Wal, tmp_path: Path) -> None:
    db = export(wal, "sqlite", tmp_path / "wal.db")
    keys = query(db, 'SELECT "table", "from", "to" FROM pragma_foreign_key_list(\'links\')')
    assert sorted(keys) == [
        ("records", "from_id", "id"),
        ("records", "from_kind", "kind"),
        ("records", "to_id", "id"),
        ("records", "to_kind", "kind"),
    ]
    assert sorted(query(db, 'SELECT "table", "from" FROM pragma_foreign_key_list(\'poles\')')) == [
        ("domains", "domain"),
        ("plans", "labelled_by"),
    ]
    assert query(db, "PRAGMA foreign_key_check") == []
    assert query(db, "SELECT name FROM pragma_table_info('poles') WHERE pk = 1") == [("id",)]
    assert query(db, "SELECT count(*) FROM records") == [(7,)]


def test_sqlite_full_text_search_in_both_languages_ignores_accents(
    wal: Wal, tmp_path: Path
) -> None:
    db = export(wal, "sqlite", tmp_path / "wal.db")
    found = "SELECT kind, id, path FROM search WHERE search MATCH ? ORDER BY kind, id, path"
    assert query(db, found, "genie") == [
        ("domains", "mechanical-engineering", "name"),
        ("domains", "mechanical-engineering", "summary"),
        ("poles", "mecatech", "summary"),
    ]
    assert query(db, found, "en:cluster") == [
        ("poles", "biowin", "summary"),
        ("poles", "mecatech", "name"),
        ("poles", "mecatech", "summary"),
    ]
    assert query(db, found, "fr:cluster") == []


# -- csv ---------------------------------------------------------------------------------------


def test_csv_has_a_file_per_table_with_typed_text(wal: Wal, tmp_path: Path) -> None:
    out = export(wal, "csv", tmp_path / "csv")
    assert sorted(p.name for p in out.iterdir()) == [
        "claims.csv",
        "domains.csv",
        "links.csv",
        "plans.csv",
        "poles.csv",
        "records.csv",
        "shocks.csv",
        "sources.csv",
    ]
    poles = csv_rows(out / "poles.csv")
    assert list(poles[0]) == [
        "id",
        "name_fr",
        "name_en",
        "summary_fr",
        "summary_en",
        "sources",
        "domain",
        "labelled",
        "labelled_by",
        "website",
    ]
    assert poles[0]["name_en"] == "BioWin"
    assert json.loads(poles[1]["labelled"]) == [
        {"value": "2006", "sources": ["european-times"]},
        {"value": "2007", "sources": ["trends"]},
    ]
    claims = csv_rows(out / "claims.csv")
    assert {c["disputed"] for c in claims} == {"true", "false"}
    assert (out / "poles.csv").read_bytes().count(b"\r\n") == 0


def test_csv_for_excel_has_a_bom_semicolons_crlf_and_decimal_commas(
    wal: Wal, mini: Path, tmp_path: Path
) -> None:
    path = mini / "data" / "plans" / "marshall-1.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("value: 1100000000", "value: 1100000000.5"), encoding="utf-8")
    out = export(wal, "csv", tmp_path / "excel", "--excel")
    raw = (out / "claims.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbfkind;id;path;field;value;number;")
    assert raw.count(b"\r\n") == raw.count(b"\n") == len(raw.splitlines())
    rows = csv_rows(out / "claims.csv", excel=True)
    budget = next(r for r in rows if r["id"] == "marshall-1" and r["path"] == "budget.0")
    assert (budget["value"], budget["number"]) == ("1100000000.5", "1100000000,5")
    assert csv_rows(out / "domains.csv", excel=True)[1]["name_fr"] == "Génie mécanique"


def test_csv_never_holds_a_live_formula(wal: Wal, mini: Path, tmp_path: Path) -> None:
    make_hostile(mini)
    for args in ((), ("--excel",)):
        out = export(wal, "csv", tmp_path / f"csv{len(args)}", *args)
        (shock,) = csv_rows(out / "shocks.csv", excel=bool(args))
        assert shock["company"] == "'" + HOSTILE["company"]
        assert shock["site"] == "'+1-2"
        assert shock["name_en"] == "'@SUM(A1:A9) \\x1b[31mred\\x1b[0m"
        assert b"\x1b" not in b"".join(p.read_bytes() for p in out.iterdir())


# -- xlsx --------------------------------------------------------------------------------------


def _book(path: Path) -> Any:
    from openpyxl import load_workbook

    return load_workbook(path)


def test_xlsx_has_a_sheet_per_table_with_frozen_translated_headers(
    wal: Wal, tmp_path: Path
) -> None:
    book = _book(export(wal, "xlsx", tmp_path / "wal.xlsx"))
    assert book.sheetnames == [
        "records",
        "domains",
        "poles",
        "plans",
        "shocks",
        "claims",
        "sources",
        "links",
    ]
    for sheet in book.worksheets:
        assert sheet.freeze_panes == "A2", sheet.title
        assert sheet.auto_filter.ref and sheet.auto_filter.ref.startswith("A1:")
    poles = book["poles"]
    assert [c.value for c in poles[1]][:4] == ["Id", "Name (fr)", "Name (en)", "Summary (fr)"]


def test_xlsx_headers_follow_lang(wal: Wal, tmp_path: Path) -> None:
    out = tmp_path / "fr.xlsx"
    run = wal("--lang", "fr", "export", "--format", "xlsx", "--out", str(out))
    assert run.exit_code == 0
    book = _book(out)
    assert [c.value for c in book["poles"][1]][:3] == ["Identifiant", "Nom (fr)", "Nom (en)"]
    assert [c.value for c in book["claims"][1]][10:13] == [
        "Sources en désaccord",
        "Affirmation de la présentation",
        "Remplacé",
    ]


def test_xlsx_cells_are_typed(wal: Wal, tmp_path: Path) -> None:
    book = _book(export(wal, "xlsx", tmp_path / "wal.xlsx"))
    claims = book["claims"]
    header = [c.value for c in claims[1]]
    rows = [dict(zip(header, (c for c in row), strict=True)) for row in claims.iter_rows(min_row=2)]
    budget = next(
        r for r in rows if r["Id"].value == "marshall-1" and r["Path"].value == "budget.0"
    )
    assert (budget["Number"].value, budget["Number"].data_type) == (1100000000, "n")
    assert (budget["Sources disagree"].value, budget["Sources disagree"].data_type) == (True, "b")
    labelled = next(
        r for r in rows if r["Id"].value == "mecatech" and r["Path"].value == "labelled.0"
    )
    assert (labelled["Value"].value, labelled["Value"].data_type) == ("2006", "s")
    assert labelled["Number"].value is None


def test_xlsx_text_is_never_a_formula(wal: Wal, mini: Path, tmp_path: Path) -> None:
    make_hostile(mini)
    out = export(wal, "xlsx", tmp_path / "wal.xlsx")
    shocks = _book(out)["shocks"]
    header = [c.value for c in shocks[1]]
    row = dict(zip(header, shocks[2], strict=True))
    assert (row["Company"].value, row["Company"].data_type) == (HOSTILE["company"], "s")
    assert (row["Site"].value, row["Site"].data_type) == ("+1-2", "s")
    assert row["Name (en)"].value == "@SUM(A1:A9) \\x1b[31mred\\x1b[0m"
    import zipfile

    with zipfile.ZipFile(out) as archive:
        sheets = [n for n in archive.namelist() if n.startswith("xl/worksheets/")]
        assert all(b"<f>" not in archive.read(n) for n in sheets)


# -- data package ------------------------------------------------------------------------------


def test_datapackage_is_valid_for_frictionless(wal: Wal, tmp_path: Path) -> None:
    frictionless = pytest.importorskip("frictionless")
    out = export(wal, "datapackage", tmp_path / "package")
    report = frictionless.validate(str(out / "datapackage.json"))
    assert report.valid, report.flatten(["title", "message"])
    descriptor = json.loads((out / "datapackage.json").read_text(encoding="utf-8"))
    links = next(r for r in descriptor["resources"] if r["name"] == "links")
    assert links["schema"]["primaryKey"] == ["from_kind", "from_id", "field"]
    assert links["schema"]["foreignKeys"] == [
        {
            "fields": ["from_kind", "from_id"],
            "reference": {"resource": "records", "fields": ["kind", "id"]},
        },
        {
            "fields": ["to_kind", "to_id"],
            "reference": {"resource": "records", "fields": ["kind", "id"]},
        },
    ]
    plans = next(r for r in descriptor["resources"] if r["name"] == "plans")
    assert {"fields": ["predecessor"], "reference": {"resource": "", "fields": ["id"]}} in plans[
        "schema"
    ]["foreignKeys"]


def test_the_repository_package_is_valid_for_frictionless(tmp_path: Path) -> None:
    frictionless = pytest.importorskip("frictionless")
    out = export(Wal(REPO), "datapackage", tmp_path / "package")
    report = frictionless.validate(str(out / "datapackage.json"))
    assert report.valid, report.flatten(["resourceName", "type", "note"])[:10]
    assert len(report.tasks) == 8


def test_frictionless_catches_a_link_to_no_record(wal: Wal, mini: Path, tmp_path: Path) -> None:
    """The foreign keys are real: a dangling reference makes the package invalid."""
    frictionless = pytest.importorskip("frictionless")
    path = mini / "data" / "poles" / "biowin.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("domain: biotech", "domain: biotek"), encoding="utf-8")
    out = export(wal, "datapackage", tmp_path / "package")
    report = frictionless.validate(str(out / "datapackage.json"))
    assert not report.valid
    assert {error[0] for error in report.flatten(["type"])} == {"foreign-key"}


def test_datapackage_titles_follow_lang(wal: Wal, tmp_path: Path) -> None:
    out = tmp_path / "package"
    assert (
        wal("--lang", "fr", "export", "--format", "datapackage", "--out", str(out)).exit_code == 0
    )
    descriptor = json.loads((out / "datapackage.json").read_text(encoding="utf-8"))
    poles = next(r for r in descriptor["resources"] if r["name"] == "poles")
    assert [(f["name"], f["type"], f["title"]) for f in poles["schema"]["fields"]][:3] == [
        ("id", "string", "Identifiant"),
        ("name_fr", "string", "Nom (fr)"),
        ("name_en", "string", "Nom (en)"),
    ]


# -- json --------------------------------------------------------------------------------------


def test_json_is_the_whole_registry_in_one_strict_document(wal: Wal, tmp_path: Path) -> None:
    out = export(wal, "json", tmp_path / "wal.json")
    text = out.read_text(encoding="utf-8")
    document = json.loads(text, parse_constant=lambda name: pytest.fail(f"non-strict {name}"))
    assert list(document) == ["counts", "records", "links"]
    assert list(document["records"]) == ["domains", "poles", "plans", "shocks"]
    marshall = next(r for r in document["records"]["plans"] if r["id"] == "marshall-1")
    assert marshall["period"] == {"start": "2006", "end": "2009"}
    assert marshall["budget"][1] == {"value": 1600000000, "sources": ["crisp"]}
    assert document["links"][0] == {
        "from_kind": "domains",
        "from_id": "biotech",
        "field": "introduced_by",
        "to_kind": "plans",
        "to_id": "marshall-1",
        "file": "data/domains/biotech.yaml",
        "line": 9,
    }


# -- other tools -------------------------------------------------------------------------------


def test_datasette_runs_the_readme_query(wal: Wal, tmp_path: Path) -> None:
    pytest.importorskip("datasette")
    import asyncio

    from datasette.app import Datasette

    db = export(wal, "sqlite", tmp_path / "wal.db")
    sql = "select id, domain from poles order by id"

    async def ask() -> Any:
        response = await Datasette([str(db)]).client.get(
            "/wal.json", params={"sql": sql, "_shape": "array"}
        )
        return response.status_code, response.json()

    assert asyncio.run(ask()) == (
        200,
        [
            {"id": "biowin", "domain": "biotech"},
            {"id": "mecatech", "domain": "mechanical-engineering"},
        ],
    )


def test_duckdb_reads_the_csv_export(wal: Wal, tmp_path: Path) -> None:
    duckdb = pytest.importorskip("duckdb")
    out = export(wal, "csv", tmp_path / "csv")
    rows = duckdb.sql(
        f"SELECT p.id, d.name_en FROM read_csv('{out}/poles.csv') p "
        f"JOIN read_csv('{out}/domains.csv') d ON d.id = p.domain ORDER BY p.id"
    ).fetchall()
    assert rows == [("biowin", "Biotechnology"), ("mecatech", "Mechanical engineering")]


def test_sqlite_takes_a_number_too_large_for_its_integers(
    wal: Wal, mini: Path, tmp_path: Path
) -> None:
    path = mini / "data" / "plans" / "marshall-1.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("value: 1100000000", "value: 123456789012345678901234"))
    db = export(wal, "sqlite", tmp_path / "wal.db")
    assert query(
        db, "SELECT value, number FROM claims WHERE id = 'marshall-1' AND path = 'budget.0'"
    ) == [("123456789012345678901234", 1.2345678901234568e23)]

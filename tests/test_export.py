"""`wal export`: every format holds every record; the target is written atomically and never
replaced unless asked."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from tests.conftest import REPO, Wal
from tests.helpers_export import ids_in, record_files, snapshot
from walcli.export import EXPORTERS

FORMATS = list(EXPORTERS)
TARGETS = {
    "csv": "out-csv",
    "xlsx": "wal.xlsx",
    "sqlite": "wal.db",
    "datapackage": "out-package",
    "json": "wal.json",
}


def _leftovers(folder: Path) -> list[str]:
    """Temporary files or folders an export left beside its target."""
    return sorted(p.name for p in folder.iterdir() if p.name.startswith("."))


@pytest.mark.parametrize("fmt", FORMATS)
def test_every_record_is_exported(wal: Wal, mini: Path, tmp_path: Path, fmt: str) -> None:
    out = tmp_path / TARGETS[fmt]
    run = wal("export", "--format", fmt, "--out", str(out))
    assert run.exit_code == 0, run.stderr
    assert run.stdout == ""
    assert run.stderr == (
        f"wrote {out}: 7 records (2 domains, 2 poles, 2 plans, 1 shocks), 10 claims, "
        "9 sources, 8 links\n"
    )
    assert ids_in(fmt, out) == record_files(mini)
    assert _leftovers(tmp_path) == []


@pytest.mark.slow
@pytest.mark.parametrize("fmt", FORMATS)
def test_the_repository_data_is_exported_whole(tmp_path: Path, fmt: str) -> None:
    out = tmp_path / TARGETS[fmt]
    run = Wal(REPO)("export", "--format", fmt, "--out", str(out))
    assert run.exit_code == 0, run.stderr
    expected = record_files(REPO)
    assert ids_in(fmt, out) == expected
    total = sum(len(ids) for ids in expected.values())
    assert run.stderr.startswith(f"wrote {out}: {total} records (")


@pytest.mark.parametrize("fmt", FORMATS)
def test_an_existing_target_is_refused_and_left_untouched(
    wal: Wal, tmp_path: Path, fmt: str
) -> None:
    out = tmp_path / TARGETS[fmt]
    if EXPORTERS[fmt].folder:
        out.mkdir()
        (out / "poles.csv").write_text("precious\n", encoding="utf-8")
    else:
        out.write_text("precious\n", encoding="utf-8")
    before = snapshot(out)
    run = wal("export", "--format", fmt, "--out", str(out))
    assert run.exit_code == 2
    assert run.stdout == ""
    assert run.stderr == f"wal: --out {out}: already exists\nhint: add --force to replace it\n"
    assert snapshot(out) == before
    assert _leftovers(tmp_path) == []


@pytest.mark.parametrize("fmt", FORMATS)
def test_force_replaces_a_previous_export(wal: Wal, mini: Path, tmp_path: Path, fmt: str) -> None:
    out = tmp_path / TARGETS[fmt]
    assert wal("export", "--format", fmt, "--out", str(out)).exit_code == 0
    first = snapshot(out)
    (mini / "data" / "poles" / "mecatech.yaml").unlink()
    run = wal("export", "--format", fmt, "--out", str(out), "--force")
    assert run.exit_code == 0, run.stderr
    assert snapshot(out) != first
    assert "mecatech" not in ids_in(fmt, out)["poles"]
    assert _leftovers(tmp_path) == []


def test_two_exports_of_one_registry_are_identical(wal: Wal, tmp_path: Path) -> None:
    for fmt in ("csv", "datapackage", "json"):
        one, two = tmp_path / f"{fmt}-1", tmp_path / f"{fmt}-2"
        wal("export", "--format", fmt, "--out", str(one))
        wal("export", "--format", fmt, "--out", str(two))
        assert snapshot(one) == snapshot(two)


def test_force_never_replaces_a_folder_holding_other_files(wal: Wal, tmp_path: Path) -> None:
    out = tmp_path / "documents"
    out.mkdir()
    (out / "thesis.docx").write_bytes(b"years of work")
    before = snapshot(out)
    run = wal("export", "--format", "csv", "--out", str(out), "--force")
    assert run.exit_code == 2
    assert run.stderr == (
        f"wal: --out {out}: holds 'thesis.docx', which an export does not write; "
        "refusing to replace it\nhint: remove the folder yourself, or export to a new one\n"
    )
    assert snapshot(out) == before


def test_force_never_turns_a_file_into_a_folder_or_back(wal: Wal, tmp_path: Path) -> None:
    file, folder = tmp_path / "a-file", tmp_path / "a-folder.db"
    file.write_text("keep\n", encoding="utf-8")
    folder.mkdir()
    run = wal("export", "--format", "csv", "--out", str(file), "--force")
    assert (run.exit_code, run.stderr) == (
        2,
        f"wal: --out {file}: not a folder; an export to a folder replaces only a folder\n",
    )
    run = wal("export", "--format", "sqlite", "--out", str(folder), "--force")
    assert (run.exit_code, run.stderr) == (
        2,
        f"wal: --out {folder}: is a folder; this export writes a file\n",
    )
    assert file.read_text(encoding="utf-8") == "keep\n"
    assert list(folder.iterdir()) == []


def test_a_failed_write_leaves_nothing_behind(
    wal: Wal, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import walcli.export.json as json_export

    def broken(tables: object, path: Path, options: object) -> None:
        path.write_text("half a docu", encoding="utf-8")
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(json_export, "write", broken)
    out = tmp_path / "wal.json"
    run = wal("export", "--format", "json", "--out", str(out))
    assert run.exit_code == 2
    assert run.stderr == f"wal: --out {out}: cannot write: No space left on device\n"
    assert not out.exists()
    assert _leftovers(tmp_path) == []


def test_a_failed_forced_write_keeps_the_old_export(
    wal: Wal, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import walcli.export.csv as csv_export

    out = tmp_path / "out-csv"
    assert wal("export", "--format", "csv", "--out", str(out)).exit_code == 0
    before = snapshot(out)

    def broken(tables: object, folder: Path, options: object) -> None:
        (folder / "records.csv").write_text("kind,id\n", encoding="utf-8")
        raise OSError(5, "Input/output error")

    monkeypatch.setattr(csv_export, "write", broken)
    run = wal("export", "--format", "csv", "--out", str(out), "--force")
    assert run.exit_code == 2
    assert snapshot(out) == before
    assert _leftovers(tmp_path) == []


def test_the_format_follows_the_suffix_when_not_given(wal: Wal, tmp_path: Path) -> None:
    for name, fmt in (("a.db", "sqlite"), ("b.xlsx", "xlsx"), ("c.json", "json")):
        out = tmp_path / name
        assert wal("export", "--out", str(out)).exit_code == 0
        assert ids_in(fmt, out)["poles"] == {"biowin", "mecatech"}


def test_usage_errors(wal: Wal, tmp_path: Path) -> None:
    cases = [
        (
            ("--out", str(tmp_path / "x")),
            "wal: --format: missing; expected one of csv, xlsx, sqlite, datapackage, json\n"
            "hint: wal export --format sqlite --out wal.db\n",
        ),
        (
            ("--format", "parquet", "--out", str(tmp_path / "x")),
            "wal: --format: expected one of csv, xlsx, sqlite, datapackage, json, got 'parquet'\n",
        ),
        (
            ("--format", "xlsx", "--excel", "--out", str(tmp_path / "x.xlsx")),
            "wal: --excel: only for --format csv\n",
        ),
        (
            ("--format", "csv", "--out", "-"),
            "wal: --out -: only --format json can be written to stdout\n",
        ),
        (
            ("--format", "json", "--out", str(tmp_path / "missing" / "x.json")),
            f"wal: --out {tmp_path / 'missing' / 'x.json'}: the folder "
            f"{tmp_path / 'missing'} does not exist\n",
        ),
    ]
    for args, stderr in cases:
        run = wal("export", *args)
        assert (run.exit_code, run.stdout, run.stderr) == (2, "", stderr), args
    assert sorted(os.listdir(tmp_path)) == ["registry"]


def test_json_to_stdout(wal: Wal) -> None:
    run = wal("export", "--format", "json", "--out", "-")
    assert run.exit_code == 0
    document = json.loads(run.stdout)
    assert document["counts"] == {"domains": 2, "poles": 2, "plans": 2, "shocks": 1}
    assert run.stderr.startswith("wrote stdout: 7 records")


def test_files_that_do_not_load_are_named_and_fail_the_run(
    wal: Wal, mini: Path, tmp_path: Path
) -> None:
    (mini / "data" / "poles" / "broken.yaml").write_text("id: [unclosed\n", encoding="utf-8")
    out = tmp_path / "wal.json"
    run = wal("export", "--format", "json", "--out", str(out))
    assert run.exit_code == 1
    assert run.stderr.splitlines()[1:] == [
        "warning: 1 files could not be read and are not in the export; run wal validate"
    ]
    assert ids_in("json", out)["poles"] == {"biowin", "mecatech"}


def test_links_to_no_record_are_kept_and_warned_about(wal: Wal, mini: Path, tmp_path: Path) -> None:
    path = mini / "data" / "poles" / "biowin.yaml"
    path.write_text(
        path.read_text(encoding="utf-8").replace("domain: biotech", "domain: biotek"),
        encoding="utf-8",
    )
    out = tmp_path / "wal.db"
    run = wal("export", "--format", "sqlite", "--out", str(out))
    assert run.exit_code == 0
    assert run.stderr.splitlines()[1:] == ["warning: 1 links name no record; run wal validate"]


def test_the_summary_speaks_the_language(wal: Wal, tmp_path: Path) -> None:
    out = tmp_path / "wal.json"
    run = wal("--lang", "fr", "export", "--format", "json", "--out", str(out))
    assert run.stderr == (
        f"{out} écrit : 7 fiches (2 domaines, 2 pôles, 2 plans, 1 chocs), 10 affirmations, "
        "9 sources, 8 liens\n"
    )


def test_sqlite_without_fts5_fails_before_writing(
    wal: Wal, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import walcli.export.sqlite as sqlite_export

    monkeypatch.setattr(sqlite_export, "has_fts5", lambda: False)
    out = tmp_path / "wal.db"
    run = wal("export", "--format", "sqlite", "--out", str(out))
    assert run.exit_code == 2
    assert run.stderr == (
        "wal: this Python's SQLite has no FTS5 full-text search; use a Python built with a "
        "recent SQLite, or another --format\n"
    )
    assert sorted(os.listdir(tmp_path)) == ["registry"]


def test_the_current_folder_is_never_replaced(
    wal: Wal, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "out-csv"
    assert wal("export", "--format", "csv", "--out", str(out)).exit_code == 0
    before = snapshot(out)
    monkeypatch.chdir(out)
    run = wal("export", "--format", "csv", "--out", ".", "--force")
    assert (run.exit_code, run.stderr) == (
        2,
        f"wal: --out {out}: holds the current folder; refusing to replace it\n",
    )
    assert snapshot(out) == before


def test_a_relative_out_is_written_where_you_are(
    wal: Wal, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    run = wal("export", "--format", "sqlite", "--out", "wal.db")
    assert run.exit_code == 0
    assert run.stderr.startswith("wrote wal.db: 7 records")
    assert ids_in("sqlite", tmp_path / "wal.db")["poles"] == {"biowin", "mecatech"}


def test_xlsx_says_how_many_cells_it_cut(wal: Wal, mini: Path, tmp_path: Path) -> None:
    path = mini / "data" / "poles" / "biowin.yaml"
    long = "x" * 40000
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("  en: BioWin\n", f"  en: {long}\n", 1), encoding="utf-8")
    run = wal("--lang", "fr", "export", "--format", "xlsx", "--out", str(tmp_path / "w.xlsx"))
    assert run.exit_code == 0
    assert run.stderr.splitlines()[1:] == [
        "attention : 2 cellules plus longues qu'Excel ne le permet (32 767 caractères) "
        "ont été coupées"
    ]
    from openpyxl import load_workbook

    cell = load_workbook(tmp_path / "w.xlsx")["poles"]["C2"].value
    assert len(cell) == 32767 and cell.endswith("…")

"""`wal validate`: every problem in one run, located, coded, in text, json and github form."""

from __future__ import annotations

import json
from pathlib import Path

from tests.conftest import Wal


def edit(root: Path, rel: str, old: str, new: str) -> None:
    path = root / rel
    text = path.read_text(encoding="utf-8")
    assert old in text, (rel, old)
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_clean_registry_exits_0(wal: Wal) -> None:
    run = wal("validate")
    assert (run.exit_code, run.stdout) == (0, "")
    assert run.stderr == f"7 records, 0 errors, 0 warnings (registry {wal.root})\n"


def test_broken_file_names_file_line_and_column(wal: Wal, mini: Path) -> None:
    edit(mini, "data/poles/biowin.yaml", "domain: biotech", "domain: [biotech")
    run = wal("validate")
    assert run.exit_code == 1
    assert run.stdout == (
        "data/poles/biowin.yaml:9:9: error [yaml-syntax] did not find expected ',' or ']'\n"
    )


def test_every_problem_at_once_sorted(wal: Wal, mini: Path) -> None:
    edit(mini, "data/poles/biowin.yaml", "domain: biotech", "domain: biotek")
    edit(mini, "data/poles/biowin.yaml", "website: https://biowin.org/", "website: 12")
    edit(mini, "data/poles/mecatech.yaml", "id: mecatech", "id: meca-tech")
    edit(mini, "data/plans/marshall-2-vert.yaml", "predecessor: marshall-1", "predecessor: biotech")
    edit(mini, "data/plans/marshall-1.yaml", "sources: [crisp]", "sources: [crsp]")
    edit(mini, "data/plans/marshall-2-vert.yaml", "2009-12-03", "2009-02-30")
    run = wal("validate")
    assert run.exit_code == 1
    assert run.stdout == (
        "data/plans/marshall-1.yaml:18:15: error [unknown-source] cites source 'crsp', "
        "which the record's sources do not list\n"
        "data/plans/marshall-2-vert.yaml:12:12: error [bad-date] "
        "2009-02-30 is not a calendar date\n"
        "data/plans/marshall-2-vert.yaml:17:14: error [wrong-kind-reference] 'biotech' is a "
        "domain, but this field names a plan\n"
        "data/poles/biowin.yaml:8:9: error [unknown-reference] no domain 'biotek'; "
        "did you mean biotech?\n"
        "data/poles/biowin.yaml:13:10: error [yaml-implicit-type] unquoted 12 is read by YAML as "
        "12, but this field expects text; if you mean the text, quote it: '12'\n"
        "data/poles/mecatech.yaml:1:5: error [id-mismatch] id 'meca-tech' differs from the file "
        "name mecatech.yaml\n"
    )
    assert run.stderr.endswith(f"7 records, 6 errors, 0 warnings (registry {mini})\n")


def test_json_report_follows_the_contract(wal: Wal, mini: Path) -> None:
    edit(mini, "data/poles/biowin.yaml", "  en: BioWin\n", "")
    report = json.loads(wal("validate", "--format", "json").stdout)
    assert report == {
        "valid": False,
        "counts": {"error": 1, "warning": 0},
        "problems": [
            {
                "file": "data/poles/biowin.yaml",
                "line": 2,
                "column": 1,
                "path": "/name",
                "code": "schema-required",
                "severity": "error",
                "message": "/name: 'en' is a required property",
            }
        ],
    }


def test_clean_json_report(wal: Wal) -> None:
    assert json.loads(wal("validate", "--format", "json").stdout) == {
        "valid": True,
        "counts": {"error": 0, "warning": 0},
        "problems": [],
    }


def test_github_annotations_when_running_in_actions(wal: Wal, mini: Path) -> None:
    edit(mini, "data/poles/biowin.yaml", "domain: biotech", "domain: biotek")
    run = wal("validate", env={"GITHUB_ACTIONS": "true"})
    assert run.stdout == (
        "::error file=data/poles/biowin.yaml,line=8,col=9,title=unknown-reference::"
        "no domain 'biotek'; did you mean biotech?%0A"
        "Fix: Use one of the suggested ids, or add the missing record.\n"
    )


def test_unexpected_field_points_at_its_key_and_suggests(wal: Wal, mini: Path) -> None:
    edit(mini, "data/poles/biowin.yaml", "website:", "webiste:")
    run = wal("validate")
    assert run.stdout == (
        "data/poles/biowin.yaml:13:1: error [schema-unevaluated-properties] /webiste: "
        "unexpected field 'webiste'; did you mean website?\n"
    )


def test_enum_suggests_the_nearest_value(wal: Wal, mini: Path) -> None:
    edit(mini, "data/domains/biotech.yaml", "type: priority-domain", "type: priority-domian")
    assert "did you mean priority-domain?" in wal("validate").stdout


def test_unquoted_values_yaml_misreads_are_explained(wal: Wal, mini: Path) -> None:
    edit(mini, "data/shocks/arcelormittal-liege-2013.yaml", "company: ArcelorMittal", "company: NO")
    run = wal("validate")
    assert run.stdout.startswith(
        "data/shocks/arcelormittal-liege-2013.yaml:8:10: error [yaml-implicit-type] "
        "unquoted NO is read by YAML as false, but this field expects text; "
        "if you mean the text, quote it: 'NO'\n"
    )


def test_a_date_that_is_neither_shape_says_what_a_date_is(wal: Wal, mini: Path) -> None:
    edit(mini, "data/plans/marshall-1.yaml", "start: 2006", "start: 2006-7")
    assert wal("validate").stdout == (
        'data/plans/marshall-1.yaml:9:10: error [schema-any-of] /period/start: "2006-7" is '
        "not valid here: ISO 8601 date at the precision the source gives: 2006, 2006-07 or "
        "2009-12-03, written without quotes.\n"
    )


def test_duplicate_ids_across_kinds(wal: Wal, mini: Path) -> None:
    (mini / "data" / "plans" / "biotech.yaml").write_text(
        (mini / "data" / "plans" / "marshall-1.yaml")
        .read_text()
        .replace("id: marshall-1", "id: biotech")
    )
    run = wal("validate")
    assert (
        "data/plans/biotech.yaml:1:5: error [duplicate-id] id 'biotech' is also the id of "
        "data/domains/biotech.yaml" in run.stdout
    )


def test_broken_files_do_not_cascade_into_reference_errors(wal: Wal, mini: Path) -> None:
    (mini / "data" / "domains" / "biotech.yaml").write_text("id: biotech\nname: [\n")
    run = wal("validate")
    assert [line.split(" ")[2] for line in run.stdout.splitlines()] == ["[yaml-syntax]"]


def test_stray_files_are_warnings_that_fail_only_when_strict(wal: Wal, mini: Path) -> None:
    (mini / "data" / "poles" / "notes.yml").write_text("id: notes\n")
    run = wal("validate")
    assert (run.exit_code, run.stdout) == (
        0,
        "data/poles/notes.yml:1:1: warning [stray-file] skipped file (rename it to .yaml)\n",
    )
    assert wal("validate", "--strict").exit_code == 1


def test_a_folder_named_like_a_record_is_a_problem(wal: Wal, mini: Path) -> None:
    (mini / "data" / "poles" / "folder.yaml").mkdir()
    assert "data/poles/folder.yaml:1:1: error [not-a-file]" in wal("validate").stdout


def test_a_link_out_of_the_registry_is_refused(wal: Wal, mini: Path, tmp_path: Path) -> None:
    outside = tmp_path / "outside.yaml"
    outside.write_text("id: outside\n")
    (mini / "data" / "poles" / "outside.yaml").symlink_to(outside)
    assert "data/poles/outside.yaml:1:1: error [link-outside-root]" in wal("validate").stdout


def test_files_restrict_the_report_to_them(wal: Wal, mini: Path) -> None:
    edit(mini, "data/poles/biowin.yaml", "domain: biotech", "domain: biotek")
    edit(mini, "data/poles/mecatech.yaml", "website: http", "website: 12 # http")
    only = wal("validate", str(mini / "data" / "poles" / "mecatech.yaml"))
    assert only.exit_code == 1
    assert [line.split(":")[0] for line in only.stdout.splitlines()] == ["data/poles/mecatech.yaml"]


def test_a_file_outside_the_registry_is_a_usage_error(wal: Wal, tmp_path: Path) -> None:
    run = wal("validate", str(tmp_path / "elsewhere.yaml"))
    assert run.exit_code == 2
    assert "not inside the registry" in run.stderr

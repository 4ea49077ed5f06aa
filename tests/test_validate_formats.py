"""`wal validate` formats: text, json (the DESIGN contract), github, junit, sarif, markdown.
All are rendered from one sorted list, so they must name the same problems at the same places;
JUnit is read back with xml.etree and SARIF with json plus a check of its required structure."""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.helpers_validate import REPO, edit, make_registry, wal
from walcli.check.codes import describe, registry_codes, table
from walcli.check.explain import DOC_PATH, codes_markdown
from walcli.check.rules.mojibake import mojibake
from walcli.check.run import Report
from walcli.core.problems import Problem, Severity
from walcli.io.scan import load_registry
from walcli.output.problems import PROBLEM_FORMATS, render, xml_text
from walcli.schema.errors import SCHEMA_CODES

CODES = registry_codes()
REPORTERS = PROBLEM_FORMATS.by_name

FORMATS = ("text", "json", "github", "junit", "sarif", "markdown")

# The English summary of the mini registry's biowin: a text field to put sentences in.
SUMMARY_EN = "  en: The health competitiveness cluster of Wallonia."


@pytest.fixture
def broken(tmp_path: Path) -> Path:
    """A registry with errors and warnings in three files, and a clean fourth."""
    root = make_registry(tmp_path)
    edit(root, "data/poles/biowin.yaml", "domain: biotech", "domain: biotec")
    edit(root, "data/poles/biowin.yaml", "website: https://biowin.org/", "website: NO")
    edit(root, "data/domains/biotech.yaml", "type: priority-domain", "type: priority|domain")
    edit(
        root,
        "data/shocks/arcelormittal-liege-2013.yaml",
        "company: ArcelorMittal",
        "company: ArcelorMittal (Liège) â€” phase Ã\xa0 froid",
    )
    (root / "data" / "poles" / "notes.yml").write_text("x: 1\n", encoding="utf-8")
    return root


EXPECTED = [
    ("data/domains/biotech.yaml", 8, 7, "schema-enum", "error"),
    ("data/poles/biowin.yaml", 8, 9, "unknown-reference", "error"),
    ("data/poles/biowin.yaml", 13, 10, "yaml-implicit-type", "error"),
    ("data/poles/notes.yml", 1, 1, "stray-file", "warning"),
    ("data/shocks/arcelormittal-liege-2013.yaml", 8, 10, "mojibake", "warning"),
]


def output(root: Path, fmt: str, *args: str) -> str:
    run = wal("--root", str(root), "validate", "--format", fmt, *args)
    assert run.exit_code == 1, run.stderr
    assert "Traceback" not in run.stderr
    return run.stdout


# -- json: the contract ---------------------------------------------------------------------


def test_json_has_exactly_the_contract_keys(broken: Path) -> None:
    report = json.loads(output(broken, "json"))
    assert list(report) == ["valid", "counts", "problems"]
    assert report["valid"] is False
    assert report["counts"] == {"error": 3, "warning": 2}
    for problem in report["problems"]:
        assert list(problem) == ["file", "line", "column", "path", "code", "severity", "message"]
    found = [
        (p["file"], p["line"], p["column"], p["code"], p["severity"]) for p in report["problems"]
    ]
    assert found == EXPECTED
    paths = [p["path"] for p in report["problems"]]
    assert paths == ["/type", "/domain", "/website", "", "/company"]


def test_suggestions_name_the_nearest_ids_and_values(broken: Path) -> None:
    messages = {p["code"]: p["message"] for p in json.loads(output(broken, "json"))["problems"]}
    assert messages["unknown-reference"] == "no domain 'biotec'; did you mean biotech?"
    assert messages["schema-enum"].endswith("did you mean priority-domain?")
    assert messages["yaml-implicit-type"] == (
        "unquoted NO is read by YAML as false, but this field expects text; "
        "if you mean the text, quote it: 'NO'"
    )
    assert messages["mojibake"] == (
        'text looks mis-decoded: "…celorMittal (Liège) â€” phase Ã\xa0 froid" '
        'probably means "…celorMittal (Liège) — phase à froid"'
    )


# -- text and github ------------------------------------------------------------------------


def test_text_lines_and_hints(broken: Path) -> None:
    run = wal("--root", str(broken), "validate")
    assert run.exit_code == 1
    assert run.stdout.splitlines()[1] == (
        "data/poles/biowin.yaml:8:9: error [unknown-reference] no domain 'biotec'; "
        "did you mean biotech?"
    )
    assert "hint [unknown-reference]: Use one of the suggested ids" in run.stderr
    assert run.stderr.endswith(f"7 records, 3 errors, 2 warnings (registry {broken})\n")


def test_github_annotations_are_the_default_under_actions(broken: Path) -> None:
    run = wal("--root", str(broken), "validate", env={"GITHUB_ACTIONS": "true"})
    assert run.exit_code == 1
    lines = run.stdout.splitlines()
    assert lines[1] == (
        "::error file=data/poles/biowin.yaml,line=8,col=9,title=unknown-reference::"
        "no domain 'biotec'; did you mean biotech?"
        "%0AFix: Use one of the suggested ids, or add the missing record."
    )
    assert lines[3].startswith(
        "::warning file=data/poles/notes.yml,line=1,col=1,title=stray-file::"
    )
    assert "hint [" not in run.stderr  # hints travel inside the annotations


def test_github_escapes_properties_and_message() -> None:
    problem = Problem("data/a,b:c.yaml", 2, 3, "", "yaml-syntax", Severity.ERROR, "50% bad\nx")
    line = render("github", [problem])
    assert line.startswith("::error file=data/a%2Cb%3Ac.yaml,line=2,col=3,title=yaml-syntax::")
    assert "50%25 bad\\x0ax%0AFix: " in line  # the break is shown, the % escaped


# -- junit ----------------------------------------------------------------------------------


def test_junit_parses_one_suite_one_case_per_file(broken: Path) -> None:
    root = ET.fromstring(output(broken, "junit"))
    suites = root.findall("testsuite")
    assert root.tag == "testsuites" and len(suites) == 1
    suite = suites[0]
    cases = suite.findall("testcase")
    assert [c.get("name") for c in cases] == [
        "data/domains/biotech.yaml",
        "data/domains/mechanical-engineering.yaml",
        "data/plans/marshall-1.yaml",
        "data/plans/marshall-2-vert.yaml",
        "data/poles/biowin.yaml",
        "data/poles/mecatech.yaml",
        "data/poles/notes.yml",
        "data/shocks/arcelormittal-liege-2013.yaml",
    ]
    assert suite.get("tests") == "8" and suite.get("failures") == "2"
    failures = {c.get("name"): [f.get("type") for f in c.findall("failure")] for c in cases}
    assert failures == {
        "data/domains/biotech.yaml": ["schema-enum"],
        "data/domains/mechanical-engineering.yaml": [],
        "data/plans/marshall-1.yaml": [],
        "data/plans/marshall-2-vert.yaml": [],
        "data/poles/biowin.yaml": ["unknown-reference", "yaml-implicit-type"],
        "data/poles/mecatech.yaml": [],
        "data/poles/notes.yml": [],  # a warning does not fail without --strict
        "data/shocks/arcelormittal-liege-2013.yaml": [],
    }
    out = cases[6].find("system-out")
    assert out is not None and "warning [stray-file]" in (out.text or "")
    failure = cases[4].find("failure")
    assert failure is not None
    assert failure.get("message") == "8:9 no domain 'biotec'; did you mean biotech?"
    assert (failure.text or "").splitlines() == [
        "data/poles/biowin.yaml:8:9: error [unknown-reference] no domain 'biotec'; "
        "did you mean biotech?",
        "Fix: Use one of the suggested ids, or add the missing record.",
    ]


def test_junit_strict_makes_warnings_failures(broken: Path) -> None:
    suite = ET.fromstring(output(broken, "junit", "--strict")).find("testsuite")
    assert suite is not None and suite.get("failures") == "4"


def test_junit_survives_characters_xml_forbids() -> None:
    nasty = "a\x00b\x01c\x1b[31m\ufffe\uffffd<&>\"'é\U0001f600"
    problem = Problem(f"data/poles/{nasty}.yaml", 1, 1, "", "yaml-syntax", Severity.ERROR, nasty)
    root = ET.fromstring(render("junit", [problem]))
    failure = root.find("testsuite/testcase/failure")
    assert failure is not None
    assert failure.get("message") == "1:1 a\\x00b\\x01c\\x1b[31md<&>\"'é\U0001f600"
    assert xml_text("line\nbreak\x0b") == "line\nbreak\\x0b"


def test_junit_of_a_clean_registry(tmp_path: Path) -> None:
    run = wal("--root", str(make_registry(tmp_path)), "validate", "--format", "junit")
    assert run.exit_code == 0
    suite = ET.fromstring(run.stdout).find("testsuite")
    assert suite is not None
    assert (suite.get("tests"), suite.get("failures")) == ("7", "0")


# -- sarif ----------------------------------------------------------------------------------


def check_sarif(log: dict[str, Any]) -> None:
    """The structure SARIF 2.1.0 requires, and what GitHub code scanning reads."""
    assert log["version"] == "2.1.0"
    assert log["$schema"].endswith("sarif-2.1.0.json")
    assert isinstance(log["runs"], list) and len(log["runs"]) == 1
    run = log["runs"][0]
    driver = run["tool"]["driver"]
    assert driver["name"] == "wal" and isinstance(driver["version"], str)
    ids = [rule["id"] for rule in driver["rules"]]
    assert ids == sorted(set(ids))
    for rule in driver["rules"]:
        assert rule["shortDescription"]["text"] and rule["help"]["text"]
        assert rule["defaultConfiguration"]["level"] in ("error", "warning")
    for result in run["results"]:
        assert result["level"] in ("error", "warning", "note", "none")
        assert result["message"]["text"]
        assert ids[result["ruleIndex"]] == result["ruleId"]
        (location,) = result["locations"]
        physical = location["physicalLocation"]
        assert not physical["artifactLocation"]["uri"].startswith(("/", "file:"))
        region = physical["region"]
        assert region["startLine"] >= 1 and region["startColumn"] >= 1


def test_sarif_structure_rules_and_results(broken: Path) -> None:
    log = json.loads(output(broken, "sarif"))
    check_sarif(log)
    run = log["runs"][0]
    rules = {rule["id"]: rule for rule in run["tool"]["driver"]["rules"]}
    assert set(CODES) | set(SCHEMA_CODES) <= set(rules)
    assert rules["mojibake"]["defaultConfiguration"]["level"] == "warning"
    assert rules["yaml-tab"]["help"]["text"] == CODES["yaml-tab"].hint
    found = [
        (
            r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
            r["locations"][0]["physicalLocation"]["region"]["startLine"],
            r["locations"][0]["physicalLocation"]["region"]["startColumn"],
            r["ruleId"],
            r["level"],
        )
        for r in run["results"]
    ]
    assert found == EXPECTED


def test_sarif_uris_are_percent_encoded() -> None:
    problem = Problem("data/poles/a b#c.yaml", 1, 1, "", "yaml-syntax", Severity.ERROR, "x")
    log = json.loads(render("sarif", [problem]))
    check_sarif(log)
    location = log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]
    assert location["artifactLocation"]["uri"] == "data/poles/a%20b%23c.yaml"


# -- markdown -------------------------------------------------------------------------------


def test_markdown_summary_counts_table_and_fixes(broken: Path) -> None:
    text = output(broken, "markdown")
    lines = text.splitlines()
    assert lines[:3] == [
        "## wal validate",
        "",
        "**3 errors, 2 warnings** in 8 files checked: the check fails.",
    ]
    table = [line for line in lines if line.startswith("| data/")]
    assert len(table) == 5
    # the | inside the enum value is escaped: every row still has exactly 6 cells
    for row in table:
        assert len(re.findall(r"(?<!\\)\|", row)) == 7
    assert "priority\\|domain" in text
    assert "### How to fix" in text


def test_markdown_of_a_clean_registry(tmp_path: Path) -> None:
    run = wal("--root", str(make_registry(tmp_path)), "validate", "--format", "markdown")
    assert (run.exit_code, run.stdout) == (
        0,
        "## wal validate\n\nNo problems in 7 files checked.\n",
    )


# -- every format agrees --------------------------------------------------------------------


def located(fmt: str, text: str) -> list[tuple[str, int, int, str]]:
    if fmt == "json":
        return [
            (p["file"], p["line"], p["column"], p["code"]) for p in json.loads(text)["problems"]
        ]
    if fmt == "sarif":
        return [
            (
                r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
                r["locations"][0]["physicalLocation"]["region"]["startLine"],
                r["locations"][0]["physicalLocation"]["region"]["startColumn"],
                r["ruleId"],
            )
            for r in json.loads(text)["runs"][0]["results"]
        ]
    if fmt == "junit":
        found = []
        for case in ET.fromstring(text).iter("testcase"):
            lines = [f.text or "" for f in case.findall("failure")]
            lines += (case.findtext("system-out") or "").splitlines()
            for line in lines:
                if match := re.match(r"^(.+?):(\d+):(\d+): \w+ \[([\w-]+)\]", line):
                    found.append((match[1], int(match[2]), int(match[3]), match[4]))
        return sorted(found)
    if fmt == "github":
        pattern = r"^::\w+ file=(.+?),line=(\d+),col=(\d+),title=([\w-]+)::"
    elif fmt == "markdown":
        pattern = r"^\| (data/\S+) \| (\d+) \| (\d+) \| \w+ \| ([\w-]+) \|"
    else:
        pattern = r"^(.+?):(\d+):(\d+): \w+ \[([\w-]+)\]"
    return [
        (m[1], int(m[2]), int(m[3]), m[4])
        for line in text.splitlines()
        if (m := re.match(pattern, line))
    ]


def test_all_formats_name_the_same_problems_in_the_same_order(broken: Path) -> None:
    expected = [item[:4] for item in EXPECTED]
    for fmt in FORMATS:
        assert located(fmt, output(broken, fmt)) == expected, fmt


def test_output_is_deterministic(broken: Path) -> None:
    for fmt in FORMATS:
        assert output(broken, fmt) == output(broken, fmt), fmt


def test_reporters_sort_whatever_order_they_are_given() -> None:
    a = Problem("b.yaml", 1, 1, "", "yaml-tab", Severity.ERROR, "x")
    b = Problem("a.yaml", 9, 1, "", "yaml-tab", Severity.ERROR, "y")
    for fmt in REPORTERS:
        assert render(fmt, [a, b]) == render(fmt, [b, a])
    assert Report.of([a, b]).checked == ["a.yaml", "b.yaml"]


# -- exit codes and strictness --------------------------------------------------------------


def test_warnings_fail_only_under_strict(tmp_path: Path) -> None:
    root = make_registry(tmp_path)
    (root / "data" / "poles" / "notes.yml").write_text("x: 1\n", encoding="utf-8")
    lenient = wal("--root", str(root), "validate", "--format", "json")
    assert lenient.exit_code == 0
    assert json.loads(lenient.stdout)["valid"] is True
    strict = wal("--root", str(root), "validate", "--format", "json", "--strict")
    assert strict.exit_code == 1
    assert json.loads(strict.stdout)["counts"] == {"error": 0, "warning": 1}


def test_unknown_format_is_a_usage_error(tmp_path: Path) -> None:
    run = wal("--root", str(make_registry(tmp_path)), "validate", "--format", "xml")
    assert run.exit_code == 2
    assert run.stdout == ""
    assert run.stderr.startswith("wal: --format: expected one of text, json, github, junit, sarif")


# -- explanations ---------------------------------------------------------------------------


def test_explain_prints_description_and_fix() -> None:
    run = wal("validate", "--explain", "yaml-implicit-type")
    assert run.exit_code == 0
    code = CODES["yaml-implicit-type"]
    assert run.stdout == (f"yaml-implicit-type (error)\n  {code.description}\n  fix: {code.hint}\n")


def test_explain_knows_schema_codes() -> None:
    assert wal("validate", "--explain", "schema-enum").stdout.startswith("schema-enum (error)\n")
    generic = wal("validate", "--explain", "schema-property-names")
    assert generic.exit_code == 0 and "JSON Schema" in generic.stdout


def test_explain_unknown_code_suggests_and_exits_2() -> None:
    run = wal("validate", "--explain", "yaml-tabs")
    assert (run.exit_code, run.stdout) == (2, "")
    assert run.stderr == (
        "wal: --explain: no problem code 'yaml-tabs' "
        "(`wal validate --explain all` lists them all)\n"
        "hint: did you mean yaml-tab, yaml-tag, yaml-alias?\n"
    )


def test_explain_all_lists_every_code() -> None:
    run = wal("validate", "--explain", "all")
    assert run.exit_code == 0
    listed = [line.split()[0] for line in run.stdout.splitlines()]
    assert listed == list(table())


def test_every_code_has_a_description_and_a_hint() -> None:
    for code, described in table().items():
        assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", code), code
        assert described.description.strip() and described.hint.strip(), code
        assert describe(code) is described


def test_problem_codes_doc_is_up_to_date() -> None:
    """docs/problem-codes.md is generated from the code table."""
    path = REPO / DOC_PATH
    assert path.read_text(encoding="utf-8") == codes_markdown(), (
        "run: python -m walcli.check.explain --write"
    )


# -- mojibake: ftfy decides, French passes ----------------------------------------------------


def test_the_repository_data_has_no_mojibake() -> None:
    """The real records are French and English with accents, guillemets, euro signs: none of
    it may look mis-decoded."""
    registry = load_registry(REPO)
    assert registry.all(), "the repository holds records"
    assert [p for record in registry.all() for p in mojibake(record)] == []


@pytest.mark.parametrize(
    "text",
    [
        "Pôle de compétitivité wallon de la santé — « sciences du vivant »",
        "Île-de-France, Liège, Gosselies, œuvre, 2,75 milliards d\u2019euros (2 750 M€)",
        "Ça coûte 15 € ; l'État, naïf, Noël, Zoë, façade",
        "Plan Marshall 2.Vert, 4.0 — BioWin®, Skywin™, Wagralim",
    ],
)
def test_correct_french_is_not_mojibake(tmp_path: Path, text: str) -> None:
    root = make_registry(tmp_path)
    edit(
        root,
        "data/poles/biowin.yaml",
        "  en: The health competitiveness cluster of Wallonia.",
        f"  en: {json.dumps(text)}",
    )
    assert json.loads(output_ok(root))["problems"] == []


def output_ok(root: Path) -> str:
    run = wal("--root", str(root), "validate", "--format", "json")
    assert run.exit_code == 0, run.stdout
    return run.stdout


# -- any problem renders in every format ------------------------------------------------------

_texts = st.text(st.characters(codec="utf-8"), max_size=40)
_problems = st.builds(
    Problem,
    file=st.builds(lambda s: f"data/poles/{s}.yaml", _texts),
    line=st.integers(1, 10_000),
    column=st.integers(1, 500),
    path=_texts.map(lambda s: "/" + s if s else ""),
    code=st.sampled_from(sorted(CODES)),
    severity=st.sampled_from(list(Severity)),
    message=_texts,
)


@settings(max_examples=60, deadline=None)
@given(st.lists(_problems, max_size=6))
def test_any_problems_render_readably_in_every_format(problems: list[Problem]) -> None:
    """Whatever a file name or message holds (controls, surrogates' neighbours, markup), JUnit
    stays well-formed XML, SARIF and JSON parse, and each format has one entry per problem."""
    count = len(problems)
    assert len(json.loads(render("json", problems))["problems"]) == count
    sarif = json.loads(render("sarif", problems))
    check_sarif(sarif)
    assert len(sarif["runs"][0]["results"]) == count
    junit = ET.fromstring(render("junit", problems, strict=True))
    assert len(junit.findall("testsuite/testcase/failure")) == count
    assert render("text", problems).count("\n") == count
    assert render("github", problems).count("\n") == count
    table = [
        line for line in render("markdown", problems).splitlines() if line.startswith("| data/")
    ]
    assert len(table) == count
    for row in table:
        assert len(re.findall(r"(?<!\\)\|", row)) == 7


# -- anyOf / oneOf: the closest branch, and how many others failed ---------------------------


def test_one_of_reports_the_closest_branch_and_counts_the_others(tmp_path: Path) -> None:
    root = make_registry(tmp_path)
    shock = "data/shocks/arcelormittal-liege-2013.yaml"
    edit(root, shock, "site: Liège", "site: {fr: Liège, nl: Luik}")
    problems = json.loads(wal("--root", str(root), "validate", "--format", "json").stdout)
    assert [(p["line"], p["column"], p["code"], p["message"]) for p in problems["problems"]] == [
        (
            9,
            1,
            "schema-required",
            "/site: 'en' is a required property (1 other branch also failed)",
        ),
        (
            9,
            19,
            "schema-additional-properties",
            "/site/nl: unexpected field 'nl'; did you mean en? (1 other branch also failed)",
        ),
    ]


def test_a_plain_value_fitting_no_branch_is_told_what_the_field_takes(tmp_path: Path) -> None:
    root = make_registry(tmp_path)
    edit(root, "data/poles/biowin.yaml", "  - value: 2006-07", "  - value: 2006-7")
    (problem,) = json.loads(wal("--root", str(root), "validate", "--format", "json").stdout)[
        "problems"
    ]
    assert (problem["line"], problem["column"], problem["code"]) == (10, 12, "schema-any-of")
    assert problem["message"] == (
        '/labelled/0/value: "2006-7" is not valid here: ISO 8601 date at the precision the '
        "source gives: 2006, 2006-07 or 2009-12-03, written without quotes."
    )


@pytest.mark.parametrize(
    "garbled",
    [
        # Lines of the seed deck whose font mapping garbled the text (not an encoding mix-up,
        # so ftfy knows no repair; charset-normalizer's mess detector catches them).
        "objectifs : renforcer lôattractivit®dôunerégion et développer lôemploivia",
        "chaîne ŘΩŀǇǇǊƻǾƛǎƛƻƴƴŜƳŜƴǘΣ logistique interne",
        "commerce extérieur et accueil dôinvestisseursétrangers et",
    ],
)
def test_text_garbled_by_a_font_mapping_is_flagged(tmp_path: Path, garbled: str) -> None:
    root = make_registry(tmp_path)
    edit(
        root,
        "data/poles/biowin.yaml",
        "  en: The health competitiveness cluster of Wallonia.",
        f"  en: {json.dumps(garbled)}",
    )
    run = wal("--root", str(root), "validate", "--format", "json")
    problems = json.loads(run.stdout)["problems"]
    assert run.exit_code == 0  # a warning: it fails only under --strict
    assert [(p["code"], p["severity"]) for p in problems] == [("mojibake", "warning")]
    assert "check it against the source" in problems[0]["message"]


def test_readme_lists_every_code_with_its_fix() -> None:
    """The README's code table is generated from the code table."""
    from walcli.check.explain import README_END, README_START, readme_block

    path = REPO / "README.md"
    text = path.read_text(encoding="utf-8")
    start, end = text.index(README_START), text.index(README_END) + len(README_END)
    assert text[start:end] == readme_block(), "run: python3 -m walcli.check.explain --write"

"""Problems to text, json and the formats CI systems read (GitHub annotations, JUnit XML,
SARIF 2.1.0, Markdown job summaries). Every format renders the same `Report`: one list of
problems sorted by (file, line, column, code), so no two formats can disagree. No format holds
a timestamp or an absolute path: the same registry always gives the same bytes."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from typing import Any

from walcli import __version__
from walcli.check.codes import describe, table
from walcli.check.run import Report, counts
from walcli.core.problems import Code, Problem
from walcli.output.formats import Format, Formats, Out
from walcli.output.markdown import escape as markdown_escape
from walcli.output.safe import safe
from walcli.output.serialize import to_json

TOOL = "wal"


def _hint(code: str, lang: str = "en") -> str:
    described = describe(code)
    return described.text(lang)[1] if described else ""


def _t(key: str, report: Report, **fields: object) -> str:
    from walcli.i18n.catalog import t

    return t(key, report.lang, **fields)


# -- text, json, github -------------------------------------------------------------------------


def as_text(report: Report) -> str:
    """One line per problem; the severity in the report's language (English words are the
    severities themselves)."""
    lines = []
    for p in report.problems:
        severity = _t(f"validate.severity.{p.severity.value}", report)
        lines.append(
            f"{safe(p.file)}:{p.line}:{p.column}: {severity} [{p.code}] {safe(p.message)}\n"
        )
    return "".join(lines)


def hints_text(report: Report) -> str:
    """One line per code found, saying how to fix it (for stderr under the text format)."""
    codes = sorted({p.code for p in report.problems})
    return "".join(
        _t("validate.hint", report, code=code, hint=_hint(code, report.lang)) + "\n"
        for code in codes
        if _hint(code)
    )


def as_json(report: Report) -> str:
    """The contract of DESIGN §3: exactly valid, counts and problems."""
    tally = counts(report.problems)
    return to_json(
        {
            "valid": tally["error"] == 0,
            "counts": tally,
            "problems": [p.as_dict() for p in report.problems],
        }
    )


def _github_escape(text: str, *, prop: bool = False) -> str:
    text = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    return text.replace(":", "%3A").replace(",", "%2C") if prop else text


def as_github(report: Report) -> str:
    """GitHub Actions workflow commands: one annotation per problem, on its line and column,
    titled by its code, with the fix on a second line."""
    lines = []
    for p in report.problems:
        hint = _hint(p.code, report.lang)
        message = safe(p.message) + ("\n" + _t("validate.fix", report, hint=hint) if hint else "")
        lines.append(
            f"::{p.severity.value} file={_github_escape(safe(p.file), prop=True)},line={p.line},"
            f"col={p.column},title={_github_escape(p.code, prop=True)}::"
            f"{_github_escape(message)}\n"
        )
    return "".join(lines)


# -- JUnit XML ----------------------------------------------------------------------------------

# Characters XML 1.0 cannot hold at all, even escaped (controls are made visible by `safe` first).
_NOT_XML = re.compile("[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def xml_text(text: str) -> str:
    """Text that XML 1.0 can carry: controls shown as escapes (line breaks kept), characters
    XML forbids even escaped dropped."""
    return "\n".join(_NOT_XML.sub("", safe(line)) for line in text.split("\n"))


def as_junit(report: Report) -> str:
    """JUnit XML as GitLab and Jenkins read it: one testsuite, one testcase per checked file,
    one <failure> per problem that fails the run (warnings too under --strict); other warnings
    go to the testcase's <system-out>."""
    import xml.etree.ElementTree as ET

    by_file: dict[str, list[Problem]] = {name: [] for name in report.checked}
    for problem in report.problems:
        by_file.setdefault(problem.file, []).append(problem)
    failing = sum(any(report.fails(p) for p in found) for found in by_file.values())
    totals = {"tests": str(len(by_file)), "failures": str(failing), "errors": "0", "skipped": "0"}
    root = ET.Element("testsuites", {"name": "wal validate", **totals})
    suite = ET.SubElement(root, "testsuite", {"name": "wal validate", **totals})
    for name in sorted(by_file):
        case = ET.SubElement(
            suite,
            "testcase",
            {
                "classname": xml_text(name.rsplit("/", 1)[0]),
                "name": xml_text(name),
                "file": xml_text(name),
            },
        )
        notes = []
        for p in by_file[name]:
            where = f"{p.file}:{p.line}:{p.column}"
            line = f"{where}: {p.severity.value} [{p.code}] {p.message}"
            if report.fails(p):
                failure = ET.SubElement(
                    case,
                    "failure",
                    {
                        "type": xml_text(p.code),
                        "message": xml_text(f"{p.line}:{p.column} {p.message}"),
                    },
                )
                hint = _hint(p.code, report.lang)
                fix = "\n" + _t("validate.fix", report, hint=hint) if hint else ""
                failure.text = xml_text(line + fix)
            else:
                notes.append(line)
        if notes:
            ET.SubElement(case, "system-out").text = xml_text("\n".join(notes))
    ET.indent(root)
    body = ET.tostring(root, encoding="unicode")
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + body + "\n"


# -- SARIF 2.1.0 --------------------------------------------------------------------------------

SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
SARIF_VERSION = "2.1.0"


def _rule(code: str, described: Code) -> dict[str, Any]:
    return {
        "id": code,
        "shortDescription": {"text": described.description},
        "fullDescription": {"text": described.description},
        "help": {"text": described.hint, "markdown": markdown_escape(described.hint)},
        "defaultConfiguration": {"level": described.severity.value},
    }


def as_sarif(report: Report) -> str:
    """SARIF 2.1.0 (GitHub code scanning, IDEs): every problem code as a rule with its
    description and fix, every problem as a result at its file, line and column."""
    from urllib.parse import quote

    catalogue: dict[str, Code] = dict(table())
    for p in report.problems:
        if p.code not in catalogue:
            catalogue[p.code] = describe(p.code) or Code(p.code, p.severity, p.code, "")
    codes = sorted(catalogue)
    index = {code: i for i, code in enumerate(codes)}
    results = [
        {
            "ruleId": p.code,
            "ruleIndex": index[p.code],
            "level": p.severity.value,
            "message": {"text": safe(p.message) or catalogue[p.code].description},
            "locations": [
                {
                    "physicalLocation": {
                        "artifactLocation": {"uri": quote(p.file), "uriBaseId": "%SRCROOT%"},
                        "region": {"startLine": p.line, "startColumn": p.column},
                    },
                    **(
                        {"logicalLocations": [{"fullyQualifiedName": p.path, "kind": "member"}]}
                        if p.path
                        else {}
                    ),
                }
            ],
        }
        for p in report.problems
    ]
    run = {
        "tool": {
            "driver": {
                "name": TOOL,
                "version": __version__,
                "rules": [_rule(code, catalogue[code]) for code in codes],
            }
        },
        "columnKind": "unicodeCodePoints",
        "artifacts": [
            {"location": {"uri": quote(name), "uriBaseId": "%SRCROOT%"}} for name in report.checked
        ],
        "results": results,
    }
    return to_json({"$schema": SARIF_SCHEMA, "version": SARIF_VERSION, "runs": [run]})


# -- Markdown -----------------------------------------------------------------------------------


def _count(key: str, count: int, report: Report) -> str:
    from walcli.i18n.format import plural_form

    return _t(f"validate.md.{key}.{plural_form(count, report.lang)}", report, count=count)


def as_markdown(report: Report) -> str:
    """A job summary: the counts, a table of problems, and how to fix each code found."""
    tally = counts(report.problems)
    files = _count("files", len(report.checked), report)
    lines = ["## " + _t("validate.md.title", report), ""]
    if not report.problems:
        lines += [_t("validate.md.clean", report, files=files), ""]
        return "\n".join(lines)
    verdict = "fails" if any(report.fails(p) for p in report.problems) else "passes"
    lines += [
        _t(
            "validate.md.found",
            report,
            errors=_count("errors", tally["error"], report),
            warnings=_count("warnings", tally["warning"], report),
            files=files,
            verdict=_t(f"validate.md.{verdict}", report),
        ),
        "",
        _t("validate.md.header", report),
        "| --- | --- | --- | --- | --- | --- |",
    ]
    for p in report.problems:
        severity = _t(f"validate.severity.{p.severity.value}", report)
        lines.append(
            f"| {markdown_escape(p.file)} | {p.line} | {p.column} | {severity} "
            f"| {markdown_escape(p.code)} | {markdown_escape(p.message)} |"
        )
    heading = _t("validate.md.how_to_fix", report)
    lines += ["", f"### {heading}", "", _t("validate.md.fix_header", report), "| --- | --- |"]
    lines += [
        f"| {markdown_escape(code)} | {markdown_escape(_hint(code, report.lang))} |"
        for code in sorted({p.code for p in report.problems})
    ]
    return "\n".join(lines) + "\n"


def _writer(render: Callable[[Report], str]) -> Callable[[Report, Out], None]:
    return lambda report, out: out.write(render(report))


PROBLEM_FORMATS: Formats[Report] = Formats(
    [
        Format(
            "text",
            "file:line:col: severity [code] message, for terminals and pre-commit",
            _writer(as_text),
        ),
        Format("json", "the contract of DESIGN.md: valid, counts, problems", _writer(as_json)),
        Format("github", "GitHub Actions annotations on the lines at fault", _writer(as_github)),
        Format("junit", "JUnit XML for GitLab and Jenkins", _writer(as_junit)),
        Format("sarif", "SARIF 2.1.0 for code scanning", _writer(as_sarif)),
        Format("markdown", "a job summary: counts, problems and fixes", _writer(as_markdown)),
    ],
    tty="text",
    pipe="text",
)


def render(
    fmt: str, problems: Iterable[Problem], checked: Iterable[str] = (), *, strict: bool = False
) -> str:
    """One format of a run's problems (sorted here, whatever order they come in)."""
    import io

    buffer = io.StringIO()
    PROBLEM_FORMATS.by_name[fmt].render(
        Report.of(problems, checked, strict=strict), Out(buffer, False)
    )
    return buffer.getvalue()

"""Templates: the built-in pages exported for a writer, the writer's versions used first, and
a sandbox that refuses any reach into Python, naming the template and line, before running."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import Wal
from tests.helpers_report import report_registry
from walcli.report.engine import BUILTIN, TEMPLATES

BUILT_IN = sorted(p.name for p in BUILTIN.glob("*.md.j2"))


@pytest.fixture
def wal(tmp_path: Path) -> Wal:
    return Wal(report_registry(tmp_path))


def test_every_page_kind_has_a_built_in_template() -> None:
    assert sorted(TEMPLATES.values()) == [n for n in BUILT_IN if not n.startswith("_")]
    assert "_macros.md.j2" in BUILT_IN


def test_export_writes_the_built_ins_and_never_over_a_file(wal: Wal, tmp_path: Path) -> None:
    folder = tmp_path / "templates"
    run = wal("report", "--export-templates", str(folder))
    assert run.exit_code == 0 and run.stdout == ""
    assert run.stderr == f"wrote {len(BUILT_IN)} templates to {folder}\n"
    assert sorted(p.name for p in folder.iterdir()) == BUILT_IN
    for name in BUILT_IN:
        assert (folder / name).read_bytes() == (BUILTIN / name).read_bytes()
    (folder / "record.md.j2").write_text("mine\n", encoding="utf-8")
    again = wal("report", "--export-templates", str(folder))
    assert again.exit_code == 2
    assert again.stderr.startswith(
        f"wal: --export-templates: {len(BUILT_IN)} file(s) already there"
    )
    assert (folder / "record.md.j2").read_text(encoding="utf-8") == "mine\n"
    forced = wal("report", "--export-templates", str(folder), "--force")
    assert forced.exit_code == 0
    assert (folder / "record.md.j2").read_bytes() == (BUILTIN / "record.md.j2").read_bytes()


def test_a_heading_changed_in_an_exported_template_shows_in_the_next_run(
    wal: Wal, tmp_path: Path
) -> None:
    folder = tmp_path / "templates"
    assert wal("report", "--export-templates", str(folder)).exit_code == 0
    record = folder / "record.md.j2"
    text = record.read_text(encoding="utf-8")
    old = '{{ h(2) }} {{ t("report.record.sources") | heading }}'
    assert old in text
    record.write_text(text.replace(old, "{{ h(2) }} Where this comes from"), encoding="utf-8")
    (folder / "index.md.j2").unlink()  # the others fall back to the built-ins
    run = wal("report", "biowin", "--template", str(folder))
    assert run.exit_code == 0
    assert "\n## Where this comes from\n" in run.stdout and "\n## Sources\n" not in run.stdout
    assert wal("report", "--template", str(folder)).stdout.startswith("# Wallonia's industrial")


@pytest.mark.parametrize(
    ("source", "line", "reached"),
    [
        ("{{ ''.__class__ }}", 2, "__class__"),
        ("{{ cycler.__init__.__globals__ }}", 2, "__init__"),
        ("{{ range.__self__ }}", 2, "__self__"),
        ("{{ title|attr('__class__') }}", 2, "__class__"),
        ("{{ page['__class__'] }}", 2, "__class__"),
        ("{% for c in ''.__class__.mro() %}{% endfor %}", 2, "__class__"),
        ("{{ t.__globals__ }}", 2, "__globals__"),
        ("{{ title.format }}", 2, "format"),
    ],
)
def test_a_template_reaching_python_internals_is_refused_before_anything_runs(
    wal: Wal, tmp_path: Path, source: str, line: int, reached: str
) -> None:
    folder = tmp_path / "templates"
    folder.mkdir()
    template = folder / "record.md.j2"
    template.write_text("# {{ title | heading }}\n" + source + "\n", encoding="utf-8")
    out = tmp_path / "site"
    run = wal("report", "--out", str(out), "--template", str(folder))
    assert run.exit_code == 2 and run.stdout == ""
    assert run.stderr == (
        f"wal: {template}:{line}: the template reaches for {reached!r}, a Python internal: "
        "templates may read the report's data only\n"
    )
    assert not out.exists()


def test_a_name_built_at_run_time_is_stopped_by_the_sandbox(wal: Wal, tmp_path: Path) -> None:
    folder = tmp_path / "templates"
    folder.mkdir()
    template = folder / "index.md.j2"
    template.write_text(
        "# Index\n\n{% set name = '__cla' ~ 'ss__' %}\n{{ title | attr(name) }}\n", encoding="utf-8"
    )
    out = tmp_path / "site"
    run = wal("report", "--out", str(out), "--template", str(folder))
    assert run.exit_code == 2 and not out.exists()
    assert run.stderr.startswith(f"wal: {template}:4: ")
    assert run.stderr.count("\n") == 1


@pytest.mark.parametrize(
    ("source", "message"),
    [
        ("{% if %}", ":1: template error: Expected an expression"),
        ("{{ nothing_here }}", ":1: template error: 'nothing_here' is undefined"),
        ("{{ 'x' * 100000000 }}", ":1: refused by the sandbox: repetition too large"),
        ("{{ 9 ** 99999999 }}", ":1: refused by the sandbox: power too large"),
        (
            "{% for i in range(100000) %}{% for j in range(100) %}{% endfor %}{% endfor %}",
            ":1: refused by the sandbox: range() asks for too many steps",
        ),
        ('{{ t("no.such.message") }}', ":1: refused by the sandbox: no message 'no.such.message'"),
    ],
    ids=["syntax", "undefined", "repeat", "power", "range", "message"],
)
def test_broken_templates_get_one_message_with_their_line(
    wal: Wal, tmp_path: Path, source: str, message: str
) -> None:
    folder = tmp_path / "templates"
    folder.mkdir()
    template = folder / "kind.md.j2"
    template.write_text(source + "\n", encoding="utf-8")
    run = wal("report", "poles", "--template", str(folder))
    assert run.exit_code == 2 and run.stdout == ""
    assert run.stderr.startswith(f"wal: {template}{message}"), run.stderr
    assert run.stderr.count("\n") == 1


def test_a_missing_template_folder_is_a_usage_error(wal: Wal, tmp_path: Path) -> None:
    run = wal("report", "--template", str(tmp_path / "nowhere"))
    assert run.exit_code == 2
    assert run.stderr == f"wal: --template: no folder {str(tmp_path / 'nowhere')!r}\n"


def test_built_in_templates_escape_every_piece_of_data_text() -> None:
    """In the built-ins, every expression that prints data goes through a filter (or is a
    number, a label of ours, or a helper that writes Markdown syntax)."""
    import re

    allowed = re.compile(
        r"^\{\{ (h\(\d\)|note\([a-z.]+\)|[a-z_.]+\.count|total|indent"
        r"|(m\.)?[a-z]+\([a-z_.]+(, indent ~ \"  \")?\)"
        r"|.*\| (inline|cell|heading|link|link_text|footnote|code|fence)(\(.*\))?(\) if .*)?) \}\}$"
    )
    for name in BUILT_IN:
        text = (BUILTIN / name).read_text(encoding="utf-8")
        for expression in re.findall(r"\{\{.*?\}\}", text):
            assert allowed.match(expression), (name, expression)

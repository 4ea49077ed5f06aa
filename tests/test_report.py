"""`wal report`: the pages of a small registry on the real schemas (goldens), a site on disk
and its --check, a document on stdout or in a file, never a file lost or overwritten."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import Wal, golden
from tests.helpers_report import pages, problems, report_registry, shown_text

SITE = [
    "domains.md",
    "domains/biotech.md",
    "index.md",
    "plans.md",
    "plans/marshall-1.md",
    "poles.md",
    "poles/biowin.md",
    "shocks.md",
    "shocks/arcelormittal-liege-2013.md",
    "timeline.md",
]


@pytest.fixture
def root(tmp_path: Path) -> Path:
    return report_registry(tmp_path)


@pytest.fixture
def wal(root: Path) -> Wal:
    return Wal(root)


def site(wal: Wal, folder: Path, *args: str) -> dict[str, str]:
    run = wal("report", "--out", str(folder), *args)
    assert run.exit_code == 0, run.stderr
    return pages(folder)


def edit(root: Path, rel: str, old: str, new: str) -> None:
    path = root / rel
    text = path.read_text(encoding="utf-8")
    assert old in text, (rel, old)
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


# -- the pages -----------------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_site_pages_golden(wal: Wal, tmp_path: Path, lang: str) -> None:
    written = site(wal, tmp_path / "site", "--lang", lang)
    assert sorted(written) == SITE
    for name in ("index.md", "poles.md", "poles/biowin.md", "plans/marshall-1.md", "timeline.md"):
        golden(f"report/{lang}/{name}", written[name])


@pytest.mark.slow
def test_every_page_is_valid_markdown_in_both_languages(wal: Wal, tmp_path: Path) -> None:
    for lang in ("en", "fr"):
        for name, text in site(wal, tmp_path / lang, "--lang", lang).items():
            assert problems(text) == [], (lang, name)


def test_links_between_pages_lead_to_pages_of_the_site(wal: Wal, tmp_path: Path) -> None:
    folder = tmp_path / "site"
    written = site(wal, folder)
    from tests.helpers_report import tokens

    seen = 0
    for name, text in written.items():
        for token in tokens(text):
            href = token.attrGet("href") if token.type == "link_open" else None
            if isinstance(href, str) and href.endswith(".md"):
                target = (folder / name).parent / href
                assert target.resolve().is_file(), (name, href)
                seen += 1
    assert seen > 20


def test_a_record_page_holds_what_a_writer_pastes(wal: Wal, tmp_path: Path) -> None:
    page = site(wal, tmp_path / "site")["plans/marshall-1.md"]
    shown = shown_text(page)
    # disagreeing claims side by side, each with its own note, marked
    assert "€1.1 billion" in shown and "€1.5 billion" in shown and "€1.6 billion" in shown
    assert page.count("*(sources disagree)*") == 3
    # the seed deck's claim marked as such; sources as footnotes with title, publisher, URL
    assert "*(the seed deck's claim)*" in page
    assert (
        "[^2]: Les 5 priorités en bref, Le Vif. "
        "[https://www.levif.be/actualite/magazine/les-5-priorites-en-bref/article-normal-896047.html]"
    ) in page
    # a flowchart of the links around the record, and the links themselves
    assert "```mermaid\nflowchart LR\n" in page
    assert "[BioWin](../poles/biowin.md)" in page


def test_open_questions_and_uncited_sources_are_listed(wal: Wal, tmp_path: Path) -> None:
    page = site(wal, tmp_path / "site", "--lang", "fr")["poles/biowin.md"]
    assert "## Questions ouvertes\n\n- hq: Ville du siège non sourcée.\n" in page
    # a source no fact cites is listed; cited ones are footnotes
    assert (
        "## Sources\n\n- BioWin, Clusters Wallonie. "
        "[http://clusters.wallonie.be/biowin-en/](http://clusters.wallonie.be/biowin-en/)\n\n"
        "[^1]: Competitiveness clusters, AWEX."
    ) in page
    assert "\n- Plan Marshall 2006-2009, SPW Économie." not in page


def test_the_index_shows_the_decade_and_links_every_kind(wal: Wal, tmp_path: Path) -> None:
    index = site(wal, tmp_path / "site")["index.md"]
    for kind in ("domains", "poles", "plans", "shocks"):
        assert f"]({kind}.md)" in index
    assert "```mermaid\ntimeline\n" in index
    assert "        2006 \u2013 2009 : Plan period (plan marshall-1)\n" in index
    assert "[Every dated event, in order](timeline.md)" in index


# -- documents -----------------------------------------------------------------------------


@pytest.mark.slow
def test_without_out_the_whole_registry_is_one_document(wal: Wal) -> None:
    run = wal("report")
    assert run.exit_code == 0 and run.stderr == ""
    assert problems(run.stdout) == []
    assert run.stdout.count("\n# ") + run.stdout.startswith("# ") == 1  # one title
    labels = [line.split("]:")[0] for line in run.stdout.splitlines() if line.startswith("[^")]
    assert labels and len(labels) == len(set(labels))  # footnotes never clash between pages
    assert "](" not in run.stdout.replace("](http", "")  # nowhere to link to: names


def test_a_record_alone_is_its_page(wal: Wal, tmp_path: Path) -> None:
    alone = wal("report", "biowin").stdout
    assert alone == wal("report", "poles/biowin").stdout
    assert alone.startswith("# BioWin\n\nPole `biowin`\n")
    assert problems(alone) == []
    in_site = site(wal, tmp_path / "site")["poles/biowin.md"]
    # the same page, with names where the site has links
    assert alone.replace(" · [Poles](../poles.md) · [Index](../index.md)", "") == (
        in_site.replace(" · [Poles](../poles.md) · [Index](../index.md)", "")
        .replace("[Biotechnology](../domains/biotech.md)", "Biotechnology")
        .replace("[Marshall Plan](../plans/marshall-1.md)", "Marshall Plan")
        .replace(
            "[Closure of ArcelorMittal Liège's cold phase](../shocks/arcelormittal-liege-2013.md)",
            "Closure of ArcelorMittal Liège's cold phase",
        )
    )


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_show_format_markdown_prints_the_records_page(wal: Wal, lang: str) -> None:
    for kind, record_id in (("poles", "biowin"), ("plans", "marshall-1"), ("domains", "biotech")):
        shown = wal(kind, "show", record_id, "--format", "markdown", "--lang", lang)
        assert shown.exit_code == 0 and shown.stderr == ""
        assert shown.stdout == wal("report", record_id, "--lang", lang).stdout
        assert problems(shown.stdout) == []


def test_a_kind_is_its_table_and_its_records(wal: Wal) -> None:
    text = wal("report", "poles").stdout
    assert text.startswith("# Poles\n\nRecords: 1.\n\n| Id | Name | Domain |")
    assert "\n## BioWin\n" in text and problems(text) == []


def test_out_file_writes_one_document_and_never_over_a_file(wal: Wal, tmp_path: Path) -> None:
    out = tmp_path / "summary.md"
    first = wal("report", "plans", "--out", str(out))
    assert first.exit_code == 0 and out.read_text(encoding="utf-8") == wal("report", "plans").stdout
    out.write_text("mine", encoding="utf-8")
    again = wal("report", "plans", "--out", str(out))
    assert again.exit_code == 2
    assert "already exists; nothing written" in again.stderr
    assert out.read_text(encoding="utf-8") == "mine"
    assert wal("report", "plans", "--out", str(out), "--check").exit_code == 1
    assert wal("report", "plans", "--out", str(out), "--force").exit_code == 0
    assert wal("report", "plans", "--out", str(out), "--check").exit_code == 0


@pytest.mark.parametrize(
    ("target", "code", "message"),
    [
        ("biown", 1, "wal: no kind or record 'biowin'"),
        ("pole/biowin", 2, "wal: no kind 'pole'"),
        ("poles/nope", 1, "wal: no pole with id 'nope'"),
    ],
)
def test_unknown_targets(wal: Wal, target: str, code: int, message: str) -> None:
    run = wal("report", target)
    assert run.exit_code == code and run.stdout == ""
    assert run.stderr.startswith(message.replace("'biowin'", "'biown'")), run.stderr


# -- sites on disk -------------------------------------------------------------------------


def test_two_runs_are_byte_identical(wal: Wal, tmp_path: Path) -> None:
    assert site(wal, tmp_path / "a") == site(wal, tmp_path / "b")
    assert wal("report").stdout == wal("report").stdout


def test_a_site_is_never_written_over_without_force(wal: Wal, tmp_path: Path) -> None:
    folder = tmp_path / "site"
    before = site(wal, folder)
    (folder / "poles" / "biowin.md").write_text("edited by hand\n", encoding="utf-8")
    (folder / "mkdocs.yml").write_text("site_name: x\n", encoding="utf-8")
    run = wal("report", "--out", str(folder))
    assert run.exit_code == 2
    assert "10 page(s) already in" in run.stderr and "nothing written" in run.stderr
    assert "hint: add --force" in run.stderr
    assert (folder / "poles" / "biowin.md").read_text(encoding="utf-8") == "edited by hand\n"
    forced = wal("report", "--out", str(folder), "--force")
    assert forced.exit_code == 0
    assert forced.stderr == f"wrote 1 of 10 pages to {folder} (9 unchanged)\n"
    assert pages(folder) == before
    assert (folder / "mkdocs.yml").read_text(encoding="utf-8") == "site_name: x\n"


def test_force_removes_pages_the_report_no_longer_has(wal: Wal, root: Path, tmp_path: Path) -> None:
    folder = tmp_path / "site"
    site(wal, folder)
    (root / "data" / "shocks" / "arcelormittal-liege-2013.yaml").unlink()
    run = wal("report", "--out", str(folder), "--force")
    assert run.exit_code == 0
    assert run.stderr.endswith(", removed 1 it no longer has\n")
    assert not (folder / "shocks" / "arcelormittal-liege-2013.md").exists()
    assert wal("report", "--out", str(folder), "--check").exit_code == 0


def test_check_is_quiet_and_writes_nothing_when_fresh(wal: Wal, tmp_path: Path) -> None:
    folder = tmp_path / "site"
    site(wal, folder)
    run = wal("report", "--out", str(folder), "--check")
    assert (run.exit_code, run.stdout) == (0, "")
    assert run.stderr == f"the report in {folder} is current (10 page(s))\n"
    missing = wal("report", "--out", str(tmp_path / "nothing"), "--check")
    assert missing.exit_code == 1 and not (tmp_path / "nothing").exists()
    assert missing.stdout.splitlines() == [f"missing: {name}" for name in _reading_order()]


def _reading_order() -> list[str]:
    return [
        "index.md",
        "timeline.md",
        "domains.md",
        "domains/biotech.md",
        "poles.md",
        "poles/biowin.md",
        "plans.md",
        "plans/marshall-1.md",
        "shocks.md",
        "shocks/arcelormittal-liege-2013.md",
    ]


@pytest.mark.parametrize(
    ("old", "new", "stale"),
    [
        # a summary is on its record's page only
        (
            "en: Wallonia's health competitiveness pole, launched in July 2006.",
            "en: The health pole.",
            ["poles/biowin.md"],
        ),
        # a name is wherever the record is named: its page, its kind's table, the timeline,
        # and the pages of the records it links with (their lists and flowcharts)
        (
            "  en: BioWin\n",
            "  en: BioWin the pole\n",
            [
                "timeline.md",
                "domains/biotech.md",
                "poles.md",
                "poles/biowin.md",
                "plans/marshall-1.md",
                "shocks/arcelormittal-liege-2013.md",
            ],
        ),
        # a website is a column of the kind's table, and a section of the record
        (
            "website: https://biowin.org",
            "website: https://www.biowin.org",
            ["poles.md", "poles/biowin.md"],
        ),
    ],
    ids=["summary", "name", "website"],
)
def test_check_names_exactly_the_pages_an_edit_changes(
    wal: Wal, root: Path, tmp_path: Path, old: str, new: str, stale: list[str]
) -> None:
    folder = tmp_path / "site"
    before = site(wal, folder)
    edit(root, "data/poles/biowin.yaml", old, new)
    run = wal("report", "--out", str(folder), "--check")
    assert run.exit_code == 1
    assert run.stdout.splitlines() == [f"stale: {name}" for name in _in_order(stale)]
    assert "is not current: " in run.stderr
    assert pages(folder) == before  # --check wrote nothing


def _in_order(names: list[str]) -> list[str]:
    order = _reading_order()
    return sorted(names, key=order.index)


def test_check_names_missing_and_extra_pages(wal: Wal, tmp_path: Path) -> None:
    folder = tmp_path / "site"
    site(wal, folder)
    (folder / "plans" / "marshall-1.md").unlink()
    (folder / "poles" / "ghost.md").write_text("# Ghost\n", encoding="utf-8")
    (folder / "notes.txt").write_text("not a page\n", encoding="utf-8")
    run = wal("report", "--out", str(folder), "--check")
    assert run.exit_code == 1
    assert run.stdout == "missing: plans/marshall-1.md\nextra: poles/ghost.md\n"


def test_a_new_site_appears_whole_or_not_at_all(wal: Wal, tmp_path: Path) -> None:
    broken = tmp_path / "templates"
    broken.mkdir()
    (broken / "timeline.md.j2").write_text("{{ no_such_thing }}\n", encoding="utf-8")
    folder = tmp_path / "site"
    run = wal("report", "--out", str(folder), "--template", str(broken))
    assert run.exit_code == 2 and not folder.exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["registry", "templates"]  # no temp left


def test_an_empty_or_deep_new_folder_is_written_whole(wal: Wal, tmp_path: Path) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    assert sorted(site(wal, empty)) == SITE
    assert sorted(site(wal, tmp_path / "docs" / "report")) == SITE


def test_check_needs_out(wal: Wal) -> None:
    run = wal("report", "--check")
    assert run.exit_code == 2
    assert run.stderr == "wal: --check compares with --out: give the FILE or folder to check\n"


@pytest.mark.slow
def test_the_repository_report_is_valid(tmp_path: Path) -> None:
    """The real data, every page parsed (the linter runs on the fixture: it is slow)."""
    from tests.helpers_report import PARSER, REPO

    folder = tmp_path / "site"
    run = Wal(REPO)("report", "--out", str(folder), "--lang", "fr")
    assert run.exit_code == 0, run.stderr
    written = pages(folder)
    assert len(written) > 30
    for name, text in written.items():
        for token in PARSER.parse(text):
            assert token.type not in ("html_block", "html_inline"), name
    assert problems(written["index.md"]) == [] and problems(written["poles/biowin.md"]) == []

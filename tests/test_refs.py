"""`wal refs ID`: references out and in, each with where it is written; --depth walks further."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.conftest import Wal, golden
from tests.helpers_xref import xref_registry
from walcli.analysis.refs import Links, refs
from walcli.core.kinds import KINDS
from walcli.core.registry import Record, Registry
from walcli.io.scan import load_registry
from walcli.io.yaml import Document

REPO = Path(__file__).parent.parent


@pytest.fixture
def root(tmp_path: Path) -> Path:
    return xref_registry(tmp_path)


@pytest.fixture
def xref(root: Path) -> Wal:
    return Wal(root)


def test_text_golden(xref: Wal) -> None:
    done = xref("refs", "plan-a")
    assert (done.exit_code, done.stderr) == (0, "")
    golden("refs_plan-a.en.txt", done.stdout)


def test_text_golden_french_depth(xref: Wal) -> None:
    done = xref("--lang", "fr", "refs", "plan-a", "--depth", "3")
    assert (done.exit_code, done.stderr) == (0, "")
    golden("refs_plan-a.depth3.fr.txt", done.stdout)


def test_json_contract(xref: Wal) -> None:
    done = xref("refs", "pole-a", "--format", "json")
    assert (done.exit_code, done.stderr) == (0, "")
    data = json.loads(done.stdout)
    assert (data["kind"], data["id"], data["name"]) == ("poles", "pole-a", "Pole A")
    assert data["file"] == "data/poles/pole-a.yaml"
    assert data["references"] == [
        {
            "kind": "domains",
            "id": "dom-a",
            "name": "Domain A",
            "path": "domain",
            "field": "domain",
            "file": "data/poles/pole-a.yaml",
            "line": 8,
            "depth": 1,
            "via": {"kind": "poles", "id": "pole-a"},
            "missing": False,
        },
        {
            "kind": "plans",
            "id": "plan-a",
            "name": "Plan A for the future",
            "path": "labelled_by",
            "field": "labelled_by",
            "file": "data/poles/pole-a.yaml",
            "line": 9,
            "depth": 1,
            "via": {"kind": "poles", "id": "pole-a"},
            "missing": False,
        },
    ]
    (back,) = data["referenced_by"]
    assert (back["kind"], back["id"], back["path"]) == ("shocks", "acme-site-2013", "poles.0")
    assert (back["file"], back["line"]) == ("data/shocks/acme-site-2013.yaml", 55)


def test_line_is_where_the_link_is_written(root: Path, xref: Wal) -> None:
    for record_id in ("plan-a", "plan-b", "dom-a", "dom-b", "pole-a", "acme-site-2013"):
        data = json.loads(xref("refs", record_id, "-f", "json", "--depth", "9").stdout)
        # a reference names the record at its far end; a back reference names the record
        # the walk came from
        pairs = [(i, i["id"]) for i in data["references"]]
        pairs += [(i, i["via"]["id"]) for i in data["referenced_by"]]
        assert pairs
        for item, written in pairs:
            line = (root / item["file"]).read_text().split("\n")[item["line"] - 1]
            assert re.search(rf"(?<![\w-]){re.escape(written)}(?![\w-])", line), (item, line)


def test_case_and_kind(xref: Wal) -> None:
    assert xref("refs", "PLAN-A").stdout == xref("refs", "plan-a").stdout
    assert xref("refs", "plan-a", "--kind", "plan").stdout == xref("refs", "plan-a").stdout


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (("refs", "plan-c"), 1, "wal: no record with id 'plan-c'; did you mean plan-b, plan-a"),
        (("refs", "plan-a", "--kind", "poles"), 1, "no pole with id 'plan-a'; it is the id"),
        (("refs", "plan-a", "--kind", "planes"), 2, "--kind: no kind 'planes'"),
        (("refs", "plan-a", "--depth", "0"), 2, "--depth: expected a whole number of 1 or more"),
        (("refs", "plan-a", "--depth", "x"), 2, "Invalid value for '--depth'"),
        (("refs", "plan-a", "--format", "yaml"), 2, "--format: expected one of text, json"),
        (("refs",), 2, "Missing argument 'ID'"),
    ],
)
def test_bad_input(xref: Wal, args: tuple[str, ...], code: int, message: str) -> None:
    done = xref(*args)
    assert (done.exit_code, done.stdout) == (code, "")
    assert message in done.stderr and "Traceback" not in done.stderr


def test_french_errors(xref: Wal) -> None:
    done = xref("--lang", "fr", "refs", "plan-c")
    assert done.exit_code == 1
    assert done.stderr.startswith("wal: aucune fiche d'identifiant 'plan-c' ; ")
    done = xref("--lang", "fr", "refs", "plan-a", "--kind", "poles")
    assert done.stderr.startswith("wal: aucun pôle d'identifiant 'plan-a' ; c'est")


def test_ambiguous_id(root: Path, xref: Wal) -> None:
    text = (root / "data/domains/dom-a.yaml").read_text().replace("id: dom-a", "id: plan-a")
    (root / "data/domains/plan-a.yaml").write_text(text, encoding="utf-8")
    done = xref("refs", "plan-a")
    assert (done.exit_code, done.stdout) == (2, "")
    assert "names records of several kinds (domains, plans): choose one with --kind" in (
        done.stderr
    )
    assert xref("refs", "plan-a", "--kind", "plans").exit_code == 0


def test_missing_target_and_cycle(root: Path, xref: Wal) -> None:
    """A reference to no record is listed, marked missing; a cycle of links ends."""
    path = root / "data/domains/dom-a.yaml"
    path.write_text(
        path.read_text() + "continues: [dom-b, dom-z]\ncontinues_sources: [official]\n",
        encoding="utf-8",
    )
    data = json.loads(xref("refs", "dom-a", "--depth", "50", "-f", "json").stdout)
    missing = [i for i in data["references"] if i["missing"]]
    assert [(i["id"], i["name"], i["path"]) for i in missing] == [
        ("dom-z", "(missing)", "continues.1")
    ]
    links = [(i["via"]["id"], i["path"]) for i in data["references"]]
    links += [(i["id"], i["path"]) for i in data["referenced_by"]]
    assert len(links) == len(set(links))  # each link once, though dom-a and dom-b cycle


def test_unreadable_file_is_reported(root: Path, xref: Wal) -> None:
    (root / "data/poles/broken.yaml").write_text("id: [unclosed\n", encoding="utf-8")
    done = xref("refs", "plan-a")
    assert done.exit_code == 0
    assert done.stderr == "wal: 1 files could not be read and are left out\n"


def test_done_when_marshall_1(tmp_path: Path) -> None:
    """The issue's check: `wal refs marshall-1` lists the poles it labelled and the domains it
    introduced, each at the file:line that names it."""
    registry = load_registry(REPO)
    labelled = {r.id for r in registry.of("poles") if r.data.get("labelled_by") == "marshall-1"}
    introduced = {
        r.id for r in registry.of("domains") if r.data.get("introduced_by") == "marshall-1"
    }
    assert labelled and introduced
    done = Wal(REPO)("refs", "marshall-1")
    assert (done.exit_code, done.stderr) == (0, "")
    lines = done.stdout.split("\n")
    for kind, field, ids in (
        ("pole", "labelled_by", labelled),
        ("domain", "introduced_by", introduced),
    ):
        for record_id in ids:
            folder = "poles" if kind == "pole" else "domains"
            (row,) = [
                line for line in lines if line.split()[:2] == [kind, record_id] and field in line
            ]
            where = row.split()[-1]
            assert where.startswith(f"data/{folder}/{record_id}.yaml:")
            number = int(where.rsplit(":", 1)[1])
            written = (REPO / where.rsplit(":", 1)[0]).read_text().split("\n")[number - 1]
            assert written.strip() == f"{field}: marshall-1"


# -- properties -------------------------------------------------------------------------------

IDS = ["a", "b", "c", "d"]


def _registry(links: list[tuple[str, str]]) -> Registry:
    registry = Registry(REPO)
    registry.records = {kind: {} for kind in KINDS}
    for rid in IDS:
        data = {"id": rid, "name": {"en": rid}, "informed_by": [d for s, d in links if s == rid]}
        registry.records["plans"][rid] = Record("plans", rid, f"{rid}.yaml", Document(data))
    return registry


@settings(max_examples=80, derandomize=True, deadline=None)
@given(
    links=st.lists(st.tuples(st.sampled_from(IDS), st.sampled_from([*IDS, "x"])), max_size=12),
    start=st.sampled_from(IDS),
    depth=st.integers(1, 5),
)
def test_depth_walks_each_link_once(links: list[tuple[str, str]], start: str, depth: int) -> None:
    registry = _registry(links)
    index = Links.of(registry)
    view = refs(registry, registry.records["plans"][start], "en", depth, index)
    items = view.references + view.referenced_by
    written = [(i.via if i in view.references else (i.kind, i.id), i.path) for i in items]
    assert len(written) == len(set(written))
    assert all(1 <= item.depth <= depth for item in items)
    reached = index.around(("plans", start), depth)
    # every link of a record closer than depth is listed, at its distance + 1
    expected = {
        (("plans", s), f"informed_by.{n}")
        for s in IDS
        if ("plans", s) in reached and reached[("plans", s)] < depth
        for n, _ in enumerate([d for src, d in links if src == s])
    }
    expected |= {
        (("plans", s), f"informed_by.{n}")
        for s in IDS
        for n, d in enumerate([d for src, d in links if src == s])
        if ("plans", d) in reached and reached[("plans", d)] < depth
    }
    assert set(written) == expected


def test_hostile_names_stay_on_their_line(tmp_path: Path) -> None:
    from tests.helpers_xref import hostile_registry

    root, names = hostile_registry(tmp_path)
    done = Wal(root)("refs", "dom-a", "--depth", "2")
    assert (done.exit_code, done.stderr) == (0, "")
    assert "\x1b" not in done.stdout and "\u202e" not in done.stdout
    data = json.loads(Wal(root)("refs", "dom-a", "--depth", "2", "-f", "json").stdout)
    items = len(data["references"]) + len(data["referenced_by"])
    # a title, the file, a blank line, two headings with a blank line between: one line a link
    assert len(done.stdout.split("\n")) == 3 + 3 + items + 1
    assert json.loads(Wal(root)("refs", "dom-a", "-f", "json").stdout)["name"] == names["dom-a"]

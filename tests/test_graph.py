"""`wal graph`: records as nodes, references as edges, as Mermaid, DOT and JSON; labels that
no text from the data can break."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.conftest import Wal, golden
from tests.helpers_xref import HOSTILE_NAMES, hostile_registry, xref_registry
from walcli.analysis.graph import graph
from walcli.core.kinds import KINDS
from walcli.core.registry import Record, Registry
from walcli.io.yaml import Document
from walcli.output.diagram import dot_string, mermaid_text, node_id
from walcli.output.safe import safe

REPO = Path(__file__).parent.parent


@pytest.fixture
def xref(tmp_path: Path) -> Wal:
    return Wal(xref_registry(tmp_path))


# -- the fixture: goldens and JSON --------------------------------------------------------------


@pytest.mark.parametrize("fmt", ["mermaid", "dot", "json"])
def test_whole_registry_golden(xref: Wal, fmt: str) -> None:
    done = xref("graph", "--format", fmt)
    assert (done.exit_code, done.stderr) == (0, "")
    golden(f"graph_xref.{fmt}", done.stdout)


def test_json_nodes_and_edges(xref: Wal) -> None:
    data = json.loads(xref("graph", "--format", "json").stdout)
    assert [(n["kind"], n["id"]) for n in data["nodes"]] == [
        ("domains", "dom-a"),
        ("domains", "dom-b"),
        ("plans", "plan-a"),
        ("plans", "plan-b"),
        ("poles", "pole-a"),
        ("shocks", "acme-site-2013"),
    ]
    assert {"kind": "poles", "id": "pole-a", "label": "Pole A"} in data["nodes"]
    edges = {(e["from"], e["to"], e["field"]) for e in data["edges"]}
    assert edges == {
        ("dom-a", "plan-a", "introduced_by"),
        ("dom-b", "dom-a", "continues"),
        ("plan-a", "dom-b", "programmes.domains"),
        ("plan-b", "plan-a", "predecessor"),
        ("pole-a", "dom-a", "domain"),
        ("pole-a", "plan-a", "labelled_by"),
        ("acme-site-2013", "pole-a", "poles"),
        ("acme-site-2013", "plan-b", "plans"),
    }
    assert all(set(e) == {"from", "to", "field", "from_kind", "to_kind"} for e in data["edges"])


def test_labels_in_french(xref: Wal) -> None:
    data = json.loads(xref("--lang", "fr", "graph", "--format", "json").stdout)
    assert {"kind": "plans", "id": "plan-a", "label": "Plan A pour l'avenir"} in data["nodes"]


def test_around_a_record(xref: Wal) -> None:
    data = json.loads(xref("graph", "POLE-A", "--format", "json").stdout)
    assert [n["id"] for n in data["nodes"]] == ["dom-a", "plan-a", "pole-a", "acme-site-2013"]
    assert {(e["from"], e["to"]) for e in data["edges"]} == {
        ("dom-a", "plan-a"),
        ("pole-a", "dom-a"),
        ("pole-a", "plan-a"),
        ("acme-site-2013", "pole-a"),
    }
    deeper = json.loads(xref("graph", "pole-a", "--depth", "2", "-f", "json").stdout)
    assert len(deeper["nodes"]) == 6


def test_kinds_keep_the_center(xref: Wal) -> None:
    data = json.loads(xref("graph", "pole-a", "-d", "2", "--kind", "plans", "-f", "json").stdout)
    assert [n["id"] for n in data["nodes"]] == ["plan-a", "plan-b", "pole-a"]
    assert {(e["from"], e["to"]) for e in data["edges"]} == {
        ("plan-b", "plan-a"),
        ("pole-a", "plan-a"),
    }
    only = json.loads(xref("graph", "--kind", "domains", "-k", "domain", "-f", "json").stdout)
    assert [n["id"] for n in only["nodes"]] == ["dom-a", "dom-b"]
    edge = {"from": "dom-b", "to": "dom-a", "field": "continues"}
    assert only["edges"] == [{**edge, "from_kind": "domains", "to_kind": "domains"}]


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (("graph", "nope"), 1, "wal: no record with id 'nope'\n"),
        (("graph", "pole-b"), 1, "wal: no record with id 'pole-b'; did you mean pole-a"),
        (("graph", "--depth", "2"), 2, "wal: --depth needs an ID\n"),
        (("graph", "pole-a", "--depth", "0"), 2, "expected a whole number of 1 or more, got 0"),
        (("graph", "--kind", "nope"), 2, "--kind: no kind 'nope'; expected one of domains"),
        (("graph", "--format", "svg"), 2, "--format: expected one of mermaid, dot, json"),
    ],
)
def test_bad_input(xref: Wal, args: tuple[str, ...], code: int, message: str) -> None:
    done = xref(*args)
    assert (done.exit_code, done.stdout) == (code, "")
    assert message in done.stderr and "Traceback" not in done.stderr


def test_dangling_reference_makes_no_edge(tmp_path: Path) -> None:
    root = xref_registry(tmp_path)
    path = root / "data" / "poles" / "pole-a.yaml"
    path.write_text(path.read_text().replace("domain: dom-a", "domain: dom-z"), encoding="utf-8")
    data = json.loads(Wal(root)("graph", "-f", "json").stdout)
    assert all("dom-z" not in (e["from"], e["to"]) for e in data["edges"])
    assert ("pole-a", "dom-a") not in {(e["from"], e["to"]) for e in data["edges"]}


def test_repository_every_record_and_link() -> None:
    """`wal graph` on the repository: a node per record, an edge per distinct link."""
    from walcli.analysis.refs import Links, field_of
    from walcli.io.scan import load_registry

    registry = load_registry(REPO)
    links = Links.of(registry)
    expected = {
        (ref.source.id, ref.target_id, field_of(ref.path))
        for refs in links.out.values()
        for ref in refs
        if links.exists((ref.target_kind, ref.target_id))
    }
    data = json.loads(Wal(REPO)("graph", "--format", "json").stdout)
    assert len(data["nodes"]) == registry.count()
    assert {(e["from"], e["to"], e["field"]) for e in data["edges"]} == expected
    text = Wal(REPO)("graph").stdout
    check_mermaid(text, {n["id"]: n["label"] for n in data["nodes"]})


# -- hostile names: Mermaid line by line, DOT through a real parser and Graphviz ------------------

MERMAID_NODE = re.compile(
    r'^  (?P<id>[a-z0-9_]+)(?P<open>\(\[|\[/|\{\{|\[)"(?P<label>[^"]*)"(?P<close>\]\)|/\]|\}\}|\])$'
)
MERMAID_EDGE = re.compile(r'^  (?P<src>[a-z0-9_]+) -->\|"(?P<label>[^"]*)"\| (?P<dst>[a-z0-9_]+)$')
MERMAID_CLASSDEF = re.compile(
    r"^  classDef [a-z0-9_]+ fill:#[0-9a-f]{6},stroke:#[0-9a-f]{6},color:#[0-9a-f]{6}$"
)
MERMAID_CLASS = re.compile(r"^  class [a-z0-9_]+(,[a-z0-9_]+)* [a-z0-9_]+$")
SHAPES = {"([": "])", "[/": "/]", "{{": "}}", "[": "]"}
# Inside a label: no character Mermaid reads, `#` only as the start of an entity code.
ESCAPED = re.compile(r"^(?:[^\"#&<>`|:%;\x00-\x1f\x7f\u2028\u2029\u202a-\u202e]|#(?:quot|\d+);)*$")


def unmermaid(text: str) -> str:
    """What Mermaid shows for an escaped label: its entity codes decoded."""
    assert ESCAPED.match(text), text
    return re.sub(r"#(quot|\d+);", lambda m: '"' if m[1] == "quot" else chr(int(m[1])), text)


def check_mermaid(text: str, labels: dict[str, str]) -> None:
    """Every line is one statement of the expected shape, every label shows its text
    literally, every edge joins declared nodes."""
    lines = text.split("\n")
    assert lines[0] == "flowchart LR" and lines[-1] == ""
    declared: dict[str, str] = {}
    for line in lines[1:-1]:
        node = MERMAID_NODE.match(line)
        if node:
            assert SHAPES[node["open"]] == node["close"], line
            declared[node["id"]] = unmermaid(node["label"])
            continue
        edge = MERMAID_EDGE.match(line)
        if edge:
            assert edge["src"] in declared and edge["dst"] in declared, line
            unmermaid(edge["label"])
            continue
        assert MERMAID_CLASSDEF.match(line) or MERMAID_CLASS.match(line), line
    shown = sorted(declared.values())
    assert shown == sorted(safe(label) for label in labels.values())


def test_hostile_mermaid(tmp_path: Path) -> None:
    for offset in range(0, len(HOSTILE_NAMES), 7):
        root, names = hostile_registry(tmp_path / str(offset), offset)
        done = Wal(root)("graph", "--format", "mermaid")
        assert (done.exit_code, done.stderr) == (0, "")
        check_mermaid(done.stdout, names)
        assert "\x1b" not in done.stdout and "\u202e" not in done.stdout


def unquote_dot(text: str) -> str:
    assert text.startswith('"') and text.endswith('"'), text
    body = re.sub(r"\\(.)", r"\1", text[1:-1])
    return body.replace("&amp;", "&")


@pytest.mark.slow
def test_hostile_dot_parses(tmp_path: Path) -> None:
    pydot = pytest.importorskip("pydot")
    for offset in range(0, len(HOSTILE_NAMES), 7):
        root, names = hostile_registry(tmp_path / str(offset), offset)
        text = Wal(root)("graph", "--format", "dot").stdout
        (parsed,) = pydot.graph_from_dot_data(text)
        nodes = {
            unquote_dot(n.get_name()): unquote_dot(n.get("label"))
            for n in parsed.get_nodes()
            if n.get("label") is not None
        }
        ids = {node_id(kind, rid) for kind in KINDS for rid in names}
        assert set(nodes) <= ids and len(nodes) == len(names)
        assert sorted(nodes.values()) == sorted(safe(name) for name in names.values())
        for edge in parsed.get_edges():
            assert unquote_dot(edge.get_source()) in nodes
            assert unquote_dot(edge.get_destination()) in nodes


@pytest.mark.skipif(shutil.which("dot") is None, reason="Graphviz (dot) is not installed")
def test_hostile_dot_renders_with_graphviz(tmp_path: Path) -> None:
    root, names = hostile_registry(tmp_path)
    text = Wal(root)("graph", "--format", "dot").stdout
    done = subprocess.run(["dot", "-Tsvg"], input=text, capture_output=True, text=True)
    assert done.returncode == 0 and done.stderr == "", done.stderr
    svg = ET.fromstring(done.stdout)
    ns = {"svg": "http://www.w3.org/2000/svg"}
    shown = []
    for group in svg.iterfind(".//svg:g", ns):
        if "node" in (group.get("class") or "").split():
            texts = ["".join(t.itertext()) for t in group.iterfind("svg:text", ns)]
            shown.append(" ".join(texts))
    assert sorted(shown) == sorted(" ".join(safe(n).split()) for n in names.values())


MERMAID_SCRIPT = """
import { JSDOM } from 'jsdom';
import fs from 'fs';
const dom = new JSDOM('<!doctype html><html><body></body></html>');
globalThis.window = dom.window;
globalThis.document = dom.window.document;
const { default: mermaid } = await import('mermaid');
mermaid.initialize({ startOnLoad: false, securityLevel: 'strict' });
let failed = 0;
for (const file of process.argv.slice(2)) {
  try { await mermaid.parse(fs.readFileSync(file, 'utf8')); console.log('ok ' + file); }
  catch (e) { failed = 1; console.log('FAIL ' + file + ': ' + String(e.message || e)); }
}
process.exit(failed);
"""


def mermaid_parse(folder: Path, texts: dict[str, str]) -> str:
    """Parse diagrams with Mermaid itself (node, with mermaid and jsdom installed in the
    folder WAL_MERMAID_NODE_MODULES names); skips when it is not there."""
    modules = os.environ.get("WAL_MERMAID_NODE_MODULES")
    if not modules or shutil.which("node") is None:
        pytest.skip("set WAL_MERMAID_NODE_MODULES to a node_modules with mermaid and jsdom")
    work = Path(modules).parent
    script = work / "wal-mermaid-check.mjs"
    script.write_text(MERMAID_SCRIPT, encoding="utf-8")
    files = []
    for name, text in texts.items():
        path = folder / f"{name}.mmd"
        path.write_text(text, encoding="utf-8")
        files.append(str(path))
    done = subprocess.run(["node", str(script), *files], capture_output=True, text=True, cwd=work)
    assert done.returncode == 0, done.stdout + done.stderr
    return done.stdout


def test_hostile_mermaid_parses_with_mermaid(tmp_path: Path) -> None:
    texts = {}
    for offset in range(0, len(HOSTILE_NAMES), 7):
        root, _ = hostile_registry(tmp_path / str(offset), offset)
        wal = Wal(root)
        texts[f"graph-{offset}"] = wal("graph").stdout
        texts[f"timeline-{offset}"] = wal("timeline", "--all", "--format", "mermaid").stdout
    texts["repository-graph"] = Wal(REPO)("graph").stdout
    texts["repository-timeline"] = Wal(REPO)("timeline", "--format", "mermaid").stdout
    out = mermaid_parse(tmp_path, texts)
    assert out.count("ok ") == len(texts)


# -- properties -------------------------------------------------------------------------------

IDS = ["a", "b", "c", "d", "e"]


def _registry(links: list[tuple[str, str, str]]) -> Registry:
    """An in-memory registry over the repository's schemas: plans a..e whose `informed_by`
    and domains whose `continues` name each other as the generated links say."""
    registry = Registry(REPO)
    records: dict[str, dict[str, Record]] = {kind: {} for kind in KINDS}
    for kind, field in (("plans", "informed_by"), ("domains", "continues")):
        for rid in IDS:
            targets = [dst for k, src, dst in links if k == kind and src == rid]
            data = {"id": rid, "name": {"en": rid.upper(), "fr": rid}, field: targets}
            records[kind][rid] = Record(kind, rid, f"data/{kind}/{rid}.yaml", Document(data))
    registry.records = records
    return registry


# (kind, from, to): "zz" names no record.
LINK = st.tuples(
    st.sampled_from(["plans", "domains"]), st.sampled_from(IDS), st.sampled_from([*IDS, "zz"])
)


@settings(max_examples=60, derandomize=True, deadline=None)
@given(
    links=st.lists(LINK, max_size=15),
    center=st.one_of(st.none(), st.sampled_from(IDS)),
    depth=st.integers(1, 4),
    kinds=st.lists(st.sampled_from(["plans", "domains", "poles"]), max_size=2),
)
def test_every_edge_joins_two_nodes(
    links: list[tuple[str, str, str]], center: str | None, depth: int, kinds: list[str]
) -> None:
    registry = _registry(links)
    middle = registry.records["plans"][center] if center else None
    found = graph(registry, "en", center=middle, depth=depth, kinds=kinds or None)
    keys = {node.key for node in found.nodes}
    assert all(edge.source in keys and edge.target in keys for edge in found.edges)
    assert list(found.nodes) == sorted(found.nodes) and list(found.edges) == sorted(found.edges)
    assert len(set(found.edges)) == len(found.edges)
    if middle is not None:
        assert ("plans", center) in keys


@settings(max_examples=200, derandomize=True, deadline=None)
@given(st.text())
def test_mermaid_escaping_round_trips(text: str) -> None:
    assert unmermaid(mermaid_text(text)) == safe(text)


@settings(max_examples=200, derandomize=True, deadline=None)
@given(st.text())
def test_dot_escaping_round_trips(text: str) -> None:
    assert unquote_dot(dot_string(text)) == safe(text)


@settings(max_examples=40, derandomize=True, deadline=None)
@given(st.text(min_size=1, max_size=40))
def test_dot_labels_parse(text: str) -> None:
    pydot = pytest.importorskip("pydot")
    source = f"digraph g {{ {dot_string('n')} [label={dot_string(text)}]; }}"
    (parsed,) = pydot.graph_from_dot_data(source)
    (node,) = [n for n in parsed.get_nodes() if n.get("label") is not None]
    assert unquote_dot(node.get("label")) == safe(text)


@settings(max_examples=200, derandomize=True, deadline=None)
@given(st.sampled_from(list(KINDS)), st.text(min_size=1), st.text(min_size=1))
def test_node_ids_are_safe_and_distinct(kind: str, first: str, second: str) -> None:
    a, b = node_id(kind, first), node_id(kind, second)
    assert re.fullmatch(r"[a-z0-9_]+", a) and re.fullmatch(r"[a-z0-9_]+", b)
    assert (a == b) == (first == second)


@pytest.mark.skipif(shutil.which("dot") is None, reason="Graphviz (dot) is not installed")
def test_repository_dot_renders() -> None:
    """The issue's check: `wal graph --format dot | dot -Tsvg` works."""
    text = Wal(REPO)("graph", "--format", "dot").stdout
    done = subprocess.run(["dot", "-Tsvg"], input=text, capture_output=True, text=True)
    assert (done.returncode, done.stderr) == (0, "")
    svg = ET.fromstring(done.stdout)
    groups = [g.get("class") or "" for g in svg.iter("{http://www.w3.org/2000/svg}g")]
    data = json.loads(Wal(REPO)("graph", "--format", "json").stdout)
    assert sum("node" in g.split() for g in groups) == len(data["nodes"])
    assert sum(g == "edge" for g in groups) == len(data["edges"])


@pytest.mark.slow
@pytest.mark.parametrize(
    "args",
    [
        ("refs", "biowin"),
        ("timeline",),
        ("graph",),
        ("graph", "-f", "json"),
        ("graph", "-f", "dot"),
    ],
)
def test_piped_commands_stay_light(tmp_path: Path, args: tuple[str, ...]) -> None:
    """Piped, these commands import neither the JSON Schema machinery nor rich nor Babel."""
    from tests.test_imports import _registry, imported

    names = imported(_registry(tmp_path), *args)
    assert sorted(n for n in names if n.split(".")[0] in ("jsonschema", "rich", "babel")) == []

"""`wal timeline`: every dated fact as an event, in date order, with its sources and marks."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.conftest import Wal, golden
from tests.helpers_xref import hostile_registry, xref_registry
from tests.test_graph import unmermaid
from walcli.analysis.timeline import Selection, timeline
from walcli.core.dates import sort_key
from walcli.core.kinds import KINDS
from walcli.core.registry import Record, Registry
from walcli.io.yaml import Document
from walcli.output.events import MACHINE_COLUMNS
from walcli.output.safe import safe

REPO = Path(__file__).parent.parent


@pytest.fixture
def root(tmp_path: Path) -> Path:
    return xref_registry(tmp_path)


@pytest.fixture
def xref(root: Path) -> Wal:
    return Wal(root)


def events(wal: Wal, *args: str, lang: str = "en") -> list[dict[str, object]]:
    done = wal("--lang", lang, "timeline", "--format", "json", *args)
    assert done.exit_code == 0, done.stderr
    found: list[dict[str, object]] = json.loads(done.stdout)
    return found


def rows(wal: Wal, *args: str) -> list[tuple[str, str, str]]:
    return [(str(e["date"]), str(e["id"]), str(e["path"])) for e in events(wal, *args)]


# -- goldens ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "args"),
    [
        ("timeline_xref.en.table.txt", ("timeline", "--all", "--format", "table")),
        ("timeline_xref.fr.table.txt", ("--lang", "fr", "timeline", "--format", "table")),
        ("timeline_xref.en.md", ("timeline", "--format", "markdown")),
        ("timeline_xref.fr.md", ("--lang", "fr", "timeline", "--format", "markdown")),
        ("timeline_xref.en.mmd", ("timeline", "--format", "mermaid")),
        ("timeline_xref.en.tsv", ("timeline", "--all")),
        ("timeline_xref.en.json", ("timeline", "--format", "json")),
    ],
)
def test_goldens(xref: Wal, name: str, args: tuple[str, ...]) -> None:
    done = xref(*args)
    assert (done.exit_code, done.stderr) == (0, "")
    golden(name, done.stdout)


# -- what becomes an event --------------------------------------------------------------------


def test_order_and_mixed_precision(xref: Wal) -> None:
    assert rows(xref, "--to", "2005") == [
        ("2004", "pole-a", "founded.0.value"),
        ("2005", "pole-a", "labelled.1.value"),
        ("2005-06-11", "plan-a", "timeline.0.date"),
        ("2005-08", "plan-a", "adopted.0.value"),
        ("2005-08-30", "plan-a", "presented.0.value"),
        ("2005-09", "plan-a", "adopted.1.value"),
    ]


def test_claims_that_disagree_are_linked(xref: Wal) -> None:
    found = {(e["id"], e["path"]): e for e in events(xref)}
    official, press = found["plan-a", "adopted.0.value"], found["plan-a", "adopted.1.value"]
    assert official["disputed"] is True and press["disputed"] is True
    assert official["group"] == press["group"] == "plans/plan-a:adopted"
    assert [s["id"] for s in official["sources"]] == ["official"]  # type: ignore[attr-defined]
    # 2009 and 2009-12 agree (one is a coarser form of the other); the coarse one is the deck's
    deck, sourced = found["plan-b", "presented.1.value"], found["plan-b", "presented.0.value"]
    assert (deck["disputed"], deck["seed_deck"], deck["group"]) == (
        False,
        True,
        "plans/plan-b:presented",
    )
    assert (sourced["disputed"], sourced["seed_deck"]) == (False, False)
    single = found["plan-a", "presented.0.value"]
    assert (single["group"], single["disputed"]) == (None, False)


def test_periods_labels_and_sources(xref: Wal) -> None:
    found = {(e["id"], e["path"]): e for e in events(xref)}
    period = found["plan-a", "period"]
    assert (period["date"], period["end"], period["period"]) == ("2006", "2009", True)
    assert period["label"] == "Plan period" and period["record_sources"] is True
    assert [s["id"] for s in period["sources"]] == ["official", "press"]  # type: ignore[attr-defined]
    body = found["acme-site-2013", "bodies.0"]
    assert (body["date"], body["end"], body["label"]) == (
        "2013-02",
        "2013-04-16",
        "Body at work: Task force",
    )
    fund = found["acme-site-2013", "actions.1.period"]
    assert (fund["label"], fund["seed_deck"], fund["end"]) == ("Action: A fund", True, "2016")
    entry = found["plan-a", "timeline.0.date"]
    assert entry["label"] == 'A call for a recovery plan: "act now".'
    assert entry["sources"] == [
        {"id": "press", "url": "https://example.org/press?a=1&b=2", "title": "Press article"}
    ]
    launched = found["plan-a", "programmes.0.launched.0.value"]
    assert launched["label"] == "Programme launched: Clusters"
    assert all(e["sources"] for e in found.values())
    assert all(not e["observation"] for e in found.values())


def test_observations_only_with_all(xref: Wal) -> None:
    plain = {(e["id"], e["path"]) for e in events(xref)}
    every = {(e["id"], e["path"]): e for e in events(xref, "--all")}
    extra = set(every) - plain
    assert extra == {
        ("plan-a", "figures.0.as_of"),
        ("dom-b", "notes.0.as_of"),
        ("pole-a", "members.0.as_of"),
    }
    assert all(every[key]["observation"] for key in extra)
    assert every["pole-a", "members.0.as_of"]["label"] == "Members counted"


def test_french_labels_and_dates(xref: Wal) -> None:
    english = {(e["id"], e["path"]): e for e in events(xref, "--kind", "poles")}
    french = {(e["id"], e["path"]): e for e in events(xref, "--kind", "poles", lang="fr")}
    assert english["pole-a", "labelled.0.value"]["label"] == "Pole labelled"
    assert french["pole-a", "labelled.0.value"]["label"] == "Pôle labellisé"
    entry = french["pole-a", "timeline.0.date"]  # json keeps ISO dates in every language
    assert (entry["date"], entry["label"]) == ("2006-07", "Le gouvernement lance le pôle.")
    assert english["pole-a", "timeline.0.date"]["label"] == "The government launches the pole."
    table = xref("--lang", "fr", "timeline", "--kind", "poles", "-f", "table").stdout
    assert "juillet 2006" in table and "Pôle labellisé" in table


@pytest.mark.slow
def test_new_date_field_needs_no_code(root: Path, xref: Wal) -> None:
    schema_path = root / "schemas" / "plans.schema.json"
    schema = json.loads(schema_path.read_text())
    schema["properties"]["closed"] = {"$ref": "defs.schema.json#/$defs/date"}
    schema_path.write_text(json.dumps(schema), encoding="utf-8")
    plan = root / "data" / "plans" / "plan-a.yaml"
    plan.write_text(plan.read_text() + "closed: 2011-03\n", encoding="utf-8")
    assert xref("validate").exit_code == 0
    (closed,) = [e for e in events(xref) if e["path"] == "closed"]
    assert (closed["date"], closed["label"], closed["field"]) == ("2011-03", "closed", "closed")


# -- filters ----------------------------------------------------------------------------------


def test_years_are_inclusive_and_periods_overlap(xref: Wal) -> None:
    assert rows(xref, "--from", "2010", "--to", "2012") == [
        ("2006", "pole-a", "leaders.0"),
        ("2009", "plan-b", "period"),
    ]
    in_2013 = {r[1] for r in rows(xref, "--from", "2013", "--to", "2013")}
    assert in_2013 == {"acme-site-2013", "plan-b", "pole-a"}  # and the periods running then
    assert rows(xref, "--from", "2015") == [
        ("2006", "pole-a", "leaders.0"),
        ("2014", "acme-site-2013", "actions.1.period"),
    ]
    assert rows(xref, "--from", "2017") == []
    done = xref("timeline", "--from", "2017")
    assert (done.exit_code, done.stderr) == (0, "wal: no dated fact matches\n")


def test_kinds_and_records(xref: Wal) -> None:
    assert {e["kind"] for e in events(xref, "--kind", "poles", "--kind", "shock")} == {
        "poles",
        "shocks",
    }
    assert {e["id"] for e in events(xref, "--record", "PLAN-B")} == {"plan-b"}
    assert {e["id"] for e in events(xref, "--record", "plan-b", "--depth", "1")} == {
        "plan-a",
        "plan-b",
        "acme-site-2013",
    }
    near = events(xref, "--record", "plan-b", "--depth", "2", "--kind", "poles")
    assert {e["id"] for e in near} == {"pole-a"}


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--from", "20x"), "wal: --from: expected a year like 2005, got '20x'\n"),
        (("--to", "05"), "wal: --to: expected a year like 2005, got '05'\n"),
        (("--from", "2013-05"), "wal: --from: expected a year like 2005, got '2013-05'\n"),
        (("--from", ""), "wal: --from: expected a year like 2005, got ''\n"),
        (("--from", "2010", "--to", "2000"), "wal: --from 2010 is after --to 2000\n"),
        (("--depth", "1"), "wal: --depth needs --record ID\n"),
        (("--record", "plan-a", "--depth", "-1"), "wal: --depth: expected a whole number"),
        (("--kind", "nope"), "wal: --kind: no kind 'nope'; expected one of"),
        (("--format", "yaml"), "wal: --format: expected one of table, tsv, csv, json"),
    ],
)
def test_usage_errors(xref: Wal, args: tuple[str, ...], message: str) -> None:
    done = xref("timeline", *args)
    assert (done.exit_code, done.stdout) == (2, "")
    assert done.stderr.startswith(message)


def test_unknown_record(xref: Wal) -> None:
    done = xref("timeline", "--record", "plan-z")
    assert (done.exit_code, done.stdout) == (1, "")
    assert done.stderr == "wal: no record with id 'plan-z'; did you mean plan-b, plan-a, pole-a?\n"


# -- formats ----------------------------------------------------------------------------------


def test_csv_and_tsv_carry_every_field(xref: Wal) -> None:
    json_events = events(xref, "--all")
    table = list(csv.reader(io.StringIO(xref("timeline", "--all", "-f", "csv").stdout)))
    assert table[0] == MACHINE_COLUMNS and len(table) == len(json_events) + 1
    tsv = xref("timeline", "--all", "-f", "tsv").stdout.split("\n")
    assert tsv[-1] == "" and [line.split("\t") for line in tsv[:-1]] == table
    for line, event in zip(table[1:], json_events, strict=True):
        row = dict(zip(MACHINE_COLUMNS, line, strict=True))
        assert (row["date"], row["id"], row["path"], row["label"]) == (
            event["date"],
            event["id"],
            event["path"],
            event["label"],
        )


def test_markdown_notes(xref: Wal) -> None:
    text = xref("timeline", "--record", "plan-a", "-f", "markdown").stdout
    table, notes = text.split("\n**Sources**\n\n")
    lines = table.strip().split("\n")
    assert all(line.count(" | ") == 4 for line in lines if not line.startswith("|-"))
    assert "| 2006 \u2013 2009 | plan plan-a | Plan period | the record's sources |  |" in lines
    assert notes.split("\n")[:2] == [
        "1. press (plan plan-a) Press article <https://example.org/press?a=1&b=2>",
        "2. official (plan plan-a) Official page <https://example.org/plan-a>",
    ]


def test_hostile_text_in_every_format(tmp_path: Path) -> None:
    root, names = hostile_registry(tmp_path)
    wal = Wal(root)
    for fmt in ("table", "tsv", "csv", "markdown", "mermaid", "json"):
        done = wal("timeline", "--all", "--format", fmt)
        assert (done.exit_code, done.stderr) == (0, ""), fmt
        if fmt != "json":
            assert "\x1b" not in done.stdout and "\u202e" not in done.stdout, fmt
    count = len(events(wal, "--all"))
    tsv = wal("timeline", "--all", "-f", "tsv").stdout.split("\n")
    assert len(tsv) == count + 2 and all(line.count("\t") == 16 for line in tsv[:-1])
    markdown = wal("timeline", "--all", "-f", "markdown").stdout.split("\n\n**Sources**")[0]
    assert all(line.count(" | ") == 4 for line in markdown.split("\n")[2:])
    check_mermaid_timeline(wal("timeline", "--all", "-f", "mermaid").stdout, names)


TIMELINE_MOMENT = re.compile(
    "^        (?P<moment>[0-9]{4}[0-9 \u2013\u2026-]*) : (?P<text>[^\n]*)$"
)
TIMELINE_MORE = re.compile(r"^            : (?P<text>[^\n]*)$")


def check_mermaid_timeline(text: str, names: dict[str, str]) -> None:
    """Every line one statement; event texts hold no character Mermaid reads."""
    lines = text.split("\n")
    assert lines[0] == "timeline" and lines[-1] == ""
    assert lines[1] == "    title Timeline"
    shown = []
    for line in lines[2:-1]:
        if re.fullmatch(r"    section [0-9]{4}", line):
            continue
        found = TIMELINE_MOMENT.match(line) or TIMELINE_MORE.match(line)
        assert found, line
        shown.append(unmermaid(found["text"]))
    odd = names['Odd id "x"];y']
    assert any(safe(odd) in text for text in shown)


# -- the repository: the check --------------------------------------------------------


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_done_when_decade(lang: str) -> None:
    """`wal timeline --from 2005 --to 2020` shows the decade in date order, in French or
    English, each event with its sources."""
    found = events(Wal(REPO), "--from", "2005", "--to", "2020", lang=lang)
    assert len(found) > 50
    keys = [sort_key(e["date"]) for e in found]
    assert keys == sorted(keys)  # type: ignore[type-var]
    for event in found:
        first, end = int(str(event["date"])[:4]), event["end"]
        assert first <= 2020 and (end is None or int(str(end)[:4]) >= 2005 or first >= 2005)
        assert event["sources"], event
        assert all(s["url"] or s["title"] for s in event["sources"])  # type: ignore[attr-defined]
    labels = {e["label"] for e in found}
    assert ("Plan présenté" in labels) == (lang == "fr")
    assert ("Plan presented" in labels) == (lang == "en")


# -- properties -------------------------------------------------------------------------------

DATES = st.builds(
    lambda y, m, d, p: f"{y}" if p == 1 else f"{y}-{m:02d}" if p == 2 else f"{y}-{m:02d}-{d:02d}",
    st.integers(1990, 2030),
    st.integers(1, 12),
    st.integers(1, 28),
    st.integers(1, 3),
)


@settings(max_examples=60, derandomize=True, deadline=None)
@given(
    entries=st.lists(DATES, max_size=8),
    claims=st.lists(DATES, max_size=4),
    since=st.one_of(st.none(), st.integers(1990, 2030)),
)
def test_events_are_sorted_and_complete(
    entries: list[str], claims: list[str], since: int | None
) -> None:
    data = {
        "id": "p",
        "name": {"en": "P", "fr": "P"},
        "timeline": [{"date": d, "event": {"en": d}, "sources": ["s"]} for d in entries],
        "presented": [{"value": d, "sources": ["s"]} for d in claims],
        "sources": [{"id": "s", "title": "t", "url": "https://example.org/"}],
    }
    registry = Registry(REPO)
    registry.records = {kind: {} for kind in KINDS}
    registry.records["plans"]["p"] = Record("plans", "p", "data/plans/p.yaml", Document(data))
    found = timeline(registry, "en", Selection(since=since))
    keys = [sort_key(e.date) for e in found]
    assert keys == sorted(keys)  # type: ignore[type-var]
    wanted = sorted(d for d in entries + claims if since is None or int(d[:4]) >= since)
    assert sorted(e.date for e in found) == wanted
    assert all(e.group is not None for e in found if e.field == "presented" and len(claims) > 1)


def test_odd_shapes_never_crash(root: Path, xref: Wal) -> None:
    plan = root / "data" / "plans" / "plan-b.yaml"
    plan.write_text(
        "id: plan-b\nname: [1, 2]\nperiod: 5\npresented: nope\nadopted: [{value: x}, 3]\n"
        "timeline: [{date: 2010}, {date: 'not a date', event: x}, 7]\nsources: 9\n",
        encoding="utf-8",
    )
    done = xref("timeline", "--record", "plan-b", "-f", "json")
    assert done.exit_code == 0 and "Traceback" not in done.stderr
    assert [(e["date"], e["label"]) for e in json.loads(done.stdout)] == [("2010", "Date")]


@pytest.mark.slow
def test_readme_python_example(monkeypatch: pytest.MonkeyPatch) -> None:
    """The README's Python API example: the lines about the timeline and the graph."""
    import contextlib
    import io

    from tests.test_api import readme_example

    monkeypatch.chdir(REPO)
    monkeypatch.delenv("WAL_ROOT", raising=False)
    printed = io.StringIO()
    with contextlib.redirect_stdout(printed):
        exec(compile(readme_example(), "README.md", "exec"), {})
    assert printed.getvalue().splitlines()[3:] == ["True", "['domain', 'labelled_by']"]

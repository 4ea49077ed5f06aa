"""`wal KIND show`: a record laid out for reading, in French and English.

Goldens read tests/fixtures/showcase (a frozen copy of the registry); properties run over
every record of the repository's registry too."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests.conftest import REPO, TESTS, Wal, golden, loaded, shared_registry
from walcli.analysis.views import Atom, Fact, Facts, record_view
from walcli.io.scan import load_registry
from walcli.output.layout import Pieces, wrap
from walcli.output.record_text import plain

SHOWCASE = shared_registry(TESTS / "fixtures" / "showcase" / "data")


@pytest.fixture
def showcase() -> Wal:
    return Wal(SHOWCASE)


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_marshall_1_golden(showcase: Wal, lang: str) -> None:
    run = showcase("plans", "show", "marshall-1", "--lang", lang, env={"COLUMNS": "80"})
    assert (run.exit_code, run.stderr) == (0, "")
    golden(f"show_marshall-1.{lang}.txt", run.stdout)


def test_marshall_1_reads_like_a_fact_sheet(showcase: Wal) -> None:
    out = showcase("plans", "show", "marshall-1", env={"COLUMNS": "80"}).stdout
    lines = out.splitlines()
    # the budget: each source's figure on its own line, formatted, with its numbered sources
    start = lines.index("Budget (sources disagree):")
    assert lines[start + 1 : start + 7] == [
        "  • €1.1 billion [1] — Amount on the official page of the SPW (Service public de",
        "    Wallonie, the regional administration).",
        '  • €1.2 billion [8] — "1.2 billion over four years", in an article on the',
        "    plan's results in figures.",
        "  • €1.5 billion [6]",
        "  • €1.6 billion [2, 5] — Over four years, until 2009.",
    ]
    # figures keep their label, qualifier, unit and date
    assert "  • People trained: more than 115,000 people [6] — Of which about 30,000 in" in lines
    assert "  • Urban free zones after one year: 25 (as of 2006) [7]" in lines
    # the numbers point into the list of sources at the end, each with its URL on a line
    sources = lines[lines.index("Sources") + 1 :]
    assert sources[:2] == [
        "  [1] Plan Marshall 2006-2009 — SPW Économie",
        "      https://economie.wallonie.be/content/plan-marshall-2006-2009",
    ]
    policy = showcase("plans", "show", "competitiveness-poles").stdout
    assert "(the seed deck's claim)" in policy


def test_task_force_members_are_names_and_rival_claims_stay_apart(showcase: Wal) -> None:
    out = showcase("shocks", "show", "arcelormittal-liege-2013", env={"COLUMNS": "100"}).stdout
    lines = out.splitlines()
    at = lines.index("    Members (sources disagree):")
    bullets: list[str] = []
    for line in lines[at + 1 :]:
        if line.startswith("      • "):
            bullets.append(line.strip())
        elif line.startswith("        ") and bullets:
            bullets[-1] += " " + line.strip()
        else:
            break
    assert len(bullets) == 2
    first, second = bullets
    assert first.startswith("• Trade unions, Walloon Region (Walloon government), Banque Degroof")
    assert "(the seed deck's claim)" not in first
    assert second.startswith("• Walloon Region (Walloon government), Trade unions, ArcelorMittal")
    assert "(the seed deck's claim)" in second
    assert "unions; region" not in out and "[unions, region" not in out


def test_the_french_view_has_no_english_around_the_data(showcase: Wal) -> None:
    out = showcase("--lang", "fr", "plans", "show", "marshall-1").stdout
    for english in ("Budget (sources disagree)", "Referenced by", "as of", "Links"):
        assert english not in out
    assert "Budget (sources en désaccord) :" in out
    assert "1,1 milliard € [1]" in out
    assert "Cité par" in out


def test_brief_is_the_short_card(showcase: Wal) -> None:
    full = showcase("plans", "show", "marshall-1").stdout
    brief = showcase("plans", "show", "marshall-1", "--brief").stdout
    assert len(brief.splitlines()) < len(full.splitlines()) / 2
    for kept in ("Budget (sources disagree):", "Period: 2006 – 2009", "Figures:", "Sources"):
        assert kept in brief
    assert "Timeline:" not in brief and "Programmes:" not in brief
    # only the sources the card cites, under their numbers in the full view
    cited = set(re.findall(r"^  \[(\d+)\]", brief, re.M))
    assert cited and cited < set(re.findall(r"^  \[(\d+)\]", full, re.M))


def test_json_and_yaml_of_show_stay_raw(showcase: Wal) -> None:
    record = json.loads(showcase("plans", "show", "marshall-1", "-f", "json").stdout)
    assert record["budget"][0]["value"] == 1100000000
    assert "_links" in record


def _view_lines(root: Path, kind: str, record_id: str, lang: str, width: int) -> list[str]:
    registry = load_registry(root)
    return plain(record_view(registry, registry.get(kind, record_id), lang), width).splitlines()


def _records(root: Path) -> list[tuple[str, str]]:
    return [(r.kind, r.id) for r in load_registry(root).all()]


@pytest.mark.parametrize(("kind", "record_id"), _records(REPO), ids=lambda v: str(v))
def test_no_id_date_or_url_is_cut_at_80_columns(kind: str, record_id: str) -> None:
    """Every URL of the record's sources is on one line, whole; no line but a URL's or an
    atom's runs past 80 columns; no id of a linked record is split."""
    registry = loaded(REPO)
    record = registry.get(kind, record_id)
    for lang in ("fr", "en"):
        lines = plain(record_view(registry, record, lang), 80).splitlines()
        urls = [s["url"] for s in record.data.get("sources", []) if s.get("url")]
        for url in urls:
            assert any(line.strip() == url for line in lines), url
        for line in lines:
            if len(line) > 80:
                assert " " not in line.strip() or line.strip() in urls, line
        text = "\n".join(lines)
        for ref in registry.references_of(record):
            assert f"({ref.target_id})" in text


def test_claim_qualifiers_and_superseded_values_are_shown(tmp_path: Path) -> None:
    """The data's claims gain `qualifier` and `superseded`: the view words them."""
    root = tmp_path / "registry"
    (root / "data" / "plans").mkdir(parents=True)
    (root / "schemas").mkdir()
    for name in ("domains", "poles", "plans", "shocks"):
        (root / "schemas" / f"{name}.schema.json").write_text(
            json.dumps({"$id": f"{name}.schema.json", "type": "object"}), encoding="utf-8"
        )
    (root / "data" / "plans" / "p.yaml").write_text(
        "id: p\nname: {fr: P, en: P}\nsummary: {fr: s, en: s}\n"
        "jobs:\n"
        "  - {value: 1000, qualifier: more-than, sources: [a]}\n"
        "  - {value: 900, superseded: true, sources: [a]}\n"
        "sources: [{id: a, title: A, url: 'https://example.org/a'}]\n",
        encoding="utf-8",
    )
    registry = load_registry(root)
    view = record_view(registry, registry.get("plans", "p"), "fr")
    facts = view.sections[0].value
    assert isinstance(facts, Facts) and not facts.disputed  # a superseded value is history
    first, second = facts.facts
    assert isinstance(first, Fact) and first.value == Atom("plus de 1000", "number")
    assert first.qualifier == "plus de" and second.superseded
    text = plain(view, 80)
    assert "  • plus de 1000 [1]" in text and "  • 900 [1] (remplacé)" in text


ATOMS = st.text(alphabet="abcdefghij-0123456789/:.", min_size=1, max_size=30)
WORDS = st.text(alphabet="abc def", max_size=60)


@given(
    st.lists(st.one_of(ATOMS.map(lambda a: ("atom", a)), WORDS.map(lambda w: ("text", w)))),
    st.integers(20, 100),
)
def test_wrapping_never_cuts_an_atom_and_keeps_to_the_width(
    pieces: list[tuple[str, str]], width: int
) -> None:
    built = Pieces()
    atoms = []
    for role, text in pieces:
        if role == "atom":
            built.atom(text)
            atoms.append(text)
        else:
            built.text(text)
    lines = wrap(built, width, "  ")
    for atom in atoms:
        assert any(atom in line for line in lines)
    for line in lines:
        assert len(line) <= width or " " not in line.strip()

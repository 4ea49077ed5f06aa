"""The seed deck's font garbling (ô for the apostrophe, ® for é, î for œ) is warned inside
ordinary sentences, with the repair; correct French, the registry's own and a corpus of it,
is never flagged."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import REPO, TESTS
from tests.helpers_validate import edit, make_registry, wal
from walcli.check.rules.mojibake import font_garbled, mojibake
from walcli.io.scan import load_registry

CORPUS = [
    line.strip()
    for line in (TESTS / "fixtures" / "french_corpus.txt").read_text(encoding="utf-8").splitlines()
    if line.strip() and not line.startswith("#")
]

# The English summary of the mini registry's biowin: a text field to put sentences in.
SUMMARY_EN = "  en: The health competitiveness cluster of Wallonia."


@pytest.mark.parametrize(
    ("garbled", "repaired"),
    [
        (
            "Mise en îuvre dôune politique ®conomique",
            "Mise en œuvre d\u2019une politique économique",
        ),
        ("Besoin dôune strat®gie r®gionale", "Besoin d\u2019une stratégie régionale"),
        ("plutôt quô¨une désindustrialisation", "plutôt qu\u2019une désindustrialisation"),
        (
            "ÅAnnonce de lôarr°t de certaines activit®s",
            "• Annonce de l\u2019arrêt de certaines activités",
        ),
        ("Dôautre part, lôemploi", "D\u2019autre part, l\u2019emploi"),
        ("jusquôà la fin", "jusqu\u2019à la fin"),
    ],
)
def test_the_decks_garbling_is_found_and_repaired(garbled: str, repaired: str) -> None:
    found = font_garbled(garbled)
    assert found is not None and found[1] == repaired


def test_a_garbled_sentence_is_a_warning_with_its_repair(tmp_path: Path) -> None:
    root = make_registry(tmp_path)
    sentence = "Mise en îuvre dôune politique ®conomique"
    edit(
        root,
        "data/poles/biowin.yaml",
        "  en: The health competitiveness cluster of Wallonia.",
        f"  en: {json.dumps(sentence)}",
    )
    run = wal("--root", str(root), "validate", "--format", "json")
    assert run.exit_code == 0  # a warning
    (problem,) = json.loads(run.stdout)["problems"]
    assert (problem["code"], problem["severity"], problem["path"]) == (
        "mojibake",
        "warning",
        "/summary/en",
    )
    assert problem["message"] == (
        "text looks garbled by a font mapping (ô for \u2019, ® for é, î for œ): "
        '"Mise en îuvre dôune politique ®conomique" probably means '
        '"Mise en œuvre d\u2019une politique économique"; check it against the source'
    )


def test_the_corpus_is_large_and_varied() -> None:
    text = " ".join(CORPUS)
    assert len(CORPUS) >= 60
    for letter in ("œ", "\u2019", "é", "î", "ô", "«", "»", "°", "®", "ê", "Î", "Œ", "Ô"):
        assert letter in text, letter


@pytest.mark.parametrize("sentence", CORPUS)
def test_correct_french_is_never_garbled(sentence: str) -> None:
    assert font_garbled(sentence) is None


def test_the_registrys_own_text_has_no_mojibake() -> None:
    registry = load_registry(REPO)
    assert [p for record in registry.all() for p in mojibake(record)] == []

"""`wal search`: any fact can be found, with the source it rests on."""

from __future__ import annotations

import json

import pytest

from tests.conftest import REPO, Wal


def test_search_finds_text_in_both_languages_blind_to_accents(wal: Wal) -> None:
    run = wal("search", "genie MECANIQUE", "--format", "json")
    assert (run.exit_code, run.stderr) == (0, "")
    hits = json.loads(run.stdout)
    assert [(h["kind"], h["id"], h["path"]) for h in hits] == [
        ("domains", "mechanical-engineering", "name"),
        ("domains", "mechanical-engineering", "summary"),
        ("poles", "mecatech", "summary"),
    ]
    assert hits[0]["text"] == "Mechanical engineering"  # shown in --lang, matched in both
    assert hits[0]["sources"] == [
        "https://www.crisp.be/2017/10/poles-competitivite-wallons-dix-ans-politique-industrielle/"
    ]


def test_a_hit_carries_the_sources_of_its_own_claim(wal: Wal) -> None:
    run = wal("search", "1600000000", "--format", "tsv")
    assert run.stdout == (
        "kind\tid\tpath\ttext\tsources\n"
        "plans\tmarshall-1\tbudget.1.value\t1600000000\t"
        "https://preprod-shibboleth.cairn.info/revue-courrier-hebdomadaire-du-crisp-2009-25-page-5.htm\n"
    )


def test_nothing_found_exits_1(wal: Wal) -> None:
    run = wal("search", "hydrogène")
    assert (run.exit_code, run.stderr) == (1, "wal: nothing mentions 'hydrogène'\n")


def test_unknown_kind_is_a_usage_error(wal: Wal) -> None:
    run = wal("search", "x", "--kind", "pole")
    assert run.exit_code == 2
    assert run.stderr.startswith("wal: --kind: no kind 'pole'")


# Facts of the fact sheet (not UNCONFIRMED), as a reader would look for them: the words, the
# record that must hold them, and the source URL that must come with the hit.
FACTS = [
    ("BIOtechnologies Wallonia Innovation", "biowin", "http://clusters.wallonie.be/biowin-en/"),
    (
        "Sylvie Ponchaut",
        "biowin",
        "https://ccimag.be/2016/05/04/avec-biowin-la-reconversion-de-la-wallonie-est-en-marche",
    ),
    (
        "Etienne Pourbaix",
        "skywin",
        "http://cide-socran.be/realisation/skywin-cide-socran-connait-bien-les-entreprises-de-sa-region-cest-un-plus/",
    ),
    ("Auguste Piccard", "wagralim", "https://www.wagralim.be/conditions-generales-de-vente/"),
    (
        "Route de Hannut",
        "mecatech",
        "http://www.european-times.com/countries/belgium/mecatech-cluster/",
    ),
    (
        "Bernard Piette",
        "logistics-in-wallonia",
        "https://piekblog.com/fr/la-logistique-ne-se-limite-pas-au-transport-des-produits/",
    ),
    (
        "Alain Lesage",
        "greenwin",
        "https://ccimag.be/2014/04/15/greenwin-au-coeur-du-redeploiement-economique-wallon",
    ),
    ("1100000000", "marshall-1", "https://economie.wallonie.be/content/plan-marshall-2006-2009"),
    ("1600000000", "marshall-1", "https://phd2050.org/tag/vincent-reuter/"),
    ("2009-12-03", "marshall-2-vert", "https://connaitrelawallonie.wallonie.be/node/1398"),
    ("2015-05-29", "marshall-4-0", "https://economie.wallonie.be/content/plan-marshall-40"),
    (
        "Roland Berger",
        "arcelormittal-liege-2013",
        "https://www.lalibre.be/economie/entreprises-startup/2013/04/16/arcelormittal-liege-bientot-fixe-sur-son-sort-celui-de-florange-est-scelle-2HH3ICQFOFFBJFBKTMH3ZE2LMA/",
    ),
    (
        "2016-08-31",
        "caterpillar-gosselies-2016",
        "https://connaitrelawallonie.wallonie.be/node/9441",
    ),
    (
        "Jean-Pierre Hansen",
        "caterpillar-gosselies-2016",
        "https://www.lecho.be/economie-politique/belgique/wallonie/avec-catch-charleroi-fait-le-pari-de-10-000-nouveaux-emplois/9878697.html",
    ),
    (
        "91000000",
        "nlmk-la-louviere-2013",
        "https://www.rtbf.be/info/regions/detail_la-region-wallonne-s-offre-un-droit-de-regard-sur-les-activites-d-nlmk?id=8102185",
    ),
    (
        "1004",
        "carsid-charleroi-2012",
        "http://rtlinfo.be/info/belgique/economie/fin-du-haut-fourneau-de-carsid-les-sous-traitants-moins-menaces-que-prevu-282155.aspx",
    ),
]


@pytest.mark.parametrize(("words", "record", "url"), FACTS)
def test_facts_of_the_fact_sheet_are_found_with_their_source(
    words: str, record: str, url: str
) -> None:
    run = Wal(REPO)("search", words, "--format", "json")
    hits = [h for h in json.loads(run.stdout) if h["id"] == record]
    assert hits, f"{words!r} not found in {record}"
    assert any(url in h["sources"] for h in hits), [h["sources"] for h in hits]

"""French writes the first day of a month as an ordinal: 1er juillet 2006, never 1 juillet
2006 (walcli.i18n.format.date); other days, other languages and coarser dates are Babel's."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import REPO, Wal
from walcli.i18n.format import date


@pytest.mark.parametrize(
    ("value", "long", "short"),
    [
        ("2006-07-01", "1er juillet 2006", "1er juil. 2006"),
        ("2013-01-01", "1er janvier 2013", "1er janv. 2013"),
        ("2006-07-11", "11 juillet 2006", "11 juil. 2006"),
        ("2006-07-21", "21 juillet 2006", "21 juil. 2006"),
        ("2006-07-31", "31 juillet 2006", "31 juil. 2006"),
        ("2006-07", "juillet 2006", "juil. 2006"),
        ("2006", "2006", "2006"),
    ],
)
def test_french_dates(value: str, long: str, short: str) -> None:
    assert (date(value, "fr"), date(value, "fr", short=True)) == (long, short)


@pytest.mark.parametrize(
    ("value", "long", "short"),
    [
        ("2006-07-01", "1 July 2006", "1 Jul 2006"),
        ("2006-07-12", "12 July 2006", "12 Jul 2006"),
    ],
)
def test_english_dates_keep_the_cardinal(value: str, long: str, short: str) -> None:
    assert (date(value, "en"), date(value, "en", short=True)) == (long, short)


def test_a_record_view_in_french_reads_1er() -> None:
    out = Wal(REPO)("poles", "show", "biowin", "--lang", "fr").stdout
    assert "1er juillet 2006" in out
    assert " 1 juillet 2006" not in out
    english = Wal(REPO)("poles", "show", "biowin", "--lang", "en").stdout
    assert "1 July 2006" in english


@pytest.mark.parametrize("lang", ["fr", "en"])
@pytest.mark.parametrize("value", ["2006-02-30", "2011-04-31", "2013-02-29"])
def test_a_date_shape_that_is_no_calendar_date_is_shown_as_written(value: str, lang: str) -> None:
    """The bad-date rule reports these; showing them must not fail (a fresh-seed run of
    tests/test_trust_robustness.py found 2006-02-30 raising from the record view)."""
    assert date(value, lang) == value
    assert date(value, lang, short=True) == value


def test_show_of_a_record_with_a_day_that_does_not_exist(mini: Path, wal: Wal) -> None:
    path = mini / "data" / "poles" / "biowin.yaml"
    path.write_text(path.read_text().replace("  - value: 2006-07", "  - value: 2006-02-30"))
    run = wal("poles", "show", "biowin", "--lang", "fr")
    assert run.exit_code == 0, run.stderr
    assert "2006-02-30" in run.stdout

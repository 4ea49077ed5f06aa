"""French writes the first day of a month as an ordinal: 1er juillet 2006, never 1 juillet
2006 (walcli.i18n.format.date); other days, other languages and coarser dates are Babel's."""

from __future__ import annotations

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

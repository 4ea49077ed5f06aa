"""Locale formatting for human outputs (machine formats keep raw values): money, numbers,
percentages and dates at their precision, with Babel. Babel is imported on first use, and
only the locale in use is loaded."""

from __future__ import annotations

import datetime
from functools import cache
from typing import Any

from walcli.core.dates import span

LOCALES = {"fr": "fr_BE", "en": "en_GB"}


@cache
def _locale(lang: str) -> Any:
    from babel import Locale

    return Locale.parse(LOCALES.get(lang, "en_GB"))


def number(value: float, lang: str) -> str:
    """115 000 / 115,000; decimals kept as given (2.5 stays 2.5)."""
    from babel.numbers import format_decimal

    return str(format_decimal(value, locale=_locale(lang)))


def percent(value: float, lang: str) -> str:
    """A percentage given as a number of percent (85 -> 85 % / 85%)."""
    from babel.numbers import format_percent

    return str(format_percent(value / 100, locale=_locale(lang), decimal_quantization=False))


def money(euros: float, lang: str, *, compact: bool = False) -> str:
    """1,1 milliard € / €1.1 billion; compact (for tables): 1,1 Md € / €1.1bn. Amounts below a
    million are written in full (280 000 € / €280,000)."""
    from babel.numbers import format_compact_currency, format_compact_decimal

    locale = _locale(lang)
    if abs(euros) < 1_000_000:
        full = number(euros, lang)
        return f"{full} €" if lang == "fr" else f"€{full}"
    if compact:
        return str(format_compact_currency(euros, "EUR", locale=locale, fraction_digits=2))
    amount = str(
        format_compact_decimal(euros, format_type="long", locale=locale, fraction_digits=2)
    )
    return f"{amount} €" if lang == "fr" else f"€{amount}"


def date(value: Any, lang: str, *, short: bool = False) -> str:
    """A date at its precision: 2006 / juillet 2006 / 12 juillet 2006 (July 2006, 12 July
    2006), the first of a month 1er juillet 2006 in French; short (for tables): juil. 2006 /
    12 juil. 2006. Text that is not a date is returned as it is."""
    found = span(value)
    if found is None:
        return str(value)
    from babel.dates import format_date, format_skeleton

    year, month, day = found.first
    if found.precision == 1:
        return str(year)
    locale = _locale(lang)
    if found.precision == 2:
        skeleton = "yMMM" if short else "yMMMM"
        return str(format_skeleton(skeleton, datetime.date(year, month, 1), locale=locale))
    try:
        when = datetime.date(year, month, day)
    except ValueError:  # 2006-02-30 has a date's shape but is none (the bad-date rule says so)
        return str(value)
    if short:
        text = format_skeleton("yMMMd", when, locale=locale)
    else:
        text = format_date(when, format="long", locale=locale)
    return _first_of_month(str(text), day, lang)


def _first_of_month(text: str, day: int, lang: str) -> str:
    """French writes the first day of a month as an ordinal, 1er juillet 2006 (1er juil.
    2006), where Babel gives the cardinal (CLDR patterns hold no ordinal day)."""
    if day == 1 and lang == "fr" and text.startswith("1 "):
        return "1er" + text[1:]
    return text


def plural_form(value: float, lang: str) -> str:
    """The CLDR plural category of a number in lang: 'one' or 'other' (what our units use)."""
    form = str(_locale(lang).plural_form(abs(value)))
    return "one" if form == "one" else "other"


def amount(value: float, unit: str | None, lang: str, *, compact: bool = False) -> str:
    """A number in its unit: €1.1 billion, 85%, 115,000 people, 25 (a bare count)."""
    from walcli.i18n.catalog import has, t

    if unit == "euros":
        return money(value, lang, compact=compact)
    if unit == "percent":
        return percent(value, lang)
    shown = number(value, lang)
    key = f"common.unit.{unit}.{plural_form(value, lang)}"
    return t(key, lang, n=shown) if unit and has(key) else shown


def quantity(
    value: float,
    unit: str | None,
    lang: str,
    *,
    upper: float | None = None,
    qualifier: str | None = None,
    compact: bool = False,
) -> str:
    """A figure as a sentence would give it: 'more than 115,000 people', 'about 700-750 jobs',
    'plus de 115 000 personnes'. `upper` is the top of a range; `exact` adds no word."""
    from walcli.i18n.catalog import has, t

    if upper is not None and upper != value:
        low = number(value, lang) if unit not in ("euros", "percent") else None
        text = t(
            "common.range",
            lang,
            low=low if low is not None else amount(value, unit, lang, compact=compact),
            high=amount(upper, unit, lang, compact=compact),
        )
    else:
        text = amount(value, unit, lang, compact=compact)
    if qualifier and qualifier != "exact" and has(f"value.{qualifier}"):
        text = t("common.qualified", lang, qualifier=t(f"value.{qualifier}", lang), value=text)
    return text

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


def date(value: Any, lang: str) -> str:
    """A date at its precision: 2006 / juillet 2006 / 12 juillet 2006 (July 2006, 12 July
    2006). Text that is not a date is returned as it is."""
    found = span(value)
    if found is None:
        return str(value)
    from babel.dates import format_date, format_skeleton

    year, month, day = found.first
    if found.precision == 1:
        return str(year)
    if found.precision == 2:
        return str(format_skeleton("yMMMM", datetime.date(year, month, 1), locale=_locale(lang)))
    return str(format_date(datetime.date(year, month, day), format="long", locale=_locale(lang)))

"""Suggestions for a mistyped id, field, code or option value."""

from __future__ import annotations

import difflib
import functools
from collections.abc import Iterable


def suggest(value: str, choices: Iterable[str], n: int = 3) -> list[str]:
    """Close matches among choices, best first."""
    if isinstance(choices, frozenset):  # a registry's ids: many references may miss alike
        return list(_suggest_among(value, choices, n))
    return difflib.get_close_matches(value, sorted(choices), n=n, cutoff=0.5)


@functools.lru_cache(maxsize=256)
def _suggest_among(value: str, choices: frozenset[str], n: int) -> tuple[str, ...]:
    """Remembered: with 20,000 ids one look-up takes a tenth of a second, and a deleted
    record leaves every record that named it with the same unknown id."""
    return tuple(difflib.get_close_matches(value, sorted(choices), n=n, cutoff=0.5))


def did_you_mean(value: str, choices: Iterable[str]) -> str:
    close = suggest(value, choices)
    return f"; did you mean {', '.join(close)}?" if close else ""

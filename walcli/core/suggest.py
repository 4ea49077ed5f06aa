"""Suggestions for a mistyped id, field, code or option value: the one helper.

What a person types is compared without case or accents. Suggested first are the choices
that start with it (`arcelor` -> arcelormittal-liege-2011, arcelormittal-liege-2013), then
those that contain it (`liege`), then close spellings (`biowinn` -> biowin).
"""

from __future__ import annotations

import difflib
import functools
from collections.abc import Iterable
from typing import TYPE_CHECKING

from walcli.core.text import fold

if TYPE_CHECKING:
    from walcli.i18n.catalog import Msg

MAX_SUGGESTIONS = 5
CLOSE = 3


def suggest(value: str, choices: Iterable[str], n: int = CLOSE) -> list[str]:
    """Choices that start with value, then those that contain it, then close matches."""
    if not isinstance(choices, frozenset):
        choices = frozenset(choices)
    return list(_suggest_among(value, choices, n))


@functools.lru_cache(maxsize=256)
def _suggest_among(value: str, choices: frozenset[str], n: int) -> tuple[str, ...]:
    """Remembered: with 20,000 ids one look-up takes a tenth of a second, and a deleted
    record leaves every record that named it with the same unknown id."""
    wanted = fold(value.strip())
    if not wanted:
        return ()
    ordered = sorted(choices)
    folded = {choice: fold(choice) for choice in ordered}
    starts = [c for c in ordered if folded[c].startswith(wanted) and folded[c] != wanted]
    inside = [c for c in ordered if wanted in folded[c] and c not in starts]
    by_fold: dict[str, str] = {}
    for choice in ordered:
        by_fold.setdefault(folded[choice], choice)
    close = [by_fold[f] for f in difflib.get_close_matches(wanted, list(by_fold), n=n, cutoff=0.5)]
    found = list(dict.fromkeys([*starts, *inside, *close]))
    return tuple(found[:MAX_SUGGESTIONS])


def same(value: str, choices: Iterable[str]) -> str | None:
    """The choice equal to value without case or accents (`BIOWIN` -> biowin), if only one."""
    wanted = fold(value.strip())
    found = [choice for choice in choices if fold(choice) == wanted]
    return found[0] if len(found) == 1 else None


def did_you_mean(value: str, choices: Iterable[str]) -> str:
    close = suggest(value, choices)
    return f"; did you mean {', '.join(close)}?" if close else ""


def hint(value: str, choices: Iterable[str]) -> Msg | None:
    """'did you mean a, b?' in the reader's language, or None when nothing is close."""
    from walcli.i18n.catalog import msg

    close = suggest(value, choices)
    return msg("errors.did_you_mean", choices=", ".join(close)) if close else None


def with_hint(message: Msg, value: str, choices: Iterable[str]) -> Msg:
    """message, followed by '; did you mean ...?' when some choices are close to value."""
    from walcli.i18n.catalog import msg

    found = hint(value, choices)
    return msg("errors.with_hint", message=message, hint=found) if found else message


def suffix(value: str, choices: Iterable[str]) -> Msg | str:
    """'; did you mean a, b?' to end a problem's message, or nothing."""
    from walcli.i18n.catalog import msg

    close = suggest(value, choices)
    return msg("rules.did_you_mean", choices=", ".join(close)) if close else ""

"""Text that was mis-decoded on its way into the record (mojibake), found by ftfy and
charset-normalizer."""

from __future__ import annotations

import json
import re
from typing import TYPE_CHECKING

from walcli.check.rules._rule import RecordRule
from walcli.core.claims import walk
from walcli.core.problems import Code, Problem, W
from walcli.i18n.catalog import msg

if TYPE_CHECKING:
    from walcli.core.registry import Record

CODE = Code(
    "mojibake",
    W,
    "Text looks mis-decoded (mojibake): UTF-8 read as another encoding, like 'Ã©' for 'é' (found by ftfy), or garbled by a font mapping, like the seed deck's 'dôune' for 'd\u2019une'.",
    "Replace the text with the repair the message suggests, or copy it again from the source as UTF-8.",
)

_EXCERPT = 40


def _excerpt(text: str, at: int) -> str:
    start = max(0, at - _EXCERPT // 2)
    piece = text[start : start + _EXCERPT]
    return ("…" if start else "") + piece + ("…" if start + _EXCERPT < len(text) else "")


def _first_difference(a: str, b: str) -> int:
    for index, (x, y) in enumerate(zip(a, b, strict=False)):
        if x != y:
            return index
    return min(len(a), len(b))


# The seed deck's font mapping, inside otherwise ordinary French: the apostrophe (U+2019)
# came out as ô (dôune, lôindustrie, quôil), é as ® (®conomique), œ as î (îuvre), ê as °
# (arr°t), a bullet as Å (ÅPr®servation), and a stray ¨. Each pattern needs a context correct French never has: an
# elided article or pronoun before ô and a vowel after it (dôme, tôt, côte do not qualify),
# a letter right after ®, u right after î, letters on both sides of °, a capitalised word
# right after Å.
_LETTER = "A-Za-zÀ-ÖØ-öø-ÿŒœ"
_ELIDED = r"(?:[dDlLmMnNsStTcCjJ]|[qQ]u|[jJ]usqu|[lL]orsqu|[pP]uisqu|[qQ]uelqu)"
_FONT_GARBLE = re.compile(
    rf"(?<![{_LETTER}]){_ELIDED}(?P<apostrophe>ô)(?=[aeiouyhAEIOUYHàâäéèêëîïôöûüœÉÈ®¨])"
    rf"|(?P<e_acute>®)(?=[a-zà-öø-ÿ])"
    r"|(?P<oe>î)(?=u)"
    rf"|(?<=[a-zà-öø-ÿ][a-zà-öø-ÿ])(?P<e_circumflex>°)(?=[a-zà-öø-ÿ])"
    rf"|(?P<diaeresis>¨)(?=[{_LETTER}])|(?<=[{_LETTER}])(?P<diaeresis_after>¨)"
    rf"|(?P<bullet>Å)(?=[A-ZÀ-Ö][a-zà-ÿ])"
)
_REPAIR = {
    "apostrophe": "\u2019",
    "e_acute": "é",
    "oe": "œ",
    "e_circumflex": "ê",
    "diaeresis": "",
    "diaeresis_after": "",
    "bullet": "• ",
}


def _unfont(match: re.Match[str]) -> str:
    group = match.lastgroup or ""
    start = match.start(group) - match.start()
    return match.group()[:start] + _REPAIR[group] + match.group()[start + 1 :]


def font_garbled(text: str) -> tuple[int, str] | None:
    """Where text shows the seed deck's font garbling first, and the text repaired."""
    found = _FONT_GARBLE.search(text)
    if found is None:
        return None
    return found.start(), _FONT_GARBLE.sub(_unfont, text)


MESS_THRESHOLD = 0.2


# Below this length the mess ratio swings on a single symbol ("W+B n° 147").
MESS_MIN_LENGTH = 16


def _messy(text: str) -> bool:
    from charset_normalizer.md import mess_ratio

    return len(text) >= MESS_MIN_LENGTH and mess_ratio(text, MESS_THRESHOLD) >= MESS_THRESHOLD


def mojibake(record: Record) -> list[Problem]:
    """Text that ftfy's heuristic finds mis-decoded, with ftfy's repair as the suggested fix.

    Only ftfy's own judgement counts (ftfy.badness.is_bad, then ftfy.fix_encoding for the
    repair): accents, typographic quotes and euro signs of correct French text pass.
    """
    from ftfy import fix_encoding
    from ftfy.badness import is_bad

    problems = []
    for path, text in ((p, t) for p, t in walk(record.data) if isinstance(t, str)):
        if text.isascii():
            continue
        fixed = fix_encoding(text) if is_bad(text) else text
        garbled = font_garbled(text) if fixed == text else None
        if garbled is not None:
            at, repaired = garbled
            problems.append(
                record.problem(
                    path,
                    CODE,
                    "text looks garbled by a font mapping (ô for \u2019, ® for é, î for œ): "
                    f"{json.dumps(_excerpt(text, at), ensure_ascii=False)} probably means "
                    f"{json.dumps(_excerpt(repaired, at), ensure_ascii=False)}; "
                    "check it against the source",
                )
            )
            continue
        if fixed == text:
            # ftfy knows no repair; charset-normalizer's mess detector still catches text
            # garbled by a wrong font mapping (letters of several scripts run together).
            if _messy(text):
                problems.append(
                    record.problem(
                        path,
                        CODE,
                        msg(
                            "rules.garbled",
                            excerpt=json.dumps(_excerpt(text, 0), ensure_ascii=False),
                        ),
                    )
                )
            continue
        at = _first_difference(text, fixed)
        problems.append(
            record.problem(
                path,
                CODE,
                msg(
                    "rules.mis_decoded",
                    excerpt=json.dumps(_excerpt(text, at), ensure_ascii=False),
                    fixed=json.dumps(_excerpt(fixed, at), ensure_ascii=False),
                ),
            )
        )
    return problems


RULE = RecordRule((CODE,), mojibake, "name:\n  fr: GÃ©nie mÃ©canique")

"""Text that was mis-decoded on its way into the record (mojibake), found by ftfy and
charset-normalizer."""

from __future__ import annotations

import json
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
    "Text looks mis-decoded (mojibake): UTF-8 read as another encoding, like 'Ã©' for 'é' (found by ftfy).",
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

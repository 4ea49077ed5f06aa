"""Hazards that pass the schema: numbers YAML 1.1 reads differently than written, and text that
was mis-decoded on its way into the record (mojibake, detected by ftfy)."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from walcli.loader import JsonPath
from walcli.rules import walk

if TYPE_CHECKING:
    from walcli.model import Record
    from walcli.problems import Problem

# Integers YAML 1.1 reads in another base than the decimal a reader sees: 010 (octal 8),
# 0x10, 0b10, and the base-60 12:30 (750). Underscores and a sign are allowed by YAML 1.1.
_OTHER_BASE = re.compile(
    r"^[-+]?(0[0-7_]+|0x[0-9a-fA-F_]+|0b[01_]+|[0-9][0-9_]*(:[0-5]?[0-9])+(\.[0-9_]*)?)$"
)
_EXCERPT = 40


def _explain(raw: str, value: int | float) -> str:
    digits = raw.lstrip("+-").replace("_", "")
    quoted = raw.replace("'", "''")
    if ":" in digits:
        return (
            f"unquoted {raw} is read by YAML 1.1 as the base-60 number {value}; "
            f"if you mean a time or a ratio, quote it: '{quoted}'"
        )
    if digits.startswith(("0x", "0b")):
        base = "hexadecimal" if digits.startswith("0x") else "binary"
        return (
            f"unquoted {raw} is read by YAML as the {base} number {value}; write {value} "
            f"in decimals, or quote it if you mean text: '{quoted}'"
        )
    decimal = int(raw.replace("_", ""), 10)
    return (
        f"unquoted {raw} is read by YAML 1.1 as the octal number {value}, not {decimal}; "
        f"write {decimal} without the leading zero, or quote it if you mean text: '{quoted}'"
    )


def implicit_numbers(record: Record, reported: set[JsonPath]) -> list[Problem]:
    """Unquoted numbers read in another base (010 is 8), even where the schema takes a number."""
    problems = []
    for path, raw in sorted(record.doc.implicit.items(), key=lambda item: str(item[0])):
        if path in reported or not _OTHER_BASE.match(raw):
            continue
        value = _value_at(record.data, path)
        if isinstance(value, bool) or not isinstance(value, int | float):
            continue
        problems.append(record.problem(path, "yaml-implicit-type", _explain(raw, value)))
    return problems


def _value_at(data: Any, path: JsonPath) -> Any:
    for part in path:
        try:
            data = data[part]
        except (KeyError, IndexError, TypeError):
            return None
    return data


def _strings(value: Any) -> Iterator[tuple[JsonPath, str]]:
    return ((path, item) for path, item in walk(value) if isinstance(item, str))


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
    for path, text in _strings(record.data):
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
                        "mojibake",
                        f"text looks garbled: {json.dumps(_excerpt(text, 0), ensure_ascii=False)}; "
                        "check it against the source",
                    )
                )
            continue
        at = _first_difference(text, fixed)
        problems.append(
            record.problem(
                path,
                "mojibake",
                f"text looks mis-decoded: {json.dumps(_excerpt(text, at), ensure_ascii=False)} "
                f"probably means {json.dumps(_excerpt(fixed, at), ensure_ascii=False)}",
            )
        )
    return problems

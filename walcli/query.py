"""Select and order records: filters, --where expressions, accent- and case-blind matching."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from walcli.errors import UsageError
from walcli.kinds import Filter, Match
from walcli.model import Record, did_you_mean

LANGS = ("fr", "en")


@lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """Case- and accent-blind form: 'Génie' and 'genie' fold alike."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def is_text(value: Any) -> bool:
    """A bilingual text: a mapping whose keys are languages."""
    return isinstance(value, dict) and bool(value) and all(key in LANGS for key in value)


def leaves(value: Any) -> Iterator[Any]:
    """The scalar values under a value: list items, claim values, both languages of a text."""
    if isinstance(value, list):
        for item in value:
            yield from leaves(item)
    elif isinstance(value, dict):
        if "value" in value:
            yield from leaves(value["value"])
        elif is_text(value):
            yield from value.values()
        else:
            for item in value.values():
                yield from leaves(item)
    elif value is not None:
        yield value


def lookup(data: Any, dotted: str) -> list[Any]:
    """The values a dotted path reaches; lists are crossed (poles.0 or poles both work)."""
    current: list[Any] = [data]
    for part in dotted.split("."):
        following: list[Any] = []
        for value in current:
            following.extend(_step(value, part))
        current = following
    return current


def _step(value: Any, part: str) -> list[Any]:
    if isinstance(value, dict):
        return [value[part]] if part in value else []
    if isinstance(value, list):
        if part.isdigit():
            return [value[int(part)]] if int(part) < len(value) else []
        return [found for item in value for found in _step(item, part)]
    return []


def scalars(data: Any, dotted: str) -> list[Any]:
    return [leaf for value in lookup(data, dotted) for leaf in leaves(value)]


def year_of(value: Any) -> int | None:
    match = re.match(r"^(\d{4})", str(value))
    return int(match.group(1)) if match else None


# -- filters -------------------------------------------------------------------------------


def _ref_or_exact(values: list[Any], wanted: str) -> bool:
    return any(fold(str(v)) == fold(wanted) for v in values)


def _text(values: list[Any], wanted: str) -> bool:
    return any(fold(wanted) in fold(str(v)) for v in values)


def _year(values: list[Any], wanted: str) -> bool:
    return any(year_of(v) == int(wanted) for v in values)


def _active(record: Record, spec: Filter, year: int) -> bool:
    starts = [y for v in scalars(record.data, spec.paths[0]) if (y := year_of(v)) is not None]
    if not starts or min(starts) > year:
        return False
    if len(spec.paths) < 2 or not spec.paths[1]:
        return True
    ends = [y for v in scalars(record.data, spec.paths[1]) if (y := year_of(v)) is not None]
    return not ends or max(ends) >= year


def matches(record: Record, spec: Filter, wanted: str) -> bool:
    if spec.match is Match.ACTIVE:
        return _active(record, spec, int(wanted))
    values = [v for path in spec.paths for v in scalars(record.data, path)]
    test: Callable[[list[Any], str], bool] = {
        Match.REF: _ref_or_exact,
        Match.EXACT: _ref_or_exact,
        Match.TEXT: _text,
        Match.YEAR: _year,
    }[spec.match]
    return test(values, wanted)


def check_year(option: str, value: str) -> str:
    if not re.fullmatch(r"\d{4}", value.strip()):
        raise UsageError(f"--{option}: expected a year such as 2013, got {value!r}")
    return value.strip()


# -- --where ----------------------------------------------------------------------------------

_WHERE = re.compile(r"^\s*([A-Za-z0-9_.-]+)\s*(!=|<=|>=|=|~|<|>)\s*(.*?)\s*$", re.DOTALL)


@dataclass(frozen=True)
class Where:
    path: str
    op: str
    value: str

    @classmethod
    def parse(cls, text: str) -> Where:
        found = _WHERE.match(text)
        if found is None:
            raise UsageError(
                f"--where {text!r}: expected PATH OP VALUE, with OP one of = != ~ < > <= >= "
                "(e.g. --where 'domain=biotech')"
            )
        return cls(*found.groups())

    def test(self, record: Record) -> bool:
        values = scalars(record.data, self.path)
        if self.op == "!=":
            return not any(_equal(v, self.value) for v in values)
        if self.op == "=":
            return any(_equal(v, self.value) for v in values)
        if self.op == "~":
            return _text(values, self.value)
        return any(_compare(v, self.value, self.op) for v in values)


def _number(value: Any) -> float | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        return float(value)
    try:
        return float(str(value))
    except ValueError:
        return None


def _equal(value: Any, wanted: str) -> bool:
    left, right = _number(value), _number(wanted)
    if left is not None and right is not None:
        return left == right
    return fold(str(value)) == fold(wanted)


def _compare(value: Any, wanted: str, op: str) -> bool:
    left_n, right_n = _number(value), _number(wanted)
    left: Any = left_n if left_n is not None and right_n is not None else fold(str(value))
    right: Any = right_n if left_n is not None and right_n is not None else fold(wanted)
    result: bool = {"<": left < right, ">": left > right, "<=": left <= right, ">=": left >= right}[
        op
    ]
    return result


# -- sorting and columns ----------------------------------------------------------------------


def known_paths(records: list[Record]) -> set[str]:
    """Every dotted path present in some record (list indexes dropped)."""
    found: set[str] = set()

    def visit(value: Any, prefix: str) -> None:
        if prefix:
            found.add(prefix)
        if isinstance(value, dict) and not is_text(value):
            for key, item in value.items():
                visit(item, f"{prefix}.{key}" if prefix else key)
        elif isinstance(value, list):
            for item in value:
                visit(item, prefix)

    for record in records:
        visit(record.data, "")
    return found


def check_paths(paths: list[str], records: list[Record], option: str) -> None:
    if not records:
        return
    known = known_paths(records)
    for path in paths:
        if path not in known:
            raise UsageError(
                f"{option}: no field {path!r} in these records{did_you_mean(path, known)}"
            )


def sort_records(records: list[Record], spec: str | None) -> list[Record]:
    ordered = sorted(records, key=lambda r: r.id)
    if not spec:
        return ordered
    descending = spec.startswith("-")
    path = spec.lstrip("-")

    def key(record: Record) -> tuple[int, float, str]:
        values = scalars(record.data, path)
        if not values:
            return (1, 0.0, "")
        number = _number(values[0])
        return (0, number if number is not None else 0.0, fold(str(values[0])))

    present = [r for r in ordered if scalars(r.data, path)]
    missing = [r for r in ordered if not scalars(r.data, path)]
    return sorted(present, key=key, reverse=descending) + missing


def select(records: list[Record], tests: list[Callable[[Record], bool]]) -> list[Record]:
    return [record for record in records if all(test(record) for test in tests)]

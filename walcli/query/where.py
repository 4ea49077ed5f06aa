"""`--where PATH OP VALUE`, `--sort FIELD` and the check that a path names a field."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from walcli.core.dates import sort_key as date_key
from walcli.core.errors import UsageError
from walcli.core.registry import Record
from walcli.core.suggest import with_hint
from walcli.core.text import fold
from walcli.i18n.catalog import msg
from walcli.query.values import known_paths, scalars

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
            raise UsageError(msg("errors.where", text=text))
        return cls(*found.groups())

    def test(self, record: Record) -> bool:
        values = scalars(record.data, self.path)
        if self.op == "!=":
            return not any(_equal(v, self.value) for v in values)
        if self.op == "=":
            return any(_equal(v, self.value) for v in values)
        if self.op == "~":
            return any(fold(self.value) in fold(str(v)) for v in values)
        return any(_compare(v, self.value, self.op) for v in values)


def number(value: Any) -> float | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        return float(value)
    try:
        return float(str(value))
    except (ValueError, OverflowError):
        return None


def _equal(value: Any, wanted: str) -> bool:
    left, right = number(value), number(wanted)
    if left is not None and right is not None:
        return left == right
    return fold(str(value)) == fold(wanted)


def _compare(value: Any, wanted: str, op: str) -> bool:
    left_n, right_n = number(value), number(wanted)
    left: Any = left_n if left_n is not None and right_n is not None else fold(str(value))
    right: Any = right_n if left_n is not None and right_n is not None else fold(wanted)
    result: bool = {"<": left < right, ">": left > right, "<=": left <= right, ">=": left >= right}[
        op
    ]
    return result


def check_paths(
    paths: list[str],
    records: list[Record],
    option: str,
    declared: Callable[[], set[str]] | None = None,
) -> None:
    """Each path names a field some record has, or one the schema declares (`declared`,
    asked only when a path is in no record: it reads the schemas)."""
    if not records:
        return
    known = known_paths([record.data for record in records])
    for path in paths:
        if path not in known and declared is not None:
            known |= declared()
            declared = None
        if path not in known:
            message = msg("errors.no_field", option=option, path=path)
            raise UsageError(with_hint(message, path, known))


def _sort_key(values: list[Any]) -> Any:
    """How a column of values orders: by date when every value is a date and one at least is
    written as text (2013 before 2013-05 before 2016); else numbers by value; else text."""
    if any(isinstance(v, str) for v in values) and all(date_key(v) for v in values):
        return lambda v: date_key(v)
    if all(number(v) is not None for v in values):
        return lambda v: number(v)
    return lambda v: (number(v) is None, number(v) or 0.0, fold(str(v)))


def sort_records(records: list[Record], spec: str | None) -> list[Record]:
    ordered = sorted(records, key=lambda r: r.id)
    if not spec:
        return ordered
    descending = spec.startswith("-")
    path = spec.lstrip("-")
    present = [(r, values[0]) for r in ordered if (values := scalars(r.data, path))]
    missing = [r for r in ordered if not scalars(r.data, path)]
    key = _sort_key([value for _, value in present])
    present.sort(key=lambda item: key(item[1]), reverse=descending)
    return [r for r, _ in present] + missing

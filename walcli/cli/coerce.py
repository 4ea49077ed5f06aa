"""Parameter values that need no coercion are taken as they are, without pydantic.

Recent typer coerces every parameter's value through a pydantic TypeAdapter, built on first
use; the first one imports pydantic, about a third of `wal poles list` once the rest was
trimmed (typer's own --help option pays it in any typer app). Nearly all of wal's
parameters are text, flags and lists of text, and what arrives for them from the command line
is already that: a str, a bool, a tuple of str, or nothing. For those values the adapter
returns what it was given (the list as a list); every other value, and every other type of
parameter (numbers, paths), goes to typer's own coercion, unchanged. tests/test_coerce.py
holds the shortcut to typer's answers.

This reaches into typer (`_TyperParameter._runtime_param`, which typer's get_runtime_param
fills on first use); with a typer that has no such attribute (an older one coerces through
click), nothing changes.
"""

from __future__ import annotations

from typing import Any


class _AsGiven:
    """Coercion of one text, flag or list-of-text parameter: values of the parameter's own
    type as given; anything else by typer's own coercion, built when first needed."""

    __slots__ = ("annotation", "full", "multiple")

    def __init__(self, annotation: Any, multiple: bool) -> None:
        self.annotation = annotation
        self.multiple = multiple
        self.full: Any = None

    def coerce(self, value: Any, param: Any, ctx: Any) -> Any:
        if self.multiple:
            if value is None:
                return ()
            if isinstance(value, list | tuple) and all(type(item) is str for item in value):
                return list(value)
        elif value is None or type(value) is self.annotation:
            return value
        return self._full(param).coerce(value, param=param, ctx=ctx)

    def _full(self, param: Any) -> Any:
        if self.full is None:  # typer builds its own, as it would have without us
            param._runtime_param = None
            try:
                self.full = param.get_runtime_param()
            finally:
                param._runtime_param = self
        return self.full


def _plain(param: Any) -> _AsGiven | None:
    """The shortcut for a parameter whose values it can take as given, else None."""
    descriptor: Any = getattr(param, "type_descriptor", None)
    info = getattr(descriptor, "parameter_info", None)
    if descriptor is None or info is None or getattr(info, "parser", None) is not None:
        return None
    if getattr(info, "click_type", None) is not None or descriptor.file_annotation is not None:
        return None
    multiple = bool(param.multiple) or param.nargs == -1
    if multiple:
        return _AsGiven(list[str], True) if descriptor.annotation == list[str] else None
    if param.nargs == 1 and descriptor.annotation in (str, bool):
        return _AsGiven(descriptor.annotation, False)
    return None


def take_as_given(params: list[Any]) -> None:
    """Give each text, flag or list-of-text parameter typer has not coerced yet the shortcut."""
    for param in params:
        if getattr(param, "_runtime_param", False) is None:
            param._runtime_param = _plain(param)

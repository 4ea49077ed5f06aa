"""The message catalog: every string a person reads, by key, in every language.

Messages live in `walcli/i18n/messages/<area>.py`, one module per area of the tool, each a
dict `MESSAGES = {key: {"en": ..., "fr": ...}}` with `str.format` fields (`{count}`). A key
starts with its area (`validate.summary` lives in `messages/validate.py`), so `t` imports only
the areas a command uses, the first time it needs them. A test fails when an entry lacks a
language, uses different fields in its languages, or sits in the wrong area.

`Msg` is a message not yet rendered: the library raises errors with one, and the CLI's
boundary renders it in the language of the run (English when rendered without one).
"""

from __future__ import annotations

import importlib
from collections.abc import Mapping
from functools import cache
from typing import Any

from walcli.core.text import LANGS

PACKAGE = "walcli.i18n.messages"


@cache
def area(name: str) -> Mapping[str, Mapping[str, str]]:
    """The messages of one area (imported on first use)."""
    try:
        module = importlib.import_module(f"{PACKAGE}.{name}")
    except ModuleNotFoundError:
        return {}
    found: Mapping[str, Mapping[str, str]] = module.MESSAGES
    return found


def areas() -> list[str]:
    import pkgutil

    from walcli.i18n import messages as package

    return sorted(info.name for info in pkgutil.iter_modules(package.__path__))


def messages() -> dict[str, Mapping[str, str]]:
    """Every message of every area (for tests and docs)."""
    return {key: texts for name in areas() for key, texts in area(name).items()}


def has(key: str) -> bool:
    return key in area(key.partition(".")[0])


def lang_of(lang: str) -> str:
    return lang if lang in LANGS else "en"


def t(key: str, lang: str, /, **fields: Any) -> str:
    """The message for key in lang (English when lang is not one of ours), fields filled;
    a field that is a Msg is rendered in the same language."""
    texts = area(key.partition(".")[0])[key]
    template = texts.get(lang_of(lang)) or texts["en"]
    if not fields:
        return template
    return template.format(**{name: render(value, lang) for name, value in fields.items()})


def render(value: Any, lang: str) -> Any:
    if isinstance(value, Msg):
        return value.render(lang)
    return value


def maybe(key: str, lang: str, default: str) -> str:
    """The message for key when the catalog has one, else default (for keys built from data:
    a field or a value the catalog may not know yet)."""
    return t(key, lang) if has(key) else default


class Msg:
    """A message to render later, in the language of whoever reads it. `english`, when
    given, is the English text as another library worded it (jsonschema's messages): it is
    kept as it is, and the catalog gives the other languages."""

    __slots__ = ("english", "fields", "key")

    def __init__(
        self, key: str, fields: Mapping[str, Any] | None = None, english: str | None = None
    ) -> None:
        self.key = key
        self.fields: Mapping[str, Any] = fields or {}
        self.english = english

    def render(self, lang: str) -> str:
        if self.english is not None and lang_of(lang) == "en":
            return self.english
        return t(self.key, lang, **self.fields)

    def __str__(self) -> str:
        return self.render("en")

    def __repr__(self) -> str:
        return f"Msg({self.key!r}, {dict(self.fields)!r})"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Msg) and (self.key, dict(self.fields), self.english) == (
            other.key,
            dict(other.fields),
            other.english,
        )

    __hash__ = None  # type: ignore[assignment]


def msg(key: str, /, *, english: str | None = None, **fields: Any) -> Msg:
    return Msg(key, fields, english)


def words(items: list[str], lang: str) -> str:
    """a, b and c / a, b et c."""
    if len(items) < 2:
        return "".join(items)
    return t("common.and", lang, head=", ".join(items[:-1]), last=items[-1])

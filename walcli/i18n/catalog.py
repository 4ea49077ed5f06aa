"""The message catalog: every string a person reads, by key, in every language.

Messages live in `walcli/i18n/messages/<area>.py`, one module per area of the tool, each a
dict `MESSAGES = {key: {"en": ..., "fr": ...}}` with `str.format` fields (`{count}`). Keys are
dotted and start with their area (`validate.summary`). A test fails when an entry lacks a
language, uses different fields in its languages, or a key is defined twice.
"""

from __future__ import annotations

import importlib
import pkgutil
from functools import cache
from typing import Any

from walcli.core.text import LANGS


@cache
def messages() -> dict[str, dict[str, str]]:
    """Every message of every area (read once, on first use)."""
    from walcli.i18n import messages as package

    found: dict[str, dict[str, str]] = {}
    for info in sorted(pkgutil.iter_modules(package.__path__), key=lambda i: i.name):
        module = importlib.import_module(f"{package.__name__}.{info.name}")
        for key, texts in module.MESSAGES.items():
            if key in found:
                raise ValueError(f"message {key!r} is defined twice")
            found[key] = texts
    return found


def t(key: str, lang: str, /, **fields: Any) -> str:
    """The message for key in lang (English when lang is not one of ours), fields filled."""
    texts = messages()[key]
    template = texts.get(lang if lang in LANGS else "en") or texts["en"]
    return template.format(**fields) if fields else template

"""Bilingual text: a mapping of languages to strings, read in one language, compared without
case or accents."""

from __future__ import annotations

import unicodedata
from functools import lru_cache
from typing import Any

LANGS = ("fr", "en")


def is_text(value: Any) -> bool:
    """A bilingual text: a mapping whose keys are languages."""
    return isinstance(value, dict) and bool(value) and all(key in LANGS for key in value)


def localize(value: Any, lang: str) -> Any:
    """The value with every bilingual text reduced to one language (the other as fallback)."""
    if is_text(value):
        return value.get(lang) or next(iter(value.values()))
    if isinstance(value, dict):
        return {key: localize(item, lang) for key, item in value.items()}
    if isinstance(value, list):
        return [localize(item, lang) for item in value]
    return value


def scalar_text(value: Any) -> str:
    """A scalar as a person reads it: no 'None', booleans in words, 2.0 as 2."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


@lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """Case- and accent-blind form: 'Génie' and 'genie' fold alike."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()

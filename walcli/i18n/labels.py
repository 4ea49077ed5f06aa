"""What a person calls a field and a value: labels from the schemas (`x-label: {fr, en}`, or a
`title`), else from the catalog (`field.NAME`, `value.VALUE`), else the name itself made
readable. Types of fields in words, for `wal KIND fields`."""

from __future__ import annotations

from typing import Any

from walcli.core.text import LANGS
from walcli.i18n.catalog import has, lang_of, t


def readable(name: str) -> str:
    """labelled_by -> Labelled by: a name the catalog does not know yet, still readable."""
    text = name.replace("_", " ").replace("-", " ").strip()
    return text[:1].upper() + text[1:]


def field_label(name: str, schema_label: Any, lang: str) -> str:
    """x-label or a bilingual title in lang; else the catalog's label; else a one-language
    title; else the name made readable."""
    lang = lang_of(lang)
    if isinstance(schema_label, dict) and isinstance(schema_label.get(lang), str):
        return str(schema_label[lang])
    if has(f"field.{name}"):
        return t(f"field.{name}", lang)
    if isinstance(schema_label, dict):
        for other in LANGS:
            if isinstance(schema_label.get(other), str):
                return str(schema_label[other])
    if isinstance(schema_label, str) and schema_label.strip():
        return schema_label
    return readable(name)


def value_word(value: Any, lang: str) -> str:
    """An enumerated value in words (`partly-done` -> partly done / réalisé en partie)."""
    text = str(value)
    key = f"value.{text}"
    return t(key, lang) if has(key) else text.replace("-", " ")


def kind_word(kind: str, lang: str, *, capital: bool = False) -> str:
    """A kind in words: plural (`poles` -> pôles) or singular (`pole` -> pôle)."""
    key = f"common.{'Kind' if capital else 'kind'}.{kind}"
    return t(key, lang) if has(key) else kind


def type_words(type_name: str, lang: str, **fields: str) -> str:
    key = f"type.{type_name}"
    return t(key, lang, **fields) if has(key) else type_name

"""The fields of a kind, as `--where`, `--sort` and `--columns` accept them: every dotted path
its schema declares (list items crossed), with its type and label in words, in the schema's
order. The two languages of a bilingual text (`name.fr`, `name.en`) are not listed one by one:
the type of `name` says they exist."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from walcli.core.kinds import KINDS

if TYPE_CHECKING:
    from walcli.core.paths import Pattern
    from walcli.schema.set import SchemaSet
    from walcli.schema.walker import FieldInfo

MAX_ENUM = 6  # values listed in a type before "..."
SEPARATOR = " \u203a "  # between the labels of a path: Period > Start


@dataclass(frozen=True)
class FieldRow:
    path: str
    type: str  # in words, in the language asked
    label: str
    kind: str  # the type's name (reference, date, money, claims...), for machines

    def as_dict(self) -> dict[str, str]:
        return {"path": self.path, "type": self.kind, "label": self.label, "words": self.type}


def _type_words(info: FieldInfo, infos: dict[Pattern, FieldInfo], lang: str) -> str:
    from walcli.i18n.labels import kind_word, type_words

    kind = info.type
    if kind == "reference" and info.ref:
        singular = KINDS[info.ref].singular if info.ref in KINDS else info.ref
        return type_words("reference", lang, kind=kind_word(singular, lang))
    if kind == "enum":
        # the values as --where takes them, not in words
        values = [str(v).lower() if isinstance(v, bool) else str(v) for v in info.enum]
        shown = ", ".join(values[:MAX_ENUM]) + (", …" if len(values) > MAX_ENUM else "")
        return type_words("enum", lang, values=shown)
    if kind == "claims":
        inner = infos.get((*info.pattern, "*", "value"))
        of = _type_words(inner, infos, lang) if inner else type_words("any", lang)
        return type_words("claims", lang, of=of)
    if kind == "list":
        item = infos.get((*info.pattern, "*"))
        if item is None or item.type in ("object", "any"):
            return type_words("list", lang)
        return type_words("list_of", lang, of=_type_words(item, infos, lang))
    return type_words(kind, lang)


def field_rows(schemas: SchemaSet, kind: str, lang: str) -> list[FieldRow]:
    from walcli.i18n.labels import field_label

    infos = schemas.fields(KINDS[kind].schema)
    rows: dict[str, FieldRow] = {}
    texts: list[Pattern] = []
    for pattern, info in infos.items():
        if pattern[-1] == "*" or any(pattern[: len(t)] == t for t in texts):
            continue
        if info.type == "text":
            texts.append(pattern)
        path = info.dotted
        if path in rows:
            continue
        labels = [
            field_label(part, _label(infos.get(pattern[: i + 1])), lang)
            for i, part in enumerate(pattern)
            if part != "*"
        ]
        label = labels[-1] if len(labels) == 1 else SEPARATOR.join(labels)
        rows[path] = FieldRow(path, _type_words(info, infos, lang), label, info.type)
    return list(rows.values())


def _label(info: FieldInfo | None) -> object:
    return info.label if info is not None else None

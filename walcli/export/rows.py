"""The rows of the cross-kind tables of an export: claims, sources, links and the texts the
full-text index holds, one record at a time."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from walcli.core.claims import disagree, is_claims, is_seed
from walcli.core.paths import JsonPath, dotted
from walcli.core.registry import Record, Registry
from walcli.core.text import is_text, scalar_text
from walcli.export.tables import Text, to_json_text
from walcli.io.yaml import Document


def _text(value: Any) -> str | None:
    """A scalar as text (None stays None); anything else as JSON."""
    if value is None:
        return None
    if isinstance(value, str | int | float | bool):
        return scalar_text(value)
    return to_json_text(value)


def _lang(value: Any, lang: str) -> str | None:
    if is_text(value):
        found = value.get(lang)
        return scalar_text(found) if found is not None else None
    return None


def _walk(value: Any, path: JsonPath = ()) -> Iterator[tuple[JsonPath, Any, Any]]:
    """(path, value, parent) for every value under a record, in record order."""
    if isinstance(value, dict):
        for key, item in value.items():
            yield (*path, key), item, value
            yield from _walk(item, (*path, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield (*path, index), item, value
            yield from _walk(item, (*path, index))


def _claim_row(
    record: Record, path: JsonPath, claim: dict[str, Any], disputed: bool
) -> tuple[Any, ...]:
    value = claim.get("value")
    number = value if isinstance(value, int | float) and not isinstance(value, bool) else None
    cites = claim.get("sources")
    return (
        record.kind,
        record.id,
        dotted(path),
        ".".join(str(p) for p in path if isinstance(p, str)),
        _text(value),
        number,
        _text(claim.get("unit")),
        _text(claim.get("qualifier")),
        _text(claim.get("as_of")),
        to_json_text(cites) if isinstance(cites, list) else None,
        disputed,
        is_seed(claim),
        claim.get("superseded") is True,
        _lang(claim.get("note"), "fr"),
        _lang(claim.get("note"), "en"),
    )


def claim_rows(record: Record, data: dict[str, Any]) -> list[tuple[Any, ...]]:
    rows = []
    disputed: dict[int, bool] = {}
    for path, value, parent in _walk(data):
        if not (isinstance(value, dict) and "value" in value and "sources" in value):
            continue
        if isinstance(parent, list):
            if id(parent) not in disputed:
                disputed[id(parent)] = is_claims(parent) and disagree(parent)
            rows.append(_claim_row(record, path, value, disputed[id(parent)]))
        else:
            rows.append(_claim_row(record, path, value, False))
    taken = {row[2] for row in rows}
    for name, value in data.items():
        cites = data.get(f"{name}_sources")
        if isinstance(cites, list) and value is not None and name not in taken:
            rows.append(_claim_row(record, (name,), {"value": value, "sources": cites}, False))
    return rows


def source_rows(record: Record, data: dict[str, Any]) -> list[tuple[Any, ...]]:
    listed = data.get("sources")
    rows = []
    for position, source in enumerate(listed if isinstance(listed, list) else []):
        if not isinstance(source, dict):
            continue
        weak = source.get("weak")
        rows.append(
            (
                record.kind,
                record.id,
                position,
                _text(source.get("id")),
                _text(source.get("title")),
                _text(source.get("url")),
                _text(source.get("publisher")),
                _text(source.get("date")),
                weak if isinstance(weak, bool) else None,
                source.get("kind") == "seed-deck",
            )
        )
    return rows


def _lines(registry: Registry, record: Record) -> Document | None:
    """A document that can tell where the record's values stand. A registry loaded without
    positions (as `wal export` loads it) keeps none: the file is read again and its positions
    found once, then dropped with the returned document (they take several times the memory
    of the data). None when the file cannot be read any more."""
    if record.doc.positions:  # loaded with positions (found now if not yet)
        return record.doc
    try:
        text = (registry.root / record.file).read_bytes().decode("utf-8-sig")
    except (OSError, UnicodeDecodeError):
        return None
    return Document(record.data, text=text)


def link_rows(registry: Registry, record: Record) -> list[tuple[Any, ...]]:
    refs = registry.references_of(record)
    if not refs:
        return []
    doc = _lines(registry, record)
    return [
        (
            record.kind,
            record.id,
            dotted(ref.path),
            ref.target_kind,
            ref.target_id,
            record.file,
            doc.locate(ref.path)[0] if doc is not None else None,
        )
        for ref in refs
    ]


def name_in(data: dict[str, Any], lang: str) -> str | None:
    return _lang(data.get("name"), lang)


def record_texts(record: Record, data: dict[str, Any]) -> list[Text]:
    """Every text of a record (not ids of sources, which `sources` lists), as wal search
    reads them: a bilingual text is one entry with both languages."""
    found: list[Text] = []

    def visit(value: Any, path: JsonPath) -> None:
        if is_text(value):
            fr, en = value.get("fr"), value.get("en")
            found.append(
                Text(
                    record.kind,
                    record.id,
                    dotted(path),
                    scalar_text(fr if fr is not None else en),
                    scalar_text(en if en is not None else fr),
                )
            )
        elif isinstance(value, dict):
            for key, item in value.items():
                if key != "sources" and not str(key).endswith("_sources"):
                    visit(item, (*path, key))
        elif isinstance(value, list):
            for index, item in enumerate(value):
                visit(item, (*path, index))
        elif isinstance(value, str):
            found.append(Text(record.kind, record.id, dotted(path), value, value))

    visit(data, ())
    return found

"""What list and show present, computed from the registry, independent of any terminal.

A record view is plain data in one language: the record's fields as sections in the schema's
order, each a tree of nodes (walcli.analysis.nodes: formatted values, references, facts with
their numbered sources, entries of lists), the links in and out, and the numbered sources.
The text renderer (walcli.output.record) lays it out for a terminal or a pipe; a Markdown
renderer can walk the same tree. Values are formatted for people (dates at their precision,
money, numbers in the reader's locale); the raw record stays in `view.record` for machine
formats.
"""

from __future__ import annotations

from walcli.analysis.names import display_name, record_name
from walcli.analysis.nodes import (
    Atom,
    Entry,
    Fact,
    Facts,
    Field,
    Items,
    Link,
    Node,
    RecordView,
    Ref,
    Source,
)
from walcli.analysis.projection import projected
from walcli.core.kinds import KINDS
from walcli.core.paths import dotted
from walcli.core.registry import Record, Reference, Registry

__all__ = [
    "Atom",
    "Entry",
    "Fact",
    "Facts",
    "Field",
    "Items",
    "Link",
    "Node",
    "RecordView",
    "Ref",
    "Source",
    "display_name",
    "projected",
    "record_name",
    "record_view",
]


def record_view(
    registry: Registry, record: Record, lang: str, *, people: bool = True
) -> RecordView:
    """The record's view in lang. Without people (JSON, YAML), only what machine formats
    print: the raw record and its links; nothing is formatted."""
    from walcli.i18n.labels import kind_word

    if not people:
        return _links_only(registry, record, lang)
    from walcli.analysis.builder import Builder, opt_text, pattern_of

    build = Builder(registry, record, lang)

    def link(ref: Reference, kind: str, record_id: str) -> Link:
        path = ref.path
        top = str(path[0]) if path else ""
        source_kind = ref.source.kind
        info = registry.schemas.info(KINDS[source_kind].schema, pattern_of((top,)))
        return Link(
            kind,
            record_id,
            record_name(registry, kind, record_id, lang),
            dotted(path),
            kind_word(KINDS[kind].singular if kind in KINDS else kind, lang),
            build.label_of(top, info.label if info else None, lang),
        )

    sections = build.sections()
    summary = record.data.get("summary")
    return RecordView(
        record=record,
        lang=lang,
        name=display_name(record.data, lang) or record.id,
        kind_label=kind_word(KINDS[record.kind].singular, lang),
        summary=opt_text(summary, lang),
        sections=sections,
        references=sorted(
            (link(ref, ref.target_kind, ref.target_id) for ref in registry.references_of(record)),
            key=lambda item: (item.path, item.id),
        ),
        referenced_by=sorted(
            (link(ref, ref.source.kind, ref.source.id) for ref in registry.referenced_by(record)),
            key=lambda item: (item.kind, item.id, item.path),
        ),
        sources=tuple(build.sources),
        brief=build.brief(sections),
    )


def _links_only(registry: Registry, record: Record, lang: str) -> RecordView:
    def link(kind: str, record_id: str, path: str) -> Link:
        return Link(kind, record_id, None, path)

    return RecordView(
        record=record,
        lang=lang,
        name=record.id,
        kind_label=record.kind,
        summary=None,
        sections=(),
        references=sorted(
            (
                link(r.target_kind, r.target_id, dotted(r.path))
                for r in registry.references_of(record)
            ),
            key=lambda item: (item.path, item.id),
        ),
        referenced_by=sorted(
            (
                link(r.source.kind, r.source.id, dotted(r.path))
                for r in registry.referenced_by(record)
            ),
            key=lambda item: (item.kind, item.id, item.path),
        ),
        sources=(),
    )

"""Which pages a report has, where each one lives, and how pages link to each other.

A site (`--out DIR`) is `index.md`, `timeline.md`, one `KIND.md` per kind and one
`KIND/ID.md` per record. Links between pages are relative POSIX paths ending in `.md`, which
GitHub and MkDocs both follow. A document (stdout or `--out FILE`) is the same pages one
after the other: it has nowhere to link to, so references there are names, not links.
"""

from __future__ import annotations

import hashlib
import posixpath
import re
from dataclasses import dataclass
from enum import StrEnum

from walcli.core.errors import RecordNotFound, UsageError
from walcli.core.kinds import KINDS
from walcli.core.registry import Record, Registry
from walcli.core.suggest import same, with_hint
from walcli.output.markdown import page_url

_SLUG = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")


class Role(StrEnum):
    INDEX = "index"
    TIMELINE = "timeline"
    KIND = "kind"
    RECORD = "record"


@dataclass(frozen=True)
class Page:
    role: Role
    path: str  # relative to the report's folder, POSIX
    kind: str = ""  # for kind and record pages
    id: str = ""  # for record pages
    depth: int = 0  # headings shift down by this much when the page sits inside a document


def file_name(record_id: str) -> str:
    """A record's page name: its id when the id is a slug (it should be), else a stable name
    that no file system or link can misread."""
    if _SLUG.match(record_id):
        return record_id
    return "_" + hashlib.sha256(record_id.encode("utf-8", "surrogatepass")).hexdigest()[:16]


def record_page(record: Record, depth: int = 0) -> Page:
    return Page(
        Role.RECORD, f"{record.kind}/{file_name(record.id)}.md", record.kind, record.id, depth
    )


def kind_page(kind: str, depth: int = 0) -> Page:
    return Page(Role.KIND, f"{kind}.md", kind, "", depth)


@dataclass(frozen=True)
class Target:
    """What to report: everything, one kind, or one record."""

    kind: str | None = None
    record: Record | None = None

    @property
    def whole(self) -> bool:
        return self.kind is None and self.record is None


def resolve_target(registry: Registry, given: str | None) -> Target:
    """KIND, ID or KIND/ID (when an id names records of several kinds)."""
    if not given:
        return Target()
    from walcli.i18n.catalog import msg

    if given in KINDS:
        return Target(kind=given)
    kind, _, record_id = given.rpartition("/")
    if kind:
        if kind not in KINDS:
            raise UsageError(
                with_hint(msg("report.error.kind", kind=kind, kinds=", ".join(KINDS)), kind, KINDS)
            )
        return Target(record=registry.get(kind, record_id))
    found = []
    for name in KINDS:
        by_id = registry.records.get(name, {})
        record = by_id.get(given) or by_id.get(same(given, by_id) or "")
        if record is not None:
            found.append(record)
    if len(found) > 1:
        choices = ", ".join(f"{r.kind}/{r.id}" for r in found)
        raise UsageError(msg("report.error.ambiguous", given=given, choices=choices))
    if not found:
        known = {r.id for r in registry.all()} | set(KINDS)
        raise RecordNotFound(with_hint(msg("report.error.target", given=given), given, known))
    return Target(record=found[0])


def plan(registry: Registry, target: Target, *, document: bool) -> list[Page]:
    """The pages of a report, in reading order. In a document every page but the first
    sits one heading level lower (a record under its kind, two)."""
    if target.record is not None:
        return [record_page(target.record)]
    kinds = [target.kind] if target.kind else list(KINDS)
    pages: list[Page] = []
    below = 1 if document else 0
    if target.whole:
        pages += [Page(Role.INDEX, "index.md"), Page(Role.TIMELINE, "timeline.md", depth=below)]
    for kind in kinds:
        pages.append(kind_page(kind, below if target.whole else 0))
        depth = (2 if target.whole else 1) if document else 0
        pages += [record_page(record, depth) for record in registry.of(kind)]
    return pages


class Links:
    """Relative links from one page of a site to the others it holds (none in a document)."""

    def __init__(self, pages: list[Page], *, document: bool) -> None:
        self.paths = {page.path for page in pages}
        self.document = document

    def href(self, here: Page, path: str) -> str | None:
        if self.document or path not in self.paths:
            return None
        start = posixpath.dirname(here.path) or "."
        return page_url(posixpath.relpath(path, start))

    def to_record(self, here: Page, kind: str, record_id: str) -> str | None:
        return self.href(here, f"{kind}/{file_name(record_id)}.md")

    def to_kind(self, here: Page, kind: str) -> str | None:
        return self.href(here, f"{kind}.md")

    def to(self, here: Page, role: Role) -> str | None:
        return self.href(here, f"{role.value}.md")

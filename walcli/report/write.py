"""Writing a report, or checking one already written, without ever losing a file.

A new folder is written whole in a temporary folder beside it, then renamed into place; an
existing one page by page, each page to a temporary file renamed over the old one. Nothing
is overwritten, and no page removed, unless asked (--force). A report's folder holds its
pages: `index.md`, `timeline.md`, `KIND.md` and `KIND/*.md`; other files are left alone.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

from walcli.core.errors import UsageError
from walcli.core.kinds import KINDS
from walcli.i18n.catalog import msg
from walcli.report.build import Rendered
from walcli.report.files import umask, write_atomic
from walcli.report.pages import Role, Target

MAX_NAMED = 5  # pages named in a refusal before "and N more"


@dataclass(frozen=True)
class Finding:
    state: str  # stale, missing or extra
    path: str


def is_document(out: Path) -> bool:
    """`--out summary.md` is one document; any other path is a site's folder."""
    return out.suffix.lower() == ".md" and not out.is_dir()


def _named(paths: list[str]) -> str:
    return ", ".join(paths[:MAX_NAMED]) + (" …" if len(paths) > MAX_NAMED else "")


def owned(folder: Path, target: Target) -> set[str]:
    """The pages of a report of target that are in folder now (relative POSIX paths)."""
    if target.record is not None or not folder.is_dir():
        return set()
    kinds = [target.kind] if target.kind else list(KINDS)
    found = {f"{kind}.md" for kind in kinds if (folder / f"{kind}.md").is_file()}
    if target.whole:
        found |= {
            f"{r.value}.md"
            for r in (Role.INDEX, Role.TIMELINE)
            if (folder / f"{r.value}.md").is_file()
        }
    for kind in kinds:
        sub = folder / kind
        if sub.is_dir() and not sub.is_symlink():
            found |= {f"{kind}/{p.name}" for p in sub.glob("*.md") if p.is_file()}
    return found


def check_site(pages: list[Rendered], folder: Path, target: Target) -> list[Finding]:
    """What differs between the report and folder: stale, missing and extra pages."""
    findings = []
    for rendered in pages:
        path = folder / rendered.page.path
        if not path.is_file():
            findings.append(Finding("missing", rendered.page.path))
        elif path.read_bytes() != rendered.text.encode("utf-8"):
            findings.append(Finding("stale", rendered.page.path))
    made = {r.page.path for r in pages}
    findings += [Finding("extra", p) for p in sorted(owned(folder, target) - made)]
    return findings


def check_document(text: str, path: Path) -> list[Finding]:
    if not path.is_file():
        return [Finding("missing", str(path))]
    if path.read_bytes() != text.encode("utf-8"):
        return [Finding("stale", str(path))]
    return []


def write_document(text: str, path: Path, force: bool) -> None:
    if path.exists() and not force:
        raise UsageError(
            msg("report.error.file_exists", path=str(path)), hint=msg("report.hint.force_file")
        )
    if not path.parent.is_dir():
        raise UsageError(msg("report.error.no_folder", folder=str(path.parent)))
    write_atomic(path, text)


def write_site(
    pages: list[Rendered], folder: Path, target: Target, force: bool
) -> tuple[int, list[str]]:
    """Write every page; (pages written, pages removed). Unchanged pages are not rewritten."""
    if folder.exists() and not folder.is_dir():
        raise UsageError(msg("report.error.not_folder", folder=str(folder)))
    if not folder.exists() or not any(folder.iterdir()):
        _write_new(pages, folder)
        return len(pages), []
    present = [r.page.path for r in pages if (folder / r.page.path).exists()]
    if present and not force:
        raise UsageError(
            msg(
                "report.error.pages_exist",
                count=len(present),
                folder=str(folder),
                names=_named(present),
            ),
            hint=msg("report.hint.force_pages"),
        )
    extra = sorted(owned(folder, target) - {r.page.path for r in pages}) if force else []
    written = 0
    for rendered in pages:
        path = folder / rendered.page.path
        if path.is_file() and path.read_bytes() == rendered.text.encode("utf-8"):
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(path, rendered.text)
        written += 1
    for rel in extra:
        (folder / rel).unlink()
    return written, extra


def _write_new(pages: list[Rendered], folder: Path) -> None:
    """A whole new folder at once: written aside, then renamed into place."""
    parent = folder.parent
    try:
        parent.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        why = str(error.strerror or error)
        raise UsageError(msg("report.error.cannot_make", folder=str(parent), why=why)) from None
    temp = Path(tempfile.mkdtemp(prefix=".wal-report-", dir=parent))
    try:
        os.chmod(temp, 0o777 & ~umask())
        for rendered in pages:
            path = temp / rendered.page.path
            path.parent.mkdir(parents=True, exist_ok=True)
            with open(path, "w", encoding="utf-8", newline="\n") as stream:
                stream.write(rendered.text)
        os.replace(temp, folder)  # an empty folder is replaced; a non-empty one refuses
    except OSError as error:
        shutil.rmtree(temp, ignore_errors=True)
        why = str(error.strerror or error)
        raise UsageError(msg("report.error.cannot_write", folder=str(folder), why=why)) from None
    except BaseException:
        shutil.rmtree(temp, ignore_errors=True)
        raise

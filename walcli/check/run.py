"""One validation run, as `wal validate` and the Python API ask for it: the whole registry, or
only what some files (and the records git deletes in a change) concern."""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path

from walcli.core.errors import UsageError
from walcli.core.paths import shown_name
from walcli.core.problems import Problem, Severity, cut, sorted_problems


@dataclass(frozen=True)
class Report:
    """What a validation run found, and what it looked at.

    `checked` are the files the run reports on (relative to the root, POSIX): every record
    file for a whole-registry run, else the files given plus those where problems were found.
    `strict` says whether warnings fail the run (it decides JUnit failures, as the exit code).
    """

    problems: list[Problem]
    checked: list[str] = field(default_factory=list)
    strict: bool = False
    lang: str = "en"  # the language of its messages and of what formats say around them

    @classmethod
    def of(
        cls, problems: Iterable[Problem], checked: Iterable[str] = (), *, strict: bool = False
    ) -> Report:
        found = sorted_problems(list(problems))
        files = sorted(set(checked) | {p.file for p in found})
        return cls(found, files, strict)

    def localized(self, lang: str) -> Report:
        """The report in lang: its messages, and the words its formats put around them."""
        return replace(self, problems=[p.localized(lang) for p in self.problems], lang=lang)

    def fails(self, problem: Problem) -> bool:
        return problem.severity is Severity.ERROR or self.strict


def counts(problems: list[Problem]) -> dict[str, int]:
    return {
        "error": sum(p.severity is Severity.ERROR for p in problems),
        "warning": sum(p.severity is Severity.WARNING for p in problems),
    }


@dataclass(frozen=True)
class Validation:
    """What a run found, on which registry, and what it reported on."""

    root: Path
    report: Report
    records: int  # records loaded
    given: list[str] | None  # the files reported on, when the run was restricted

    @property
    def counts(self) -> dict[str, int]:
        return counts(self.report.problems)

    @property
    def failed(self) -> bool:
        tally = self.counts
        return bool(tally["error"] or (self.report.strict and tally["warning"]))


def record_files(given: str, root: Path) -> list[str]:
    """A FILES argument as paths relative to the root: a folder stands for every file in it
    (the root itself for the whole registry, as if no FILES were given). Names are shown as
    the registry shows them (bytes that are not UTF-8 as escapes)."""
    relative = _relative(given, root)
    folder = root / relative
    try:
        listed = folder.is_dir() and not folder.is_symlink()
    except OSError:  # a name too long, a loop: not a folder to list
        listed = False
    if not listed or relative.endswith((".yaml", ".yml")):
        return [shown_name(relative)]  # a file, a path since deleted, or a folder posing as one
    if relative == ".":
        return []
    try:
        found = sorted(
            shown_name((Path(relative) / path.relative_to(folder)).as_posix())
            for path in folder.rglob("*")
            if not path.is_dir() or path.is_symlink()
        )
    except OSError as exc:
        raise UsageError(f"{cut(given, 200)}: cannot list the folder: {exc.strerror}") from None
    return found or [shown_name(relative)]


def _relative(given: str, root: Path) -> str:
    """The path relative to the root; links are followed up to the last name, which is the
    file the user named (a link to a record is reported as itself)."""
    absolute = os.path.abspath(given)
    parent, name = os.path.split(absolute)
    real = os.path.join(os.path.realpath(parent), name) if name else os.path.realpath(absolute)
    try:
        return Path(real).relative_to(os.path.realpath(root)).as_posix()
    except ValueError:
        raise UsageError(f"{cut(given, 200)}: not inside the registry at {root}") from None


def validate(
    root: Path, files: Iterable[str] = (), *, changed: bool = False, strict: bool = False
) -> Validation | None:
    """Check the registry at root. With files, report on them and on what they break
    elsewhere; with changed, add the record files git deletes in the change. None when the
    change touches no file (nothing to check)."""
    from walcli.check.engine import check, restrict
    from walcli.io.scan import load_registry

    given = sorted({name for f in files for name in record_files(f, root)})
    if changed:
        from walcli.io.git import deleted_files

        given = sorted(set(given) | set(deleted_files(root)))
        if not given:
            return None
    registry = load_registry(root)
    outcome = check(registry)
    if given:
        problems = restrict(outcome.problems, given, registry, outcome.cross)
        checked = given
    else:
        problems, checked = outcome.problems, [record.file for record in registry.all()]
    report = Report.of(problems, checked, strict=strict)
    return Validation(root, report, registry.count(), given or None)

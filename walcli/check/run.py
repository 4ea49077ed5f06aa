"""One validation run, as `wal validate` and the Python API ask for it: the whole registry, or
only what some files (and the records git deletes in a change) concern."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path

from walcli.core.errors import UsageError
from walcli.core.problems import Problem, Severity, sorted_problems


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
    (the root itself for the whole registry, as if no FILES were given)."""
    relative = _relative(given, root)
    folder = root / relative
    if not folder.is_dir() or folder.is_symlink() or relative.endswith((".yaml", ".yml")):
        return [relative]  # a file, a path since deleted, or a folder posing as a record
    if relative == ".":
        return []
    found = sorted(
        (Path(relative) / path.relative_to(folder)).as_posix()
        for path in folder.rglob("*")
        if not path.is_dir() or path.is_symlink()
    )
    return found or [relative]


def _relative(given: str, root: Path) -> str:
    path = Path(given)
    absolute = (path if path.is_absolute() else Path.cwd() / path).resolve()
    try:
        return absolute.relative_to(root.resolve()).as_posix()
    except ValueError:
        raise UsageError(f"{given}: not inside the registry at {root}") from None


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

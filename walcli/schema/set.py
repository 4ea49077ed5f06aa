"""The schema documents of a registry: read as JSON always, compiled to validators on demand."""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from walcli.core.errors import SchemaError
from walcli.core.paths import Pattern, shown_name
from walcli.core.problems import Problem
from walcli.schema.sound import check_documents
from walcli.schema.walker import (
    MAX_PATTERN,
    FieldInfo,
    Marks,
    Navigator,
    date_patterns,
    fields,
    reference_patterns,
    references_in,
    series_patterns,
)

if TYPE_CHECKING:
    from jsonschema.exceptions import ValidationError
    from jsonschema.protocols import Validator

SCHEMA_SUFFIX = ".schema.json"


MAX_SCHEMA_BYTES = 8 * 1024 * 1024


def _read_raw(path: Path, rel: str, real_root: str) -> bytes:
    """One schema file's bytes: read once, bounded, from a regular file inside the registry."""
    from walcli.io.files import read_bytes

    raw = read_bytes(path, rel, MAX_SCHEMA_BYTES, real_root)
    if isinstance(raw, Problem):
        raise SchemaError(f"{rel}: cannot read schema file: {raw.message}")
    return raw


def _parse_json(raw: bytes, rel: str) -> Any:
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise SchemaError(f"{rel}: cannot read schema file: not UTF-8 ({exc.reason})") from None
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise SchemaError(
            f"{rel}:{exc.lineno}:{exc.colno}: broken schema file: {exc.msg}"
        ) from None
    except (ValueError, RecursionError) as exc:  # a number past the int limit, endless nesting
        reason = "nested too deeply" if isinstance(exc, RecursionError) else str(exc)
        raise SchemaError(f"{rel}: broken schema file: {reason}") from None


def _schema_files(folder: Path) -> list[Path]:
    try:
        with os.scandir(folder) as entries:
            names = sorted(e.name for e in entries if e.name.endswith(SCHEMA_SUFFIX))
    except OSError as exc:
        raise SchemaError(f"schemas: cannot read the folder: {exc.strerror or exc}") from None
    return [folder / name for name in names]


_IRI_FORMATS = frozenset({"iri", "iri-reference"})


def _uses_iri_format(node: Any) -> bool:
    if isinstance(node, dict):
        if node.get("format") in _IRI_FORMATS:
            return True
        return any(_uses_iri_format(value) for value in node.values())
    if isinstance(node, list):
        return any(_uses_iri_format(item) for item in node)
    return False


def _import_jsonschema(documents: dict[str, Any]) -> None:
    """Import jsonschema without rfc3987-syntax's grammars when no schema needs them.

    jsonschema's format checker imports rfc3987-syntax, which compiles its IRI grammars on
    import (about 0.7 s, most of `wal validate` on a small registry). They serve only the
    formats iri and iri-reference; when no schema document uses these (the meta-schemas do
    not), jsonschema is imported with that package hidden, so it simply registers no checker
    for those two formats. The package is importable again afterwards.
    """
    if "jsonschema._format" in sys.modules or "rfc3987_syntax" in sys.modules:
        return
    if _uses_iri_format(documents):
        return
    sys.modules["rfc3987_syntax"] = None  # type: ignore[assignment]
    try:
        import jsonschema._format  # noqa: F401
    finally:
        if sys.modules.get("rfc3987_syntax", ...) is None:
            del sys.modules["rfc3987_syntax"]


class CheckedValidator:
    """A kind's jsonschema validator behind a fast yes/no check (walcli.schema.fast).

    A record the check passes has no errors, so none are computed; any other record gets
    jsonschema's own errors, unchanged. Without a check (schemas the fast check cannot hold
    to jsonschema's verdict), every record goes to jsonschema.
    """

    def __init__(self, full: Validator, fast: Callable[[Any], bool] | None) -> None:
        self.full = full
        self.fast = fast

    def passes(self, instance: Any) -> bool:
        return self.fast is not None and self.fast(instance)  # the check never raises

    def iter_errors(self, instance: Any) -> Iterator[ValidationError]:
        if self.passes(instance):
            return iter(())
        return self.full.iter_errors(instance)


@dataclass
class SchemaSet:
    """Every *.schema.json of a registry, keyed by file name (which is also its $id)."""

    root: Path
    documents: dict[str, Any]
    _validators: dict[str, CheckedValidator] = field(default_factory=dict)
    _checked: bool = False  # every document passed check_schema
    _patterns: dict[str, list[tuple[Pattern, str]]] = field(default_factory=dict)
    _series: dict[str, list[Pattern]] = field(default_factory=dict)
    _fields: dict[tuple[str, int], dict[Pattern, FieldInfo]] = field(default_factory=dict)
    _navigators: dict[str, Navigator] = field(default_factory=dict)
    _dates: dict[str, list[Pattern]] = field(default_factory=dict)
    # What the walks for references and dates learnt of each node, shared by every kind.
    _reference_marks: Marks = field(default_factory=Marks.references)
    _date_marks: Marks = field(default_factory=Marks.dates)

    @classmethod
    def load(cls, root: Path) -> SchemaSet:
        """Every schema document of a registry, checked sound (see walcli.schema.sound).

        Schemas equal to ones this process has already analysed share that analysis (the
        compiled validators, the walks): a program or a test suite that opens many
        registries over the same schemas pays for them once."""
        real_root = os.path.realpath(root)
        raws = {
            path.name: _read_raw(path, f"schemas/{shown_name(path.name)}", real_root)
            for path in _schema_files(root / "schemas")
        }
        key = tuple(raws.items())
        seen = _SEEN.pop(key, None)
        if seen is None:
            documents = {
                name: _parse_json(raw, f"schemas/{shown_name(name)}") for name, raw in raws.items()
            }
            check_documents(documents)
            seen = cls(root, documents)
        _SEEN[key] = seen  # the most recent last
        while len(_SEEN) > _SEEN_MAX:
            del _SEEN[next(iter(_SEEN))]
        return replace(seen, root=root)

    def document(self, name: str) -> Any:
        if name not in self.documents:
            raise SchemaError(f"schemas/{name}: schema file missing")
        return self.documents[name]

    def references(self, name: str) -> list[tuple[Pattern, str]]:
        if name not in self._patterns:
            self.document(name)
            walked = self._fields.get((name, MAX_PATTERN))
            # a walk made for labels and types serves references too; else the lighter walk
            self._patterns[name] = (
                references_in(walked)
                if walked is not None
                else reference_patterns(self.documents, name, self._reference_marks)
            )
        return self._patterns[name]

    def series(self, name: str) -> list[Pattern]:
        if name not in self._series:
            self.document(name)
            self._series[name] = series_patterns(self.documents, name)
        return self._series[name]

    def fields(self, name: str, depth: int = MAX_PATTERN) -> dict[Pattern, FieldInfo]:
        """What the schema says of every place of a record of this kind (labels, types),
        down to `depth` steps (top-level fields only: depth 1)."""
        if (name, depth) not in self._fields:
            self.document(name)
            self._fields[name, depth] = fields(self.documents, name, depth)
        return self._fields[name, depth]

    def navigator(self, name: str) -> Navigator:
        found = self._navigators.get(name)
        if found is None:
            self.document(name)
            found = self._navigators[name] = Navigator(self.documents, name)
        return found

    def info(self, name: str, pattern: Pattern) -> FieldInfo | None:
        """What the schema of a kind says at one place of its records (labels, types)."""
        return self.navigator(name).info(pattern)

    def top_level(self, name: str) -> list[str]:
        return self.navigator(name).top_level()

    def dates(self, name: str) -> list[Pattern]:
        if name not in self._dates:
            self.document(name)
            self._dates[name] = date_patterns(self.documents, name, self._date_marks)
        return self._dates[name]

    def validator(self, name: str) -> CheckedValidator:
        """One compiled validator per schema, reused for every record of its kind."""
        if name not in self._validators:
            full = self._compile(name)  # first: it imports jsonschema as wal wants it
            self._validators[name] = CheckedValidator(full, self._fast_check(name))
        return self._validators[name]

    def _fast_check(self, name: str) -> Callable[[Any], bool] | None:
        from walcli.schema.fast import Unsupported, compile_check

        try:
            return compile_check(self.documents, name)
        except Unsupported:
            return None
        except Exception:  # the check is only a shortcut: jsonschema alone still decides
            return None

    def _compile(self, name: str) -> Validator:
        _import_jsonschema(self.documents)
        from jsonschema import Draft202012Validator
        from jsonschema.exceptions import SchemaError as JsonSchemaError
        from referencing import Registry, Resource
        from referencing.jsonschema import DRAFT202012

        for doc_name, document in self.documents.items() if not self._checked else ():
            try:
                Draft202012Validator.check_schema(document)
            except RecursionError:
                raise SchemaError(f"schemas/{doc_name}: the schema nests too deeply") from None
            except JsonSchemaError as exc:
                where = "/" + "/".join(str(p) for p in exc.absolute_path)
                raise SchemaError(
                    f"schemas/{doc_name}: not a valid JSON Schema at {where}: {exc.message}"
                ) from None
        self._checked = True
        resources = [
            (doc_name, Resource.from_contents(document, default_specification=DRAFT202012))
            for doc_name, document in self.documents.items()
        ]
        registry: Registry[Any] = Registry().with_resources(resources)
        return Draft202012Validator(
            self.document(name),
            registry=registry,
            format_checker=Draft202012Validator.FORMAT_CHECKER,
        )


# Schema sets analysed in this process, by their files' bytes (a few: each holds compiled
# validators; a long run over many different schemas keeps only the latest).
_SEEN: dict[tuple[tuple[str, bytes], ...], SchemaSet] = {}
_SEEN_MAX = 4

"""The schema stage: jsonschema's errors for a record, as located problems with a message a
person can act on (the closest anyOf/oneOf branch, the field a typo meant, the value YAML
misread), and the codes they carry: schema- and the broken keyword in kebab-case."""

from __future__ import annotations

import json
import re
from collections import defaultdict
from typing import TYPE_CHECKING, Any

from walcli.core.errors import SchemaError
from walcli.core.kinds import KINDS
from walcli.core.paths import JsonPath, pointer
from walcli.core.problems import Code, E, Problem
from walcli.core.suggest import did_you_mean
from walcli.io.yaml import YAML_IMPLICIT_TYPE

if TYPE_CHECKING:
    from jsonschema.exceptions import ValidationError

    from walcli.core.registry import Record, Registry

SCHEMA_CODE_PREFIX = "schema-"
SCHEMA_CODE = Code(
    "schema-*",
    E,
    "The record breaks its JSON Schema; the code names the keyword (schema-required, schema-enum, ...).",
    "Read the message: it names the field and what the schema expects there.",
)

# The schema keywords records most often break, each as its own code: schema- + the keyword in
# kebab-case. A keyword not listed here still gets a code, described by SCHEMA_CODE.
SCHEMA_CODES: dict[str, Code] = {
    "schema-required": Code(
        "schema-required", E, "A required field is missing.", "Add the field the message names."
    ),
    "schema-type": Code(
        "schema-type",
        E,
        "A value has the wrong type (text where a number is expected, a list where a mapping is, ...).",
        "Write the value in the type the message names; quote text that YAML would read as a number.",
    ),
    "schema-enum": Code(
        "schema-enum",
        E,
        "A value is not one of the allowed values.",
        "Use one of the values listed (the message suggests the nearest).",
    ),
    "schema-const": Code(
        "schema-const",
        E,
        "A value differs from the one value allowed.",
        "Write the value the message names.",
    ),
    "schema-pattern": Code(
        "schema-pattern",
        E,
        "A text does not have the expected shape (an id slug, a date, a URL, ...).",
        "Rewrite it in the shape the message shows, e.g. ids as lowercase-words-with-hyphens.",
    ),
    "schema-format": Code(
        "schema-format",
        E,
        "A text is not a valid URI, e-mail or other format.",
        "Correct the value; URLs start with http:// or https://.",
    ),
    "schema-additional-properties": Code(
        "schema-additional-properties",
        E,
        "A mapping has a field the schema does not know (often a typo).",
        "Rename the field to the suggested one, or remove it.",
    ),
    "schema-unevaluated-properties": Code(
        "schema-unevaluated-properties",
        E,
        "A mapping has a field the schema does not know (often a typo).",
        "Rename the field to the suggested one, or remove it.",
    ),
    "schema-min-items": Code(
        "schema-min-items",
        E,
        "A list has fewer items than needed (e.g. no source).",
        "Add the missing items, e.g. at least one source.",
    ),
    "schema-max-items": Code(
        "schema-max-items",
        E,
        "A list has more items than allowed.",
        "Remove items or split the record.",
    ),
    "schema-unique-items": Code(
        "schema-unique-items", E, "A list holds the same item twice.", "Remove the repeated item."
    ),
    "schema-min-length": Code(
        "schema-min-length",
        E,
        "A text is empty or too short.",
        "Write the text, or remove the field.",
    ),
    "schema-max-length": Code(
        "schema-max-length",
        E,
        "A text is longer than allowed.",
        "Shorten the text; long prose belongs in a paragraph field.",
    ),
    "schema-minimum": Code(
        "schema-minimum",
        E,
        "A number is below the smallest allowed value.",
        "Correct the figure (amounts and counts are never negative).",
    ),
    "schema-maximum": Code(
        "schema-maximum",
        E,
        "A number is above the largest allowed value.",
        "Correct the figure or its unit.",
    ),
    "schema-any-of": Code(
        "schema-any-of",
        E,
        "A value fits none of the shapes the field allows.",
        "Read which shape was closest and how it failed; rewrite the value in one allowed shape.",
    ),
    "schema-one-of": Code(
        "schema-one-of",
        E,
        "A value fits none, or more than one, of the shapes the field allows.",
        "Read which shape was closest and how it failed; rewrite the value in exactly one allowed shape.",
    ),
    "schema-not": Code(
        "schema-not",
        E,
        "A value has a shape the schema forbids here.",
        "Rewrite the value as the message explains.",
    ),
    "schema-dependent-required": Code(
        "schema-dependent-required",
        E,
        "A field needs another field beside it.",
        "Add the field the message names.",
    ),
}


def schema_code(keyword: str) -> Code:
    """The code for a broken schema keyword: additionalProperties -> schema-additional-properties
    (a keyword without a code of its own is described by SCHEMA_CODE)."""
    name = SCHEMA_CODE_PREFIX + re.sub(r"(?<!^)(?=[A-Z])", "-", keyword).lower()
    known = SCHEMA_CODES.get(name)
    if known is not None:
        return known
    return Code(name, SCHEMA_CODE.severity, SCHEMA_CODE.description, SCHEMA_CODE.hint)


def is_schema_code(name: str) -> bool:
    return re.fullmatch(r"schema(-[a-z0-9]+)+", name) is not None


_UNEXPECTED = re.compile(r"\('([^']*)'")
_BRANCHING = ("anyOf", "oneOf")
_TYPE_NAMES = {
    "string": "text",
    "integer": "a whole number",
    "number": "a number",
    "boolean": "true or false",
    "object": "a mapping",
    "array": "a list",
    "null": "null",
}


def _short(value: Any) -> str:
    text = json.dumps(value, ensure_ascii=False, default=str)
    return text if len(text) <= 60 else text[:57] + "..."


def _branch_choice(error: ValidationError) -> tuple[list[ValidationError], int]:
    """The errors of the closest failing branch of an anyOf/oneOf, and how many branches failed.

    A branch is a candidate when the value has its type; the closest candidate is the one whose
    errors lie deepest in the value (it matched the most before failing), then the one with
    the fewest errors, then the first. No candidate: no branch is chosen.
    """
    branches: dict[int, list[ValidationError]] = defaultdict(list)
    for sub in error.context or []:
        branches[int(sub.relative_schema_path[0])].append(sub)
    fitting = [
        (index, errs)
        for index, errs in sorted(branches.items())
        if not any(e.validator == "type" and not e.relative_path for e in errs)
    ]
    if not fitting:
        return [], len(branches)
    _, best = min(
        fitting,
        key=lambda item: (-max(len(e.relative_path) for e in item[1]), len(item[1]), item[0]),
    )
    return best, len(branches)


def _schema_problems(record: Record, error: ValidationError, suffix: str = "") -> list[Problem]:
    """The problems one schema error stands for (a failed anyOf/oneOf stands for the errors of
    its closest branch, each saying how many other branches failed)."""
    path: JsonPath = tuple(error.absolute_path)
    validator = str(error.validator)
    message = error.message
    if validator in _BRANCHING:
        chosen, count = _branch_choice(error)
        described = error.schema.get("description") if isinstance(error.schema, dict) else None
        # A mapping or list is told what failed in its closest branch; a plain value is told
        # what the field takes, if the schema says it in words (a date: 2006, 2006-07 or
        # 2009-12-03), rather than which regex it missed.
        composite = isinstance(error.instance, dict | list)
        if chosen and (composite or not described):
            others = f" ({count - 1} other {'branch' if count == 2 else 'branches'} also failed)"
            extra = others if count > 1 and not suffix else ""
            return [p for sub in chosen for p in _schema_problems(record, sub, suffix + extra)]
        if described:
            message = f"{_short(error.instance)} is not valid here: {described}"
        else:
            types = [str(s.validator_value) for s in error.context or [] if s.validator == "type"]
            message = f"{_short(error.instance)} is not of type {' or '.join(map(repr, types))}"
    key = False
    if validator in ("unevaluatedProperties", "additionalProperties"):
        found = _UNEXPECTED.search(message)
        if found:
            path, key = (*path, found.group(1)), True
            message = f"unexpected field {found.group(1)!r}" + _field_hint(error, found.group(1))
    elif validator == "enum":
        options = (
            [str(v) for v in error.validator_value]
            if isinstance(error.validator_value, list)
            else []
        )
        message += did_you_mean(str(error.instance), options)
    raw = record.doc.implicit.get(path)
    if raw is not None and not key and validator not in ("required", "minimum", "maximum"):
        return [
            record.problem(
                path, YAML_IMPLICIT_TYPE, _implicit_message(raw, validator, error, message)
            )
        ]
    where = pointer(path) or "record"
    return [record.problem(path, schema_code(validator), f"{where}: {message}{suffix}", key=key)]


def _implicit_message(raw: str, validator: str, error: ValidationError, message: str) -> str:
    """Why a plain scalar broke the schema: YAML read it as a number, boolean or null."""
    read_as = _short(error.instance)
    if validator == "type":
        wanted = error.validator_value
        names = wanted if isinstance(wanted, list) else [wanted]
        expected = (
            f"this field expects {' or '.join(_TYPE_NAMES.get(str(n), str(n)) for n in names)}"
        )
    else:
        expected = message
    if raw == "":
        return f"the value is empty, which YAML reads as null; {expected}: write the value"
    quoted = raw.replace("'", "''")
    return (
        f"unquoted {raw} is read by YAML as {read_as}, but {expected}; "
        f"if you mean the text, quote it: '{quoted}'"
    )


def _field_hint(error: ValidationError, name: str) -> str:
    schema = error.schema if isinstance(error.schema, dict) else {}
    known = list((schema.get("properties") or {}).keys())
    return did_you_mean(name, known) if known else ""


def schema_problems(registry: Registry, record: Record) -> list[Problem]:
    from referencing.exceptions import Unresolvable

    name = KINDS[record.kind].schema
    validator = registry.schemas.validator(name)
    try:
        errors = list(validator.iter_errors(record.data))
    except (Unresolvable, RecursionError) as exc:  # the set's own checks should catch these
        reason = "it recursed without end" if isinstance(exc, RecursionError) else str(exc)
        raise SchemaError(f"schemas/{name}: cannot validate {record.file}: {reason}") from None
    return [p for error in errors for p in _schema_problems(record, error)]

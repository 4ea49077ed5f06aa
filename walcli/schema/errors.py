"""The schema stage: jsonschema's errors for a record, as located problems with a message a
person can act on (the closest anyOf/oneOf branch, the field a typo meant, the value YAML
misread), and the codes they carry: schema- and the broken keyword in kebab-case."""

from __future__ import annotations

import json
import re
from collections import defaultdict
from typing import TYPE_CHECKING, Any

from walcli.core.kinds import KINDS
from walcli.core.paths import JsonPath, pointer
from walcli.core.problems import Code, E, Problem
from walcli.core.suggest import suffix as suffix_hint
from walcli.i18n.catalog import Msg, msg
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


def _schema_problems(
    record: Record, error: ValidationError, suffix: str | Msg = ""
) -> list[Problem]:
    """The problems one schema error stands for (a failed anyOf/oneOf stands for the errors of
    its closest branch, each saying how many other branches failed)."""
    path: JsonPath = tuple(error.absolute_path)
    validator = str(error.validator)
    message: str | Msg = _worded(error, error.message)
    if validator in _BRANCHING:
        chosen, count = _branch_choice(error)
        described = error.schema.get("description") if isinstance(error.schema, dict) else None
        # A mapping or list is told what failed in its closest branch; a plain value is told
        # what the field takes, if the schema says it in words (a date: 2006, 2006-07 or
        # 2009-12-03), rather than which regex it missed.
        composite = isinstance(error.instance, dict | list)
        if chosen and (composite or not described):
            which = "schema.other_branch" if count == 2 else "schema.other_branches"
            english = f" ({count - 1} other {'branch' if count == 2 else 'branches'} also failed)"
            extra = msg(which, count=count - 1, english=english)
            more = extra if count > 1 and not suffix else ""
            return [p for sub in chosen for p in _schema_problems(record, sub, suffix or more)]
        value = _short(error.instance)
        if described:
            english = f"{value} is not valid here: {described}"
            message = msg(
                "schema.not_valid_here", value=value, described=described, english=english
            )
        else:
            types = [str(s.validator_value) for s in error.context or [] if s.validator == "type"]
            english = f"{value} is not of type {' or '.join(map(repr, types))}"
            message = msg("schema.type", value=value, types=_type_words(types), english=english)
    key = False
    if validator in ("unevaluatedProperties", "additionalProperties"):
        found = _UNEXPECTED.search(error.message)
        if found:
            path, key = (*path, found.group(1)), True
            hint = _field_hint(error, found.group(1))
            english = f"unexpected field {found.group(1)!r}" + str(hint)
            message = msg("schema.unexpected", field=found.group(1), hint=hint, english=english)
    elif validator == "enum":
        options = (
            [str(v) for v in error.validator_value]
            if isinstance(error.validator_value, list)
            else []
        )
        hint = suffix_hint(str(error.instance), options)
        english = error.message + str(hint)
        message = msg("schema.enum", value=_short(error.instance), hint=hint, english=english)
    raw = record.doc.implicit.get(path)
    if raw is not None and not key and validator not in ("required", "minimum", "maximum"):
        return [
            record.problem(
                path, YAML_IMPLICIT_TYPE, _implicit_message(raw, validator, error, message)
            )
        ]
    where = pointer(path) or "record"
    place: str | Msg = where if pointer(path) else msg("schema.record")
    english = f"{where}: {message}{suffix}"
    located = msg("schema.at", where=place, message=message, suffix=suffix, english=english)
    return [record.problem(path, schema_code(validator), located, key=key)]


_WORDED = {
    "const": "schema.const",
    "pattern": "schema.pattern",
    "format": "schema.format",
    "minItems": "schema.min_items",
    "maxItems": "schema.max_items",
    "minLength": "schema.min_length",
    "maxLength": "schema.max_length",
    "minimum": "schema.minimum",
    "maximum": "schema.maximum",
    "uniqueItems": "schema.unique_items",
}
_REQUIRED = re.compile(r"^'(.*)' is a required property$", re.DOTALL)


def _worded(error: ValidationError, english: str) -> Msg:
    """jsonschema's message, kept as it is in English; in other languages, worded from the
    error's parts (the keyword, the value, what the schema wants), else given in English."""
    validator = str(error.validator)
    value = _short(error.instance)
    wanted = error.validator_value
    if validator == "required":
        found = _REQUIRED.match(english)
        if found:
            return msg("schema.required", field=found.group(1), english=english)
    if validator == "type":
        names = [str(n) for n in (wanted if isinstance(wanted, list) else [wanted])]
        return msg("schema.type", value=value, types=_type_words(names), english=english)
    if validator in _WORDED:
        return msg(_WORDED[validator], value=value, limit=_short(wanted), english=english)
    return msg("schema.other", message=english, english=english)


def _type_words(names: list[str]) -> Msg:
    words = [msg(f"schema.type_name.{n}") for n in names if n in _TYPE_NAMES]
    if not words:
        return msg("schema.other", message=" or ".join(map(repr, names)))
    joined = words[0]
    for word in words[1:]:
        joined = msg("schema.either", first=joined, second=word)
    return joined


def _implicit_message(raw: str, validator: str, error: ValidationError, message: str | Msg) -> Msg:
    """Why a plain scalar broke the schema: YAML read it as a number, boolean or null."""
    read_as = _short(error.instance)
    expected: str | Msg
    if validator == "type":
        wanted = error.validator_value
        names = [str(n) for n in (wanted if isinstance(wanted, list) else [wanted])]
        english = f"this field expects {' or '.join(_TYPE_NAMES.get(n, n) for n in names)}"
        expected = msg("schema.expects", types=_type_words(names), english=english)
    else:
        expected = message
    if raw == "":
        english = f"the value is empty, which YAML reads as null; {expected}: write the value"
        return msg("schema.implicit_empty", expected=expected, english=english)
    quoted = raw.replace("'", "''")
    english = (
        f"unquoted {raw} is read by YAML as {read_as}, but {expected}; "
        f"if you mean the text, quote it: '{quoted}'"
    )
    return msg(
        "schema.implicit",
        raw=raw,
        read_as=read_as,
        expected=expected,
        quoted=quoted,
        english=english,
    )


def _field_hint(error: ValidationError, name: str) -> str | Msg:
    schema = error.schema if isinstance(error.schema, dict) else {}
    known = list((schema.get("properties") or {}).keys())
    return suffix_hint(name, known) if known else ""


def schema_problems(registry: Registry, record: Record) -> list[Problem]:
    validator = registry.schemas.validator(KINDS[record.kind].schema)
    return [
        p for error in validator.iter_errors(record.data) for p in _schema_problems(record, error)
    ]

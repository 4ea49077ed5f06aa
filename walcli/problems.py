"""Problems are values: where, what and how bad. Every code is documented here once."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True, slots=True)
class Problem:
    file: str
    line: int
    column: int
    path: str
    code: str
    severity: Severity
    message: str

    def sort_key(self) -> tuple[str, int, int, str, str, str]:
        return (self.file, self.line, self.column, self.code, self.path, self.message)

    def as_dict(self) -> dict[str, object]:
        return {
            "file": self.file,
            "line": self.line,
            "column": self.column,
            "path": self.path,
            "code": self.code,
            "severity": self.severity.value,
            "message": self.message,
        }


@dataclass(frozen=True, slots=True)
class Code:
    severity: Severity
    description: str
    hint: str


E, W = Severity.ERROR, Severity.WARNING

# The one table of problem codes: `wal validate --explain`, the README and the tests read it.
CODES: dict[str, Code] = {
    "yaml-syntax": Code(
        E,
        "The file is not well-formed YAML.",
        "Fix the YAML at the position given; check indentation and quotes.",
    ),
    "yaml-tab": Code(
        E,
        "A tab character is used for indentation.",
        "Indent with spaces only; YAML forbids tabs there.",
    ),
    "yaml-duplicate-key": Code(
        E,
        "A mapping has the same key twice; YAML would silently keep the last.",
        "Remove or rename one of the two keys.",
    ),
    "yaml-tag": Code(
        E,
        "An explicit or language-specific tag (!!python/..., !custom) is used.",
        "Remove the tag; records hold plain strings, numbers, lists and mappings.",
    ),
    "yaml-alias": Code(
        E,
        "Anchors, aliases and merge keys are refused (they hide repetition and enable alias bombs).",
        "Write the value out in full where it is used.",
    ),
    "yaml-too-deep": Code(
        E,
        "The document nests deeper than any record needs.",
        "Flatten the structure; records nest at most 32 levels.",
    ),
    "yaml-multiple-documents": Code(
        E,
        "The file holds more than one YAML document.",
        "Keep one record per file; remove the extra '---' documents.",
    ),
    "non-finite-number": Code(
        E,
        "A number is .inf or .nan, which JSON cannot hold.",
        "Write the real figure, or quote the text if it is not a number.",
    ),
    "encoding": Code(
        E, "The file is not UTF-8 text.", "Save the file as UTF-8 (with or without BOM)."
    ),
    "empty-file": Code(E, "The file holds no record.", "Write the record, or delete the file."),
    "not-a-mapping": Code(
        E,
        "The document is not a mapping of fields.",
        "A record is a mapping: 'id: ...', 'name: ...' at the top level.",
    ),
    "file-too-large": Code(
        E,
        "The file is larger than a record can be (1 MiB).",
        "Split the content or remove what does not belong in a record.",
    ),
    "not-a-file": Code(
        E,
        "A path in a data folder that looks like a record is not a regular, readable file.",
        "Replace it with a regular file or remove it.",
    ),
    "link-outside-root": Code(
        E,
        "A symbolic link in a data folder points outside the registry.",
        "Copy the record into the registry instead of linking to it.",
    ),
    "stray-file": Code(
        W,
        "A file in a data folder that is not a record (.yaml) is skipped.",
        "Rename it to <id>.yaml if it is a record, or move it out of data/.",
    ),
    "yaml-implicit-type": Code(
        E,
        "An unquoted value was read by YAML as something else (NO as false, 010 as 8, 1.10 as 1.1, 12:30 as 750, ~ as null).",
        "Quote the value as the message shows ('NO', '12:30'); for a number, write it in plain decimals (8, not 010).",
    ),
    "id-mismatch": Code(
        E,
        "The record's id differs from its file name.",
        "Rename the file to <id>.yaml or change the id to the file stem.",
    ),
    "duplicate-id": Code(
        E, "Two records share an id.", "Ids are unique across the registry; rename one of them."
    ),
    "unknown-reference": Code(
        E,
        "A reference names a record that does not exist.",
        "Use one of the suggested ids, or add the missing record.",
    ),
    "wrong-kind-reference": Code(
        E,
        "A reference names a record of another kind than the field expects.",
        "Point the field at a record of the expected kind.",
    ),
    "unknown-source": Code(
        E,
        "A fact cites a source id that the record does not list.",
        "Add the source to the record's 'sources' or cite one of its ids.",
    ),
    "duplicate-source": Code(
        E,
        "A source id or URL appears twice in one record.",
        "Keep one entry per source and cite it by its id.",
    ),
    "bad-date": Code(
        E,
        "A date has the right shape but does not exist in the calendar.",
        "Correct the day or month; use a coarser precision (2016-08) if unsure.",
    ),
    "period-order": Code(
        E,
        "A period ends before it starts (start/end, from/to, presented/adopted), at the precision given.",
        "Swap or correct the dates; 2006 and 2006-07 do not contradict each other.",
    ),
    "range-order": Code(
        E,
        "A figure given as a range has its max below its value (the lower end).",
        "Put the lower end in value and the upper end in max.",
    ),
    "label-outside-plan": Code(
        E,
        "No sourced labelling date of a pole lies within the period of the plan in labelled_by.",
        "Correct labelled or labelled_by, or the plan's period; one sourced claim inside suffices.",
    ),
    "reference-cycle": Code(
        E,
        "References from a kind to itself (predecessor, continues, related, ...) come back to where they started.",
        "Store each relation once, on the later record, and remove the reference that closes the cycle.",
    ),
    "series-order": Code(
        E,
        "A series (items with as_of or date that the schema keeps in date order) is out of order.",
        "Move the item to its place by date; undated items go last.",
    ),
    "seed-deck-citation": Code(
        E,
        "The seed deck is cited by a fact not marked attributed_to: seed-deck, or a fact so marked does not cite it.",
        "Mark the claim attributed_to: seed-deck beside the sourced one, or cite a real source.",
    ),
    "duplicate-local-id": Code(
        E,
        "Two items of one list in a record (actors, actions, bodies, programmes) share an id, or two axes a number.",
        "Give each item its own id.",
    ),
    "unknown-local-id": Code(
        E,
        "An id local to the record (an actor named by an action or a body, an axis named by a programme) names no item of the record.",
        "Use one of the suggested ids, or add the missing item.",
    ),
    "seed-deck-alone": Code(
        E,
        "Every claim of a fact is the seed deck's: the fact is unconfirmed, yet would read as a value.",
        "Keep the deck's claim beside a sourced claim, or move it to open_questions.",
    ),
    "mojibake": Code(
        W,
        "Text looks mis-decoded (mojibake): UTF-8 read as another encoding, like 'Ã©' for 'é' (found by ftfy).",
        "Replace the text with the repair the message suggests, or copy it again from the source as UTF-8.",
    ),
}

SCHEMA_CODE_PREFIX = "schema-"
SCHEMA_CODE = Code(
    E,
    "The record breaks its JSON Schema; the code names the keyword (schema-required, schema-enum, ...).",
    "Read the message: it names the field and what the schema expects there.",
)

# The schema keywords records most often break, each as its own code: schema- + the keyword in
# kebab-case. A keyword not listed here still gets a code, described by SCHEMA_CODE.
SCHEMA_CODES: dict[str, Code] = {
    "schema-required": Code(E, "A required field is missing.", "Add the field the message names."),
    "schema-type": Code(
        E,
        "A value has the wrong type (text where a number is expected, a list where a mapping is, ...).",
        "Write the value in the type the message names; quote text that YAML would read as a number.",
    ),
    "schema-enum": Code(
        E,
        "A value is not one of the allowed values.",
        "Use one of the values listed (the message suggests the nearest).",
    ),
    "schema-const": Code(
        E, "A value differs from the one value allowed.", "Write the value the message names."
    ),
    "schema-pattern": Code(
        E,
        "A text does not have the expected shape (an id slug, a date, a URL, ...).",
        "Rewrite it in the shape the message shows, e.g. ids as lowercase-words-with-hyphens.",
    ),
    "schema-format": Code(
        E,
        "A text is not a valid URI, e-mail or other format.",
        "Correct the value; URLs start with http:// or https://.",
    ),
    "schema-additional-properties": Code(
        E,
        "A mapping has a field the schema does not know (often a typo).",
        "Rename the field to the suggested one, or remove it.",
    ),
    "schema-unevaluated-properties": Code(
        E,
        "A mapping has a field the schema does not know (often a typo).",
        "Rename the field to the suggested one, or remove it.",
    ),
    "schema-min-items": Code(
        E,
        "A list has fewer items than needed (e.g. no source).",
        "Add the missing items, e.g. at least one source.",
    ),
    "schema-max-items": Code(
        E, "A list has more items than allowed.", "Remove items or split the record."
    ),
    "schema-unique-items": Code(
        E, "A list holds the same item twice.", "Remove the repeated item."
    ),
    "schema-min-length": Code(
        E, "A text is empty or too short.", "Write the text, or remove the field."
    ),
    "schema-max-length": Code(
        E,
        "A text is longer than allowed.",
        "Shorten the text; long prose belongs in a paragraph field.",
    ),
    "schema-minimum": Code(
        E,
        "A number is below the smallest allowed value.",
        "Correct the figure (amounts and counts are never negative).",
    ),
    "schema-maximum": Code(
        E, "A number is above the largest allowed value.", "Correct the figure or its unit."
    ),
    "schema-any-of": Code(
        E,
        "A value fits none of the shapes the field allows.",
        "Read which shape was closest and how it failed; rewrite the value in one allowed shape.",
    ),
    "schema-one-of": Code(
        E,
        "A value fits none, or more than one, of the shapes the field allows.",
        "Read which shape was closest and how it failed; rewrite the value in exactly one allowed shape.",
    ),
    "schema-not": Code(
        E,
        "A value has a shape the schema forbids here.",
        "Rewrite the value as the message explains.",
    ),
    "schema-dependent-required": Code(
        E, "A field needs another field beside it.", "Add the field the message names."
    ),
}


def schema_code(keyword: str) -> str:
    """The code for a broken schema keyword: additionalProperties -> schema-additional-properties."""
    return SCHEMA_CODE_PREFIX + re.sub(r"(?<!^)(?=[A-Z])", "-", keyword).lower()


def describe(code: str) -> Code | None:
    """The description and hint of a code, schema-* codes included; None if unknown."""
    if code in CODES:
        return CODES[code]
    if code in SCHEMA_CODES:
        return SCHEMA_CODES[code]
    if code.startswith(SCHEMA_CODE_PREFIX) and re.fullmatch(r"schema(-[a-z0-9]+)+", code):
        return SCHEMA_CODE
    return None


def pointer(path: Iterable[str | int]) -> str:
    """A JSON Pointer (RFC 6901) for a path into a record."""
    return "".join("/" + str(p).replace("~", "~0").replace("/", "~1") for p in path)


def sorted_problems(problems: list[Problem]) -> list[Problem]:
    return sorted(problems, key=Problem.sort_key)

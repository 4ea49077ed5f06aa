"""The floor for `wal validate`: libyaml parsing plus one reused validator per kind, nothing else.

    python bench/floor_validate.py ROOT

Reads every ROOT/data/KIND/*.yaml with yaml.load and libyaml's CSafeLoader, and validates it
with one Draft202012Validator per kind (same schemas, same referencing registry, same format
checker as wal). No positions, no references, no rules. Prints the file and error counts;
exits 1 when any file has an error.

Timestamps are left as text (as wal does): with PyYAML's default resolver, `2009-12-03` would
become a date object and fail every `"type": "string"` date in the schemas.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import yaml
from jsonschema import Draft202012Validator
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

KINDS = ("domains", "poles", "plans", "shocks")


class Loader(yaml.CSafeLoader):
    """libyaml; every YAML 1.1 implicit type except timestamps."""


Loader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if not tag.endswith(":timestamp")]
    for first, resolvers in yaml.CSafeLoader.yaml_implicit_resolvers.items()
}


def main(root: Path) -> int:
    documents = {
        path.name: json.loads(path.read_text(encoding="utf-8"))
        for path in sorted((root / "schemas").glob("*.schema.json"))
    }
    registry: Registry = Registry().with_resources(
        (name, Resource.from_contents(doc, default_specification=DRAFT202012))
        for name, doc in documents.items()
    )
    files = errors = 0
    for kind in KINDS:
        folder = root / "data" / kind
        if not folder.is_dir():
            continue
        validator = Draft202012Validator(
            documents[f"{kind}.schema.json"],
            registry=registry,
            format_checker=Draft202012Validator.FORMAT_CHECKER,
        )
        for name in sorted(os.listdir(folder)):
            if not name.endswith(".yaml"):
                continue
            with open(folder / name, "rb") as handle:
                data = yaml.load(handle.read().decode("utf-8"), Loader=Loader)
            files += 1
            found = sum(1 for _ in validator.iter_errors(data))
            if found:
                errors += found
                print(f"data/{kind}/{name}: {found} schema errors", file=sys.stderr)
    print(f"{files} files, {errors} errors")
    return 1 if errors else 0


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: python bench/floor_validate.py ROOT")
    sys.exit(main(Path(sys.argv[1])))

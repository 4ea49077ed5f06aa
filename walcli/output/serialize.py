"""Machine formats: strict JSON (no NaN or Infinity) and YAML, keys in record order. Both
carry text exactly (it reads back the same), yet no control or bidirectional character of the
data appears raw: JSON writes them as \\u escapes, YAML in double quotes with escapes, so a
terminal or an editor showing the output shows them as escapes too."""

from __future__ import annotations

import json
import re
from typing import Any

from walcli.output.safe import UNSAFE_IN_DOCUMENT as UNSAFE


def _json_escape(match: re.Match[str]) -> str:
    return f"\\u{ord(match.group()):04x}"


def to_json(value: Any) -> str:
    text = json.dumps(value, ensure_ascii=False, indent=2, allow_nan=False)
    # json escapes C0 controls itself; the rest can only stand inside strings, where a \u
    # escape means the same character.
    return UNSAFE.sub(_json_escape, text) + "\n"


def _yaml_escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code <= 0xFF else f"\\u{code:04x}"


def to_yaml(value: Any, *, ascii: bool = False) -> str:
    """YAML of the value; with ascii, every other character written as an escape."""
    import yaml

    # libyaml's emitter when PyYAML has it: the pure-Python one is five times slower.
    base: Any = getattr(yaml, "CSafeDumper", yaml.SafeDumper)

    class Dumper(base):  # type: ignore[misc]
        pass

    def text(dumper: Any, data: str) -> yaml.ScalarNode:
        # Text holding such a character is written double-quoted: there, and only there,
        # YAML reads an escape as the character it stands for.
        style = '"' if UNSAFE.search(data) else None
        node: yaml.ScalarNode = dumper.represent_scalar("tag:yaml.org,2002:str", data, style=style)
        return node

    Dumper.add_representer(str, text)
    dumped: str = yaml.dump(
        value, Dumper=Dumper, allow_unicode=not ascii, sort_keys=False, width=100
    )
    return UNSAFE.sub(_yaml_escape, dumped)

"""Text from the data inside diagrams: Mermaid and Graphviz DOT.

Labels are made safe first (control, line-break and bidi characters become visible escapes,
see output/safe.py), then every character a diagram language gives a meaning is written as
an escape, so the data can hold quotes, brackets, pipes, arrows, backticks, HTML, Markdown,
`%%{init}%%` directives or entity codes and still shows literally. Node ids never come from
raw text: they are derived from the kind and the id, injectively.
"""

from __future__ import annotations

import re

from walcli.output.safe import safe

_SLUG = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")

# Mermaid reads `#name;` and `#123;` as entity codes anywhere in a diagram (before parsing), so
# every sensitive character becomes one: `"` ends a quoted label, `` ` `` starts a Markdown
# label, `<>&` would be HTML, `|` ends an edge label, `:` separates timeline events, `%` starts
# comments and directives, `;` and `#` could complete or start an entity of the data's own.
# Brackets need nothing: labels are always quoted, and timeline events end only at a colon.
_MERMAID = {
    "#": "#35;",
    '"': "#quot;",
    "&": "#38;",
    "<": "#60;",
    ">": "#62;",
    "`": "#96;",
    "|": "#124;",
    ":": "#58;",
    "%": "#37;",
    ";": "#59;",
}
_MERMAID_TABLE = str.maketrans(_MERMAID)


def kind_class(kind: str) -> str:
    """A kind as a diagram identifier (a class name, the head of node ids)."""
    return re.sub(r"[^a-z0-9]", "_", kind.lower()) or "record"


def node_id(kind: str, record_id: str) -> str:
    """A diagram-safe identifier for a record, one per (kind, id): `poles__biowin` for the
    usual slug ids (hyphens become underscores, which slugs never hold), and the id's UTF-8
    in hex after a third underscore for any other id (which a slug can never produce)."""
    head = kind_class(kind)
    if _SLUG.match(record_id):
        return f"{head}__{record_id.replace('-', '_')}"
    return f"{head}___{record_id.encode('utf-8').hex()}"


def mermaid_text(text: str) -> str:
    """Text shown literally inside a Mermaid label or timeline event (without quotes)."""
    return safe(text).translate(_MERMAID_TABLE)


def mermaid_label(text: str) -> str:
    """A quoted Mermaid label: "..."."""
    return f'"{mermaid_text(text)}"'


def dot_string(text: str) -> str:
    """A DOT quoted string that Graphviz shows literally: backslashes (its escapes such as
    \\N and \\l) and quotes escaped, `&` written as an entity (it decodes &lt; and friends)."""
    text = safe(text).replace("\\", "\\\\").replace('"', '\\"').replace("&", "&amp;")
    return f'"{text}"'

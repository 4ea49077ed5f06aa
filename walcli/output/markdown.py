"""The one Markdown escaper: data text read literally wherever it lands in a page."""

from __future__ import annotations

import re

from walcli.output.safe import safe

# Inline: these change how Markdown reads text anywhere in a line (emphasis, code, links,
# raw HTML, table cells, strikethrough, escapes themselves).
_INLINE = re.compile(r"([\\`*_\[\]<>|~])")
# At the start of a block: headings, lists, quotes, thematic breaks.
_BLOCK_START = re.compile(r"^(\s*)([#+\-=>]|\d+(?=[.)]))")


def escape(text: str) -> str:
    """Text shown literally in Markdown: safe first, then every special character escaped."""
    text = safe(text).replace("&", "&amp;")
    text = _INLINE.sub(r"\\\1", text)
    return _BLOCK_START.sub(_block_escape, text)


def _block_escape(match: re.Match[str]) -> str:
    lead, marker = match.group(1), match.group(2)
    if marker[0].isdigit():  # an ordered-list number: escape the dot or parenthesis after it
        return lead + marker + "\\"
    return lead + "\\" + marker


def table(header: list[str], rows: list[list[str]]) -> str:
    """A GFM table whose cells are escaped: regular whatever the data holds."""
    lines = [
        "| " + " | ".join(escape(c) for c in header) + " |",
        "|" + "|".join(" --- " for _ in header) + "|",
    ]
    lines += ["| " + " | ".join(escape(c) for c in line) + " |" for line in rows]
    return "\n".join(lines) + "\n"

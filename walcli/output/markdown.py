"""The one Markdown escaper family: data text read literally wherever it lands in a page.

`escape` is the base (every character Markdown or GitHub could act on, escaped). The others
place text in one context of a page: a line of prose (`inline`), a table cell (`cell`), a
heading (`heading`), the text and the address of a link (`link_text`, `link_url`), a
footnote (`footnote`), a code span (`code`) and a fenced block (`fence`). Report templates
get them as filters; the tables of `--format markdown` use them too.
"""

from __future__ import annotations

import re
from urllib.parse import quote

from walcli.output.safe import safe

# Inline: these change how Markdown reads text anywhere in a line (emphasis, code, links,
# raw HTML, table cells, strikethrough, escapes themselves, GitHub's $math$).
_INLINE = re.compile(r"([\\`*_\[\]<>|~$])")
# At the start of a block: headings, lists, quotes, thematic breaks.
_BLOCK_START = re.compile(r"^(\s*)([#+\-=>]|\d+(?=[.)]))")
# Line and paragraph breaks, and the other whitespace a line of prose cannot hold.
_BREAKS = re.compile("\r\n|[\n\r\t\v\f\x85\u2028\u2029]")
# What GitHub turns into a link or an emoji in prose: `http://...`, `:shortcode:`.
_COLON = re.compile(r":(?=//|[A-Za-z0-9_+-]+:)")
_SHORTCODE = re.compile(r":(?=[A-Za-z0-9_+-]+:)")
# Entity-like text (`&copy;`, `&#60;`): Markdown would decode it, so its `&` is escaped.
_ENTITY = re.compile(r"&(?=#?[A-Za-z0-9]+;)")
_WEB = re.compile(r"^https?://[^/?#\s]", re.IGNORECASE)
# URL characters kept as they are; everything else (spaces, quotes, brackets that end a
# link, pipes that split a table cell, backslashes, non-ASCII) is percent-encoded.
_URL_SAFE = "!#$%&'*+,/:;=?@~-._"


def escape(text: str) -> str:
    """Text shown literally in Markdown: safe first, then every special character escaped."""
    text = _ENTITY.sub("&amp;", safe(text))
    text = _INLINE.sub(r"\\\1", text)
    return _BLOCK_START.sub(_block_escape, text)


def _block_escape(match: re.Match[str]) -> str:
    lead, marker = match.group(1), match.group(2)
    if marker[0].isdigit():  # an ordered-list number: escape the dot or parenthesis after it
        return lead + marker + "\\"
    return lead + "\\" + marker


def _one_line(text: str) -> str:
    """Line breaks read as the space Markdown would make of them; no edge whitespace (a
    leading indent would open a code block, trailing spaces a hard break)."""
    return " ".join(_BREAKS.sub(" ", text).split(" ")).strip(" ")


def inline(text: str) -> str:
    """A piece of prose on one line (a paragraph, a list item, emphasis)."""
    return _COLON.sub(r"\\:", escape(_one_line(text)))


def cell(text: str) -> str:
    """A table cell: one line, pipes escaped, so the table keeps its columns."""
    return inline(text)


def heading(text: str) -> str:
    """The text of an ATX heading: no `#` may close it early."""
    return inline(text).replace("#", "\\#")


def link_text(text: str) -> str:
    """The text between the brackets of a link (a link cannot hold another: an address
    there stays text)."""
    return _SHORTCODE.sub(r"\\:", escape(_one_line(text)))


def footnote(text: str) -> str:
    """The text of a footnote definition (one line)."""
    return inline(text)


def link_url(url: str) -> str | None:
    """An http(s) address ready for `[text](...)`, or None for anything else (a
    `javascript:` or `data:` address, a relative path, text that is not a URL)."""
    text = url.strip()
    if not _WEB.match(text):
        return None
    return _ENTITY.sub("&amp;", quote(text, safe=_URL_SAFE))


def page_url(path: str) -> str:
    """A relative link to another page of a report (a POSIX path), percent-encoded."""
    return quote(path, safe="/-._~")


def code(text: str) -> str:
    """A code span (not for table cells: GitHub splits cells at `|` even inside code)."""
    text = safe(_one_line(text))
    ticks = max((len(run) for run in re.findall("`+", text)), default=0) + 1
    pad = " " if text.startswith(("`", " ")) or text.endswith(("`", " ")) else ""
    return f"{'`' * ticks}{pad}{text}{pad}{'`' * ticks}"


def fence(body: str, info: str = "") -> str:
    """A fenced code block whose fence no line of body can close."""
    ticks = max((len(run) for run in re.findall("^ *(`{3,})", body, re.MULTILINE)), default=2)
    marker = "`" * max(3, ticks + 1)
    return f"{marker}{info}\n{body.rstrip(chr(10))}\n{marker}"


def table(header: list[str], rows: list[list[str]]) -> str:
    """A GFM table whose cells are escaped: regular whatever the data holds."""
    lines = [
        "| " + " | ".join(escape(c) for c in header) + " |",
        "|" + "|".join(" --- " for _ in header) + "|",
    ]
    lines += ["| " + " | ".join(escape(c) for c in line) + " |" for line in rows]
    return "\n".join(lines) + "\n"

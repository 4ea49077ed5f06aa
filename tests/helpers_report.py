"""Helpers for the tests of `wal report`: a small registry on the real schemas, and the two
readers every generated page must satisfy (markdown-it-py with GFM tables and footnotes, and
the pymarkdownlnt linter under the repository's .pymarkdown.json)."""

from __future__ import annotations

import html
import re
from pathlib import Path

from markdown_it import MarkdownIt
from markdown_it.token import Token
from mdit_py_plugins.footnote import footnote_plugin
from pymarkdown.api import PyMarkdownApi

from tests.conftest import build_registry

TESTS = Path(__file__).parent
REPO = TESTS.parent
FIXTURE = TESTS / "fixtures" / "report"
LINT_CONFIG = REPO / ".pymarkdown.json"
# GFM as GitHub reads it, with raw HTML recognised (so that any would show up as tokens).
PARSER = (
    MarkdownIt("commonmark", {"html": True})
    .enable("table")
    .enable("strikethrough")
    .use(footnote_plugin)
)
RELATIVE_PAGE = re.compile(r"^(\.\./)?([a-z]+/)?[A-Za-z0-9_.%-]+\.md$")


def report_registry(parent: Path, name: str = "registry") -> Path:
    """The report fixture's records with the repository's own schemas."""
    return build_registry(parent / name, FIXTURE / "data")


def tokens(text: str) -> list[Token]:
    """Every token of a page, nested ones included."""
    found: list[Token] = []
    stack = list(reversed(PARSER.parse(text)))
    while stack:
        token = stack.pop()
        found.append(token)
        stack.extend(reversed(token.children or []))
    return found


def problems(text: str) -> list[str]:
    """What is wrong with a page as Markdown: raw HTML, links that are neither http(s) nor
    a page of the report nor a footnote, irregular tables, and the linter's findings."""
    found: list[str] = []
    all_tokens = tokens(text)
    for token in all_tokens:
        if token.type in ("html_block", "html_inline"):
            found.append(f"raw HTML: {token.content!r}")
        if token.type == "link_open":
            href = str(token.attrGet("href"))
            if not (href.startswith(("http://", "https://")) or RELATIVE_PAGE.match(href)):
                found.append(f"link to {href!r}")
        if token.type == "image":
            found.append("an image")
    found += _irregular_tables(all_tokens)
    lint = PyMarkdownApi().configuration_file_path(str(LINT_CONFIG)).scan_string(text)
    found += [
        f"{f.line_number}:{f.column_number} {f.rule_id} {f.rule_name}" for f in lint.scan_failures
    ]
    return found


def _irregular_tables(all_tokens: list[Token]) -> list[str]:
    found = []
    widths: list[int] = []
    cells = 0
    for token in all_tokens:
        if token.type == "table_open":
            widths = []
        elif token.type == "tr_open":
            cells = 0
        elif token.type in ("th_open", "td_open"):
            cells += 1
        elif token.type == "tr_close":
            widths.append(cells)
        elif token.type == "table_close" and len(set(widths)) > 1:
            found.append(f"a table with rows of {sorted(set(widths))} cells")
    return found


def shown_text(text: str) -> str:
    """What a reader sees of a page, code blocks aside: its HTML without tags, entities
    decoded, whitespace collapsed."""
    body = PARSER.render(re.sub(r"(?ms)^```+mermaid$.*?^```+$", "", text))
    plain = html.unescape(re.sub(r"<[^>]+>", " ", body))
    return " ".join(plain.split())


def pages(folder: Path) -> dict[str, str]:
    return {
        p.relative_to(folder).as_posix(): p.read_text(encoding="utf-8")
        for p in sorted(folder.rglob("*.md"))
    }

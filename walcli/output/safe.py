"""Text from the data, made safe to show: terminal controls, line breaks and bidirectional
overrides become visible escapes (\\x1b, \\u202e), so no sequence from a record or a file name
can act on a terminal, a CI log or a reader's screen."""

from __future__ import annotations

import re

# C0 and C1 controls, DEL, line and paragraph separators, and the bidirectional marks,
# embeddings, overrides and isolates (Trojan Source).
_INVISIBLE = "\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029"
UNSAFE = re.compile(f"[\x00-\x1f\x7f-\x9f{_INVISIBLE}]")
# The same less tab and line break: what machine formats (JSON, YAML) must not carry raw,
# though their layout is made of line breaks and they escape tabs inside strings themselves.
UNSAFE_IN_DOCUMENT = re.compile(f"[\x00-\x08\x0b-\x1f\x7f-\x9f{_INVISIBLE}]")
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\u{code:04x}" if code > 0xFF else f"\\x{code:02x}"


def safe(text: str) -> str:
    """Control characters, line breaks and bidi overrides shown as escapes, never executed."""
    return UNSAFE.sub(_escape, text)


def safe_lines(text: str) -> str:
    """Like safe, but keeps line breaks (for multi-line blocks such as a record view)."""
    return "\n".join(safe(line) for line in text.split("\n"))


def spreadsheet_safe(text: str) -> str:
    """A cell a spreadsheet will not run as a formula (and safe as above)."""
    text = safe(text)
    return "'" + text if text.startswith(_FORMULA_START) else text

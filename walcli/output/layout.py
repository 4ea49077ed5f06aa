"""Plain-text layout: words wrapped to a width, with pieces that are never cut.

A line is built from pieces: prose (wrapped at spaces) and atoms (an id, a date, an amount,
a URL, a source mark) that stay whole on one line, whatever the width; an atom longer than the
width overflows rather than breaks. Every piece goes through `safe` first, so no text from the
data can act on a terminal, and a line break inside it starts a new line at the same indent.
"""

from __future__ import annotations

import os
import re
import shutil
from dataclasses import dataclass, field

from walcli.output.safe import safe

# Joins the words of an atom while wrapping: a NUL never survives `safe`, so no text from the
# data can hold one.
GLUE = "\x00"
_FRENCH_SPACE = re.compile(r" [:;?!»]|« ")
DEFAULT_WIDTH = 80
MIN_WIDTH = 40


def width(tty: bool) -> int:
    """COLUMNS when set, else the terminal's width, else 80 (a pipe reads 80 columns)."""
    given = os.environ.get("COLUMNS", "")
    if given.isdigit() and int(given) > 0:
        return max(MIN_WIDTH, int(given))
    if tty:
        return max(MIN_WIDTH, shutil.get_terminal_size((DEFAULT_WIDTH, 24)).columns)
    return DEFAULT_WIDTH


@dataclass
class Pieces:
    """The words and atoms of one paragraph, in order."""

    tokens: list[str | None] = field(default_factory=list)  # None: a forced line break

    def text(self, text: str | None) -> Pieces:
        """Prose: wrapped at its spaces (a line break in it is kept)."""
        for number, line in enumerate((text or "").split("\n")):
            if number:
                self.tokens.append(None)
            # French puts a space before : ; ? ! and inside « »: a line never starts with one
            glued = _FRENCH_SPACE.sub(lambda m: m.group(0).replace(" ", GLUE), safe(line))
            self.tokens.extend(word for word in glued.split(" ") if word)
        return self

    def atom(self, text: str | None) -> Pieces:
        """A piece that is never cut (an id, a date, an amount, a URL, "[1, 2]")."""
        if text:
            self.tokens.append(safe(text.replace("\n", " ")).replace(" ", GLUE))
        return self

    def __bool__(self) -> bool:
        return any(token for token in self.tokens)


def wrap(pieces: Pieces, width: int, first: str = "", rest: str | None = None) -> list[str]:
    """Greedy wrapping: `first` starts the first line, `rest` (default: as many spaces) the
    others. A token that does not fit on a fresh line is put there whole."""
    rest = " " * len(first) if rest is None else rest
    lines: list[str] = []
    current = first
    empty = True
    for token in pieces.tokens:
        if token is None:
            lines.append(current.rstrip())
            current, empty = rest, True
            continue
        if empty:
            current += token
            empty = False
        elif len(current) + 1 + len(token) <= width:
            current += " " + token
        else:
            lines.append(current.rstrip())
            current = rest + token
    lines.append(current.rstrip())
    return [_visible(line) for line in lines]


def _visible(line: str) -> str:
    """The spaces inside atoms were glued while wrapping; they read as plain spaces again."""
    return line.replace(GLUE, " ")

"""One record laid out as text for reading: styled on a terminal, plain in a pipe.

The text reads like a fact sheet: the name, kind and id, the summary, then each section in
the schema's order under its label. A fact's sources are numbers ([1, 3]) into the list of
sources at the end, where each has its title, publisher, date and URL. Values that sources
give differently are listed one per line and marked; the seed deck's claims are marked too.
Prose wraps to the width; ids, dates, amounts and URLs are never cut (a URL has a line of its
own, and a URL longer than the line runs past it rather than breaking).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from walcli.i18n.catalog import t
from walcli.output.formats import Out
from walcli.output.layout import Pieces, width, wrap
from walcli.output.safe import safe

if TYPE_CHECKING:
    from walcli.analysis.views import Entry, Fact, Node, RecordView, Source

BULLET = "• "
INDENT = "  "
PROSE = ("text", "name", "word")  # roles that wrap; the others (ids, dates, amounts) never do
LISTABLE = 40  # list items of text up to this length go on one line, separated by commas
SOURCE_MARK = re.compile(r"\[\d+(?:, \d+)*\]")


class Line:
    """One line of text, and how many characters at its start are a label or a heading."""

    __slots__ = ("strong", "text")

    def __init__(self, text: str, strong: int = 0) -> None:
        self.text = text
        self.strong = strong


class TextLayout:
    """A record view as lines of text no wider than `width` (save for atoms that cannot fit)."""

    def __init__(self, view: RecordView, columns: int) -> None:
        self.view, self.width, self.lang = view, columns, view.lang

    def word(self, key: str, **fields: str) -> str:
        return t(key, self.lang, **fields)

    # pieces of one line

    def marks(self, pieces: Pieces, sources: tuple[int, ...], *, seed: bool = False) -> Pieces:
        if sources:
            pieces.atom("[" + ", ".join(map(str, sorted(sources))) + "]")
        if seed:
            pieces.text("(" + self.word("common.mark.seed_deck") + ")")
        return pieces

    def inline(self, node: Node, pieces: Pieces | None = None) -> Pieces | None:
        """The node on one wrapped paragraph, or None when it needs lines of its own."""
        from walcli.analysis.views import Atom, Entry, Fact, Facts, Items, Ref

        pieces = pieces if pieces is not None else Pieces()
        if isinstance(node, Atom):
            prose = node.role in PROSE
            return pieces.text(node.text) if prose else pieces.atom(node.text)
        if isinstance(node, Ref):
            if node.name is None:
                return pieces.atom(node.id).text(self.word("common.missing"))
            return pieces.text(node.name).atom(f"({node.id})")
        if isinstance(node, Fact):
            return self.fact(node, pieces)
        if isinstance(node, Facts) and len(node.facts) == 1 and not node.disputed:
            return self.fact(node.facts[0], pieces)
        if isinstance(node, Items) and node.items and all(_listable(i) for i in node.items):
            for number, item in enumerate(node.items):
                self.inline(item, pieces)
                if number < len(node.items) - 1 and pieces.tokens:
                    pieces.tokens[-1] = f"{pieces.tokens[-1]},"
            return pieces
        if isinstance(node, Entry) and not node.fields and node.title is not None:
            pieces.tokens.extend(self.entry_title(node).tokens)
            return pieces
        return None

    def fact(self, fact: Fact, pieces: Pieces) -> Pieces:
        if fact.label:
            pieces.text(self.word("show.label", label=fact.label))
        value = self.inline(fact.value, Pieces())
        pieces.tokens.extend(value.tokens if value is not None else [])
        if fact.when:
            pieces.atom(f"({fact.when})")
        self.marks(pieces, fact.sources, seed=fact.seed)
        if fact.superseded_by:
            pieces.text("(" + self.word("common.mark.superseded_by", by=fact.superseded_by) + ")")
        elif fact.superseded:
            pieces.text("(" + self.word("common.mark.superseded") + ")")
        if fact.note:
            pieces.text("— " + fact.note)
        return pieces

    # blocks

    def field(self, label: str, node: Node, indent: str) -> list[Line]:
        from walcli.analysis.views import Entry, Facts, Items

        head = indent + self.word("show.label", label=label)
        pieces = self.inline(node)
        if pieces is not None:
            return self._first(wrap(pieces, self.width, head + " ", indent + INDENT), head)
        if isinstance(node, Facts):
            if node.disputed:
                marked = f"{label} ({self.word('common.mark.disputed')})"
                head = indent + self.word("show.label", label=marked)
            lines = [Line(head, len(head))]
            for fact in node.facts:
                lines += self.bullet(self.fact(fact, Pieces()), indent + INDENT)
            return lines
        if isinstance(node, Items):
            lines = [Line(head, len(head))]
            for each in node.items:
                lines += self.item(each, indent + INDENT)
            return lines
        if isinstance(node, Entry):
            title = self.entry_title(node)
            lines = self._first(wrap(title, self.width, head + " ", indent + INDENT), head)
            for sub in node.fields:
                lines += self.field(sub.label, sub.value, indent + INDENT)
            return lines
        return [Line(head, len(head))]

    def item(self, node: Node, indent: str) -> list[Line]:
        from walcli.analysis.views import Entry, Facts

        pieces = self.inline(node)
        if pieces is not None:
            return self.bullet(pieces, indent)
        if isinstance(node, Entry):
            lines = self.bullet(self.entry_title(node), indent)
            for item in node.fields:
                lines += self.field(item.label, item.value, indent + INDENT)
            return lines
        if isinstance(node, Facts):
            return self.field(self.word("common.mark.disputed"), node, indent)
        return self.field("", node, indent)

    def entry_title(self, entry: Entry) -> Pieces:
        pieces = Pieces()
        if entry.prefix:
            numbered = entry.prefix.endswith(".")
            pieces.atom(entry.prefix if numbered or entry.title is None else entry.prefix + " —")
        if entry.title is not None:
            self.inline(entry.title, pieces)
        return self.marks(pieces, entry.sources, seed=entry.seed)

    def bullet(self, pieces: Pieces, indent: str) -> list[Line]:
        return [Line(line) for line in wrap(pieces, self.width, indent + BULLET)]

    def _first(self, lines: list[str], head: str) -> list[Line]:
        """The lines of a field: its label (the head) is strong on the first."""
        return [Line(lines[0], len(head))] + [Line(line) for line in lines[1:]]

    # the whole view

    def lines(self) -> list[Line]:
        view = self.view
        out = [Line(line, len(line)) for line in wrap(Pieces().text(view.name), self.width)]
        out.append(Line(f"{view.kind_label} · {safe(view.record.id)}"))
        if view.summary:
            out.append(Line(""))
            out += [Line(line) for line in wrap(Pieces().text(view.summary), self.width)]
        previous_block = True
        for section in view.sections:
            block = self.inline(section.value) is None
            if block or previous_block:
                out.append(Line(""))
            out += self.field(section.label, section.value, "")
            previous_block = block
        out += self.links()
        out += self.sources(view.cited(view.sections) if view.brief_card else view.sources)
        return out

    def links(self) -> list[Line]:
        view = self.view
        out: list[Line] = []
        if view.references:
            heading = self.word("show.references")
            out += [Line(""), Line(heading, len(heading))]
            for link in view.references:
                pieces = Pieces().text(self.word("show.label", label=link.field_label))
                self.inline(_ref(link), pieces)
                pieces.text(f"· {link.kind_label}")
                out += self.bullet(pieces, INDENT)
        if view.referenced_by:
            heading = self.word("show.referenced_by")
            out += [Line(""), Line(heading, len(heading))]
            for link in view.referenced_by:
                pieces = Pieces()
                self.inline(_ref(link), pieces)
                pieces.text(f"· {link.kind_label} — {link.field_label}")
                out += self.bullet(pieces, INDENT)
        return out

    def sources(self, sources: tuple[Source, ...]) -> list[Line]:
        if not sources:
            return []
        heading = self.word("show.sources")
        out = [Line(""), Line(heading, len(heading))]
        for source in sources:
            number = f"[{source.number}]"
            pieces = Pieces()
            if source.missing:
                pieces.atom(source.id).text(self.word("show.source_missing"))
            else:
                pieces.text(source.title or source.id)
                details = [d for d in (source.publisher, source.date) if d]
                if details:
                    pieces.text("— " + ", ".join(details))
                if source.seed:
                    pieces.text("(" + self.word("show.seed_deck_source") + ")")
                if source.described:
                    pieces.text("(" + self.word("common.mark.described") + ")")
                if source.weak:
                    pieces.text("(" + self.word("common.mark.weak") + ")")
            first = f"{INDENT}{number} "
            out += [Line(line) for line in wrap(pieces, self.width, first)]
            link = source.url or source.file
            if link:
                out.append(Line(" " * len(first) + _one_line(link)))
        return out


def _one_line(text: str) -> str:
    return safe(text)


def _listable(node: Node) -> bool:
    from walcli.analysis.views import Atom, Entry, Ref

    if isinstance(node, Ref):
        return True
    if isinstance(node, Atom):
        return node.role not in PROSE or len(node.text) <= LISTABLE
    return (
        isinstance(node, Entry) and not node.fields and not node.sources and node.title is not None
    )


def _ref(link: object) -> Node:
    from walcli.analysis.views import Link, Ref

    assert isinstance(link, Link)
    return Ref(link.kind, link.kind_label, link.id, link.name)


def text_lines(view: RecordView, columns: int) -> list[Line]:
    return TextLayout(view, columns).lines()


def plain(view: RecordView, columns: int) -> str:
    return "".join(line.text + "\n" for line in text_lines(view, columns))


def _styled(view: RecordView, out: Out) -> None:
    from rich.console import Console
    from rich.text import Text

    console = Console(file=out.stream, markup=False, highlight=False, emoji=False)
    marks = [t(key, view.lang) for key in ("common.mark.disputed", "common.mark.seed_deck")]
    for line in text_lines(view, console.width):
        text = Text(line.text, no_wrap=True, overflow="ignore")
        if line.strong:
            text.stylize("bold", 0, line.strong)
        text.highlight_regex(SOURCE_MARK, "cyan")
        text.highlight_words(marks, "yellow")
        console.print(text, soft_wrap=True)


def render_text(view: RecordView, out: Out) -> None:
    if out.tty:
        _styled(view, out)
    else:
        out.write(plain(view, width(False)))

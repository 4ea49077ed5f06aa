"""Registries for the tests of `wal refs`, `wal timeline` and `wal graph`: the small xref
fixture (tests/fixtures/xref/data) over the repository's real schemas, and the same with
hostile names, built in a temporary folder."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import build_registry

TESTS = Path(__file__).parent
REPO = TESTS.parent
XREF = TESTS / "fixtures" / "xref"

# Text that would break a diagram, a table, a terminal or a page if it were not escaped.
HOSTILE_NAMES = [
    'Quote " and \\" and \\',
    "Brackets ] [ ) ( } { ]] [[ ((",
    "Pipe | and -->|edge| and --o and ==> and --- x",
    "Backtick `code` and ```fence",
    "<script>alert(1)</script> &lt; &amp; #quot; #35; &#60;",
    "%%{init: {'theme': 'dark'}}%% and %% comment",
    "Line\nbreak\r\nand\u2028separator",
    "Escape \x1b[2J bidi \u202egnp.exe\u202c nul-ish \x7f",
    "**bold** _it_ [link](javascript:alert(1)) # heading",
    "end",
    "style x fill:#f00; classDef y fill:#0f0; click A call alert()",
    'a"];B-->C["b',
    "\\N \\G \\l \\n label escapes",
    "semi;colon: and #entity; and ;#;",
    "emoji 🚀 and accents éàç",
    "trailing backslash \\",
]


def xref_registry(parent: Path, name: str = "registry") -> Path:
    """The xref fixture's records with the repository's schemas: valid, small, covering
    claims that disagree, the seed deck, periods, programmes, and links both ways."""
    return build_registry(parent / name, XREF / "data")


def quoted(text: str) -> str:
    """Any text as a YAML double-quoted scalar: printable ASCII as is, the rest escaped."""
    out = []
    for char in text:
        if char in '"\\':
            out.append("\\" + char)
        elif " " <= char <= "~":
            out.append(char)
        elif ord(char) < 0x10000:
            out.append(f"\\u{ord(char):04x}")
        else:
            out.append(f"\\U{ord(char):08x}")
    return '"' + "".join(out) + '"'


def set_name(root: Path, rel: str, text: str) -> None:
    """Give a record the same hostile name in both languages."""
    path = root / rel
    lines = path.read_text(encoding="utf-8").split("\n")
    start = lines.index("name:")
    quoted_text = quoted(text)
    lines[start : start + 3] = [f"name: {{fr: {quoted_text}, en: {quoted_text}}}"]
    path.write_text("\n".join(lines), encoding="utf-8")


RECORDS = [
    "data/domains/dom-a.yaml",
    "data/domains/dom-b.yaml",
    "data/plans/plan-a.yaml",
    "data/plans/plan-b.yaml",
    "data/poles/pole-a.yaml",
    "data/shocks/acme-site-2013.yaml",
]
ODD_STEM = 'Odd id "x"];y'  # a file stem no slug looks like


def hostile_registry(parent: Path, offset: int = 0) -> tuple[Path, dict[str, str]]:
    """The xref registry with a hostile name on every record (the names from offset on), a
    timeline entry whose text is hostile, and a record whose file stem is not a slug. Returns
    the root and the name given to each record, by id."""
    root = xref_registry(parent)
    names = {}
    for index, rel in enumerate(RECORDS):
        text = HOSTILE_NAMES[(offset + index) % len(HOSTILE_NAMES)]
        set_name(root, rel, text)
        names[Path(rel).stem] = text
    odd = HOSTILE_NAMES[(offset + len(RECORDS)) % len(HOSTILE_NAMES)]
    (root / "data" / "poles" / f"{ODD_STEM}.yaml").write_text(
        f"id: {quoted(ODD_STEM)}\n"
        f"name: {{fr: {quoted(odd)}, en: {quoted(odd)}}}\n"
        "domain: dom-a\n"
        "labelled_by: plan-a\n"
        "labelled:\n  - value: 2007\n    sources: [s]\n"
        "timeline:\n"
        f"  - date: 2008-02\n    event: {{fr: {quoted(odd)}, en: {quoted(odd)}}}\n"
        "    sources: [s]\n"
        "sources:\n  - {id: s, title: t, url: 'https://example.org/?q=a|b'}\n",
        encoding="utf-8",
    )
    names[ODD_STEM] = odd
    return root, names

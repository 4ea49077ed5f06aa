"""Read one record file: bounded, UTF-8 (BOM allowed), then YAML. Whatever the file holds,
the answer is a Document or a located Problem."""

from __future__ import annotations

from pathlib import Path

from walcli.core.problems import Code, E, Problem
from walcli.io.yaml import Document, parse_text

MAX_BYTES = 1024 * 1024

ENCODING = Code(
    "encoding", E, "The file is not UTF-8 text.", "Save the file as UTF-8 (with or without BOM)."
)
FILE_TOO_LARGE = Code(
    "file-too-large",
    E,
    "The file is larger than a record can be (1 MiB).",
    "Split the content or remove what does not belong in a record.",
)
NOT_A_FILE = Code(
    "not-a-file",
    E,
    "A path in a data folder that looks like a record is not a regular, readable file.",
    "Replace it with a regular file or remove it.",
)
CODES = (ENCODING, FILE_TOO_LARGE, NOT_A_FILE)


def _at(text: str, index: int) -> tuple[int, int]:
    line = text.count("\n", 0, index) + 1
    return line, index - (text.rfind("\n", 0, index) + 1) + 1


def decode(raw: bytes, rel: str) -> str | Problem:
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return ENCODING.at(rel, 1, 1, "", "the file is UTF-16 or UTF-32; save it as UTF-8")
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        before = raw[: exc.start].decode("utf-8")
        line, column = _at(before, len(before))
        return ENCODING.at(rel, line, column, "", f"byte 0x{raw[exc.start]:02x} is not UTF-8")
    nul = text.find("\0")
    if nul >= 0:  # valid UTF-8, but no text file holds NUL: UTF-16/32 without BOM, or binary
        line, column = _at(text, nul)
        return ENCODING.at(
            rel,
            line,
            column,
            "",
            "a NUL character: the file looks like UTF-16 or UTF-32 without a byte-order mark, "
            "or binary; save it as UTF-8 text",
        )
    return text


def read_file(path: Path, rel: str, *, track: bool = True) -> Document | Problem:
    """Read one record file. Whatever it holds, the answer is a Document or a Problem."""
    try:
        with path.open("rb") as handle:
            raw = handle.read(MAX_BYTES + 1)
    except OSError as exc:
        return NOT_A_FILE.in_file(rel, f"cannot read the file: {exc.strerror or exc}")
    if len(raw) > MAX_BYTES:
        return FILE_TOO_LARGE.in_file(rel, f"larger than {MAX_BYTES} bytes")
    text = decode(raw, rel)
    if isinstance(text, Problem):
        return text
    return parse_text(text, rel, track=track)

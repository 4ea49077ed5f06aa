"""Read one record file: bounded, UTF-8 (BOM allowed), then YAML. Whatever the file holds,
the answer is a Document or a located Problem."""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

from walcli.core.problems import Code, E, Problem
from walcli.i18n.catalog import msg
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
LINK_OUTSIDE_ROOT = Code(
    "link-outside-root",
    E,
    "A symbolic link in a data folder (a record or a kind's folder) points outside the registry.",
    "Copy the record into the registry instead of linking to it.",
)
CODES = (ENCODING, FILE_TOO_LARGE, NOT_A_FILE, LINK_OUTSIDE_ROOT)


def _at(text: str, index: int) -> tuple[int, int]:
    line = text.count("\n", 0, index) + 1
    return line, index - (text.rfind("\n", 0, index) + 1) + 1


def decode(raw: bytes, rel: str) -> str | Problem:
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return ENCODING.at(rel, 1, 1, "", msg("loader.utf16"))
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        before = raw[: exc.start].decode("utf-8")
        line, column = _at(before, len(before))
        return ENCODING.at(
            rel, line, column, "", msg("loader.not_utf8", byte=f"0x{raw[exc.start]:02x}")
        )
    nul = text.find("\0")
    if nul >= 0:  # valid UTF-8, but no text file holds NUL: UTF-16/32 without BOM, or binary
        line, column = _at(text, nul)
        return ENCODING.at(
            rel,
            line,
            column,
            "",
            msg("loader.nul"),
        )
    return text


def read_file(
    path: Path, rel: str, *, track: bool = True, root: str | None = None
) -> Document | Problem:
    """Read one record file. Whatever it holds, the answer is a Document or a Problem."""
    raw = read_bytes(path, rel, MAX_BYTES, root)
    if isinstance(raw, Problem):
        return raw
    text = decode(raw, rel)
    if isinstance(text, Problem):
        return text
    return parse_text(text, rel, track=track)


# Never wait on what is opened (a FIFO), never make it our terminal, never hand it to git.
_OPEN_FLAGS = (
    os.O_RDONLY
    | getattr(os, "O_NONBLOCK", 0)
    | getattr(os, "O_NOCTTY", 0)
    | getattr(os, "O_CLOEXEC", 0)
)
_KINDS = (
    (stat.S_ISDIR, "folder"),
    (stat.S_ISFIFO, "pipe"),
    (stat.S_ISCHR, "device"),
    (stat.S_ISBLK, "device"),
    (stat.S_ISSOCK, "socket"),
)


def _what(mode: int) -> str:
    return next((name for test, name in _KINDS if test(mode)), "other")


def inside(real: str, root: str) -> bool:
    return real == root or real.startswith(root.rstrip(os.sep) + os.sep)


def _opened_path(fd: int, path: Path, info: os.stat_result) -> str | None:
    """The real path of what fd is open on: what the kernel says (Linux), else the path's
    real path if it still leads to the very file opened. None if it no longer does (the
    file was swapped while being opened)."""
    try:
        return os.readlink(f"/proc/self/fd/{fd}")
    except OSError:
        pass
    real = os.path.realpath(path)
    try:
        now = os.stat(real)
    except OSError:
        return None
    return real if (now.st_dev, now.st_ino) == (info.st_dev, info.st_ino) else None


def read_bytes(path: Path, rel: str, limit: int, root: str | None = None) -> bytes | Problem:
    """The bytes of a regular file, opened once: at most limit of them (more is a problem),
    and, given the registry's real root, only from a file inside it whatever links lead
    there. What was opened is checked, not what the path named before: a link swapped
    during the run cannot leak an outside file. Loops, pipes and devices are problems."""
    try:
        fd = os.open(path, _OPEN_FLAGS)
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            return NOT_A_FILE.in_file(rel, msg("loader.loop"))
        if exc.errno == errno.ENOENT and path.is_symlink():
            return NOT_A_FILE.in_file(rel, msg("loader.dangling"))
        return NOT_A_FILE.in_file(rel, msg("loader.unreadable", reason=exc.strerror or str(exc)))
    try:
        info = os.fstat(fd)
        if root is not None:
            real = _opened_path(fd, path, info)
            if real is None:
                return NOT_A_FILE.in_file(rel, msg("loader.changed"))
            if not inside(real, root):
                return LINK_OUTSIDE_ROOT.in_file(rel, msg("loader.outside"))
        if not stat.S_ISREG(info.st_mode):
            return NOT_A_FILE.in_file(rel, msg(f"loader.not_regular.{_what(info.st_mode)}"))
        if info.st_size > limit:
            return FILE_TOO_LARGE.in_file(rel, msg("loader.too_large", limit=limit))
        return _read_at_most(fd, rel, limit)
    except OSError as exc:
        return NOT_A_FILE.in_file(rel, msg("loader.unreadable", reason=exc.strerror or str(exc)))
    finally:
        os.close(fd)


def _read_at_most(fd: int, rel: str, limit: int) -> bytes | Problem:
    chunks: list[bytes] = []
    size = 0
    while size <= limit:
        try:
            chunk = os.read(fd, limit + 1 - size)
        except BlockingIOError:  # a regular file never blocks; whatever did is not one
            return NOT_A_FILE.in_file(rel, msg("loader.not_regular.other"))
        if not chunk:
            break
        chunks.append(chunk)
        size += len(chunk)
    if size > limit:  # it grew while being read
        return FILE_TOO_LARGE.in_file(rel, msg("loader.too_large", limit=limit))
    return b"".join(chunks)

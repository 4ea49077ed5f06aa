"""Write a file or a folder so that the target is either untouched or complete.

The content is written to a temporary file or folder beside the target (same folder, so the
final rename stays on one file system), then renamed into place. An existing target is never
replaced unless asked (`force`), and even then only by a target of the same sort: a file by a
file, a folder by a folder that holds nothing but what an export writes. A folder is replaced
by moving the old one aside, renaming the new one in, then deleting the old one; if anything
fails on the way, the old one is put back.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path

from walcli.core.errors import UsageError, WalError


class WriteFailed(WalError):
    """The target could not be written (no space, no permission, ...)."""

    exit_code = 2


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def _remove(path: Path) -> None:
    if path.is_dir() and not path.is_symlink():
        shutil.rmtree(path, ignore_errors=True)
    else:
        path.unlink(missing_ok=True)


def check_target(
    target: Path, folder: bool, force: bool, allowed: Callable[[str], bool] | None = None
) -> None:
    """Raise UsageError unless target may be written (exit 2, nothing touched)."""
    parent = target.parent
    if not parent.is_dir():
        raise UsageError(f"--out {target}: the folder {parent} does not exist")
    if not os.path.lexists(target):
        return
    if not force:
        raise UsageError(f"--out {target}: already exists", "add --force to replace it")
    if folder:
        if Path.cwd().resolve().is_relative_to(target.resolve()):
            raise UsageError(f"--out {target}: holds the current folder; refusing to replace it")
        if target.is_symlink() or not target.is_dir():
            raise UsageError(
                f"--out {target}: not a folder; an export to a folder replaces only a folder"
            )
        strange = sorted(
            p.name
            for p in target.iterdir()
            if allowed is None or not allowed(p.name) or not p.is_file() or p.is_symlink()
        )
        if strange:
            raise UsageError(
                f"--out {target}: holds {strange[0]!r}, which an export does not write; "
                "refusing to replace it",
                "remove the folder yourself, or export to a new one",
            )
    elif target.is_dir() and not target.is_symlink():
        raise UsageError(f"--out {target}: is a folder; this export writes a file")


def write_file(target: Path, write: Callable[[Path], None], *, force: bool) -> None:
    """Write a file through a temporary file beside target, then rename it into place."""
    check_target(target, False, force)
    handle, name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    os.close(handle)
    temporary = Path(name)
    try:
        write(temporary)
        os.chmod(temporary, 0o666 & ~_umask())
        _sync(temporary)
        if force:
            os.replace(temporary, target)
        else:
            _link(temporary, target)
    except OSError as exc:
        raise WriteFailed(f"--out {target}: cannot write: {exc.strerror or exc}") from None
    finally:
        temporary.unlink(missing_ok=True)


def _link(temporary: Path, target: Path) -> None:
    """Put the file in place only if nothing took the name meanwhile."""
    try:
        os.link(temporary, target)
    except FileExistsError:
        raise UsageError(f"--out {target}: already exists", "add --force to replace it") from None
    except OSError:  # a file system without hard links: rename, after one more look
        if os.path.lexists(target):
            raise UsageError(
                f"--out {target}: already exists", "add --force to replace it"
            ) from None
        os.rename(temporary, target)


def _sync(path: Path) -> None:
    with open(path, "rb") as handle:
        os.fsync(handle.fileno())


def write_folder(
    target: Path,
    write: Callable[[Path], None],
    *,
    force: bool,
    allowed: Callable[[str], bool],
) -> None:
    """Write a folder through a temporary folder beside target, then rename it into place."""
    check_target(target, True, force, allowed)
    temporary = Path(tempfile.mkdtemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent))
    try:
        write(temporary)
        os.chmod(temporary, 0o777 & ~_umask())
        for path in temporary.iterdir():
            os.chmod(path, 0o666 & ~_umask())
        if force and os.path.lexists(target):
            _swap(temporary, target)
        else:
            try:
                os.rename(temporary, target)  # fails if a non-empty folder took the name
            except OSError:
                raise UsageError(
                    f"--out {target}: already exists", "add --force to replace it"
                ) from None
    except OSError as exc:
        raise WriteFailed(f"--out {target}: cannot write: {exc.strerror or exc}") from None
    finally:
        _remove(temporary)


def _swap(temporary: Path, target: Path) -> None:
    aside = Path(tempfile.mkdtemp(prefix=f".{target.name}.", suffix=".old", dir=target.parent))
    aside.rmdir()
    os.rename(target, aside)
    try:
        os.rename(temporary, target)
    except OSError:
        os.rename(aside, target)
        raise
    _remove(aside)

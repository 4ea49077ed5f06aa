"""Read the registry's git history without touching the work tree: files at a revision, and
the record files a change deletes. Git runs as a subprocess; its failures become UsageErrors."""

from __future__ import annotations

import os
import shlex
import subprocess
from dataclasses import dataclass
from pathlib import Path

from walcli.core.errors import UsageError
from walcli.core.paths import shown_name
from walcli.core.problems import shown

_TIMEOUT = 120


def _run(
    root: Path, args: list[str], *, stdin: bytes | None = None
) -> subprocess.CompletedProcess[bytes]:
    env = {**os.environ, "GIT_OPTIONAL_LOCKS": "0", "LC_ALL": "C"}
    # Git runs hooks with these set, possibly relative to the top of the work tree; git runs
    # here from the registry root, which may be a subfolder, so anchor them where they were.
    for name in ("GIT_DIR", "GIT_WORK_TREE", "GIT_INDEX_FILE"):
        if env.get(name):
            env[name] = str(Path(env[name]).absolute())
    try:
        return subprocess.run(
            ["git", *args],
            cwd=root,
            input=stdin,
            capture_output=True,
            env=env,
            timeout=_TIMEOUT,
            check=False,
        )
    except FileNotFoundError:
        raise UsageError("git is not installed (needed to read revisions)") from None
    except subprocess.TimeoutExpired:
        raise UsageError(f"git {args[0]} did not answer within {_TIMEOUT} s") from None


def git(root: Path, *args: str) -> bytes:
    done = _run(root, list(args))
    if done.returncode != 0:
        message = done.stderr.decode("utf-8", "replace").strip().splitlines()
        raise UsageError(f"git {args[0]}: {message[-1] if message else 'failed'}")
    return done.stdout


def work_tree(root: Path) -> None:
    """Fail with a usage error unless root is inside a git work tree."""
    done = _run(root, ["rev-parse", "--is-inside-work-tree"])
    if done.returncode != 0 or done.stdout.strip() != b"true":
        raise UsageError(f"{root}: not inside a git work tree")


def commit_of(root: Path, rev: str) -> str:
    """The commit a revision names, or a usage error saying the revision is unknown."""
    work_tree(root)
    if rev.startswith("-") or not rev.strip():
        raise UsageError(f"{shown(rev)} is not a git revision")
    done = _run(root, ["rev-parse", "--verify", "--quiet", "--end-of-options", f"{rev}^{{commit}}"])
    if done.returncode != 0:
        raise UsageError(
            f"unknown git revision {shown(rev)}",
            "name a commit, branch or tag, e.g. HEAD~1, main or origin/main",
        )
    return done.stdout.decode().strip()


@dataclass(frozen=True)
class Blob:
    path: str  # relative to the registry root, POSIX
    size: int
    content: bytes | None  # None when larger than the limit asked for


def files_at(root: Path, commit: str, folder: str, max_bytes: int) -> list[Blob]:
    """Every file under folder (relative to root) at a commit, read in one `git cat-file`."""
    listing = git(root, "ls-tree", "-r", "-z", "--long", commit, "--", folder)
    entries: list[tuple[str, str, int]] = []
    for item in listing.split(b"\0"):
        if not item:
            continue
        meta, _, name = item.partition(b"\t")
        parts = meta.split()
        if len(parts) < 4 or parts[1] != b"blob":
            continue  # submodules and the like
        size = int(parts[3]) if parts[3].isdigit() else 0
        entries.append((shown_name(os.fsdecode(name)), parts[2].decode("ascii", "replace"), size))
    wanted = [(path, sha, size) for path, sha, size in entries if size <= max_bytes]
    contents: dict[str, bytes] = {}
    if wanted:
        request = b"".join(sha.encode() + b"\n" for _, sha, _ in wanted)
        done = _run(root, ["cat-file", "--batch"], stdin=request)
        if done.returncode != 0:
            raise UsageError("git cat-file: could not read the revision's files", _fsck(root))
        contents = _batch_contents(done.stdout, wanted, commit, _fsck(root))
    return [Blob(path, size, contents.get(path)) for path, _, size in sorted(entries)]


def _fsck(root: Path) -> str:
    return f"the repository may be damaged: `git -C {shlex.quote(str(root))} fsck` says where"


def _batch_contents(
    out: bytes, wanted: list[tuple[str, str, int]], commit: str, hint: str
) -> dict[str, bytes]:
    """The blobs of `git cat-file --batch` output, each checked against its header: a
    missing or damaged object is a usage error naming the file, never a misread."""
    contents: dict[str, bytes] = {}
    at = 0
    for path, sha, _ in wanted:
        header_end = out.find(b"\n", at)
        header = out[at:header_end].split() if header_end >= 0 else []
        if len(header) != 3 or header[1] != b"blob" or not header[2].isdigit():
            state = b" ".join(header[1:]).decode("ascii", "replace") or "no answer"
            raise UsageError(
                f"git: cannot read {path} at {commit[:12]} (object {sha[:12]}: {state})", hint
            )
        size = int(header[2])
        body = out[header_end + 1 : header_end + 1 + size]
        if len(body) != size:
            raise UsageError(f"git: {path} at {commit[:12]} is cut short", hint)
        contents[path] = body
        at = header_end + 1 + size + 1
    return contents


def verified_ref(root: Path, ref: str, origin: str) -> str:
    """The commit a revision from the environment names, checked as a revision (never read
    by git as an option): a usage error otherwise."""
    done = _run(root, ["rev-parse", "--verify", "--quiet", "--end-of-options", f"{ref}^{{commit}}"])
    if ref.startswith("-") or not ref.strip() or done.returncode != 0:
        raise UsageError(
            f"{origin}={shown(ref)} is not a git revision of this repository",
            "set it to a commit, branch or tag (pre-commit sets it from --from-ref/--to-ref)",
        )
    return done.stdout.decode().strip()


def deleted_files(root: Path, folder: str = "data") -> list[str]:
    """Files under folder that the change being checked deletes, relative to root.

    Under pre-commit's `--from-ref/--to-ref` (it sets PRE_COMMIT_FROM_REF and
    PRE_COMMIT_TO_REF), the deletions between those refs; else the deletions staged in the
    index (what `git commit` is about to record). A rename counts as a deletion of the old
    name, since records are known by their file name.
    """
    work_tree(root)
    from_ref = os.environ.get("PRE_COMMIT_FROM_REF")
    to_ref = os.environ.get("PRE_COMMIT_TO_REF")
    span = ["--cached"]
    if from_ref and to_ref:
        start = verified_ref(root, from_ref, "PRE_COMMIT_FROM_REF")
        end = verified_ref(root, to_ref, "PRE_COMMIT_TO_REF")
        span = [f"{start}...{end}"]
    out = git(
        root,
        "diff",
        "--no-ext-diff",
        "--name-only",
        "--no-renames",
        "--diff-filter=D",
        "--relative",
        "-z",
        *span,
        "--",
        folder,
    )
    return sorted(shown_name(os.fsdecode(name)) for name in out.split(b"\0") if name)

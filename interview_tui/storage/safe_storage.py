"""Crash-safe, private JSON files: atomic writes, careful reads.

Every write goes to a private temp file that is fsynced and then renamed over the old one:
a reader sees the old state or the new one, never half of each. No TinyDB here (its storage
class is in :mod:`interview_tui.storage.tinydb_storage`), so the start screen reads the list
index without importing it.
"""

from __future__ import annotations

import errno
import json
import os
import stat
from datetime import datetime
from pathlib import Path
from typing import Any

PRIVATE_FILE = 0o600
TEMP_SUFFIX = ".tmp"


class DamagedFile(Exception):
    """A stored file exists but cannot be read as the JSON we wrote."""

    def __init__(self, path: Path, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason


def safe_write(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` atomically, readable by the user only."""
    tmp = path.with_name(f".{path.name}.{os.getpid()}{TEMP_SUFFIX}")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, PRIVATE_FILE)
    try:
        view = memoryview(data)
        while view:
            written = os.write(fd, view)
            view = view[written:]
        os.fsync(fd)
    except BaseException:
        os.close(fd)
        tmp.unlink(missing_ok=True)
        raise
    os.close(fd)
    try:
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def keep_damaged(path: Path) -> Path:
    """Move a damaged file to ``<name>.damaged-<time>`` (``-2``, ``-3``… when that is taken)
    so that nothing overwrites it, not even another damaged copy; where it went."""
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    kept = path.with_name(f"{path.name}.damaged-{stamp}")
    n = 1
    while os.path.lexists(kept):
        n += 1
        kept = path.with_name(f"{path.name}.damaged-{stamp}-{n}")
    os.replace(path, kept)
    return kept


class UnreadableFile(OSError):
    """Something other than a readable file is where a stored file should be: a folder, a
    link to nothing, a pipe, a file we may not read. Not ours to move aside: it is reported
    with what to do, and skipped."""

    def __init__(self, path: Path, reason: str, advice: str) -> None:
        super().__init__(f"{path} {reason}")
        self.path = path
        self.reason = reason
        self.advice = advice


def read_bytes(path: Path, limit: int | None = None) -> bytes | None:
    """The bytes of the regular file at ``path`` (its first ``limit`` bytes, if given); None
    if nothing is there.

    Opened without blocking and checked before reading, so a pipe put where a file should be
    cannot hang the reader.
    """
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    try:
        fd = os.open(path, flags)
    except FileNotFoundError:
        if not os.path.islink(path):
            return None
        try:
            target = os.readlink(path)
        except OSError:
            target = "something"
        raise UnreadableFile(
            path,
            f"is a link to {target}, which does not exist",
            f"bring back {target}, or delete the link",
        ) from None
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            raise UnreadableFile(
                path, "is a link that leads back to itself", "delete the link"
            ) from None
        raise UnreadableFile(
            path,
            f"cannot be read ({exc.strerror or exc})",
            "give yourself read access to it (chmod u+rw), or move it away",
        ) from None
    try:
        kind = os.fstat(fd).st_mode
        if not stat.S_ISREG(kind):
            what = "a folder" if stat.S_ISDIR(kind) else "a pipe, device or socket"
            raise UnreadableFile(path, f"is {what}, not a file", f"move it out of {path.parent}")
        chunks = []
        left = limit if limit is not None else -1
        while left and (chunk := os.read(fd, 1 << 20 if left < 0 else min(left, 1 << 20))):
            chunks.append(chunk)
            left = max(0, left - len(chunk)) if limit is not None else -1
        return b"".join(chunks)
    except UnreadableFile:
        raise
    except OSError as exc:
        raise UnreadableFile(
            path, f"cannot be read ({exc.strerror or exc})", "check the disk, or move it away"
        ) from None
    finally:
        os.close(fd)


def read_json(path: Path) -> Any:
    """Read a JSON file we wrote; None if there is none, :class:`DamagedFile` if it is not
    valid JSON, :class:`UnreadableFile` if what is there cannot be read as a file."""
    raw = read_bytes(path)
    if raw is None:
        return None
    if not raw.strip():
        raise DamagedFile(path, "file is empty")
    try:
        return json.loads(raw)
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise DamagedFile(path, f"not valid JSON ({exc})") from None
    except RecursionError:
        raise DamagedFile(path, "nested too deeply to be ours") from None

"""Crash-safe, private TinyDB storage.

TinyDB's own ``JSONStorage`` rewrites its file in place, so a crash mid-write can leave
broken JSON. Here every write goes to a private temp file that is fsynced and then renamed
over the old one: a reader sees the old state or the new one, never half of each.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from tinydb.storages import Storage

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


def read_json(path: Path) -> Any:
    """Read a JSON file we wrote; :class:`DamagedFile` if it is not valid JSON."""
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return None
    if not raw.strip():
        raise DamagedFile(path, "file is empty")
    try:
        return json.loads(raw)
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise DamagedFile(path, f"not valid JSON ({exc})") from None


class SafeJSONStorage(Storage):
    """TinyDB storage that caches what it wrote and writes atomically."""

    def __init__(self, path: str | os.PathLike[str], read_only: bool = False) -> None:
        self.path = Path(path)
        self.read_only = read_only
        self._cache: dict[str, Any] | None = None

    def read(self) -> dict[str, Any] | None:
        if self._cache is None:
            data = read_json(self.path)
            if data is not None and not isinstance(data, dict):
                raise DamagedFile(self.path, "top level is not a JSON object")
            self._cache = data
        return self._cache

    def prime(self, data: dict[str, Any]) -> None:
        """Take ``data``, just read from this file by the caller, instead of reading it again."""
        self._cache = data

    def write(self, data: dict[str, Any]) -> None:
        if self.read_only:
            raise PermissionError(f"{self.path}: opened read-only")
        payload = json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode()
        safe_write(self.path, payload)
        self._cache = data

    def close(self) -> None:
        self._cache = None

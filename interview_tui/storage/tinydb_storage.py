"""TinyDB storage on :mod:`interview_tui.storage.safe_storage`'s atomic private writes.

TinyDB's own ``JSONStorage`` rewrites its file in place, so a crash mid-write can leave
broken JSON. Reads and writes go through ``safe_storage`` by attribute, so a test that
replaces ``safe_storage.safe_write`` (a full disk, say) reaches these writes too.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from tinydb.storages import Storage

from interview_tui.storage import safe_storage
from interview_tui.storage.session_index import (
    FIRST_SCREEN,
    with_first_screen,
    without_first_screen,
)


class SafeJSONStorage(Storage):
    """TinyDB storage that caches what it wrote and writes atomically."""

    def __init__(self, path: str | os.PathLike[str], read_only: bool = False) -> None:
        self.path = Path(path)
        self.read_only = read_only
        self._cache: dict[str, Any] | None = None

    def read(self) -> dict[str, Any] | None:
        if self._cache is None:
            data = safe_storage.read_json(self.path)
            if data is not None and not isinstance(data, dict):
                raise safe_storage.DamagedFile(self.path, "top level is not a JSON object")
            self._cache = data
        return self._cache

    def prime(self, data: dict[str, Any]) -> None:
        """Take ``data``, just read from this file by the caller, instead of reading it again."""
        self._cache = data

    def write(self, data: dict[str, Any]) -> None:
        if self.read_only:
            raise PermissionError(f"{self.path}: opened read-only")
        payload = json.dumps(self.encoded(data), ensure_ascii=False, separators=(",", ":"))
        safe_storage.safe_write(self.path, payload.encode())
        self._cache = data

    def encoded(self, data: dict[str, Any]) -> dict[str, Any]:
        """What goes into the file for TinyDB's ``data``."""
        return data

    def close(self) -> None:
        self._cache = None


class ListIndexStorage(SafeJSONStorage):
    """The list index (``index.json``): TinyDB's tables, after the start screen's first rows
    (:func:`interview_tui.storage.session_index.read_first_screen`), which every write puts
    first and every read leaves out."""

    def __init__(self, path: str | os.PathLike[str], read_only: bool = False) -> None:
        super().__init__(path, read_only)
        self.first_screen: Any = None
        """The first screen as the file holds it (None if it has none)."""

    def read(self) -> dict[str, Any] | None:
        data = super().read()
        if data is None:
            return None
        if FIRST_SCREEN in data:
            self.first_screen = data[FIRST_SCREEN]
        return without_first_screen(data)

    def prime(self, data: dict[str, Any]) -> None:
        self.first_screen = data.get(FIRST_SCREEN)
        super().prime(without_first_screen(data))

    def encoded(self, data: dict[str, Any]) -> dict[str, Any]:
        written = with_first_screen(data)
        self.first_screen = written[FIRST_SCREEN]
        return written

"""The data folder's lock: one copy of the app writes a folder, any other opens it read-only.

``filelock`` takes a real lock on every platform pip reaches (``flock`` on POSIX, ``msvcrt``
on Windows); the operating system drops it when the process ends, however it ends.
"""

from __future__ import annotations

from pathlib import Path

from filelock import FileLock, Timeout

LOCK_FILE = ".lock"
LOCK_FILE_MODE = 0o600


class FolderLock:
    """The lock on one data folder, held by this process from ``acquire`` to ``release``."""

    def __init__(self, folder: Path) -> None:
        self.path = Path(folder) / LOCK_FILE
        # Not thread-local: the store is opened in a worker thread and closed on the UI thread.
        self._lock = FileLock(self.path, timeout=0, mode=LOCK_FILE_MODE, thread_local=False)

    @property
    def held(self) -> bool:
        return self._lock.is_locked

    def acquire(self) -> bool:
        """Take the folder; False if another copy holds it. OSError if the lock file cannot
        be made (a read-only folder)."""
        try:
            self._lock.acquire(timeout=0)
        except Timeout:
            return False
        return True

    def release(self) -> None:
        if self._lock.is_locked:
            self._lock.release(force=True)

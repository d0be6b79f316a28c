"""The data folder's lock: one copy of the app writes a folder, any other opens it read-only.

``filelock`` takes a real lock on every platform pip reaches (``flock`` on POSIX, ``msvcrt``
on Windows); the operating system drops it when the process ends, however it ends. The file
holds nothing (no pid): the lock is the operating system's, never the file's content.

Per machine: the lock file is ``.lock-<this machine's name>``. A data folder carried between
two machines by Syncthing, Dropbox, iCloud Drive or git is opened on each with its own lock,
so neither blocks the other (their edits meet as conflict copies, see
:mod:`interview_tui.sync_merge`). One shared ``.lock`` would be worse than useless there: a
sync tool that replaces it with the other machine's copy gives it a new inode, and a second
copy of the app on this machine would then lock the new file while the first still holds the
old one. A file only this machine ever writes is never replaced by a sync, and it stays in
the folder (not in a cache folder keyed by path) so that two paths to one folder still meet
at one lock. The README says to leave ``.lock*`` out of sync all the same.
"""

from __future__ import annotations

import platform
import re
from pathlib import Path

from filelock import FileLock, Timeout

LOCK_PREFIX = ".lock"
LOCK_FILE_MODE = 0o600


def lock_file_name(host: str | None = None) -> str:
    """``.lock-<host>``: the host name in letters, digits, dots and dashes only."""
    name = host if host is not None else platform.node()
    safe = re.sub(r"[^A-Za-z0-9.-]+", "-", name.split(".")[0] or name).strip("-.")[:63]
    return f"{LOCK_PREFIX}-{safe or 'this-machine'}"


class FolderLock:
    """The lock on one data folder, held by this process from ``acquire`` to ``release``."""

    def __init__(self, folder: Path) -> None:
        self.path = Path(folder) / lock_file_name()
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

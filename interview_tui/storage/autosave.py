"""Debounced, ordered, retrying saves of the live session, safe to run from worker threads.

The UI thread submits snapshots; any worker thread writes the newest one. Because a writer
always takes the newest pending snapshot, an older snapshot can never land after a newer one.
A failed write (disk full, folder gone) keeps the snapshot pending so the next try resumes.
"""

from __future__ import annotations

import threading
from typing import Protocol

from interview_tui.models import Session
from interview_tui.storage.store import SessionSnapshot, StoreError


class SnapshotWriter(Protocol):
    """Where snapshots go: the application service (or, in tests, the store itself)."""

    def save(self, session: SessionSnapshot, *, update_index: bool = ...) -> None: ...


class Autosaver:
    def __init__(self, writer: SnapshotWriter) -> None:
        self.writer = writer
        # Re-entrant: the hang-up handler may save while this thread is already saving.
        self._write_lock = threading.RLock()
        self._pending_lock = threading.RLock()
        self._pending: tuple[SessionSnapshot, bool] | None = None
        self.last_error: str | None = None
        self.saves = 0

    def submit(self, session: Session, *, update_index: bool = False) -> None:
        """Queue a snapshot of ``session``; a later submit replaces an unwritten earlier one."""
        snapshot = SessionSnapshot.of(session)
        with self._pending_lock:
            if self._pending is not None:
                update_index = update_index or self._pending[1]
            self._pending = (snapshot, update_index)

    def write_pending(self) -> bool:
        """Write the newest snapshot, if any. Returns False when the write failed."""
        with self._write_lock:
            with self._pending_lock:
                pending, self._pending = self._pending, None
            if pending is None:
                return True
            try:
                self.writer.save(pending[0], update_index=pending[1])
            except StoreError as exc:
                with self._pending_lock:
                    if self._pending is None:
                        self._pending = pending
                    elif pending[1]:  # a newer snapshot replaces it, but keep its index update
                        self._pending = (self._pending[0], True)
                self.last_error = str(exc)
                return False
            self.last_error = None
            self.saves += 1
            return True

    def save_now(self, session: Session, *, update_index: bool = True) -> bool:
        """Submit and write at once (question changes, quit, suspend)."""
        self.submit(session, update_index=update_index)
        return self.write_pending()

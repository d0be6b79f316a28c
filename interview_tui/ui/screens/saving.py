"""A screen that edits one session and saves it by itself.

Typing schedules a save at most ``AUTOSAVE_SECONDS`` later (a throttle, not a debounce, so
steady typing still saves every interval); writes run in a worker thread through the
:class:`~interview_tui.storage.autosave.Autosaver`; a failed write is retried and the text stays on
screen; ``flush`` saves at once on this thread (question changes, leaving, quit, suspend).
"""

from __future__ import annotations

from textual import work
from textual.screen import Screen
from textual.timer import Timer

from interview_tui.models import Session
from interview_tui.storage.autosave import Autosaver

AUTOSAVE_SECONDS = 1.0
RETRY_SECONDS = 5.0


class SavingScreen(Screen[None]):
    def __init__(self, session: Session) -> None:
        super().__init__()
        self.session = session
        self.autosaver: Autosaver | None = None
        self._save_timer: Timer | None = None

    def on_mount(self) -> None:
        if self.app.store is not None and not self.app.store.read_only:
            self.autosaver = Autosaver(self.app.store)
        elif self.app.store is not None:
            self.notify(
                "This data folder is open read-only: changes here are not saved.",
                severity="warning",
                timeout=6,
            )

    def before_save(self) -> None:
        """Bring ``self.session`` up to date before it is written (e.g. the timer)."""

    def schedule_save(self) -> None:
        if self._save_timer is None:
            self._save_timer = self.set_timer(AUTOSAVE_SECONDS, self._autosave)

    def _autosave(self) -> None:
        self._save_timer = None
        if self.autosaver is None:
            return
        self.before_save()
        self.autosaver.submit(self.session)
        self._write_in_background()

    @work(thread=True, group="autosave", exit_on_error=False)
    def _write_in_background(self) -> None:
        if self.autosaver is not None and not self.autosaver.write_pending():
            self.app.call_from_thread(self._save_failed, self.autosaver.last_error or "")

    def _save_failed(self, message: str) -> None:
        self.notify(
            f"{message}\nYour text stays on screen; saving retries every {RETRY_SECONDS:g} s.",
            title="Not saved",
            severity="error",
            timeout=RETRY_SECONDS,
        )
        self.set_timer(RETRY_SECONDS, self._write_in_background)

    def flush(self, *, update_index: bool = True) -> bool:
        """Save now, on this thread. False when the write failed (the user is told); True
        when saved, or when the folder is read-only (the user was told on arrival)."""
        if self._save_timer is not None:
            self._save_timer.stop()
            self._save_timer = None
        if self.autosaver is None:
            return True
        self.before_save()
        ok = self.autosaver.save_now(self.session, update_index=update_index)
        if ok and update_index and self.app.search_index is not None:
            self.app.search_index.add(self.session.model_copy(deep=True))
        if not ok:
            self._save_failed(self.autosaver.last_error or "")
        return ok

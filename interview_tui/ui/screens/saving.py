"""A screen that edits one session and saves it by itself.

Typing saves at once when nothing was saved in the last ``AUTOSAVE_SECONDS``, else at the
end of that interval: a throttle with a leading edge, so the first keystroke is on disk within
milliseconds and steady typing saves every interval (a save costs under a millisecond; a kill
loses at most about one interval of typing). Writes run one at a time in a worker thread
through the workspace's autosaver; ``flush`` saves at once on
this thread (question changes, leaving, quit, suspend).

When a write fails (disk full, folder not writable) the text stays on screen and stays
editable; one retry loop per screen writes the newest text every ``RETRY_SECONDS`` (typing
meanwhile starts no writes of its own), one banner at the top says what failed and updates
in place, and the first save that works again says so once. Leaving or quitting while the
latest changes are unsaved asks first (:meth:`leave_safely`): retry, save a copy elsewhere
(:mod:`interview_tui.storage.emergency`), or go anyway.

On a folder another copy of the app holds (read-only) the editors are locked, the actions
that change the session (``WRITE_ACTIONS``) are disabled, and a banner says why: nothing
typed there could be saved, so nothing can be typed.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from textual import work
from textual.timer import Timer
from textual.widgets import Input, TextArea

from interview_tui.models import Session
from interview_tui.ui.app_screen import AppScreen
from interview_tui.ui.widgets.save_banner import SaveBanner

if TYPE_CHECKING:
    from interview_tui.service import Autosaver

AUTOSAVE_SECONDS = 0.15
RETRY_SECONDS = 5.0
READ_ONLY_TEXT = "Read-only: {reason}, so nothing typed here could be saved."

Then = Callable[[Path | None], object]
"""What to do once it is safe to leave; gets the path of a copy saved elsewhere, if any."""


class SavingScreen(AppScreen[None]):
    WRITE_ACTIONS: ClassVar[frozenset[str]] = frozenset()
    """Actions that change the session: disabled while the folder is read-only."""

    def __init__(self, session: Session) -> None:
        super().__init__()
        self.session = session
        self.autosaver: Autosaver | None = None
        self.save_error: str | None = None
        """Why the last write failed; ``None`` while saving works."""
        self.failed_tries = 0
        self.banner = SaveBanner(id="save-banner")
        self._save_timer: Timer | None = None
        self._retry_timer: Timer | None = None
        self._last_save_at = float("-inf")
        self._writing = False
        self._write_again = False

    def on_mount(self) -> None:
        self.mount(self.banner, before=0)
        workspace = self.app.workspace
        if workspace is not None and not workspace.read_only:
            self.autosaver = workspace.autosaver()
        elif workspace is not None:
            for area in self.query(TextArea):
                area.read_only = True
            for box in self.query(Input):
                box.disabled = True
            self.banner.show_read_only(READ_ONLY_TEXT.format(reason=workspace.read_only_reason))

    @property
    def folder_read_only(self) -> bool:
        workspace = self.app.workspace
        return workspace is not None and workspace.read_only

    @property
    def has_unsaved_changes(self) -> bool:
        """True when the last write failed: the newest changes are only in memory."""
        return self.autosaver is not None and self.save_error is not None

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in self.WRITE_ACTIONS and self.folder_read_only:
            return None  # shown greyed out; the banner says why
        return True

    def before_save(self) -> None:
        """Bring ``self.session`` up to date before it is written (e.g. the timer)."""

    # -- saving while typing ---------------------------------------------------------------

    def schedule_save(self) -> None:
        """Called on every change: save now, or at the end of the current interval."""
        if self.autosaver is None or self.save_error is not None or self._save_timer:
            return  # read-only; the retry loop writes the newest text; a save is due
        wait = self._last_save_at + AUTOSAVE_SECONDS - time.monotonic()
        if wait <= 0:
            self._autosave()
        else:
            self._save_timer = self.set_timer(wait, self._autosave)

    def _autosave(self) -> None:
        self._save_timer = None
        if self.autosaver is None:
            return
        self.before_save()
        self.autosaver.submit(self.session)
        self._last_save_at = time.monotonic()
        self._start_write()

    def _start_write(self) -> None:
        if self._writing:
            self._write_again = True  # the newest snapshot goes when this write is done
            return
        self._writing = True
        self._write_in_background()

    @work(thread=True, group="autosave", exit_on_error=False)
    def _write_in_background(self) -> None:
        autosaver = self.autosaver
        ok = autosaver is None or autosaver.write_pending()
        error = autosaver.last_error if autosaver is not None else None
        self.app.call_from_thread(self._write_done, ok, error or "")

    def _write_done(self, ok: bool, error: str) -> None:
        self._writing = False
        if ok:
            self._saved_again()
        else:
            self._save_failed(error)
        if self._write_again:
            self._write_again = False
            if ok:  # when failing, the retry loop writes it
                self._start_write()

    # -- failing and recovering ------------------------------------------------------------

    def _save_failed(self, message: str) -> None:
        self.save_error = message.removeprefix("could not save: ") or "the write was refused"
        self.failed_tries += 1
        tries = f"{self.failed_tries} failed {'try' if self.failed_tries == 1 else 'tries'}"
        self.banner.show_failed(
            f"Not saved: {self.save_error}. Your text stays on screen; trying again every "
            f"{RETRY_SECONDS:g} s ({tries}). Leaving or quitting asks first."
        )
        if self._retry_timer is None:
            self._retry_timer = self.set_interval(RETRY_SECONDS, self._retry)

    def _retry(self) -> None:
        if not self.is_attached:
            if self._retry_timer is not None:
                self._retry_timer.stop()
            return
        if self.autosaver is None or self._writing:
            return
        self.before_save()
        self.autosaver.submit(self.session)
        self._start_write()

    def _saved_again(self) -> None:
        if self.save_error is None:
            return
        self.save_error = None
        self.failed_tries = 0
        if self._retry_timer is not None:
            self._retry_timer.stop()
            self._retry_timer = None
        self.banner.hide()
        self.notify(
            "Everything you typed is saved to the data folder.",
            title="Saving works again",
            timeout=5,
            markup=False,
        )

    def flush(self, *, update_index: bool = True) -> bool:
        """Save now, on this thread. False when the write failed (the banner says so); True
        when saved, or when the folder is read-only (nothing could be typed)."""
        if self._save_timer is not None:
            self._save_timer.stop()
            self._save_timer = None
        if self.autosaver is None:
            return True
        self.before_save()
        ok = self.autosaver.save_now(self.session, update_index=update_index)
        if ok:
            self._saved_again()
        else:
            self._save_failed(self.autosaver.last_error or "")
        return ok

    # -- leaving with unsaved changes ------------------------------------------------------

    def write_copy(self) -> Path:
        """Write the session as it is on screen to a folder outside the data folder."""
        from interview_tui.service import write_copy

        self.before_save()
        return write_copy(self.session, self.app.data_root, self.save_error or "")

    def dismiss_keeping(self, copy: Path | None) -> None:
        """Leave the screen; when a copy was saved elsewhere, say where it is."""
        if copy is not None:
            self.notify(
                f"Not saved to the data folder; a copy of your notes is in {copy}",
                title="Copy saved",
                severity="warning",
                timeout=30,
                markup=False,
            )
        self.dismiss()

    def leave_safely(self, verb: str, then: Then) -> None:
        """Save, then ``then(None)``; if the save fails, ask first (:meth:`ask_before_leaving`)."""
        if self.flush():
            then(None)
        else:
            self.ask_before_leaving(verb, then)

    def ask_before_leaving(self, verb: str, then: Then, note: str = "") -> None:
        """The save failed: retry, save a copy elsewhere and go, go anyway, or stay."""
        from interview_tui.ui.dialogs.unsaved_dialog import UnsavedChoice, UnsavedDialog

        def chosen(choice: UnsavedChoice | None) -> None:
            if choice == "retry":
                if self.flush():
                    then(None)
                else:
                    self.ask_before_leaving(verb, then, "Tried again: still not saved.")
            elif choice == "copy":
                try:
                    copy = self.write_copy()
                except OSError as exc:
                    self.ask_before_leaving(verb, then, f"No copy could be written: {exc}")
                    return
                then(copy)
            elif choice == "discard":
                then(None)

        self.app.push_screen(UnsavedDialog(self.save_error or "", verb, note), chosen)

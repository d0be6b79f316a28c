"""The Textual app: wires screens together and loads what the first screen does not need.

Start-up draws the session list from the plain-JSON index first; the store (pydantic) and
the banks (YAML) load in a worker after the first paint and are announced through the
``ready`` reactive that screens watch.
"""

from __future__ import annotations

import contextlib
import os
import signal
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from textual import work
from textual.app import App
from textual.binding import Binding
from textual.reactive import reactive

from interview_tui import locations
from interview_tui.clock import Clock, MonotonicClock
from interview_tui.ui.commands import ScreenActionsProvider
from interview_tui.ui.screens.start import StartScreen

if TYPE_CHECKING:
    from textual.notifications import SeverityLevel

    from interview_tui.banks import BankSet
    from interview_tui.search import SearchIndex
    from interview_tui.storage.store import SessionStore


class InterviewApp(App[int]):
    TITLE = "interview-tui"
    SUB_TITLE = "informational interviews"
    # The start screen is the default screen, whose own CSS_PATH Textual does not load.
    CSS_PATH = Path(__file__).parent / "screens" / "start.tcss"
    COMMANDS = App.COMMANDS | {ScreenActionsProvider}
    BINDINGS = [
        # Out of the footer to leave room for the call's keys; in the README and the palette.
        Binding("ctrl+q", "quit", "Quit", id="quit", priority=True, show=False),
    ]

    ready: reactive[bool] = reactive(False)

    def __init__(
        self,
        data_dir: str | Path | None = None,
        bank_paths: Sequence[Path] = (),
        clock: Clock | None = None,
    ) -> None:
        super().__init__()
        self.data_root = locations.data_dir(data_dir)
        self.bank_paths = list(bank_paths)
        self.clock: Clock = clock or MonotonicClock()
        self.store: SessionStore | None = None
        self.banks: BankSet | None = None
        self.search_index: SearchIndex | None = None

    def get_default_screen(self) -> StartScreen:
        # The start screen is the app's first screen itself, not one pushed over an empty
        # default: that second layout pass cost about a third of a bare app's start-up.
        return StartScreen()

    def notify(
        self,
        message: str,
        *,
        title: str = "",
        severity: SeverityLevel = "information",
        timeout: float | None = None,
        markup: bool = False,
    ) -> None:
        """Show a notification, always as plain text.

        Messages quote what people typed, bank lines and paths, so none is read as markup.
        ``markup`` is ignored: Textual's ``Widget.notify`` (every screen's ``self.notify``)
        passes ``markup=True`` unasked, so the choice is made here, once for the whole app.
        """
        super().notify(message, title=title, severity=severity, timeout=timeout, markup=False)

    def on_mount(self) -> None:
        self.call_after_refresh(self.load_store_and_banks)
        self.app_suspend_signal.subscribe(self, self._flush_screens)
        for sig in (signal.SIGHUP, signal.SIGTERM):
            # Not possible off the main thread (tests) or on some platforms; quit still saves.
            with contextlib.suppress(ValueError, OSError):
                signal.signal(sig, self._on_terminate_signal)

    @work(thread=True, exclusive=True, group="load", exit_on_error=False)
    def load_store_and_banks(self) -> None:
        from interview_tui.banks import default_bank_paths, load_banks
        from interview_tui.storage.store import SessionStore

        store: SessionStore | None = None
        try:
            store = SessionStore(self.data_root)
            # Open the index here, off the UI thread, so that damage found in it or in the
            # sessions is in ``store.notices`` when ``_loaded`` announces them.
            store.summaries()
        except OSError as exc:
            if store is not None:
                store.close()
            self.call_from_thread(self._loaded, None, None, f"Cannot open {self.data_root}: {exc}")
            return
        banks = load_banks(default_bank_paths(self.bank_paths))
        self.call_from_thread(self._loaded, store, banks, None)

    def _loaded(self, store: SessionStore | None, banks: BankSet | None, error: str | None) -> None:
        self.store, self.banks = store, banks
        if error:
            self.notify(error, severity="error", timeout=15)
        if store is not None:
            for notice in store.notices:
                self.notify(notice, severity="warning", timeout=15)
        if banks is not None and banks.problems:
            lines = "\n".join(str(p) for p in banks.problems[:5])
            more = len(banks.problems) - 5
            extra = f"\n…and {more} more (interview-tui banks validate)" if more > 0 else ""
            self.notify(
                f"Skipped {len(banks.problems)} bank file(s):\n{lines}{extra}",
                title="Question banks",
                severity="warning",
                timeout=20,
            )
        self.ready = True

    def _flush_screens(self, _app: object = None) -> None:
        """Write whatever any open screen has not saved yet."""
        for screen in self.screen_stack:
            flush = getattr(screen, "flush", None)
            if callable(flush):
                flush()

    def _on_terminate_signal(self, signum: int, _frame: object) -> None:
        self._flush_screens()
        if signum == signal.SIGHUP:
            # The terminal is gone. Textual's orderly shutdown still writes to it and can
            # block for ever (its writer thread dies on EIO), holding the data folder's lock.
            os._exit(128 + signum)
        self.call_later(self.exit)

    async def action_quit(self) -> None:
        self._flush_screens()
        self.exit()

    def on_unmount(self) -> None:
        self._flush_screens()
        if self.store is not None:
            self.store.close()

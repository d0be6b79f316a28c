"""The Textual app: wires screens together and loads what the first screen does not need.

Start-up draws the session list from the plain-JSON index first; the store (pydantic) and
the banks (YAML) load in a worker after the first paint and are announced through the
``ready`` reactive that screens watch.
"""

from __future__ import annotations

import contextlib
import gc
import os
import signal
import sys
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from rich.text import Text
from textual import work
from textual.app import App, SystemCommand
from textual.reactive import reactive

from interview_tui import locations
from interview_tui.ui import keymap
from interview_tui.ui.screens.start import StartScreen

if TYPE_CHECKING:
    from textual.command import Provider
    from textual.notifications import SeverityLevel
    from textual.screen import Screen

    from interview_tui.banks import BankSet
    from interview_tui.clock import Clock
    from interview_tui.service import Workspace
    from interview_tui.settings import LoadedSettings, Settings


def screen_actions() -> type[Provider]:
    """The command palette's provider of the screen's own keys, imported when it opens."""
    from interview_tui.ui.commands import ScreenActionsProvider

    return ScreenActionsProvider


class InterviewApp(App[int]):
    TITLE = "interview-tui"
    SUB_TITLE = "informational interviews"
    # The start screen is the default screen, whose own CSS_PATH Textual does not load.
    CSS_PATH = Path(__file__).parent / "screens" / "start.tcss"
    COMMANDS = App.COMMANDS | {screen_actions}
    # F1 and ctrl+q; ctrl+p is Textual's own. Out of Textual's footer to leave room for the
    # call's keys; the KeyFooter shows F1, the help screen lists them all.
    BINDINGS = keymap.bindings(tuple(k for k in keymap.APP if k.action != "command_palette"))

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
        if clock is None:
            from interview_tui.clock import MonotonicClock

            clock = MonotonicClock()
        self.clock: Clock = clock
        self.workspace: Workspace | None = None
        """The data folder, open once the loading worker is done: every read and save."""
        self.store_error: str | None = None  # why the data folder could not be opened
        self.banks: BankSet | None = None
        self._settings: Settings | None = None
        # The theme before the first paint, from a glance at the settings file; the loading
        # worker reads (and validates) the whole file.
        theme = locations.remembered_theme()
        if theme and theme in self.available_themes:
            self.theme = theme

    @property
    def settings(self) -> Settings:
        """The settings file's values; the defaults until the loading worker has read it."""
        if self._settings is None:
            from interview_tui.settings import Settings

            return Settings()
        return self._settings

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
        self.call_after_refresh(self._after_first_paint)
        self.app_suspend_signal.subscribe(self, self._flush_screens)
        for name in ("SIGHUP", "SIGTERM"):
            # Windows has no SIGHUP; none can be set off the main thread. Quit still saves.
            sig = getattr(signal, name, None)
            if sig is None:
                continue
            with contextlib.suppress(ValueError, OSError):
                signal.signal(sig, self._on_terminate_signal)

    def _after_first_paint(self) -> None:
        if not gc.isenabled():
            # Started from the command line, which held garbage collection off until the
            # first screen was drawn. What start-up built (modules, classes, the first
            # screen) stays: frozen, later collections pass over it.
            gc.freeze()
            gc.enable()
        self.load_store_and_banks()

    @work(thread=True, exclusive=True, group="load", exit_on_error=False)
    def load_store_and_banks(self) -> None:
        from interview_tui.banks import default_bank_paths, load_banks
        from interview_tui.calendar_feed import FEED_NAME
        from interview_tui.service import StoreError, Workspace
        from interview_tui.settings import load_settings

        loaded = load_settings(locations.settings_file())
        self.call_from_thread(self._settings_loaded, loaded)
        workspace: Workspace | None = None
        error: str | None = None
        try:
            workspace = Workspace.open(self.data_root)
            # followups.ics goes with the other exports: the settings' folder, if one is set.
            workspace.calendar.path = (
                locations.exports_dir(self.data_root, loaded.settings.export_path()) / FEED_NAME
            )
            # Open the index here, off the UI thread, so that damage found in it or in the
            # sessions is in ``workspace.notices`` when ``_loaded`` announces them.
            workspace.summaries()
        except (OSError, StoreError) as exc:
            if workspace is not None:
                workspace.close()
                workspace = None
            error = str(exc)
            if not isinstance(exc, StoreError):
                error = f"Cannot open the data folder {self.data_root}: {exc.strerror or exc}"
        banks = load_banks(default_bank_paths(self.bank_paths))
        if workspace is not None:
            # Every person read here, off the UI thread (the first save of a session looks its
            # person up), so that a damaged person file is among the notices announced.
            with contextlib.suppress(OSError, StoreError):
                workspace.people()
        self.call_from_thread(self._loaded, workspace, banks, error)

    def _settings_loaded(self, loaded: LoadedSettings) -> None:
        self._settings = loaded.settings
        for problem in loaded.problems:
            self.notify(problem, title="Settings", severity="warning", timeout=15)
        theme = loaded.settings.theme
        if theme and theme not in self.available_themes:
            self.notify(
                f"{locations.settings_file()}: theme: no theme named {theme!r}",
                title="Settings",
                severity="warning",
                timeout=15,
            )
        elif theme and theme != self.theme:
            self.theme = theme

    def watch_theme(self, theme: str) -> None:
        """Remember a theme chosen in the command palette (once the settings are read)."""
        if self._settings is not None and theme != self._settings.theme:
            self._settings = self._settings.model_copy(update={"theme": theme})
            self.remember_theme(theme)

    @work(thread=True, exclusive=True, group="settings", exit_on_error=False)
    def remember_theme(self, theme: str) -> None:
        from interview_tui.settings import remember

        problem = remember(locations.settings_file(), theme=theme)
        if problem:
            self.call_from_thread(self.notify, problem, title="Settings", severity="warning")

    def _loaded(
        self, workspace: Workspace | None, banks: BankSet | None, error: str | None
    ) -> None:
        self.workspace, self.banks = workspace, banks
        self.store_error = error
        if error:
            self.notify(error, severity="error", timeout=15)
        if workspace is not None:
            for notice in workspace.notices:
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
        self.find_unsaved_copies()

    @work(thread=True, exclusive=True, group="unsaved-copies", exit_on_error=False)
    def find_unsaved_copies(self) -> None:
        """Copies of notes an earlier run could not save here: say where, offer them back."""
        from interview_tui.service import find_copies

        copies = find_copies(self.data_root)
        if copies:
            from interview_tui.ui.dialogs.unsaved_copies_dialog import UnsavedCopiesDialog

            self.call_from_thread(self.push_screen, UnsavedCopiesDialog(copies))

    def _flush_screens(self, _app: object = None) -> None:
        """Write whatever any open screen has not saved yet."""
        for screen in self.screen_stack:
            flush = getattr(screen, "flush", None)
            if callable(flush):
                flush()

    def _write_unsaved_copies(self) -> list[Path]:
        """On a forced stop, copy what could not be saved to a folder outside the data folder
        (the next start offers it back)."""
        # Not imported here (this runs in a signal handler): no editing screen, nothing to copy.
        saving = sys.modules.get("interview_tui.ui.screens.saving")
        if saving is None:
            return []
        written: list[Path] = []
        for screen in self.screen_stack:
            if isinstance(screen, saving.SavingScreen) and screen.has_unsaved_changes:
                # Nothing else can be done on the way out if this fails too.
                with contextlib.suppress(OSError):
                    written.append(screen.write_copy())
        return written

    def _on_terminate_signal(self, signum: int, _frame: object) -> None:
        self._flush_screens()
        copies = self._write_unsaved_copies()
        if signum == getattr(signal, "SIGHUP", None):
            # The terminal is gone. Textual's orderly shutdown still writes to it and can
            # block for ever (its writer thread dies on EIO), holding the data folder's lock.
            os._exit(128 + signum)
        self.call_later(self._exit_keeping, copies[0] if copies else None)

    def _exit_keeping(self, copy: Path | None) -> None:
        """Exit; when a copy was saved outside the data folder, say where after the app ends."""
        if copy is None:
            self.exit()
            return
        self.exit(
            message=Text(
                f"Not saved to {self.data_root}: a copy of your notes is in {copy} "
                "(the next start offers to restore it)."
            )
        )

    def action_help(self) -> None:
        """The keys of the screen on top (F1); again, or escape, closes the list."""
        from interview_tui.ui.dialogs.help_dialog import HelpDialog

        if isinstance(self.screen, HelpDialog):
            self.screen.dismiss()
        else:
            self.push_screen(HelpDialog(self.screen))

    def action_help_unless_typing(self) -> None:
        self.action_help()

    def get_system_commands(self, screen: Screen[Any]) -> Iterable[SystemCommand]:
        yield from super().get_system_commands(screen)
        yield SystemCommand(
            "Import people or an invite",
            "LinkedIn Connections.csv, vCard (.vcf) or calendar invite (.ics)",
            self.action_import_file,
        )

    def action_import_file(self) -> None:
        """Open the import dialog; lists reload when it imported something."""
        from interview_tui.ui.dialogs.import_dialog import ImportDialog

        def closed(imported: bool | None) -> None:
            reload = getattr(self.screen, "reload", None)
            if imported and callable(reload):
                reload()

        self.push_screen(ImportDialog(), closed)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "help_unless_typing":
            # On the call and wrap-up screens every printable key is text for the notes.
            saving = sys.modules.get("interview_tui.ui.screens.saving")
            return saving is None or not isinstance(self.screen, saving.SavingScreen)
        return True

    async def action_quit(self) -> None:
        from interview_tui.ui.dialogs.unsaved_dialog import UnsavedDialog
        from interview_tui.ui.screens.saving import SavingScreen

        if isinstance(self.screen, UnsavedDialog):
            return  # already asking what to do with the unsaved text
        self._flush_screens()
        unsaved = [
            s for s in self.screen_stack if isinstance(s, SavingScreen) and s.has_unsaved_changes
        ]
        if unsaved:
            unsaved[-1].ask_before_leaving("Quit", self._exit_keeping)
        else:
            self.exit()

    def on_unmount(self) -> None:
        self._flush_screens()
        if self.workspace is not None:
            self.workspace.close()

"""At start: copies of notes that an earlier run could not save to the data folder (a full
disk, a forced stop), with where each one is and the offer to restore them.

Restoring or keeping happens here, on the button, and is reported in one notice that names
every file; "Later" leaves everything as it is, to be offered again at the next start.
"""

from __future__ import annotations

from typing import Literal

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.widgets import Button, Footer, Static

from interview_tui.service import StoreError, UnsavedCopy, keep_copy
from interview_tui.ui import keymap
from interview_tui.ui.app_screen import AppModal

CopiesChoice = Literal["restore", "keep"]


def copy_line(copy: UnsavedCopy) -> str:
    reason = f" ({copy.reason})" if copy.reason else ""
    return f"• {copy.session.title}, {copy.saved_at:%d %b %H:%M}{reason}\n  {copy.path}"


class UnsavedCopiesDialog(AppModal["CopiesChoice | None"]):
    """Dismissed with what was done: ``"restore"``, ``"keep"``, or ``None`` (nothing)."""

    DEFAULT_CSS = """
    UnsavedCopiesDialog { align: center middle; }
    UnsavedCopiesDialog > Vertical {
        width: 90; max-width: 95%; height: auto; max-height: 90%; padding: 1 2;
        background: $panel; border: thick $warning;
    }
    UnsavedCopiesDialog .title { text-style: bold; }
    UnsavedCopiesDialog #copies-list { height: auto; max-height: 12; margin: 1 0; }
    UnsavedCopiesDialog #copies-buttons { height: auto; margin-top: 1; }
    UnsavedCopiesDialog #copies-buttons Button { margin-right: 1; }
    """
    BINDINGS = keymap.bindings(keymap.UNSAVED_COPIES)

    def __init__(self, copies: list[UnsavedCopy]) -> None:
        super().__init__()
        self.copies = copies

    @property
    def can_restore(self) -> bool:
        workspace = self.app.workspace
        return workspace is not None and not workspace.read_only

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "choose" and parameters == ("restore",) and not self.can_restore:
            return None  # greyed out: a read-only copy of the app cannot restore
        return True

    def compose(self) -> ComposeResult:
        count = len(self.copies)
        with Vertical():
            yield Static(
                Content(
                    f"{count} {'copy' if count == 1 else 'copies'} of notes not saved to "
                    "your data folder"
                ),
                classes="title",
            )
            with VerticalScroll(id="copies-list"):
                yield Static(Content("\n".join(copy_line(copy) for copy in self.copies)))
            yield Static(
                "Restore puts them back into your data folder (a stored version they replace "
                "is kept beside them). Keep as files leaves them on disk and stops this reminder."
                if self.can_restore
                else "This copy of the app has the data folder read-only, so it cannot restore "
                "them; the files stay where they are."
            )
            with Horizontal(id="copies-buttons"):
                yield Button(
                    "Restore", id="restore", variant="primary", disabled=not self.can_restore
                )
                yield Button("Keep as files", id="keep")
                yield Button("Later", id="later")
        yield Footer()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id == "later":
            self.dismiss(None)
        else:
            self.action_choose(event.button.id or "")

    def action_choose(self, choice: str) -> None:
        if choice == "restore" and self.can_restore:
            self._restore()
            self.dismiss("restore")
        elif choice == "keep":
            self._keep()
            self.dismiss("keep")

    def _restore(self) -> None:
        workspace = self.app.workspace
        assert workspace is not None
        done, failed = [], []
        # Several copies of one session (two visits that both failed to save) each hold text
        # the other lacks: the newest goes back into the folder, the older stay as files.
        newest = {copy.session.id: copy for copy in sorted(self.copies, key=lambda c: c.saved_at)}
        for copy in self.copies:
            try:
                if newest[copy.session.id] is not copy:
                    kept = keep_copy(copy)
                    done.append(
                        f"{copy.session.title}: an older copy, kept as {kept.with_suffix('.md')}"
                    )
                    continue
                moved = workspace.restore(copy)
            except (StoreError, OSError) as exc:
                failed.append(f"{copy.path}: {exc}")
                continue
            done.append(f"{copy.session.title} (the copy is now {moved})")
        self._report("Restored", done, failed)
        reload = getattr(self.app.screen_stack[0], "reload", None)
        if callable(reload):
            reload()

    def _keep(self) -> None:
        done, failed = [], []
        for copy in self.copies:
            try:
                done.append(str(keep_copy(copy)))
            except OSError as exc:
                failed.append(f"{copy.path}: {exc}")
        self._report("Kept as files", done, failed)

    def _report(self, what: str, done: list[str], failed: list[str]) -> None:
        lines = [f"{what}: {line}" for line in done] + [f"Not done: {line}" for line in failed]
        self.app.notify(
            "\n".join(lines),
            title="Copies of unsaved notes",
            severity="error" if failed else "information",
            timeout=30,
            markup=False,
        )

    def action_later(self) -> None:
        self.dismiss(None)

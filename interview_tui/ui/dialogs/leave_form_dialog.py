"""Leaving a Prepare form that has something typed in it: keep editing, save, or discard.

An untouched form closes at once; this asks only when leaving would throw typing away.
"""

from __future__ import annotations

from typing import Literal

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Footer, Static

from interview_tui.ui import keymap
from interview_tui.ui.app_screen import AppModal

LeaveChoice = Literal["save", "discard"]


class LeaveFormDialog(AppModal["LeaveChoice | None"]):
    """Dismissed with ``"save"`` or ``"discard"``, or ``None`` to keep editing."""

    DEFAULT_CSS = """
    LeaveFormDialog { align: center middle; }
    LeaveFormDialog > Vertical {
        width: 60; max-width: 95%; height: auto; padding: 1 2;
        background: $panel; border: thick $warning;
    }
    LeaveFormDialog .title { text-style: bold; }
    LeaveFormDialog #leave-help { margin-top: 1; }
    LeaveFormDialog #leave-buttons { height: auto; margin-top: 1; }
    LeaveFormDialog #leave-buttons Button { margin-right: 1; }
    """
    BINDINGS = keymap.bindings(keymap.LEAVE_FORM)

    def __init__(self, editing: bool) -> None:
        super().__init__()
        self.editing = editing

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static("Leave without saving?", classes="title")
            yield Static(
                "Your changes to this session are not saved yet. Save them, or discard them."
                if self.editing
                else "This new session is not saved yet. Save it to come back to it later, "
                "or discard it.",
                id="leave-help",
            )
            with Horizontal(id="leave-buttons"):
                yield Button("Keep editing", id="keep", variant="primary")
                yield Button("Save for later", id="save")
                yield Button("Discard", id="discard", variant="error")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#keep", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id == "save":
            self.action_save()
        elif event.button.id == "discard":
            self.action_discard()
        else:
            self.action_keep()

    def action_keep(self) -> None:
        self.dismiss(None)

    def action_save(self) -> None:
        self.dismiss("save")

    def action_discard(self) -> None:
        self.dismiss("discard")

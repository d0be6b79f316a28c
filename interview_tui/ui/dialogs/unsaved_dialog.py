"""Leaving or quitting while the latest text could not be saved: try again, keep a copy
elsewhere, or go anyway. Nothing is dropped without this question."""

from __future__ import annotations

from typing import Literal, TypeGuard, get_args

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.widgets import Button, Footer, Static

from interview_tui.ui import keymap
from interview_tui.ui.app_screen import AppModal

UnsavedChoice = Literal["retry", "copy", "discard"]


def _is_choice(name: str) -> TypeGuard[UnsavedChoice]:
    return name in get_args(UnsavedChoice)


class UnsavedDialog(AppModal["UnsavedChoice | None"]):
    """Dismissed with the choice, or ``None`` to stay and keep typing."""

    DEFAULT_CSS = """
    UnsavedDialog { align: center middle; }
    UnsavedDialog > Vertical {
        width: 76; max-width: 95%; height: auto; padding: 1 2;
        background: $panel; border: thick $error;
    }
    UnsavedDialog .title { text-style: bold; }
    UnsavedDialog #unsaved-error { color: $text-error; margin-top: 1; }
    UnsavedDialog #unsaved-note { color: $text-warning; height: auto; }
    UnsavedDialog #unsaved-buttons { height: auto; margin-top: 1; }
    UnsavedDialog #unsaved-buttons Button { margin-right: 1; }
    """
    BINDINGS = keymap.bindings(keymap.UNSAVED)

    def __init__(self, error: str, verb: str, note: str = "") -> None:
        super().__init__()
        self.error = error
        self.verb = verb
        self.note = note

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static("Your latest notes are not saved", classes="title")
            yield Static(Content(f"Saving failed: {self.error}"), id="unsaved-error")
            yield Static(
                Content(
                    "What you typed since the last save is only on screen. Try again, save a "
                    "copy (Markdown and JSON) in a folder that has room, or "
                    f"{self.verb.lower()} without it."
                ),
                id="unsaved-help",
            )
            yield Static(Content(self.note), id="unsaved-note")
            with Horizontal(id="unsaved-buttons"):
                yield Button("Retry", id="retry", variant="primary")
                yield Button("Save a copy elsewhere", id="copy")
                yield Button(f"{self.verb} anyway", id="discard", variant="error")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#unsaved-note", Static).display = bool(self.note)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.action_choose(event.button.id or "")

    def action_choose(self, choice: str) -> None:
        if _is_choice(choice):
            self.dismiss(choice)

    def action_stay(self) -> None:
        self.dismiss(None)

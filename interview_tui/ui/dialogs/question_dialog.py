"""A small modal to write a question of one's own."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Footer, Input, Label, Static

from interview_tui.models import (
    MAX_PRIORITY,
    MAX_QUESTION_MINUTES,
    MIN_PRIORITY,
    AgendaItem,
    slugify,
)
from interview_tui.ui import keymap
from interview_tui.ui.app_screen import AppModal
from interview_tui.ui.plain import plain


class QuestionDialog(AppModal[AgendaItem | None]):
    DEFAULT_CSS = """
    QuestionDialog { align: center middle; }
    QuestionDialog > Vertical {
        width: 70; max-width: 95%; height: auto; padding: 1 2;
        background: $panel; border: thick $primary;
    }
    QuestionDialog .row { height: auto; margin-top: 1; }
    QuestionDialog .row Label { width: 10; padding-top: 1; }
    QuestionDialog .row Input { width: 1fr; }
    QuestionDialog #question-error { color: $text-error; height: auto; }
    QuestionDialog #question-buttons { height: auto; margin-top: 1; align-horizontal: right; }
    """
    BINDINGS = keymap.bindings(keymap.QUESTION)

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static("[b]Your own question[/b]")
            yield Input(placeholder="What would you like to ask?", id="question-text")
            with Horizontal(classes="row"):
                yield Label("Minutes")
                yield Input("2", id="question-minutes", type="number")
                yield Label("Priority")
                yield Input("2", id="question-priority", type="integer")
            yield Static(id="question-error")
            with Horizontal(id="question-buttons"):
                yield Button("Add", variant="primary", id="add")
                yield Button("Cancel", id="cancel")
        yield Footer()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "add":
            self._submit()
        else:
            self.dismiss(None)

    def on_input_submitted(self) -> None:
        self._submit()

    def _submit(self) -> None:
        text = self.query_one("#question-text", Input).value.strip()
        error = self.query_one("#question-error", Static)
        try:
            minutes = float(self.query_one("#question-minutes", Input).value or 2)
            priority = int(self.query_one("#question-priority", Input).value or 2)
        except ValueError:
            error.update("Minutes and priority must be numbers.")
            return
        if not text:
            error.update("Write the question first.")
            return
        if not 0 < minutes <= MAX_QUESTION_MINUTES or not MIN_PRIORITY <= priority <= MAX_PRIORITY:
            error.update(
                plain(
                    f"Minutes between 0 and {MAX_QUESTION_MINUTES}; "
                    f"priority from {MIN_PRIORITY} (first) to {MAX_PRIORITY}."
                )
            )
            return
        self.dismiss(
            AgendaItem(
                key=f"own/{slugify(text)}",
                text=text,
                bank="My questions",
                category="own",
                minutes=minutes,
                priority=priority,
                own=True,
            )
        )

    def action_cancel(self) -> None:
        self.dismiss(None)

"""Log a touch by hand: a day (today unless changed) and one line about it."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import Input, Label, Static

from interview_tui.person_form import parse_day
from interview_tui.ui import keymap
from interview_tui.ui.app_screen import AppModal
from interview_tui.ui.plain import plain, styled
from interview_tui.ui.widgets.key_footer import KeyFooter


@dataclass(frozen=True)
class Touch:
    on: date
    line: str


class LogTouchDialog(AppModal["Touch | None"]):
    """Dismissed with the :class:`Touch` to log, or None."""

    DEFAULT_CSS = """
    LogTouchDialog { align: center middle; }
    LogTouchDialog > Vertical {
        width: 64; max-width: 95%; height: auto; padding: 1 2;
        background: $panel; border: thick $primary;
    }
    LogTouchDialog .row { height: 1; margin-top: 1; }
    LogTouchDialog .row Label { width: 8; color: $text-muted; }
    LogTouchDialog .row Input { width: 1fr; }
    LogTouchDialog #touch-error { height: auto; color: $text-error; text-style: bold; }
    """
    AUTO_FOCUS = "#touch-line"
    BINDINGS = keymap.bindings(keymap.LOG_TOUCH)

    def __init__(self, name: str, today: date) -> None:
        super().__init__()
        self.person_name = name
        self.today = today

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(styled("[b]Log a touch with $name[/b]", name=self.person_name))
            with Horizontal(classes="row"):
                yield Label("Day")
                yield Input(f"{self.today:%Y-%m-%d}", id="touch-day", compact=True)
            with Horizontal(classes="row"):
                yield Label("What")
                yield Input(
                    placeholder="e.g. coffee, talked about the new team",
                    id="touch-line",
                    compact=True,
                )
            yield Static(id="touch-error")
        yield KeyFooter()

    def on_input_submitted(self) -> None:
        self.action_save()

    def action_save(self) -> None:
        try:
            day = parse_day(self.query_one("#touch-day", Input).value)
        except ValueError as exc:
            self.query_one("#touch-error", Static).update(plain(f"Day: {exc}"))
            self.query_one("#touch-day", Input).focus()
            return
        self.dismiss(Touch(day, self.query_one("#touch-line", Input).value.strip()))

    def action_cancel(self) -> None:
        self.dismiss(None)

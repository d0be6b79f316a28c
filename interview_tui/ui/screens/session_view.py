"""A past session as a readable page: agenda, what was asked and in what time, every note."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import Footer, Header, Markdown

from interview_tui.display_text import one_line
from interview_tui.models import Session
from interview_tui.ui import keymap
from interview_tui.ui.screens.exporting import export_sessions


class SessionViewScreen(Screen[None]):
    CSS_PATH = "session_view.tcss"
    AUTO_FOCUS = "#session-page"
    BINDINGS = keymap.bindings(keymap.SESSION_VIEW)

    def __init__(self, session: Session) -> None:
        super().__init__()
        self.session = session

    def compose(self) -> ComposeResult:
        yield Header()
        yield Markdown(id="session-page")
        yield Footer()

    def on_mount(self) -> None:
        from interview_tui.export import to_markdown

        self.sub_title = one_line(self.session.title)
        # Literal: what was typed shows as typed ("<b>" or "*" in a note is text here).
        page = to_markdown(self.session, front_matter=False, literal=True)
        # Textual's Markdown draws no task-list checkboxes; show the marks the live screen uses.
        page = page.replace("- [x] ", "- ✓ ").replace("- [ ] ", "- ○ ")
        self.query_one(Markdown).update(page)

    def action_wrap_up(self) -> None:
        from interview_tui.ui.screens.wrap_up import WrapUpScreen

        self.app.switch_screen(WrapUpScreen(self.session))

    def action_export(self) -> None:
        export_sessions(self, [self.session], formats=("md", "json"))

    def action_run(self) -> None:
        from interview_tui.ui.screens.live import LiveScreen

        self.app.switch_screen(LiveScreen(self.session))

    def action_back(self) -> None:
        self.dismiss()

"""A past session as a readable page: agenda, what was asked and in what time, every note.

The page scrolls by keyboard (arrows, PageUp/PageDown, Home/End) and mouse: the Markdown sits
in a focused scroll container, since Textual's Markdown widget does not scroll by itself.
Opened from a search result, it lands on the block holding the matching line.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widget import Widget
from textual.widgets import Header, Markdown
from textual.widgets._markdown import MarkdownBlock

from interview_tui.display_text import one_line
from interview_tui.models import Session
from interview_tui.ui import keymap
from interview_tui.ui.app_screen import AppScreen
from interview_tui.ui.screens.exporting import export_sessions
from interview_tui.ui.widgets.key_footer import KeyFooter


def block_text(block: MarkdownBlock) -> str:
    """The text a block shows, as one line (a paragraph's soft line breaks become spaces)."""
    return " ".join(str(block.render()).split())


def find_block(markdown: Markdown, line: str, word: str = "") -> MarkdownBlock | None:
    """The innermost block that shows ``line`` (or, failing that, ``word``), first on the page.

    ``line`` is a search hit's line, possibly cut short with "…" at either end.
    """
    wanted = [" ".join(part.split()) for part in line.split("…") if part.strip()]
    wanted.sort(key=len, reverse=True)
    if word.strip():
        wanted.append(" ".join(word.split()))
    blocks = [block for block in markdown.query(MarkdownBlock) if not block.query(MarkdownBlock)]
    for text in wanted:
        lower = text.lower()
        for block in blocks:
            if lower in block_text(block).lower():
                return block
    return None


class SessionViewScreen(AppScreen[None]):
    CSS_PATH = "session_view.tcss"
    AUTO_FOCUS = "#session-scroll"
    BINDINGS = keymap.bindings(keymap.SESSION_VIEW)

    def __init__(self, session: Session, *, find: tuple[str, str] | None = None) -> None:
        """``find``: (line, matched word) of a search hit to scroll to."""
        super().__init__()
        self.session = session
        self.find = find
        self.found: Widget | None = None
        """The block a search hit landed on."""

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll(id="session-scroll"):
            yield Markdown(id="session-page")
        yield KeyFooter()

    async def on_mount(self) -> None:
        from interview_tui.export import to_markdown

        self.sub_title = one_line(self.session.title)
        # Literal: what was typed shows as typed ("<b>" or "*" in a note is text here).
        page = to_markdown(self.session, front_matter=False, literal=True)
        # Textual's Markdown draws no task-list checkboxes; show the marks the live screen uses.
        page = page.replace("- [x] ", "- ✓ ").replace("- [ ] ", "- ○ ")
        await self.query_one(Markdown).update(page)
        if self.find is not None:
            self.found = find_block(self.query_one(Markdown), *self.find)
            if self.found is not None:
                self.found.add_class("found")
                # After the layout pass that gives the new blocks their places.
                self.call_after_refresh(self._scroll_to_found)

    def _scroll_to_found(self) -> None:
        if self.found is not None:
            self.query_one("#session-scroll", VerticalScroll).scroll_to_center(
                self.found, animate=False, immediate=True
            )

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

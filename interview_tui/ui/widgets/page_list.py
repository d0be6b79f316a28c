"""An option list inside a scrolling page whose keys go on to scroll the page.

The person page starts with focus on its conversations; without this, Down, End and Page
Down stop at the last conversation and whatever the page holds below it (introductions,
interactions) cannot be reached at 80x24 without a mouse.
"""

from __future__ import annotations

from textual.containers import ScrollableContainer
from textual.widgets import OptionList


class PageOptionList(OptionList):
    """Past its last option Down, End and Page Down scroll the page on; before its first,
    Up, Home and Page Up scroll it back."""

    def _page(self) -> ScrollableContainer | None:
        for ancestor in self.ancestors:
            if isinstance(ancestor, ScrollableContainer):
                return ancestor
        return None

    def _at_end(self) -> bool:
        return self.highlighted is None or self.highlighted >= self.option_count - 1

    def _at_start(self) -> bool:
        return self.highlighted is None or self.highlighted <= 0

    def action_cursor_down(self) -> None:
        page = self._page()
        if page is not None and self._at_end():
            page.scroll_down(animate=False)
        else:
            super().action_cursor_down()

    def action_page_down(self) -> None:
        page = self._page()
        if page is not None and self._at_end():
            page.scroll_page_down(animate=False)
        else:
            super().action_page_down()  # type: ignore[no-untyped-call]  # unannotated upstream

    def action_last(self) -> None:
        super().action_last()
        page = self._page()
        if page is not None:
            page.scroll_end(animate=False)

    def action_cursor_up(self) -> None:
        page = self._page()
        if page is not None and self._at_start():
            page.scroll_up(animate=False)
        else:
            super().action_cursor_up()

    def action_page_up(self) -> None:
        page = self._page()
        if page is not None and self._at_start():
            page.scroll_page_up(animate=False)
        else:
            super().action_page_up()  # type: ignore[no-untyped-call]  # unannotated upstream

    def action_first(self) -> None:
        super().action_first()
        page = self._page()
        if page is not None:
            page.scroll_home(animate=False)

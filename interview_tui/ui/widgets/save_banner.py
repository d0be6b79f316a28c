"""One line at the top of an editing screen saying what happens to what is typed there.

Hidden while saving works. It shows when a save failed (and updates in place with every
retry, instead of a new pop-up per failure) or when the folder is open read-only.
"""

from __future__ import annotations

from textual.content import Content
from textual.widgets import Static


class SaveBanner(Static):
    DEFAULT_CSS = """
    SaveBanner {
        display: none;
        height: auto;
        padding: 0 1;
    }
    SaveBanner.-failed {
        display: block;
        background: $error-muted;
        color: $text-error;
    }
    SaveBanner.-read-only {
        display: block;
        background: $warning-muted;
        color: $foreground;  /* $text-warning on it is 2.85:1 in textual-light */
    }
    """

    def show_failed(self, text: str) -> None:
        self._show(text, "-failed")

    def show_read_only(self, text: str) -> None:
        self._show(text, "-read-only")

    def hide(self) -> None:
        self.remove_class("-failed", "-read-only")
        self.update("")

    def _show(self, text: str, kind: str) -> None:
        # The text quotes the OS's error and paths: plain text, never markup.
        self.update(Content(text))
        self.set_class(kind == "-failed", "-failed")
        self.set_class(kind == "-read-only", "-read-only")

    @property
    def text(self) -> str:
        return str(self.render()) if self.display else ""

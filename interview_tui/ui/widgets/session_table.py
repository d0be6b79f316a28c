"""The session list: fixed-width rows in an OptionList.

Why not a DataTable: it measures and renders every cell through Rich, which made the first
screen with a long history about 1.5 times slower to appear; one pre-formatted line per session
draws in a fraction of that.
"""

from __future__ import annotations

from collections.abc import Sequence

from rich.text import Text
from textual.widgets import OptionList
from textual.widgets.option_list import Option

COLUMNS: tuple[tuple[str, int], ...] = (
    ("When", 16),
    ("Contact", 15),
    ("Company", 15),
    ("Status", 10),
    ("Asked", 5),
    ("Min", 3),
)
GAP = "  "


def fit(text: str, width: int) -> str:
    """``text`` cut to ``width`` (ending in "…" when cut) and padded."""
    if len(text) > width:
        text = text[: width - 1] + "…"
    return text.ljust(width)


def format_row(cells: Sequence[str]) -> str:
    return GAP.join(fit(cell, width) for cell, (_, width) in zip(cells, COLUMNS, strict=True))


HEADER = format_row([name for name, _ in COLUMNS])


class SessionTable(OptionList):
    """Rows of sessions; ``get_row_at``/``row_count``/``move_cursor`` read the rows and move
    the selection like a table's."""

    DEFAULT_CSS = """
    SessionTable, SessionTable:focus {
        border: none; padding: 0; text-wrap: nowrap; text-overflow: ellipsis;
    }
    SessionTable > .option-list--option { padding: 0 1; }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._cells: list[tuple[str, ...]] = []
        self.ids: list[str] = []

    def set_rows(self, rows: Sequence[tuple[str, ...]], ids: Sequence[str]) -> None:
        selected = self.selected_id
        self._cells, self.ids = [tuple(row) for row in rows], list(ids)
        self.clear_options()
        self.add_options(Option(Text(format_row(row), no_wrap=True)) for row in self._cells)
        if selected in self.ids:
            self.highlighted = self.ids.index(selected)
        elif self.ids:
            self.highlighted = 0

    @property
    def selected_id(self) -> str | None:
        row = self.highlighted
        return self.ids[row] if row is not None and 0 <= row < len(self.ids) else None

    @property
    def row_count(self) -> int:
        return len(self._cells)

    def get_row_at(self, row: int) -> list[str]:
        return list(self._cells[row])

    def move_cursor(self, *, row: int) -> None:
        self.highlighted = row

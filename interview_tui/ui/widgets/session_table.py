"""The session list: fixed-width rows in an OptionList.

Why not a DataTable: it measures and renders every cell through Rich, which made the first
screen with a long history about 1.5 times slower to appear; one pre-formatted line per session
draws in a fraction of that.
"""

from __future__ import annotations

from collections.abc import Sequence

from rich.cells import cell_len, set_cell_size
from textual.content import Content
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from interview_tui.display_text import one_line

COLUMNS: tuple[tuple[str, int], ...] = (
    ("When", 18),  # "held 2026-03-02", "sched. 2026-03-09", "created 2026-03-01"
    ("Contact", 13),
    ("Company", 13),
    ("Status", 10),
    ("Asked", 7),  # "3/12 +2": asked of the planned questions, and extra ones
    ("Min", 3),
)
GAP = "  "


def fit(text: str, width: int) -> str:
    """``text`` on one line, cut to ``width`` cells (ending in "…" when cut) and padded.

    Cells, not characters: an emoji takes two, a combining accent none.
    """
    if not text.isprintable():
        text = one_line(text)
    if text.isascii():  # almost every row: the quick way
        return text[: width - 1] + "…" if len(text) > width else text.ljust(width)
    if cell_len(text) > width:
        return set_cell_size(text, width - 1) + "…"
    return set_cell_size(text, width)


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
        self.add_options(Option(Content(format_row(row))) for row in self._cells)
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

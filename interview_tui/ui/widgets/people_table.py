"""The People list: one pre-formatted line per person, columns fitted to the width.

Like :class:`~interview_tui.ui.widgets.session_table.SessionTable`, an OptionList of lines
rather than a DataTable. The name column gets the room first; at 80 columns every column
fits, narrower ones drop "Last contact", then "Status".
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from rich.text import Text
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from interview_tui.ui.widgets.session_table import GAP, fit

STATUS_WORDS = {"interviewed": "met", "keeping in touch": "in touch"}
"""The list's short words for two statuses (the person page spells them out)."""


@dataclass(frozen=True)
class PersonRow:
    """What one line shows; dates as ``YYYY-MM-DD`` or ``—``."""

    person_id: str
    name: str
    company: str
    status: str
    last_contact: date | None
    next_touch: date | None
    overdue: bool = False


DATE_WIDTH = 10
STATUS_WIDTH = 10


def columns_for(width: int) -> list[tuple[str, int]]:
    """(header, width) of each column shown in ``width`` cells of row."""
    optional = [("Status", STATUS_WIDTH), ("Last contact", DATE_WIDTH + 2)]
    while True:
        fixed = [*optional, ("Next touch", DATE_WIDTH + 2)]
        rest = width - sum(w for _, w in fixed) - len(GAP) * (len(fixed) + 1)
        if rest >= 30 or not optional:
            break
        optional.pop()  # Last contact first, then Status
    rest = max(rest, 12)
    name = max(12, rest * 11 // 20)
    return [("Name", name), ("Company", rest - name), *fixed]


def _day(day: date | None) -> str:
    return f"{day:%Y-%m-%d}" if day else "—"


def cells(row: PersonRow) -> dict[str, str]:
    return {
        "Name": row.name,
        "Company": row.company,
        "Status": STATUS_WORDS.get(row.status, row.status),
        "Last contact": _day(row.last_contact),
        "Next touch": ("! " if row.overdue else "") + _day(row.next_touch),
    }


def format_line(values: dict[str, str], columns: Sequence[tuple[str, int]]) -> str:
    return GAP.join(fit(values[header], width) for header, width in columns)


def header_line(width: int) -> str:
    columns = columns_for(width)
    return format_line({header: header for header, _ in columns}, columns)


class PeopleTable(OptionList):
    """Rows of people; ``selected_id`` is the highlighted person's id."""

    DEFAULT_CSS = """
    PeopleTable, PeopleTable:focus {
        border: none; padding: 0; text-wrap: nowrap; text-overflow: ellipsis;
    }
    PeopleTable > .option-list--option { padding: 0 1; }
    """
    ROW_PADDING = 2
    """The option's padding, left and right."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.rows: list[PersonRow] = []
        self._width = 0

    @property
    def row_width(self) -> int:
        """Cells a line may take: the widget less its padding and a scrollbar's room."""
        return max(40, (self.size.width or self.app.size.width) - self.ROW_PADDING - 2)

    def set_rows(self, rows: Sequence[PersonRow]) -> None:
        selected = self.selected_id
        self.rows = list(rows)
        self._width = self.row_width
        columns = columns_for(self._width)
        self.clear_options()
        self.add_options(
            Option(Text(format_line(cells(row), columns), no_wrap=True)) for row in self.rows
        )
        ids = [row.person_id for row in self.rows]
        if selected in ids:
            self.highlighted = ids.index(selected)
        elif ids:
            self.highlighted = 0

    @property
    def fitted(self) -> bool:
        """Whether the lines were laid out for the width the table has now."""
        return self.row_width == self._width

    @property
    def selected_id(self) -> str | None:
        row = self.highlighted
        return self.rows[row].person_id if row is not None and 0 <= row < len(self.rows) else None

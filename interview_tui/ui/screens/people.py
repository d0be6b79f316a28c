"""Everyone you know: a filterable, sortable list; enter opens a person's page."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

from textual import on, work
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import Header, Input, OptionList, Static

from interview_tui.people import (
    last_contact,
    name_order,
    next_touch,
    person_matches,
)
from interview_tui.ui import keymap
from interview_tui.ui.app_screen import AppScreen
from interview_tui.ui.plain import one_line, plain
from interview_tui.ui.widgets.key_footer import KeyFooter
from interview_tui.ui.widgets.people_table import PeopleTable, PersonRow, header_line

if TYPE_CHECKING:
    from interview_tui.person import Person
    from interview_tui.settings import Settings

SORTS = ("name", "next touch", "last contact")
EMPTY = (
    "No people yet. Everyone you prepare a session with (n on the session list) becomes a "
    "person here, and so does everyone they recommend. To bring in the people you already "
    "know, import your LinkedIn Connections.csv or a vCard file:\n\n"
    "    interview-tui people import Connections.csv"
)


def default_cadence(settings: Settings) -> int:
    """The keep-in-touch cadence in days for people without one of their own."""
    from interview_tui.people_due import default_cadence_days

    return default_cadence_days(settings.keep_in_touch_months)


def person_row(person: Person, today: date, cadence_days: int) -> PersonRow:
    touch = next_touch(person, cadence_days)
    return PersonRow(
        person.id,
        person.name,
        person.where,
        person.status,
        last_contact(person),
        touch,
        overdue=touch is not None and touch <= today,
    )


def sort_rows(rows: list[PersonRow], how: str) -> list[PersonRow]:
    by_name = sorted(rows, key=lambda row: (name_order(row.name), row.person_id))
    if how == "next touch":  # soonest first; nobody to get back to last
        return sorted(by_name, key=lambda row: (row.next_touch is None, row.next_touch or date.max))
    if how == "last contact":  # most recent first; never in touch last
        return sorted(
            by_name,
            key=lambda row: (row.last_contact is None, -(row.last_contact or date.min).toordinal()),
        )
    return by_name


def title_text(total: int, shown: int, filtered: bool, sort: str, due: int = 0) -> str:
    """ "People (12) · 2 due · by name", or "People (3 of 12) · …" while a filter is on;
    "due": people whose next touch (marked "!") has come."""
    count = f"{shown} of {total}" if filtered else f"{total}"
    return f"People ({count})" + (f" · {due} due" if due else "") + f" · by {sort}"


def writable_or_say(screen: AppScreen[Any], what: str) -> bool:
    """False (and says why) when the data folder cannot be written, or is not open yet."""
    workspace = screen.app.workspace
    if workspace is None:
        problem = screen.app.store_error or "Still opening your data folder…"
        screen.notify(problem, severity="warning", timeout=8)
        return False
    if workspace.read_only:
        screen.notify(
            f"Read-only: {workspace.read_only_reason}, so {what} cannot be saved here.",
            severity="warning",
            timeout=8,
        )
        return False
    return True


class PeopleFilter(Input):
    """The filter box: ``escape`` clears it and goes back to the list."""

    BINDINGS = keymap.bindings(keymap.PEOPLE_FILTER)


class PeopleScreen(AppScreen[None]):
    CSS_PATH = "people.tcss"
    AUTO_FOCUS = "#people"
    BINDINGS = keymap.bindings(keymap.PEOPLE)

    def __init__(self) -> None:
        super().__init__()
        self.people: list[Person] = []
        self.sort = SORTS[0]
        self.loaded = False

    def compose(self) -> ComposeResult:
        yield Header()
        with Vertical(id="people-body"):
            with Horizontal(id="people-head"):
                yield Static("People", id="people-title")
                yield PeopleFilter(
                    placeholder="/: filter by name, company, role, tag",
                    id="filter",
                    compact=True,
                )
            yield Static(id="people-header")
            yield PeopleTable(id="people")
            yield Static(id="people-empty")
        yield KeyFooter()

    def on_mount(self) -> None:
        self.sub_title = "People"
        self.query_one("#people-empty", Static).update("Reading your people…")
        self.watch(self.app, "ready", self._on_ready)

    def _on_ready(self, ready: bool) -> None:
        if ready:
            self.load()

    def on_screen_resume(self) -> None:
        if self.loaded:
            self.load()  # a person edited or a session held on a page opened from here

    @work(thread=True, exclusive=True, group="people", exit_on_error=False)
    def load(self) -> None:
        workspace = self.app.workspace
        if workspace is None:
            problem = self.app.store_error or "The data folder is not open."
            self.app.call_from_thread(self._show_problem, problem)
            return
        people = workspace.people()
        self.app.call_from_thread(self._loaded, people)

    def _show_problem(self, problem: str) -> None:
        self.query_one("#people-empty", Static).update(plain(problem))

    def _loaded(self, people: list[Person]) -> None:
        self.people, self.loaded = people, True
        self.show_rows()

    def show_rows(self) -> None:
        table = self.query_one("#people", PeopleTable)
        query = self.query_one("#filter", Input).value.strip()
        shown = [p for p in self.people if person_matches(p, query)] if query else self.people
        today, cadence_days = date.today(), default_cadence(self.app.settings)
        rows = sort_rows([person_row(p, today, cadence_days) for p in shown], self.sort)
        table.set_rows(rows)
        header = self.query_one("#people-header", Static)
        header.update(plain(header_line(table.row_width)))
        header.display = table.display = bool(rows)
        empty = self.query_one("#people-empty", Static)
        empty.display = not rows
        if not self.people:
            empty.update(plain(EMPTY))
        elif not rows:
            empty.update(plain(f"Nobody matches {query!r}. escape clears the filter."))
        self.query_one("#people-title", Static).update(
            one_line(
                title_text(
                    len(self.people),
                    len(rows),
                    bool(query),
                    self.sort,
                    due=sum(row.overdue for row in rows),
                )
            )
        )

    def on_resize(self) -> None:
        table = self.query_one("#people", PeopleTable)
        if self.loaded and not table.fitted:
            self.call_after_refresh(self.show_rows)

    @on(Input.Changed, "#filter")
    def filter_changed(self) -> None:
        if self.loaded:
            self.show_rows()

    @on(Input.Submitted, "#filter")
    def filter_done(self) -> None:
        self.query_one("#people", PeopleTable).focus()

    def action_filter(self) -> None:
        self.query_one("#filter", Input).focus()

    def action_leave_filter(self) -> None:
        self.query_one("#filter", Input).value = ""
        self.query_one("#people", PeopleTable).focus()

    def action_cycle_sort(self) -> None:
        self.sort = SORTS[(SORTS.index(self.sort) + 1) % len(SORTS)]
        self.show_rows()

    @on(OptionList.OptionSelected, "#people")
    def action_open_person(self) -> None:
        person_id = self.query_one("#people", PeopleTable).selected_id
        person = next((p for p in self.people if p.id == person_id), None)
        if person is None:
            return
        from interview_tui.ui.screens.person import PersonScreen

        self.app.push_screen(PersonScreen(person.id))

    def action_back(self) -> None:
        self.dismiss()

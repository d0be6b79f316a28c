"""The first screen: what is due, past and scheduled sessions, and the way to a new one.

Drawn from the plain-JSON index so it appears before pydantic or the banks are loaded;
the due list (which needs the domain models) fills in once the app is ready.
"""

from __future__ import annotations

import contextlib
from datetime import date
from typing import TYPE_CHECKING

from textual import on, work
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widget import MountError
from textual.widgets import Header, Input, OptionList, Static

from interview_tui.asked_count import count_of_row, split_counts
from interview_tui.service import (
    SessionSummary,
    list_date,
    list_stamp,
    read_first_screen,
    read_summaries,
)
from interview_tui.ui import keymap
from interview_tui.ui.app_screen import AppScreen
from interview_tui.ui.plain import plain
from interview_tui.ui.widgets.due_list import ACTIONS as DUE_ACTIONS
from interview_tui.ui.widgets.due_list import DueList
from interview_tui.ui.widgets.key_footer import KeyFooter
from interview_tui.ui.widgets.session_table import HEADER, SessionTable

if TYPE_CHECKING:
    from textual.screen import Screen

    from interview_tui.followups import DueItem
    from interview_tui.models import Session
    from interview_tui.people_due import PersonDue
    from interview_tui.person import Person
    from interview_tui.service import Workspace


def status_text(row: SessionSummary) -> str:
    """Where the contact stands: before a call its outreach status, after it the follow-up."""
    status, contact = row.get("status", ""), row.get("contact_status", "")
    if status == "live":
        return "live"
    if status == "ended":
        return {"thanked": "thanked", "keeping in touch": "in touch"}.get(contact, "done")
    return contact or "planned"


FILTER_HINT = "f: filter by name or company"
MAX_ROWS = 500  # past this many the filter is the way in
REST_OF_ROWS_DELAY = 0.3
SCREEN_CHROME_LINES = 5
"""Lines of the first screen that are not list rows: the header, the title row (two lines),
the column names and the footer. The first batch of rows fills the rest, no more."""
SORTS = ("newest", "oldest", "contact", "company")
NEEDS_DATA = frozenset(
    {
        "open_session",
        "view_session",
        "prepare",
        "outreach",
        "advance_status",
        "search",
        "patterns",
        "people",
        "export_all",
    }
)
"""Actions that read or change stored sessions: off until the data folder is open."""


def when_cell(row: SessionSummary) -> str:
    """``held 2026-03-02``: the list's When column, which says what the date is."""
    word, stamp = list_date(row)
    return f"{word} {stamp[:10]}" if stamp else ""


def sort_rows(rows: list[SessionSummary], how: str) -> list[SessionSummary]:
    if how == "oldest":
        return sorted(rows, key=list_stamp)
    if how in ("contact", "company"):
        field = "name" if how == "contact" else "company"
        return sorted(rows, key=lambda row: (str(row.get(field, "")).lower(), list_stamp(row)))
    return sorted(rows, key=list_stamp, reverse=True)


def row_cells(row: SessionSummary) -> tuple[str, ...]:
    return (
        when_cell(row),
        row.get("name", ""),
        row.get("company", ""),
        status_text(row),
        count_of_row(row).short,
        f"{row.get('length_minutes', 0)}m",
    )


def title_counts(
    rows: list[SessionSummary],
    shown: list[SessionSummary],
    query: str,
    totals: tuple[int, int] | None = None,
) -> str:
    """ "Sessions (3) · 2 to contact": interviews and people to contact counted apart, a
    person someone recommended is not an interview; "(1 of 3)" while a filter is on.
    ``totals`` stands for counting ``rows`` when they are not all read yet."""
    interviews, to_contact = totals or split_counts(rows)
    if not query:
        return f"Sessions ({interviews})" + (f" · {to_contact} to contact" if to_contact else "")
    shown_interviews, shown_to_contact = split_counts(shown)
    text = f"Sessions ({shown_interviews} of {interviews})"
    return text + (f" · {shown_to_contact} of {to_contact} to contact" if to_contact else "")


def matches(row: SessionSummary, query: str) -> bool:
    text = " ".join(str(row.get(k, "")) for k in ("name", "company", "role", "status"))
    return all(word in text.lower() for word in query.lower().split())


def session_screen(session: Session) -> Screen[None]:
    """Where opening a session goes: a held call's page to read, else the call to run."""
    if session.status == "ended":
        from interview_tui.ui.screens.session_view import SessionViewScreen

        return SessionViewScreen(session)
    from interview_tui.ui.screens.live import LiveScreen

    return LiveScreen(session)


class FilterInput(Input):
    """The filter box: ``/`` opens search and ``escape`` clears it, rather than being typed
    (a filter is for names and companies)."""

    BINDINGS = keymap.bindings(keymap.FILTER)


class StartScreen(AppScreen[None]):
    AUTO_FOCUS = "#sessions"
    BINDINGS = keymap.bindings(keymap.START)

    def __init__(self) -> None:
        super().__init__()
        self.rows: list[SessionSummary] = []
        self.sort = SORTS[0]
        self.people: list[Person] = []
        """Everyone, once a worker has read them (the first paint does not wait)."""
        self._all_rows = False
        self._totals: tuple[int, int] | None = None
        """The counts of every session while ``rows`` holds only the newest (read from the
        head of the index for the first paint); None once every row is read."""
        self._open_when_ready: str | None = None
        """A session chosen with enter before the data folder was open: opened once it is."""
        self.due_list = DueList(self, id="due-list")
        """Made here, so ``check_action`` can ask it before it is mounted: just after the
        first paint, which it is not part of (nothing is due before the folder is open)."""

    def compose(self) -> ComposeResult:
        yield Header()
        with Vertical(id="start-body"):
            with Horizontal(id="sessions-head"):
                yield Static("Sessions", id="sessions-title", classes="title")
                # The filter box itself comes right after the first paint (an Input costs
                # the first screen time); until then its words stand in its place.
                yield Static(FILTER_HINT, id="filter-hint")
            yield Static(plain(HEADER), id="sessions-header")
            yield SessionTable(id="sessions")
            yield Static(id="sessions-empty")
        yield KeyFooter()

    def on_mount(self) -> None:
        # The newest rows and the counts, from the head of the index: a screenful without
        # parsing a long history. Every row comes with the data folder, once it is open.
        first = read_first_screen(self.app.data_root)
        if first is not None and first.newest:
            self.rows, self._totals = first.newest, (first.interviews, first.to_contact)
        else:
            self.rows = read_summaries(self.app.data_root) or []
        self.show_rows()
        self.call_after_refresh(self._mount_after_first_paint)
        self.watch(self.app, "ready", self._on_app_ready, init=False)
        self.set_interval(2.0, self.check_folder)

    def _mount_after_first_paint(self) -> None:
        """The due list (hidden until something is due) above the sessions, and the filter
        box where its words stand."""
        if not self.due_list.is_attached and self.is_attached:
            with contextlib.suppress(MountError):  # quit in the first frame
                self.query_one("#start-body").mount(self.due_list, before=0)
        self._mount_filter()

    def _mount_filter(self) -> None:
        """Put the filter box where its words stand (once)."""
        if self._filter_box() is not None or not self.is_attached:
            return
        hints = self.query("#filter-hint")
        if not hints:
            return
        hint = hints.first()
        try:
            self.query_one("#sessions-head").mount(
                FilterInput(placeholder=FILTER_HINT, id="filter", compact=True), before=hint
            )
        except MountError:  # quit in the first frame: the screen is already closing
            return
        hint.remove()

    def _filter_box(self) -> Input | None:
        return next(iter(self.query("#filter").results(Input)), None)

    def _on_app_ready(self, ready: bool) -> None:
        if self.app.workspace is None and self._totals is not None:
            # The folder could not be opened: every row the index holds, as before.
            self.rows, self._totals = read_summaries(self.app.data_root) or self.rows, None
            self.show_rows()
        self.reload()
        self.refresh_bindings()  # the keys that wait for the data folder
        chosen, self._open_when_ready = self._open_when_ready, None
        table = self.query_one("#sessions", SessionTable)
        if chosen in table.ids and self.app.workspace is not None and self.is_current:
            table.highlighted = table.ids.index(chosen)
            self.action_open_session()

    def check_folder(self) -> None:
        """Every two seconds: sessions a sync tool added, changed or removed are listed, and
        its conflict copies merged (one line each), without a restart. Off the UI thread."""
        workspace = self.app.workspace
        if workspace is None or not self.is_current:
            return

        def look() -> None:
            found = workspace.check_folder()
            for line in found.lines:
                self.app.call_from_thread(self.app.notify, line, title="Synced", timeout=15)
            if found.changed:
                self.app.call_from_thread(self.reload)

        self.run_worker(look, thread=True, exclusive=True, group="folder", exit_on_error=False)

    def on_screen_resume(self) -> None:
        self.reload()

    def reload(self, highlight: DueItem | PersonDue | None = None) -> None:
        workspace = self.app.workspace
        if workspace is None:
            return
        rows = workspace.summaries()
        if rows != self.rows or self._totals is not None:
            self.rows, self._totals = rows, None
            self.show_rows()
        self._show_due_and_week(highlight)
        self._load_people()

    def _show_due_and_week(self, highlight: DueItem | PersonDue | None = None) -> None:
        from interview_tui.people_due import default_cadence_days, weekly_line

        settings = self.app.settings
        cadence = default_cadence_days(settings.keep_in_touch_months)
        today = self.due_list.today()
        self.due_list.show_for(self.rows, self.people, cadence, today, highlight)
        week = weekly_line(self.rows, today, settings.weekly_goal)
        workspace = self.app.workspace
        # Said for as long as it holds, not only in a notice that fades.
        read_only = "read-only (nothing is saved)" if workspace and workspace.read_only else ""
        self.sub_title = " · ".join(part for part in (read_only, week) if part) or None

    @work(thread=True, exclusive=True, group="people", exit_on_error=False)
    def _load_people(self) -> None:
        """Everyone, read off the UI thread; the due list redraws with them."""
        workspace = self.app.workspace
        if workspace is None:
            return
        from interview_tui.service import StoreError

        try:
            people = workspace.people()
        except (StoreError, OSError) as exc:
            self.app.call_from_thread(
                self.notify, f"People not read: {exc}", severity="warning", markup=False
            )
            return
        self.app.call_from_thread(self._people_loaded, people)

    def _people_loaded(self, people: list[Person]) -> None:
        if people != self.people:
            self.people = people
            self._show_due_and_week()

    def people_changed(self, changed: list[Person]) -> None:
        """Take in people just saved, so the list redraws without waiting to read them."""
        by_id = {person.id: person for person in changed}
        self.people = [by_id.pop(person.id, person) for person in self.people]
        self.people.extend(by_id.values())

    # -- the session table -------------------------------------------------------------------

    def show_rows(self) -> None:
        table = self.query_one("#sessions", SessionTable)
        box = self._filter_box()
        query = box.value.strip() if box is not None else ""
        rows = [row for row in self.rows if matches(row, query)] if query else self.rows
        matched, matched_rows = len(rows), rows
        rows = sort_rows(rows, self.sort)[:MAX_ROWS]
        # A screenful now, the rest once the first screen is up: the list is what people open
        # the app to see, and every row costs layout time.
        screenful = max(1, self.app.size.height - SCREEN_CHROME_LINES)
        first = rows if self._all_rows else rows[:screenful]
        table.set_rows([row_cells(row) for row in first], [row["id"] for row in first])
        if not self._all_rows:
            self._all_rows = True
            if len(first) < len(rows):
                self.set_timer(REST_OF_ROWS_DELAY, self.show_rows)
        table.display = bool(self.rows)
        self.query_one("#sessions-header", Static).display = bool(self.rows)
        empty = self.query_one("#sessions-empty", Static)
        empty.display = not rows
        empty.update(
            "No sessions yet. Press [b]n[/b] to prepare your first informational interview."
            if not self.rows
            else "No session matches the filter."
        )
        capped = f" · first {MAX_ROWS} shown, f filters" if matched > MAX_ROWS else ""
        self.query_one("#sessions-title", Static).update(
            plain(
                f"{title_counts(self.rows, matched_rows, query, self._totals)}"
                f" · {self.sort}{capped}"
            )
        )

    def _selected_id(self) -> str | None:
        return self.query_one("#sessions", SessionTable).selected_id

    @on(Input.Changed, "#filter")
    def filter_changed(self) -> None:
        self.show_rows()

    @on(Input.Submitted, "#filter")
    def filter_done(self) -> None:
        self.query_one("#sessions", SessionTable).focus()

    def action_filter(self) -> None:
        box = self._filter_box()
        if box is None:  # pressed before the first paint was done
            self._mount_filter()
            self.call_after_refresh(self.action_filter)
            return
        box.focus()

    def action_leave_filter(self) -> None:
        """Escape in the filter box: clear it and go back to the list."""
        self.query_one("#filter", Input).value = ""
        self.query_one("#sessions", SessionTable).focus()

    def action_cycle_sort(self) -> None:
        self.sort = SORTS[(SORTS.index(self.sort) + 1) % len(SORTS)]
        self.show_rows()

    # -- the due list: the keys are the screen's, the list is a widget ------------------------

    @property
    def due(self) -> list[DueItem | PersonDue]:
        """What the due list shows now."""
        return self.due_list.items

    def action_mark_done(self) -> None:
        self.due_list.mark_done()

    def action_snooze_due(self) -> None:
        self.due_list.snooze()

    def action_undo_done(self) -> None:
        self.due_list.undo()

    def leave_due(self) -> None:
        self.query_one("#sessions", SessionTable).focus()

    # -- opening sessions ----------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Keys that need the data folder are greyed out until it has been opened."""
        if action in DUE_ACTIONS:
            return self.due_list.allows(action)  # out of the footer while they cannot act
        if action in NEEDS_DATA and not self.app.ready:
            return None
        return True

    def workspace_or_say(self) -> Workspace | None:
        """The open data folder; None (and says why again) when it could not be opened."""
        workspace = self.app.workspace
        if workspace is None:
            problem = self.app.store_error or f"Cannot open the data folder {self.app.data_root}."
            self.notify(problem, severity="error", timeout=10, markup=False)
        return workspace

    def _save(self, session: Session) -> bool:
        """Save through the workspace; False (and says why) when the write failed."""
        workspace = self.workspace_or_say()
        if workspace is None or not self.writable_or_say():
            return False
        from interview_tui.service import StoreError

        try:
            workspace.save(session)
        except StoreError as exc:
            self.notify(f"Not saved: {exc}", severity="error", timeout=10)
            return False
        return True

    def writable_or_say(self) -> bool:
        """False (and says why) when the data folder is open read-only."""
        workspace = self.app.workspace
        if workspace is not None and workspace.read_only:
            self.notify(
                f"Read-only: {workspace.read_only_reason}, so nothing can be prepared or "
                "changed here.",
                severity="warning",
                timeout=8,
                markup=False,
            )
            return False
        return True

    def _load_selected(self) -> Session | None:
        session_id = self._selected_id()
        if session_id is None:
            return None
        workspace = self.workspace_or_say()
        if workspace is None:
            return None
        from interview_tui.service import StoreError

        try:
            return workspace.load(session_id)
        except StoreError as exc:
            self.notify(str(exc), severity="error", timeout=10)
            self.reload()
            return None

    def action_new_session(self) -> None:
        if not self.writable_or_say():
            return
        from interview_tui.ui.screens.setup import SetupScreen

        self.app.push_screen(SetupScreen())

    def action_prepare(self) -> None:
        if not self.writable_or_say():
            return
        session = self._load_selected()
        if session is not None:
            from interview_tui.ui.screens.setup import SetupScreen

            self.app.push_screen(SetupScreen(session))

    @on(OptionList.OptionSelected, "#sessions")
    def action_open_session(self) -> None:
        if not self.app.ready:
            # Enter on a row of the first paint, before the folder is open: opened then.
            self._open_when_ready = self._selected_id()
            return
        session = self._load_selected()
        if session is not None:
            self.app.push_screen(session_screen(session))

    def action_view_session(self) -> None:
        session = self._load_selected()
        if session is not None:
            from interview_tui.ui.screens.session_view import SessionViewScreen

            self.app.push_screen(SessionViewScreen(session))

    def action_outreach(self) -> None:
        """The request for a conversation; once asked and unanswered, the gentle reminder."""
        session = self._load_selected()
        if session is None:
            return
        from interview_tui.session_flow import outreach_is_reminder, record_outreach
        from interview_tui.templates import follow_up_reminder, outreach_email
        from interview_tui.ui.dialogs.template_dialog import TemplateDialog, TemplateResult

        reminding = outreach_is_reminder(session)

        def closed(result: TemplateResult | None) -> None:
            if result is None or not result.sent:
                return
            record_outreach(session, date.today())
            self._save(session)
            self.reload()

        signature = self.app.settings.email_signature
        if reminding:
            text = follow_up_reminder(session, signature=signature)
            dialog = TemplateDialog("Follow-up reminder", text, "reminder", session.contact.email)
        else:
            text = outreach_email(session, signature=signature)
            dialog = TemplateDialog("Outreach email", text, "outreach", session.contact.email)
        self.app.push_screen(dialog, closed)

    def action_advance_status(self) -> None:
        if not self.writable_or_say():
            return
        session = self._load_selected()
        if session is None:
            return
        from interview_tui.followups import advance_contact_status

        moved = advance_contact_status(session)
        if moved.contact_status == session.contact_status:
            self.notify(f"{session.contact.name} is already at '{session.contact_status}'.")
            return
        if not self._save(moved):
            return
        self.notify(f"{session.contact.name}: {session.contact_status} → {moved.contact_status}")
        self.reload()

    def action_search(self) -> None:
        from interview_tui.ui.screens.search import SearchScreen

        self.app.push_screen(SearchScreen())

    def action_people(self) -> None:
        from interview_tui.ui.screens.people import PeopleScreen

        self.app.push_screen(PeopleScreen())

    def action_patterns(self) -> None:
        from interview_tui.ui.screens.patterns import PatternsScreen

        self.app.push_screen(PatternsScreen())

    def action_export_all(self) -> None:
        if self.workspace_or_say() is not None:
            from interview_tui.ui.screens.exporting import export_sessions

            export_sessions(self, None, formats=("md", "csv", "json", "ics"))

    def action_refresh(self) -> None:
        self.reload()

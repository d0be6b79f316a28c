"""The start screen's due list: its title and items, and marking one done, snoozing, undoing.

The keys (``x``, ``z``, ``u``) are the screen's bindings, so the footer shows them wherever
focus is; the screen's actions call :meth:`DueList.mark_done` and the rest. Enter on a
person's item drafts the note to them. The domain and the dialogs are imported when first
used: this module is on the first paint's path and brings in nothing beyond Textual.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Literal, Protocol, cast

from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from interview_tui.ui.plain import one_line, styled

if TYPE_CHECKING:
    from textual import getters

    from interview_tui.followups import DueItem
    from interview_tui.models import Session
    from interview_tui.people_due import PersonDue
    from interview_tui.person import Person
    from interview_tui.service import SessionSummary, Workspace
    from interview_tui.ui.app import InterviewApp
    from interview_tui.ui.screens.start_people import Changes

    Due = DueItem | PersonDue

ACTIONS = frozenset({"mark_done", "undo_done", "snooze_due"})
"""The screen's actions that act on the due list (see :meth:`DueList.allows`)."""


class DueHost(Protocol):
    """What the due list asks of the screen it sits on."""

    def workspace_or_say(self) -> Workspace | None:
        """The open data folder; None (and says why) when it is not open."""

    def writable_or_say(self) -> bool:
        """False (and says why) when the data folder is read-only."""

    def reload(self, highlight: Due | None = None) -> None:
        """Read the sessions again and redraw, the due list too."""

    def people_changed(self, changed: list[Person]) -> None:
        """Take in people just saved."""

    def leave_due(self) -> None:
        """Move focus off the due list, which is about to be hidden."""


def any_person(items: list[Due]) -> bool:
    return any(hasattr(item, "person_id") for item in items)


class DueList(Vertical):
    """Hidden (both the title and the list) while nothing is due."""

    DEFAULT_CSS = """
    DueList {
        height: auto;
    }
    DueList > #due-title {
        padding: 1 0 0 0;
        display: none;
    }
    DueList > #due {
        display: none;
        height: auto;
        max-height: 6;
        border: none;
        text-wrap: nowrap;  /* an item a line: a long label ends in "…", not on a second line */
        text-overflow: ellipsis;
    }
    """

    if TYPE_CHECKING:
        app = getters.app(InterviewApp)

    def __init__(self, host: DueHost, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.host = host
        self.items: list[Due] = []
        self.last_done: tuple[DueItem, Session] | tuple[PersonDue, Changes] | None = None
        """The item ``x`` marked done (or ``z`` snoozed) last, and what it was before:
        ``u`` undoes."""
        self.last_referred: Changes = []
        """For an undone "reach out to": the recommended person before and after ``x``."""
        self._waiting: tuple[date, Due | None] | None = None
        """The day (and highlight) of a :meth:`show` that came before the list was mounted."""

    def compose(self) -> ComposeResult:
        yield Static("Due", id="due-title", classes="title")
        yield OptionList(id="due")

    @staticmethod
    def today() -> date:
        """The one place the due list (and the start screen's weekly line) asks for the
        date; a test can put another day here."""
        return date.today()

    def allows(self, action: str) -> bool:
        """Whether one of :data:`ACTIONS` is on: each stays out of the footer until it can act."""
        if action == "mark_done":
            return bool(self.items)
        if action == "undo_done":
            return self.last_done is not None
        return any_person(self.items)  # snooze_due

    def show_for(
        self,
        rows: list[SessionSummary],
        people: list[Person],
        cadence_days: int,
        today: date,
        highlight: Due | None = None,
    ) -> None:
        """What is due among ``rows`` and ``people`` on ``today`` (the screen asks
        :meth:`today` once, for this and its weekly line)."""
        from interview_tui.people_due import due_list

        self.show(due_list(rows, people, today, cadence_days), today, highlight)

    def on_mount(self) -> None:
        if self._waiting is not None:  # shown before it was mounted
            self.show(self.items, *self._waiting)

    def show(self, items: list[Due], today: date, highlight: Due | None = None) -> None:
        """Show ``items``, keeping the highlighted row where it was (or on ``highlight``)."""
        self.items = items
        if not self.is_mounted:
            self._waiting = (today, highlight)
            return
        self._waiting = None
        due = self.query_one("#due", OptionList)
        row = due.highlighted
        due.clear_options()
        due.add_options(
            Option(one_line(f"{'!' if item.due < today else '•'} {item.due:%d %b}  {item.label}"))
            for item in items
        )
        if highlight is not None and highlight in items:
            row = items.index(highlight)
        if items:
            due.highlighted = min(row or 0, len(items) - 1)
        elif due.has_focus:
            self.host.leave_due()
        due.display = bool(items)
        title = self.query_one("#due-title", Static)
        title.display = bool(items)
        keys = "x: done, z: snooze, u: undo" if any_person(items) else "x: done, u: undo"
        title.update(styled("Due ($count) [dim]$keys[/dim]", count=len(items), keys=keys))
        self.screen.refresh_bindings()

    def focus_list(self) -> None:
        self.query_one("#due", OptionList).focus()

    def _move_to_due(self, due: OptionList) -> bool:
        """Focus the due list with an item highlighted, if it had no focus yet: True when
        this key press only moved there (the next one acts on the item now on screen)."""
        if due.has_focus and due.highlighted is not None:
            return False
        due.focus()
        if due.highlighted is None:
            due.highlighted = 0
        return True

    def mark_done(self) -> None:
        """The highlighted due item, done. From elsewhere the first ``x`` only moves to the
        due list, so the item it will mark is the one on screen, highlighted."""
        due = self.query_one("#due", OptionList)
        if not self.items:
            return
        if self._move_to_due(due):
            label = self.items[due.highlighted or 0].label
            self.notify(f"x again marks this done: {label} (↑ ↓ pick another)", timeout=5)
            return
        workspace = self.host.workspace_or_say()
        if workspace is None or not self.host.writable_or_say():
            return
        item = self.items[due.highlighted or 0]
        from interview_tui.followups import mark_done
        from interview_tui.people_due import PersonDue
        from interview_tui.service import StoreError

        if isinstance(item, PersonDue):
            self._change_person(item, "done")
            return
        try:
            before = workspace.load(item.session_id)
            referred = self._referred_person(before, item)
            workspace.save(mark_done(before, item))
        except (StoreError, ValueError) as exc:
            self.notify(str(exc), severity="error", timeout=10)
            self.host.reload()
            return
        self.last_done = (item, before)
        # Reaching out moved the recommended person on to "asked": u takes that back too.
        now = workspace.person(referred.id) if referred is not None else None
        self.last_referred = [(referred, now.model_copy(deep=True))] if referred and now else []
        self.notify(f"Done: {item.label}. u undoes it.", timeout=8)
        self.host.reload()

    def _referred_person(self, session: Session, item: DueItem) -> Person | None:
        """For a "reach out to" item: the recommended person as stored before, if any."""
        workspace = self.app.workspace
        if item.kind != "referral" or workspace is None:
            return None
        for referral in session.referrals:
            if referral.name == item.referral and not referral.contacted:
                person = workspace.person(referral.person_id)
                return person.model_copy(deep=True) if person is not None else None
        return None

    def undo(self) -> None:
        """Open the item ``x`` marked done last again."""
        if self.last_done is None:
            return
        workspace = self.host.workspace_or_say()
        if workspace is None or not self.host.writable_or_say():
            return
        from interview_tui.followups import DueItem, undo_mark_done
        from interview_tui.service import StoreError
        from interview_tui.ui.screens import start_people

        item = self.last_done[0]
        try:
            if isinstance(item, DueItem):
                session_item, before = cast("tuple[DueItem, Session]", self.last_done)
                workspace.change(
                    item.session_id, lambda now: undo_mark_done(now, session_item, before)
                )
                if self.last_referred:
                    start_people.undo(workspace, self.last_referred)
                    self.last_referred = []
            else:
                changes = cast("Changes", self.last_done[1])
                self.host.people_changed(start_people.undo(workspace, changes))
        except StoreError as exc:
            self.notify(str(exc), severity="error", timeout=10)
            return
        self.last_done = None
        self.notify(f"Open again: {item.label}", timeout=5)
        self.host.reload(highlight=item)
        if self.items:
            self.focus_list()

    def snooze(self) -> None:
        """The highlighted person's check-in, two weeks later. As with ``x``, from elsewhere
        the first ``z`` only moves to the due list."""
        from interview_tui.people_due import PersonDue

        due = self.query_one("#due", OptionList)
        if not self.items:
            return
        if self._move_to_due(due):
            item = self.items[due.highlighted or 0]
            if isinstance(item, PersonDue) and item.kind == "keep-in-touch":
                self.notify(f"z again snoozes this: {item.label} (↑ ↓ pick another)", timeout=5)
            return
        item = self.items[due.highlighted or 0]
        if not isinstance(item, PersonDue) or item.kind != "keep-in-touch":
            self.notify("z snoozes a check-in with someone; this item is not one.", timeout=5)
            return
        self._change_person(item, "snooze")

    def _change_person(self, item: PersonDue, how: Literal["done", "snooze"]) -> None:
        """Mark a person's item done (or snooze it) through the workspace, and say so."""
        workspace = self.host.workspace_or_say()
        if workspace is None or not self.host.writable_or_say():
            return
        from interview_tui.service import StoreError
        from interview_tui.ui.screens import start_people

        today = self.today()
        try:
            if how == "done":
                changes = start_people.mark_done(workspace, item, today)
            else:
                changes = start_people.snooze(workspace, item, today)
        except StoreError as exc:
            self.notify(str(exc), severity="error", timeout=10, markup=False)
            self.host.reload()
            return
        self.host.people_changed([after for _, after in changes])
        self.last_done = (item, changes)
        if how == "done":
            self.notify(f"Done: {item.label}. u undoes it.", timeout=8, markup=False)
        else:
            until = changes[-1][1].snoozed_until
            when = f"{until:%d %b}" if until else "later"
            self.notify(f"Snoozed to {when}: {item.label}. u undoes it.", timeout=8, markup=False)
        self.host.reload()

    @on(OptionList.OptionSelected, "#due")
    def draft_for_person(self, event: OptionList.OptionSelected) -> None:
        """``enter`` on a person's item: the note to send them (the check-in, or thanks for
        an introduction), ready to copy or open in the mail app; sending marks it done."""
        from interview_tui.people_due import PersonDue

        items = self.items
        item = items[event.option_index] if event.option_index < len(items) else None
        workspace = self.app.workspace
        if not isinstance(item, PersonDue) or workspace is None:
            return
        from interview_tui.ui.dialogs.template_dialog import TemplateDialog, TemplateResult
        from interview_tui.ui.screens.start_people import draft_for

        drafted = draft_for(workspace, item, self.today(), self.app.settings.email_signature)
        if drafted is None:
            self.notify("No conversation with them to write from yet.", timeout=5)
            return
        title, text, email = drafted

        def closed(result: TemplateResult | None) -> None:
            if result is not None and result.sent:
                self._change_person(item, "done")

        self.app.push_screen(TemplateDialog(title, text, item.kind, email), closed)

"""One person's page: details, conversations, introductions (a tree) and interactions.

From here a new session starts with the person prefilled (``n``), a touch is logged by hand
(``l``) and the person's fields are edited (``e``); every change goes through the workspace.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.content import Content
from textual.widgets import Header, OptionList, Static, Tree
from textual.widgets.option_list import Option

from interview_tui.asked_count import count_of_row
from interview_tui.display_text import one_line as one_line_text
from interview_tui.people import (
    ChainNode,
    cadence,
    introduced_tree,
    introducer_chain,
    last_contact,
    next_touch,
)
from interview_tui.ui import keymap
from interview_tui.ui.app_screen import AppScreen
from interview_tui.ui.plain import one_line, plain, styled
from interview_tui.ui.screens.people import default_cadence, writable_or_say
from interview_tui.ui.screens.start import status_text, when_cell
from interview_tui.ui.widgets.key_footer import KeyFooter
from interview_tui.ui.widgets.page_list import PageOptionList

if TYPE_CHECKING:
    from interview_tui.person import Person
    from interview_tui.service import SessionSummary
    from interview_tui.ui.dialogs.log_touch_dialog import Touch

LABEL_WIDTH = 12


def detail_lines(person: Person, cadence_days: int, today: date) -> Content:
    """The person in a few lines: what they do, how to reach them, how you stand; a line
    with nothing to say is left out."""
    touch = next_touch(person, cadence_days)
    last = last_contact(person)
    every = f"every {cadence(person, cadence_days)} days"
    if person.cadence_days is None:
        every += " (the default)"
    standing = person.status + (f" · last contact {last:%Y-%m-%d}" if last else "")
    rows = [
        ("", " · ".join(v for v in (person.role, person.company, person.industry) if v)),
        ("", " · ".join(v for v in (person.email, person.phone, person.profile_url) if v)),
        ("How we met", person.how_met),
        ("Why them", person.introduction_note),
        ("Tags", ", ".join(person.tags)),
        ("Status", standing),
        ("Next touch", next_touch_text(touch, today, every)),
        ("Notes", person.notes.strip()),
    ]
    lines = [
        Content.assemble(Content(label.ljust(LABEL_WIDTH)).stylize("dim"), plain(value))
        if label
        else one_line(value)
        for label, value in rows
        if value
    ]
    return Content("\n").join(lines)


def next_touch_text(touch: date | None, today: date, every: str) -> str:
    if touch is None:
        return f"after a call · {every}"
    due = " (due: l logs a touch)" if touch <= today else ""
    return f"{touch:%Y-%m-%d}{due} · {every}"


def conversation_line(row: SessionSummary) -> str:
    """``held 2026-03-02 · done · 7/9 asked``."""
    parts = [when_cell(row) or "not planned", status_text(row)]
    count = count_of_row(row).short
    if row.get("status") != "planned" and count and not count.startswith("0/0"):
        parts.append(f"{count} asked")
    return " · ".join(part for part in parts if part)


def person_label(person: Person, current: bool) -> Text:
    """A tree node's label: the name, and where they work, dim; this page's person bold."""
    label = Text(one_line_text(person.name), style="bold" if current else "")
    if person.where:
        label.append(f" · {one_line_text(person.where)}", style="dim")
    if current:
        label.append("  ◀ this page", style="italic")
    return label


class PersonScreen(AppScreen[None]):
    CSS_PATH = "person.tcss"
    AUTO_FOCUS = "#conversations"
    BINDINGS = keymap.bindings(keymap.PERSON)

    def __init__(self, person_id: str) -> None:
        super().__init__()
        self.person_id = person_id
        self.person: Person | None = None
        self.conversations: list[SessionSummary] = []

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll(id="person-page"):
            yield Static(id="person-name")
            yield Static(id="person-details")
            yield Static(id="conversations-title", classes="title")
            yield PageOptionList(id="conversations")
            yield Static(id="followups-title", classes="title")
            yield Static(id="followups")
            yield Static("Introductions", id="introductions-title", classes="title")
            yield Tree[str](Text(""), id="introductions")
            yield Static(id="interactions-title", classes="title")
            yield Static(id="interactions")
        yield KeyFooter()

    def on_mount(self) -> None:
        self.show()
        # Focusing the conversations scrolls them into view; the page starts at its top.
        self.call_after_refresh(self.query_one("#person-page").scroll_home, animate=False)

    def on_screen_resume(self) -> None:
        self.show()  # back from a session prepared or held with them

    def show(self) -> None:
        workspace = self.app.workspace
        person = workspace.person(self.person_id) if workspace is not None else None
        if person is None:
            self.query_one("#person-name", Static).update("This person is no longer stored.")
            return
        self.person = person
        self.sub_title = one_line_text(person.name)
        cadence_days = default_cadence(self.app.settings)
        self.query_one("#person-name", Static).update(one_line(person.name))
        details = detail_lines(person, cadence_days, date.today())
        self.query_one("#person-details", Static).update(details)
        assert workspace is not None
        rows = workspace.sessions_of(person.id)
        self._show_conversations(rows)
        self._show_followups(person, rows)
        self._show_introductions(person, workspace.people())
        self._show_interactions(person)

    def _show_conversations(self, rows: list[SessionSummary]) -> None:
        self.conversations = rows
        self.query_one("#conversations-title", Static).update(
            styled("Conversations ($count)", count=len(rows))
        )
        options = self.query_one("#conversations", OptionList)
        highlighted = options.highlighted
        options.clear_options()
        options.add_options(Option(one_line(conversation_line(row))) for row in rows)
        if rows:
            options.highlighted = min(highlighted or 0, len(rows) - 1)
        options.display = bool(rows)
        if not rows:
            self.query_one("#conversations-title", Static).update(
                "Conversations: none yet. [b]n[/b] prepares one."
            )

    def _show_followups(self, person: Person, rows: list[SessionSummary]) -> None:
        """What is still to do with them: the open follow-ups of their conversations."""
        from interview_tui.followups import open_followups_of_rows

        items = open_followups_of_rows(rows, person.name)
        title = self.query_one("#followups-title", Static)
        title.update(
            styled("Follow-ups ($count open)", count=len(items))
            if items
            else "Follow-ups: nothing open."
        )
        title.display = bool(rows)  # before any conversation there is nothing to follow up
        box = self.query_one("#followups", Static)
        box.update(
            Content("\n").join(
                styled("$day  $label", day=f"{due:%Y-%m-%d}", label=label) for due, label in items
            )
        )
        box.display = bool(items)

    def _show_introductions(self, person: Person, people: list[Person]) -> None:
        """The chain of introducers above (top first), then whom this person introduced."""
        by_id = {p.id: p for p in people}
        chain = list(reversed(introducer_chain(person, by_id)))
        below = introduced_tree(person, people)
        tree = self.query_one("#introductions", Tree)
        tree.clear()
        tree.show_root = True
        top = chain[0] if chain else person
        tree.root.set_label(person_label(top, top.id == person.id))
        tree.root.data = top.id
        node = tree.root
        for introducer in chain[1:] + ([person] if chain else []):
            label = person_label(introducer, introducer.id == person.id)
            if introducer.id == person.id and not below.introduced:  # the end of the chain
                node = node.add_leaf(label, introducer.id)
                continue
            node = node.add(label, introducer.id)
            node.expand()

        def grow(parent_node: object, chain_node: ChainNode) -> None:
            for child in chain_node.introduced:
                label = person_label(child.person, False)
                if not child.introduced:  # nobody below: no ▼ to open
                    parent_node.add_leaf(label, child.person.id)  # type: ignore[attr-defined]
                    continue
                added = parent_node.add(label, child.person.id)  # type: ignore[attr-defined]
                grow(added, child)
                added.expand()

        grow(node, below)
        tree.root.expand()
        node.expand()
        alone = not chain and not below.introduced
        self.query_one("#introductions-title", Static).update(
            "Introductions: nobody introduced them, and nobody through them yet."
            if alone
            else "Introductions"
        )
        tree.display = not alone

    def _show_interactions(self, person: Person) -> None:
        interactions = sorted(person.interactions, key=lambda i: i.on, reverse=True)
        self.query_one("#interactions-title", Static).update(
            styled("Interactions ($count)", count=len(interactions))
            if interactions
            else "Interactions: none yet. [b]l[/b] logs one."
        )
        lines = [
            styled(
                "$day  [b]$kind[/b]$line",
                day=f"{i.on:%Y-%m-%d}",
                kind=i.kind,
                line=f" · {i.line}" if i.line else "",
            )
            for i in interactions
        ]
        box = self.query_one("#interactions", Static)
        box.update(Content("\n").join(lines))
        box.display = bool(lines)

    # -- opening what the page links to ------------------------------------------------------

    @on(OptionList.OptionSelected, "#conversations")
    def open_conversation(self, event: OptionList.OptionSelected) -> None:
        workspace = self.app.workspace
        if workspace is None or event.option_index >= len(self.conversations):
            return
        from interview_tui.service import StoreError
        from interview_tui.ui.screens.start import session_screen

        try:
            session = workspace.load(self.conversations[event.option_index]["id"])
        except StoreError as exc:
            self.notify(str(exc), severity="error", timeout=10)
            return
        self.app.push_screen(session_screen(session))

    @on(Tree.NodeSelected, "#introductions")
    def open_introduced(self, event: Tree.NodeSelected[str]) -> None:
        person_id = event.node.data
        if person_id and person_id != self.person_id:
            self.app.push_screen(PersonScreen(person_id))

    # -- changing the person -------------------------------------------------------------------

    def action_new_session(self) -> None:
        if self.person is None or not writable_or_say(self, "a session"):
            return
        from interview_tui.models import Session
        from interview_tui.people import contact_of
        from interview_tui.ui.screens.setup import SetupScreen

        session = Session(contact=contact_of(self.person), person_id=self.person.id)
        self.app.push_screen(SetupScreen(session, new=True))

    def action_log_touch(self) -> None:
        person = self.person
        if person is None or not writable_or_say(self, "a touch"):
            return
        from interview_tui.ui.dialogs.log_touch_dialog import LogTouchDialog

        def logged(touch: Touch | None) -> None:
            workspace = self.app.workspace
            if touch is None or workspace is None:
                return
            from interview_tui.service import StoreError

            try:
                changed = workspace.log_touch(person.id, touch.on, "logged", touch.line)
            except StoreError as exc:
                self.notify(f"Not logged: {exc}", severity="error", timeout=10)
                return
            when = next_touch(changed, default_cadence(self.app.settings))
            after = f" Next touch: {when:%Y-%m-%d}." if when else ""
            self.notify(f"Logged {touch.on:%Y-%m-%d} with {changed.name}.{after}", timeout=5)
            self.show()

        self.app.push_screen(LogTouchDialog(person.name, date.today()), logged)

    def action_edit(self) -> None:
        person = self.person
        if person is None or not writable_or_say(self, "changes"):
            return
        from interview_tui.ui.dialogs.person_dialog import PersonDialog

        def edited(changed: Person | None) -> None:
            if changed is None:  # cancelled (the form saved it otherwise)
                return
            self.notify(f"Saved {changed.name}.", timeout=3)
            self.show()

        self.app.push_screen(PersonDialog(person), edited)

    def action_back(self) -> None:
        self.dismiss()

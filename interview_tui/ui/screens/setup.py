"""Prepare a session: the contact, the goals, the banks, and the agenda they make."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.timer import Timer
from textual.widgets import (
    Header,
    Input,
    Label,
    OptionList,
    SelectionList,
    Static,
    TextArea,
)

from interview_tui.followups import advance_contact_status
from interview_tui.goals import wishes_for
from interview_tui.models import GOALS, AgendaItem, Session
from interview_tui.placeholders import PLACEHOLDERS, fill
from interview_tui.planner import (
    Plan,
    agenda_items,
    apply_plan,
    plan_agenda,
    plan_for_goals,
    plan_for_session,
    use_plan,
)
from interview_tui.session_form import (
    FormErrors,
    own_goals,
    parse_length,
    session_from_form,
    session_values,
)
from interview_tui.ui import keymap
from interview_tui.ui.app_screen import AppScreen
from interview_tui.ui.plain import one_line, plain, styled
from interview_tui.ui.widgets.agenda_list import AgendaList
from interview_tui.ui.widgets.key_footer import KeyFooter
from interview_tui.ui.widgets.question_detail import QuestionDetail
from interview_tui.ui.widgets.tick_list import TickList

PREVIEW_DELAY = 0.25
PREVIEW_HINT = "Highlight a question to read it in full."
FIELDS: tuple[tuple[str, str, str], ...] = (
    ("name", "Name *", "who you will talk to"),
    ("role", "Role", "e.g. Data scientist"),
    ("company", "Company", ""),
    ("industry", "Industry", ""),
    ("how_met", "How we met", "e.g. alumni network, referred by Sam"),
    ("length", "Minutes", "30"),
    ("scheduled", "When", "YYYY-MM-DD HH:MM"),
    ("email", "Email", ""),
    ("profile_url", "Profile", "link to their profile"),
)


class SetupScreen(AppScreen[None]):
    CSS_PATH = "setup.tcss"
    AUTO_FOCUS = "#name"
    BINDINGS = keymap.bindings(keymap.SETUP)

    def __init__(self, session: Session | None = None, *, new: bool = False) -> None:
        """``new``: ``session`` is a new one, only prefilled (a person's contact details)."""
        super().__init__()
        self.editing = session
        self.is_new = new or session is None
        self._preview_timer: Timer | None = None
        self._previewed: tuple[list[AgendaItem], list[str]] = ([], [])
        """The agenda the preview shows, and its questions' texts with placeholders filled."""
        self._start_state: tuple[object, ...] = ()
        self._start_banks: list[str] = []
        self._agenda_edited = False
        # An agenda edited by hand (or a stored session's) wins over re-planning from banks.
        self.custom_agenda: list[AgendaItem] | None = (
            session.agenda if session and session.agenda else None
        )

    def compose(self) -> ComposeResult:
        settings = self.app.settings
        # A new session starts from the settings' call length and goals.
        values = (
            session_values(self.editing)
            if self.editing
            else {
                "length": str(settings.default_minutes),
                "own_goal": "; ".join(g for g in settings.default_goals if g not in GOALS),
            }
        )
        yield Header()
        with Horizontal(id="setup-body"):
            with VerticalScroll(id="setup-form"):
                yield Static("Contact", classes="title")
                for key, label, hint in FIELDS:
                    with Horizontal(classes="field"):
                        yield Label(plain(label), classes="field-label")
                        yield Input(
                            values.get(key, ""),
                            placeholder=hint,
                            id=key,
                            compact=True,
                            type="integer" if key == "length" else "text",
                        )
                yield Static(id="form-errors")
                yield Static("Goals", classes="title")
                chosen = set(self.editing.goals if self.editing else settings.default_goals)
                yield TickList(
                    *((plain(goal), goal, goal in chosen) for goal in GOALS),
                    id="goals",
                    compact=True,
                )
                with Horizontal(classes="field"):
                    yield Label("Own goal", classes="field-label")
                    yield Input(
                        values.get("own_goal", ""),
                        placeholder="e.g. how to move into UX research",
                        id="own_goal",
                        compact=True,
                    )
                yield Static("Question banks", classes="title")
                yield TickList(id="banks", compact=True)
                yield Static("Research notes", classes="title")
                yield TextArea(
                    values.get("research_notes", ""),
                    id="research_notes",
                    placeholder="About the person and the company",
                )
            with Vertical(id="setup-preview"):
                yield Static(id="plan-summary")
                yield AgendaList(id="preview")
                yield QuestionDetail(id="preview-detail")
        yield KeyFooter()

    def on_mount(self) -> None:
        self.sub_title = "New session" if self.is_new else "Edit session"
        self._start_state = self._form_state()
        self.watch(self.app, "ready", self._fill_banks)

    def _fill_banks(self, ready: bool) -> None:
        banks = self.app.banks
        if not ready or banks is None:
            return
        chosen = set(self.editing.banks) if self.editing and self.editing.banks else None
        selection = self.query_one("#banks", SelectionList)
        # Filling the list is not the person choosing banks: no "agenda rebuilt" for it.
        with self.prevent(SelectionList.SelectedChanged):
            selection.clear_options()
            for bank in banks.banks:
                label = one_line(f"{bank.bank} ({len(bank.questions)})")
                selection.add_option((label, bank.bank, chosen is None or bank.bank in chosen))
        self._start_banks = self._chosen_banks()
        self.update_preview()

    def _values(self) -> dict[str, str]:
        values = {key: self.query_one(f"#{key}", Input).value for key, _, _ in FIELDS}
        values["research_notes"] = self.query_one("#research_notes", TextArea).text
        values["own_goal"] = self.query_one("#own_goal", Input).value
        return values

    def _goals(self) -> list[str]:
        """The goals ticked and the person's own, as the session will hold them."""
        ticked = list(self.query_one("#goals", SelectionList).selected)
        return ticked + own_goals(self.query_one("#own_goal", Input).value)

    def _chosen_banks(self) -> list[str]:
        return list(self.query_one("#banks", SelectionList).selected)

    @on(SelectionList.SelectedChanged, "#banks")
    def banks_changed(self) -> None:
        if self.custom_agenda is not None:
            self.custom_agenda = None
            self.notify("Agenda rebuilt from the chosen banks.", timeout=3)
        self.update_preview()

    def _length(self) -> int:
        try:
            return parse_length(self.query_one("#length", Input).value)
        except ValueError:
            return 30

    def _agenda_source(self) -> tuple[list[AgendaItem], bool] | None:
        """What to plan, and whether its order is kept: the hand-edited agenda as it is, else
        the chosen banks' questions. None while the banks are loading."""
        if self.custom_agenda is not None:
            return self.custom_agenda, True
        banks = self.app.banks
        if banks is None:
            return None
        return agenda_items(banks.by_name(self._chosen_banks())), False

    def _plan(self) -> Plan | None:
        """The plan :meth:`_build` will store: the default agenda from the goals, or the
        hand-edited one planned again."""
        source = self._agenda_source()
        if source is None:
            return None
        items, keep_order = source
        role = self.query_one("#role", Input).value
        industry = self.query_one("#industry", Input).value
        if keep_order:
            wishes = wishes_for(self._goals(), role, industry)
            return plan_agenda(items, self._length(), keep_order=True, wishes=wishes)
        return plan_for_goals(items, self._length(), self._goals(), role=role, industry=industry)

    @on(Input.Changed, "#length, #name, #company, #role, #industry, #own_goal")
    @on(SelectionList.SelectedChanged, "#goals")
    def input_changed(self) -> None:
        """Re-plan once typing pauses, not on every key: the preview can hold 100 rows."""
        if self._preview_timer is not None:
            self._preview_timer.stop()
        self._preview_timer = self.set_timer(PREVIEW_DELAY, self.update_preview)

    def update_preview(self) -> None:
        self._preview_timer = None
        plan = self._plan()
        if plan is None:
            return
        length = self._length()
        values = {key: self.query_one(f"#{key}", Input).value for key in PLACEHOLDERS}
        texts = [fill(item.text, values) for item in plan.items]
        self._previewed = (plan.items, texts)
        self.query_one("#preview", AgendaList).show(plan.items, plan.cut, None, texts=texts)
        self.show_previewed_question()
        self.query_one("#plan-summary", Static).update(
            styled(
                "[b]$planned[/b] of $length min planned · "
                "$cut questions above the cut · $below if time allows",
                planned=f"{plan.planned_minutes:g}",
                length=length,
                cut=plan.cut,
                below=len(plan.below),
            )
        )

    @on(OptionList.OptionHighlighted, "#preview")
    def show_previewed_question(self) -> None:
        """The highlighted question in full: its row in the preview shows a few words."""
        detail = self.query_one("#preview-detail", QuestionDetail)
        preview = self.query_one("#preview", AgendaList)
        items, texts = self._previewed
        index = None if preview.highlighted is None else preview.question_at(preview.highlighted)
        if index is None or index >= len(items):
            detail.show_hint(PREVIEW_HINT)
            return
        item = items[index]
        detail.show_question(
            texts[index],
            f"{item.phase} · ~{item.minutes:g} min · priority {item.priority} · {item.bank}",
        )

    def _build(self) -> Session | None:
        values = self._values()
        goals = list(self.query_one("#goals", SelectionList).selected)
        errors = self.query_one("#form-errors", Static)
        try:
            session = session_from_form(values, goals)
        except FormErrors as exc:
            labels = {key: label.rstrip(" *") for key, label, _ in FIELDS}
            labels["own_goal"] = "Own goal"
            errors.update(
                plain(
                    "\n".join(
                        f"{labels.get(field, field.capitalize())}: {message}"
                        for field, message in exc.errors.items()
                    )
                )
            )
            errors.add_class("-error")
            first = next(iter(exc.errors))
            if self.query(f"#{first}"):
                self.query_one(f"#{first}").focus()
            return None
        errors.update("")
        errors.remove_class("-error")
        if self.editing is not None:
            session = self.editing.model_copy(
                update={
                    "contact": session.contact,
                    "length_minutes": session.length_minutes,
                    "scheduled_at": session.scheduled_at,
                    "goals": session.goals,
                    "research_notes": session.research_notes,
                }
            )
            if session.scheduled_at is not None:
                session = advance_contact_status(session, "scheduled")
        source = self._agenda_source()
        if source is None:
            self.notify("Question banks are still loading…", severity="warning")
            return None
        session.banks = self._chosen_banks()
        items, keep_order = source
        if keep_order:
            apply_plan(session, items, keep_order=True)
        else:
            use_plan(session, plan_for_session(session, items))
        if not session.agenda:
            self.notify("Choose at least one question bank.", severity="warning")
            return None
        return session

    def _save(self, session: Session) -> bool:
        workspace = self.app.workspace
        if workspace is None:
            problem = self.app.store_error or "Still opening your data folder…"
            self.notify(problem, severity="warning")
            return False
        from interview_tui.service import StoreError

        try:
            workspace.save(session)
        except StoreError as exc:
            self.notify(str(exc), severity="error", timeout=10)
            return False
        return True

    def action_save(self) -> None:
        session = self._build()
        if session is not None and self._save(session):
            self.notify(f"Saved: {session.title}", timeout=3)
            self.dismiss()

    def action_start_call(self) -> None:
        session = self._build()
        if session is None or not self._save(session):
            return
        from interview_tui.ui.screens.live import LiveScreen

        self.app.switch_screen(LiveScreen(session))

    def action_edit_agenda(self) -> None:
        session = self._build()
        if session is None:
            return
        from interview_tui.ui.screens.agenda_editor import AgendaEditorScreen

        def edited(result: Session | None) -> None:
            if result is not None:
                self.custom_agenda = result.agenda
                self._agenda_edited = True
                self.update_preview()

        self.app.push_screen(AgendaEditorScreen(session), edited)

    def _form_state(self) -> tuple[object, ...]:
        """What is typed and ticked in the form (the banks apart: they load later)."""
        return (
            sorted(self._values().items()),
            sorted(self.query_one("#goals", SelectionList).selected),
        )

    @property
    def touched(self) -> bool:
        """True when leaving would throw away something typed, ticked or edited."""
        return (
            self._form_state() != self._start_state
            or self._chosen_banks() != self._start_banks
            or self._agenda_edited
        )

    def action_cancel(self) -> None:
        """Close an untouched form at once; ask before throwing away what was typed."""
        if not self.touched:
            self.dismiss()
            return
        from interview_tui.ui.dialogs.leave_form_dialog import LeaveChoice, LeaveFormDialog

        def chosen(choice: LeaveChoice | None) -> None:
            if choice == "save":
                self.action_save()
            elif choice == "discard":
                self.dismiss()

        self.app.push_screen(LeaveFormDialog(editing=not self.is_new), chosen)

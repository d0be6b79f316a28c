"""The live call: agenda, the current question, notes, and the time-budget bar.

Every action has a ctrl or function key so it works while the note pane has focus; notes
save themselves (throttled while typing, at once on every question change, quit and suspend).
"""

from __future__ import annotations

from datetime import datetime

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import Footer, Static, TextArea

from interview_tui.clock import Stopwatch
from interview_tui.models import Session
from interview_tui.placeholders import fill, placeholder_values
from interview_tui.planner import Pace, live_pace
from interview_tui.ui import keymap
from interview_tui.ui.screens.saving import SavingScreen
from interview_tui.ui.widgets.agenda_list import AgendaList
from interview_tui.ui.widgets.budget_bar import BudgetBar

TICK_SECONDS = 0.5
NARROW_WIDTH = 70
SHORT_HEIGHT = 20


class LiveScreen(SavingScreen):
    CSS_PATH = "live.tcss"
    AUTO_FOCUS = "#note"
    BINDINGS = keymap.bindings(keymap.LIVE)

    def __init__(self, session: Session) -> None:
        super().__init__(session)
        self.stopwatch: Stopwatch | None = None
        self.general = False
        self._mark = 0.0
        self._loading_note = False
        self._at_risk: tuple[int, ...] = ()
        self._pace: Pace | None = None
        self._texts: list[str] = []

    # -- layout --------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        yield Static(id="live-title")
        yield BudgetBar(id="budget")
        with Horizontal(id="live-body"):
            yield AgendaList(id="agenda")
            with Vertical(id="live-main"):
                yield Static(id="question")
                yield Static(id="probes")
                yield Static(id="note-label")
                yield TextArea(id="note", placeholder="Notes on this question…")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        super().on_mount()
        session = self.session
        self.stopwatch = Stopwatch(self.app.clock, session.elapsed_seconds)
        self._mark = session.elapsed_seconds
        values = placeholder_values(session)
        self._texts = [fill(item.text, values) for item in session.agenda]
        contact = session.contact
        about = " at ".join(p for p in (contact.role, contact.company) if p)
        self.query_one("#live-title", Static).update(
            f"[b]{contact.name}[/b]"
            + (f" · {about}" if about else "")
            + f" · {session.length_minutes} min"
        )
        if session.status == "ended":
            self.notify("This call has ended; changes to notes are still saved.", timeout=4)
        self._show_question()
        self._tick()
        self.set_interval(TICK_SECONDS, self._tick)

    def on_resize(self) -> None:
        """Small terminals give the note pane the room: no agenda when narrow, no probes
        when short."""
        self.set_class(self.size.width < NARROW_WIDTH, "-narrow")
        self.set_class(self.size.height < SHORT_HEIGHT, "-short")

    # -- time ----------------------------------------------------------------------------

    @property
    def current(self) -> int | None:
        index = self.session.current_index
        return index if 0 <= index < len(self.session.agenda) else None

    def _elapsed(self) -> float:
        return self.stopwatch.elapsed() if self.stopwatch else self.session.elapsed_seconds

    def current_seconds(self) -> float:
        """Time on the current question, including earlier visits to it."""
        index = self.current
        if index is None:
            return 0.0
        return self.session.agenda[index].seconds_spent + (self._elapsed() - self._mark)

    def _close_segment(self) -> None:
        """Credit the time since the last change to the current question."""
        elapsed = self._elapsed()
        index = self.current
        if index is not None:
            self.session.agenda[index].seconds_spent += elapsed - self._mark
        self._mark = elapsed
        self.session.elapsed_seconds = elapsed

    def _tick(self) -> None:
        session = self.session
        pace = live_pace(
            session.agenda,
            session.cut_index,
            self.current,
            self._elapsed(),
            session.length_minutes,
            self.current_seconds(),
        )
        self._pace = pace
        bar = self.query_one(BudgetBar)
        bar.at_risk_names = tuple(self._texts[i] for i in pace.at_risk)
        bar.running = bool(self.stopwatch and self.stopwatch.running)
        bar.pace = pace
        risk = tuple(pace.at_risk)
        if risk != self._at_risk:
            self._at_risk = risk
            self._show_agenda()

    # -- drawing -------------------------------------------------------------------------

    def _show_agenda(self) -> None:
        agenda = self.query_one(AgendaList)
        agenda.show(
            self.session.agenda, self.session.cut_index, self.current, self._at_risk, self._texts
        )

    def _show_question(self) -> None:
        index = self.current
        question = self.query_one("#question", Static)
        probes = self.query_one("#probes", Static)
        if index is None:
            question.update("No questions in this agenda.")
            probes.update("")
        else:
            item = self.session.agenda[index]
            position = f"{index + 1}/{len(self.session.agenda)}"
            where = "below the cut · " if index >= self.session.cut_index else ""
            status = "" if item.status == "pending" else f" · {item.status}"
            question.update(self._texts[index])
            probes.update(
                f"[dim]{position} · {where}{item.phase} · ~{item.minutes:g} min{status}[/dim]"
                + "".join(f"\n  • {probe}" for probe in item.probes)
            )
        self._load_note()
        self._show_agenda()
        agenda = self.query_one(AgendaList)
        if index is not None:
            agenda.highlight_question(index)

    def _load_note(self) -> None:
        note = self.query_one("#note", TextArea)
        label = self.query_one("#note-label", Static)
        index = self.current
        if self.general or index is None:
            text = self.session.general_note
            label.update("[b]Session note[/b] [dim]· ctrl+l: question note[/dim]")
        else:
            text = self.session.agenda[index].note
            label.update("[b]Note on this question[/b] [dim]· ctrl+l: session note[/dim]")
        self.set_class(self.general, "-general")
        if note.text != text:
            self._loading_note = True
            note.load_text(text)
            note.move_cursor(note.document.end)

    # -- notes and saving ----------------------------------------------------------------

    @on(TextArea.Changed, "#note")
    def note_changed(self, event: TextArea.Changed) -> None:
        if self._loading_note:
            self._loading_note = False
            if event.text_area.text == self._stored_note():
                return
        text = event.text_area.text
        index = self.current
        if self.general or index is None:
            self.session.general_note = text
        else:
            self.session.agenda[index].note = text
        self.schedule_save()

    def _stored_note(self) -> str:
        index = self.current
        if self.general or index is None:
            return self.session.general_note
        return self.session.agenda[index].note

    def before_save(self) -> None:
        self._close_segment()

    # -- actions -------------------------------------------------------------------------

    def _go(self, index: int | None) -> None:
        self._close_segment()
        if index is not None:
            self.session.current_index = index
            self.session.agenda[index].reached = True
        self.general = False
        self._show_question()
        self._tick()
        self.flush(update_index=False)

    def _next_pending(self, after: int) -> int | None:
        agenda = self.session.agenda
        order = list(range(after + 1, len(agenda))) + list(range(0, after + 1))
        return next((i for i in order if agenda[i].status == "pending" and i != after), None)

    def _finish_current(self, status: str) -> None:
        index = self.current
        if index is None:
            return
        self._close_segment()
        self.session.agenda[index].status = status  # type: ignore[assignment]
        following = self._next_pending(index)
        if following is None:
            self.notify("Every question is covered. F10 ends the call.", timeout=4)
        self._go(following if following is not None else index)

    def action_mark_asked(self) -> None:
        self._finish_current("asked")

    def action_skip(self) -> None:
        self._finish_current("skipped")

    def action_back(self) -> None:
        index = self.current
        if index is None or index == 0:
            return
        previous = index - 1
        self.session.agenda[previous].status = "pending"
        self._go(previous)

    def action_toggle_timer(self) -> None:
        if self.stopwatch is None:
            return
        running = self.stopwatch.toggle()
        if running and self.session.started_at is None:
            self.session.started_at = datetime.now()
        if running and self.session.status == "planned":
            self.session.status = "live"
            self.session.contact_status = "interviewed"
        if self.current is not None:
            self.session.agenda[self.current].reached = True
        self._tick()
        self.flush(update_index=not running)

    def action_switch_pane(self) -> None:
        note = self.query_one("#note", TextArea)
        if note.has_focus:
            self.query_one(AgendaList).focus()
        else:
            note.focus()

    def action_toggle_general(self) -> None:
        self.general = not self.general
        self._load_note()
        self.query_one("#note", TextArea).focus()

    def action_end_call(self) -> None:
        if self.stopwatch is not None:
            self.stopwatch.pause()
        self._close_segment()
        self.session.status = "ended"
        self.session.ended_at = datetime.now()
        self.session.contact_status = "interviewed"
        if not self.flush():
            return
        from interview_tui.ui.screens.wrap_up import WrapUpScreen

        self.app.switch_screen(WrapUpScreen(self.session))

    def action_leave(self) -> None:
        if self.stopwatch is not None and self.stopwatch.running:
            self.stopwatch.pause()
        if self.flush():
            self.dismiss()

    @on(AgendaList.QuestionChosen)
    def question_chosen(self, event: AgendaList.QuestionChosen) -> None:
        self._go(event.index)
        self.query_one("#note", TextArea).focus()

    def on_unmount(self) -> None:
        if self.stopwatch is not None:
            self.stopwatch.pause()
        self.flush()

"""The live call: agenda, the current question, notes, and the time-budget bar.

Every action has a ctrl or function key so it works while the note pane has focus; notes
save themselves (throttled while typing, at once on every question change, quit and suspend).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from textual import events, on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.reactive import reactive
from textual.widgets import Static, TextArea

from interview_tui.clock import Stopwatch
from interview_tui.models import Session
from interview_tui.placeholders import fill, placeholder_values
from interview_tui.planner import Pace
from interview_tui.session_flow import LiveCall, Outcome, asked_count
from interview_tui.ui import keymap
from interview_tui.ui.plain import plain, styled
from interview_tui.ui.screens.saving import SavingScreen
from interview_tui.ui.widgets.agenda_list import AgendaList
from interview_tui.ui.widgets.budget_bar import BudgetBar
from interview_tui.ui.widgets.key_footer import KeyFooter

TICK_SECONDS = 0.5
NARROW_WIDTH = 70
SHORT_HEIGHT = 20


class LiveScreen(SavingScreen):
    CSS_PATH = "live.tcss"
    AUTO_FOCUS = "#note"
    BINDINGS = keymap.bindings(keymap.LIVE)
    WRITE_ACTIONS = frozenset({"mark_asked", "skip", "back", "toggle_timer", "end_call"})
    _note_for: tuple[bool, int | None] | None = None
    """Whose note the note pane holds once loaded: (the session note?, question index)."""

    # What the screen shows, as reactives: the budget bar takes the first four by data_bind;
    # the watchers redraw the question and the note pane.
    pace: reactive[Pace | None] = reactive(None, always_update=True)
    running: reactive[bool] = reactive(False)
    at_risk_names: reactive[tuple[str, ...]] = reactive(())
    asked: reactive[str] = reactive("")
    question_index: reactive[int | None] = reactive(None, always_update=True, init=False)
    """The question on screen; set whenever the call moves, even to the same one."""
    general: reactive[bool] = reactive(False, init=False)
    """The note pane holds the session note instead of this question's note."""

    def __init__(self, session: Session) -> None:
        super().__init__(session)
        self.call: LiveCall | None = None
        self._at_risk: tuple[int, ...] = ()
        self._texts: list[str] = []

    # -- layout --------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        yield Static(id="live-title")
        yield BudgetBar(id="budget").data_bind(
            LiveScreen.pace, LiveScreen.running, LiveScreen.at_risk_names, LiveScreen.asked
        )
        with Horizontal(id="live-body"):
            yield AgendaList(id="agenda")
            with Vertical(id="live-main"):
                yield Static(id="question")
                yield Static(id="probes")
                yield Static(id="note-label")
                yield TextArea(id="note", placeholder="Notes on this question…")
        yield KeyFooter()

    def on_mount(self) -> None:
        super().on_mount()
        session = self.session
        self.call = LiveCall(session, self.app.clock)
        values = placeholder_values(session)
        self._texts = [fill(item.text, values) for item in session.agenda]
        contact = session.contact
        about = " at ".join(p for p in (contact.role, contact.company) if p)
        self.query_one("#live-title", Static).update(
            styled(
                "[b]$name[/b]" + (" · $about" if about else "") + " · $minutes min",
                name=contact.name,
                about=about,
                minutes=session.length_minutes,
            )
        )
        if session.status == "ended":
            self.notify("This call has ended; changes to notes are still saved.", timeout=4)
        self.question_index = self.current
        self._tick()
        self.set_interval(TICK_SECONDS, self._tick)

    def on_resize(self) -> None:
        """Small terminals give the note pane the room: no agenda when narrow, no probes
        when short. A hidden agenda gives the focus back to the note."""
        self.set_class(self.size.width < NARROW_WIDTH, "-narrow")
        self.set_class(self.size.height < SHORT_HEIGHT, "-short")
        if self.size.width < NARROW_WIDTH and self.query_one(AgendaList).has_focus:
            self.query_one("#note", TextArea).focus()

    def on_key(self, event: events.Key) -> None:
        """No keystroke of a call is lost: a printable key typed anywhere but the note (the
        agenda after ``ctrl+g``, ``tab`` or a click) goes to the note, which takes the focus."""
        note = self.query_one("#note", TextArea)
        if note.has_focus or note.read_only or not event.is_printable or not event.character:
            return
        event.stop()
        event.prevent_default()
        note.focus()
        start, end = note.selection
        note.replace(event.character, start, end, maintain_selection_offset=False)

    # -- time ----------------------------------------------------------------------------

    @property
    def stopwatch(self) -> Stopwatch | None:
        return self.call.stopwatch if self.call is not None else None

    @property
    def current(self) -> int | None:
        return self.call.current if self.call is not None else None

    def _tick(self) -> None:
        if self.call is None:
            return
        pace = self.call.pace()
        self.at_risk_names = tuple(self._texts[i] for i in pace.at_risk)
        self.running = self.call.running
        self.asked = str(asked_count(self.session))
        self.pace = pace
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

    def watch_question_index(self) -> None:
        self._show_question()

    def watch_general(self) -> None:
        self._load_note()

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
            question.update(plain(self._texts[index]))
            probes.update(
                Content.assemble(
                    styled(
                        "[dim]$position · $where$phase · ~$minutes min$status[/dim]",
                        position=position,
                        where=where,
                        phase=item.phase,
                        minutes=f"{item.minutes:g}",
                        status=status,
                    ),
                    *(styled("\n  • $probe", probe=probe) for probe in item.probes),
                )
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
            with note.prevent(TextArea.Changed):  # shown, not typed: nothing to file or save
                note.load_text(text)
            note.move_cursor(note.document.end)
        self._note_for = (self.general, index)

    # -- notes and saving ----------------------------------------------------------------

    @on(TextArea.Changed, "#note")
    def note_changed(self, event: TextArea.Changed) -> None:
        if self._file_note(event.text_area.text):
            self.schedule_save()

    def _file_note(self, text: str) -> bool:
        """Put the note pane's text where it belongs now; True when that changed anything."""
        index = self.current
        if self.general or index is None:
            changed, self.session.general_note = self.session.general_note != text, text
        else:
            item = self.session.agenda[index]
            changed, item.note = item.note != text, text
        return changed

    def after_typing(self, action: Callable[[], object]) -> None:
        """Run ``action`` once the note pane has taken every key typed before it.

        The call's keys are priority bindings: they run as soon as they arrive, while
        letters typed just before them may still wait in the note pane's queue. Queued
        behind those letters, the action sees them filed under the question they were
        typed for; letters typed after it land in the question it moves to.
        """
        note = self.query_one("#note", TextArea)

        def run() -> None:
            self._file_note(note.text)
            action()

        note.call_later(run)

    def before_save(self) -> None:
        # A signal (SIGHUP, SIGTERM) can save between a key the note pane took and the pane's
        # Changed message: file the pane's text first, unless it is being switched over.
        if self._note_for == (self.general, self.current):
            for note in self.query("#note").results(TextArea):
                self._file_note(note.text)
        if self.call is not None:
            self.call.settle()

    # -- actions -------------------------------------------------------------------------

    def _moved(self) -> None:
        """Show the question the call moved to, and save."""
        self.general = False
        self.question_index = self.current
        self._tick()
        self.flush(update_index=False)

    def _finish_current(self, outcome: Outcome) -> None:
        if self.call is None or self.call.current is None:
            return
        if not self.call.finish_current(outcome):
            self.notify("Every question is covered. F10 ends the call.", timeout=4)
        self._moved()

    def action_mark_asked(self) -> None:
        self.after_typing(lambda: self._finish_current("asked"))

    def action_skip(self) -> None:
        self.after_typing(lambda: self._finish_current("skipped"))

    def action_back(self) -> None:
        self.after_typing(self._back)

    def _back(self) -> None:
        if self.call is not None and self.call.back():
            self._moved()

    def action_toggle_timer(self) -> None:
        if self.call is None:
            return
        running = self.call.toggle_timer()
        self._tick()
        self.flush(update_index=not running)

    def action_switch_pane(self) -> None:
        note = self.query_one("#note", TextArea)
        agenda = self.query_one(AgendaList)
        if note.has_focus and not agenda.display:
            self.notify(
                "The agenda is hidden in a window this narrow; widen it to see the agenda.",
                timeout=3,
            )
        elif note.has_focus:
            agenda.focus()
        else:
            note.focus()

    def action_toggle_general(self) -> None:
        self.after_typing(self._toggle_general)

    def _toggle_general(self) -> None:
        self.general = not self.general
        self.query_one("#note", TextArea).focus()

    def action_end_call(self) -> None:
        self.after_typing(self._end_call)

    def _end_call(self) -> None:
        if self.call is None:
            return
        self.call.end()
        from interview_tui.ui.screens.wrap_up import WrapUpScreen

        def wrap_up(copy: Path | None) -> None:
            if copy is not None:  # the folder refused the notes: say where the copy went
                self.dismiss_keeping(copy)
                return
            self.app.switch_screen(WrapUpScreen(self.session))

        # On a full disk this asks first (retry, a copy elsewhere, or go on), never silently.
        self.leave_safely("Wrap up", wrap_up)

    def action_leave(self) -> None:
        self.after_typing(self._leave)

    def _leave(self) -> None:
        if self.call is not None:
            self.call.pause()
        self.leave_safely("Leave", self.dismiss_keeping)

    @on(AgendaList.QuestionChosen)
    def question_chosen(self, event: AgendaList.QuestionChosen) -> None:
        if self.call is None:
            return
        self.call.go_to(event.index)
        self._moved()
        self.query_one("#note", TextArea).focus()

    def on_unmount(self) -> None:
        if self.call is not None:
            self.call.pause()
        self.flush()

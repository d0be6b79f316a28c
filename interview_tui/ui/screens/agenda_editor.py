"""Edit the agenda before the call: filter and search the banks, add, drop, pin, reorder,
change priority and minutes, with the cut line and the planned time updating as you go."""

from __future__ import annotations

from rich.text import Text
from textual import events, on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import Header, Input, OptionList, Select, Static
from textual.widgets.option_list import Option

from interview_tui import display_text
from interview_tui.goals import session_wishes
from interview_tui.lint import lint_question
from interview_tui.models import (
    MAX_PRIORITY,
    MAX_QUESTION_MINUTES,
    MIN_PRIORITY,
    AgendaItem,
    Session,
)
from interview_tui.placeholders import fill, placeholder_values
from interview_tui.planner import agenda_items, apply_plan, place_for
from interview_tui.ui import keymap
from interview_tui.ui.app_screen import AppScreen
from interview_tui.ui.plain import one_line, styled
from interview_tui.ui.widgets.agenda_list import AgendaList
from interview_tui.ui.widgets.key_footer import KeyFooter
from interview_tui.ui.widgets.question_detail import QuestionDetail

ALL = "all"


class AgendaEditorScreen(AppScreen[Session | None]):
    """Returns the edited session (not yet saved by the caller), or None when cancelled."""

    CSS_PATH = "agenda_editor.tcss"
    AUTO_FOCUS = "#agenda"
    BINDINGS = keymap.bindings(keymap.AGENDA_EDITOR)

    def __init__(self, session: Session) -> None:
        super().__init__()
        self.session = session.model_copy(deep=True)
        self.values = placeholder_values(session)
        self.available: list[AgendaItem] = []

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="editor-filters"):
            yield Input(placeholder="search questions", id="search", compact=True)
            yield Select[str]([], prompt="category", id="category", compact=True)
            yield Input(placeholder="tag", id="tag", compact=True)
        with Horizontal(id="editor-body"):
            with Vertical(id="bank-pane"):
                yield Static("Banks [dim](a / enter: add)[/dim]", classes="pane-title")
                yield OptionList(id="available")
            with Vertical(id="agenda-pane"):
                yield Static(id="agenda-summary", classes="pane-title")
                yield AgendaList(id="agenda")
        yield QuestionDetail(id="lint")
        yield KeyFooter()

    def on_mount(self) -> None:
        self.sub_title = display_text.one_line(f"Agenda · {self.session.title}")
        banks = self.app.banks
        if banks is not None:
            self.available = agenda_items(banks.banks)
            categories = sorted({item.category for item in self.available})
            self.query_one("#category", Select).set_options(
                # Categories come from the banks; Text, not Content, keeps type-to-search.
                [("all categories", ALL)]
                + [(Text(display_text.one_line(c)), c) for c in categories]
            )
        self.refresh_available()
        self.replan()
        self.watch(self.query_one("#available", OptionList), "has_focus", self._offer_first)

    def _offer_first(self, focused: bool) -> None:
        """A focused bank list always has a row highlighted, so ``a``/``enter`` add at once
        (filtering and adding clear the highlight)."""
        options = self.query_one("#available", OptionList)
        if focused and options.highlighted is None and options.option_count:
            options.highlighted = 0

    # -- the two lists -------------------------------------------------------------------

    def _text(self, item: AgendaItem) -> str:
        return fill(item.text, self.values)

    def _filtered(self) -> list[AgendaItem]:
        query = self.query_one("#search", Input).value.strip().lower()
        tag = self.query_one("#tag", Input).value.strip().lower()
        category = self.query_one("#category", Select).value
        in_agenda = {item.key for item in self.session.agenda}
        result = []
        for item in self.available:
            if item.key in in_agenda:
                continue
            if category not in (ALL, Select.NULL, None) and item.category != category:
                continue
            if tag and not any(tag in t.lower() for t in item.tags):
                continue
            if query and query not in self._text(item).lower():
                continue
            result.append(item)
        return result

    @on(Input.Changed, "#search, #tag")
    @on(Select.Changed, "#category")
    def refresh_available(self) -> None:
        shown = self._filtered()
        options = self.query_one("#available", OptionList)
        options.clear_options()
        options.add_options(
            Option(one_line(f"{item.category[:10]:<10} {self._text(item)}"), id=item.key)
            for item in shown
        )
        if not shown:
            filtering = any(
                self.query_one(f"#{name}", Input).value for name in ("search", "tag")
            ) or self.query_one("#category", Select).value not in (ALL, Select.NULL, None)
            hint = (
                "No bank question matches the filter."
                if filtering
                else "Every question of the banks is on the agenda; d drops one, q writes your own."
            )
            options.add_option(Option(Text(hint, style="dim"), disabled=True))
        self._offer_first(options.has_focus)

    def replan(self, keep_order: bool = True) -> None:
        session = self.session
        plan = apply_plan(session, session.agenda, keep_order=keep_order)
        texts = [self._text(item) for item in session.agenda]
        self.query_one(AgendaList).show(session.agenda, plan.cut, None, texts=texts)
        flagged = sum(1 for text in texts if lint_question(text, company=self.values["company"]))
        self.query_one("#agenda-summary", Static).update(
            styled(
                "[b]$planned[/b]/$length min · $cut above the cut"
                + (" · [b $text-warning]$flagged flagged[/]" if flagged else ""),
                planned=f"{plan.planned_minutes:g}",
                length=session.length_minutes,
                cut=plan.cut,
                flagged=flagged,
            )
        )
        self.show_lint()

    def _selected(self) -> int | None:
        agenda = self.query_one(AgendaList)
        if agenda.highlighted is None:
            return None
        return agenda.question_at(agenda.highlighted)

    def _reselect(self, index: int | None) -> None:
        if index is not None:
            self.query_one(AgendaList).highlight_question(index)

    @on(OptionList.OptionHighlighted, "#agenda")
    def show_lint(self) -> None:
        """The highlighted agenda question in full, what it is, and any warnings."""
        index = self._selected()
        lint = self.query_one("#lint", QuestionDetail)
        if index is None or index >= len(self.session.agenda):
            lint.update("")
            return
        item = self.session.agenda[index]
        text = self._text(item)
        flags = lint_question(text, company=self.values["company"])
        details = (
            f"priority {item.priority} · ~{item.minutes:g} min · {item.phase}"
            + (" · pinned" if item.pinned else "")
            + (f" · tags: {', '.join(item.tags)}" if item.tags else "")
            + (f" · goals: {', '.join(item.goals)}" if item.goals else "")
        )
        lint.show_question(text, details, [flag.reason for flag in flags])

    @on(OptionList.OptionHighlighted, "#available")
    def show_bank_question(self) -> None:
        """The highlighted bank question in full, before it is added."""
        options = self.query_one("#available", OptionList)
        if options.highlighted is None:
            return
        key = options.get_option_at_index(options.highlighted).id
        item = next((it for it in self.available if it.key == key), None)
        if item is None:
            return
        text = self._text(item)
        flags = lint_question(text, company=self.values["company"])
        details = f"{item.bank} · priority {item.priority} · ~{item.minutes:g} min · {item.phase}"
        self.query_one("#lint", QuestionDetail).show_question(
            text, details, [flag.reason for flag in flags]
        )

    def on_descendant_focus(self, event: events.DescendantFocus) -> None:
        """The panel follows the list that has the focus."""
        if event.widget.id == "agenda":
            self.show_lint()
        elif event.widget.id == "available":
            self.show_bank_question()

    # -- actions -------------------------------------------------------------------------

    def _edit(self, change: str) -> None:
        index = self._selected()
        if index is None:
            return
        item = self.session.agenda[index]
        key = item.key
        if change == "up":
            item.priority = max(MIN_PRIORITY, item.priority - 1)
        elif change == "down":
            item.priority = min(MAX_PRIORITY, item.priority + 1)
        elif change == "more":
            item.minutes = min(float(MAX_QUESTION_MINUTES), item.minutes + 0.5)
        elif change == "less":
            item.minutes = max(0.5, item.minutes - 0.5)
        elif change == "pin":
            item.pinned = not item.pinned
        self.replan()
        self._reselect(next(i for i, it in enumerate(self.session.agenda) if it.key == key))

    def action_priority_up(self) -> None:
        self._edit("up")

    def action_priority_down(self) -> None:
        self._edit("down")

    def action_more_minutes(self) -> None:
        self._edit("more")

    def action_fewer_minutes(self) -> None:
        self._edit("less")

    def action_toggle_pin(self) -> None:
        self._edit("pin")

    def action_drop(self) -> None:
        index = self._selected()
        if index is not None:
            del self.session.agenda[index]
            self.replan()
            self._reselect(min(index, len(self.session.agenda) - 1))
            self.refresh_available()

    def _move(self, step: int) -> None:
        index = self._selected()
        agenda = self.session.agenda
        if index is None or not 0 <= index + step < len(agenda):
            return
        agenda[index], agenda[index + step] = agenda[index + step], agenda[index]
        key = agenda[index + step].key
        self.replan()
        self._reselect(next(i for i, it in enumerate(agenda) if it.key == key))

    def action_move_up(self) -> None:
        self._move(-1)

    def action_move_down(self) -> None:
        self._move(1)

    def action_sort(self) -> None:
        self.replan(keep_order=False)

    def action_add(self) -> None:
        options = self.query_one("#available", OptionList)
        if options.highlighted is None:
            options.focus()
            return
        key = options.get_option_at_index(options.highlighted).id
        item = next((it for it in self.available if it.key == key), None)
        if item is not None:
            self._insert(item.model_copy(deep=True))
            self.refresh_available()

    def _insert(self, item: AgendaItem) -> None:
        """Add ``item`` where its phase and priority put it, and show where it landed."""
        agenda = self.session.agenda
        agenda.insert(place_for(agenda, item, session_wishes(self.session)), item)
        self.replan()
        self._reselect(next(i for i, it in enumerate(agenda) if it is item))

    @on(OptionList.OptionSelected, "#available")
    def add_selected(self) -> None:
        self.action_add()

    def action_own_question(self) -> None:
        from interview_tui.ui.dialogs.question_dialog import QuestionDialog

        def added(item: AgendaItem | None) -> None:
            if item is not None:
                keys = {it.key for it in self.session.agenda}
                base, n = item.key, 1
                while item.key in keys:
                    n += 1
                    item.key = f"{base}-{n}"
                self._insert(item)

        self.app.push_screen(QuestionDialog(), added)

    def action_done(self) -> None:
        self.dismiss(self.session)

    def action_cancel(self) -> None:
        self.dismiss(None)

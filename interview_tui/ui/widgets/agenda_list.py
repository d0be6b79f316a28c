"""The agenda as a list with a status mark per question and the cut line drawn in."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from rich.text import Text
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from interview_tui.display_text import one_line
from interview_tui.models import AgendaItem

MARKS = {
    "current": "▶",
    "asked": "✓",
    "skipped": "↷",
    "pending": "○",
    "below": "·",
    "risk": "!",
}
CUT_ID = "cut-line"


class AgendaList(OptionList):
    """Agenda rows: ``▶`` current, ``✓`` asked, ``↷`` skipped, ``○`` pending,
    ``!`` will drop below the cut if the pace holds, ``·`` below the cut."""

    DEFAULT_CSS = """
    AgendaList { border: none; padding: 0; text-wrap: nowrap; text-overflow: ellipsis; }
    AgendaList > .option-list--option-disabled { color: $text-muted; }
    """

    @dataclass
    class QuestionChosen(Message):
        """The user picked a question in the list (enter or click)."""

        agenda_list: AgendaList
        index: int

        @property
        def control(self) -> AgendaList:
            return self.agenda_list

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self._indices: list[int | None] = []

    def show(
        self,
        items: Sequence[AgendaItem],
        cut: int,
        current: int | None,
        at_risk: Sequence[int] = (),
        texts: Sequence[str] | None = None,
    ) -> None:
        """Redraw every row, keeping the highlight where it was."""
        highlighted = self.highlighted
        risk = set(at_risk)
        options: list[Option] = []
        self._indices = []
        for index, item in enumerate(items):
            if index == cut:
                label = Text(f"── cut · {len(items) - cut} if time allows ──", style="dim")
                options.append(Option(label, id=CUT_ID, disabled=True))
                self._indices.append(None)
            text = texts[index] if texts else item.text
            options.append(Option(self._row(index, item, cut, current, risk, text)))
            self._indices.append(index)
        self.clear_options()
        self.add_options(options)
        if highlighted is not None and highlighted < len(options):
            self.highlighted = highlighted
        elif current is not None:
            self.highlight_question(current)

    def _row(
        self,
        index: int,
        item: AgendaItem,
        cut: int,
        current: int | None,
        risk: set[int],
        text: str,
    ) -> Text:
        if index == current:
            mark, style = MARKS["current"], "bold"
        elif item.status != "pending":
            mark, style = MARKS[item.status], "dim"
        elif index in risk:
            mark, style = MARKS["risk"], "italic"
        elif index >= cut:
            mark, style = MARKS["below"], "dim"
        else:
            mark, style = MARKS["pending"], ""
        minutes = f"{item.minutes:g}m"
        row = Text(f"{mark} ", style=style, no_wrap=True, overflow="ellipsis", end="")
        row.append(f"{minutes:>4} ", style="dim")
        row.append(one_line(text), style=style)
        return row

    def question_at(self, option_index: int) -> int | None:
        """The agenda index shown at ``option_index`` (None for the cut line)."""
        if 0 <= option_index < len(self._indices):
            return self._indices[option_index]
        return None

    def option_index_of(self, question: int) -> int | None:
        try:
            return self._indices.index(question)
        except ValueError:
            return None

    def highlight_question(self, question: int) -> None:
        option = self.option_index_of(question)
        if option is not None:
            self.highlighted = option

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        question = self._indices[event.option_index]
        if question is not None:
            self.post_message(self.QuestionChosen(self, question))

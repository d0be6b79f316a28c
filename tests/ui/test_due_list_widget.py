"""The due list on its own, told what day it is: what it shows, and where focus goes."""

from __future__ import annotations

from datetime import date

from textual.app import App, ComposeResult
from textual.widgets import OptionList, Static

from interview_tui.followups import DueItem
from interview_tui.ui.widgets.due_list import DueList

DAY = date(2026, 3, 10)
LATE = DueItem("s1", "thank-you", "Thank Ana Núñez", date(2026, 3, 8))
TODAY = DueItem("s2", "referral", "Reach out to [b]Bo[/b]", DAY)


class Host:
    """The screen's side, recorded."""

    def __init__(self) -> None:
        self.left = 0

    def workspace_or_say(self) -> None:
        return None

    def writable_or_say(self) -> bool:
        return False

    def reload(self, highlight: object = None) -> None:
        pass

    def people_changed(self, changed: list[object]) -> None:
        pass

    def leave_due(self) -> None:
        self.left += 1


class Holder(App[None]):
    def __init__(self, host: Host) -> None:
        super().__init__()
        self.due_list = DueList(host)  # type: ignore[arg-type]

    def compose(self) -> ComposeResult:
        yield self.due_list
        yield OptionList("a session", id="sessions")


def _lines(due: OptionList) -> list[str]:
    return [str(due.get_option_at_index(i).prompt) for i in range(due.option_count)]


async def test_overdue_is_marked_against_the_day_given_and_text_stays_text() -> None:
    app = Holder(Host())
    async with app.run_test() as pilot:
        due = app.query_one("#due", OptionList)
        app.due_list.show([], DAY)
        await pilot.pause()
        assert not due.display and not app.query_one("#due-title", Static).display
        app.due_list.show([LATE, TODAY], DAY)
        await pilot.pause()
        assert _lines(due) == [
            "! 08 Mar  Thank Ana Núñez",
            "• 10 Mar  Reach out to [b]Bo[/b]",
        ]
        title = app.query_one("#due-title", Static)
        assert title.display and due.display
        assert str(title.visual).startswith("Due (2) x: done, u: undo")


async def test_the_first_x_only_moves_to_the_list_and_an_emptied_list_gives_focus_back() -> None:
    host = Host()
    app = Holder(host)
    async with app.run_test() as pilot:
        app.query_one("#sessions", OptionList).focus()
        app.due_list.show([LATE, TODAY], DAY)
        app.due_list.mark_done()  # from elsewhere: only moves there
        await pilot.pause()
        due = app.query_one("#due", OptionList)
        assert due.has_focus and due.highlighted == 0
        assert app.due_list.last_done is None
        app.due_list.show([], DAY)
        await pilot.pause()
        assert host.left == 1 and not due.display

"""Pilot tests that drive whole flows the way a person would: start screen → setup → live
call → quit → start again on the same data folder and find everything.

Every app gets ``tmp_path`` as its data folder and a :class:`FakeClock`, so nothing touches the
user's folders and time moves only when a test says so.
"""

from __future__ import annotations

import re

import pytest
from textual.widgets import Input, Markdown, Static, TextArea
from ui_helpers import open_app, text_of, type_text

from interview_tui.clock import FakeClock
from interview_tui.placeholders import fill, placeholder_values
from interview_tui.storage.store import SessionStore
from interview_tui.ui.screens.live import LiveScreen
from interview_tui.ui.screens.setup import SetupScreen
from interview_tui.ui.screens.start import StartScreen
from interview_tui.ui.widgets.agenda_list import AgendaList
from interview_tui.ui.widgets.session_table import SessionTable

SIZE = (80, 24)


def agenda_marks(screen: LiveScreen) -> list[str]:
    """The status mark of every agenda row, in agenda order (the cut line left out)."""
    agenda = screen.query_one(AgendaList)
    marks = []
    for question in range(len(screen.session.agenda)):
        option = agenda.get_option_at_index(agenda.option_index_of(question))
        marks.append(str(option.prompt)[0])
    return marks


async def test_create_run_quit_and_find_everything_after_restart(
    make_app, app_data_dir, wait_until, screen_text
):
    clock = FakeClock()
    app = make_app(clock=clock)
    async with app.run_test(size=SIZE) as pilot:
        await open_app(pilot)
        assert isinstance(app.screen, StartScreen)
        assert "No sessions yet" in screen_text(app)

        await pilot.press("n")
        await wait_until(pilot, lambda: isinstance(app.screen, SetupScreen))
        assert app.focused.id == "name"
        await type_text(pilot, "Ada Lovelace")
        await pilot.press("tab")
        await type_text(pilot, "Engineer")
        await pilot.press("tab")
        await type_text(pilot, "Babbage Ltd")
        await pilot.press("f5")
        await wait_until(pilot, lambda: isinstance(app.screen, LiveScreen))

        live = app.screen
        note = live.query_one("#note", TextArea)
        session = live.session
        session_id = session.id
        assert "Ada Lovelace · Engineer at Babbage Ltd · 30 min" in screen_text(app)
        assert app.focused is note
        assert len(session.agenda) >= 5
        assert text_of(live, "#budget-state") == "paused"

        # ctrl+t starts the timer; a minute on the opening question, with a note.
        await pilot.press("ctrl+t")
        assert text_of(live, "#budget-state") == "running"
        clock.advance(60)
        await type_text(pilot, "Hard stop :30")
        await pilot.press("ctrl+n")  # asked → question 1
        assert session.current_index == 1
        assert app.focused is note
        assert note.text == ""  # the pane now belongs to question 1

        clock.advance(90)
        await pilot.press("ctrl+o")  # skip question 1 → question 2
        assert session.agenda[1].status == "skipped"
        assert session.current_index == 2
        clock.advance(30)
        await pilot.press("ctrl+b")  # back to question 1 (its skip undone)
        assert session.current_index == 1
        assert session.agenda[1].status == "pending"
        await pilot.press("f3")  # skip it again with the function-key alternate
        assert session.agenda[1].status == "skipped"
        assert session.current_index == 2

        await type_text(pilot, "Reviews Fri")
        clock.advance(120)
        await pilot.press("f2")  # asked → question 3
        assert session.agenda[2].status == "asked"
        assert session.current_index == 3

        await pilot.press("f5")  # pause: the next five minutes do not count
        assert text_of(live, "#budget-state") == "paused"
        clock.advance(300)
        await pilot.press("f4")  # back to question 2, undoing its tick
        assert session.current_index == 2
        assert session.agenda[2].status == "pending"
        assert note.text == "Reviews Fri"
        await pilot.press("ctrl+n")  # and tick it off again
        assert session.agenda[2].status == "asked"
        assert app.focused is note

        # The session note, typed last and never given time to autosave: quit must save it.
        await pilot.press("ctrl+l")
        assert "Session note" in text_of(live, "#note-label")
        assert note.text == ""
        await type_text(pilot, "Intro: Charles")
        assert app.focused is note
        await pilot.press("ctrl+q")
        await pilot.pause()
    assert app.return_code == 0

    # Straight from the store, as another program would read it.
    store = SessionStore(app_data_dir, read_only=True)
    stored = store.load(session_id)
    statuses = [item.status for item in stored.agenda]
    assert statuses[:4] == ["asked", "skipped", "asked", "pending"]
    assert set(statuses[4:]) == {"pending"}
    assert stored.agenda[0].note == "Hard stop :30"
    assert stored.agenda[2].note == "Reviews Fri"
    assert stored.general_note == "Intro: Charles"
    assert stored.elapsed_seconds == pytest.approx(300)
    assert [item.seconds_spent for item in stored.agenda[:4]] == pytest.approx([60, 90, 150, 0])
    assert stored.current_index == 3
    assert stored.status == "live"
    assert stored.started_at is not None
    assert stored.contact.name == "Ada Lovelace"
    assert stored.contact.role == "Engineer"
    assert stored.contact.company == "Babbage Ltd"
    summary = next(row for row in store.summaries() if row["id"] == session_id)
    assert summary["asked"] == 2
    store.close()

    # A new app on the same folder: the list shows it, and opening it shows everything.
    app = make_app(clock=FakeClock())
    async with app.run_test(size=SIZE) as pilot:
        await open_app(pilot)
        table = app.screen.query_one("#sessions", SessionTable)
        assert table.row_count == 1
        when, name, company, status, asked, length = table.get_row_at(0)
        assert re.fullmatch(r"held \d{4}-\d\d-\d\d", when)  # started today
        assert (name, company, status, length) == (
            "Ada Lovelace",
            "Babbage Ltd",
            "live",
            "30m",
        )
        assert asked == f"2/{stored.cut_index}"  # of the questions planned above the cut
        text = screen_text(app)
        assert "Sessions (1)" in text
        assert "Ada Lovelace" in text and f"2/{stored.cut_index}" in text

        await pilot.press("o")
        await wait_until(pilot, lambda: isinstance(app.screen, LiveScreen))
        live = app.screen
        note = live.query_one("#note", TextArea)
        await wait_until(pilot, lambda: text_of(live, "#budget-time") == "5:00 / 30:00")
        assert text_of(live, "#budget-state") == "paused"
        assert agenda_marks(live)[:4] == ["✓", "↷", "✓", "▶"]
        assert live.session.current_index == 3

        await pilot.press("ctrl+l")
        assert note.text == "Intro: Charles"
        await pilot.press("ctrl+l")
        assert note.text == ""

        # Pick the first question in the agenda: its note is there.
        await pilot.press("ctrl+g")
        assert app.focused is live.query_one(AgendaList)
        await pilot.press("up", "up", "up", "enter")
        await wait_until(pilot, lambda: live.session.current_index == 0)
        assert app.focused is note
        assert note.text == "Hard stop :30"
        shown = str(live.query_one("#question", Static).render())
        assert shown == fill(live.session.agenda[0].text, placeholder_values(live.session))
        # Choosing a question does not change what was asked.
        assert agenda_marks(live)[:3] == ["▶", "↷", "✓"]
        assert live.session.agenda[0].status == "asked"
        await pilot.press("ctrl+q")
        await pilot.pause()


async def test_start_screen_lists_stored_sessions_newest_first(
    make_app, store_session, screen_text
):
    from datetime import datetime

    store_session(
        "20260302-100000-ada001",
        "Ada Lovelace",
        "Babbage Ltd",
        when=datetime(2026, 3, 2, 10, 0),
        status="ended",
        asked=(0, 1, 2, 7),
        skipped=(3,),
        elapsed=1710,
    )
    store_session(
        "20260305-140000-grace1",
        "Grace Hopper",
        "Navy Labs",
        when=datetime(2026, 3, 5, 14, 0),
        status="live",
        asked=(0,),
        elapsed=240,
    )
    store_session(
        "20260309-093000-kathy1",
        "Katherine Johnson",
        "NASA Langley",
        when=datetime(2026, 3, 9, 9, 30),
    )
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_app(pilot)
        table = app.screen.query_one("#sessions", SessionTable)
        rows = [table.get_row_at(i) for i in range(table.row_count)]
        assert rows == [
            ["sched. 2026-03-09", "Katherine Johnson", "NASA Langley", "scheduled", "0/9", "30m"],
            ["held 2026-03-05", "Grace Hopper", "Navy Labs", "live", "1/9", "30m"],
            ["held 2026-03-02", "Ada Lovelace", "Babbage Ltd", "done", "4/9", "30m"],
        ]
        text = screen_text(app)
        assert "Sessions (3)" in text
        assert "No sessions yet" not in text


async def test_opening_an_ended_session_shows_its_page_with_every_note(
    make_app, store_session, wait_until
):
    pytest.importorskip("interview_tui.export")
    from interview_tui.ui.screens.session_view import SessionViewScreen

    store_session(
        "20260302-100000-ada001",
        "Ada Lovelace",
        "Babbage Ltd",
        status="ended",
        asked=(0, 2),
        skipped=(1,),
        notes={0: "Has a hard stop at 10:25", 2: "Mostly reviews on Fridays"},
        general_note="Send the thank-you note by Wednesday",
        elapsed=1500,
    )
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_app(pilot)
        await pilot.press("o")  # an ended session opens as its page, not the live screen
        await wait_until(pilot, lambda: isinstance(app.screen, SessionViewScreen))
        page = app.screen.query_one(Markdown)
        await pilot.pause()
        source = page.source
        for expected in (
            "Has a hard stop at 10:25",
            "Mostly reviews on Fridays",
            "Send the thank-you note by Wednesday",
            "What drew you to Babbage Ltd in the first place?",
        ):
            assert expected in source
        await pilot.press("escape")
        await wait_until(pilot, lambda: isinstance(app.screen, StartScreen))


async def test_setup_with_an_empty_name_shows_the_error_and_stays(make_app, wait_until):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_app(pilot)
        await pilot.press("n")
        await wait_until(pilot, lambda: isinstance(app.screen, SetupScreen))
        setup = app.screen
        errors = setup.query_one("#form-errors", Static)

        await pilot.press("f5")
        await pilot.pause()
        assert app.screen is setup
        assert "Name: the contact's name is needed" in str(errors.render())
        assert errors.has_class("-error")
        assert app.focused.id == "name"

        await pilot.press("ctrl+s")  # saving for later is refused the same way
        await pilot.pause()
        assert app.screen is setup
        assert app.workspace is not None and app.workspace.summaries() == []

        # A length out of range is named too; fixing both lets the call start.
        setup.query_one("#length", Input).value = "3"
        await type_text(pilot, "Ada")
        await pilot.press("f5")
        await pilot.pause()
        assert app.screen is setup
        assert "Minutes: choose between 5 and 240 minutes" in str(errors.render())
        assert "Name:" not in str(errors.render())
        setup.query_one("#length", Input).value = "20"
        await pilot.press("f5")
        await wait_until(pilot, lambda: isinstance(app.screen, LiveScreen))
        assert app.screen.session.length_minutes == 20
        assert not errors.has_class("-error")


async def test_leaving_the_live_screen_pauses_saves_and_updates_the_list(
    make_app, store_session, wait_until, fake_clock
):
    store_session("20260309-093000-kathy1", "Katherine Johnson", "NASA Langley")
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_app(pilot)
        await pilot.press("o")
        await wait_until(pilot, lambda: isinstance(app.screen, LiveScreen))
        live = app.screen
        await pilot.press("ctrl+t")
        fake_clock.advance(75)
        await pilot.press("ctrl+n", "ctrl+n")
        await pilot.press("escape")
        await wait_until(pilot, lambda: isinstance(app.screen, StartScreen))
        assert not live.stopwatch.running
        table = app.screen.query_one("#sessions", SessionTable)
        assert table.get_row_at(0)[1:5] == [
            "Katherine Johnson",
            "NASA Langley",
            "live",
            "2/9",  # of the nine planned above the cut
        ]
        stored = SessionStore(app.data_root, read_only=True).load("20260309-093000-kathy1")
        assert stored.elapsed_seconds == pytest.approx(75)
        assert [item.status for item in stored.agenda[:3]] == ["asked", "asked", "pending"]


async def test_the_start_screen_still_reads_right_after_visiting_every_other_screen(
    make_app, wait_until, screen_text
):
    """A screen's stylesheet applies app-wide once loaded; none may bend the start screen."""
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_app(pilot)
        await pilot.press("n")
        await wait_until(pilot, lambda: isinstance(app.screen, SetupScreen))
        await type_text(pilot, "Ana")
        await pilot.press("f5")
        await wait_until(pilot, lambda: isinstance(app.screen, LiveScreen))
        await pilot.press("f10")
        await wait_until(pilot, lambda: not isinstance(app.screen, LiveScreen))
        await pilot.press("ctrl+s")
        await wait_until(pilot, lambda: isinstance(app.screen, StartScreen))
        await pilot.pause()
        text = screen_text(app)
        assert "Sessions (1)" in text
        assert "Ana" in text

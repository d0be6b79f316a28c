"""What the first screen leaves until after it is drawn still arrives, and works.

The list starts from the newest rows kept at the head of the index, and every row follows
once the data folder is open; the filter box is mounted just after the first paint (its
words stand in its place until then); and the command line holds garbage collection off
until that paint: the app must turn it back on, or a whole session would run without
collecting cycles.
"""

from __future__ import annotations

import gc
from datetime import datetime

from textual.widgets import Input
from ui_helpers import store_sessions, type_text

from interview_tui.models import Contact, Session
from interview_tui.storage import session_index
from interview_tui.ui.app import InterviewApp
from interview_tui.ui.screens.live import LiveScreen

SIZE = (80, 24)


def store_two(store_session) -> None:
    store_session("s-ada", "Ada Lovelace", "Engines", when=datetime(2026, 3, 2, 10, 0))
    store_session("s-kat", "Katherine Johnson", "NASA", when=datetime(2026, 3, 9, 9, 30))


async def test_f_as_the_first_key_opens_the_filter_and_filters(make_app, store_session, wait_until):
    store_two(store_session)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f")  # possibly before the filter box is mounted
        await wait_until(pilot, lambda: isinstance(app.focused, Input))
        screen = app.screen
        assert len(screen.query("#filter")) == 1
        assert not screen.query("#filter-hint")
        await type_text(pilot, "kat")
        sessions = screen.query_one("#sessions")
        await wait_until(pilot, lambda: sessions.row_count == 1)
        assert sessions.get_row_at(0)[1] == "Katherine Johnson"


async def test_collection_held_off_by_the_command_line_is_on_again_after_the_first_paint(
    make_app, store_session, wait_until
):
    store_two(store_session)
    app = make_app()
    gc.disable()  # as ``interview-tui`` does before importing the app
    try:
        async with app.run_test(size=SIZE) as pilot:
            await wait_until(pilot, gc.isenabled)
            await wait_until(pilot, lambda: app.ready)
    finally:
        gc.enable()


def thirty() -> list[Session]:
    """Thirty calls, one a day through March: more rows than the head (four) or the screen."""
    return [
        Session(
            contact=Contact(name=f"Person {day:02d}", company="Acme"),
            status="ended",
            started_at=datetime(2026, 3, day, 10),
        )
        for day in range(1, 31)
    ]


async def test_the_first_paint_shows_the_newest_from_the_head_and_every_session_follows(
    make_app, app_data_dir, wait_until, screen_text, monkeypatch
):
    monkeypatch.setattr(session_index, "FIRST_SCREEN_ROWS", 4)
    store_sessions(app_data_dir, *thirty())
    loading = InterviewApp.load_store_and_banks
    monkeypatch.setattr(InterviewApp, "load_store_and_banks", lambda self: None)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        # Before the data folder is open: the newest four, counted among all thirty.
        text = screen_text(app)
        assert "Sessions (30)" in text
        assert "Person 30" in text and "Person 27" in text and "Person 26" not in text
        assert not app.ready

        loading(app)  # the folder opens: every session is in the list
        await wait_until(pilot, lambda: app.ready)
        await wait_until(pilot, lambda: app.screen.query_one("#sessions").row_count == 30)
        await pilot.press("end")
        await wait_until(pilot, lambda: "Person 01" in screen_text(app))
        assert "Sessions (30)" in screen_text(app)


async def test_enter_on_a_row_before_the_folder_is_open_opens_it_once_it_is(
    make_app, store_session, wait_until, screen_text, monkeypatch
):
    store_two(store_session)
    loading = InterviewApp.load_store_and_banks
    monkeypatch.setattr(InterviewApp, "load_store_and_banks", lambda self: None)
    app = make_app()
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.pause()
        await pilot.press("down", "enter")  # Ada, the older of the two, on the first paint
        await pilot.pause()
        assert "Cannot open" not in screen_text(app)
        assert app.screen.query("#sessions")  # still the list: nothing to open it with yet

        loading(app)
        await wait_until(pilot, lambda: isinstance(app.screen, LiveScreen))
        assert app.screen.session.id == "s-ada"
        await pilot.pause()
        assert "Ada Lovelace" in screen_text(app) and "Cannot open" not in screen_text(app)

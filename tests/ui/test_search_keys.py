"""From the search box, down reaches the results and enter opens one."""

from __future__ import annotations

from textual.widgets import OptionList
from ui_helpers import store_sessions

from interview_tui.models import Contact, Session
from interview_tui.ui.screens.search import SearchScreen
from interview_tui.ui.screens.session_view import SessionViewScreen


async def test_down_then_enter_opens_the_first_result(make_app, app_data_dir, wait_until):
    store_sessions(
        app_data_dir,
        Session(contact=Contact(name="Priya Nair"), general_note="Weather ensembles drive it."),
    )
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_until(pilot, lambda: app.ready)
        await pilot.press("slash")
        await wait_until(pilot, lambda: isinstance(app.screen, SearchScreen))
        search = app.screen
        await pilot.press(*"ensembles")
        hits = search.query_one("#hits", OptionList)
        await wait_until(pilot, lambda: hits.option_count == 1)
        await pilot.press("down")
        assert hits.has_focus
        await pilot.press("enter")
        await wait_until(pilot, lambda: isinstance(app.screen, SessionViewScreen))


async def test_search_finds_sessions_when_the_index_file_is_garbage(
    make_app, app_data_dir, wait_until
):
    store_sessions(
        app_data_dir,
        Session(contact=Contact(name="Priya Nair"), general_note="Weather ensembles drive it."),
    )
    (app_data_dir / "search.sqlite3").write_bytes(b"not a database " * 500)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_until(pilot, lambda: app.ready)
        await pilot.press("slash")
        await wait_until(pilot, lambda: isinstance(app.screen, SearchScreen))
        await pilot.press(*"ensem")
        hits = app.screen.query_one("#hits", OptionList)
        await wait_until(pilot, lambda: hits.option_count == 1)
        assert "Priya Nair" in str(hits.get_option_at_index(0).prompt)

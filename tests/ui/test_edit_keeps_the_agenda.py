"""Editing a prepared session keeps its agenda: filling the bank list is not a choice."""

from __future__ import annotations

from textual.widgets import SelectionList

from interview_tui.ui.screens.setup import SetupScreen
from interview_tui.ui.screens.start import StartScreen

SESSION_ID = "20260301-100000-keepag"


async def test_opening_a_session_to_edit_keeps_its_hand_made_agenda(
    make_app, store_session, wait_until
):
    stored = store_session(SESSION_ID, "Katherine Johnson", "NASA Langley", "Mathematician")
    app = make_app()
    async with app.run_test(size=(100, 40)) as pilot:
        await wait_until(pilot, lambda: app.ready and isinstance(app.screen, StartScreen))
        await pilot.press("e")
        await wait_until(pilot, lambda: isinstance(app.screen, SetupScreen))
        setup = app.screen
        banks = setup.query_one("#banks", SelectionList)
        await wait_until(pilot, lambda: banks.option_count > 0)
        await pilot.pause()
        assert setup.custom_agenda is not None
        assert [item.key for item in setup.custom_agenda] == [item.key for item in stored.agenda]

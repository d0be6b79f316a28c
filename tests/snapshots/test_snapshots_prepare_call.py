"""SVG snapshots of issue 9's Prepare and live-call items: tick-boxes that read without
colour with the highlighted preview question in full, the question asked before a filled form
is thrown away, and the live screen at 60x20 with a footer that cuts no word.

Regenerate after an intended change with
``pytest tests/snapshots/test_snapshots_prepare_call.py --snapshot-update`` and look at them.
"""

from __future__ import annotations

from textual.widgets import Input, SelectionList, TextArea

from interview_tui.clock import FakeClock
from interview_tui.ui.dialogs.leave_form_dialog import LeaveFormDialog
from interview_tui.ui.screens.live import TICK_SECONDS, LiveScreen
from interview_tui.ui.screens.setup import SetupScreen
from interview_tui.ui.widgets.agenda_list import AgendaList

KATHERINE = "20260309-093000-kathy1"


async def _prepare(pilot, wait_until, settle) -> SetupScreen:
    await settle(pilot)
    await pilot.press("n")
    await wait_until(pilot, lambda: isinstance(pilot.app.screen, SetupScreen))
    setup = pilot.app.screen
    for widget in setup.query(Input):
        widget.cursor_blink = False
    for field, value in (("name", "Katherine Johnson"), ("company", "NASA Langley")):
        setup.query_one(f"#{field}", Input).value = value
    setup.query_one("#goals", SelectionList).select("networking")
    await pilot.pause()
    await wait_until(pilot, lambda: setup._preview_timer is None)
    return setup


def test_setup_ticks_and_the_highlighted_question_in_full(
    snap_compare, make_app, wait_until, settle
):
    async def run_before(pilot) -> None:
        setup = await _prepare(pilot, wait_until, settle)
        setup.query_one("#goals", SelectionList).scroll_visible(animate=False)
        preview = setup.query_one("#preview", AgendaList)
        preview.focus()
        await pilot.press("home", "down")
        await settle(pilot)

    assert snap_compare(make_app(), terminal_size=(80, 24), run_before=run_before)


def test_escape_on_a_filled_form_asks(snap_compare, make_app, wait_until, settle):
    async def run_before(pilot) -> None:
        await _prepare(pilot, wait_until, settle)
        await pilot.press("escape")
        await wait_until(pilot, lambda: isinstance(pilot.app.screen, LeaveFormDialog))
        await settle(pilot)

    assert snap_compare(make_app(), terminal_size=(80, 24), run_before=run_before)


def test_live_screen_mid_call_60x20(snap_compare, make_app, store_session, wait_until, settle):
    store_session(KATHERINE, "Katherine Johnson", "NASA Langley", "Mathematician")

    async def run_before(pilot) -> None:
        app = pilot.app
        await settle(pilot)
        await pilot.press("o")
        await wait_until(pilot, lambda: isinstance(app.screen, LiveScreen))
        live = app.screen
        live.query_one("#note", TextArea).cursor_blink = False
        await pilot.press("ctrl+t")
        app.clock.advance(75)
        await pilot.press("ctrl+n")
        await pilot.press("ctrl+g", *"Both; the people first.")  # the hidden agenda: to the note
        app.clock.advance(60)
        await pilot.pause(TICK_SECONDS + 0.15)
        await settle(pilot)

    app = make_app(clock=FakeClock())
    assert snap_compare(app, terminal_size=(60, 20), run_before=run_before)

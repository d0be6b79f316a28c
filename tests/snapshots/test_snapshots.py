"""SVG snapshots of the main screens (pytest-textual-snapshot).

The app is made deterministic: a FakeClock, sessions built with fixed ids and dates, cursor
blinking off, and notifications cleared before the picture is taken. Regenerate after an
intended change with ``pytest tests/snapshots/test_snapshots.py --snapshot-update`` and look
at the SVGs.

The setup screen's agenda preview comes from the built-in banks, so rewording a built-in
question changes that snapshot (and only that one).
"""

from __future__ import annotations

from datetime import datetime

import pytest
from textual.widgets import Input, TextArea

from interview_tui.clock import FakeClock
from interview_tui.ui.screens.live import LiveScreen
from interview_tui.ui.screens.setup import SetupScreen
from interview_tui.ui.screens.start import StartScreen

ADA = "20260302-100000-ada001"
GRACE = "20260305-140000-grace1"
KATHERINE = "20260309-093000-kathy1"


@pytest.fixture
def three_sessions(store_session):
    """One ended, one in progress and one planned session, newest first: K, G, A."""
    store_session(
        ADA,
        "Ada Lovelace",
        "Analytical Engines",
        "Research engineer",
        when=datetime(2026, 3, 2, 10, 0),
        status="ended",
        asked=(0, 1, 2, 3, 5, 7, 8),
        skipped=(4,),
        notes={
            0: "Hard stop at 10:28; fine to record notes.",
            2: "Two days of modelling, one of reviews; Fridays are for reading.",
            7: "Suggested Charles Babbage and Mary Somerville.",
        },
        spent={0: 70, 1: 150, 2: 330, 3: 200, 5: 260, 7: 140, 8: 50},
        general_note="Warm and direct. Send the thank-you by Wednesday.",
        current=8,
        elapsed=1200,
    )
    store_session(
        GRACE,
        "Grace Hopper",
        "Navy Labs",
        "Compiler lead",
        when=datetime(2026, 3, 5, 14, 0),
        status="live",
        asked=(0, 1),
        current=2,
        elapsed=240,
    )
    store_session(
        KATHERINE,
        "Katherine Johnson",
        "NASA Langley",
        "Mathematician",
        when=datetime(2026, 3, 9, 9, 30),
    )


def test_start_screen_with_three_sessions(
    snap_compare, make_app, three_sessions, wait_until, settle
):
    async def run_before(pilot) -> None:
        await settle(pilot)
        assert isinstance(pilot.app.screen, StartScreen)

    assert snap_compare(make_app(), terminal_size=(80, 24), run_before=run_before)


def test_setup_screen(snap_compare, make_app, wait_until, settle):
    async def run_before(pilot) -> None:
        await settle(pilot)
        await pilot.press("n")
        await wait_until(pilot, lambda: isinstance(pilot.app.screen, SetupScreen))
        setup = pilot.app.screen
        for widget in setup.query(Input):
            widget.cursor_blink = False
        for field, value in (
            ("name", "Katherine Johnson"),
            ("role", "Mathematician"),
            ("company", "NASA Langley"),
            ("industry", "aerospace"),
        ):
            setup.query_one(f"#{field}", Input).value = value
        setup.query_one("#name", Input).cursor_position = 0
        # The preview re-plans once typing pauses; let the edits arrive, then wait for it.
        await pilot.pause()
        await wait_until(pilot, lambda: setup._preview_timer is None)
        await settle(pilot)

    assert snap_compare(make_app(), terminal_size=(80, 24), run_before=run_before)


def _mid_call(wait_until, settle):
    """Open the planned session, tick one off, skip one, type a note, fall behind."""

    async def run_before(pilot) -> None:
        app = pilot.app
        clock = app.clock
        await settle(pilot)
        await pilot.press("o")
        await wait_until(pilot, lambda: isinstance(app.screen, LiveScreen))
        live = app.screen
        # Before anything is typed: TextArea caches rendered lines without the blink state.
        live.query_one("#note", TextArea).cursor_blink = False
        await pilot.press("ctrl+t")
        clock.advance(75)
        await pilot.press("ctrl+n")  # the opener: asked
        clock.advance(45)
        await pilot.press("ctrl+o")  # "what drew you": skipped
        live.query_one("#note", TextArea).insert("Mostly modelling; reviews on Fridays.")
        clock.advance(11 * 60)  # eleven minutes on a five-minute question
        # The next tick reads the clock: thirteen minutes in, seven behind.
        await wait_until(pilot, lambda: live.pace is not None and live.pace.elapsed_seconds >= 780)
        await settle(pilot)

    return run_before


def test_live_screen_mid_call_80x24(snap_compare, make_app, store_session, wait_until, settle):
    store_session(KATHERINE, "Katherine Johnson", "NASA Langley", "Mathematician")
    app = make_app(clock=FakeClock())
    assert snap_compare(app, terminal_size=(80, 24), run_before=_mid_call(wait_until, settle))


def test_live_screen_mid_call_120x36(snap_compare, make_app, store_session, wait_until, settle):
    store_session(KATHERINE, "Katherine Johnson", "NASA Langley", "Mathematician")
    app = make_app(clock=FakeClock())
    assert snap_compare(app, terminal_size=(120, 36), run_before=_mid_call(wait_until, settle))


def test_session_view(snap_compare, make_app, three_sessions, wait_until, settle):
    pytest.importorskip("interview_tui.export")
    from interview_tui.ui.screens.session_view import SessionViewScreen

    async def run_before(pilot) -> None:
        app = pilot.app
        await settle(pilot)
        await pilot.press("down", "down", "v")  # the oldest session: Ada's, ended
        await wait_until(pilot, lambda: isinstance(app.screen, SessionViewScreen))
        await settle(pilot)

    assert snap_compare(make_app(), terminal_size=(80, 24), run_before=run_before)

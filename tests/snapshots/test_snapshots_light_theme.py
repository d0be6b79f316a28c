"""The live screen in ``textual-light``: titles, the "behind" warning and the notes read on a
light background (the same call as ``test_live_screen_mid_call_80x24``)."""

from __future__ import annotations

from test_snapshots import KATHERINE, _mid_call

from interview_tui.clock import FakeClock


def test_live_screen_mid_call_in_a_light_theme(
    snap_compare, make_app, store_session, wait_until, settle
):
    store_session(KATHERINE, "Katherine Johnson", "NASA Langley", "Mathematician")
    app = make_app(clock=FakeClock())
    app.theme = "textual-light"
    assert snap_compare(app, terminal_size=(80, 24), run_before=_mid_call(wait_until, settle))

"""A contact's status only moves forward, whichever screen changes the session.

The bug: the live screen set "interviewed" by hand when a call ended, so ending a resumed
call took a thanked contact back to "interviewed" (and brought its thank-you back to the due
list's logic). Now every screen goes through ``session_flow``.
"""

from __future__ import annotations

from ui_helpers import open_app

from interview_tui.storage.store import SessionStore
from interview_tui.ui.screens.live import LiveScreen
from interview_tui.ui.screens.session_view import SessionViewScreen
from interview_tui.ui.screens.wrap_up import WrapUpScreen

SESSION_ID = "20260302-100000-grace1"


async def test_ending_a_resumed_call_keeps_the_contact_thanked(
    make_app, store_session, app_data_dir, wait_until, fake_clock
):
    ended = store_session(SESSION_ID, "Grace Hopper", "Navy", status="ended", asked=(0, 1))
    ended.contact_status = "thanked"
    store = SessionStore(app_data_dir)
    try:
        store.save(ended)
    finally:
        store.close()

    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await open_app(pilot)
        await pilot.press("o")  # an ended session opens as its page
        await wait_until(pilot, lambda: isinstance(app.screen, SessionViewScreen))
        await pilot.press("r")  # run it again
        await wait_until(pilot, lambda: isinstance(app.screen, LiveScreen))
        await pilot.press("ctrl+t")
        fake_clock.advance(60)
        await pilot.press("f10")
        await wait_until(pilot, lambda: isinstance(app.screen, WrapUpScreen))
        assert app.screen.session.contact_status == "thanked"
        stored = SessionStore(app.data_root, read_only=True).load(SESSION_ID)
        assert (stored.status, stored.contact_status) == ("ended", "thanked")

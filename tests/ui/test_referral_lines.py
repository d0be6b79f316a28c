"""Whatever is typed as a recommended person is kept, and Done never crashes on it."""

from __future__ import annotations

from datetime import date

from textual.widgets import Input
from ui_helpers import store_sessions

from interview_tui.followups import parse_referral, referral_to_session
from interview_tui.models import MAX_NAME_LENGTH, Contact, Session
from interview_tui.ui.screens.wrap_up import WrapUpScreen


def _ended_call() -> Session:
    return Session(
        contact=Contact(name="Priya Nair", company="Gridworks"),
        status="ended",
        contact_status="interviewed",
        started_at=date(2026, 3, 2).isoformat() + "T10:00:00",
    )


def test_a_referral_name_longer_than_a_name_keeps_every_character() -> None:
    typed = "Jo " + "Smith-" * 60 + "of the platform team"
    referral = parse_referral(f"{typed} — ask about the migration")
    assert referral is not None
    contact = referral_to_session(referral, _ended_call())
    assert len(contact.contact.name) == MAX_NAME_LENGTH
    assert contact.contact.name.endswith("…")
    assert typed in contact.research_notes
    assert "ask about the migration" in contact.research_notes


async def test_a_referral_line_without_a_name_is_kept_to_fix_not_lost_or_crashing(
    make_app, app_data_dir, wait_until, screen_text
):
    session = _ended_call()
    store_sessions(app_data_dir, session)
    app = make_app()
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await wait_until(pilot, lambda: app.ready)
        assert app.workspace is not None
        app.push_screen(WrapUpScreen(app.workspace.load(session.id)))
        await wait_until(pilot, lambda: isinstance(app.screen, WrapUpScreen))
        wrap = app.screen
        await wait_until(pilot, lambda: bool(wrap.query("#referral")))
        box = wrap.query_one("#referral", Input)
        box.value = "— someone in their data team"
        await box.action_submit()
        await wait_until(pilot, lambda: "needs a name" in " ".join(screen_text(app).split()))
        assert wrap.session.referrals == []
        assert box.value == "— someone in their data team"  # kept, to add the name
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.is_running

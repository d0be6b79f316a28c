"""A person to contact is not an interview (issue 9): the start title counts interviews and
people to contact apart, and Patterns uses only the calls that took place."""

from __future__ import annotations

from datetime import datetime

from textual.widgets import Markdown
from ui_helpers import store_sessions

from interview_tui.followups import referral_to_session
from interview_tui.models import Contact, Referral, Session
from interview_tui.ui.screens.patterns import PatternsScreen
from interview_tui.ui.screens.start import title_counts


def _held(name: str, day: int, note: str) -> Session:
    return Session(
        contact=Contact(name=name, company=f"{name.split()[0]} Co"),
        status="ended",
        contact_status="interviewed",
        started_at=datetime(2026, 3, day, 10),
        ended_at=datetime(2026, 3, day, 10, 30),
        general_note=note,
    )


def _five_sessions() -> list[Session]:
    """Three calls held; the first contact recommended two people, still to contact."""
    ada = _held("Ada Lovelace", 2, "Data cleaning takes most of her week.")
    grace = _held("Grace Hopper", 4, "Data cleaning first, then compilers.")
    alan = _held("Alan Turing", 6, "Mostly reading papers.")
    ada.referrals = [Referral(name="Sam Park"), Referral(name="Mo Diaz")]
    referred = [referral_to_session(referral, ada) for referral in ada.referrals]
    return [ada, grace, alan, *referred]


async def test_the_start_title_counts_interviews_and_people_to_contact_apart(
    make_app, app_data_dir, wait_until, screen_text
):
    store_sessions(app_data_dir, *_five_sessions())
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_until(pilot, lambda: app.ready)
        await wait_until(pilot, lambda: "Sessions (3) · 2 to contact" in screen_text(app))
        assert "Sessions (5)" not in screen_text(app)

        await pilot.press("P")
        await wait_until(pilot, lambda: isinstance(app.screen, PatternsScreen))
        page = app.screen.query_one(Markdown)
        await wait_until(pilot, lambda: page.source.startswith("# Patterns across 3 sessions"))
        assert "- **data cleaning** (notes): Ada Lovelace, Grace Hopper" in page.source


def test_the_title_with_a_filter_and_without_anyone_to_contact() -> None:
    rows = [
        {"referred_by": "", "status": "ended", "started_at": "2026-03-02T10:00:00"},
        {"referred_by": "", "status": "planned", "started_at": None},
        {"referred_by": "Ada", "status": "planned", "started_at": None},
        # Someone recommended whose call took place is an interview.
        {"referred_by": "Ada", "status": "ended", "started_at": "2026-03-09T10:00:00"},
    ]
    assert title_counts(rows, rows, "") == "Sessions (3) · 1 to contact"  # type: ignore[arg-type]
    shown = rows[2:3]
    assert title_counts(rows, shown, "ada") == (  # type: ignore[arg-type]
        "Sessions (0 of 3) · 1 of 1 to contact"
    )
    plain = rows[:2]
    assert title_counts(plain, plain, "") == "Sessions (2)"  # type: ignore[arg-type]


def test_patterns_of_one_call_say_one_session() -> None:
    from interview_tui.ui.screens.patterns import patterns_markdown

    page = patterns_markdown([_held("Ada Lovelace", 2, "Data cleaning.")])
    assert page.startswith("# Patterns across 1 session\n")

"""SVG snapshots of the screens around the call: the agenda editor, the wrap-up, search
results and the thank-you note dialog, each at 80x24.

Deterministic like ``test_snapshots.py``: a FakeClock, sessions stored with fixed ids and
dates (follow-ups included, so the wrap-up plans nothing from today), cursor blinking off
before anything is typed, notifications cleared. The thank-you note words the call's date
relative to today ("yesterday", "on Monday"), so that snapshot opens the wrap-up with a fixed
``today``. Regenerate after an intended change with
``pytest tests/snapshots/test_snapshots_after_call.py --snapshot-update`` and look at the SVGs.

The agenda editor lists the built-in banks, so rewording a built-in question changes that
snapshot.
"""

from __future__ import annotations

from datetime import date, datetime

import pytest
from ui_helpers import paste

from interview_tui.models import FollowUp, Referral
from interview_tui.storage.store import SessionStore
from interview_tui.ui.dialogs.question_dialog import QuestionDialog
from interview_tui.ui.dialogs.template_dialog import TemplateDialog
from interview_tui.ui.screens.agenda_editor import AgendaEditorScreen
from interview_tui.ui.screens.search import SearchScreen
from interview_tui.ui.screens.session_view import SessionViewScreen
from interview_tui.ui.screens.setup import SetupScreen
from interview_tui.ui.screens.wrap_up import WrapUpScreen

SIZE = (80, 24)
ADA = "20260302-100000-ada001"
GRACE = "20260305-140000-grace1"
KATHERINE = "20260309-093000-kathy1"


@pytest.fixture
def ada_wrapped_up(store_session, app_data_dir):
    """Ada's call on 2 March, ended, with reflections, a referral and follow-ups planned."""
    ada = store_session(
        ADA,
        "Ada Lovelace",
        "Analytical Engines",
        "Research engineer",
        when=datetime(2026, 3, 2, 10, 0),
        status="ended",
        asked=(0, 1, 2, 3, 7),
        skipped=(4,),
        notes={
            2: "Two days of modelling, one of reviews; Fridays are for reading.",
            3: "Mentorship and writing clearly, more than any one language.",
        },
        spent={0: 70, 1: 150, 2: 330, 3: 200, 7: 140},
        elapsed=890,
    )
    ada = ada.model_copy(
        update={
            "contact_status": "interviewed",
            "reflections": {
                "field": "Research engineering is half writing.",
                "advice": "Publish small notes often.",
            },
            "takeaways": "Start a reading group.",
            "referrals": [Referral(name="Charles Babbage", note="hardware side")],
            "followups": [
                FollowUp(kind="thank-you", due=date(2026, 3, 3)),
                FollowUp(kind="check-in", due=date(2026, 6, 2)),
            ],
        }
    )
    store = SessionStore(app_data_dir)
    try:
        store.save(ada)
    finally:
        store.close()
    return ada


def test_agenda_editor_with_a_flagged_question(
    snap_compare, make_app, store_session, wait_until, settle, no_blinking
):
    store_session(KATHERINE, "Katherine Johnson", "NASA Langley", "Mathematician")

    async def run_before(pilot) -> None:
        app = pilot.app
        await settle(pilot)
        await pilot.press("e")  # edit the preparation
        await wait_until(pilot, lambda: isinstance(app.screen, SetupScreen))
        no_blinking(app.screen)
        await pilot.press("ctrl+e")
        await wait_until(pilot, lambda: isinstance(app.screen, AgendaEditorScreen))
        editor = app.screen
        no_blinking(editor)
        await pilot.press("q")
        await wait_until(pilot, lambda: isinstance(app.screen, QuestionDialog))
        no_blinking(app.screen)
        await paste(pilot, "What salary do you earn?")
        await pilot.press("enter")
        await wait_until(pilot, lambda: app.screen is editor)
        # It lands where its phase and priority put it, above the cut, highlighted: the lint
        # line under the lists gives the reason it is flagged.
        own = next(i for i, item in enumerate(editor.session.agenda) if item.own)
        assert own < editor.session.cut_index
        agenda = editor.query_one("#agenda")
        assert agenda.question_at(agenda.highlighted) == own
        await settle(pilot)

    assert snap_compare(make_app(), terminal_size=SIZE, run_before=run_before)


def test_wrap_up_referrals_and_follow_ups(
    snap_compare, make_app, ada_wrapped_up, wait_until, settle, no_blinking
):
    async def run_before(pilot) -> None:
        app = pilot.app
        await settle(pilot)
        await pilot.press("v")
        await wait_until(pilot, lambda: isinstance(app.screen, SessionViewScreen))
        await pilot.press("w")
        await wait_until(pilot, lambda: isinstance(app.screen, WrapUpScreen))
        no_blinking(app.screen)
        await pilot.press(*["tab"] * 5)  # down to the referral box; the page scrolls
        assert app.focused.id == "referral"
        await paste(pilot, "Mary Somerville — maths outreach")
        await pilot.press("enter")
        # Scroll to the bottom (a mouse wheel would) to show both follow-up dates.
        app.screen.query_one("#wrap-up").scroll_end(animate=False, immediate=True)
        await settle(pilot)

    assert snap_compare(make_app(), terminal_size=SIZE, run_before=run_before)


def test_search_results(
    snap_compare, make_app, store_session, ada_wrapped_up, wait_until, settle, no_blinking
):
    store_session(
        GRACE,
        "Grace Hopper",
        "Navy Labs",
        "Compiler lead",
        when=datetime(2026, 3, 5, 14, 0),
        status="ended",
        asked=(0, 1, 2),
        notes={2: "Find mentorship early; compilers can wait."},
        elapsed=600,
    )

    async def run_before(pilot) -> None:
        app = pilot.app
        await settle(pilot)
        await pilot.press("slash")
        await wait_until(pilot, lambda: isinstance(app.screen, SearchScreen))
        no_blinking(app.screen)
        await pilot.press(*"mentor")
        hits = app.screen.query_one("#hits")
        await wait_until(pilot, lambda: hits.option_count == 2)
        await settle(pilot)

    assert snap_compare(make_app(), terminal_size=SIZE, run_before=run_before)


def test_thank_you_note_dialog(
    snap_compare, make_app, ada_wrapped_up, wait_until, settle, no_blinking
):
    async def run_before(pilot) -> None:
        app = pilot.app
        await settle(pilot)
        # The day after the call, so the note says "yesterday" on every run.
        session = app.workspace.load(ADA)
        app.push_screen(WrapUpScreen(session, today=date(2026, 3, 3)))
        await wait_until(pilot, lambda: isinstance(app.screen, WrapUpScreen))
        no_blinking(app.screen)
        # Focus scrolls the wrap-up with an animation; let it end so the page behind the
        # dialog stands still at the same place on every run.
        await pilot.wait_for_scheduled_animations()
        await pilot.press("ctrl+y")
        await wait_until(pilot, lambda: isinstance(app.screen, TemplateDialog))
        no_blinking(app.screen)
        await pilot.wait_for_scheduled_animations()
        await settle(pilot)

    assert snap_compare(make_app(), terminal_size=SIZE, run_before=run_before)

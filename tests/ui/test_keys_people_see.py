"""Keys a person can find and trust, at 80x24 (issue 9): footers that show what matters at
80 columns and the rest when wider, F1 (and ``?``) listing every key, a filter box that lets
go of escape and ``/``, a due list that marks only the item on screen and can take it back,
and template buttons that work when clicked.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest
from textual.containers import VerticalScroll
from textual.widgets import Button, Input, OptionList, TextArea
from ui_helpers import open_app, type_text

from interview_tui.models import FollowUp, Referral
from interview_tui.storage.store import SessionStore
from interview_tui.ui.dialogs.help_dialog import HelpDialog, sections
from interview_tui.ui.dialogs.template_dialog import TemplateDialog
from interview_tui.ui.screens.agenda_editor import AgendaEditorScreen
from interview_tui.ui.screens.search import SearchScreen
from interview_tui.ui.screens.session_view import SessionViewScreen
from interview_tui.ui.screens.setup import SetupScreen
from interview_tui.ui.screens.start import StartScreen
from interview_tui.ui.screens.wrap_up import WrapUpScreen
from interview_tui.ui.widgets.key_footer import KeyFooter

SIZE = (80, 24)
ADA = "20260302-100000-ada001"
KATHERINE = "20260309-093000-kathy1"


def footer_line(text: str) -> str:
    return text.rstrip("\n").splitlines()[-1]


@pytest.fixture
def two_sessions(store_session):
    store_session(
        ADA,
        "Ada Lovelace",
        "Engines",
        when=datetime(2026, 3, 2, 10, 0),
        status="ended",
        asked=(0, 1, 2),
        notes={2: "Two days of modelling, one of reviews."},
        elapsed=600,
    )
    store_session(KATHERINE, "Katherine Johnson", "NASA", when=datetime(2026, 3, 9, 9, 30))


@pytest.fixture
def ada_due(two_sessions, app_data_dir):
    """Three things due for Ada: reach out to the person she recommended (since the call),
    her thank-you (overdue since yesterday) and a check-in (today)."""
    store = SessionStore(app_data_dir)
    try:
        ada = store.load(ADA)
        ada.followups = [
            FollowUp(kind="thank-you", due=date.today() - timedelta(days=1)),
            FollowUp(kind="check-in", due=date.today()),
        ]
        ada.referrals = [Referral(name="Charles Babbage")]
        store.save(ada)
    finally:
        store.close()


# -- footers ----------------------------------------------------------------------------------


async def test_the_start_footer_shows_what_matters_at_80_and_every_key_at_120(
    make_app, two_sessions, screen_text
):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_app(pilot)
        footer = footer_line(screen_text(app))
        for key in ("n New", "o Open", "v View", "/ Search", "p People", "f1 Keys"):
            assert key in footer, footer
        assert "x Done" not in footer  # nothing is due

    app = make_app()
    async with app.run_test(size=(120, 30)) as pilot:
        await open_app(pilot)
        footer = footer_line(screen_text(app))
        for key in ("e Edit", "m Mail", "c Status", "f Filter", "s Sort", "X Export all", "^p"):
            assert key in footer, footer


async def test_the_agenda_editor_and_wrap_up_footers_at_80_columns(
    make_app, two_sessions, wait_until, screen_text
):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_app(pilot)
        await pilot.press("e")  # Katherine's preparation
        await wait_until(pilot, lambda: isinstance(app.screen, SetupScreen))
        await pilot.press("ctrl+e")
        await wait_until(pilot, lambda: isinstance(app.screen, AgendaEditorScreen))
        await pilot.pause()
        footer = footer_line(screen_text(app))
        for key in ("^s Done", "d Drop", "p Pin", "+ - Priority", "] [ ±½ min", "^↑ ^↓ Move"):
            assert key in footer, footer
        assert "s Sort" in footer and "f1 Keys" in footer, footer
        assert len(footer.rstrip()) <= 80

        await pilot.press("escape", "escape")
        await wait_until(pilot, lambda: isinstance(app.screen, StartScreen))
        await pilot.press("down", "v")  # Ada's page, then her wrap-up
        await wait_until(pilot, lambda: isinstance(app.screen, SessionViewScreen))
        await pilot.press("w")
        await wait_until(pilot, lambda: isinstance(app.screen, WrapUpScreen))
        await pilot.pause()
        footer = footer_line(screen_text(app))
        for key in ("^y Thank-you", "^s Done", "esc Back", "f1 Keys"):
            assert key in footer, footer
        await pilot.press("escape")  # escape saves and goes back, as the footer says
        await wait_until(pilot, lambda: isinstance(app.screen, StartScreen))


async def test_the_footer_draws_again_when_the_terminal_narrows(
    make_app, two_sessions, wait_until, screen_text
):
    app = make_app()
    async with app.run_test(size=(120, 30)) as pilot:
        await open_app(pilot)
        footer = app.screen.query_one(KeyFooter)
        assert "advance_status" in footer.shown
        await pilot.resize_terminal(80, 24)
        await wait_until(pilot, lambda: "advance_status" not in footer.shown)
        assert "search" in footer.shown
        assert len(footer_line(screen_text(app)).rstrip()) <= 80


# -- the help screen --------------------------------------------------------------------------


async def test_f1_lists_every_key_of_the_screen_and_the_app_and_scrolls(
    make_app, two_sessions, wait_until, screen_text
):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_app(pilot)
        await pilot.press("f1")
        await wait_until(pilot, lambda: isinstance(app.screen, HelpDialog))
        await pilot.pause()
        text = screen_text(app)
        assert "Keys · Sessions" in text
        assert "New: Prepare a new session" in text
        scroll = app.screen.query_one("#help-keys", VerticalScroll)
        assert app.focused is scroll and scroll.max_scroll_y > 0
        await pilot.press("end")
        await wait_until(pilot, lambda: scroll.scroll_y == scroll.max_scroll_y)
        await pilot.pause()
        text = screen_text(app)
        assert "Lists, pages and fields" in text
        assert "Scroll a page or a list a screenful" in text
        # Everything the footer had no room for is in the list.
        listed = sections(app.screen.for_screen)
        keys = {row.keys for _title, rows in listed for row in rows}
        assert {"c", "f", "s", "X", "^q", "f1", "?", "^p", "/ / ^f"} <= keys
        await pilot.press("escape")
        await wait_until(pilot, lambda: isinstance(app.screen, StartScreen))

        await pilot.press("question_mark")  # ? works where no text box has focus
        await wait_until(pilot, lambda: isinstance(app.screen, HelpDialog))
        await pilot.press("f1")  # and F1 again closes it
        await wait_until(pilot, lambda: isinstance(app.screen, StartScreen))


async def test_help_over_the_call_lists_the_call_keys_and_question_mark_stays_text(
    make_app, two_sessions, wait_until, screen_text
):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_app(pilot)
        await pilot.press("o")  # Katherine's planned call
        await wait_until(pilot, lambda: type(app.screen).__name__ == "LiveScreen")
        live = app.screen
        await pilot.pause()
        note = app.focused
        assert isinstance(note, TextArea)
        await pilot.press("question_mark")
        assert not isinstance(app.screen, HelpDialog)
        assert note.text.endswith("?")
        await pilot.press("f1")
        await wait_until(pilot, lambda: isinstance(app.screen, HelpDialog))
        await pilot.pause()
        text = screen_text(app)
        assert "Keys · Live call" in text
        assert "^n / f2" in text and "Mark the question asked and move on" in text
        await pilot.press("escape")
        await wait_until(pilot, lambda: app.screen is live)


# -- the filter box ---------------------------------------------------------------------------


async def test_escape_leaves_the_filter_and_slash_opens_search(
    make_app, two_sessions, wait_until, screen_text
):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_app(pilot)
        screen = app.screen
        sessions = screen.query_one("#sessions")
        box = screen.query_one("#filter", Input)
        await pilot.press("f")
        assert app.focused is box
        await type_text(pilot, "ada")
        assert sessions.row_count == 1
        assert "Sessions (1 of 2)" in screen_text(app)
        await pilot.press("escape")
        assert app.focused is sessions
        assert box.value == "" and sessions.row_count == 2

        await pilot.press("f", *"kat", "enter")  # enter keeps the filter, back to the list
        assert app.focused is sessions and sessions.row_count == 1
        await pilot.press("f", "slash")
        await wait_until(pilot, lambda: isinstance(app.screen, SearchScreen))
        assert box.value == "kat"  # "/" was not typed into it


# -- the due list -----------------------------------------------------------------------------


async def test_x_marks_only_the_highlighted_due_item_and_u_takes_it_back(
    make_app, ada_due, app_data_dir, wait_until, screen_text
):
    def stored():
        store = SessionStore(app_data_dir, read_only=True)
        try:
            return store.load(ADA)
        finally:
            store.close()

    def highlighted(due: OptionList) -> str:
        return str(due.get_option_at_index(due.highlighted).prompt)

    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_app(pilot)
        screen = app.screen
        due = screen.query_one("#due", OptionList)
        await wait_until(pilot, lambda: due.option_count == 3)
        assert app.focused is screen.query_one("#sessions")
        text = screen_text(app)
        assert "Reach out to Charles Babbage" in text
        assert "Send a thank-you note to Ada Lovelace" in text
        assert "x Done" in footer_line(text)

        # From the session list the first x only moves to the due list, highlighting a row.
        await pilot.press("x")
        assert app.focused is due and due.highlighted == 0
        assert "Reach out to Charles Babbage" in highlighted(due)
        assert due.option_count == 3
        assert not any(f.done for f in stored().followups)
        assert not stored().referrals[0].contacted

        await pilot.press("down")  # the thank-you, highlighted on screen, is the one marked
        assert "Send a thank-you note" in highlighted(due)
        await pilot.press("x")
        await wait_until(pilot, lambda: due.option_count == 2)
        text = screen_text(app)
        assert "Send a thank-you note to Ada Lovelace" not in text
        assert "Reach out to Charles Babbage" in text and "Check in with Ada Lovelace" in text
        ada = stored()
        assert [(f.kind, f.done) for f in ada.followups] == [
            ("thank-you", True),
            ("check-in", False),
        ]
        assert ada.contact_status == "thanked" and not ada.referrals[0].contacted
        assert app.focused is due and due.highlighted is not None
        assert "u Undo" in footer_line(screen_text(app))

        await pilot.press("u")  # a mistake: back it comes, highlighted
        await wait_until(pilot, lambda: due.option_count == 3)
        assert app.focused is due
        assert "Send a thank-you note" in highlighted(due)
        ada = stored()
        assert not any(f.done for f in ada.followups)
        assert ada.contact_status == "interviewed"
        assert "u Undo" not in footer_line(screen_text(app))


# -- template dialog buttons and the thank-you draft -------------------------------------------


async def open_thank_you(pilot, wait_until) -> TemplateDialog:
    app = pilot.app
    await open_app(pilot)
    app.push_screen(WrapUpScreen(app.workspace.load(ADA), today=date(2026, 3, 3)))
    await wait_until(pilot, lambda: isinstance(app.screen, WrapUpScreen))
    await pilot.press("ctrl+y")
    await wait_until(pilot, lambda: isinstance(app.screen, TemplateDialog))
    await pilot.pause()
    return app.screen


async def test_template_buttons_copy_mark_sent_and_close_when_clicked(
    make_app, two_sessions, clipboard, wait_until
):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        dialog = await open_thank_you(pilot, wait_until)
        wrap = app.screen_stack[-2]
        draft = dialog.query_one("#template-text", TextArea)
        for button in dialog.query(Button):
            assert button.region.area > 0, button.id  # on screen at 80x24, to be clicked

        await pilot.click("#copy")
        await wait_until(pilot, lambda: dialog.copied)
        assert clipboard == [draft.text]
        assert app.screen is dialog  # Copy keeps the dialog open

        await pilot.click("#close")
        await wait_until(pilot, lambda: app.screen is wrap)
        assert wrap.session.contact_status != "thanked"

        await pilot.press("ctrl+y")
        await wait_until(pilot, lambda: isinstance(app.screen, TemplateDialog))
        await pilot.pause()
        await pilot.click("#sent")
        await wait_until(pilot, lambda: app.screen is wrap)
        assert len(clipboard) == 2
        assert wrap.session.contact_status == "thanked"


async def test_the_thank_you_draft_reads_whole_and_copies_as_edited(
    make_app, store_session, clipboard, wait_until, screen_text, app_data_dir
):
    store_session(
        ADA,
        "Ada Lovelace",
        "Engines",
        "Research engineer",
        when=datetime(2026, 3, 2, 10, 0),
        status="ended",
        asked=(0, 1, 2, 3),
        notes={
            0: "She has a hard stop at 10:25, keep it short",
            2: "Two days of modelling, one of reviews",
        },
        elapsed=600,
    )
    store = SessionStore(app_data_dir)
    try:
        ada = store.load(ADA)
        ada.agenda[2].text = "How do you split research vs. delivery time on a typical sprint?"
        ada.takeaways = "Start a reading group\nWrite small notes often\nAsk for reviews early"
        store.save(ada)
    finally:
        store.close()
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        dialog = await open_thank_you(pilot, wait_until)
        draft = dialog.query_one("#template-text", TextArea)
        text = draft.text
        assert "half hour" not in text and "hard stop" not in text  # logistics, raw notes
        assert "Two days of modelling" not in text
        assert '"How do you split research vs. delivery time on a typical sprint?"' in text
        assert (
            "- Start a reading group.\n- Write small notes often.\n- Ask for reviews early." in text
        )
        shown = screen_text(app)
        assert "Thank you for taking the time to talk with me yesterday." in shown
        assert "A draft: edit it here." in shown

        assert app.focused is draft  # the draft is ready for editing
        draft.move_cursor(draft.document.end)  # below the sign-off
        await type_text(pilot, "P.S. Loved the orrery.")
        await pilot.press("ctrl+y")
        await wait_until(pilot, lambda: dialog.copied)
        assert clipboard[-1].endswith("P.S. Loved the orrery.")
        assert clipboard[-1] == draft.text

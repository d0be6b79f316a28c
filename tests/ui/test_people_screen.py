"""The People screen and a person's page, driven by keys at 80x24 and read off the screen.

The people come from ``tests/people_data.py``: Ada introduced Grace, Grace introduced
``Lee Dev[/ops]``; Ada has a held and a planned conversation.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest
from people_data import ADA_ID, CLICK_NAME, GRACE_ID, HOSTILE_NAME, LEE_ID, store_people
from textual.widgets import Input, Tree
from ui_helpers import open_app, recording_app, type_text

from interview_tui.models import Contact, Session
from interview_tui.people import log_interaction
from interview_tui.service import Workspace
from interview_tui.storage import store as store_module
from interview_tui.ui import keymap
from interview_tui.ui.commands import ScreenActionsProvider
from interview_tui.ui.dialogs.help_dialog import HelpDialog
from interview_tui.ui.dialogs.log_touch_dialog import LogTouchDialog
from interview_tui.ui.dialogs.person_dialog import PersonDialog
from interview_tui.ui.screens.people import PeopleScreen
from interview_tui.ui.screens.person import PersonScreen
from interview_tui.ui.screens.session_view import SessionViewScreen
from interview_tui.ui.screens.setup import SetupScreen
from interview_tui.ui.screens.start import StartScreen
from interview_tui.ui.widgets.people_table import PeopleTable

SIZE = (80, 24)


@pytest.fixture
def people(app_data_dir):
    store_people(app_data_dir)


async def open_people(pilot) -> PeopleScreen:
    app = pilot.app
    await open_app(pilot)
    await pilot.press("p")
    await pilot.app.workers.wait_for_complete()
    screen = app.screen
    assert isinstance(screen, PeopleScreen)
    while not screen.loaded:
        await pilot.pause(0.02)
    await pilot.pause()
    return screen


async def open_person(pilot, name: str) -> PersonScreen:
    """From the People screen: filter to ``name`` and press enter."""
    await pilot.press("slash")
    await type_text(pilot, name)
    await pilot.press("enter", "enter")
    await pilot.pause()
    screen = pilot.app.screen
    assert isinstance(screen, PersonScreen), screen
    return screen


def listed(screen: PeopleScreen) -> list[str]:
    table = screen.query_one(PeopleTable)
    return [row.name for row in table.rows]


async def test_acme_finds_every_spelling_of_acme_and_the_title_counts(
    make_app, people, screen_text
):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_people(pilot)
        text = screen_text(app)
        assert "People (7) · 2 due · by name" in text
        for header in ("Name", "Company", "Status", "Last contact", "Next touch"):
            assert header in text
        assert "p People" not in text  # the People screen's own footer, not the start one's

        await pilot.press("slash")
        await type_text(pilot, "acme")
        shown = screen_text(app)
        assert "People (3 of 7) · 2 due" in shown
        assert sorted(listed(screen)) == ["Ada Lovelace", "Dorothy Vaughan", "Grace Hopper"]
        for company in ("Acme, Inc.", "ACME Corp", "acme analytics"):
            assert company in shown
        assert "NASA Langley" not in shown

        await pilot.press("escape")  # clears the filter, back on the list
        assert screen.query_one("#filter", Input).value == ""
        assert "People (7)" in screen_text(app)
        await pilot.press("escape")  # and from the list, back to the sessions
        assert isinstance(app.screen, StartScreen)


async def test_sort_cycles_through_next_touch_and_last_contact(make_app, people, screen_text):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_people(pilot)
        assert listed(screen)[0] == "Ada Lovelace"
        await pilot.press("s")
        assert "by next touch" in screen_text(app)
        assert listed(screen)[:2] == ["Ada Lovelace", "Grace Hopper"]  # 2026-06-02, 06-09
        await pilot.press("s")
        assert "by last contact" in screen_text(app)
        assert listed(screen)[:2] == ["Grace Hopper", "Ada Lovelace"]  # 04-10, then 03-04


async def test_hostile_names_are_drawn_as_typed_in_the_list_and_on_the_page(
    make_app, people, screen_text
):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_people(pilot)
        text = screen_text(app)
        assert HOSTILE_NAME in text and CLICK_NAME in text and "[b]" in text
        await open_person(pilot, "lee")
        page = screen_text(app)
        assert HOSTILE_NAME in page and "[b]" in page
        assert app.is_running  # [@click=app.quit] quit nothing


async def test_a_person_page_shows_conversations_and_the_referral_chain(
    make_app, people, screen_text
):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_people(pilot)
        page = await open_person(pilot, "grace")
        text = screen_text(app)
        assert "Compiler lead · ACME Corp" in text
        assert "every 60 days" in text and "2026-06-09" in text
        # Up the chain Ada, then Grace (this page), then whom Grace introduced.
        lines = text.splitlines()
        ada = next(i for i, line in enumerate(lines) if "Ada Lovelace · Acme, Inc." in line)
        assert "Grace Hopper" in lines[ada + 1] and "this page" in lines[ada + 1]
        assert HOSTILE_NAME in lines[ada + 2]

        tree = page.query_one("#introductions", Tree)
        tree.focus()
        tree.move_cursor(tree.root)  # Ada, the introducer at the top
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, PersonScreen) and app.screen.person_id == ADA_ID
        text = screen_text(app)
        assert "Conversations (2)" in text
        assert "held 2026-03-02" in text and "sched. 2026-06-01" in text
        assert text.index("sched. 2026-06-01") < text.index("held 2026-03-02")  # newest first
        assert "Follow-ups (1 open)" in text
        assert "2026-06-02  Check in with Ada Lovelace" in text

        await pilot.press("escape")
        assert isinstance(app.screen, PersonScreen) and app.screen.person_id == GRACE_ID


async def test_enter_on_a_held_conversation_opens_its_page(make_app, people, wait_until):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_people(pilot)
        await open_person(pilot, "ada")
        await pilot.press("down", "enter")  # the second row: the call held on 2 March
        await wait_until(pilot, lambda: isinstance(app.screen, SessionViewScreen))
        assert app.screen.session.id == "20260302-100000-ada001"


async def test_n_prepares_a_session_with_the_person_filled_in(
    make_app, people, app_data_dir, wait_until, screen_text
):
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await open_people(pilot)
        await open_person(pilot, "grace")
        await pilot.press("n")
        await wait_until(pilot, lambda: isinstance(app.screen, SetupScreen))
        setup = app.screen
        await pilot.pause()
        assert setup.query_one("#name", Input).value == "Grace Hopper"
        assert setup.query_one("#company", Input).value == "ACME Corp"
        text = screen_text(app)
        assert "New session" in text and "Grace Hopper" in text and "ACME Corp" in text
        await wait_until(pilot, lambda: app.banks is not None)
        await pilot.press("ctrl+s")
        await wait_until(pilot, lambda: isinstance(app.screen, PersonScreen))
        await pilot.pause()
        assert "Conversations (1)" in screen_text(app)
    workspace = Workspace.open(app_data_dir)
    try:
        [row] = workspace.sessions_of(GRACE_ID)
        assert workspace.load(row["id"]).contact.name == "Grace Hopper"
    finally:
        workspace.close()


async def test_logging_a_touch_moves_the_next_touch(make_app, people, app_data_dir, screen_text):
    app = make_app()
    today = date.today()
    async with app.run_test(size=SIZE) as pilot:
        await open_people(pilot)
        await open_person(pilot, "grace")
        assert "2026-06-09" in screen_text(app)
        await pilot.press("l")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, LogTouchDialog)
        assert dialog.query_one("#touch-day", Input).value == f"{today:%Y-%m-%d}"
        await type_text(pilot, "coffee near the office")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, PersonScreen)
        due = today + timedelta(days=60)
        text = screen_text(app)
        assert f"Next touch  {due:%Y-%m-%d} · every 60 days" in text
        assert "coffee near the office" in text
    workspace = Workspace.open(app_data_dir)
    try:
        grace = workspace.person(GRACE_ID)
        assert grace is not None and grace.interactions[-1].line == "coffee near the office"
        assert grace.status == "keeping in touch"
    finally:
        workspace.close()


async def test_a_day_that_is_not_a_day_is_said_in_place(make_app, people, screen_text):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_people(pilot)
        await open_person(pilot, "grace")
        await pilot.press("l")
        await pilot.pause()
        app.screen.query_one("#touch-day", Input).value = "yesterday"
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, LogTouchDialog)
        assert "yesterday is not a day: write it as YYYY-MM-DD" in screen_text(app)


async def test_editing_saves_fields_and_shows_a_bad_cadence_in_place(
    make_app, people, app_data_dir, screen_text
):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_people(pilot)
        await open_person(pilot, "lee")
        await pilot.press("e")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, PersonDialog)
        assert dialog.query_one("#name", Input).value == HOSTILE_NAME
        dialog.query_one("#cadence_days", Input).value = "3"
        dialog.query_one("#role", Input).value = "Platform engineer"
        dialog.query_one("#tags", Input).value = "devops, mentor, , DevOps"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, PersonDialog)  # refused, with the reason by the field
        assert "between 7 and 730 days" in screen_text(app)

        dialog.query_one("#cadence_days", Input).value = "45"
        dialog.query_one("#name", Input).value = "  "
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "a name is needed" in screen_text(app)

        dialog.query_one("#name", Input).value = HOSTILE_NAME
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, PersonScreen)
        text = screen_text(app)
        assert "Platform engineer · [b]" in text and "devops, mentor" in text
        assert "after a call · every 45 days" in text  # not met yet: no next touch
    workspace = Workspace.open(app_data_dir)
    try:
        lee = workspace.person(LEE_ID)
        assert lee is not None
        assert (lee.name, lee.role, lee.tags, lee.cadence_days) == (
            HOSTILE_NAME,
            "Platform engineer",
            ["devops", "mentor"],
            45,
        )
    finally:
        workspace.close()


async def test_a_read_only_folder_refuses_edits_saying_why(
    app_data_dir, people, monkeypatch: pytest.MonkeyPatch, screen_text
):
    monkeypatch.setattr(store_module, "_writable", lambda folder: False)
    app = recording_app(app_data_dir)
    async with app.run_test(size=SIZE) as pilot:
        await open_people(pilot)
        assert app.workspace is not None and app.workspace.read_only
        page = await open_person(pilot, "grace")
        for key in ("e", "l", "n"):
            app.messages.clear()
            await pilot.press(key)
            await pilot.pause()
            assert app.screen is page, key
            [message] = app.messages
            assert message.startswith("Read-only:") and "cannot be saved here" in message


async def test_people_and_person_keys_are_in_the_palette_footer_and_help(
    make_app, people, screen_text
):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_app(pilot)
        assert "People" in {str(hit.display) for hit in await _discover(app.screen)}
        assert "p People" in screen_text(app).splitlines()[-1]

        await open_people(pilot)
        page = await open_person(pilot, "grace")
        footer = screen_text(app).splitlines()[-1]
        for key in ("n New session", "l Log touch", "e Edit", "esc Back"):
            assert key in footer, footer
        hits = {str(hit.display) for hit in await _discover(page)}
        for row in keymap.PERSON:
            assert row.label in hits

        await pilot.press("f1")
        await pilot.pause()
        assert isinstance(app.screen, HelpDialog)
        text = screen_text(app)
        assert "Keys · Person page" in text
        for row in keymap.PERSON:
            assert row.help in text, row.help


async def _discover(screen) -> list:
    return [hit async for hit in ScreenActionsProvider(screen).discover()]


async def test_an_edit_the_disk_refuses_keeps_the_form_open_with_what_was_typed(
    make_app, people, app_data_dir, screen_text, monkeypatch
):
    from interview_tui.storage import people_store

    app = make_app()
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await open_people(pilot)
        await open_person(pilot, "lee")
        await pilot.press("e")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, PersonDialog)

        def full(path, data):
            raise OSError(28, "No space left on device")

        monkeypatch.setattr(people_store, "safe_write", full)
        dialog.query_one("#role", Input).value = "Staff engineer, typed with care"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is dialog
        assert dialog.query_one("#role", Input).value == "Staff engineer, typed with care"
        assert "No space left on device" in screen_text(app)

        monkeypatch.undo()
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, PersonScreen)
        assert "Staff engineer, typed with care" in screen_text(app)


async def test_the_last_line_of_a_long_person_page_is_reached_by_keys_at_80x24(
    make_app, app_data_dir, screen_text
):
    workspace = Workspace.open(app_data_dir)
    call = Session(
        contact=Contact(name="Hedy Lamarr", company="Signals"),
        status="ended",
        started_at=datetime(2026, 3, 2, 10),
    )
    workspace.save(call)
    hedy = workspace.person(call.person_id)
    assert hedy is not None
    for day in range(1, 16):  # more interactions than the page has room for
        log_interaction(hedy, date(2025, 1, day), "check-in", f"touch {day:02d}")
    workspace.save_person(hedy)
    workspace.close()

    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_people(pilot)
        screen = await open_person(pilot, "Hedy")
        assert app.focused is screen.query_one("#conversations")  # where the page starts
        assert "touch 01" not in screen_text(app)  # the oldest, at the foot of the page
        await pilot.press("end")
        await pilot.pause()
        assert "touch 01" in screen_text(app)
        await pilot.press("home")
        await pilot.pause()
        assert "Hedy Lamarr" in screen_text(app) and "touch 01" not in screen_text(app)
        for _ in range(40):  # Down past the last conversation goes on down the page
            await pilot.press("down")
        await pilot.pause()
        assert "touch 01" in screen_text(app)

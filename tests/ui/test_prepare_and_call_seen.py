"""Pilot tests of issue 9's Prepare and live-call items, checking what a person sees at 80x24
and 60x20: tick-boxes whose glyph says ticked or not, escape on a filled form asking first,
the highlighted question shown in full, no keystroke lost to the agenda during a call, and a
live footer that cuts no word in half.

Screens are read as plain text (``screen_text``), so nothing here relies on colour.
"""

from __future__ import annotations

import re

import pytest
from textual.widgets import Button, SelectionList, TextArea

from interview_tui.ui import keymap
from interview_tui.ui.dialogs.leave_form_dialog import LeaveFormDialog
from interview_tui.ui.screens.agenda_editor import AgendaEditorScreen
from interview_tui.ui.screens.live import LiveScreen
from interview_tui.ui.screens.setup import PREVIEW_DELAY, SetupScreen
from interview_tui.ui.screens.start import StartScreen
from interview_tui.ui.widgets.agenda_list import AgendaList
from interview_tui.ui.widgets.key_footer import KeyFooter

SIZES = [(80, 24), (60, 20)]
KATHERINE = "20260309-093000-kathy1"


def shown_in_full(screen: str, text: str, after: str = "") -> bool:
    """True when ``text`` reads whole on ``screen``, wrapped over consecutive lines; with
    ``after``, only what each line shows right of its last ``after`` (a pane's border)."""
    parts = []
    for line in screen.splitlines():
        if after:
            if after not in line:
                continue
            line = line.rsplit(after, 1)[1]
        parts.append(line.strip())
    return text in re.sub(r"\s+", " ", " ".join(parts))


async def open_app(pilot, wait_until) -> None:
    await wait_until(pilot, lambda: pilot.app.ready)
    await pilot.pause()


async def new_session(pilot, wait_until) -> SetupScreen:
    await open_app(pilot, wait_until)
    await pilot.press("n")
    await wait_until(pilot, lambda: isinstance(pilot.app.screen, SetupScreen))
    await wait_until(pilot, lambda: pilot.app.screen.query_one("#banks", SelectionList).selected)
    await pilot.pause()
    return pilot.app.screen


@pytest.fixture
def katherine(store_session):
    return store_session(KATHERINE, "Katherine Johnson", "NASA Langley", "Mathematician")


# -- tick-boxes ----------------------------------------------------------------------------------


@pytest.mark.parametrize("size", SIZES)
async def test_ticked_and_unticked_boxes_differ_in_glyph_not_only_colour(
    make_app, wait_until, screen_text, size
):
    app = make_app()
    async with app.run_test(size=size) as pilot:
        setup = await new_session(pilot, wait_until)
        goals = setup.query_one("#goals", SelectionList)
        goals.focus()
        await pilot.press("home", "down", "space")  # networking
        await pilot.pause()
        assert goals.selected == ["networking"]
        lines = screen_text(app).splitlines()

        def box(label: str) -> str:
            line = next(line for line in lines if label in line)
            return line[: line.index(label)].strip()

        assert box("networking") == "▐X▌"
        assert box("career exploration") == "▐ ▌"
        assert box("company insight") == "▐ ▌"

        # Unticking draws the empty box again.
        await pilot.press("space")
        await pilot.pause()
        lines = screen_text(app).splitlines()
        assert box("networking") == "▐ ▌"

        # The banks, all ticked by default, show the mark; one unticked shows it empty.
        banks = setup.query_one("#banks", SelectionList)
        banks.focus()
        await pilot.press("home", "space")
        await pilot.pause()
        first = str(banks.get_option_at_index(0).prompt)
        second = str(banks.get_option_at_index(1).prompt)
        lines = screen_text(app).splitlines()
        assert box(first) == "▐ ▌"
        assert box(second) == "▐X▌"


# -- escape on the Prepare form ------------------------------------------------------------------


async def test_escape_on_an_untouched_form_closes_it_at_once(make_app, katherine, wait_until):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await new_session(pilot, wait_until)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, StartScreen)

        # Typing and taking it back again leaves nothing to lose.
        await pilot.press("n")
        await wait_until(pilot, lambda: isinstance(app.screen, SetupScreen))
        await pilot.pause()
        await pilot.press("x", "backspace", "escape")
        await pilot.pause()
        assert isinstance(app.screen, StartScreen)

        # Opening a stored session's preparation and changing nothing.
        await pilot.press("e")
        await wait_until(pilot, lambda: isinstance(app.screen, SetupScreen))
        await pilot.pause(PREVIEW_DELAY + 0.1)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, StartScreen)


@pytest.mark.parametrize("size", SIZES)
async def test_escape_on_a_filled_form_asks_and_keep_editing_loses_nothing(
    make_app, wait_until, screen_text, size
):
    app = make_app()
    async with app.run_test(size=size) as pilot:
        setup = await new_session(pilot, wait_until)
        await pilot.press(*"Grace Hopper", "escape")
        await pilot.pause()
        assert isinstance(app.screen, LeaveFormDialog)
        seen = screen_text(app)
        assert "Leave without saving?" in seen
        for label in ("Keep editing", "Save for later", "Discard"):
            assert label in seen
        assert app.focused is app.screen.query_one("#keep", Button)

        # escape (or "Keep editing") goes back to the form as it was.
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is setup
        assert setup.query_one("#name").value == "Grace Hopper"
        assert "Grace Hopper" in screen_text(app)

        # Ticking a goal alone also counts as something to lose.
        await pilot.press("ctrl+a", "backspace")
        goals = setup.query_one("#goals", SelectionList)
        goals.focus()
        await pilot.press("home", "space", "escape")
        await pilot.pause()
        assert isinstance(app.screen, LeaveFormDialog)
        await pilot.click("#keep")
        await pilot.pause()
        assert app.screen is setup
        assert goals.selected == ["career exploration"]


async def test_discard_throws_the_form_away_and_save_keeps_it(
    make_app, app_data_dir, wait_until, screen_text
):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await new_session(pilot, wait_until)
        await pilot.press(*"Grace Hopper", "escape")
        await pilot.pause()
        await pilot.press("d")
        await pilot.pause()
        assert isinstance(app.screen, StartScreen)
        assert "Grace Hopper" not in screen_text(app)
        assert not list((app_data_dir / "sessions").glob("*.json"))

        await pilot.press("n")
        await wait_until(pilot, lambda: isinstance(app.screen, SetupScreen))
        await pilot.pause()
        await pilot.press(*"Alan Kay", "escape")
        await pilot.pause()
        await pilot.click("#save")
        await wait_until(pilot, lambda: isinstance(app.screen, StartScreen))
        await pilot.pause()
        assert "Alan Kay" in screen_text(app)
        assert len(list((app_data_dir / "sessions").glob("*.json"))) == 1


async def test_save_from_the_question_on_a_form_without_a_name_stays_and_says_why(
    make_app, wait_until, screen_text
):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        setup = await new_session(pilot, wait_until)
        await pilot.press("tab", *"Engineer", "escape")
        await pilot.pause()
        await pilot.press("s")
        await pilot.pause()
        assert app.screen is setup
        assert app.focused is setup.query_one("#name")
        assert "Name:" in screen_text(app)
        assert setup.query_one("#role").value == "Engineer"


# -- the highlighted question in full ------------------------------------------------------------


@pytest.mark.parametrize("size", SIZES)
async def test_setup_preview_shows_the_highlighted_question_in_full(
    make_app, katherine, wait_until, screen_text, size
):
    app = make_app()
    async with app.run_test(size=size) as pilot:
        await open_app(pilot, wait_until)
        await pilot.press("e")
        await wait_until(pilot, lambda: isinstance(app.screen, SetupScreen))
        setup = app.screen
        await pilot.pause(PREVIEW_DELAY + 0.1)
        preview = setup.query_one("#preview", AgendaList)
        question = "Which skills matter most for someone starting out in this field?"
        row = next(
            i
            for i in range(preview.option_count)
            if question in str(preview.get_option_at_index(i).prompt)
        )
        assert question not in screen_text(app)  # the row is cut short
        preview.focus()
        await pilot.press("home", *["down"] * row)
        await pilot.pause()
        assert shown_in_full(screen_text(app), question, after="▏")


@pytest.mark.parametrize("size", SIZES)
async def test_agenda_editor_shows_the_highlighted_question_in_full(
    make_app, katherine, wait_until, screen_text, size
):
    app = make_app()
    async with app.run_test(size=size) as pilot:
        await open_app(pilot, wait_until)
        await pilot.press("e")
        await wait_until(pilot, lambda: isinstance(app.screen, SetupScreen))
        await pilot.pause(PREVIEW_DELAY + 0.1)
        await pilot.press("ctrl+e")
        await wait_until(pilot, lambda: isinstance(app.screen, AgendaEditorScreen))
        await pilot.pause()
        editor = app.screen
        agenda = editor.query_one("#agenda", AgendaList)
        assert app.focused is agenda
        await pilot.press("home", "down", "down")
        await pilot.pause()
        question = "What does a typical week look like in your role as Mathematician?"
        assert shown_in_full(screen_text(app), question)

        # A bank question, before it is added, reads in full too (over two lines at 80).
        await pilot.press("shift+tab")
        await wait_until(pilot, lambda: app.focused is editor.query_one("#available"))
        options = editor.query_one("#available")
        await pilot.press("down")
        await pilot.pause()
        key = options.get_option_at_index(options.highlighted).id
        item = next(it for it in editor.available if it.key == key)
        text = editor._text(item)
        assert len(text) > 60
        assert shown_in_full(screen_text(app), text)


# -- no keystroke lost during the call -----------------------------------------------------------


async def open_live(pilot, wait_until) -> LiveScreen:
    await open_app(pilot, wait_until)
    await pilot.press("o")
    await wait_until(pilot, lambda: isinstance(pilot.app.screen, LiveScreen))
    await pilot.pause()
    return pilot.app.screen


async def test_letters_typed_while_the_agenda_has_focus_go_to_the_note(
    make_app, katherine, wait_until, screen_text
):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        live = await open_live(pilot, wait_until)
        note = live.query_one("#note", TextArea)
        agenda = live.query_one(AgendaList)
        await pilot.press(*"Hard stop ")
        await pilot.press("ctrl+g")
        assert app.focused is agenda
        await pilot.press(*"at 10:25? yes")
        assert app.focused is note
        await pilot.press("tab")
        assert app.focused is agenda
        await pilot.press(*"!")
        assert app.focused is note
        assert note.text == "Hard stop at 10:25? yes!"
        assert live.session.agenda[0].note == "Hard stop at 10:25? yes!"
        assert "Hard stop at 10:25? yes!" in screen_text(app)

        # The agenda still does its own keys: enter on a question jumps to it.
        await pilot.press("ctrl+g", "down", "enter")
        await pilot.pause()
        assert live.session.current_index == 1
        assert app.focused is note


async def test_at_60x20_the_hidden_agenda_never_takes_the_focus(
    make_app, katherine, wait_until, screen_text
):
    app = make_app()
    async with app.run_test(size=(60, 20)) as pilot:
        live = await open_live(pilot, wait_until)
        note = live.query_one("#note", TextArea)
        agenda = live.query_one(AgendaList)
        assert not agenda.display
        await pilot.press("ctrl+g")
        await pilot.pause()
        assert app.focused is note
        assert "agenda is hidden" in " ".join(
            str(notification.message) for notification in app._notifications
        )
        await pilot.press(*"typed after ctrl+g", "tab", *" and tab", "f8", *" and f8")
        assert app.focused is note
        expected = "typed after ctrl+g and tab and f8"
        assert note.text == expected
        assert live.session.agenda[0].note == expected
        assert expected in screen_text(app)


async def test_narrowing_the_window_while_the_agenda_has_focus_hands_it_to_the_note(
    make_app, katherine, wait_until
):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        live = await open_live(pilot, wait_until)
        note = live.query_one("#note", TextArea)
        await pilot.press("ctrl+g")
        assert app.focused is live.query_one(AgendaList)
        await pilot.resize_terminal(60, 20)
        await pilot.pause()
        assert app.focused is note
        await pilot.press(*"still here")
        assert live.session.agenda[0].note == "still here"


# -- the live footer -----------------------------------------------------------------------------


def assert_footer_whole(app, screen, screen_text) -> KeyFooter:
    """Every entry of the footer reads whole on the last line, and nothing else is there."""
    footer_line = screen_text(app).splitlines()[-1]
    footer = screen.query_one(KeyFooter)
    entries = {entry.action: entry for entry in footer.fitting(app.size.width)}
    rest = footer_line
    for action in footer.shown:
        entry = entries[action]
        shown = f"{entry.key_display} {entry.description}"
        assert shown in rest, f"{shown!r} cut in {footer_line!r}"
        rest = rest.replace(shown, "", 1)
    assert rest.replace("▏", "").strip() == "", f"a cut entry in {footer_line!r}"
    return footer


@pytest.mark.parametrize("size", [*SIZES, (120, 36)])
async def test_the_live_footer_cuts_no_word_in_half(
    make_app, katherine, wait_until, screen_text, size
):
    app = make_app()
    async with app.run_test(size=size) as pilot:
        live = await open_live(pilot, wait_until)
        footer = assert_footer_whole(app, live, screen_text)
        footer_line = screen_text(app).splitlines()[-1]

        labels = {row.action: row.label for row in keymap.LIVE}
        must = {"mark_asked", "skip", "back", "toggle_timer", "end_call", "help"}
        assert must <= set(footer.shown), footer_line
        if size[0] >= 80:
            assert {"toggle_general", "leave", "command_palette"} <= set(footer.shown)
        if size[0] >= 120:
            assert set(labels) <= set(footer.shown)


@pytest.mark.parametrize("size", SIZES)
async def test_the_prepare_footer_cuts_no_word_in_half(make_app, wait_until, screen_text, size):
    app = make_app()
    async with app.run_test(size=size) as pilot:
        setup = await new_session(pilot, wait_until)
        footer = assert_footer_whole(app, setup, screen_text)
        assert {"save", "start_call", "edit_agenda", "help"} <= set(footer.shown)
        if size[0] >= 80:
            assert "cancel" in footer.shown

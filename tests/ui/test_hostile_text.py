"""Text is text: hostile strings through every screen, the way people and banks supply them.

Contact names, companies, notes, referrals, follow-up notes, bank names, categories,
questions, probes and tags made of ``[/]``, ``[b]``, ``[/ops]``, ``[link=x]``,
``[@click=app.quit]``, ``\\[``, ``Acme [formerly Foo]``, emoji, right-to-left text, combining
marks, a 500-character name and a name with a newline (``tests/hostile_text.py``).

Each screen must start and draw (at 80 by 24) without a MarkupError, and what its widgets draw
must hold every text as typed, or as one clean line where a line is needed (list rows,
titles). ``[@click=app.quit]`` must stay text: clicking it leaves the app running.
"""

from __future__ import annotations

from datetime import date

import pytest
from hostile_text import (
    CLICK,
    HOSTILE,
    HOSTILE_BANK_NAME,
    HOSTILE_CATEGORY,
    KITCHEN_SINK_ID,
    MARKER,
    hostile_sessions,
    missing,
    store_sessions,
    write_user_banks,
)
from rich.cells import cell_len
from rich.text import Text
from textual.content import Content
from textual.widget import Widget
from textual.widgets import Input, OptionList, SelectionList, Static, TextArea
from ui_helpers import next_tick, paste, type_text, wait_until

from interview_tui.display_text import one_line
from interview_tui.ui.dialogs.template_dialog import TemplateDialog
from interview_tui.ui.screens.agenda_editor import AgendaEditorScreen
from interview_tui.ui.screens.live import LiveScreen
from interview_tui.ui.screens.patterns import PatternsScreen
from interview_tui.ui.screens.search import SearchScreen
from interview_tui.ui.screens.session_view import SessionViewScreen
from interview_tui.ui.screens.setup import SetupScreen
from interview_tui.ui.screens.start import StartScreen
from interview_tui.ui.screens.wrap_up import WrapUpScreen
from interview_tui.ui.widgets.agenda_list import AgendaList

SIZE = (80, 24)
TYPEABLE = {key: text for key, text in HOSTILE.items() if "\n" not in text}
"""An Input keeps one line; the texts with a newline come from stored data and banks."""


# -- what the widgets draw ---------------------------------------------------------------------


def _plain(visual: object) -> str | None:
    if isinstance(visual, Content):
        return visual.plain
    if isinstance(visual, Text):
        return visual.plain
    return None


def options_as_drawn(options: OptionList) -> list[str]:
    """Each option as its list draws it (a str prompt is read as markup, as Textual does),
    where ``ui_helpers.option_texts`` gives the prompt as it is."""
    return [
        Content.from_text(options.get_option_at_index(index).prompt).plain
        for index in range(options.option_count)
    ]


def widget_text(widget: Widget) -> str | None:
    if isinstance(widget, OptionList):
        return "\n".join(options_as_drawn(widget))
    if isinstance(widget, Input):
        return widget.value
    if isinstance(widget, TextArea):
        return widget.text
    if isinstance(widget, Static) and type(widget).__name__ != "Toast":  # not exported
        return _plain(widget.visual)
    return _plain(widget.render())  # toasts, the header's title, footer keys


def drawn_text(app) -> str:
    """The text every widget of the current screen draws (its notifications included), before
    the terminal's width cuts or wraps it."""
    texts = (widget_text(widget) for widget in app.screen.query("*"))
    return "\n".join(text for text in texts if text)


def one_line_rows(options: OptionList) -> list[str]:
    """Rows of ``options`` that are not one line."""
    return [row for row in options_as_drawn(options) if "\n" in row]


async def click_on_text(pilot, screen_text, needle: str) -> None:
    """Click the first place ``needle`` shows on screen once it is drawn; fails if it is not
    drawn within ten seconds."""
    rows: list[str] = []

    def drawn_at() -> tuple[int, int] | None:
        rows[:] = screen_text(pilot.app).splitlines()
        for y, row in enumerate(rows):
            x = row.find(needle)
            if x >= 0:
                # Click on the words after the tag, where the action would be.
                return cell_len(row[:x]) + len("[@click=app.quit]") + 1, y
        return None

    try:
        await wait_until(pilot, lambda: drawn_at() is not None)
    except AssertionError:
        pytest.fail(f"{needle!r} is not on screen:\n" + "\n".join(rows))
    await pilot.click(offset=drawn_at())
    await pilot.pause()


def bank_values(banks: SelectionList) -> list[object]:
    return [banks.get_option_at_index(index).value for index in range(banks.option_count)]


def still_running(app) -> bool:
    """Running, and no unhandled error: one would have set ``return_code`` to 1 at once."""
    return app.is_running and app.return_code is None


@pytest.fixture
def hostile_data(app_data_dir, private_user_dirs):
    sessions = hostile_sessions(date.today())
    store_sessions(app_data_dir, sessions)
    write_user_banks(private_user_dirs["config"])
    return sessions


async def start(pilot, wait_until) -> StartScreen:
    app = pilot.app
    await wait_until(pilot, lambda: app.ready)
    await wait_until(pilot, lambda: app.screen.query_one("#due", OptionList).option_count > 0)
    await wait_until(pilot, lambda: app.screen.query("Toast"))  # the bank notice
    await pilot.pause()
    return app.screen


# -- the start screen --------------------------------------------------------------------------


async def test_the_start_screen_lists_and_the_due_list_show_hostile_text_as_typed(
    make_app, hostile_data, wait_until, screen_text
):
    app = make_app()
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        screen = await start(pilot, wait_until)
        due = screen.query_one("#due", OptionList)
        sessions = screen.query_one("#sessions", OptionList)
        drawn = drawn_text(app)

        assert missing(HOSTILE, "\n".join(options_as_drawn(due))) == {}
        assert one_line_rows(due) == [] and one_line_rows(sessions) == []
        assert sessions.option_count == len(hostile_data)
        assert "[b]" in "\n".join(options_as_drawn(sessions))
        # The bank notice quotes the broken bank's text as it is.
        assert "'[b]soon'" in drawn

        on_screen = screen_text(app)
        assert "Send a thank-you note to [@click=app.quit]click me[/]" in on_screen
        await click_on_text(pilot, screen_text, CLICK)
        assert still_running(app)

    # Every later start too: the due list is what crashed each start.
    app = make_app()
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await start(pilot, wait_until)
        assert missing(HOSTILE, drawn_text(app)) == {}


# -- prepare, edit the agenda, run, wrap up, thank-you ---------------------------------------


async def test_typed_text_and_a_hostile_bank_through_setup_editor_live_and_wrap_up(
    make_app, private_user_dirs, fake_clock, wait_until, screen_text
):
    write_user_banks(private_user_dirs["config"])
    app = make_app()
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await wait_until(pilot, lambda: app.ready)
        await pilot.press("n")
        await wait_until(pilot, lambda: isinstance(app.screen, SetupScreen))
        setup = app.screen
        # Name, role, company, industry, how we met: tab from field to field.
        for text in (CLICK, HOSTILE["bold"], HOSTILE["brackets"], HOSTILE["link"], HOSTILE["long"]):
            await paste(pilot, text)
            await pilot.press("tab")
        banks = setup.query_one("#banks", SelectionList)
        await wait_until(pilot, lambda: HOSTILE_BANK_NAME in bank_values(banks))
        banks.deselect_all()
        banks.select(HOSTILE_BANK_NAME)  # only the hostile bank: its questions come first
        preview = setup.query_one("#preview", AgendaList)
        await wait_until(
            pilot,
            lambda: "What drew you to Acme [formerly Foo]?" in "".join(options_as_drawn(preview)),
        )
        drawn = drawn_text(app)
        assert one_line(HOSTILE_BANK_NAME) in drawn  # the bank list
        assert missing(HOSTILE, "\n".join(options_as_drawn(preview))) == {}
        assert one_line_rows(preview) == []
        assert missing(TYPEABLE, drawn) == {}  # the form
        screen_text(app)

        # The agenda editor: the agenda, the bank list, the categories, the lint line, title.
        await pilot.press("ctrl+e")
        await wait_until(pilot, lambda: isinstance(app.screen, AgendaEditorScreen))
        editor = app.screen
        agenda = editor.query_one("#agenda", AgendaList)
        assert missing(HOSTILE, "\n".join(options_as_drawn(agenda))) == {}
        # Drop a hostile question: back in the bank list, after its category.
        dropped = HOSTILE["close-unknown"]
        agenda.highlight_question(
            next(i for i, item in enumerate(editor.session.agenda) if item.text == dropped)
        )
        await pilot.press("d")
        available = "\n".join(options_as_drawn(editor.query_one("#available", OptionList)))
        assert f"[/ops] cat {dropped}" in available
        drawn = drawn_text(app)
        assert HOSTILE_CATEGORY in drawn
        assert f"Agenda · {CLICK}" in drawn
        lint = widget_text(editor.query_one("#lint", Static))
        assert lint and "tags: " in lint
        screen_text(app)
        await pilot.press("ctrl+s")
        await wait_until(pilot, lambda: isinstance(app.screen, SetupScreen))

        # The live screen: title, each hostile question with its probe, the pace line.
        await pilot.press("f5")
        await wait_until(pilot, lambda: isinstance(app.screen, LiveScreen))
        live = app.screen
        title = widget_text(live.query_one("#live-title", Static))
        assert title == f"{CLICK} · [b] at Acme [formerly Foo] · 30 min"
        await click_on_text(pilot, screen_text, CLICK)
        assert still_running(app)
        # 25 minutes on the first question: the pace line names the first question at risk.
        await pilot.press("ctrl+t")
        fake_clock.advance(25 * 60)
        await wait_until(pilot, lambda: live.pace is not None and live.pace.at_risk)
        await next_tick(pilot, live)  # the next tick draws it
        pace = widget_text(live.query_one("#budget-pace", Static)) or ""
        first_at_risk = live._texts[live.pace.at_risk[0]]
        assert first_at_risk in HOSTILE.values()
        assert one_line(first_at_risk) in pace and "\n" not in pace
        seen = []
        while live.session.agenda[live.current].text in HOSTILE.values():
            question = widget_text(live.query_one("#question", Static)) or ""
            probes = widget_text(live.query_one("#probes", Static)) or ""
            seen.append(question)
            assert one_line(question) in probes, (question, probes)  # each has itself as probe
            screen_text(app)
            await pilot.press("ctrl+n")
        kept = {key: text for key, text in HOSTILE.items() if text != dropped}
        assert missing(kept, "\n".join(seen)) == {}

        # Wrap-up: the title, people recommended, the thank-you note.
        await pilot.press("f10")
        await wait_until(pilot, lambda: isinstance(app.screen, WrapUpScreen))
        wrap = app.screen
        assert f"Wrap-up · {CLICK} · Acme [formerly Foo] · " in drawn_text(app)
        wrap.query_one("#referral", Input).focus()
        for key, text in TYPEABLE.items():
            # A contact's name holds 200 characters: the long text goes in as the note.
            await paste(pilot, f"Pat Lee — {text}" if key == "long" else text)
            await pilot.press("enter")
        referrals = widget_text(wrap.query_one("#referrals", Static)) or ""
        assert missing(TYPEABLE, referrals) == {}
        screen_text(app)
        await pilot.press("ctrl+y")
        await wait_until(pilot, lambda: isinstance(app.screen, TemplateDialog))
        note = drawn_text(app)
        assert "Thank-you note" in note and CLICK in note
        await pilot.press("escape")
        await wait_until(pilot, lambda: isinstance(app.screen, WrapUpScreen))
        await pilot.press("ctrl+s")
        await wait_until(pilot, lambda: isinstance(app.screen, StartScreen))

        # Each referral is now a person of their own, due to be reached, named as typed.
        start_screen = app.screen
        await wait_until(pilot, lambda: start_screen.query_one("#due", OptionList).option_count)
        names = {key: text for key, text in TYPEABLE.items() if key != "long"}
        assert missing(names, drawn_text(app)) == {}
        people = {person.name for person in app.workspace.people()}
        assert {HOSTILE["bold"], HOSTILE["close-all"]} <= people
        assert still_running(app)


# -- review: the session page, search, patterns ----------------------------------------------


async def open_kitchen_sink(pilot, wait_until) -> None:
    app = pilot.app
    table = app.screen.query_one("#sessions")
    await wait_until(pilot, lambda: KITCHEN_SINK_ID in table.ids)
    table.move_cursor(row=table.ids.index(KITCHEN_SINK_ID))
    await pilot.press("v")
    await wait_until(pilot, lambda: isinstance(app.screen, SessionViewScreen))
    # The Markdown widget lays out its blocks: until every text is drawn.
    await wait_until(pilot, lambda: missing(HOSTILE, drawn_text(app)) == {})


async def test_the_session_page_search_and_patterns_show_hostile_text_as_typed(
    make_app, hostile_data, wait_until, screen_text
):
    app = make_app()
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await start(pilot, wait_until)
        await open_kitchen_sink(pilot, wait_until)
        page = drawn_text(app)
        assert missing(HOSTILE, page) == {}
        assert "Kitchen [/] Sink" in page
        screen_text(app)
        await pilot.press("escape")
        await wait_until(pilot, lambda: isinstance(app.screen, StartScreen))

        await pilot.press("slash")
        await wait_until(pilot, lambda: isinstance(app.screen, SearchScreen))
        await type_text(pilot, MARKER)
        hits = app.screen.query_one("#hits", OptionList)
        await wait_until(pilot, lambda: hits.option_count >= len(HOSTILE))
        found = "\n".join(options_as_drawn(hits))
        assert missing(HOSTILE, found) == {}
        screen_text(app)
        await pilot.press("escape")
        await wait_until(pilot, lambda: isinstance(app.screen, StartScreen))

        await pilot.press("P")
        await wait_until(pilot, lambda: isinstance(app.screen, PatternsScreen))
        await wait_until(pilot, lambda: "Who said what" in drawn_text(app))
        # Who said what: every contact and their note on the question all of them were asked.
        contacts = {key: text[:200] for key, text in HOSTILE.items()}
        notes = {key: f"{MARKER} {text}" for key, text in HOSTILE.items()}
        # The Markdown widget lays out its blocks: until the notes, its last ones, are drawn.
        await wait_until(pilot, lambda: missing(notes, drawn_text(app)) == {})
        patterns = drawn_text(app)
        assert missing(contacts, patterns) == {}
        assert missing(notes, patterns) == {}
        screen_text(app)
        assert still_running(app)


# -- notifications and the command palette ---------------------------------------------------


async def test_notifications_are_plain_text_whoever_sends_them(make_app, wait_until, screen_text):
    """A screen's ``notify`` (Textual passes markup=True for it) and the app's alike."""
    app = make_app()
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await wait_until(pilot, lambda: app.ready)
        app.clear_notifications()
        app.screen.notify(CLICK, title=HOSTILE["close-unknown"])
        app.notify(HOSTILE["close-all"], title=HOSTILE["bold"], markup=True)
        await wait_until(pilot, lambda: len(app.screen.query("Toast")) == 2)
        drawn = drawn_text(app)
        for text in (CLICK, HOSTILE["close-unknown"], HOSTILE["close-all"], HOSTILE["bold"]):
            assert text in drawn
        await click_on_text(pilot, screen_text, CLICK)
        assert still_running(app)


async def test_the_command_palette_lists_and_highlights_the_screens_actions(make_app, wait_until):
    from textual.command import CommandPalette

    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await wait_until(pilot, lambda: app.ready)
        await pilot.press("ctrl+p")
        await wait_until(pilot, lambda: isinstance(app.screen, CommandPalette))
        await type_text(pilot, "search")
        await wait_until(pilot, lambda: "Search" in drawn_text(app))
        assert "Search every session's notes" in drawn_text(app)
        assert still_running(app)

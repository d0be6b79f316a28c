"""After the call, at 80x24, by keyboard alone (issue 9, "After the call and review"): the
session page and Patterns scroll to their last lines, a search result opens on its line, the
list and the page say which date they show, and search finds what was saved after it was
first used.

What is asserted is what a person sees: the screen's text, and that a widget's region lies
inside the visible part of its scroll container, not only what was stored.
"""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from textual.containers import VerticalScroll
from textual.widget import Widget
from textual.widgets import Input, OptionList, TextArea
from textual.widgets.markdown import MarkdownBlock
from ui_helpers import open_app, type_text

from interview_tui.models import AgendaItem, Contact, Session
from interview_tui.storage.store import SessionStore
from interview_tui.ui.screens.patterns import PatternsScreen
from interview_tui.ui.screens.search import SearchScreen
from interview_tui.ui.screens.session_view import SessionViewScreen, block_text
from interview_tui.ui.screens.setup import SetupScreen
from interview_tui.ui.screens.start import StartScreen
from interview_tui.ui.screens.wrap_up import WrapUpScreen

SIZE = (80, 24)
LONG_ID = "20260310-090000-long30"


def in_view(widget: Widget, container: Widget) -> bool:
    """``widget`` lies wholly inside the part of ``container`` on screen."""
    region = widget.region
    return region.area > 0 and container.region.intersection(region) == region


def block_with(screen, text: str) -> MarkdownBlock:
    blocks = [b for b in screen.query(MarkdownBlock) if not b.query(MarkdownBlock)]
    return next(block for block in blocks if text in block_text(block))


def thirty_questions(when: datetime = datetime(2026, 3, 10, 9, 0)) -> Session:
    agenda = [
        AgendaItem(
            key=f"long/q{n}",
            text=f"Question number {n}: what would you tell someone new about topic {n}?",
            phase="core",
            minutes=1,
            status="asked",
            reached=True,
            seconds_spent=60,
            note=f"Answer {n}: a note long enough to wrap onto a second line at eighty columns.",
        )
        for n in range(1, 31)
    ]
    agenda[-1].note = "The very last note: ask about the mentoring circle."
    return Session(
        id=LONG_ID,
        created_at=when - timedelta(days=5),
        scheduled_at=when,
        started_at=when,
        ended_at=when + timedelta(minutes=30),
        status="ended",
        contact=Contact(name="Mary Jackson", company="Langley"),
        contact_status="interviewed",
        agenda=agenda,
        cut_index=30,
        elapsed_seconds=1800,
        research_notes="Engineer; first to petition for night classes.",
    )


def save(data_dir, *sessions: Session) -> None:
    store = SessionStore(data_dir)
    try:
        for session in sessions:
            store.save(session)
    finally:
        store.close()


# -- the session page and Patterns scroll by keys ---------------------------------------------


async def test_the_session_page_scrolls_to_its_last_note_by_keys_alone(
    make_app, app_data_dir, wait_until, screen_text
):
    save(app_data_dir, thirty_questions())
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_app(pilot)
        await pilot.press("v")
        await wait_until(pilot, lambda: isinstance(app.screen, SessionViewScreen))
        page = app.screen
        scroll = page.query_one("#session-scroll", VerticalScroll)
        await wait_until(pilot, lambda: scroll.max_scroll_y > 0)
        assert app.focused is scroll  # keys scroll the page from the start
        last = block_with(page, "The very last note")
        assert not in_view(last, scroll)
        assert "The very last note" not in screen_text(app)

        await pilot.press("pagedown")
        await pilot.pause()
        assert scroll.scroll_y > 0
        await pilot.press("end")
        await wait_until(pilot, lambda: scroll.scroll_y == scroll.max_scroll_y)
        await pilot.pause()
        assert in_view(last, scroll)
        assert "The very last note: ask about the mentoring circle." in screen_text(app)

        await pilot.press("home")
        await wait_until(pilot, lambda: scroll.scroll_y == 0)
        await pilot.press("down", "down")
        await wait_until(pilot, lambda: scroll.scroll_y == 2)


async def test_patterns_scroll_to_timing_by_keys_alone(
    make_app, store_session, wait_until, screen_text
):
    people = [("Ada Lovelace", "Engines"), ("Grace Hopper", "Navy"), ("Mary Jackson", "NASA")]
    for day, (name, company) in enumerate(people, start=2):
        store_session(
            f"2026030{day}-100000-p{day}",
            name,
            company,
            when=datetime(2026, 3, day, 10, 0),
            status="ended",
            asked=(0, 1, 2, 3, 4, 5),
            notes={
                2: f"{name}: mostly modelling, some reviews, reading on Fridays.",
                3: f"{name}: writing clearly, and asking for help early.",
                4: f"{name}: how much of the work is talking to people.",
            },
            spent={0: 60, 1: 120, 2: 300, 3: 240},
            elapsed=900,
        )
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_app(pilot)
        await pilot.press("P")
        await wait_until(pilot, lambda: isinstance(app.screen, PatternsScreen))
        screen = app.screen
        scroll = screen.query_one("#patterns-scroll", VerticalScroll)
        await wait_until(
            pilot, lambda: any("Timing" in block_text(b) for b in screen.query(MarkdownBlock))
        )
        await wait_until(pilot, lambda: scroll.max_scroll_y > 0)
        timing = block_with(screen, "Timing")
        assert app.focused is scroll
        assert not in_view(timing, scroll)
        assert "Timing" not in screen_text(app)

        for _ in range(12):  # a screenful at a time, as a person reads down the page
            if in_view(timing, scroll):
                break
            await pilot.press("pagedown")
            await pilot.pause()
        assert in_view(timing, scroll)
        assert "Timing" in screen_text(app)
        await pilot.press("end")
        await wait_until(pilot, lambda: scroll.scroll_y == scroll.max_scroll_y)
        await pilot.press("home")
        await wait_until(pilot, lambda: scroll.scroll_y == 0)
        assert "Patterns across 3 sessions" in screen_text(app)


async def test_a_search_result_opens_the_page_on_its_line(
    make_app, app_data_dir, wait_until, screen_text
):
    save(app_data_dir, thirty_questions())
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_app(pilot)
        await pilot.press("slash")
        await wait_until(pilot, lambda: isinstance(app.screen, SearchScreen))
        await type_text(pilot, "mentoring")
        hits = app.screen.query_one("#hits", OptionList)
        await wait_until(pilot, lambda: hits.option_count == 1)
        await pilot.press("enter", "enter")  # to the results, then open the first
        await wait_until(pilot, lambda: isinstance(app.screen, SessionViewScreen))
        page = app.screen
        scroll = page.query_one("#session-scroll", VerticalScroll)
        await wait_until(pilot, lambda: page.found is not None and in_view(page.found, scroll))
        assert "mentoring circle" in block_text(page.found)
        assert scroll.scroll_y > 0
        assert "The very last note: ask about the mentoring circle." in screen_text(app)


# -- one date meaning per label ---------------------------------------------------------------


async def test_the_list_and_the_page_say_which_date_they_show(
    make_app, store_session, app_data_dir, wait_until, screen_text
):
    store_session(
        "20260302-100000-ada001",
        "Ada Lovelace",
        "Engines",
        when=datetime(2026, 3, 2, 10, 0),
        status="ended",
        elapsed=600,
    )
    store_session(
        "20260309-093000-kathy1", "Katherine Johnson", "NASA", when=datetime(2026, 3, 9, 9, 30)
    )
    recommended = Session(
        id="20260301-080000-ref001",
        created_at=datetime(2026, 3, 1, 8, 0),
        contact=Contact(name="Charles Babbage"),
        contact_status="to contact",
    )
    save(app_data_dir, recommended)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_app(pilot)
        text = screen_text(app)
        assert "When" in text
        assert "sched. 2026-03-09" in text
        assert "held 2026-03-02" in text
        assert "created 2026-03-01" in text
        rows = app.screen.query_one("#sessions").ids
        assert rows == ["20260309-093000-kathy1", "20260302-100000-ada001", recommended.id]

        await pilot.press("v")  # Katherine, scheduled, not yet held
        await wait_until(pilot, lambda: isinstance(app.screen, SessionViewScreen))
        await pilot.pause()
        text = screen_text(app)
        assert "Scheduled: Monday 9 March 2026, 09:30" in text
        assert "Created" not in text and "Held" not in text
        await pilot.press("escape", "down", "v")  # Ada, held
        await wait_until(pilot, lambda: isinstance(app.screen, SessionViewScreen))
        await pilot.pause()
        assert "Held: Monday 2 March 2026, 10:00" in screen_text(app)
        await pilot.press("escape", "down", "v")  # Charles, a contact to reach out to
        await wait_until(pilot, lambda: isinstance(app.screen, SessionViewScreen))
        await pilot.pause()
        assert "Created: Sunday 1 March 2026" in screen_text(app)


# -- search finds what was saved after its first use -------------------------------------------


async def search_for(pilot, wait_until, words: str) -> list:
    app = pilot.app
    await pilot.press("slash")
    await wait_until(pilot, lambda: isinstance(app.screen, SearchScreen))
    await wait_until(pilot, lambda: app.workspace is not None and app.workspace.search_ready)
    app.screen.query_one("#query", Input).value = words
    await pilot.pause()
    hits = list(app.screen.hits)
    await pilot.press("escape")
    await wait_until(pilot, lambda: isinstance(app.screen, StartScreen))
    return hits


async def test_search_finds_text_saved_from_setup_and_wrap_up_after_the_first_search(
    make_app, store_session, wait_until
):
    store_session(
        "20260302-100000-ada001",
        "Ada Lovelace",
        "Engines",
        when=datetime(2026, 3, 2, 10, 0),
        status="ended",
        asked=(0, 1, 2),
        elapsed=600,
    )
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_app(pilot)
        assert await search_for(pilot, wait_until, "zeppelin") == []  # the index is built

        # Setup: research notes saved with ctrl+s.
        await pilot.press("e")
        await wait_until(pilot, lambda: isinstance(app.screen, SetupScreen))
        notes = app.screen.query_one("#research_notes", TextArea)
        notes.text = "Ask about the zeppelin archive."
        await pilot.press("ctrl+s")
        await wait_until(pilot, lambda: isinstance(app.screen, StartScreen))
        hits = await search_for(pilot, wait_until, "zeppelin")
        assert [(hit.contact, hit.kind) for hit in hits] == [("Ada Lovelace", "research notes")]

        # Wrap-up: a reflection typed, and someone recommended (a contact of their own).
        await pilot.press("v")
        await wait_until(pilot, lambda: isinstance(app.screen, SessionViewScreen))
        await pilot.press("w")
        await wait_until(pilot, lambda: isinstance(app.screen, WrapUpScreen))
        await type_text(pilot, "Loved the orrery story")
        app.screen.query_one("#referral", Input).value = "Mary Somerville — orrery maker"
        app.screen.query_one("#referral", Input).focus()
        await pilot.press("enter")
        await pilot.press("escape")  # save and back to the list, creating the contact
        await wait_until(pilot, lambda: isinstance(app.screen, StartScreen))
        hits = await search_for(pilot, wait_until, "orrery")
        found = {(hit.contact, hit.kind) for hit in hits}
        assert ("Ada Lovelace", "reflection") in found
        assert ("Ada Lovelace", "referrals") in found
        assert ("Mary Somerville", "how we met") in found  # a person of her own, found too


@pytest.fixture(autouse=True)
def _no_real_clipboard(monkeypatch: pytest.MonkeyPatch) -> None:
    import pyperclip

    monkeypatch.setattr(pyperclip, "copy", lambda text: None)

"""Pilot tests of the whole cycle around a call, driven from the keyboard like a user would:
prepare (the form, the agenda editor) → run → wrap up (reflections, referrals, the thank-you
note through a clipboard that fails) → review (the due list, search, the session page,
patterns, exports), plus the outreach email and the form's error messages.

Every app gets its own data folder and a FakeClock; pyperclip is patched in every test that
copies, so nothing reaches the real clipboard.
"""

from __future__ import annotations

import csv
import io
import stat
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from textual.widgets import Input, Markdown, OptionList, Select, SelectionList, Static
from ui_helpers import open_app, option_texts, paste, text_of, type_text

from interview_tui.export import from_json
from interview_tui.followups import add_months
from interview_tui.lint import lint_question
from interview_tui.models import FollowUp
from interview_tui.storage.store import SessionStore
from interview_tui.templates import asked_question
from interview_tui.ui.dialogs.question_dialog import QuestionDialog
from interview_tui.ui.dialogs.template_dialog import TemplateDialog
from interview_tui.ui.screens.agenda_editor import AgendaEditorScreen
from interview_tui.ui.screens.live import LiveScreen
from interview_tui.ui.screens.patterns import PatternsScreen
from interview_tui.ui.screens.search import SearchScreen
from interview_tui.ui.screens.session_view import SessionViewScreen
from interview_tui.ui.screens.setup import SetupScreen
from interview_tui.ui.screens.start import StartScreen
from interview_tui.ui.screens.wrap_up import WrapUpScreen
from interview_tui.ui.widgets.agenda_list import CUT_ID, AgendaList

SIZE = (80, 24)
SALARY_QUESTION = "What salary do you earn?"


def table_rows(screen) -> list[list[str]]:
    """The start screen's session list, row by row (cells as the user reads them)."""
    table = screen.query_one("#sessions")
    return [table.get_row_at(i) for i in range(table.row_count)]


def private_file(path: Path) -> bool:
    return stat.S_IMODE(path.stat().st_mode) == 0o600


def export_running(app) -> bool:
    return any(worker.group == "export" and worker.is_running for worker in app.workers)


def read_store(data_dir: Path) -> SessionStore:
    return SessionStore(data_dir, read_only=True)


# -- prepare → run → wrap up → review ---------------------------------------------------------


async def fill_the_form(pilot, setup: SetupScreen) -> None:
    """Contact fields, goals (two ticked, one of one's own), only the Opening and Closing
    banks (the editor then has the others to offer), research notes: tab from field to field
    like a user; longer texts are pasted."""
    app = pilot.app
    for value in (
        "Priya Nair",  # name
        "paste:Analyst",  # role
        "Lumen",  # company
        "paste:energy",  # industry
        "paste:at the PyData meetup in Leeds",  # how we met
        "",  # minutes: the default 30
        "2026-12-01 10:00",  # when
        "paste:priya.nair@lumen.example",  # email
        "",  # profile
    ):
        if value.startswith("paste:"):
            await paste(pilot, value.removeprefix("paste:"))
        else:
            await type_text(pilot, value)
        await pilot.press("tab")
    goals = setup.query_one("#goals", SelectionList)
    assert app.focused is goals
    await pilot.press("home", "space", "end", "space")  # the first and the last goal
    assert goals.selected == ["career exploration", "company insight"]
    await pilot.press("tab")
    assert app.focused.id == "own_goal"
    await paste(pilot, "how grid operators forecast demand")
    await pilot.press("tab")
    banks = setup.query_one("#banks", SelectionList)
    assert app.focused is banks
    await pilot.press("home")
    for index in range(banks.option_count):
        if not str(banks.get_option_at_index(index).prompt).startswith(("Opening", "Closing")):
            banks.highlighted = index
            await pilot.press("space")
    assert sorted(banks.selected) == ["Closing", "Opening"]
    await pilot.press("tab")
    assert app.focused.id == "research_notes"
    await paste(pilot, "Leads grid load forecasting; wrote the team's blog post on outages.")


async def edit_the_agenda(pilot, wait_until) -> AgendaEditorScreen:
    """Filter, search, add, write, drop, pin, re-prioritise, lengthen, move; returns the
    editor just before ``ctrl+s``."""
    app = pilot.app
    editor = app.screen
    assert isinstance(editor, AgendaEditorScreen)
    agenda = editor.query_one("#agenda", AgendaList)
    available = editor.query_one("#available", OptionList)
    session = editor.session
    shown: list[str] = []

    def plan_shown() -> str:
        """The summary line and the cut line's row, checked against the agenda itself."""
        cut = session.cut_index
        planned = sum(item.minutes for item in session.agenda[:cut])
        flagged = sum(1 for item in session.agenda if lint_question(item.text))
        summary = text_of(editor, "#agenda-summary")
        expected = f"{planned:g}/30 min · {cut} above the cut"
        assert summary == expected + (f" · {flagged} flagged" if flagged else "")
        cut_row = str(agenda.get_option(CUT_ID).prompt)
        assert cut_row == f"── cut · {len(session.agenda) - cut} if time allows ──"
        shown.append(f"{summary} | {cut_row}")
        return shown[-1]

    def plan_changed() -> str:
        before = shown[-1]
        assert plan_shown() != before, f"the plan shown did not change: {before}"
        return shown[-1]

    def row(key: str) -> str:
        index = next(i for i, item in enumerate(session.agenda) if item.key == key)
        return str(agenda.get_option_at_index(agenda.option_index_of(index)).prompt)

    assert app.focused is agenda
    assert all(item.category != "industry" for item in session.agenda)
    start_count = len(session.agenda)
    assert "flagged" not in plan_shown()

    # The category filter: a Select, opened with enter, chosen by typing its name.
    await pilot.press("shift+tab", "shift+tab", "shift+tab")
    category = editor.query_one("#category", Select)
    assert app.focused is category
    await pilot.press("enter")
    await type_text(pilot, "ind")  # the open list jumps to the first match
    await pilot.press("enter")
    await wait_until(pilot, lambda: category.value == "industry")
    offered = option_texts(available)
    assert len(offered) == 16  # the whole Industry bank, none of it on the agenda
    assert all(text.startswith("industry ") for text in offered)
    assert all("{industry}" not in text for text in offered)  # filled from the form

    await pilot.press("tab")  # the tag filter
    assert app.focused.id == "tag"
    await type_text(pilot, "trend")
    trends = option_texts(available)
    assert 1 < len(trends) < len(offered)
    # Into the bank list: its first row is highlighted, and enter adds it.
    await pilot.press("tab")
    assert app.focused is available
    first_trend = available.get_option_at_index(0).id
    await pilot.press("enter")
    assert first_trend in [item.key for item in session.agenda]
    assert len(session.agenda) == start_count + 1
    assert len(option_texts(available)) == len(trends) - 1
    plan_changed()

    await pilot.press("shift+tab", "shift+tab", "shift+tab")  # the search box
    assert app.focused.id == "search"
    await type_text(pilot, "head")
    assert option_texts(available) == [
        "industry   Where do you think energy is heading over the next five years?"
    ]
    await pilot.press("tab", "tab", "tab")
    assert app.focused is available
    await pilot.press("a")
    assert "industry/where-its-heading" in [item.key for item in session.agenda]
    # On the agenda now, so no longer offered: the list says why it is empty.
    assert option_texts(available) == ["No bank question matches the filter."]
    plan_changed()

    # A question of one's own, which the lint flags with its reason.
    await pilot.press("tab")
    assert app.focused is agenda
    await pilot.press("q")
    await wait_until(pilot, lambda: isinstance(app.screen, QuestionDialog))
    await paste(pilot, SALARY_QUESTION)
    await pilot.press("enter")
    await wait_until(pilot, lambda: app.screen is editor)
    own = next(item for item in session.agenda if item.own)
    assert (own.text, own.category, own.priority, own.minutes) == (SALARY_QUESTION, "own", 2, 2)
    assert len(session.agenda) == start_count + 3
    assert plan_changed().split(" | ")[0].endswith("· 1 flagged")
    agenda.highlight_question(session.agenda.index(own))
    await pilot.pause()
    lint = text_of(editor, "#lint")
    assert "priority 2 · ~2 min · core" in lint
    assert '⚑ "salary": pay and benefits belong in a job process' in lint
    assert lint_question(SALARY_QUESTION)[0].reason in lint

    # Drop the first question below the cut line.
    dropped = session.agenda[session.cut_index].key
    agenda.highlight_question(session.cut_index)
    await pilot.pause()
    await pilot.press("d")
    assert dropped not in {item.key for item in session.agenda}
    assert len(session.agenda) == start_count + 2
    plan_changed()

    # Pin the question now first below the cut: it moves above the cut line.
    pinned = session.agenda[session.cut_index]
    assert row(pinned.key).startswith("·")  # the mark for "below the cut"
    agenda.highlight_question(session.cut_index)
    await pilot.pause()
    await pilot.press("p")
    assert pinned.pinned
    assert session.agenda.index(pinned) < session.cut_index
    assert row(pinned.key).startswith("○")  # pending, above the cut
    assert "pinned" in text_of(editor, "#lint")
    plan_shown()

    # Raise its priority, then give it half a minute more.
    priority, minutes = pinned.priority, pinned.minutes
    await pilot.press("+")
    assert pinned.priority == max(1, priority - 1)
    assert f"priority {pinned.priority}" in text_of(editor, "#lint")
    await pilot.press("]")
    assert pinned.minutes == minutes + 0.5
    assert f"~{pinned.minutes:g} min" in text_of(editor, "#lint")
    assert f"{pinned.minutes:g}m" in row(pinned.key)
    plan_shown()

    # Move the first question down one place; the highlight goes with it.
    agenda.highlight_question(0)
    await pilot.pause()
    first, second = session.agenda[0].key, session.agenda[1].key
    await pilot.press("ctrl+down")
    assert [item.key for item in session.agenda[:2]] == [second, first]
    assert agenda.question_at(agenda.highlighted) == 1
    plan_shown()
    assert len(set(shown)) >= 4
    return editor


async def run_the_call(pilot, live: LiveScreen, clock) -> None:
    """Start the timer, note, tick one off, skip one, note again."""
    await pilot.press("ctrl+t")
    clock.advance(90)
    await paste(pilot, "Grid forecasts blend weather ensembles.")
    await pilot.press("ctrl+n")
    clock.advance(60)
    await pilot.press("ctrl+o")
    clock.advance(240)
    await type_text(pilot, "SQL")
    await pilot.press("ctrl+n")
    session = live.session
    assert [item.status for item in session.agenda[:4]] == ["asked", "skipped", "asked", "pending"]
    assert session.agenda[0].note == "Grid forecasts blend weather ensembles."
    assert session.agenda[2].note == "SQL"


async def wrap_up(pilot, wrap: WrapUpScreen, data_dir: Path, wait_until) -> None:
    """Reflections, takeaways, a referral, the check-in moved to six months, and the
    thank-you note copied with no system clipboard, then marked sent."""
    app = pilot.app
    assert app.focused.id == "reflection-field"
    await paste(pilot, "Forecasting is mostly data cleaning.")
    await pilot.press("tab", "tab")
    assert app.focused.id == "reflection-advice"
    await paste(pilot, "Learn SQL before Spark.")
    await pilot.press("tab", "tab")
    assert app.focused.id == "takeaways"
    await paste(pilot, "Ask about the outage post-mortems next time.")
    await pilot.press("tab")
    assert app.focused.id == "referral"
    await paste(pilot, "Sam Lee — data lead")  # Pilot cannot type "—"; a terminal can
    await pilot.press("enter")
    assert [(r.name, r.note) for r in wrap.session.referrals] == [("Sam Lee", "data lead")]
    assert text_of(wrap, "#referrals") == "• Sam Lee — data lead"
    assert wrap.query_one("#referral", Input).value == ""
    await type_text(pilot, "Ana Ruiz - UX")  # a plain hyphen works as the separator too
    await pilot.press("enter")
    assert text_of(wrap, "#referrals") == "• Sam Lee — data lead\n• Ana Ruiz — UX"

    today = date.today()
    followups = text_of(wrap, "#followups")
    assert f"○ thank-you: {today + timedelta(days=1):%a %d %b %Y}" in followups
    assert f"○ check-in: {add_months(today, 3):%a %d %b %Y}" in followups
    await pilot.press("tab")
    assert app.focused.id == "check-in-months"
    await pilot.press("backspace", "6")
    assert app.focused.value == "6"
    assert f"○ check-in: {add_months(today, 6):%a %d %b %Y}" in text_of(wrap, "#followups")
    assert [(f.kind, f.due) for f in wrap.session.followups] == [
        ("thank-you", today + timedelta(days=1)),
        ("check-in", add_months(today, 6)),
    ]

    # The thank-you note: filled from the session; no system clipboard, so a file.
    await pilot.press("ctrl+y")
    await wait_until(pilot, lambda: isinstance(app.screen, TemplateDialog))
    dialog = app.screen
    note = dialog.query_one("#template-text").text
    assert note.startswith("Subject: Thank you, Priya\n\nHi Priya,")
    assert "Thank you for taking the time to talk with me today." in note
    assert "your work as Analyst at Lumen" in note
    # Drafted from the takeaways and the core questions that carry notes; notes stay private.
    noted = [i for i in wrap.session.agenda if i.phase == "core" and i.note and i.status == "asked"]
    for item in noted:
        assert f'"{asked_question(item, wrap.session)}"' in note
    assert "Grid forecasts blend" not in note and "(SQL)" not in note
    assert "- Ask about the outage post-mortems next time." in note
    assert "Thank you also for suggesting I talk to Sam Lee and Ana Ruiz" in note
    await pilot.press("ctrl+y")
    await wait_until(pilot, lambda: dialog.copied)
    status = text_of(dialog, "#template-status")
    assert status.startswith("No system clipboard (no copy tool such as xclip")
    saved = list((data_dir / "clipboard").glob("thank-you-*.txt"))
    assert len(saved) == 1
    assert f"saved to {saved[0]}" in status
    assert saved[0].read_text(encoding="utf-8") == note
    assert private_file(saved[0])
    assert app.screen is dialog  # ctrl+y copies and stays
    assert wrap.session.contact_status == "interviewed"

    await pilot.press("ctrl+s")  # copy again, mark it sent
    await wait_until(pilot, lambda: app.screen is wrap)
    assert len(list((data_dir / "clipboard").glob("thank-you-*.txt"))) == 2
    assert wrap.session.contact_status == "thanked"
    assert "✓ thank-you" in text_of(wrap, "#followups")


async def test_prepare_run_wrap_up_and_find_it_again(
    make_app, app_data_dir, wait_until, screen_text, fake_clock, no_clipboard
):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_app(pilot)
        await pilot.press("n")
        await wait_until(pilot, lambda: isinstance(app.screen, SetupScreen))
        setup = app.screen
        await fill_the_form(pilot, setup)

        await pilot.press("ctrl+e")
        await wait_until(pilot, lambda: isinstance(app.screen, AgendaEditorScreen))
        editor = await edit_the_agenda(pilot, wait_until)
        edited = [item.key for item in editor.session.agenda]
        edited_rows = option_texts(editor.query_one("#agenda", AgendaList))
        await pilot.press("ctrl+s")
        await wait_until(pilot, lambda: app.screen is setup)

        # The form kept everything typed, and the preview is the edited agenda.
        assert setup.query_one("#name", Input).value == "Priya Nair"
        preview = option_texts(setup.query_one("#preview", AgendaList))
        assert preview == edited_rows
        assert any(SALARY_QUESTION in row for row in preview)
        assert any("Where do you think energy is heading" in row for row in preview)
        assert "Edit agenda" in screen_text(app)

        await pilot.press("f5")
        await wait_until(pilot, lambda: isinstance(app.screen, LiveScreen))
        live = app.screen
        session = live.session
        assert [item.key for item in session.agenda] == edited
        contact = session.contact
        assert (contact.name, contact.role, contact.company, contact.industry) == (
            "Priya Nair",
            "Analyst",
            "Lumen",
            "energy",
        )
        assert contact.how_met == "at the PyData meetup in Leeds"
        assert contact.email == "priya.nair@lumen.example"
        assert session.scheduled_at == datetime(2026, 12, 1, 10, 0)
        assert session.goals == [
            "career exploration",
            "company insight",
            "how grid operators forecast demand",
        ]
        assert session.research_notes.startswith("Leads grid load forecasting")
        assert session.banks == ["Closing", "Opening"]
        planned = session.cut_index
        await run_the_call(pilot, live, fake_clock)

        await pilot.press("f10")
        await wait_until(pilot, lambda: isinstance(app.screen, WrapUpScreen))
        wrap = app.screen
        assert wrap.session.status == "ended"
        # Counted against the questions planned above the cut.
        assert f"2 of {planned} asked" in text_of(wrap, "#wrap-title")
        await wrap_up(pilot, wrap, app_data_dir, wait_until)
        assert len(no_clipboard) == 2  # pyperclip was tried first, both times

        await pilot.press("ctrl+s")
        await wait_until(pilot, lambda: isinstance(app.screen, StartScreen))
        start = app.screen
        await pilot.pause()
        rows = {row[1]: row for row in table_rows(start)}
        # The people she recommended are people to contact, not sessions.
        assert set(rows) == {"Priya Nair"}
        assert rows["Priya Nair"][2:5] == ["Lumen", "thanked", f"2/{planned}"]
        # No thank-you (sent), no check-in (six months away): the two people to reach.
        due = option_texts(start.query_one("#due", OptionList))
        assert due == [
            f"• {date.today():%d %b}  Reach out to Sam Lee (recommended by Priya Nair)",
            f"• {date.today():%d %b}  Reach out to Ana Ruiz (recommended by Priya Nair)",
        ]

        store = app.workspace
        priya = store.load(session.id)
        assert priya.contact_status == "thanked"
        assert priya.reflections["advice"] == "Learn SQL before Spark."
        assert priya.takeaways == "Ask about the outage post-mortems next time."
        sam = store.person(priya.referrals[0].person_id)
        assert sam is not None
        assert (sam.name, sam.status, sam.introduced_by) == (
            "Sam Lee",
            "to contact",
            priya.person_id,
        )
        assert sam.how_met.startswith("Recommended by Priya Nair on ")

        # Later: find the note again by searching, and open its session.
        await pilot.press("slash")
        await wait_until(pilot, lambda: isinstance(app.screen, SearchScreen))
        search = app.screen
        await type_text(pilot, "ensem")
        hits = search.query_one("#hits", OptionList)
        await wait_until(pilot, lambda: hits.option_count == 1)
        hit = option_texts(hits)[0]
        assert hit.startswith("Priya Nair · ")
        assert "Grid forecasts blend weather ensembles." in hit
        assert text_of(search, "#search-status") == "1 matching line"
        await pilot.press("enter", "enter")
        await wait_until(pilot, lambda: isinstance(app.screen, SessionViewScreen))
        page = app.screen.query_one(Markdown)
        await pilot.pause()
        assert "Grid forecasts blend weather ensembles." in page.source
        assert "Learn SQL before Spark." in page.source
        await pilot.press("escape")
        await wait_until(pilot, lambda: app.screen is search)


# -- the due list ------------------------------------------------------------------------------


def resave(data_dir: Path, session, **changes):
    """Store ``session`` again with ``changes`` (fields ``store_session`` does not take)."""
    changed = session.model_copy(update=changes)
    store = SessionStore(data_dir)
    try:
        store.save(changed)
    finally:
        store.close()
    return changed


async def test_a_check_in_shows_once_due_and_x_marks_it_done(
    make_app, app_data_dir, store_session, wait_until
):
    today = date.today()
    done_thanks = FollowUp(kind="thank-you", due=today - timedelta(days=90), done=True)
    grace = store_session(
        "20260305-140000-grace1", "Grace Hopper", "Navy Labs", status="ended", asked=(0, 1)
    )
    resave(
        app_data_dir,
        grace,
        contact_status="thanked",
        followups=[done_thanks, FollowUp(kind="check-in", due=today - timedelta(days=2))],
    )
    ada = store_session(
        "20260302-100000-ada001", "Ada Lovelace", "Babbage Ltd", status="ended", asked=(0,)
    )
    resave(
        app_data_dir,
        ada,
        contact_status="thanked",
        followups=[done_thanks, FollowUp(kind="check-in", due=today + timedelta(days=30))],
    )
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await open_app(pilot)
        start = app.screen
        due = start.query_one("#due", OptionList)
        await wait_until(pilot, lambda: due.option_count > 0)
        # Grace's check-in is two days overdue; Ada's is a month away, so not listed.
        overdue = today - timedelta(days=2)
        assert option_texts(due) == [f"! {overdue:%d %b}  Check in with Grace Hopper"]
        assert text_of(start, "#due-title").startswith("Due (1)")

        await pilot.press("x", "x")  # to the due list, then done: the item on screen
        await wait_until(pilot, lambda: not start.due)
        assert not due.display
        rows = {row[1]: row[3] for row in table_rows(start)}
        assert rows == {"Grace Hopper": "in touch", "Ada Lovelace": "thanked"}

    store = read_store(app_data_dir)
    stored = store.load("20260305-140000-grace1")
    assert [(f.kind, f.done) for f in stored.followups] == [("thank-you", True), ("check-in", True)]
    assert stored.contact_status == "keeping in touch"
    assert not store.load("20260302-100000-ada001").followups[1].done
    store.close()


async def test_reopening_the_wrap_up_keeps_the_planned_follow_ups(
    make_app, app_data_dir, store_session, wait_until
):
    """Regression: the check-in box announces its first value on mount, which re-planned
    the follow-ups from today and saved them over the stored dates."""
    planned = [
        FollowUp(kind="thank-you", due=date(2026, 3, 3)),
        FollowUp(kind="check-in", due=date(2026, 9, 2)),
    ]
    ada = store_session("20260302-100000-ada001", "Ada Lovelace", status="ended", asked=(0,))
    resave(app_data_dir, ada, followups=planned)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await open_app(pilot)
        await pilot.press("v")
        await wait_until(pilot, lambda: isinstance(app.screen, SessionViewScreen))
        await pilot.press("w")
        await wait_until(pilot, lambda: isinstance(app.screen, WrapUpScreen))
        wrap = app.screen
        await pilot.pause()
        assert text_of(wrap, "#followups") == (
            "○ thank-you: Tue 03 Mar 2026\n○ check-in: Wed 02 Sep 2026"
        )
        await pilot.press("escape")  # save and back
        await wait_until(pilot, lambda: isinstance(app.screen, StartScreen))
    store = read_store(app_data_dir)
    assert store.load(ada.id).followups == planned
    store.close()


# -- review: search, the session page, patterns, exports ---------------------------------------


@pytest.fixture
def two_calls(store_session, app_data_dir):
    """Two ended calls whose notes share a word ("mentorship"), Grace's the newer, with a
    check-in planned."""
    ada = store_session(
        "20260302-100000-ada001",
        "Ada Lovelace",
        "Babbage Ltd",
        when=datetime(2026, 3, 2, 10, 0),
        status="ended",
        asked=(0, 1, 2),
        notes={2: "Mentorship matters more than any course."},
        spent={0: 60, 1: 150, 2: 360},
        elapsed=570,
    )
    grace = store_session(
        "20260305-140000-grace1",
        "Grace Hopper",
        "Navy Labs",
        when=datetime(2026, 3, 5, 14, 0),
        status="ended",
        asked=(0, 1, 2, 3),
        notes={3: "Find mentorship early; compilers later."},
        spent={0: 50, 1: 100, 2: 280, 3: 200},
        elapsed=630,
    )
    grace = resave(app_data_dir, grace, followups=[FollowUp(kind="check-in", due=date(2026, 6, 5))])
    return ada, grace


async def test_search_opens_the_note_and_patterns_compare_two_people(
    make_app, two_calls, wait_until
):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await open_app(pilot)
        await pilot.press("slash")
        await wait_until(pilot, lambda: isinstance(app.screen, SearchScreen))
        search = app.screen
        hits = search.query_one("#hits", OptionList)
        await type_text(pilot, "mentor")
        await wait_until(pilot, lambda: hits.option_count == 2)
        assert text_of(search, "#search-status") == "2 matching lines"
        first, second = option_texts(hits)
        assert first.startswith("Grace Hopper · 05 Mar 2026 · note: ")
        assert first.endswith("\n  Find mentorship early; compilers later.")
        assert second.startswith("Ada Lovelace · 02 Mar 2026 · note: ")
        assert second.endswith("\n  Mentorship matters more than any course.")

        await pilot.press("enter", "down", "enter")  # to the list, the second hit, open
        await wait_until(pilot, lambda: isinstance(app.screen, SessionViewScreen))
        assert app.screen.session.id == "20260302-100000-ada001"
        await pilot.pause()
        assert "Mentorship matters more than any course." in app.screen.query_one(Markdown).source
        await pilot.press("escape")
        await wait_until(pilot, lambda: app.screen is search)
        await pilot.press("escape")
        await wait_until(pilot, lambda: isinstance(app.screen, StartScreen))

        await pilot.press("P")
        await wait_until(pilot, lambda: isinstance(app.screen, PatternsScreen))
        page = app.screen.query_one(Markdown)
        await wait_until(pilot, lambda: page.source.startswith("# Patterns across 2 sessions"))
        assert "- **mentorship** (notes): Ada Lovelace, Grace Hopper" in page.source
        assert "## Who said what" in page.source
        # Side by side on the core question both were asked, not on the shared opener.
        assert "### What does a typical week look like in your role as" in page.source
        assert "**Ada Lovelace** (Babbage Ltd): Mentorship matters more than any course." in (
            page.source
        )
        assert "**Grace Hopper** (Navy Labs): _no note_" in page.source
        assert "### Thanks for making the time." not in page.source
        assert "| Question | Est. | Real | Reached | Suggest |" in page.source
        await pilot.press("escape")
        await wait_until(pilot, lambda: isinstance(app.screen, StartScreen))


async def test_exports_from_the_session_page_and_the_start_screen(
    make_app, app_data_dir, two_calls, wait_until
):
    ada, grace = two_calls
    exports = app_data_dir / "exports"
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await open_app(pilot)
        await pilot.press("v")  # the newest session: Grace's
        await wait_until(pilot, lambda: isinstance(app.screen, SessionViewScreen))
        markdown = exports / f"2026-03-05-grace-hopper-{grace.id}.md"
        as_json = exports / f"{grace.id}.json"
        await pilot.press("x")
        await wait_until(pilot, lambda: markdown.exists() and as_json.exists())
        await wait_until(pilot, lambda: not export_running(app))
        assert sorted(exports.iterdir()) == sorted([markdown, as_json])
        assert private_file(markdown) and private_file(as_json)
        assert stat.S_IMODE(exports.stat().st_mode) == 0o700
        text = markdown.read_text(encoding="utf-8")
        assert text.startswith("---\n")  # front matter for note apps
        assert "Find mentorship early; compilers later." in text
        [back] = from_json(as_json.read_text(encoding="utf-8"))
        assert back == app.workspace.load(grace.id)

        await pilot.press("escape")
        await wait_until(pilot, lambda: isinstance(app.screen, StartScreen))
        await pilot.press("X")
        await wait_until(pilot, lambda: len(list(exports.glob("sessions-*"))) == 3)
        await wait_until(pilot, lambda: not export_running(app))
    written = sorted(path.name for path in exports.iterdir())
    assert len(written) == 6  # a Markdown file per session; JSON, CSV, .ics of all; Grace's JSON
    assert all(private_file(path) for path in exports.iterdir())
    stems = {path.suffix: path for path in exports.glob("sessions-*")}
    assert set(stems) == {".csv", ".json", ".ics"}
    assert f"2026-03-02-ada-lovelace-{ada.id}.md" in written
    everything = from_json(stems[".json"].read_text(encoding="utf-8"))
    assert sorted(session.id for session in everything) == [ada.id, grace.id]
    rows = list(csv.DictReader(io.StringIO(stems[".csv"].read_text(encoding="utf-8"))))
    assert [(row["name"], row["asked"]) for row in rows] == [
        ("Grace Hopper", "4"),
        ("Ada Lovelace", "3"),
    ]
    calendar = stems[".ics"].read_bytes().decode("utf-8")  # CRLF kept, as RFC 5545 wants
    assert calendar.startswith("BEGIN:VCALENDAR\r\n")
    assert "DTSTART;VALUE=DATE:20260605\r\nDTEND;VALUE=DATE:20260606\r\n" in calendar
    assert "SUMMARY:Check in with Grace Hopper\r\n" in calendar


# -- outreach ----------------------------------------------------------------------------------


async def test_outreach_email_is_copied_and_the_contact_moves_to_asked(
    make_app, app_data_dir, store_session, wait_until, clipboard
):
    linh = store_session("20260310-090000-linh01", "Linh Tran", "Octave Labs", "Designer")
    resave(
        app_data_dir,
        linh,
        contact_status="to contact",
        scheduled_at=None,
        goals=["career exploration"],
        contact=linh.contact.model_copy(update={"how_met": "at the UX Leeds meetup"}),
    )
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await open_app(pilot)
        start = app.screen
        assert table_rows(start)[0][1:4] == ["Linh Tran", "Octave Labs", "to contact"]
        await pilot.press("m")
        await wait_until(pilot, lambda: isinstance(app.screen, TemplateDialog))
        dialog = app.screen
        assert text_of(dialog, "#template-title") == "Outreach email"
        email = dialog.query_one("#template-text").text
        assert email.startswith("Subject: Could I learn about your work at Octave Labs?\n\n")
        assert "Hi Linh," in email
        assert "We met at the UX Leeds meetup." in email
        assert "20-30 minute conversation" in email
        assert "your work as Designer at Octave Labs" in email

        await pilot.press("ctrl+s")  # copy and mark sent
        await wait_until(pilot, lambda: isinstance(app.screen, StartScreen))
        assert clipboard == [email]
        await wait_until(pilot, lambda: table_rows(start)[0][3] == "asked")
        assert start.due == []  # a gentle reminder comes only after a few working days

    store = read_store(app_data_dir)
    stored = store.load("20260310-090000-linh01")
    assert stored.contact_status == "asked"
    assert stored.outreach_sent_on == date.today()
    store.close()


# -- the form's messages -----------------------------------------------------------------------


async def test_form_errors_name_each_field_and_the_screen_stays(make_app, wait_until):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await open_app(pilot)
        await pilot.press("n")
        await wait_until(pilot, lambda: isinstance(app.screen, SetupScreen))
        setup = app.screen
        errors = setup.query_one("#form-errors", Static)
        # No name; tab down to the minutes and the date.
        await pilot.press(*["tab"] * 5)
        assert app.focused.id == "length"
        await type_text(pilot, "0")
        await pilot.press("tab")
        assert app.focused.id == "scheduled"
        await paste(pilot, "2026-13-45")
        await pilot.press("f5")
        await pilot.pause()
        assert app.screen is setup
        assert str(errors.render()).splitlines() == [
            "Name: the contact's name is needed",
            "Minutes: the call needs a positive length in minutes",
            "When: '2026-13-45' is not a date; use YYYY-MM-DD or YYYY-MM-DD HH:MM",
        ]
        assert errors.has_class("-error")
        assert app.focused.id == "name"  # the first field that is wrong

        # A name, and a negative length: only the two remaining fields are named.
        await type_text(pilot, "Ada")
        setup.query_one("#length", Input).focus()
        await pilot.press("backspace", "-", "5")
        assert setup.query_one("#length", Input).value == "-5"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is setup
        assert str(errors.render()).splitlines() == [
            "Minutes: the call needs a positive length in minutes",
            "When: '2026-13-45' is not a date; use YYYY-MM-DD or YYYY-MM-DD HH:MM",
        ]
        assert app.focused.id == "length"
        assert app.workspace is not None and app.workspace.summaries() == []

        # Fixed: the call starts.
        await pilot.press("backspace", "backspace", "4", "5", "tab")
        await paste(pilot, "2026-12-01")  # entering a field selects its text: replaced
        assert setup.query_one("#scheduled", Input).value == "2026-12-01"
        await pilot.press("f5")
        await wait_until(pilot, lambda: isinstance(app.screen, LiveScreen))
        session = app.screen.session
        assert (session.contact.name, session.length_minutes) == ("Ada", 45)
        assert session.scheduled_at == datetime(2026, 12, 1)
        assert not errors.has_class("-error")


async def test_an_unanswered_request_is_due_and_m_writes_the_gentle_reminder(
    make_app, app_data_dir, store_session, wait_until, clipboard
):
    linh = store_session("20260310-090000-linh02", "Linh Tran", "Octave Labs", "Designer")
    resave(
        app_data_dir,
        linh,
        contact_status="asked",
        scheduled_at=None,
        outreach_sent_on=date.today() - timedelta(days=14),
    )
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await open_app(pilot)
        start = app.screen
        await wait_until(pilot, lambda: len(start.due) == 1)
        assert start.due[0].kind == "outreach-reminder"
        await pilot.press("m")
        await wait_until(pilot, lambda: isinstance(app.screen, TemplateDialog))
        dialog = app.screen
        assert text_of(dialog, "#template-title") == "Follow-up reminder"
        reminder = dialog.query_one("#template-text").text
        assert "Linh" in reminder
        await pilot.press("ctrl+s")  # copy and mark sent
        await wait_until(pilot, lambda: isinstance(app.screen, StartScreen))
        assert clipboard == [reminder]
        await wait_until(pilot, lambda: start.due == [])

    store = read_store(app_data_dir)
    stored = store.load("20260310-090000-linh02")
    assert [f.kind for f in stored.followups if f.done] == ["outreach-reminder"]
    assert stored.contact_status == "asked"
    store.close()

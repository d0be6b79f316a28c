"""Pilot tests of issue 9's preparing and pace parts, at 80x24, checking what a person sees:
the default agenda built from the goals (a short reserve, not the whole banks), counts against
the plan, a question added with priority 1 landing where it belongs, a pace bar that warns only
when behind, and f10 counting the question a note was taken on."""

from __future__ import annotations

import re

import pytest
from textual.widgets import Input, SelectionList
from ui_helpers import next_tick, open_app, open_live, paste, text_of, type_text

from interview_tui.models import AgendaItem, Session
from interview_tui.planner import RESERVE_SHARE
from interview_tui.storage.store import SessionStore
from interview_tui.ui.dialogs.question_dialog import QuestionDialog
from interview_tui.ui.screens.agenda_editor import AgendaEditorScreen
from interview_tui.ui.screens.setup import SetupScreen
from interview_tui.ui.screens.wrap_up import WrapUpScreen
from interview_tui.ui.widgets.agenda_list import CUT_ID, AgendaList
from interview_tui.ui.widgets.budget_bar import BudgetBar

SIZE = (80, 24)
KATHERINE = "20260309-093000-kathy1"


# -- preparing -----------------------------------------------------------------------------------


async def test_a_twenty_minute_call_plans_from_the_goals_with_a_short_reserve(
    make_app, app_data_dir, wait_until, screen_text
):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_app(pilot)
        await pilot.press("n")
        await wait_until(pilot, lambda: isinstance(app.screen, SetupScreen))
        setup = app.screen
        await type_text(pilot, "Ana")
        await pilot.press("tab")
        await paste(pilot, "UX researcher")  # role
        await pilot.press("tab", "tab")
        await paste(pilot, "software")  # industry
        await pilot.press("tab", "tab")
        assert app.focused.id == "length"
        await type_text(pilot, "20")
        await pilot.press("tab", "tab", "tab", "tab")
        goals = setup.query_one("#goals", SelectionList)
        assert app.focused is goals
        await pilot.press("home", "down", "space")  # networking
        await pilot.press("tab")
        assert app.focused is setup.query_one("#own_goal", Input)
        await paste(pilot, "trends in hiring")
        await wait_until(pilot, lambda: setup._preview_timer is None)  # re-planned

        preview = setup.query_one("#preview", AgendaList)
        rows = preview.option_count - 1  # the cut line is a row of its own
        summary = text_of(setup, "#plan-summary")
        found = re.fullmatch(
            r"20 of 20 min planned · (\d+) questions above the cut · (\d+) if time allows",
            summary,
        )
        assert found, summary
        planned, reserve = int(found[1]), int(found[2])
        assert 8 <= planned <= 11 and 1 <= reserve <= 5, summary  # not 9 and 90
        assert planned + reserve == rows
        assert preview.option_index_of(planned) == planned + 1  # right under the cut line
        assert str(preview.get_option(CUT_ID).prompt) == f"── cut · {reserve} if time allows ──"
        assert "of 20 min planned" in screen_text(app)

        await pilot.press("ctrl+s")
        await wait_until(pilot, lambda: not isinstance(app.screen, SetupScreen))
    store = SessionStore(app_data_dir, read_only=True)
    (row,) = store.summaries()
    session = store.load(row["id"])
    assert session.goals == ["networking", "trends in hiring"]
    assert (session.cut_index, len(session.agenda)) == (planned, planned + reserve)
    above, below = session.agenda[:planned], session.agenda[planned:]
    assert sum(item.minutes for item in above) <= 20
    assert sum(item.minutes for item in below) <= 20 * RESERVE_SHARE
    assert above[0].phase == "opening" and above[-1].phase == "closing"
    assert any("resources" in item.goals for item in above)
    assert any("trends" in item.goals for item in above)
    assert (row["planned"], row["planned_asked"], row["extra_asked"]) == (planned, 0, 0)


async def test_an_own_question_with_priority_one_lands_above_the_cut_in_its_phase(
    make_app, store_session, wait_until
):
    store_session(KATHERINE, "Katherine Johnson", "NASA Langley", "Mathematician")
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_app(pilot)
        await pilot.press("e")
        await wait_until(pilot, lambda: isinstance(app.screen, SetupScreen))
        await pilot.press("ctrl+e")
        await wait_until(pilot, lambda: isinstance(app.screen, AgendaEditorScreen))
        editor = app.screen
        await pilot.press("q")
        await wait_until(pilot, lambda: isinstance(app.screen, QuestionDialog))
        await paste(pilot, "How did you check the orbital maths by hand?")
        await pilot.press("tab", "tab")
        assert app.focused.id == "question-priority"
        await pilot.press("backspace", "1", "enter")
        await wait_until(pilot, lambda: app.screen is editor)

        session = editor.session
        index = next(i for i, item in enumerate(session.agenda) if item.own)
        own = session.agenda[index]
        assert own.priority == 1
        assert index < session.cut_index, "a priority-1 question is planned, not an extra"
        assert index < len(session.agenda) - 1
        # Among the core questions: after the opening, before the closing.
        assert session.agenda[index - 1].phase in ("opening", "core")
        assert all(item.phase != "closing" for item in session.agenda[:index])
        # Highlighted where it landed, so the person sees it.
        agenda = editor.query_one(AgendaList)
        assert agenda.question_at(agenda.highlighted) == index
        assert "priority 1" in text_of(editor, "#lint")


# -- running the call ----------------------------------------------------------------------------


@pytest.fixture
def with_extras(store_session, app_data_dir) -> Session:
    """The fixed ten-question agenda (nine planned, 26 of 30 minutes) and, below the cut, ten
    three-minute priority-1 questions: the kind that used to crowd planned ones "at risk"
    while the call was ahead."""
    session = store_session(KATHERINE, "Katherine Johnson", "NASA Langley")
    session.agenda += [
        AgendaItem(key=f"extra/{n}", text=f"Extra question {n}?", minutes=3, priority=1)
        for n in range(10)
    ]
    store = SessionStore(app_data_dir)
    try:
        store.save(session)
    finally:
        store.close()
    return session


async def test_ahead_of_plan_reads_ahead_with_nothing_at_risk_and_no_warning(
    make_app, with_extras, wait_until, fake_clock, screen_text
):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        live = await open_live(pilot)
        bar = live.query_one(BudgetBar)
        assert text_of(live, "#budget-count") == "0 of 9 asked"
        await pilot.press("ctrl+t")
        for seconds in (30, 60, 180):  # 1 + 2 + 5 planned minutes in 4:30
            fake_clock.advance(seconds)
            await pilot.press("ctrl+n")
        await next_tick(pilot, live)

        pace = text_of(live, "#budget-pace")
        assert pace.startswith("ahead by 3:30"), pace
        assert "at risk" not in pace
        assert bar.pace is not None and bar.pace.at_risk == []
        assert not bar.has_class("-behind") and not bar.has_class("-over")
        assert text_of(live, "#budget-count") == "3 of 9 asked"
        assert "3 of 9 asked" in screen_text(app)
        agenda = live.query_one(AgendaList)
        marks = [str(agenda.get_option_at_index(i).prompt)[0] for i in range(agenda.option_count)]
        assert "!" not in marks

        # An extra from below the cut, asked: counted as extra, not against the plan.
        extra = live.session.cut_index + 1
        agenda.post_message(AgendaList.QuestionChosen(agenda, extra))
        await wait_until(pilot, lambda: live.current == extra)
        fake_clock.advance(60)
        await pilot.press("ctrl+n")
        await next_tick(pilot, live)
        assert text_of(live, "#budget-count") == "3 of 9 asked · +1 extra"


async def test_behind_turns_the_bar_to_warning_and_names_a_planned_question(
    make_app, with_extras, fake_clock
):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        live = await open_live(pilot)
        bar = live.query_one(BudgetBar)
        await pilot.press("ctrl+t")
        for seconds in (120, 240, 600):  # 1 + 2 + 5 planned minutes in 16
            fake_clock.advance(seconds)
            await pilot.press("ctrl+n")
        await next_tick(pilot, live)

        pace = text_of(live, "#budget-pace")
        assert pace.startswith("behind by 8:00"), pace
        assert bar.has_class("-behind")
        at_risk = bar.pace.at_risk
        assert at_risk and all(i < live.session.cut_index for i in at_risk)
        assert f"{len(at_risk)} at risk (!)" in pace


async def test_f10_counts_the_question_with_a_note_as_asked(
    make_app, store_session, wait_until, fake_clock
):
    store_session(KATHERINE, "Katherine Johnson", "NASA Langley", "Mathematician")
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_live(pilot)
        await pilot.press("ctrl+t")
        fake_clock.advance(50)
        await pilot.press("ctrl+n")
        fake_clock.advance(5)  # a moment on question 1: only the note says it was asked
        await type_text(pilot, "Loves the people")
        await pilot.press("f10")
        await wait_until(pilot, lambda: isinstance(app.screen, WrapUpScreen))
        wrap = app.screen
        assert [item.status for item in wrap.session.agenda[:3]] == ["asked", "asked", "pending"]
        assert "2 of 9 asked" in text_of(wrap, "#wrap-title")
    stored = SessionStore(app.data_root, read_only=True).load(KATHERINE)
    assert stored.agenda[1].status == "asked"

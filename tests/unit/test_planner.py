"""Planning an agenda to fit the call, and re-planning it as the call goes."""

from __future__ import annotations

import pytest

from interview_tui.clock import FakeClock, Stopwatch
from interview_tui.models import AgendaItem
from interview_tui.planner import agenda_order, live_pace, plan_agenda


def item(key: str, *, minutes: float, priority: int = 3, phase: str = "core", **fields):
    return AgendaItem(
        key=key, text=f"{key}?", minutes=minutes, priority=priority, phase=phase, **fields
    )


def keys(items: list[AgendaItem]) -> list[str]:
    return [i.key for i in items]


@pytest.fixture
def question_pool() -> list[AgendaItem]:
    """40 minutes of questions, given in a deliberately scrambled order."""
    return [
        item("core-p5", minutes=8, priority=5),
        item("closing-p2", minutes=1, priority=2, phase="closing"),
        item("core-p2", minutes=5, priority=2),
        item("opening-p3", minutes=2, priority=3, phase="opening"),
        item("core-p4", minutes=10, priority=4),
        item("core-p1", minutes=5, priority=1),
        item("closing-p1", minutes=2, priority=1, phase="closing"),
        item("core-p3", minutes=5, priority=3),
        item("opening-p1", minutes=2, priority=1, phase="opening"),
    ]


def test_agenda_runs_opening_then_core_then_closing_by_priority(question_pool):
    assert keys(agenda_order(question_pool)) == [
        "opening-p1",
        "opening-p3",
        "core-p1",
        "core-p2",
        "core-p3",
        "core-p4",
        "core-p5",
        "closing-p1",
        "closing-p2",
    ]


def test_equal_priority_keeps_the_order_given():
    items = [item(k, minutes=2, priority=2) for k in ("b", "a", "c")]
    assert keys(agenda_order(items)) == ["b", "a", "c"]


def test_fifteen_minutes_keeps_the_best_and_cuts_the_rest(question_pool):
    plan = plan_agenda(question_pool, 15)

    assert keys(plan.above) == ["opening-p1", "core-p1", "core-p2", "closing-p1", "closing-p2"]
    assert keys(plan.below) == ["opening-p3", "core-p3", "core-p4", "core-p5"]
    assert plan.planned_minutes == 15
    assert plan.spare_minutes == 0


def test_thirty_minutes_fills_a_gap_with_a_smaller_lower_priority_question(question_pool):
    plan = plan_agenda(question_pool, 30)

    # core-p4 (10 min) no longer fits after core-p3; core-p5 (8 min) exactly does.
    assert keys(plan.above) == [
        "opening-p1",
        "opening-p3",
        "core-p1",
        "core-p2",
        "core-p3",
        "core-p5",
        "closing-p1",
        "closing-p2",
    ]
    assert keys(plan.below) == ["core-p4"]
    assert plan.planned_minutes == 30


def test_sixty_minutes_fits_everything_with_time_to_spare(question_pool):
    plan = plan_agenda(question_pool, 60)

    assert plan.cut == len(question_pool)
    assert plan.below == []
    assert keys(plan.items) == keys(agenda_order(question_pool))
    assert plan.spare_minutes == 20


def test_pinned_questions_stay_above_the_cut_even_over_budget():
    items = [
        item("must-1", minutes=10, priority=5, pinned=True),
        item("nice", minutes=1, priority=1),
        item("must-2", minutes=10, priority=4, pinned=True),
        item("must-close", minutes=2, priority=5, phase="closing", pinned=True),
    ]

    plan = plan_agenda(items, 15)

    assert keys(plan.above) == ["must-2", "must-1", "must-close"]
    assert keys(plan.below) == ["nice"]
    assert plan.planned_minutes == 22
    assert plan.spare_minutes == -7


def test_an_opening_and_a_closing_question_are_reserved_before_core_ones():
    items = [
        item("core-a", minutes=5, priority=1),
        item("core-b", minutes=4, priority=1),
        item("hello", minutes=2, priority=4, phase="opening"),
        item("hello-best", minutes=2, priority=3, phase="opening"),
        item("thanks", minutes=2, priority=5, phase="closing"),
    ]

    plan = plan_agenda(items, 10)

    # By priority alone core-a and core-b (9 min) would leave no time to open or close.
    assert keys(plan.above) == ["hello-best", "core-a", "thanks"]
    assert keys(plan.below) == ["hello", "core-b"]


def test_a_pinned_closing_question_counts_as_the_reserved_one():
    items = [
        item("core", minutes=6, priority=1),
        item("wrap-up", minutes=2, priority=5, phase="closing", pinned=True),
        item("other-closing", minutes=2, priority=1, phase="closing"),
    ]

    plan = plan_agenda(items, 8)

    assert keys(plan.above) == ["core", "wrap-up"]
    assert keys(plan.below) == ["other-closing"]


def test_keep_order_plans_in_the_order_the_user_chose():
    items = [
        item("thanks", minutes=2, priority=1, phase="closing"),
        item("core-low", minutes=3, priority=5),
        item("hello", minutes=2, priority=2, phase="opening"),
        item("too-long", minutes=20, priority=1),
    ]

    plan = plan_agenda(items, 10, keep_order=True)

    assert keys(plan.above) == ["thanks", "core-low", "hello"]
    assert keys(plan.below) == ["too-long"]


# ── Live pace ─────────────────────────────────────────────────────────────────────────
# A 25-minute call: five 5-minute questions above the cut, two "if time allows" below.


@pytest.fixture
def agenda() -> list[AgendaItem]:
    items = [
        item("hello", minutes=5, priority=1, phase="opening"),
        item("path", minutes=5, priority=1),
        item("week", minutes=5, priority=2),
        item("advice", minutes=5, priority=3),
        item("who-else", minutes=5, priority=1, phase="closing"),
        item("extra-1", minutes=5, priority=4),
        item("extra-2", minutes=5, priority=5),
    ]
    plan = plan_agenda(items, 25)
    assert keys(plan.items) == [i.key for i in items]
    assert plan.cut == 5
    return plan.items


def pace_at(agenda, current, elapsed, current_seconds=0.0):
    """The pace of the 25-minute ``agenda`` (cut after five) at ``elapsed`` seconds."""
    return live_pace(agenda, 5, current, elapsed, 25, current_seconds)


def ask(agenda: list[AgendaItem], *indices: int) -> None:
    for i in indices:
        agenda[i].status = "asked"


def test_on_pace_nothing_is_at_risk(agenda):
    ask(agenda, 0, 1)

    pace = pace_at(agenda, 2, 660, current_seconds=60)

    assert pace.on_pace
    assert pace.at_risk == []
    assert pace.gained == []
    assert pace.behind_seconds == 0
    assert pace.remaining_seconds == 840
    assert pace.current_overrun_seconds == 0


def test_behind_names_the_questions_that_will_not_fit(agenda):
    ask(agenda, 0, 1)

    # 13 minutes for 11 planned: at that pace "advice" no longer fits, the closing still does.
    pace = pace_at(agenda, 2, 780, current_seconds=60)

    assert not pace.on_pace
    assert pace.behind_seconds == 120
    assert pace.ratio == pytest.approx(780 / 660)
    assert [agenda[i].key for i in pace.at_risk] == ["advice"]
    assert pace.gained == []


def test_far_behind_puts_everything_left_at_risk(agenda):
    ask(agenda, 0, 1)

    pace = pace_at(agenda, 2, 1200, current_seconds=60)

    assert [agenda[i].key for i in pace.at_risk] == ["advice", "who-else"]


def test_ahead_gains_questions_from_below_the_cut(agenda):
    ask(agenda, 0, 1, 2)

    # 15 planned minutes done in 12: an extra question now fits.
    pace = pace_at(agenda, 3, 720)

    assert pace.on_pace
    assert pace.behind_seconds == -180
    assert [agenda[i].key for i in pace.gained] == ["extra-1"]
    assert pace.at_risk == []


def test_well_ahead_gains_both_extra_questions(agenda):
    ask(agenda, 0, 1, 2)

    pace = pace_at(agenda, 3, 540)

    assert [agenda[i].key for i in pace.gained] == ["extra-1", "extra-2"]


def test_current_question_overrun_is_reported_in_seconds(agenda):
    ask(agenda, 0, 1)

    pace = pace_at(agenda, 2, 1020, current_seconds=420)

    assert pace.current_overrun_seconds == 120


def test_one_long_first_answer_does_not_set_the_pace(agenda):
    pace = pace_at(agenda, 0, 100, current_seconds=100)

    assert pace.ratio == 1.0
    assert pace.at_risk == []


def test_skipped_questions_free_their_time_for_extras(agenda):
    ask(agenda, 0, 1)
    agenda[2].status = "skipped"
    agenda[3].status = "skipped"

    pace = pace_at(agenda, 4, 600)

    assert [agenda[i].key for i in pace.gained] == ["extra-1", "extra-2"]


def test_paused_time_does_not_count_against_the_pace(agenda):
    clock = FakeClock()
    stopwatch = Stopwatch(clock)
    stopwatch.start()
    clock.advance(5 * 60)
    ask(agenda, 0)
    clock.advance(5 * 60)
    ask(agenda, 1)
    stopwatch.pause()
    clock.advance(20 * 60)  # the call dropped for twenty minutes
    stopwatch.start()
    clock.advance(60)

    pace = pace_at(agenda, 2, stopwatch.elapsed(), current_seconds=60)

    assert stopwatch.elapsed() == 11 * 60
    assert pace.on_pace
    assert pace.at_risk == []
    assert pace.remaining_seconds == 14 * 60

"""The pace bar says the truth (issue 9): only planned questions (above the cut) that will not
fit at the current pace are at risk, questions below the cut never compete with them, and the
warning colour comes only when the call is behind."""

from __future__ import annotations

import pytest

from interview_tui.models import AgendaItem
from interview_tui.planner import OFF_PLAN_SECONDS, Pace, live_pace

# A 20-minute call planned for 18: opening, two core questions, closing. Below the cut,
# questions with better priorities than the plan's, which used to push planned ones "at risk"
# while the call was ahead.
LENGTH = 20
CUT = 4


@pytest.fixture
def agenda() -> list[AgendaItem]:
    def item(key: str, minutes: float, priority: int, phase: str = "core") -> AgendaItem:
        return AgendaItem(key=key, text=key, minutes=minutes, priority=priority, phase=phase)

    return [
        item("hello", 4, 2, "opening"),
        item("path", 5, 3),
        item("week", 5, 4),
        item("bye", 4, 3, "closing"),
        item("extra-short", 1, 1),
        item("extra-a", 3, 1),
        item("extra-b", 3, 1),
        item("extra-c", 4, 2),
    ]


def pace_at(agenda, *, asked=(), current: int | None, elapsed: float, on_current=0.0) -> Pace:
    for index in asked:
        agenda[index].status = "asked"
    return live_pace(agenda, CUT, current, elapsed, LENGTH, on_current)


def keys(agenda, indices) -> list[str]:
    return [agenda[i].key for i in indices]


def test_ahead_of_plan_nothing_is_at_risk_and_no_warning(agenda) -> None:
    # Nine planned minutes done in 6:17, a minute into "week": ahead by 2:43.
    pace = pace_at(agenda, asked=(0, 1), current=2, elapsed=377 + 60, on_current=60)

    assert pace.behind_seconds == pytest.approx(-163)
    assert pace.ahead and not pace.behind
    assert pace.at_risk == []
    assert not pace.warning and pace.on_pace
    # The time the plan leaves goes to the best extras that fit in it.
    assert keys(agenda, pace.gained) == ["extra-short", "extra-a", "extra-b"]


def test_on_plan_nothing_is_at_risk(agenda) -> None:
    pace = pace_at(agenda, asked=(0, 1), current=2, elapsed=600, on_current=60)

    assert pace.behind_seconds == 0
    assert not pace.ahead and not pace.behind
    assert pace.at_risk == []
    assert keys(agenda, pace.gained) == ["extra-short"]  # the two spare minutes
    assert not pace.warning


def test_at_the_start_the_plan_fits_however_many_extras_there_are(agenda) -> None:
    pace = pace_at(agenda, current=0, elapsed=0)

    assert pace.at_risk == []
    assert not pace.warning


def test_a_little_behind_says_so_without_a_warning(agenda) -> None:
    pace = pace_at(agenda, asked=(0, 1), current=2, elapsed=645, on_current=60)

    assert pace.behind and pace.behind_seconds == 45
    assert pace.at_risk == []
    assert pace.gained == []  # no room for extras any more
    assert not pace.warning


def test_behind_puts_the_planned_question_that_will_not_fit_at_risk(agenda) -> None:
    pace = pace_at(agenda, asked=(0, 1), current=2, elapsed=720, on_current=60)

    assert pace.behind_seconds == 120
    assert keys(agenda, pace.at_risk) == ["bye"]
    assert pace.gained == []  # nothing below the cut while the plan does not fit
    assert pace.warning and not pace.on_pace


def test_behind_keeps_the_closing_and_risks_the_core_question(agenda) -> None:
    # The opening and "path" took 14 minutes against 9 planned; "week" and "bye" are left.
    pace = pace_at(agenda, asked=(0, 1), current=None, elapsed=840)

    assert keys(agenda, pace.at_risk) == ["week"]
    assert pace.warning


def test_far_behind_puts_every_planned_question_left_at_risk(agenda) -> None:
    pace = pace_at(agenda, asked=(0,), current=1, elapsed=1100, on_current=500)

    assert keys(agenda, pace.at_risk) == ["week", "bye"]
    assert pace.gained == []
    assert pace.warning


def test_a_planned_question_ending_a_few_seconds_late_still_fits(agenda) -> None:
    """On pace is on pace: a question that would end less than half a minute past the
    planned end is not "at risk"."""
    agenda[1].minutes = 7  # the plan is now the whole 20 minutes
    pace = pace_at(agenda, asked=(0,), current=1, elapsed=240 + 10, on_current=10)

    assert pace.behind_seconds == 0
    assert pace.at_risk == []
    late = pace_at(agenda, current=1, elapsed=250 + OFF_PLAN_SECONDS + 20, on_current=10)
    assert late.at_risk


def test_past_the_planned_end_is_over(agenda) -> None:
    pace = pace_at(agenda, asked=(0, 1, 2), current=3, elapsed=1260, on_current=300)

    assert pace.over and pace.warning
    assert pace.remaining_seconds == -60


def test_pinned_planned_questions_are_never_at_risk(agenda) -> None:
    agenda[2].pinned = True
    pace = pace_at(agenda, asked=(0,), current=1, elapsed=1100, on_current=500)

    assert keys(agenda, pace.at_risk) == ["bye"]


def test_extras_asked_quickly_leave_the_plan_alone(agenda) -> None:
    """Extras asked count towards the time covered; while the rest of the plan still fits,
    nothing is at risk and the call reads ahead."""
    pace = pace_at(agenda, asked=(0, 4, 5), current=1, elapsed=360)

    assert pace.ahead
    assert pace.at_risk == []
    assert not pace.warning

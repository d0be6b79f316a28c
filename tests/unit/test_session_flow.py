"""The domain's rules for a session: the contact's status only moves forward; the call starts,
pauses, marks questions asked / skipped / back and ends; thanks and outreach are recorded."""

from __future__ import annotations

from datetime import date, datetime
from typing import get_args

import pytest

from interview_tui.clock import FakeClock
from interview_tui.followups import advance_contact_status
from interview_tui.models import (
    CONTACT_STATUSES,
    AgendaItem,
    Contact,
    ContactStatus,
    FollowUp,
    Session,
)
from interview_tui.session_flow import (
    LiveCall,
    contact_status_rank,
    end_call,
    finish_question,
    mark_thanked,
    move_contact_status,
    next_contact_status,
    next_pending,
    outreach_is_reminder,
    record_outreach,
    reopen_previous,
    start_call,
)

NOW = datetime(2026, 3, 9, 9, 30)
LATER = datetime(2026, 3, 9, 10, 5)
TODAY = date(2026, 3, 9)


def session(contact_status: ContactStatus = "to contact", questions: int = 4, **fields) -> Session:
    agenda = [AgendaItem(key=f"q/{i}", text=f"Question {i}?") for i in range(questions)]
    return Session(
        contact=Contact(name="Ada Lovelace"),
        contact_status=contact_status,
        agenda=agenda,
        cut_index=questions,
        **fields,
    )


def statuses(s: Session) -> list[str]:
    return [item.status for item in s.agenda]


# -- the one rule: a contact's status only moves forward ----------------------------------------


def test_statuses_are_the_literal_in_its_order() -> None:
    assert get_args(ContactStatus) == CONTACT_STATUSES
    assert [contact_status_rank(s) for s in CONTACT_STATUSES] == list(range(6))
    assert contact_status_rank("gone quiet") == -1
    assert next_contact_status("thanked") == "keeping in touch"
    assert next_contact_status("keeping in touch") is None
    assert next_contact_status("gone quiet") is None


@pytest.mark.parametrize("start", CONTACT_STATUSES)
@pytest.mark.parametrize("target", CONTACT_STATUSES)
def test_a_status_only_moves_forward(start: ContactStatus, target: ContactStatus) -> None:
    s = session(start)
    moved = move_contact_status(s, target)
    forward = CONTACT_STATUSES.index(target) > CONTACT_STATUSES.index(start)
    assert moved is forward
    assert s.contact_status == (target if forward else start)


def test_an_unknown_status_is_refused_and_changes_nothing() -> None:
    s = session("asked")
    with pytest.raises(ValueError, match="unknown contact status 'hired'"):
        move_contact_status(s, "hired")
    assert s.contact_status == "asked"


def test_the_copying_form_follows_the_same_rule() -> None:
    thanked = session("thanked")
    assert advance_contact_status(thanked, "interviewed").contact_status == "thanked"
    assert advance_contact_status(thanked).contact_status == "keeping in touch"
    assert thanked.contact_status == "thanked"  # a copy: the original is left alone


# -- the bug: screens set the status by hand and moved it backwards -----------------------------


def test_ending_a_resumed_call_keeps_a_thanked_contact_thanked() -> None:
    """A call ended, thanked, then opened again with r and ended with f10: the live screen set
    "interviewed" by hand and the contact fell back from "thanked"."""
    s = session("thanked", status="ended", started_at=NOW, ended_at=NOW)
    end_call(s, LATER)
    assert s.contact_status == "thanked"
    assert (s.status, s.ended_at) == ("ended", LATER)


def test_a_second_thank_you_does_not_undo_keeping_in_touch() -> None:
    """The wrap-up set "thanked" by hand, over the start screen's "keeping in touch"."""
    s = session("keeping in touch", followups=[FollowUp(kind="thank-you", due=TODAY)])
    mark_thanked(s)
    assert s.contact_status == "keeping in touch"
    assert s.followups[0].done


def test_starting_the_timer_does_not_undo_a_later_status() -> None:
    s = session("thanked")
    start_call(s, NOW)
    assert (s.status, s.contact_status) == ("live", "thanked")


# -- starting, pausing and ending the call ------------------------------------------------------


def test_starting_a_planned_call_makes_it_live_and_the_contact_interviewed() -> None:
    s = session("scheduled")
    start_call(s, NOW)
    assert (s.status, s.started_at, s.contact_status) == ("live", NOW, "interviewed")


def test_a_restart_keeps_the_first_start_time() -> None:
    s = session("scheduled")
    start_call(s, NOW)
    start_call(s, LATER)
    assert s.started_at == NOW


def test_ending_a_call_dates_it_and_the_contact_was_interviewed() -> None:
    s = session("scheduled")
    end_call(s, LATER)
    assert (s.status, s.ended_at, s.contact_status) == ("ended", LATER, "interviewed")


def test_the_timer_starts_and_pauses_the_call(fake_clock: FakeClock) -> None:
    s = session("scheduled")
    call = LiveCall(s, fake_clock, now=lambda: NOW)
    assert call.toggle_timer() is True
    assert (s.status, s.started_at, s.contact_status) == ("live", NOW, "interviewed")
    assert s.agenda[0].reached
    fake_clock.advance(90)
    assert call.toggle_timer() is False  # paused
    fake_clock.advance(600)  # paused time does not count
    assert call.elapsed() == 90
    assert call.current_seconds() == 90
    assert s.status == "live"


def test_a_resumed_call_continues_from_its_saved_time(fake_clock: FakeClock) -> None:
    s = session("interviewed", status="live", elapsed_seconds=300.0, started_at=NOW)
    s.agenda[1].seconds_spent = 40.0
    s.current_index = 1
    call = LiveCall(s, fake_clock)
    call.toggle_timer()
    fake_clock.advance(20)
    assert call.elapsed() == 320
    assert call.current_seconds() == 60
    assert s.started_at == NOW


def test_ending_pauses_credits_the_time_and_ends(fake_clock: FakeClock) -> None:
    s = session("scheduled")
    call = LiveCall(s, fake_clock, now=lambda: LATER)
    call.toggle_timer()
    fake_clock.advance(120)
    call.end()
    assert not call.running
    assert s.agenda[0].seconds_spent == 120
    assert s.elapsed_seconds == 120
    assert (s.status, s.ended_at, s.contact_status) == ("ended", LATER, "interviewed")


# -- marking questions asked, skipped, and going back -------------------------------------------


def test_asked_and_skipped_move_on_to_the_next_pending_question(fake_clock: FakeClock) -> None:
    s = session()
    call = LiveCall(s, fake_clock)
    call.toggle_timer()
    fake_clock.advance(60)
    assert call.finish_current("asked") is True
    fake_clock.advance(30)
    assert call.finish_current("skipped") is True
    assert statuses(s) == ["asked", "skipped", "pending", "pending"]
    assert s.current_index == 2
    assert s.agenda[2].reached
    assert [item.seconds_spent for item in s.agenda] == [60, 30, 0, 0]


def test_the_next_pending_question_wraps_round_and_skips_covered_ones() -> None:
    s = session()
    for index in (0, 2):
        s.agenda[index].status = "asked"
    assert next_pending(s, 1) == 3
    assert next_pending(s, 3) == 1
    s.agenda[1].status = "asked"
    assert next_pending(s, 3) is None


def test_marking_the_last_pending_question_stays_on_it(fake_clock: FakeClock) -> None:
    s = session(questions=2)
    s.agenda[0].status = "asked"
    s.current_index = 1
    call = LiveCall(s, fake_clock)
    assert finish_question(session(questions=1), 0, "asked") is None
    assert call.finish_current("asked") is False  # every question is covered
    assert statuses(s) == ["asked", "asked"]
    assert s.current_index == 1


def test_back_reopens_the_previous_question_and_goes_there(fake_clock: FakeClock) -> None:
    s = session()
    call = LiveCall(s, fake_clock)
    call.toggle_timer()
    call.finish_current("asked")
    fake_clock.advance(45)
    assert call.back() is True
    assert statuses(s) == ["pending", "pending", "pending", "pending"]  # the tick is undone
    assert s.current_index == 0
    assert s.agenda[1].seconds_spent == 45  # the time went to where the call was


def test_back_on_the_first_question_does_nothing(fake_clock: FakeClock) -> None:
    s = session()
    s.agenda[0].status = "asked"
    assert reopen_previous(s) is None
    assert LiveCall(s, fake_clock).back() is False
    assert statuses(s)[0] == "asked"


def test_back_leaves_the_current_questions_own_mark() -> None:
    s = session()
    s.agenda[1].status = "skipped"
    s.agenda[2].status = "asked"
    s.current_index = 2
    assert reopen_previous(s) == 1
    assert statuses(s)[1:3] == ["pending", "asked"]


def test_an_empty_agenda_has_no_current_question(fake_clock: FakeClock) -> None:
    s = session(questions=0)
    call = LiveCall(s, fake_clock)
    assert call.current is None
    assert call.current_seconds() == 0
    assert call.finish_current("asked") is False
    assert call.back() is False
    call.toggle_timer()
    fake_clock.advance(10)
    call.settle()
    assert s.elapsed_seconds == 10


def test_choosing_a_question_credits_the_time_and_reaches_it(fake_clock: FakeClock) -> None:
    s = session()
    call = LiveCall(s, fake_clock)
    call.toggle_timer()
    fake_clock.advance(25)
    call.go_to(3)
    assert (s.current_index, s.agenda[3].reached, s.agenda[0].seconds_spent) == (3, True, 25)
    assert statuses(s) == ["pending"] * 4


# -- thanks and outreach -----------------------------------------------------------------------


def test_thanking_marks_the_thank_you_done_and_the_contact_thanked() -> None:
    s = session(
        "interviewed",
        followups=[
            FollowUp(kind="thank-you", due=TODAY),
            FollowUp(kind="check-in", due=date(2026, 6, 9)),
        ],
    )
    mark_thanked(s)
    assert s.contact_status == "thanked"
    assert [f.done for f in s.followups] == [True, False]


def test_the_first_email_is_the_request_and_moves_the_contact_to_asked() -> None:
    s = session("to contact")
    assert not outreach_is_reminder(s)
    record_outreach(s, TODAY)
    assert (s.contact_status, s.outreach_sent_on, s.followups) == ("asked", TODAY, [])
    assert outreach_is_reminder(s)


def test_a_request_to_a_scheduled_contact_is_dated_but_stays_scheduled() -> None:
    s = session("scheduled")
    record_outreach(s, TODAY)
    assert (s.contact_status, s.outreach_sent_on) == ("scheduled", TODAY)


def test_once_asked_the_next_email_is_a_reminder_recorded_as_a_done_follow_up() -> None:
    sent = date(2026, 3, 2)
    s = session("asked", outreach_sent_on=sent)
    record_outreach(s, TODAY)
    assert s.outreach_sent_on == sent
    assert s.contact_status == "asked"
    assert [(f.kind, f.due, f.done) for f in s.followups] == [("outreach-reminder", TODAY, True)]

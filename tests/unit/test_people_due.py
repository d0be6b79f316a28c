"""The due list's rules for people: who is due a check-in, which introducer to thank, how
done, snooze and undo change a person, referrals that are no longer due, the weekly count."""

from __future__ import annotations

from datetime import date, timedelta

from interview_tui.followups import DueItem, due_items
from interview_tui.models import Contact, FollowUp, Referral, Session
from interview_tui.people import log_interaction
from interview_tui.people_due import (
    PersonDue,
    default_cadence_days,
    due_list,
    held_on,
    mark_introducer_thanked,
    people_due,
    snoozed,
    undo_person_change,
    weekly_line,
)
from interview_tui.person import Interaction, Person

TODAY = date(2026, 6, 10)  # a Wednesday


def met(name: str, on: date, **fields: object) -> Person:
    person = Person(name=name, status="interviewed", **fields)
    log_interaction(person, on, "call")
    return person


def test_the_setting_in_months_is_a_cadence_of_thirty_day_months() -> None:
    assert default_cadence_days(3) == 90
    assert default_cadence_days(1) == 30


def test_someone_met_a_cadence_ago_is_due_a_check_in_saying_when_you_last_talked() -> None:
    ana = met("Ana Núñez", date(2026, 3, 3))
    recent = met("Cy Park", TODAY - timedelta(days=10))
    items = people_due([ana, recent], TODAY, 90)
    assert [(i.kind, i.label, i.due) for i in items] == [
        ("keep-in-touch", "Check in with Ana Núñez (last talked 3 Mar)", date(2026, 6, 1))
    ]


def test_a_last_talk_in_another_year_says_the_year() -> None:
    ana = met("Ana Núñez", date(2025, 11, 3))
    assert (
        people_due([ana], TODAY, 90)[0].label == "Check in with Ana Núñez (last talked 3 Nov 2025)"
    )


def test_a_persons_own_cadence_wins_over_the_setting() -> None:
    often = met("Ana Núñez", TODAY - timedelta(days=20), cadence_days=14)
    rarely = met("Bo Lee", TODAY - timedelta(days=100), cadence_days=180)
    assert [i.name for i in people_due([often, rarely], TODAY, 90)] == ["Ana Núñez"]
    assert [i.name for i in people_due([often, rarely], TODAY, 14)] == ["Ana Núñez"]


def test_someone_not_met_yet_is_not_due_a_check_in() -> None:
    asked = Person(name="Bo Lee", status="asked")
    log_interaction(asked, date(2026, 1, 1), "outreach")
    assert people_due([asked], TODAY, 90) == []


def test_a_person_whose_session_check_in_is_listed_is_not_asked_about_twice() -> None:
    ana = met("Ana Núñez", date(2026, 3, 3))
    assert people_due([ana], TODAY, 90, skip_check_ins={ana.id}) == []


def test_the_introducer_is_thanked_once_the_introduced_person_is_met_until_done() -> None:
    ana = met("Ana Núñez", date(2026, 5, 1))
    bo = Person(name="Bo Lee", introduced_by=ana.id)
    assert [i.kind for i in people_due([ana, bo], TODAY, 90)] == []
    bo = met("Bo Lee", date(2026, 6, 8), introduced_by=ana.id)
    items = people_due([ana, bo], TODAY, 90)
    assert [(i.kind, i.label, i.due, i.person_id, i.introduced_id) for i in items] == [
        (
            "thank-introducer",
            "Thank Ana Núñez for introducing Bo Lee",
            date(2026, 6, 8),
            ana.id,
            bo.id,
        )
    ]
    thanked = mark_introducer_thanked(bo)
    assert thanked.introducer_thanked and not bo.introducer_thanked  # a copy
    assert people_due([ana, thanked], TODAY, 90) == []


def test_logging_a_check_in_moves_the_next_touch_a_cadence_on_and_undo_brings_it_back() -> None:
    ana = met("Ana Núñez", date(2026, 3, 3))
    before = ana.model_copy(deep=True)
    after = ana.model_copy(deep=True)
    log_interaction(after, TODAY, "check-in", "Checked in")
    assert after.status == "keeping in touch"
    assert people_due([after], TODAY, 90) == []
    assert people_due([after], TODAY + timedelta(days=90), 90)[0].due == TODAY + timedelta(days=90)
    # Something else logged since the check-in stays; the check-in and status go back.
    current = after.model_copy(deep=True)
    current.interactions.append(Interaction(on=TODAY, kind="logged", line="coffee"))
    undone = undo_person_change(current, before, after)
    assert [(i.kind, i.line) for i in undone.interactions] == [("call", ""), ("logged", "coffee")]
    assert undone.status == "interviewed"


def test_undo_keeps_a_field_changed_since() -> None:
    ana = met("Ana Núñez", date(2026, 3, 3))
    after = snoozed(ana, TODAY)
    current = after.model_copy(update={"status": "keeping in touch"})
    undone = undo_person_change(current, ana, after)
    assert undone.snoozed_until is None
    assert undone.status == "keeping in touch"


def test_snoozing_waits_two_weeks_then_it_is_due_again() -> None:
    ana = met("Ana Núñez", date(2026, 3, 3))
    later = snoozed(ana, TODAY)
    assert ana.snoozed_until is None  # a copy
    assert later.snoozed_until == TODAY + timedelta(days=14)
    assert people_due([later], TODAY + timedelta(days=13), 90) == []
    assert [i.due for i in people_due([later], TODAY + timedelta(days=14), 90)] == [
        TODAY + timedelta(days=14)
    ]


def _parent_with_referral(person_id: str) -> Session:
    return Session(
        contact=Contact(name="Ana Núñez"),
        status="ended",
        contact_status="thanked",
        referrals=[Referral(name="Bo Lee", person_id=person_id)],
    )


def test_a_referral_goes_once_its_person_moved_past_to_contact() -> None:
    parent = _parent_with_referral("p-bo")
    assert [i.label for i in due_items([parent], TODAY)] == [
        "Reach out to Bo Lee (recommended by Ana Núñez)"
    ]
    assert len(due_items([parent], TODAY, person_statuses={"p-bo": "to contact"})) == 1
    assert due_items([parent], TODAY, person_statuses={"p-bo": "asked"}) == []
    assert len(due_items([parent], TODAY, person_statuses={"p-other": "asked"})) == 1


def test_the_whole_list_merges_sessions_and_people_by_date() -> None:
    bo = Person(id="p-bo", name="Bo Lee", status="scheduled")
    ana = met("Ana Núñez", date(2026, 3, 3))
    parent = _parent_with_referral(bo.id)
    thanks = Session(
        contact=Contact(name="Cy Park"),
        status="ended",
        contact_status="interviewed",
        followups=[FollowUp(kind="thank-you", due=date(2026, 5, 2))],
    )
    items = due_list(
        [parent.model_dump(mode="json"), thanks.model_dump(mode="json")], [bo, ana], TODAY, 90
    )
    assert [(type(i).__name__, i.label) for i in items] == [
        ("DueItem", "Send a thank-you note to Cy Park"),
        ("PersonDue", "Check in with Ana Núñez (last talked 3 Mar)"),
    ]


def test_a_session_check_in_for_a_person_hides_their_keep_in_touch_item() -> None:
    ana = met("Ana Núñez", date(2026, 3, 3))
    call = Session(
        contact=Contact(name="Ana Núñez"),
        person_id=ana.id,
        status="ended",
        contact_status="thanked",
        followups=[FollowUp(kind="check-in", due=date(2026, 6, 3))],
    )
    items = due_list([call.model_dump(mode="json")], [ana], TODAY, 90)
    assert [type(i) for i in items] == [DueItem]
    assert items[0].kind == "check-in"


def _row(status: str, started: str | None) -> dict[str, object]:
    return {"id": started or "x", "status": status, "started_at": started, "ended_at": None}


def test_the_week_counts_calls_held_from_monday_to_today() -> None:
    rows = [
        _row("ended", "2026-06-08T10:00:00"),  # Monday
        _row("live", "2026-06-10T09:00:00"),  # today
        _row("ended", "2026-06-07T10:00:00"),  # last Sunday
        _row("planned", None),
        {"id": "s", "status": "planned", "scheduled_at": "2026-06-09T10:00:00"},
    ]
    assert weekly_line(rows, TODAY, 3) == "This week: 2 of 3 conversations"
    assert weekly_line(rows, TODAY, 1) == "This week: 2 of 1 conversation"
    assert weekly_line(rows, TODAY, 0) == ""


def test_a_row_with_a_broken_date_counts_as_not_held() -> None:
    assert held_on(_row("ended", "not a date")) is None
    assert held_on({"status": "ended", "ended_at": "2026-06-09T10:00:00"}) == date(2026, 6, 9)


def test_a_person_item_sorts_by_name_like_a_session_item() -> None:
    item = PersonDue("p", "keep-in-touch", "Check in with Ana", TODAY, "Ana")
    assert item.contact == "Ana"

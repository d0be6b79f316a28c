"""Follow-ups: statuses, dates, the due list on fixed days, marking done, referrals."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path

import pytest

from interview_tui.followups import (
    DueItem,
    add_months,
    add_working_days,
    advance_contact_status,
    due_items,
    mark_done,
    next_contact_status,
    plan_followups,
    referral_to_session,
    schedule_followups,
)
from interview_tui.models import CONTACT_STATUSES, Contact, FollowUp, Referral, Session
from interview_tui.storage.store import SessionStore

FRI, MON, TUE, WED = date(2024, 3, 1), date(2024, 3, 4), date(2024, 3, 5), date(2024, 3, 6)


def session(name: str = "Jane Smith", **fields: object) -> Session:
    return Session(contact=Contact(name=name, company="Acme"), **fields)


# -- statuses ----------------------------------------------------------------------------------


def test_statuses_progress_in_order_and_stop_at_the_end() -> None:
    walked = ["to contact"]
    while (following := next_contact_status(walked[-1])) is not None:
        walked.append(following)
    assert tuple(walked) == CONTACT_STATUSES
    assert walked[-1] == "keeping in touch"


def test_advance_moves_forward_on_a_copy() -> None:
    original = session()
    moved = advance_contact_status(original)
    assert moved.contact_status == "asked"
    assert original.contact_status == "to contact"


def test_advance_never_moves_backwards() -> None:
    thanked = session(contact_status="thanked")
    assert advance_contact_status(thanked, "asked").contact_status == "thanked"
    assert advance_contact_status(thanked, "keeping in touch").contact_status == "keeping in touch"


def test_advance_to_an_unknown_status_is_a_clear_error() -> None:
    with pytest.raises(ValueError, match="unknown contact status 'ghosted'"):
        advance_contact_status(session(), "ghosted")


# -- dates -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("start", "days", "expected"),
    [
        (FRI, 3, WED),
        (MON, 3, date(2024, 3, 7)),
        (date(2024, 3, 2), 1, MON),  # Saturday + 1 working day
        (WED, 0, WED),
        (WED, -3, FRI),
        (FRI, 5, date(2024, 3, 8)),
    ],
)
def test_add_working_days_skips_weekends(start: date, days: int, expected: date) -> None:
    assert add_working_days(start, days) == expected


@pytest.mark.parametrize(
    ("start", "months", "expected"),
    [
        (date(2024, 1, 31), 1, date(2024, 2, 29)),
        (date(2024, 11, 15), 3, date(2025, 2, 15)),
        (date(2024, 5, 31), 3, date(2024, 8, 31)),
        (date(2023, 11, 30), 3, date(2024, 2, 29)),
    ],
)
def test_add_months_keeps_the_day_or_the_last_day(start: date, months: int, expected: date) -> None:
    assert add_months(start, months) == expected


def test_plan_thanks_next_day_and_checks_in_after_three_months() -> None:
    planned = plan_followups(ended_on=TUE)
    assert [(f.kind, f.due, f.done) for f in planned] == [
        ("thank-you", WED, False),
        ("check-in", date(2024, 6, 5), False),
    ]


def test_plan_with_other_check_in_months_or_none() -> None:
    assert plan_followups(TUE, check_in_months=6)[1].due == date(2024, 9, 5)
    assert [f.kind for f in plan_followups(TUE, check_in_months=0)] == ["thank-you"]
    with pytest.raises(ValueError, match="0 or more"):
        plan_followups(TUE, check_in_months=-1)


def test_scheduling_again_keeps_done_follow_ups_and_replaces_pending_ones() -> None:
    first = schedule_followups(
        session(followups=[FollowUp(kind="other", due=FRI, note="send article")]), ended_on=MON
    )
    first.followups[1].done = True  # thank-you sent
    again = schedule_followups(first, ended_on=TUE, check_in_months=1)
    assert [(f.kind, f.due, f.done) for f in again.followups] == [
        ("other", FRI, False),
        ("thank-you", TUE, True),
        ("thank-you", WED, False),
        ("check-in", date(2024, 4, 5), False),
    ]


# -- due list ----------------------------------------------------------------------------------


def after_call(**fields: object) -> Session:
    base = session(
        contact_status="interviewed",
        started_at=datetime(2024, 3, 4, 10),
        ended_at=datetime(2024, 3, 4, 10, 30),
    )
    return schedule_followups(base, ended_on=MON).model_copy(update=fields)


def kinds(items: list[DueItem]) -> list[tuple[str, date]]:
    return [(item.kind, item.due) for item in items]


def test_a_thank_you_not_yet_sent_is_due_at_once() -> None:
    items = due_items([after_call()], today=MON)
    assert kinds(items) == [("thank-you", TUE)]
    assert items[0].label == "Send a thank-you note to Jane Smith"
    assert not items[0].is_overdue(MON)
    assert items[0].is_overdue(WED)


def test_a_thank_you_is_gone_once_sent_or_the_contact_is_thanked() -> None:
    sent = after_call()
    sent.followups[0].done = True
    assert due_items([sent], today=WED) == []
    assert due_items([after_call(contact_status="thanked")], today=WED) == []


def test_a_check_in_appears_only_when_due() -> None:
    thanked = after_call(contact_status="thanked")
    assert due_items([thanked], today=date(2024, 6, 3)) == []
    assert kinds(due_items([thanked], today=date(2024, 6, 4))) == [("check-in", date(2024, 6, 4))]
    assert kinds(due_items([thanked], today=date(2024, 6, 1), within_days=3)) == [
        ("check-in", date(2024, 6, 4))
    ]


def test_recommended_people_not_yet_contacted_are_due() -> None:
    call = after_call(
        contact_status="thanked",
        referrals=[Referral(name="Ana Ruiz"), Referral(name="Bo Chen", contacted=True)],
    )
    items = due_items([call], today=WED)
    assert [(item.kind, item.label, item.index) for item in items] == [
        ("referral", "Reach out to Ana Ruiz (recommended by Jane Smith)", 0)
    ]
    assert items[0].due == MON


def test_a_referral_whose_own_session_has_moved_on_is_not_due() -> None:
    parent = after_call(contact_status="thanked", referrals=[Referral(name="Ana Ruiz")])
    child = referral_to_session(parent.referrals[0], parent)
    assert [i.kind for i in due_items([parent, child], today=WED)] == ["referral"]
    child = advance_contact_status(child, "asked").model_copy(update={"outreach_sent_on": WED})
    assert due_items([parent, child], today=WED) == []


@pytest.mark.parametrize(
    ("today", "due"),
    [(TUE, False), (WED, True), (date(2024, 3, 3), False), (date(2024, 3, 12), True)],
)
def test_an_unanswered_request_is_due_after_three_working_days(today: date, due: bool) -> None:
    asked = session(contact_status="asked", outreach_sent_on=FRI)
    items = due_items([asked], today=today)
    assert kinds(items) == ([("outreach-reminder", WED)] if due else [])
    if due:
        assert items[0].label == "Send Jane Smith a gentle reminder (no reply yet)"


@pytest.mark.parametrize("status", ["to contact", "scheduled", "interviewed"])
def test_no_reminder_unless_still_waiting_for_a_reply(status: str) -> None:
    other = session(contact_status=status, outreach_sent_on=FRI)
    assert due_items([other], today=date(2024, 3, 20)) == []


def test_no_reminder_without_a_sent_date() -> None:
    assert due_items([session(contact_status="asked")], today=date(2024, 3, 20)) == []


def test_marking_a_reminder_sent_waits_three_more_working_days_and_stops_after_two() -> None:
    asked = session(contact_status="asked", outreach_sent_on=FRI)
    (item,) = due_items([asked], today=WED)
    once = mark_done(asked, item, today=WED)
    assert due_items([once], today=date(2024, 3, 8)) == []
    (second,) = due_items([once], today=date(2024, 3, 11))
    assert second.label.endswith("(still no reply)")
    twice = mark_done(once, second, today=date(2024, 3, 11))
    assert due_items([twice], today=date(2024, 4, 30)) == []


def test_summary_rows_and_stored_documents_are_accepted() -> None:
    asked = session(contact_status="asked", outreach_sent_on=FRI)
    summary = {
        "id": "s1",
        "name": "Jo",
        "contact_status": "asked",
        "outreach_sent_on": "2024-03-01",
    }
    document = after_call().model_dump(mode="json")
    items = due_items([summary, document, asked], today=WED)
    assert sorted((i.contact, i.kind) for i in items) == [
        ("Jane Smith", "outreach-reminder"),
        ("Jane Smith", "thank-you"),
        ("Jo", "outreach-reminder"),
    ]


def test_due_list_is_earliest_first() -> None:
    late = after_call(contact_status="thanked")
    early = session("Ana Ruiz", contact_status="asked", outreach_sent_on=date(2024, 5, 1))
    items = due_items([late, early], today=date(2024, 6, 10))
    assert [(i.contact, i.due) for i in items] == [
        ("Ana Ruiz", date(2024, 5, 6)),
        ("Jane Smith", date(2024, 6, 4)),
    ]


# -- marking done ------------------------------------------------------------------------------


def test_marking_a_thank_you_done_records_it_and_moves_the_contact_on() -> None:
    call = after_call()
    (item,) = due_items([call], today=MON)
    done = mark_done(call, item)
    assert done.followups[0].done
    assert done.contact_status == "thanked"
    assert not call.followups[0].done, "the original is untouched"
    assert due_items([done], today=MON) == []


def test_marking_a_check_in_done_means_keeping_in_touch() -> None:
    call = after_call(contact_status="thanked")
    (item,) = due_items([call], today=date(2024, 6, 4))
    done = mark_done(call, item)
    assert done.contact_status == "keeping in touch"
    assert done.followups[1].done


def test_marking_a_referral_done_marks_it_contacted() -> None:
    call = after_call(contact_status="thanked", referrals=[Referral(name="Ana Ruiz")])
    (item,) = due_items([call], today=WED)
    assert mark_done(call, item).referrals[0].contacted


def test_marking_done_on_the_wrong_session_is_refused() -> None:
    (item,) = due_items([after_call()], today=MON)
    with pytest.raises(ValueError, match="belongs to session"):
        mark_done(session(), item)


def test_marking_done_finds_the_follow_up_even_if_the_list_moved() -> None:
    call = after_call()
    (item,) = due_items([call], today=MON)
    call.followups.insert(0, FollowUp(kind="other", due=FRI, done=True))
    done = mark_done(call, item)
    assert [f.done for f in done.followups] == [True, True, False]


# -- referrals ---------------------------------------------------------------------------------


def test_a_referral_becomes_a_linked_contact_to_reach_out_to() -> None:
    parent = after_call(goals=["networking"], referrals=[Referral(name=" Ana Ruiz ", note="PM")])
    referral = parent.referrals[0]

    child = referral_to_session(referral, parent)

    assert child.contact.name == "Ana Ruiz"
    assert child.contact_status == "to contact"
    assert child.referred_by == "Jane Smith"
    assert child.goals == ["networking"]
    assert child.research_notes == "Recommended by Jane Smith (Acme) on 2024-03-04: PM"
    assert referral.session_id == child.id
    assert child.id != parent.id


def test_a_referral_without_a_name_or_already_linked_is_refused() -> None:
    parent = after_call()
    with pytest.raises(ValueError, match="needs a name"):
        referral_to_session(Referral(name="  "), parent)
    with pytest.raises(ValueError, match="already has a session"):
        referral_to_session(Referral(name="Ana", session_id="x"), parent)


# -- through the store, as the start screen does it --------------------------------------------


@pytest.fixture
def store(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[SessionStore]:
    monkeypatch.setenv("INTERVIEW_TUI_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("INTERVIEW_TUI_CONFIG_DIR", str(tmp_path / "config"))
    opened = SessionStore(tmp_path / "data")
    yield opened
    opened.close()


def mark_first(store: SessionStore, today: date, kind: str) -> None:
    item = next(i for i in due_items(store.summaries(), today) if i.kind == kind)
    store.save(mark_done(store.load(item.session_id), item, today=today))


def test_the_due_list_from_stored_summaries_matches_the_sessions(store: SessionStore) -> None:
    call = after_call(
        referrals=[
            Referral(name="Bo Chen", contacted=True),
            Referral(name="Ana Ruiz"),
            Referral(name="Cy Diaz"),
        ]
    )
    asked = session("Kim Lee", contact_status="asked", outreach_sent_on=FRI)
    store.save(call)
    store.save(asked)

    from_rows = due_items(store.summaries(), today=WED)
    from_sessions = due_items([call, asked], today=WED)

    def shown(items: list[DueItem]) -> list[tuple[str, str, date]]:
        return [(i.session_id, i.label, i.due) for i in items]

    assert shown(from_rows) == shown(from_sessions)
    assert [i.kind for i in from_rows] == ["referral", "referral", "thank-you", "outreach-reminder"]


def test_marking_done_from_summaries_changes_the_right_item(store: SessionStore) -> None:
    call = after_call(referrals=[Referral(name="Bo Chen", contacted=True), Referral(name="Ana")])
    call.followups.insert(0, FollowUp(kind="thank-you", due=FRI, done=True))  # an earlier one
    store.save(call)

    mark_first(store, WED, "referral")
    mark_first(store, WED, "thank-you")

    stored = store.load(call.id)
    assert [(r.name, r.contacted) for r in stored.referrals] == [("Bo Chen", True), ("Ana", True)]
    assert [(f.kind, f.due, f.done) for f in stored.followups] == [
        ("thank-you", FRI, True),
        ("thank-you", TUE, True),
        ("check-in", date(2024, 6, 4), False),
    ]
    assert stored.contact_status == "thanked"
    assert due_items(store.summaries(), today=WED) == []


def test_reminders_from_summaries_stop_after_two(store: SessionStore) -> None:
    store.save(session(contact_status="asked", outreach_sent_on=FRI))

    mark_first(store, WED, "outreach-reminder")
    assert due_items(store.summaries(), today=date(2024, 3, 8)) == []
    mark_first(store, date(2024, 3, 11), "outreach-reminder")
    assert due_items(store.summaries(), today=date(2024, 4, 30)) == []


def test_a_persons_open_follow_ups_come_from_their_list_rows_earliest_first() -> None:
    from interview_tui.followups import open_followups_of_rows

    rows = [
        {"followups": [{"kind": "check-in", "due": "2026-06-03", "done": False}]},
        {
            "followups": [
                {"kind": "thank-you", "due": "2026-03-04", "done": False},
                {"kind": "other", "due": "2026-01-01", "done": True, "note": "sent"},
            ]
        },
    ]
    assert open_followups_of_rows(rows, "Ana") == [
        (date(2026, 3, 4), "Send a thank-you note to Ana"),
        (date(2026, 6, 3), "Check in with Ana"),
    ]


def test_a_follow_up_of_another_shape_in_a_list_row_is_left_out_and_the_rest_stay_due() -> None:
    row = {
        "id": "s1",
        "name": "Ada Lovelace",
        "contact_status": "interviewed",
        "followups": [
            {"kind": "thank-you", "due": 5, "done": "yes"},  # a hand-edited index
            {"kind": "check-in", "due": "2026-03-01"},
            [],
        ],
        "referrals": [{"name": 5}, {"name": "Sam Park"}],
    }
    labels = [item.label for item in due_items([row], date(2026, 3, 10))]
    assert any("Ada Lovelace" in label for label in labels)
    assert any("Sam Park" in label for label in labels)
    assert len(labels) == 2

"""Two versions of one session or person, edited on two machines, merged per field."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from interview_tui.models import AgendaItem, Contact, FollowUp, Referral, Session
from interview_tui.person import Interaction, Person
from interview_tui.sync_merge import (
    OTHER_MARK,
    conflict_original,
    merge_people,
    merge_sessions,
    merge_text,
)


def _agenda() -> list[AgendaItem]:
    return [
        AgendaItem(key="b/path", text="How did you get here?"),
        AgendaItem(key="b/day", text="What is a normal day?"),
    ]


def _pair() -> tuple[Session, Session]:
    base = Session(contact=Contact(name="Ana Núñez", company="Acme"), agenda=_agenda())
    return base.model_copy(deep=True), base.model_copy(deep=True)


@pytest.mark.parametrize(
    ("name", "original"),
    [
        ("s1.sync-conflict-20261130-101500-ABCDEF7.json", "s1.json"),
        (
            "20261130-101500-a1b2c3.sync-conflict-20261201-090000-XYZ1234.json",
            "20261130-101500-a1b2c3.json",
        ),
        ("s1 (conflicted copy 2026-11-30).json", "s1.json"),
        ("s1 (Ana's MacBook's conflicted copy 2026-11-30).json", "s1.json"),
        ("s1 (Desktop's conflicted copy 2026-11-30 (1)).json", "s1.json"),
        ("s1 2.json", "s1.json"),
        ("p-20261130-a1b2c3d4 3.json", "p-20261130-a1b2c3d4.json"),
        ("s9 2.json", None),  # no s9.json beside it: a record of its own, not a copy
        ("my notes 2.json", None),
        ("s1.json", None),
        ("s1.json.damaged-20261130-101500", None),
        (".s1.json.123.tmp", None),
    ],
)
def test_conflict_copies_are_known_by_their_names(name: str, original: str | None):
    folder = {"s1.json", "p-20261130-a1b2c3d4.json", "my notes.json", name}
    assert conflict_original(name, folder) == original


def test_two_different_notes_are_both_kept_the_other_marked():
    text, both = merge_text("She started in audit.", "Mentions a spring programme.")
    assert both
    assert text == f"She started in audit.\n\n{OTHER_MARK} Mentions a spring programme."


def test_a_note_that_holds_the_other_wins_and_merging_again_changes_nothing():
    assert merge_text("audit", "audit, then data") == ("audit, then data", False)
    assert merge_text("audit, then data", "audit") == ("audit, then data", False)
    assert merge_text("", "only there") == ("only there", False)
    assert merge_text("only here", "  ") == ("only here", False)
    once, _ = merge_text("here", "there")
    assert merge_text(once, "there") == (once, False)


def test_question_notes_statuses_and_times_merge_per_field():
    ours, theirs = _pair()
    ours.agenda[0].note = "Audit first"
    ours.agenda[0].status = "skipped"
    theirs.agenda[0].note = "Then data engineering"
    theirs.agenda[0].status = "asked"
    theirs.agenda[1].note = "Mostly meetings"
    ours.started_at, theirs.started_at = datetime(2026, 3, 2, 10, 5), datetime(2026, 3, 2, 10, 0)
    ours.ended_at, theirs.ended_at = datetime(2026, 3, 2, 10, 30), datetime(2026, 3, 2, 10, 40)
    ours.contact_status, theirs.contact_status = "thanked", "interviewed"
    ours.general_note, theirs.general_note = "Warm", "Ask about mentoring"

    merged, said = merge_sessions(ours, theirs)

    first, second = merged.agenda
    assert "Audit first" in first.note and "Then data engineering" in first.note
    assert first.note.index("Audit first") < first.note.index(OTHER_MARK)
    assert first.status == "asked"
    assert second.note == "Mostly meetings"
    assert merged.started_at == datetime(2026, 3, 2, 10, 0)
    assert merged.ended_at == datetime(2026, 3, 2, 10, 40)
    assert merged.contact_status == "thanked"
    assert "Warm" in merged.general_note and "Ask about mentoring" in merged.general_note
    assert "both general notes and notes kept" in said.text()
    assert ours.agenda[0].note == "Audit first"  # the inputs are left as they were


def test_follow_ups_and_referrals_are_united_and_done_wins():
    ours, theirs = _pair()
    ours.followups = [FollowUp(kind="thank-you", due=date(2026, 3, 3))]
    theirs.followups = [
        FollowUp(kind="thank-you", due=date(2026, 3, 3), done=True),
        FollowUp(kind="check-in", due=date(2026, 6, 1)),
    ]
    ours.referrals = [Referral(name="Bo Li")]
    theirs.referrals = [Referral(name="bo  li", contacted=True), Referral(name="Cy Ode")]

    merged, said = merge_sessions(ours, theirs)

    assert [(f.kind, f.done) for f in merged.followups] == [
        ("thank-you", True),
        ("check-in", False),
    ]
    assert [(r.name, r.contacted) for r in merged.referrals] == [("Bo Li", True), ("Cy Ode", False)]
    assert "follow-ups" in said.text() and "referrals" in said.text()


def test_a_question_added_on_the_other_machine_is_kept():
    ours, theirs = _pair()
    theirs.agenda.append(AgendaItem(key="own/1", text="Who else should I meet?", own=True))
    merged, _ = merge_sessions(ours, theirs)
    assert [item.key for item in merged.agenda] == ["b/path", "b/day", "own/1"]


def test_identical_versions_merge_to_the_same_session():
    ours, theirs = _pair()
    merged, said = merge_sessions(ours, theirs)
    assert merged == ours
    assert said.text() == "nothing new in it"


def test_a_person_takes_fields_from_the_later_edit_unless_empty_and_unites_interactions():
    ours = Person(name="Ana Núñez", company="Acme", email="ana@acme.test", notes="Likes chess")
    theirs = ours.model_copy(deep=True)
    ours.role = "Engineer"
    theirs.company = "Globex"
    theirs.email = ""
    theirs.status = "scheduled"
    theirs.notes = "Moved to Globex"
    ours.interactions = [Interaction(on=date(2026, 3, 2), kind="call")]
    theirs.interactions = [
        Interaction(on=date(2026, 3, 2), kind="call"),
        Interaction(on=date(2026, 1, 5), kind="outreach"),
    ]

    merged, said = merge_people(ours, theirs, theirs_newer=True)

    assert merged.company == "Globex"
    assert merged.email == "ana@acme.test"  # empty in the later edit: not taken
    assert merged.role == "Engineer"
    assert merged.status == "scheduled"
    assert "Likes chess" in merged.notes and "Moved to Globex" in merged.notes
    assert [(i.on, i.kind) for i in merged.interactions] == [
        (date(2026, 1, 5), "outreach"),
        (date(2026, 3, 2), "call"),
    ]
    older, _ = merge_people(ours, theirs, theirs_newer=False)
    assert older.company == "Acme"
    assert "interactions" in said.text()

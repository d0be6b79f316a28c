"""People as records: matching, keep-in-touch dates, referral chains, filtering."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from interview_tui.followups import due_items, mark_done
from interview_tui.import_cards import PersonCard
from interview_tui.models import Contact, FollowUp, Referral, Session
from interview_tui.people import (
    company_matches,
    conversations_this_week,
    due_for_touch,
    find_same,
    fold,
    introduced_tree,
    introducer_chain,
    introducers_to_thank,
    last_touch,
    log_interaction,
    next_touch,
    person_matches,
    referral_to_person,
    snooze,
    sync_from_session,
)
from interview_tui.people_import import merge_cards
from interview_tui.person import Person
from interview_tui.session_flow import mark_thanked
from interview_tui.templates import outreach_email


def test_fold_drops_case_accents_and_punctuation() -> None:
    assert fold("José Núñez-Ávila") == "jose nunez avila"
    assert fold("Zoë") == "zoe"


@pytest.mark.parametrize("company", ["Acme, Inc.", "ACME Corp", "acme", "Acme GmbH", "Acme Ltd."])
def test_acme_finds_every_spelling_of_acme(company: str) -> None:
    assert company_matches("acme", company)


def test_company_match_forgives_a_typo_but_not_another_company() -> None:
    assert company_matches("acne", "Acme, Inc.")
    assert not company_matches("acme", "Globex")
    assert not company_matches("", "Acme")


def test_same_person_by_profile_then_email_then_name_and_company() -> None:
    ana = Person(name="Ana Núñez", company="Acme, Inc.", email="ana@acme.example")
    lee = Person(name="Lee", profile_url="https://www.linkedin.com/in/lee/")
    people = [ana, lee]
    assert find_same(people, PersonCard("L. Dev", profile_url="http://linkedin.com/in/lee")) is lee
    assert find_same(people, PersonCard("Someone", email="ANA@acme.example")) is ana
    assert find_same(people, PersonCard("ana nunez", company="ACME Corp")) is ana
    assert find_same(people, PersonCard("Ana Núñez", company="Globex")) is None
    assert find_same(people, PersonCard("Ana Núñez")) is ana  # the only Ana Núñez
    assert (
        find_same([*people, Person(name="Ana Nunez", company="Initech")], PersonCard("Ana Núñez"))
        is None
    )


def test_a_shared_address_is_not_the_same_person_when_names_differ() -> None:
    team = Person(name="Ana", email="team@acme.example")
    other = Contact(name="Bo", email="team@acme.example")
    assert find_same([team], other, same_name=True) is None
    assert find_same([team], Contact(name="ANA", email="team@acme.example"), same_name=True)


def met(**fields: object) -> Person:
    person = Person(name="Ana", status="interviewed", **fields)  # type: ignore[arg-type]
    log_interaction(person, date(2026, 1, 10), "call")
    return person


def test_next_touch_is_the_last_touch_plus_the_cadence() -> None:
    person = met()
    assert next_touch(person) == date(2026, 4, 10)
    person.cadence_days = 30
    assert next_touch(person) == date(2026, 2, 9)


def test_any_touch_resets_keep_in_touch_but_an_unanswered_request_does_not() -> None:
    person = met()
    log_interaction(person, date(2026, 3, 1), "outreach")
    assert last_touch(person) == date(2026, 1, 10)
    log_interaction(person, date(2026, 3, 2), "logged", "coffee at the meetup")
    assert next_touch(person) == date(2026, 5, 31)
    assert person.status == "keeping in touch"


def test_nobody_is_due_for_a_touch_before_you_have_met() -> None:
    person = Person(name="Bo")
    log_interaction(person, date(2026, 1, 1), "outreach")
    assert next_touch(person) is None
    assert due_for_touch([person], date(2027, 1, 1)) == []


def test_due_for_touch_and_snooze() -> None:
    early, late = met(), met()
    late.name = "Zed"
    late.cadence_days = 200
    today = date(2026, 4, 20)
    assert [p for p, _ in due_for_touch([late, early], today)] == [early]
    snooze(early, today)
    assert next_touch(early) == date(2026, 5, 4)
    assert due_for_touch([early], today) == []
    log_interaction(early, date(2026, 4, 21), "check-in")
    assert early.snoozed_until is None


def test_a_logged_interaction_is_recorded_once() -> None:
    person = met()
    assert not log_interaction(person, date(2026, 1, 10), "call")
    assert log_interaction(person, date(2026, 1, 10), "logged", "lunch")
    assert not log_interaction(person, date(2026, 1, 10), "logged", "lunch")


def session_with(**fields: object) -> Session:
    return Session(contact=Contact(name="Ana", company="Acme", email="ana@acme.example"), **fields)  # type: ignore[arg-type]


def test_a_conversation_brings_its_call_notes_sent_and_status_into_the_person() -> None:
    person = Person(name="Ana")
    session = session_with(
        status="ended",
        started_at=datetime(2026, 2, 3, 10),
        ended_at=datetime(2026, 2, 3, 10, 30),
        contact_status="thanked",
        followups=[FollowUp(kind="thank-you", due=date(2026, 2, 4), done=True)],
    )
    assert sync_from_session(person, session)
    assert person.status == "thanked"
    assert [(i.kind, i.on) for i in person.interactions] == [
        ("call", date(2026, 2, 3)),
        ("thank-you", date(2026, 2, 4)),
    ]
    assert person.company == "Acme"
    assert not sync_from_session(person, session)


def test_a_thank_you_sent_before_its_due_day_is_logged_on_the_day_it_was_sent() -> None:
    """Held a day before it was scheduled, thanked the same evening: the note went out on
    the 30th, not on the 1st its follow-up was due (a last contact in the future)."""
    session = session_with(
        status="ended",
        scheduled_at=datetime(2026, 12, 1, 10),
        started_at=datetime(2026, 11, 30, 10),
        followups=[FollowUp(kind="thank-you", due=date(2026, 12, 1))],
    )
    mark_thanked(session, today=date(2026, 11, 30))
    person = Person(name="Ana")
    sync_from_session(person, session)
    assert ("thank-you", date(2026, 11, 30)) in [(i.kind, i.on) for i in person.interactions]

    by_the_due_list = session_with(followups=[FollowUp(kind="check-in", due=date(2027, 3, 1))])
    [item] = due_items([by_the_due_list], date(2027, 3, 5))
    done = mark_done(by_the_due_list, item, today=date(2027, 3, 5))
    sync_from_session(person, done)
    assert ("check-in", date(2027, 3, 5)) in [(i.kind, i.on) for i in person.interactions]


def test_a_status_never_moves_back() -> None:
    person = Person(name="Ana", status="thanked")
    sync_from_session(person, session_with(contact_status="asked"))
    assert person.status == "thanked"


def test_a_referral_becomes_a_person_introduced_by_the_interviewee() -> None:
    ana = Person(name="Ana")
    session = session_with(status="ended", ended_at=datetime(2026, 2, 3, 11))
    referral = Referral(name="Bo Lee", note="data team lead")
    bo = referral_to_person(referral, ana, session)
    assert (bo.introduced_by, bo.status, referral.person_id) == (ana.id, "to contact", bo.id)
    assert bo.how_met == "Recommended by Ana on 2026-02-03"
    assert introducers_to_thank([ana, bo]) == []
    bo.status = "interviewed"
    assert introducers_to_thank([ana, bo]) == [(ana, bo)]
    bo.introducer_thanked = True
    assert introducers_to_thank([ana, bo]) == []


def test_referral_chains_up_and_trees_down_survive_a_cycle() -> None:
    ana = Person(name="Ana")
    bo = Person(name="Bo", introduced_by=ana.id)
    cy = Person(name="Cy", introduced_by=bo.id)
    di = Person(name="Di", introduced_by=ana.id)
    people = [ana, bo, cy, di]
    by_id = {p.id: p for p in people}
    assert [p.name for p in introducer_chain(cy, by_id)] == ["Bo", "Ana"]
    tree = introduced_tree(ana, people)
    assert [n.person.name for n in tree.introduced] == ["Bo", "Di"]
    assert [n.person.name for n in tree.introduced[0].introduced] == ["Cy"]
    ana.introduced_by = cy.id  # a loop typed by hand must not hang anything
    assert [p.name for p in introducer_chain(cy, by_id)] == ["Bo", "Ana"]
    assert introduced_tree(ana, people).introduced[0].introduced[0].introduced == []


def test_filter_by_name_role_tag_or_company() -> None:
    ana = Person(name="Ana Núñez", company="Acme, Inc.", role="Data lead", tags=["fintech"])
    assert person_matches(ana, "nun")
    assert person_matches(ana, "acme")
    assert person_matches(ana, "data fin")
    assert not person_matches(ana, "globex")


def test_conversations_this_week_count_from_monday() -> None:
    today = date(2026, 12, 2)  # a Wednesday
    days = [date(2026, 11, 30), date(2026, 12, 2), date(2026, 11, 29), None]
    assert conversations_this_week(days, today) == 2


def test_import_adds_fills_gaps_never_overwrites_and_twice_changes_nothing() -> None:
    ana = Person(name="Ana Núñez", company="Acme", role="Head of data")
    cards = [
        PersonCard("Ana Nunez", company="Acme, Inc.", role="CEO", email="ana@acme.example"),
        PersonCard("Bo Lee", company="Globex", where="Connections.csv:9"),
        PersonCard("", where="Connections.csv:10"),
    ]
    report = merge_cards([ana], cards, "Connections.csv")
    assert report.summary() == "Connections.csv: 1 added, 1 updated, 0 unchanged, 1 skipped"
    updated = report.updated[0]
    assert (updated.role, updated.email) == ("Head of data", "ana@acme.example")
    assert ana.email == ""  # the stored person is only changed when the report is saved
    assert report.skipped == ["Connections.csv:10: no name"]
    again = merge_cards([updated, *report.added], cards, "Connections.csv")
    assert again.summary() == "Connections.csv: 0 added, 0 updated, 2 unchanged, 1 skipped"


def test_an_imported_person_is_not_introduced_as_imported_in_the_note_asking_to_talk() -> None:
    cards = [
        PersonCard(
            name="José Álvarez",
            company="Acme",
            where="Connections.csv:5",
            connected_on=date(2026, 6, 2),
        ),
        PersonCard(name="Siobhán O'Neil-Ng", where="contacts.vcf:1"),
    ]
    report = merge_cards([], cards, "import")
    assert [p.how_met for p in report.added] == ["LinkedIn connection", ""]
    session = Session(contact=Contact(name="José Álvarez", how_met=report.added[0].how_met))
    assert "Imported" not in outreach_email(session)
    assert "LinkedIn connection" in outreach_email(session)


def test_names_sort_with_numbers_in_number_order_and_accents_aside() -> None:
    from interview_tui.people import name_order

    names = ["Person 10", "person 2", "Émile", "Person 1", "Zoë", "ana"]
    assert sorted(names, key=name_order) == [
        "ana",
        "Émile",
        "Person 1",
        "person 2",
        "Person 10",
        "Zoë",
    ]


def test_a_referral_to_someone_known_links_them_and_to_someone_new_makes_a_person() -> None:
    from interview_tui.people import person_for_referral

    ana = Person(name="Ana")
    bo = Person(name="Bo Lee", company="")
    session = session_with(status="ended", ended_at=datetime(2026, 2, 3, 11))
    known, new = person_for_referral(Referral(name="Bo Lee"), ana, session, [ana, bo])
    assert (known, new, known.introduced_by) == (bo, False, ana.id)
    cy_referral = Referral(name="Cy Park", note="hiring")
    cy, new = person_for_referral(cy_referral, ana, session, [ana, bo])
    assert new and cy_referral.person_id == cy.id and cy.introduction_note == "hiring"

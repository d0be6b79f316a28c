"""Emails filled from a session read naturally, whatever the session knows."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, datetime

import pytest

from interview_tui.models import AgendaItem, Contact, Referral, Session
from interview_tui.templates import (
    check_in_note,
    follow_up_reminder,
    greeting_name,
    outreach_email,
    thank_you_note,
)

TODAY = date(2024, 3, 5)  # a Tuesday


def full_session(**changes: object) -> Session:
    session = Session(
        contact=Contact(
            name="Jane Smith",
            role="Data Engineer",
            company="Acme",
            industry="fintech",
            how_met="at PyCon 2024",
        ),
        referred_by="Sam Lee",
        goals=["career exploration", "skill development"],
        started_at=datetime(2024, 3, 4, 10, 0),
        outreach_sent_on=date(2024, 2, 20),
        agenda=[
            AgendaItem(
                key="opening/week",
                text="How has your week been so far?",
                phase="opening",
                status="asked",
            ),
            AgendaItem(
                key="career/start",
                text="How did you first find your way into {industry}?",
                status="asked",
                note="Started in consulting\nmoved at 30",
            ),
            AgendaItem(
                key="role/week",
                text="What does a typical week look like for you at {company}?",
                status="asked",
            ),
            AgendaItem(key="role/tools", text="Which tools do you rely on?", status="skipped"),
        ],
        reflections={"advice": "Learn SQL properly.", "surprise": "How much is writing"},
        takeaways="- Data quality is the real job\n- Meetups matter",
        referrals=[Referral(name="Ana Ruiz"), Referral(name="Bo Chen", contacted=True)],
    )
    return session.model_copy(update=changes)


def bare_session() -> Session:
    return Session(contact=Contact(name="Jo"))


ALL_TEMPLATES: list[Callable[[Session], str]] = [
    outreach_email,
    lambda s: follow_up_reminder(s, today=TODAY),
    lambda s: thank_you_note(s, today=TODAY),
    lambda s: check_in_note(s, today=date(2024, 6, 10)),
]

PARTIAL_SESSIONS = {
    "bare": bare_session(),
    "role only": Session(contact=Contact(name="Jo", role="Nurse")),
    "company only": Session(contact=Contact(name="Jo", company="Acme")),
    "industry only": Session(contact=Contact(name="Jo", industry="health"), goals=["networking"]),
    "empty strings": Session(
        contact=Contact(name="Jo", role=" ", company="", how_met=""),
        goals=["", "company insight"],
        reflections={"advice": "   "},
        takeaways="\n\n",
        referrals=[Referral(name=" ")],
    ),
    "full": full_session(),
}


def assert_reads_naturally(text: str) -> None:
    assert text.startswith("Subject: ")
    assert text.splitlines()[1] == ""
    for fragment in ("{", "}", "None", " at .", " as .", " ,", " .", "  ", "\n\n\n", "()"):
        assert fragment not in text, f"{fragment!r} in:\n{text}"
    assert not re.search(r"\b(at|as|to|in|on|with)\s*[.,;]", text), text


@pytest.mark.parametrize("template", ALL_TEMPLATES, ids=["outreach", "reminder", "thanks", "check"])
@pytest.mark.parametrize("session", PARTIAL_SESSIONS.values(), ids=PARTIAL_SESSIONS.keys())
def test_every_template_reads_naturally_with_missing_fields(
    template: Callable[[Session], str], session: Session
) -> None:
    assert_reads_naturally(template(session))


# -- outreach ----------------------------------------------------------------------------------


def test_outreach_asks_for_a_short_call_using_what_the_session_knows() -> None:
    text = outreach_email(full_session())

    assert text.splitlines()[0] == "Subject: Could I learn about your work at Acme?"
    assert "Hi Jane," in text
    assert "Sam Lee suggested I reach out to you. We met at PyCon 2024." in text
    assert "exploring a career in fintech and working out which skills matter most in it" in text
    assert "20-30 minute conversation" in text
    assert "your work as Data Engineer at Acme" in text
    assert "not asking for a job" in text


def test_outreach_without_details_still_asks_politely() -> None:
    text = outreach_email(bare_session())

    assert text.splitlines()[0] == "Subject: Could I learn about your work?"
    assert "Hi Jo," in text
    assert "20-30 minute conversation" in text
    assert "I'm thinking about my next steps" in text
    assert "suggested" not in text


@pytest.mark.parametrize(
    ("contact", "phrase"),
    [
        (Contact(name="Jo", role="Nurse"), "your work as Nurse and"),
        (Contact(name="Jo", company="Acme"), "your work at Acme and"),
        (Contact(name="Jo"), "your work and"),
    ],
)
def test_outreach_describes_the_work_with_what_is_known(contact: Contact, phrase: str) -> None:
    assert phrase in outreach_email(Session(contact=contact))


@pytest.mark.parametrize(
    ("how_met", "sentence"),
    [
        ("at the Data Summit", "We met at the Data Summit."),
        ("through the alumni network", "We met through the alumni network."),
        ("I heard your talk on pipelines", "I heard your talk on pipelines."),
        ("Alumni mentoring scheme", "For context: Alumni mentoring scheme."),
    ],
)
def test_how_we_met_becomes_a_sentence(how_met: str, sentence: str) -> None:
    session = Session(contact=Contact(name="Jo", how_met=how_met))
    assert sentence in outreach_email(session)


def test_goals_each_become_a_reason_to_talk() -> None:
    session = Session(
        contact=Contact(name="Jo", company="Acme"),
        goals=["networking", "company insight"],
    )
    text = outreach_email(session)
    assert "getting to know people who work in your field" in text
    assert "learning what it is like to work at Acme" in text


@pytest.mark.parametrize(
    ("name", "greeting"),
    [("Jane Smith", "Jane"), ("Dr. Ada Okafor", "Dr. Okafor"), ("Li", "Li")],
)
def test_greeting_uses_first_name_or_title_and_surname(name: str, greeting: str) -> None:
    assert greeting_name(name) == greeting


# -- reminder ----------------------------------------------------------------------------------


def test_reminder_refers_back_to_the_request_gently() -> None:
    text = follow_up_reminder(full_session(), today=TODAY)

    assert text.splitlines()[0] == "Subject: Re: Could I learn about your work at Acme?"
    assert "following up on my note from 20 February" in text
    assert "no pressure" in text


def test_reminder_without_a_sent_date_says_earlier_note() -> None:
    text = follow_up_reminder(full_session(outreach_sent_on=None), today=TODAY)
    assert "my earlier note" in text


# -- thank you ---------------------------------------------------------------------------------


def test_thank_you_names_the_day_topics_and_takeaways() -> None:
    text = thank_you_note(full_session(), today=TODAY)

    assert text.splitlines()[0] == "Subject: Thank you, Jane"
    assert "talk with me yesterday." in text
    assert 'when I asked "How did you first find your way into fintech?"' in text
    assert "Started in consulting" not in text  # notes are the writer's, not the email's
    assert "- Data quality is the real job.\n- Meetups matter." in text
    assert "suggesting I talk to Ana Ruiz and Bo Chen" in text


def test_thank_you_leaves_out_skipped_and_small_talk_questions() -> None:
    text = thank_you_note(full_session(), today=TODAY)
    assert "Which tools" not in text
    assert "How has your week been" not in text


def test_thank_you_names_only_the_questions_a_note_was_taken_on() -> None:
    text = thank_you_note(full_session(), today=TODAY)
    assert "find your way" in text
    assert "typical week" not in text


@pytest.mark.parametrize(
    ("started", "phrase"),
    [
        (datetime(2024, 3, 5, 9), "talk with me today."),
        (datetime(2024, 3, 1, 9), "talk with me on Friday."),
        (datetime(2024, 2, 1, 9), "talk with me on 1 February."),
        (datetime(2023, 11, 20, 9), "talk with me on 20 November 2023."),
    ],
)
def test_thank_you_says_when_the_call_was(started: datetime, phrase: str) -> None:
    assert phrase in thank_you_note(full_session(started_at=started), today=TODAY)


def test_thank_you_without_a_date_or_topics_still_thanks() -> None:
    text = thank_you_note(bare_session(), today=TODAY)
    assert "Thank you for taking the time to talk with me. " in text
    assert "appreciated your thoughts" not in text
    assert "advice" not in text


# -- check in ----------------------------------------------------------------------------------


def test_check_in_counts_months_and_thanks_for_introductions() -> None:
    text = check_in_note(full_session(), today=date(2024, 6, 10))

    assert "It's been about 3 months since we spoke (4 March)" in text
    assert "Your advice has stayed with me: Learn SQL properly." in text
    assert "I also got in touch with Bo Chen, as you suggested" in text
    assert "Ana Ruiz" not in text


def test_check_in_soon_after_says_a_few_weeks() -> None:
    text = check_in_note(full_session(), today=date(2024, 3, 20))
    assert "It's been a few weeks since we spoke" in text


def test_thanking_the_introducer_names_both_people_and_when_you_spoke() -> None:
    from interview_tui.templates import thank_introducer_note

    text = thank_introducer_note(
        "Dr. Ana Núñez", "Bo Lee", date(2024, 3, 4), TODAY, signature="Zoë"
    )
    assert text.startswith("Subject: Thank you for introducing me to Bo Lee\n\nHi Dr. Núñez,\n")
    assert (
        "I spoke with Bo Lee yesterday, and I wanted to thank you for putting us in touch." in text
    )
    assert text.rstrip().endswith("Best wishes,\nZoë")
    undated = thank_introducer_note("", "Bo Lee", None, TODAY)
    assert "Hello,\n" in undated and "I've now spoken with Bo Lee," in undated
    assert "None" not in undated

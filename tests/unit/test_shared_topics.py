"""Patterns show what several people actually said (issue 9): shared topics from notes and
takeaways, ranked, without bank tags, the interviewees' names, filler words or "q1"."""

from __future__ import annotations

from datetime import datetime

from interview_tui.followups import referral_to_session
from interview_tui.models import AgendaItem, Contact, Referral, Session
from interview_tui.patterns import shared_topics, timing_feedback, was_held
from interview_tui.ui.screens.patterns import patterns_markdown

WEEK = "role/typical-week"
HARD = "role/hardest-part"
START = "opening/agenda-check"


def asked(key: str, note: str, tags: list[str], seconds: float = 180) -> AgendaItem:
    return AgendaItem(
        key=key,
        text=key,
        status="asked",
        tags=tags,
        note=note,
        seconds_spent=seconds,
        reached=True,
        phase="core",
    )


def held(name: str, day: int, agenda: list[AgendaItem], **fields: object) -> Session:
    return Session(
        id=name.split()[0].lower(),
        contact=Contact(name=name, company=f"{name.split()[0]} Analytics", industry="data"),
        started_at=datetime(2026, 3, day, 10),
        status="ended",
        agenda=agenda,
        **fields,  # type: ignore[arg-type]
    )


def three_interviews() -> list[Session]:
    """Notes as people type them during a call: names, "Q1", filler, the agenda check."""
    return [
        held(
            "Marco Rossi",
            2,
            [
                asked(START, "Marco ok with the agenda, hard stop at 10:25", ["agenda"]),
                asked(
                    WEEK,
                    "Q1 is planning. Mostly data cleaning before any model, really.",
                    ["agenda", "day-to-day"],
                ),
                asked(HARD, "Stakeholders change the question midway", ["agenda", "challenges"]),
            ],
            takeaways="Data cleaning is most of the job\nTalk to Priya about the team",
            referrals=[Referral(name="Priya Shah")],
        ),
        held(
            "Lena Vogt",
            4,
            [
                asked(START, "Lena fine with agenda, 20 min", ["agenda"]),
                asked(WEEK, "Q1 roadmap; says data cleaning eats her mornings", ["day-to-day"]),
                asked(HARD, "Explaining uncertainty to stakeholders", ["agenda", "challenges"]),
            ],
            general_note="Really nice, Marco was right about her. Lots of things to think about.",
        ),
        held(
            "Sam Okafor",
            6,
            [
                asked(START, "Sam ok with the agenda, Q1 busy", ["agenda"]),
                asked(WEEK, "Dashboards and SQL reviews, basically", ["day-to-day"]),
                asked(HARD, "Access to production systems, Q1 freeze", ["agenda", "challenges"]),
            ],
            takeaways="Learn SQL well; Marco and Lena would agree",
        ),
    ]


def terms(sessions: list[Session]) -> list[str]:
    return [topic.term for topic in shared_topics(sessions)]


def test_a_shared_phrase_is_ranked_first() -> None:
    topics = shared_topics(three_interviews())
    assert topics[0].term == "data cleaning"
    assert topics[0].people == ("Lena Vogt", "Marco Rossi")
    assert topics[0].explain() == "data cleaning: in notes with 2 people (Lena Vogt, Marco Rossi)"


def test_real_topics_said_by_several_people_are_found() -> None:
    found = {topic.term: topic.people for topic in shared_topics(three_interviews())}
    assert found == {
        "data cleaning": ("Lena Vogt", "Marco Rossi"),
        "stakeholders": ("Lena Vogt", "Marco Rossi"),
    }
    assert list(found) == ["data cleaning", "stakeholders"]  # a phrase first at equal people


def test_most_people_first() -> None:
    sessions = three_interviews()
    sam = sessions[2]
    sessions[2] = sam.model_copy(update={"general_note": "A stakeholder again, all of them."})
    assert terms(sessions)[0] == "stakeholder"  # "stakeholders" and "stakeholder" merge


def test_no_bank_tags_names_filler_or_q1() -> None:
    found = set(terms(three_interviews()))
    noise = {"agenda", "day-to-day", "challenges", "marco", "lena", "sam", "priya", "q1"}
    noise |= {"really", "mostly", "basically", "lots", "things", "nice", "okay", "hard"}
    assert not found & noise, found & noise


def test_a_word_said_only_inside_the_shared_phrase_is_left_to_the_phrase() -> None:
    found = set(terms(three_interviews()[:2]))  # Marco and Lena only
    assert "data cleaning" in found
    assert "cleaning" not in found
    assert "data" not in found


def test_the_same_person_twice_counts_once() -> None:
    marco = three_interviews()[0]
    again = marco.model_copy(update={"id": "marco-2"})
    assert shared_topics([marco, again]) == []


def test_people_to_contact_are_not_interviews() -> None:
    sessions = three_interviews()
    marco = sessions[0]
    priya = referral_to_session(marco.referrals[0], marco)
    priya = priya.model_copy(update={"general_note": "Data cleaning and stakeholders, per Marco"})
    assert not was_held(priya)
    assert [t.people for t in shared_topics([*sessions, priya]) if t.term == "data cleaning"] == [
        ("Lena Vogt", "Marco Rossi")
    ]
    assert timing_feedback([priya]) == []
    page = patterns_markdown([*sessions, priya])
    assert page.startswith("# Patterns across 3 sessions")
    assert "Priya" not in page.split("## Who said what")[0]


def test_the_page_lists_topics_not_tags() -> None:
    page = patterns_markdown(three_interviews())
    mentioned = page.split("## Mentioned by several people")[1].split("## Who said what")[0]
    first = next(line for line in mentioned.splitlines() if line.startswith("- "))
    assert first == "- **data cleaning** (notes): Lena Vogt, Marco Rossi"
    assert "agenda" not in mentioned
    assert "marco" not in mentioned.lower().replace("marco rossi", "")
    assert "q1" not in mentioned.lower()
    assert "## Timing" in page


def test_phrases_that_add_nothing_to_their_word_give_way_to_it() -> None:
    notes = {2: "Mostly {}; mentoring juniors on Fridays.", 3: "Writing clearly, and finding"}
    sessions = [
        held(
            name,
            day,
            [
                asked(WEEK, notes[2].format(work), ["day-to-day"]),
                asked(HARD, notes[3] + " mentoring early.", ["challenges"]),
            ],
        )
        for day, name, work in (
            (2, "Ada Lovelace", "modelling"),
            (5, "Grace Hopper", "compilers"),
            (9, "Katherine Johnson", "trajectories"),
        )
    ]
    assert terms(sessions) == ["mentoring", "writing clearly", "fridays"]

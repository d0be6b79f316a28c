"""Patterns across interviews: shared topics, answers side by side, timing feedback."""

from __future__ import annotations

from datetime import datetime

from interview_tui.models import AgendaItem, Contact, Session
from interview_tui.patterns import (
    common_questions,
    round_to_half,
    shared_terms,
    timing_feedback,
    who_said_what,
)

START = "career/how-did-you-start"
WEEK = "role/typical-week"


def item(key: str, status: str = "asked", **fields: object) -> AgendaItem:
    texts = {
        START: "How did you first find your way into {industry}?",
        WEEK: "What does a typical week look like at {company}?",
    }
    return AgendaItem(key=key, text=texts.get(key, key), status=status, **fields)  # type: ignore[arg-type]


def call(name: str, day: int, agenda: list[AgendaItem], **fields: object) -> Session:
    return Session(
        id=name.split()[0].lower(),
        contact=Contact(name=name, company=f"{name.split()[0]} Co", industry="fintech"),
        started_at=datetime(2024, 3, day, 10),
        status="ended",
        agenda=agenda,
        **fields,  # type: ignore[arg-type]
    )


def three_calls() -> list[Session]:
    return [
        call(
            "Jane Smith",
            4,
            [
                item(START, tags=["path", "mentoring"], note="A mentor got her in.", reached=True),
                item(WEEK, tags=["day-to-day"], note="Mostly SQL reviews", seconds_spent=240),
            ],
            takeaways="Learn SQL properly",
        ),
        call(
            "Bo Chen",
            6,
            [
                item(START, tags=["path", "mentoring"], note="Bootcamp, then mentors"),
                item(WEEK, status="skipped", tags=["day-to-day"], reached=True),
            ],
            general_note="Really thinks SQL and Python matter.",
        ),
        call(
            "Ana Ruiz",
            5,
            [
                item(START, status="pending", tags=["path", "mentoring"]),
                item(WEEK, tags=["day-to-day"], note="Planning on Mondays", seconds_spent=150),
            ],
            reflections={"advice": "Find mentors early; learn python"},
        ),
    ]


# -- shared terms ------------------------------------------------------------------------------


def test_tags_of_questions_asked_with_several_people_are_shared() -> None:
    tags = {t.term: t.people for t in shared_terms(three_calls()) if t.source == "tag"}
    assert tags == {
        "path": ("Bo Chen", "Jane Smith"),
        "mentoring": ("Bo Chen", "Jane Smith"),
        "day-to-day": ("Ana Ruiz", "Jane Smith"),
    }


def test_words_in_several_peoples_notes_are_shared_and_plurals_merge() -> None:
    words = {t.term: t.people for t in shared_terms(three_calls()) if t.source == "notes"}
    assert words == {
        "mentor": ("Ana Ruiz", "Bo Chen", "Jane Smith"),
        "python": ("Ana Ruiz", "Bo Chen"),
        "sql": ("Bo Chen", "Jane Smith"),
    }


def test_common_chatter_and_single_mentions_are_not_topics() -> None:
    terms = {t.term for t in shared_terms(three_calls())}
    assert not terms & {"really", "thinks", "learn", "planning", "bootcamp", "mondays"}


def test_most_mentioned_first_and_explained_in_words() -> None:
    terms = shared_terms(three_calls())
    assert terms[0].term == "mentor"
    assert terms[0].count == 3
    assert terms[0].explain() == "mentor: in notes with 3 people (Ana Ruiz, Bo Chen, Jane Smith)"
    assert terms[1].explain() == "day-to-day: asked about with 2 people (Ana Ruiz, Jane Smith)"


def test_two_calls_with_the_same_person_count_once() -> None:
    first, _, _ = three_calls()
    again = first.model_copy(update={"id": "jane-2"})
    assert shared_terms([first, again]) == []
    assert len(shared_terms([first, again], min_people=1)) > 0


# -- who said what -----------------------------------------------------------------------------


def test_answers_to_one_question_side_by_side_in_call_order() -> None:
    said = who_said_what(three_calls(), WEEK)
    assert [(s.contact, s.when.day if s.when else None, s.note, s.minutes) for s in said] == [
        ("Jane Smith", 4, "Mostly SQL reviews", 4.0),
        ("Ana Ruiz", 5, "Planning on Mondays", 2.5),
    ]
    assert said[0].question == "What does a typical week look like at Jane Co?"


def test_a_question_never_asked_has_no_answers() -> None:
    assert who_said_what(three_calls(), "nope/never") == []


def test_common_questions_are_those_asked_in_several_calls() -> None:
    common = common_questions(three_calls())
    assert [(q.key, q.sessions) for q in common] == [(START, 2), (WEEK, 2)]
    assert common[0].text == "How did you first find your way into your industry?"
    assert common_questions(three_calls(), min_sessions=3) == []


# -- timing ------------------------------------------------------------------------------------


def timed(day: int, seconds: float, minutes: float = 3.0, status: str = "asked") -> Session:
    return call(
        f"P{day} X",
        day,
        [item(WEEK, status=status, minutes=minutes, seconds_spent=seconds, reached=True)],
    )


def test_timing_compares_real_minutes_with_the_estimate() -> None:
    sessions = [timed(1, 240), timed(2, 300), timed(3, 270), timed(4, 0, status="pending")]
    (stat,) = timing_feedback(sessions)

    assert (stat.planned, stat.reached, stat.samples) == (4, 4, 3)
    assert stat.estimate_minutes == 3.0
    assert stat.mean_minutes == 4.5
    assert stat.median_minutes == 4.5
    assert stat.suggested_minutes == 4.5
    assert stat.explain() == (
        "reached in 4 of 4 calls; took 4.5 min on average against 3; try 4.5 min"
    )


def test_reach_counts_calls_that_got_to_the_question() -> None:
    stats = {s.key: s for s in timing_feedback(three_calls())}
    assert (stats[START].planned, stats[START].reached) == (3, 2)
    assert stats[START].reach_rate == 2 / 3
    assert (stats[WEEK].planned, stats[WEEK].reached, stats[WEEK].samples) == (3, 3, 2)


def test_no_suggestion_from_a_single_call() -> None:
    (stat,) = timing_feedback([timed(1, 400)])
    assert stat.samples == 1
    assert stat.suggested_minutes is None
    assert stat.explain().endswith("took 6.7 min on average against 3")


def test_estimate_is_the_latest_calls() -> None:
    (stat,) = timing_feedback([timed(9, 200, minutes=4.0), timed(1, 200, minutes=2.0)])
    assert stat.estimate_minutes == 4.0


def test_planned_calls_and_own_questions_are_left_out() -> None:
    planned = call("Zed Q", 9, [item(WEEK, status="pending")]).model_copy(
        update={"status": "planned", "started_at": None}
    )
    own = call("Own Q", 9, [item("own/mine", own=True, seconds_spent=60)])
    assert timing_feedback([planned, own]) == []


def test_no_timed_answers_says_so() -> None:
    (stat,) = timing_feedback([timed(1, 0, status="skipped")])
    assert stat.mean_minutes is None
    assert stat.explain() == "reached in 1 of 1 calls; no timed answers yet"


def test_suggestions_round_to_half_minutes() -> None:
    assert [round_to_half(m) for m in (0.1, 1.24, 1.25, 2.74, 2.75, 10)] == [
        0.5,
        1.0,
        1.5,
        2.5,
        3.0,
        10.0,
    ]


def test_short_acronyms_and_languages_count_but_short_words_do_not() -> None:
    sessions = [
        call("Jane Smith", 4, [], general_note="UX matters; C++ is old; she ran a lab"),
        call("Bo Chen", 5, [], general_note="Learnt C++ and UX research at a lab"),
    ]
    assert {t.term for t in shared_terms(sessions)} == {"ux", "c++"}

"""Rules and constants that live once in the domain: question limits on agenda items, the
session length, placeholder names, the index row's list time, applying a plan, months to a
check-in, and a typed referral line."""

from __future__ import annotations

from datetime import date

import pytest
from pydantic import ValidationError

from interview_tui.followups import check_in_months, parse_referral, schedule_followups
from interview_tui.models import (
    MAX_LENGTH_MINUTES,
    MIN_LENGTH_MINUTES,
    AgendaItem,
    Contact,
    Question,
    Session,
)
from interview_tui.placeholders import PLACEHOLDERS, placeholder_values
from interview_tui.planner import apply_plan
from interview_tui.session_form import parse_length
from interview_tui.storage.session_index import list_stamp, summarize, when_stamp, when_text
from interview_tui.templates import note_as_one_line


def item(key: str, **fields) -> AgendaItem:
    return AgendaItem(key=key, text=f"{key}?", **fields)


# -- agenda items take the limits of bank questions -------------------------------------------


@pytest.mark.parametrize(
    "field, value",
    [("priority", 0), ("priority", 6), ("priority", True), ("minutes", 0), ("minutes", 121)],
)
def test_agenda_items_refuse_what_a_bank_question_refuses(field: str, value: object) -> None:
    with pytest.raises(ValidationError):
        Question(text="Why?", **{field: value})
    with pytest.raises(ValidationError):
        item("q", **{field: value})


def test_agenda_items_take_the_edges_of_the_range() -> None:
    assert item("q", priority=1, minutes=0.5).minutes == 0.5
    assert item("q", priority=5, minutes=120).priority == 5


def test_the_session_length_bounds_are_the_forms_bounds() -> None:
    assert parse_length(str(MIN_LENGTH_MINUTES)) == MIN_LENGTH_MINUTES
    assert parse_length(str(MAX_LENGTH_MINUTES)) == MAX_LENGTH_MINUTES
    with pytest.raises(ValueError, match=f"between {MIN_LENGTH_MINUTES} and {MAX_LENGTH_MINUTES}"):
        parse_length(str(MAX_LENGTH_MINUTES + 1))
    contact = Contact(name="Ada")
    with pytest.raises(ValidationError):
        Session(contact=contact, length_minutes=MAX_LENGTH_MINUTES + 1)
    with pytest.raises(ValidationError):
        Session(contact=contact, length_minutes=MIN_LENGTH_MINUTES - 1)


# -- placeholders --------------------------------------------------------------------------------


def test_the_placeholders_a_question_may_use_are_the_ones_a_session_fills() -> None:
    session = Session(contact=Contact(name="Ada", company="Acme", role="CTO", industry="Tech"))
    assert list(placeholder_values(session)) == list(PLACEHOLDERS)
    assert placeholder_values(session)["industry"] == "Tech"
    for name in PLACEHOLDERS:
        Question(text=f"About {{{name}}}?")
    with pytest.raises(ValidationError, match="unknown placeholder"):
        Question(text="About {team}?")


# -- the index row's time --------------------------------------------------------------------


def test_a_row_is_listed_under_held_then_scheduled_then_created_time_everywhere() -> None:
    """The app's list, the command line and the calendar agree: a call held a day before it
    was scheduled is listed on the day it was held."""
    row = summarize(
        {
            "id": "s1",
            "created_at": "2026-03-01T08:00:00",
            "started_at": "2026-03-02T09:15:00",
            "scheduled_at": "2026-03-03T10:00:00",
            "contact": {"name": "Ada"},
        }
    )
    assert when_stamp(row) == "2026-03-02T09:15:00" == list_stamp(row)
    assert when_text(row) == "2026-03-02 09:15"
    row["started_at"] = None
    assert when_text(row) == "2026-03-03 10:00"
    row["scheduled_at"] = None
    assert when_text(row) == "2026-03-01 08:00"


# -- applying a plan ---------------------------------------------------------------------------


def test_applying_a_plan_sets_agenda_and_cut_and_keeps_the_current_question() -> None:
    session = Session(contact=Contact(name="Ada"), length_minutes=5)
    items = [item("a", minutes=2), item("b", minutes=2), item("c", minutes=2)]
    plan = apply_plan(session, items, keep_order=True)
    assert [i.key for i in session.agenda] == ["a", "b", "c"]
    assert session.cut_index == plan.cut == 2
    assert session.current_index == 0

    session.current_index = 1  # on "b"
    apply_plan(session, [items[2], items[0], items[1]], keep_order=True)
    assert session.agenda[session.current_index].key == "b"

    apply_plan(session, [items[0], items[2]], keep_order=True)  # "b" dropped
    assert session.current_index == 0


# -- months to the check-in, and a referral typed on one line ----------------------------------


def test_check_in_months_read_back_what_was_planned() -> None:
    call_day = date(2026, 1, 31)
    session = Session(contact=Contact(name="Ada"))
    assert check_in_months(session, call_day) == 3  # nothing planned yet: the default
    for months in (0, 1, 3, 6, 12, 36):
        planned = schedule_followups(session, call_day, months)
        expected = months if months else 3  # no check-in planned reads as the default
        assert check_in_months(planned, call_day) == expected


@pytest.mark.parametrize(
    "line, name, note",
    [
        ("Sam Lee — runs the data team", "Sam Lee", "runs the data team"),
        ("Sam Lee - runs the data team", "Sam Lee", "runs the data team"),
        ("  Ana Ruiz  ", "Ana Ruiz", ""),
        ("Jean-Luc Picard", "Jean-Luc Picard", ""),
        ("Ana — via Sam — on LinkedIn", "Ana", "via Sam — on LinkedIn"),
    ],
)
def test_a_referral_line_is_a_name_and_a_note(line: str, name: str, note: str) -> None:
    referral = parse_referral(line)
    assert referral is not None
    assert (referral.name, referral.note, referral.contacted) == (name, note, False)


def test_a_blank_referral_line_is_nothing() -> None:
    assert parse_referral("   ") is None


# -- notes on one line ---------------------------------------------------------------------------


def test_notes_on_one_line_drop_bullets_and_trim_only_when_asked() -> None:
    notes = "- Learn SQL.\n\n2. Ship small;\n• ask often"
    assert note_as_one_line(notes) == "Learn SQL.; Ship small;; ask often"
    assert note_as_one_line(notes, trim=".;") == "Learn SQL; Ship small; ask often"
    assert note_as_one_line("") == ""

"""The session form's rules, as plain Python: what a person typed becomes a session or a
message naming the field."""

from __future__ import annotations

from datetime import datetime

import pytest

from interview_tui.session_form import (
    FormErrors,
    parse_length,
    parse_when,
    session_from_form,
    session_values,
)


def test_a_complete_form_makes_a_scheduled_session():
    session = session_from_form(
        {
            "name": "  Priya Shah ",
            "role": "UX researcher",
            "company": "Figma",
            "industry": "Software",
            "how_met": "Alumni network",
            "email": "priya@example.org",
            "length": "45",
            "scheduled": "2026-12-01 10:00",
            "research_notes": "Wrote about research ops.",
        },
        goals=["career exploration", "company insight"],
    )
    assert session.contact.name == "Priya Shah"
    assert session.length_minutes == 45
    assert session.scheduled_at == datetime(2026, 12, 1, 10, 0)
    assert session.contact_status == "scheduled"
    assert session.goals == ["career exploration", "company insight"]
    assert session_values(session)["scheduled"] == "2026-12-01 10:00"


def test_length_defaults_to_thirty_minutes_and_an_unscheduled_contact_is_to_contact():
    session = session_from_form({"name": "Sam"})
    assert session.length_minutes == 30
    assert session.contact_status == "to contact"


@pytest.mark.parametrize(
    ("values", "field", "words"),
    [
        ({"name": ""}, "name", "name is needed"),
        ({"name": "   "}, "name", "name is needed"),
        ({"name": "Sam", "length": "0"}, "length", "positive"),
        ({"name": "Sam", "length": "-5"}, "length", "positive"),
        ({"name": "Sam", "length": "half an hour"}, "length", "whole number"),
        ({"name": "Sam", "length": "600"}, "length", "between 5 and 240"),
        ({"name": "Sam", "scheduled": "2026-13-45"}, "scheduled", "YYYY-MM-DD"),
        ({"name": "Sam", "scheduled": "next tuesday"}, "scheduled", "not a date"),
    ],
)
def test_bad_input_names_the_field_and_says_what_is_wrong(values, field, words):
    with pytest.raises(FormErrors) as caught:
        session_from_form(values)
    assert field in caught.value.errors
    assert words in caught.value.errors[field]


def test_every_wrong_field_is_reported_at_once():
    with pytest.raises(FormErrors) as caught:
        session_from_form({"name": "", "length": "0", "scheduled": "soon"})
    assert set(caught.value.errors) == {"name", "length", "scheduled"}


def test_unknown_goals_are_refused():
    with pytest.raises(FormErrors) as caught:
        session_from_form({"name": "Sam"}, goals=["get a job"])
    assert "get a job" in caught.value.errors["goals"]


def test_dates_with_and_without_a_time():
    assert parse_when("2026-12-01") == datetime(2026, 12, 1)
    assert parse_when("") is None
    assert parse_length(" 20 ") == 20

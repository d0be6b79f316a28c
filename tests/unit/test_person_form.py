"""The person form's rules (the Person model's own) and the People list's columns."""

from __future__ import annotations

import pytest

from interview_tui.person import Interaction, Person
from interview_tui.person_form import form_values, parse_day, person_from_form, split_tags
from interview_tui.session_form import FormErrors
from interview_tui.ui.widgets.people_table import columns_for, header_line


def _grace() -> Person:
    return Person(
        name="Grace Hopper",
        company="Navy",
        tags=["mentor"],
        interactions=[Interaction(on="2026-03-02", kind="call")],
    )


def test_the_form_round_trips_and_keeps_what_it_does_not_show() -> None:
    grace = _grace()
    values = form_values(grace)
    values.update(role="Rear admiral", tags="mentor, compilers, Mentor", cadence_days="60")
    edited = person_from_form(grace, values)
    assert (edited.role, edited.tags, edited.cadence_days) == (
        "Rear admiral",
        ["mentor", "compilers"],
        60,
    )
    assert edited.id == grace.id and edited.interactions == grace.interactions
    assert grace.role == "" and grace.cadence_days is None  # the stored one is untouched


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("name", "   ", "a name is needed"),
        ("cadence_days", "6", "between 7 and 730 days"),
        ("cadence_days", "731", "between 7 and 730 days"),
        ("cadence_days", "every month", "a number of days"),
    ],
)
def test_each_refused_field_is_named(field: str, value: str, message: str) -> None:
    values = form_values(_grace()) | {field: value}
    with pytest.raises(FormErrors) as refused:
        person_from_form(_grace(), values)
    assert message in refused.value.errors[field]


def test_an_empty_cadence_means_the_default() -> None:
    grace = _grace().model_copy(update={"cadence_days": 30})
    assert person_from_form(grace, form_values(grace) | {"cadence_days": ""}).cadence_days is None


def test_tags_split_on_commas_without_empties_or_repeats() -> None:
    assert split_tags(" ml ,, Design,ML,  data  science ") == ["ml", "Design", "data science"]


def test_a_day_is_iso_or_a_line_saying_how_to_write_it() -> None:
    assert str(parse_day(" 2026-03-02 ")) == "2026-03-02"
    with pytest.raises(ValueError, match="yesterday is not a day: write it as YYYY-MM-DD"):
        parse_day("yesterday")


def test_the_list_keeps_every_column_at_80_and_drops_dates_before_names() -> None:
    at_80 = [name for name, _ in columns_for(76)]
    assert at_80 == ["Name", "Company", "Status", "Last contact", "Next touch"]
    at_60 = dict(columns_for(56))
    assert "Last contact" not in at_60 and at_60["Name"] >= 15
    at_40 = dict(columns_for(40))
    assert list(at_40) == ["Name", "Company", "Next touch"] and at_40["Name"] >= 12
    assert len(header_line(76)) <= 76

"""Placeholders read naturally whether or not the session knows the values."""

from __future__ import annotations

from pathlib import Path

import pytest

from interview_tui.banks import load_banks
from interview_tui.placeholders import fill

BUILTIN_BANKS = Path(__file__).resolve().parents[2] / "question_banks"

ALL_VALUES = {"name": "Priya", "company": "Acme", "role": "data analyst", "industry": "retail"}


def assert_reads_naturally(text: str) -> None:
    assert "{" not in text and "}" not in text, text
    assert "  " not in text, text
    assert " ," not in text and ",," not in text, text
    assert not text.startswith((",", " ")), text
    assert not text.endswith(" "), text


def test_fill_with_all_values():
    text = "{name}, how did you move from {industry} into a {role} job at {company}?"
    assert fill(text, ALL_VALUES) == (
        "Priya, how did you move from retail into a data analyst job at Acme?"
    )


def test_missing_values_use_natural_fallbacks():
    text = "What is it like to be in {role} at {company} in {industry}?"
    assert fill(text, {}) == "What is it like to be in your role at your company in your industry?"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Thanks {name}, this was helpful.", "Thanks, this was helpful."),
        ("Thanks so much, {name}!", "Thanks so much!"),
        ("Before we start, {name}, may I take notes?", "Before we start, may I take notes?"),
        ("{name}, thanks for making the time.", "Thanks for making the time."),
        ("Hello {name} and welcome.", "Hello and welcome."),
        ("Nice to meet you {name}.", "Nice to meet you."),
    ],
)
def test_a_missing_name_leaves_no_gap_or_stray_comma(text, expected):
    assert fill(text, {}) == expected


@pytest.mark.parametrize("blank", [None, "", "   "])
def test_blank_values_count_as_missing(blank):
    assert fill("How did you join {company}?", {"company": blank}) == (
        "How did you join your company?"
    )


def test_values_are_trimmed():
    assert fill("How did you join {company}?", {"company": "  Acme \n"}) == (
        "How did you join Acme?"
    )


def test_braces_in_a_value_are_kept_as_typed():
    assert fill("How did you join {company}?", {"company": "{role} Labs"}) == (
        "How did you join {role} Labs?"
    )


def test_text_with_broken_braces_comes_back_unchanged():
    assert fill("What about {company?", ALL_VALUES) == "What about {company?"


@pytest.mark.parametrize("values", [{}, ALL_VALUES], ids=["no values", "all values"])
def test_every_builtin_question_reads_naturally(values):
    result = load_banks([BUILTIN_BANKS])
    questions = [q for bank in result.banks for q in bank.questions]
    assert questions
    for question in questions:
        assert_reads_naturally(fill(question.text, values))

"""Loading question banks: the forms a person writes, and what they get back."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from interview_tui.banks import BankError, load_banks, parse_bank
from interview_tui.models import Question

BUILTIN_BANKS = Path(__file__).resolve().parents[2] / "question_banks"
CATEGORIES = ("opening", "closing", "career-path", "industry", "company-culture", "role-specific")


def bank_text(body: str) -> str:
    return textwrap.dedent(body).lstrip("\n")


def parse_error(body: str, source: str = "my_bank.yaml") -> str:
    with pytest.raises(BankError) as caught:
        parse_bank(bank_text(body), source)
    return str(caught.value)


def test_minimal_bank_loads_with_question_defaults():
    bank = parse_bank(
        bank_text(
            """
            bank: Data science roles
            category: role-specific
            questions:
              - text: What does a typical week look like for you?
            """
        ),
        "data_science.yaml",
    )

    assert bank.bank == "Data science roles"
    assert bank.category == "role-specific"
    assert bank.description == ""
    [question] = bank.questions
    assert question.text == "What does a typical week look like for you?"
    assert question.id is None
    assert question.priority == 3
    assert question.minutes == 2.0
    assert question.phase == "core"
    assert question.pinned is False
    assert question.tags == []
    assert question.probes == []


def test_bank_without_category_is_custom():
    bank = parse_bank("bank: Mine\nquestions:\n  - text: Anything else?\n", "mine.yaml")
    assert bank.category == "custom"


def test_every_documented_field_is_read():
    bank = parse_bank(
        bank_text(
            """
            bank: Full form
            category: closing
            description: Every field a bank may use.
            questions:
              - id: who-else
                text: Who else at {company} should I talk to?
                priority: 1
                minutes: 2.5
                phase: closing
                pinned: true
                tags: [network, next-steps]
                probes:
                  - Could you introduce us?
                  - May I mention your name?
            """
        ),
        "full.yaml",
    )

    assert bank.description == "Every field a bank may use."
    [question] = bank.questions
    assert question == Question(
        id="who-else",
        text="Who else at {company} should I talk to?",
        priority=1,
        minutes=2.5,
        phase="closing",
        pinned=True,
        tags=["network", "next-steps"],
        probes=["Could you introduce us?", "May I mention your name?"],
    )
    assert question.key == "who-else"


def test_id_is_derived_from_text_when_absent():
    bank = parse_bank(
        bank_text(
            """
            bank: Ids
            questions:
              - text: "What's the best part of working at {company}?"
              - id: explicit-id
                text: What's the hardest part?
            """
        ),
        "ids.yaml",
    )

    assert [q.key for q in bank.questions] == [
        "what-s-the-best-part-of-working-at-company",
        "explicit-id",
    ]


@pytest.mark.parametrize("word", ["yes", "no", "on", "off", "y", "n", "Yes", "NO"])
def test_yaml_1_1_boolean_words_stay_text(word):
    bank = parse_bank(f"bank: Words\nquestions:\n  - text: {word}\n", "words.yaml")
    assert bank.questions[0].text == word


def test_true_and_false_are_still_booleans_for_pinned():
    bank = parse_bank(
        "bank: P\nquestions:\n  - text: A?\n    pinned: true\n  - text: B?\n    pinned: false\n",
        "p.yaml",
    )
    assert [q.pinned for q in bank.questions] == [True, False]


def test_pinned_yes_is_an_error_rather_than_a_silent_boolean():
    message = parse_error(
        """
        bank: P
        questions:
          - text: A?
            pinned: yes
        """
    )
    assert message.startswith("my_bank.yaml:4: questions[1].pinned:")
    assert "'yes'" in message


def test_known_placeholders_are_accepted():
    bank = parse_bank(
        "bank: P\nquestions:\n  - text: '{name}, how did {company} hire a {role} in {industry}?'\n",
        "p.yaml",
    )
    assert bank.questions[0].text == "{name}, how did {company} hire a {role} in {industry}?"


def test_unknown_placeholder_is_an_error_naming_it_and_the_allowed_ones():
    message = parse_error(
        """
        bank: P
        questions:
          - text: What is it like at {employer}?
        """
    )
    assert message == (
        "my_bank.yaml:3: questions[1].text: unknown placeholder {employer}; "
        "allowed: {company}, {industry}, {name}, {role}"
    )


def test_placeholder_with_a_format_is_an_error():
    message = parse_error(
        """
        bank: P
        questions:
          - text: What is it like at {company!r}?
        """
    )
    assert message.startswith("my_bank.yaml:3: questions[1].text:")
    assert "{company}" in message


def test_misspelt_field_suggests_the_right_one():
    message = parse_error(
        """
        bank: P
        questions:
          - text: A?
            prority: 1
        """
    )
    assert message == (
        "my_bank.yaml:4: questions[1].prority: unknown field 'prority' (did you mean 'priority'?)"
    )


@pytest.mark.parametrize("value", ["true", '"3"', ".nan", ".inf"])
def test_minutes_must_be_a_real_number(value):
    message = parse_error(f"bank: P\nquestions:\n  - text: A?\n    minutes: {value}\n")
    assert message.startswith("my_bank.yaml:4: questions[1].minutes:")


def test_an_impossible_date_as_text_is_reported_not_raised():
    message = parse_error("bank: P\nquestions:\n  - text: 2024-02-30\n")
    assert message.startswith("my_bank.yaml:3: invalid YAML: '2024-02-30' is not a valid date")
    assert "quotes" in message


def test_several_problems_report_the_first_and_count_the_rest():
    message = parse_error(
        """
        bank: P
        questions:
          - text: A?
            priority: high
            minutes: -1
            phase: middle
        """
    )
    assert message.startswith("my_bank.yaml:4: questions[1].priority:")
    assert message.endswith("(and 2 more problems)")


def test_every_builtin_bank_loads_without_problems():
    result = load_banks([BUILTIN_BANKS])

    assert result.problems == []
    assert sorted(bank.category for bank in result.banks) == sorted(CATEGORIES)
    for bank in result.banks:
        assert Path(bank.source).parent == BUILTIN_BANKS
        assert bank.description


@pytest.mark.parametrize("category", CATEGORIES)
def test_each_builtin_category_has_at_least_twelve_questions(category):
    result = load_banks([BUILTIN_BANKS])
    [bank] = [bank for bank in result.banks if bank.category == category]
    assert len(bank.questions) >= 12


def test_builtin_opening_and_closing_banks_use_their_phase():
    result = load_banks([BUILTIN_BANKS])
    for bank in result.banks:
        if bank.category in ("opening", "closing"):
            assert {q.phase for q in bank.questions} == {bank.category}, bank.source


def test_one_bad_file_does_not_stop_the_good_ones(tmp_path):
    folder = tmp_path / "banks"
    folder.mkdir()
    (folder / "a_good.yaml").write_text("bank: Good A\nquestions:\n  - text: First?\n")
    bad = folder / "b_bad.yaml"
    bad.write_text(
        bank_text(
            """
            bank: Bad
            questions:
              - text: Fine?
              - text: Also fine?
                priority: 9
            """
        )
    )
    (folder / "c_good.yml").write_text("bank: Good C\nquestions:\n  - text: Second?\n")
    (folder / "notes.txt").write_text("not a bank")

    result = load_banks([folder])

    assert [bank.bank for bank in result.banks] == ["Good A", "Good C"]
    [problem] = result.problems
    assert problem.line == 5
    assert str(problem) == (
        f"{bad}:5: questions[2].priority: Input should be less than or equal to 5"
    )


def test_a_second_bank_with_the_same_name_is_skipped_and_reported(tmp_path):
    first = tmp_path / "first.yaml"
    second = tmp_path / "second.yaml"
    first.write_text("bank: Same\nquestions:\n  - text: One?\n")
    second.write_text("bank: Same\nquestions:\n  - text: Two?\n")

    result = load_banks([first, second])

    assert [bank.source for bank in result.banks] == [str(first)]
    [problem] = result.problems
    assert str(problem) == f"{second}: bank name 'Same' already loaded from {first}; skipped"


def test_a_missing_path_is_reported(tmp_path):
    missing = tmp_path / "nowhere"
    result = load_banks([BUILTIN_BANKS, missing])
    assert len(result.banks) == len(CATEGORIES)
    assert [str(p) for p in result.problems] == [f"{missing}: no such file or folder"]


def test_a_byte_order_mark_is_accepted(tmp_path):
    path = tmp_path / "bom.yaml"
    path.write_bytes("\ufeffbank: BOM\nquestions:\n  - text: Hi?\n".encode())
    result = load_banks([path])
    assert result.problems == []
    assert result.banks[0].bank == "BOM"

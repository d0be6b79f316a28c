"""Question lint: each rule with questions it must flag and look-alikes it must leave alone."""

from __future__ import annotations

from pathlib import Path

import pytest

from interview_tui.banks import default_bank_paths, load_banks, parse_bank
from interview_tui.cli import main
from interview_tui.lint import RULE_NAMES, lint_bank, lint_question


def rules(text: str, **kwargs: str) -> list[str]:
    return [flag.rule for flag in lint_question(text, **kwargs)]


@pytest.mark.parametrize(
    "text",
    [
        "What salary range should I expect at {company}?",
        "How is compensation structured for engineers?",
        "What benefits does {company} offer?",
        "Is the benefits package good?",
        "How much do data analysts make in {industry}?",
        "How much does this role pay?",
        "Does the job pay well?",
        "Are there stock options or bonuses?",
        "How many vacation days do people get?",
        "What perks come with the job?",
    ],
)
def test_pay_and_benefits_are_flagged(text: str) -> None:
    assert rules(text) == ["salary"]


@pytest.mark.parametrize(
    "text",
    [
        "How did that move benefit your career?",
        "What are the benefits of going broad rather than deep?",
        "What benefits do you see in working remotely?",
        "How much did that experience make a difference?",
        "Which habits paid off the most?",
        "What should a newcomer pay attention to?",
        "How much do you enjoy the work?",
        "How much does your team make use of automation?",
        "How much did the certification pay off?",
    ],
)
def test_benefit_as_a_verb_or_advantage_is_not_flagged(text: str) -> None:
    assert "salary" not in rules(text)


@pytest.mark.parametrize(
    "text",
    [
        "Are you hiring?",
        "Is {company} hiring at the moment?",
        "Is your team currently hiring?",
        "Do you know of any openings on your team?",
        "Are there any open roles I could apply for?",
        "Can you refer me?",
        "Could you refer me for the analyst position?",
        "Would you give me a referral?",
        "Could you pass along my resume to the hiring manager?",
        "Would you put in a good word for me?",
        "Could you get me an interview?",
    ],
)
def test_asking_for_a_job_outright_is_flagged(text: str) -> None:
    assert rules(text) == ["job-ask"]


@pytest.mark.parametrize(
    "text",
    [
        "Who else do you think I should talk to?",
        "Could you refer me to someone else in design?",
        "What does the hiring process look like in {industry}?",
        "How did you get your first job?",
        "Are new roles emerging in {industry} because of AI?",
        "Are you enjoying hiring people now that you lead a team?",
        "What makes a good opening to a conversation like this?",
    ],
)
def test_asking_for_people_or_how_hiring_works_is_not_flagged(text: str) -> None:
    assert "job-ask" not in rules(text)


@pytest.mark.parametrize(
    "text",
    [
        "What do you hate about your job?",
        "What was the worst project you worked on?",
        "What's the most annoying part of your day?",
        "What is wrong with {industry} today?",
        "What\u2019s wrong with how recruiters work?",
        "Which tools are just terrible?",
    ],
)
def test_negative_tone_is_flagged(text: str) -> None:
    assert rules(text) == ["negative"]


@pytest.mark.parametrize(
    "text",
    [
        "What went wrong on a project, and what did you learn?",
        "What's the worst-case outcome you plan for?",
        "Which parts of the work are harder than people expect?",
        "Whatever happened to the old way of doing things?",
        "What did you learn from a challenging manager?",
    ],
)
def test_hard_questions_asked_kindly_are_not_negative(text: str) -> None:
    assert "negative" not in rules(text)


@pytest.mark.parametrize(
    "text",
    [
        "What does {company} do?",
        "So what does your company actually do?",
        "When was {company} founded?",
        "How many employees does {company} have?",
        "How many people work at {company}?",
        "Where is {company} headquartered?",
        "Where is the company based?",
        "What products does {company} sell?",
    ],
)
def test_facts_from_the_website_are_flagged(text: str) -> None:
    assert rules(text) == ["website"]


@pytest.mark.parametrize(
    "text",
    [
        "What does {company} do differently from its competitors?",
        "What does collaboration between teams look like at {company}?",
        "How many people are on your team?",
        "Where are you based these days?",
        "How long have you been at {company}?",
        "What drew you to {company} in the first place?",
    ],
)
def test_questions_only_a_person_can_answer_are_not_website_facts(text: str) -> None:
    assert "website" not in rules(text)


def test_a_named_company_is_checked_like_the_placeholder() -> None:
    assert rules("What does Acme Inc. do?", company="Acme Inc.") == ["website"]
    assert rules("What does Acme Inc. do?") == []


def test_one_question_can_break_several_rules_each_once() -> None:
    flags = lint_question("Are you hiring, and what salary do you pay? I hate haggling.")
    assert sorted(flag.rule for flag in flags) == ["job-ask", "negative", "salary"]


def test_a_flag_says_what_tripped_it_and_why() -> None:
    (flag,) = lint_question("What salary should I expect?")
    assert flag.match == "salary"
    assert flag.reason.startswith('"salary": ')
    assert "job process" in flag.reason


def test_every_rule_has_a_name() -> None:
    assert RULE_NAMES == ("salary", "job-ask", "negative", "website")


def test_built_in_banks_have_no_warnings() -> None:
    result = load_banks(default_bank_paths())
    assert result.banks
    assert [(bank.bank, lint_bank(bank)) for bank in result.banks if lint_bank(bank)] == []


RISKY_BANK = """\
bank: Risky
questions:
  - id: pay
    text: What salary range should I expect at {company}?
  - text: Are you hiring?
  - id: path
    text: How did you get started in {industry}?
"""


def test_lint_bank_lists_only_flagged_questions_in_order() -> None:
    bank = parse_bank(RISKY_BANK, "risky.yaml")
    flagged = lint_bank(bank)
    assert [(question.key, [f.rule for f in flags]) for question, flags in flagged] == [
        ("pay", ["salary"]),
        ("are-you-hiring", ["job-ask"]),
    ]


@pytest.fixture
def folders(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("INTERVIEW_TUI_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("INTERVIEW_TUI_CONFIG_DIR", str(tmp_path / "config"))
    return tmp_path


def test_validate_lint_prints_warnings_but_exits_zero(
    folders: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bank = folders / "risky.yaml"
    bank.write_text(RISKY_BANK, encoding="utf-8")

    assert main(["banks", "validate", "--lint", str(bank)]) == 0

    out, err = capsys.readouterr()
    assert out.splitlines() == [
        f'{bank}: pay: warning: "salary": pay and benefits belong in a job process, '
        "not an informational interview",
        f'{bank}: are-you-hiring: warning: "Are you hiring": asks for a job or a referral '
        "outright; ask for advice and let them offer help",
    ]
    assert "2 lint warning(s)" in err


def test_validate_without_lint_prints_no_warnings(
    folders: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bank = folders / "risky.yaml"
    bank.write_text(RISKY_BANK, encoding="utf-8")

    assert main(["banks", "validate", str(bank)]) == 0

    out, err = capsys.readouterr()
    assert out == ""
    assert "warning" not in err


def test_validate_lint_still_fails_on_real_problems(
    folders: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (folders / "risky.yaml").write_text(RISKY_BANK, encoding="utf-8")
    (folders / "broken.yaml").write_text("bank: Broken\nquestions: []\n", encoding="utf-8")

    assert main(["banks", "validate", "--lint", str(folders)]) == 1

    out, _ = capsys.readouterr()
    assert "broken.yaml" in out
    assert "a bank needs at least one question" in out
    assert out.count("warning:") == 2

"""The default agenda is built from what the session is for (issue 9): bank questions say which
goals they serve (TIARA), and the planner prefers the ones that match the goals, the role and
the industry, keeps a short reserve below the cut and leaves the rest of the banks out."""

from __future__ import annotations

import textwrap

import pytest

from interview_tui.banks import BankError, load_banks, parse_bank
from interview_tui.goals import MAX_RELEVANCE, relevance, session_wishes, wishes_for
from interview_tui.locations import builtin_banks_dir
from interview_tui.models import GOALS, PHASES, TIARA, AgendaItem, Contact, Question, Session
from interview_tui.planner import (
    RESERVE_SHARE,
    agenda_items,
    apply_plan,
    place_for,
    plan_agenda,
    plan_for_goals,
    plan_for_session,
    use_plan,
)
from interview_tui.session_form import own_goals, session_from_form, session_values

# The default agenda sizes measured for the built-in banks, with the goals below: questions
# above the cut and in the reserve. A change to the banks or the planner shows up here.
GOALS_GIVEN = ["career exploration", "networking"]
ROLE, INDUSTRY = "Data scientist", "energy"
EXPECTED_SIZES = {15: (7, 3), 30: (12, 6), 60: (23, 11)}


@pytest.fixture(scope="module")
def bank_items() -> list[AgendaItem]:
    banks = load_banks([builtin_banks_dir()])
    assert not banks.problems
    return agenda_items(banks.banks)


def item(key: str, *, minutes: float = 2, priority: int = 3, phase: str = "core", **fields):
    fields.setdefault("text", f"{key}?")
    return AgendaItem(key=key, minutes=minutes, priority=priority, phase=phase, **fields)


def keys(items: list[AgendaItem]) -> list[str]:
    return [i.key for i in items]


# -- a question's goals --------------------------------------------------------------------------


def test_goals_default_to_none_and_read_tiara_names_or_free_words() -> None:
    assert Question(text="Where is it going?").goals == []
    question = Question(text="Where is it going?", goals=["Trends", " trends", "hiring  plans"])
    assert question.goals == ["trends", "hiring plans"]
    assert set(TIARA) == {"trends", "insights", "advice", "resources", "assignments"}


@pytest.mark.parametrize(
    ("goals", "message"),
    [
        ("trends", "goals: Input should be a valid list"),
        ("[1]", "goals[1]: Input should be a valid string"),
        ('[""]', "goals[1]: String should have at least 1 character"),
    ],
)
def test_a_bad_goals_field_is_one_line_naming_it(goals: str, message: str) -> None:
    text = textwrap.dedent(
        f"""\
        bank: Mine
        questions:
          - text: Where is the field going?
            goals: {goals}
        """
    )
    with pytest.raises(BankError) as caught:
        parse_bank(text, "mine.yaml")
    assert str(caught.value).startswith("mine.yaml:4: questions[1].")
    assert message in str(caught.value)
    assert "\n" not in str(caught.value)


def test_a_bank_question_carries_its_goals_into_the_agenda() -> None:
    bank = parse_bank("bank: Mine\nquestions:\n  - text: Who else?\n    goals: [resources]\n", "m")
    (agenda_item,) = agenda_items([bank])
    assert agenda_item.goals == ["resources"]


def test_every_builtin_question_says_which_goals_it_serves(bank_items) -> None:
    assert all(it.goals for it in bank_items), [it.key for it in bank_items if not it.goals]
    core = [it for it in bank_items if it.phase == "core"]
    assert all(set(it.goals) & set(TIARA) for it in core)
    served = {goal for it in bank_items for goal in it.goals}
    assert set(TIARA) <= served


# -- what a session is for -----------------------------------------------------------------------


def test_presets_ask_for_tiara_goals_and_own_words_add_their_own() -> None:
    wishes = wishes_for(["networking", "what trends matter in hiring"], "Data scientist", "")
    assert {"resources", "trends"} <= wishes.goals
    assert {"hiring", "scientist", "data", "trend"} <= wishes.words  # stems: "trends" → "trend"
    assert wishes.role and not wishes.industry
    assert not wishes_for([])


def test_every_preset_of_the_form_asks_for_something() -> None:
    for goal in GOALS:
        assert wishes_for([goal]).goals & set(TIARA), goal


def test_relevance_weighs_goals_words_and_context_and_is_capped() -> None:
    wishes = wishes_for(["networking"], industry="energy")
    plain = item("plain")
    assert relevance(plain, wishes) == 0
    serving = item("who", goals=["resources"])
    assert relevance(serving, wishes) == 1.0
    worded = item("who", goals=["resources"], tags=["network", "community"])
    assert relevance(worded, wishes) == 2.0
    about_industry = item("x", text="Who shapes {industry}?", category="industry")
    assert relevance(about_industry, wishes) == 0.5
    assert relevance(item("mine", own=True), wishes) == MAX_RELEVANCE
    assert relevance(serving, None) == 0


# -- the default agenda --------------------------------------------------------------------------


@pytest.mark.parametrize("minutes", [15, 30, 60])
def test_the_default_agenda_fits_the_call_with_a_short_reserve(bank_items, minutes) -> None:
    plan = plan_for_goals(bank_items, minutes, GOALS_GIVEN, role=ROLE, industry=INDUSTRY)
    reserve = sum(it.minutes for it in plan.below)

    assert plan.planned_minutes <= minutes
    assert plan.planned_minutes >= minutes - 1  # the time is used
    assert reserve <= minutes * RESERVE_SHARE
    assert (plan.cut, len(plan.below)) == EXPECTED_SIZES[minutes]
    assert len(plan.items) < len(bank_items) / 2  # the rest waits in the agenda editor
    above = plan.above
    assert above[0].phase == "opening" and above[0].pinned
    assert above[-1].phase == "closing"
    phases = [PHASES.index(it.phase) for it in above]
    assert phases == sorted(phases), "opening → core → closing"
    assert all(it.phase != "opening" for it in plan.below)
    assert all(it.pinned for it in bank_items if it.pinned and it in above)


def test_a_twenty_minute_call_no_longer_carries_ninety_if_time_allows(bank_items) -> None:
    plan = plan_for_goals(bank_items, 20, [])
    assert plan.cut == 9
    assert len(plan.below) <= 5


@pytest.mark.parametrize("minutes", [15, 30, 60])
def test_questions_that_match_the_goals_are_chosen_first(bank_items, minutes) -> None:
    def serving(goal: str, plan) -> int:
        return sum(1 for it in plan.above if goal in it.goals)

    for goals, goal in (
        (["networking"], "resources"),
        (["skill development"], "advice"),
        (["I want to know about trends"], "trends"),
    ):
        chosen = plan_for_goals(bank_items, minutes, goals)
        unguided = plan_for_goals(bank_items, minutes, [])
        assert serving(goal, chosen) > serving(goal, unguided), (goals, minutes)


def test_the_industry_and_role_pull_in_their_questions(bank_items) -> None:
    def about(category: str, plan) -> int:
        return sum(1 for it in plan.above if it.category == category)

    unguided = plan_for_goals(bank_items, 20, [])
    with_industry = plan_for_goals(bank_items, 20, [], industry="energy")
    with_role = plan_for_goals(bank_items, 20, [], role="Data scientist")
    assert about("industry", with_industry) > about("industry", unguided)
    assert about("role-specific", with_role) > about("role-specific", unguided)


@pytest.mark.parametrize("goals", [[], ["company insight"], GOALS_GIVEN, ["advice on pay"]])
@pytest.mark.parametrize("minutes", [5, 15, 20, 45, 90])
def test_planning_the_default_agenda_again_keeps_its_cut(bank_items, goals, minutes) -> None:
    """The agenda editor and the setup preview plan the stored agenda again, order kept."""
    session = Session(
        contact=Contact(name="Ada", role=ROLE, industry=INDUSTRY),
        length_minutes=minutes,
        goals=goals,
    )
    plan = use_plan(session, plan_for_session(session, bank_items))
    before = (keys(session.agenda), session.cut_index)
    again = apply_plan(session, session.agenda, keep_order=True)
    assert (keys(session.agenda), session.cut_index) == before
    assert again.cut == plan.cut


def test_session_wishes_read_goals_role_and_industry() -> None:
    session = Session(contact=Contact(name="Ada", industry="energy"), goals=["networking"])
    assert session_wishes(session) == wishes_for(["networking"], "", "energy")


# -- a question added in the editor lands where its phase and priority put it --------------------


def test_an_added_priority_one_question_lands_above_the_cut_in_its_phase(bank_items) -> None:
    session = Session(contact=Contact(name="Ada"), length_minutes=30, goals=GOALS_GIVEN)
    use_plan(session, plan_for_session(session, bank_items))
    own = item("own/my-question", priority=1, minutes=3, own=True, category="own")

    agenda = session.agenda
    at = place_for(agenda, own, session_wishes(session))
    agenda.insert(at, own)
    apply_plan(session, agenda, keep_order=True)

    index = keys(session.agenda).index("own/my-question")
    assert index < session.cut_index
    before, after = session.agenda[index - 1], session.agenda[index + 1]
    assert before.phase in ("opening", "core") and after.phase in ("core", "closing")
    assert session.agenda[-1].key != "own/my-question"
    assert session.agenda[session.cut_index - 1].phase == "closing"


def test_place_for_goes_by_phase_then_priority() -> None:
    agenda = [
        item("hello", phase="opening", priority=1),
        item("core-1", priority=1),
        item("core-3", priority=3),
        item("bye", phase="closing", priority=1),
    ]
    assert place_for(agenda, item("new-2", priority=2)) == 2
    assert place_for(agenda, item("new-1", priority=1)) == 2  # after its equals
    assert place_for(agenda, item("new-5", priority=5)) == 3  # still before the closing
    assert place_for(agenda, item("late", phase="closing", priority=5)) == 4
    assert place_for(agenda, item("hi", phase="opening", priority=4)) == 1


def test_plan_agenda_without_wishes_plans_as_before() -> None:
    items = [item("a", priority=2, goals=["trends"]), item("b", priority=1)]
    assert keys(plan_agenda(items, 2).above) == ["b"]
    assert keys(plan_agenda(items, 2, wishes=wishes_for(["career exploration"])).above) == ["a"]


# -- the form: a person's own goal --------------------------------------------------------------


def test_the_form_takes_a_persons_own_goals_next_to_the_presets() -> None:
    session = session_from_form(
        {"name": "Sam", "own_goal": "how teams hire juniors;  the UX  research path ; "},
        goals=["networking"],
    )
    assert session.goals == ["networking", "how teams hire juniors", "the UX research path"]
    assert session_values(session)["own_goal"] == "how teams hire juniors; the UX research path"
    assert own_goals("") == []


def test_an_own_goal_too_long_is_named() -> None:
    from interview_tui.session_form import FormErrors

    with pytest.raises(FormErrors) as caught:
        session_from_form({"name": "Sam", "own_goal": "x" * 201})
    assert "own_goal" in caught.value.errors

"""A question the person adds at priority 1 lands above the cut, even in a full agenda."""

from __future__ import annotations

from interview_tui.banks import default_bank_paths, load_banks
from interview_tui.goals import session_wishes
from interview_tui.models import AgendaItem, Contact, Session
from interview_tui.planner import agenda_items, apply_plan, place_for, plan_for_goals


def test_an_own_priority_one_question_goes_above_the_cut_of_a_full_twenty_minutes() -> None:
    banks = load_banks(default_bank_paths([]))
    session = Session(
        contact=Contact(name="Priya Nair", role="Data Engineer", industry="energy"),
        length_minutes=20,
        goals=["career exploration"],
    )
    plan = plan_for_goals(
        agenda_items(banks.banks), 20, session.goals, role="Data Engineer", industry="energy"
    )
    session.agenda, session.cut_index = list(plan.items), plan.cut
    planned = sum(item.minutes for item in session.agenda[: session.cut_index])
    assert planned > 20 - 3  # no room left for three more minutes
    own = AgendaItem(
        key="own/grid",
        text="How do you test forecasts against the real grid?",
        category="custom",
        phase="core",
        minutes=3,
        priority=1,
        own=True,
    )
    session.agenda.insert(place_for(session.agenda, own, session_wishes(session)), own)

    apply_plan(session, session.agenda, keep_order=True)

    above = session.agenda[: session.cut_index]
    assert own in above
    assert sum(item.minutes for item in above) <= 20

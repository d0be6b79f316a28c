"""Build an agenda that fits the time budget, and re-plan it live as the call goes on.

Order is opening → core → closing, by priority within a phase. What fits the budget sits
above the cut line; the rest goes below it as "if time allows". Pinned questions always fit,
and the best opening and closing questions are reserved before core questions are chosen.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from interview_tui.models import PHASES, AgendaItem, Bank, Session

PHASE_RANK = {phase: rank for rank, phase in enumerate(PHASES)}
EPSILON = 1e-9


def agenda_order(items: Sequence[AgendaItem]) -> list[AgendaItem]:
    """Phase first, then priority; ties keep the given order."""
    return sorted(items, key=lambda item: (PHASE_RANK[item.phase], item.priority))


def select_fitting(
    items: Sequence[AgendaItem], budget_seconds: float, scale: float = 1.0
) -> set[int]:
    """Indices of ``items`` that fit ``budget_seconds`` when each takes ``minutes * scale``.

    Pinned items always fit; then the highest-priority opening and closing items (the time
    reserved to open and close well); then the rest by priority, first-fit.
    """
    cost = [item.minutes * 60 * scale for item in items]
    chosen: set[int] = {i for i, item in enumerate(items) if item.pinned}
    left = budget_seconds - sum(cost[i] for i in chosen)

    def take(i: int) -> None:
        nonlocal left
        if i not in chosen and cost[i] <= left + EPSILON:
            chosen.add(i)
            left -= cost[i]

    for phase in ("opening", "closing"):
        candidates = [i for i, item in enumerate(items) if item.phase == phase]
        if candidates and not any(i in chosen for i in candidates):
            take(min(candidates, key=lambda i: (items[i].priority, i)))
    for i in sorted(
        range(len(items)), key=lambda i: (items[i].priority, PHASE_RANK[items[i].phase], i)
    ):
        take(i)
    return chosen


@dataclass(frozen=True)
class Plan:
    items: list[AgendaItem]
    cut: int
    budget_minutes: float

    @property
    def above(self) -> list[AgendaItem]:
        return self.items[: self.cut]

    @property
    def below(self) -> list[AgendaItem]:
        return self.items[self.cut :]

    @property
    def planned_minutes(self) -> float:
        return sum(item.minutes for item in self.above)

    @property
    def spare_minutes(self) -> float:
        return self.budget_minutes - self.planned_minutes


def plan_agenda(
    items: Sequence[AgendaItem], length_minutes: float, *, keep_order: bool = False
) -> Plan:
    """Order ``items`` (unless ``keep_order``) and put what fits above the cut line."""
    ordered = list(items) if keep_order else agenda_order(items)
    chosen = select_fitting(ordered, length_minutes * 60)
    above = [item for i, item in enumerate(ordered) if i in chosen]
    below = [item for i, item in enumerate(ordered) if i not in chosen]
    return Plan(items=above + below, cut=len(above), budget_minutes=length_minutes)


@dataclass(frozen=True)
class Pace:
    """Where the call stands against its plan, and what the current pace will cost."""

    elapsed_seconds: float
    budget_seconds: float
    planned_elapsed_seconds: float
    current_overrun_seconds: float
    ratio: float
    at_risk: list[int] = field(default_factory=list)
    gained: list[int] = field(default_factory=list)

    @property
    def behind_seconds(self) -> float:
        """Positive when behind the plan, negative when ahead."""
        return self.elapsed_seconds - self.planned_elapsed_seconds

    @property
    def remaining_seconds(self) -> float:
        return self.budget_seconds - self.elapsed_seconds

    @property
    def on_pace(self) -> bool:
        return not self.at_risk and self.behind_seconds < 60 and self.remaining_seconds >= 0


MIN_PLANNED_FOR_RATIO = 120.0


def live_pace(
    agenda: Sequence[AgendaItem],
    cut: int,
    current: int | None,
    elapsed_seconds: float,
    length_minutes: float,
    current_seconds: float = 0.0,
) -> Pace:
    """Re-plan from now: if the pace so far holds, which pending questions still fit?

    ``current_seconds`` is the time spent on the current question so far. The pace ratio is
    actual time over planned time for what has been covered; it only counts once two
    planned minutes are behind us, so one long opening answer does not doom the call.
    """
    budget = length_minutes * 60
    planned_done = sum(
        item.minutes * 60
        for i, item in enumerate(agenda)
        if item.status == "asked" and i != current
    )
    overrun = 0.0
    current_left = 0.0
    if current is not None and 0 <= current < len(agenda):
        estimate = agenda[current].minutes * 60
        planned_done += min(current_seconds, estimate)
        overrun = max(0.0, current_seconds - estimate)
        current_left = max(0.0, estimate - current_seconds)
    ratio = elapsed_seconds / planned_done if planned_done >= MIN_PLANNED_FOR_RATIO else 1.0
    ratio = min(max(ratio, 0.5), 4.0)

    pending = [i for i, item in enumerate(agenda) if item.status == "pending" and i != current]
    left = budget - elapsed_seconds - current_left
    chosen_local = select_fitting([agenda[i] for i in pending], max(left, 0.0), scale=ratio)
    fits = {pending[j] for j in chosen_local}
    at_risk = [i for i in pending if i < cut and i not in fits]
    gained = [i for i in pending if i >= cut and i in fits]
    return Pace(
        elapsed_seconds=elapsed_seconds,
        budget_seconds=budget,
        planned_elapsed_seconds=planned_done,
        current_overrun_seconds=overrun,
        ratio=ratio,
        at_risk=at_risk,
        gained=gained,
    )


def agenda_items(banks: Sequence[Bank]) -> list[AgendaItem]:
    """Every question of ``banks`` as an agenda item, in bank order."""
    return [
        AgendaItem.from_question(question, bank) for bank in banks for question in bank.questions
    ]


def apply_plan(session: Session, items: Sequence[AgendaItem], *, keep_order: bool = False) -> Plan:
    """Plan ``items`` into ``session``'s agenda and cut line; returns the plan.

    The current question stays current where it moved to; when it is gone, the call starts
    from the top.
    """
    agenda = session.agenda
    index = session.current_index
    current_key = agenda[index].key if 0 <= index < len(agenda) else None
    plan = plan_agenda(items, session.length_minutes, keep_order=keep_order)
    session.agenda = list(plan.items)
    session.cut_index = plan.cut
    keys = [item.key for item in session.agenda]
    session.current_index = keys.index(current_key) if current_key in keys else 0
    return plan

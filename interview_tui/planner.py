"""Build an agenda that fits the time budget, and re-plan it live as the call goes on.

Order is opening → core → closing, by priority within a phase. What fits the budget sits
above the cut line; the rest goes below it as "if time allows". Pinned questions always fit,
and the best opening and closing questions are reserved before core questions are chosen.

Given what a session is for (its goals, the contact's role and industry: see
:mod:`interview_tui.goals`), a question's priority is weighed against how well it serves
them, so the questions that match are chosen first. :func:`plan_for_goals` builds the default
agenda that way: what fits, and a short reserve below the cut; the rest of the banks stays in
the agenda editor.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from interview_tui.goals import Wishes, rank, session_wishes, wishes_for
from interview_tui.models import PHASES, AgendaItem, Bank, Session

PHASE_RANK = {phase: rank for rank, phase in enumerate(PHASES)}
EPSILON = 1e-9


RESERVE_SHARE = 0.5
"""The default agenda keeps at most this share of the call's minutes below the cut."""


def agenda_order(items: Sequence[AgendaItem], wishes: Wishes | None = None) -> list[AgendaItem]:
    """Phase first, then priority; ties keep the given order. Core questions go by priority
    weighed against ``wishes``; the opening and closing keep the banks' own order of priority
    (thanks first, goodbye last), whichever of them the goals chose."""

    def key(item: AgendaItem) -> tuple[int, float]:
        weighed = rank(item, wishes) if item.phase == "core" else item.priority
        return PHASE_RANK[item.phase], weighed

    return sorted(items, key=key)


def select_fitting(
    items: Sequence[AgendaItem],
    budget_seconds: float,
    scale: float = 1.0,
    wishes: Wishes | None = None,
) -> set[int]:
    """Indices of ``items`` that fit ``budget_seconds`` when each takes ``minutes * scale``.

    Pinned items always fit; then the highest-priority opening and closing items (the time
    reserved to open and close well); then the rest by priority, first-fit, the person's own
    questions first among equals. With ``wishes``, priority is weighed against them
    (:func:`interview_tui.goals.rank`).
    """
    ranks = [rank(item, wishes) for item in items]
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
            take(min(candidates, key=lambda i: (ranks[i], i)))
    # On equal rank a question the person wrote goes first: they added it to ask it.
    order = sorted(
        range(len(items)),
        key=lambda i: (ranks[i], not items[i].own, PHASE_RANK[items[i].phase], i),
    )
    for i in order:
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
    items: Sequence[AgendaItem],
    length_minutes: float,
    *,
    keep_order: bool = False,
    wishes: Wishes | None = None,
) -> Plan:
    """Order ``items`` (unless ``keep_order``) and put what fits above the cut line; with
    ``wishes``, questions that serve them are chosen (and ordered) first."""
    ordered = list(items) if keep_order else agenda_order(items, wishes)
    chosen = select_fitting(ordered, length_minutes * 60, wishes=wishes)
    above = [item for i, item in enumerate(ordered) if i in chosen]
    below = [item for i, item in enumerate(ordered) if i not in chosen]
    return Plan(items=above + below, cut=len(above), budget_minutes=length_minutes)


def plan_for_goals(
    items: Sequence[AgendaItem],
    length_minutes: float,
    goals: Iterable[str] = (),
    *,
    role: str = "",
    industry: str = "",
    reserve_share: float = RESERVE_SHARE,
) -> Plan:
    """The default agenda for a call: from ``items`` (every question of the chosen banks),
    what fits ``length_minutes`` in the order opening → core → closing, the questions that
    serve ``goals``, the ``role`` and the ``industry`` first; below the cut a short reserve
    (at most ``reserve_share`` of the minutes, core and closing questions, best first). The
    other questions are left out: the agenda editor offers them.

    Planning the result again with ``keep_order`` and the same wishes (as the agenda editor
    does) keeps the same cut.
    """
    wishes = wishes_for(goals, role, industry)
    full = plan_agenda(items, length_minutes, wishes=wishes)
    room = length_minutes * reserve_share
    candidates = [i for i, item in enumerate(full.below) if item.phase != "opening"]
    candidates.sort(key=lambda i: (rank(full.below[i], wishes), PHASE_RANK[full.below[i].phase]))
    kept: set[int] = set()
    for i in candidates:
        minutes = full.below[i].minutes
        if minutes <= room + EPSILON:
            kept.add(i)
            room -= minutes
    reserve = [item for i, item in enumerate(full.below) if i in kept]
    return Plan(items=full.above + reserve, cut=full.cut, budget_minutes=length_minutes)


def plan_for_session(session: Session, items: Sequence[AgendaItem]) -> Plan:
    """:func:`plan_for_goals` with what ``session`` is for: its goals, length and contact."""
    contact = session.contact
    return plan_for_goals(
        items, session.length_minutes, session.goals, role=contact.role, industry=contact.industry
    )


OFF_PLAN_SECONDS = 30.0
"""Ahead or behind by less than this is on pace."""
WARN_BEHIND_SECONDS = 60.0


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
    def behind(self) -> bool:
        """Far enough behind the plan to say so."""
        return self.behind_seconds >= OFF_PLAN_SECONDS

    @property
    def ahead(self) -> bool:
        return self.behind_seconds <= -OFF_PLAN_SECONDS

    @property
    def over(self) -> bool:
        """Past the planned end of the call."""
        return self.remaining_seconds < 0

    @property
    def warning(self) -> bool:
        """Worth a warning colour: past the end, a minute or more behind, or behind with a
        planned question at risk. Never while on plan or ahead of it."""
        return (
            self.over
            or self.behind_seconds >= WARN_BEHIND_SECONDS
            or (self.behind and bool(self.at_risk))
        )

    @property
    def on_pace(self) -> bool:
        return not self.warning


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

    Only the plan (the pending questions above the cut) is weighed for what is at risk, and a
    planned question that would end less than :data:`OFF_PLAN_SECONDS` past the planned end
    still fits (on pace is on pace); questions below the cut only take the time the plan
    leaves, and count as gained.
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
    planned = [i for i in pending if i < cut]
    extras = [i for i in pending if i >= cut]
    left = max(budget - elapsed_seconds - current_left, 0.0)
    room = left + OFF_PLAN_SECONDS
    fitting = {planned[j] for j in select_fitting([agenda[i] for i in planned], room, ratio)}
    at_risk = [i for i in planned if i not in fitting]
    left -= sum(agenda[i].minutes * 60 * ratio for i in fitting)
    chosen = select_fitting([agenda[i] for i in extras], max(left, 0.0), ratio)
    gained = [] if at_risk else [extras[j] for j in sorted(chosen)]
    return Pace(
        elapsed_seconds=elapsed_seconds,
        budget_seconds=budget,
        planned_elapsed_seconds=planned_done,
        current_overrun_seconds=overrun,
        ratio=ratio,
        at_risk=at_risk,
        gained=gained,
    )


def place_for(agenda: Sequence[AgendaItem], item: AgendaItem, wishes: Wishes | None = None) -> int:
    """Where ``item`` joins ``agenda``: after the questions of its phase that rank as well or
    better (:func:`interview_tui.goals.rank`), before the first of a later phase or a worse
    rank. Planning then decides on which side of the cut it falls."""
    key = (PHASE_RANK[item.phase], rank(item, wishes))
    for index, other in enumerate(agenda):
        if (PHASE_RANK[other.phase], rank(other, wishes)) > key:
            return index
    return len(agenda)


def agenda_items(banks: Sequence[Bank]) -> list[AgendaItem]:
    """Every question of ``banks`` as an agenda item, in bank order."""
    return [
        AgendaItem.from_question(question, bank) for bank in banks for question in bank.questions
    ]


def apply_plan(session: Session, items: Sequence[AgendaItem], *, keep_order: bool = False) -> Plan:
    """Plan ``items`` into ``session``'s agenda and cut line, weighed against what the
    session is for; returns the plan.

    The current question stays current where it moved to; when it is gone, the call starts
    from the top.
    """
    wishes = session_wishes(session)
    return use_plan(
        session, plan_agenda(items, session.length_minutes, keep_order=keep_order, wishes=wishes)
    )


def use_plan(session: Session, plan: Plan) -> Plan:
    """Make ``plan`` ``session``'s agenda and cut line (see :func:`apply_plan`)."""
    agenda = session.agenda
    index = session.current_index
    current_key = agenda[index].key if 0 <= index < len(agenda) else None
    session.agenda = list(plan.items)
    session.cut_index = plan.cut
    keys = [item.key for item in session.agenda]
    session.current_index = keys.index(current_key) if current_key in keys else 0
    return plan

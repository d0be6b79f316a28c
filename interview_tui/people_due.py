"""What the due list asks about people: keep-in-touch check-ins and introducers to thank,
how marking them done or snoozing changes a person, and how that is undone.

Plain Python, no Textual. Functions that change a person return a changed copy, so the
caller saves it through the workspace (or throws it away).
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any, Literal

from interview_tui.followups import DueItem, due_items
from interview_tui.people import (
    conversations_this_week,
    due_for_touch,
    fold,
    introducers_to_thank,
    last_touch,
    snooze,
)
from interview_tui.person import Interaction, Person

DAYS_PER_CADENCE_MONTH = 30
"""The settings give keep-in-touch in months; a month is 30 days for the cadence."""

PersonDueKind = Literal["keep-in-touch", "thank-introducer"]

CHECK_IN_LINE = "Checked in"


def default_cadence_days(keep_in_touch_months: int) -> int:
    """The cadence for people without their own: the setting's months as days."""
    return keep_in_touch_months * DAYS_PER_CADENCE_MONTH


@dataclass(frozen=True)
class PersonDue:
    """One thing to do for one person; pass it back to :func:`mark_person_done`."""

    person_id: str
    kind: PersonDueKind
    label: str
    due: date
    name: str
    introduced_id: str = ""
    """For a thank-you to an introducer: the person they introduced."""
    introduced_name: str = ""

    @property
    def contact(self) -> str:
        """Sorts with the session items, which sort by contact name."""
        return self.name


def short_day(day: date, today: date) -> str:
    """ "3 Mar", with the year when it is not this year's: "3 Mar 2025"."""
    text = f"{day.day} {day:%b}"
    return text if day.year == today.year else f"{text} {day.year}"


def keep_in_touch_label(person: Person, today: date) -> str:
    """ "Check in with Ana Núñez (last talked 3 Mar)"."""
    touched = last_touch(person)
    since = f" (last talked {short_day(touched, today)})" if touched else ""
    return f"Check in with {person.name}{since}"


def thank_introducer_label(introducer: Person, introduced: Person) -> str:
    return f"Thank {introducer.name} for introducing {introduced.name}"


def met_on(person: Person) -> date | None:
    """The first call with ``person``: when thanking whoever introduced them became due."""
    return min((i.on for i in person.interactions if i.kind == "call"), default=None)


def people_due(
    people: Sequence[Person],
    today: date,
    default_days: int,
    *,
    skip_check_ins: Collection[str] = (),
) -> list[PersonDue]:
    """People due for a touch (their own cadence, else ``default_days``) and introducers to
    thank once whom they introduced has been met, earliest first.

    ``skip_check_ins``: ids of people who already have a session check-in on the list (one
    item, not two, asks to check in with the same person).
    """
    items = [
        PersonDue(person.id, "keep-in-touch", keep_in_touch_label(person, today), when, person.name)
        for person, when in due_for_touch(people, today, default_days)
        if person.id not in skip_check_ins
    ]
    for introducer, introduced in introducers_to_thank(people):
        items.append(
            PersonDue(
                introducer.id,
                "thank-introducer",
                thank_introducer_label(introducer, introduced),
                met_on(introduced) or today,
                introducer.name,
                introduced.id,
                introduced.name,
            )
        )
    items.sort(key=lambda item: (item.due, fold(item.name), item.kind))
    return items


def person_statuses(people: Iterable[Person]) -> dict[str, str]:
    """Each person's status by id: what :func:`~interview_tui.followups.due_items` needs to
    drop referrals to someone already contacted."""
    return {person.id: person.status for person in people}


def check_ins_on_list(
    items: Iterable[Any], person_of_session: Mapping[str, str | None]
) -> set[str]:
    """Ids of people whose session check-in is on the due list already."""
    return {
        person_id
        for item in items
        if getattr(item, "kind", "") == "check-in"
        and (person_id := person_of_session.get(getattr(item, "session_id", "")))
    }


# -- done, snoozed, undone ---------------------------------------------------------------------


def thank_introducer_line(introduced_name: str) -> str:
    return f"Thanked for introducing {introduced_name}"


def mark_introducer_thanked(introduced: Person) -> Person:
    """A copy of the introduced person whose introducer has been thanked."""
    copy = introduced.model_copy(deep=True)
    copy.introducer_thanked = True
    return copy


def snoozed(person: Person, today: date, days: int | None = None) -> Person:
    """A copy of ``person`` whose next touch waits ``days`` (default: two weeks) from today."""
    copy = person.model_copy(deep=True)
    if days is None:
        snooze(copy, today)
    else:
        snooze(copy, today, days)
    return copy


_UNDONE_FIELDS = ("status", "snoozed_until", "introducer_thanked")


def undo_person_change(current: Person, before: Person, after: Person) -> Person:
    """A copy of ``current`` without the change that turned ``before`` into ``after``.

    Interactions that change added are taken out again; a field it changed goes back only
    if nothing has changed it since (``current`` still holds what the change wrote).
    """
    copy = current.model_copy(deep=True)
    added = [i for i in after.interactions if i not in before.interactions]
    kept: list[Interaction] = []
    for interaction in copy.interactions:
        if interaction in added:
            added.remove(interaction)
            continue
        kept.append(interaction)
    copy.interactions = kept
    for name in _UNDONE_FIELDS:
        was, wrote = getattr(before, name), getattr(after, name)
        if was != wrote and getattr(copy, name) == wrote:
            setattr(copy, name, was)
    return copy


# -- the weekly goal ---------------------------------------------------------------------------


def _day(value: object) -> date | None:
    if isinstance(value, str) and len(value) >= 10:
        try:
            return date.fromisoformat(value[:10])
        except ValueError:
            return None
    return None


def held_on(row: Mapping[str, Any]) -> date | None:
    """The day a listed session's call was held; None if it has not been."""
    if row.get("status") not in ("live", "ended"):
        return None
    return _day(row.get("started_at")) or _day(row.get("ended_at"))


def weekly_line(rows: Iterable[Mapping[str, Any]], today: date, goal: int) -> str:
    """ "This week: 1 of 3 conversations" (calls held Monday to today); "" with no goal."""
    if goal <= 0:
        return ""
    held = conversations_this_week((held_on(row) for row in rows), today)
    noun = "conversation" if goal == 1 else "conversations"
    return f"This week: {held} of {goal} {noun}"


# -- the whole due list ------------------------------------------------------------------------


def due_list(
    rows: Sequence[Mapping[str, Any]], people: Sequence[Person], today: date, default_days: int
) -> list[DueItem | PersonDue]:
    """Everything due, sessions' follow-ups and people's touches together, earliest first.

    Referrals to someone already contacted are left out, and a person whose session
    check-in is listed is not asked about twice.
    """
    sessions = due_items(rows, today, person_statuses=person_statuses(people))
    by_session = {str(row.get("id", "")): row.get("person_id") for row in rows}
    touches = people_due(
        people, today, default_days, skip_check_ins=check_ins_on_list(sessions, by_session)
    )
    merged: list[DueItem | PersonDue] = [*sessions, *touches]
    merged.sort(key=lambda item: (item.due, item.contact.lower(), item.kind))
    return merged
